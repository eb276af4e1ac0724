/**
 * What a lesson's MDX may contain beyond its frontmatter (issue 9, items 11–12). Lessons are
 * compiled into every page of the course, so they may not carry code of their own: no
 * `<script>`, no event-handler attributes (`onclick=`, JSX `onClick={…}`), no `javascript:`
 * URLs, no elements that load or redirect (iframe, object, base, meta…), no import/export lines
 * (the component kit needs none), no components outside the kit, and no file so large it can
 * only be a mistake. Each problem names file, line and reason.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { LESSON_COMPONENT_NAMES } from '../../src/components/lesson/kit.ts';

/** One lesson's MDX file at most; the longest real lesson is about 15 KB. */
export const MAX_LESSON_BYTES = 60_000;

const kit = new Set<string>(LESSON_COMPONENT_NAMES);
/** HTML elements that embed other documents, submit, or change how the page loads. */
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'meta', 'link', 'form']);

/** The source with frontmatter, fenced code and inline code blanked out; offsets and line numbers stay. */
function proseAndMarkup(source: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return source
    .replace(/^---\r?\n[\s\S]*?\r?\n---/, blank)
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/`[^`\n]+`/g, blank);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

interface Tag {
  name: string;
  offset: number;
  attributes: { name: string; offset: number }[];
}

/**
 * Opening tags (HTML or JSX) with their attribute names. Attribute values in quotes or braces
 * are skipped as a whole (braces nest), so text inside them is never taken for an attribute.
 */
function openingTags(text: string): Tag[] {
  const tags: Tag[] = [];
  const start = /<([A-Za-z][\w.:-]*)/g;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    const tag: Tag = { name: match[1] as string, offset: match.index, attributes: [] };
    let i = start.lastIndex;
    while (i < text.length) {
      const c = text[i] as string;
      if (c === '>') break;
      if (c === '"' || c === "'") {
        const end = text.indexOf(c, i + 1);
        i = end < 0 ? text.length : end + 1;
      } else if (c === '{') {
        let depth = 0;
        for (; i < text.length; i++) {
          const d = text[i];
          if (d === '{') depth++;
          else if (d === '}' && --depth === 0) break;
        }
        i++;
      } else if (/[A-Za-z_:@]/.test(c)) {
        const name = /^[\w:@.-]+/.exec(text.slice(i))?.[0] ?? c;
        tag.attributes.push({ name, offset: i });
        i += name.length;
      } else i++;
    }
    tags.push(tag);
    start.lastIndex = Math.max(start.lastIndex, i);
  }
  return tags;
}

/** Problems of one lesson's source, as `file:line: field → reason` lines. */
export function checkLessonSource(file: string, source: string): string[] {
  const problems: string[] = [];
  const bytes = Buffer.byteLength(source);
  if (bytes > MAX_LESSON_BYTES)
    problems.push(
      `${file}: (file) → ${(bytes / 1024).toFixed(0)} KB is over the ${MAX_LESSON_BYTES / 1000} KB limit for one lesson; ` +
        'split it into two lessons or move material out',
    );
  const text = proseAndMarkup(source);
  const at = (offset: number) => `${file}:${lineAt(text, offset)}`;

  for (const match of text.matchAll(/<\/?\s*script\b/gi))
    problems.push(`${at(match.index)}: body → <script> is not allowed in a lesson; lessons carry no code of their own`);
  for (const match of text.matchAll(/javascript\s*:/gi))
    problems.push(`${at(match.index)}: body → a javascript: URL is not allowed in a lesson`);
  for (const match of text.matchAll(/^(import|export)\b/gm))
    problems.push(`${at(match.index)}: body → ${match[1]} lines are not allowed in a lesson; the component kit needs no import`);

  for (const tag of openingTags(text)) {
    if (tag.name.toLowerCase() === 'script') continue; // reported above
    if (FORBIDDEN_ELEMENTS.has(tag.name.toLowerCase()))
      problems.push(`${at(tag.offset)}: body → <${tag.name}> is not allowed in a lesson; it embeds, submits or redirects`);
    for (const attribute of tag.attributes)
      if (/^on[a-z]/i.test(attribute.name))
        problems.push(`${at(attribute.offset)}: body → event-handler attribute "${attribute.name}" on <${tag.name}> is not allowed in a lesson`);
    if (/^[A-Z]|\./.test(tag.name) && !kit.has(tag.name))
      problems.push(
        `${at(tag.offset)}: body → unknown component <${tag.name}>; the lesson kit has ${LESSON_COMPONENT_NAMES.join(', ')}`,
      );
  }
  return problems;
}

/** Checks every lesson file (whether or not its frontmatter is valid). */
export function checkLessonFiles(root: string, paths: string[]): string[] {
  return paths.flatMap((path) => {
    try {
      return checkLessonSource(relative(root, path), readFileSync(path, 'utf8'));
    } catch {
      return []; // unreadable files are reported by the frontmatter check
    }
  });
}
