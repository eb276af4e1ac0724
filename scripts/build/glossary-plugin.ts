/**
 * Inline glossary definitions, at build time, with no JavaScript: in every lesson the first
 * occurrence of each term flagged for inline display (content/glossary.md, sections marked
 * `<!-- 行内释义 -->`) becomes
 *
 *   <span class="gloss"><button type="button" class="gloss-term" popovertarget="gloss-3">专业度</button><span
 *     class="gloss-pop" id="gloss-3" popover="auto" role="note"><strong>专业度</strong> professionalism：…</span></span>
 *
 * The browser's Popover API opens it on click, tap, Enter or Space and closes it on Escape or a
 * click elsewhere; print CSS shows the definition in brackets after the term. Headings (and so
 * the table of contents), links, code, the folded manager extension, the job-aid card and
 * component attributes are left alone (a definition button belongs in running text), so a term
 * there is wrapped at its next occurrence instead.
 *
 * It is an mdast plugin for Astro's Markdown processor (Sätteri: `markdown.processor:
 * satteri({ mdastPlugins: [glossaryPlugin()] })`, which MDX inherits). Sätteri visits text in
 * document order; the factory runs once per document, so "first occurrence" is per lesson.
 */
import { defineMdastPlugin, type MdastPluginEntry } from 'satteri';
import { readGlossary, type GlossaryEntry } from '../content/glossary.ts';

/** Ancestor node types whose text is never wrapped. */
const SKIP_TYPES = new Set(['heading', 'link', 'linkReference', 'code', 'inlineCode', 'definition', 'html', 'tableOfContents']);
/** Lesson components whose text is not running lesson text for the definition. */
export const SKIP_COMPONENTS = new Set(['ForManagers', 'JobAid', 'KeyFigure']);

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The markup of one inline definition. */
export function glossaryHtml(entry: GlossaryEntry, form: string, id: string): string {
  const english = entry.english ? ` ${escapeHtml(entry.english)}` : '';
  return (
    `<span class="gloss"><button type="button" class="gloss-term" popovertarget="${id}">${escapeHtml(form)}</button>` +
    `<span class="gloss-pop" id="${id}" popover="auto" role="note"><strong>${escapeHtml(entry.term)}</strong>${english}：${escapeHtml(entry.definition)}</span></span>`
  );
}

export type Segment = string | { entry: GlossaryEntry; form: string; id: string };

/**
 * Finds first occurrences across one document's text, in the order the text is offered. Pure:
 * the Sätteri plugin feeds it text nodes; tests feed it strings.
 */
export class GlossaryMatcher {
  private readonly pending = new Map<string, GlossaryEntry>();
  private count = 0;
  readonly wrapped: string[] = [];
  private readonly idPrefix: string;

  constructor(entries: readonly GlossaryEntry[], idPrefix = 'gloss') {
    this.idPrefix = idPrefix;
    for (const entry of entries) for (const form of entry.forms) if (!this.pending.has(form)) this.pending.set(form, entry);
  }

  get done(): boolean {
    return this.pending.size === 0;
  }

  /** The earliest pending form in `text` (the longest when two start at the same place). */
  private first(text: string): { at: number; form: string } | null {
    let best: { at: number; form: string } | null = null;
    for (const form of this.pending.keys()) {
      const at = text.indexOf(form);
      if (at >= 0 && (!best || at < best.at || (at === best.at && form.length > best.form.length))) best = { at, form };
    }
    return best;
  }

  /** `text` cut around the terms met for the first time; null when it holds none. */
  split(text: string): Segment[] | null {
    let match = this.first(text);
    if (!match) return null;
    const out: Segment[] = [];
    let rest = text;
    while (match) {
      const entry = this.pending.get(match.form) as GlossaryEntry;
      for (const form of entry.forms) this.pending.delete(form);
      if (match.at > 0) out.push(rest.slice(0, match.at));
      out.push({ entry, form: match.form, id: `${this.idPrefix}-${++this.count}` });
      this.wrapped.push(entry.term);
      rest = rest.slice(match.at + match.form.length);
      match = this.first(rest);
    }
    if (rest) out.push(rest);
    return out;
  }
}

interface AncestorLike {
  type: string;
  name?: string | null;
}

/** True when text under these ancestors (nearest first) is left alone. */
export function skipped(ancestors: readonly AncestorLike[]): boolean {
  return ancestors.some(
    (a) => SKIP_TYPES.has(a.type) || ((a.type === 'mdxJsxFlowElement' || a.type === 'mdxJsxTextElement') && SKIP_COMPONENTS.has(a.name ?? '')),
  );
}

/** The Sätteri mdast plugin (a factory: one matcher per document). */
export function glossaryPlugin(entries: readonly GlossaryEntry[] = readGlossary().filter((e) => e.inline)): MdastPluginEntry {
  return () => {
    const matcher = new GlossaryMatcher(entries);
    return defineMdastPlugin({
      name: 'course-glossary',
      text(node, ctx) {
        if (matcher.done) return;
        const ancestors: AncestorLike[] = [];
        for (let p = ctx.parent(node) as AncestorLike | undefined; p; p = ctx.parent(p as never) as AncestorLike | undefined) ancestors.push(p);
        if (skipped(ancestors)) return;
        const segments = matcher.split(node.value);
        if (!segments) return;
        ctx.replaceNode(
          node,
          segments.map((s) => (typeof s === 'string' ? { type: 'text' as const, value: s } : { rawHtml: glossaryHtml(s.entry, s.form, s.id) })),
        );
      },
    });
  };
}
