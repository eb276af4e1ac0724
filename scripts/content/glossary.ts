/**
 * The glossary (content/glossary.md) as data: one table row per term (术语 | English | 释义).
 * A section whose heading is followed by the line `<!-- 行内释义 -->` marks its terms for
 * inline display: the build (scripts/build/remark-glossary.ts) turns the first occurrence of
 * each of them in every lesson into a definition the learner can open.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { voiceProblems } from './voice.ts';

export const GLOSSARY_FILE = 'content/glossary.md';
/** The marker line under a section heading that flags its terms for inline display. */
export const INLINE_MARKER = '<!-- 行内释义 -->';

export interface GlossaryEntry {
  /** The term as written in the table (alternatives joined by " / "). */
  term: string;
  /** The spellings looked for in lessons (the term's alternatives). */
  forms: string[];
  english: string;
  definition: string;
  /** The section heading it is under. */
  section: string;
  /** True when its section carries the inline marker. */
  inline: boolean;
  /** 1-based line in the file. */
  line: number;
}

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

/** Every term row of the glossary, with its section and whether it is shown inline. */
export function parseGlossary(text: string): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  let section = '';
  let inline = false;
  let afterHeading = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line.startsWith('## ')) {
      section = line.slice(3).trim();
      inline = false;
      afterHeading = true;
      return;
    }
    if (afterHeading && line === INLINE_MARKER) inline = true;
    if (line !== '') afterHeading = afterHeading && line === INLINE_MARKER;
    if (!section || !line.startsWith('|')) return;
    const [term = '', english = '', definition = ''] = cells(line);
    // The header row and the |---| rule.
    if (term === '术语' || /^-+$/.test(term.replace(/:/g, ''))) return;
    const forms = term.split('/').map((f) => f.trim()).filter(Boolean);
    entries.push({ term, forms, english, definition, section, inline, line: index + 1 });
  });
  return entries;
}

/** The glossary's entries; none when the project has no glossary file. */
export function readGlossary(root: string = process.cwd()): GlossaryEntry[] {
  const path = join(root, GLOSSARY_FILE);
  return existsSync(path) ? parseGlossary(readFileSync(path, 'utf8')) : [];
}

/**
 * Problems an author must fix: a term defined twice, an inline term without a definition, a
 * definition breaking the voice rules (learners read every definition, inline or on the page).
 */
export function glossaryProblems(entries: readonly GlossaryEntry[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, GlossaryEntry>();
  for (const entry of entries) {
    for (const form of entry.forms) {
      const first = seen.get(form);
      if (first) problems.push(`${GLOSSARY_FILE}: line ${entry.line} → "${form}" is already defined on line ${first.line} (${first.section}); define each term once`);
      else seen.set(form, entry);
    }
    if (entry.inline && entry.definition.length < 4) problems.push(`${GLOSSARY_FILE}: line ${entry.line} → inline term "${entry.term}" needs a one-sentence definition`);
    for (const problem of voiceProblems(entry.definition)) problems.push(`${GLOSSARY_FILE}: line ${entry.line} → "${entry.term}" ${problem}`);
  }
  return problems;
}
