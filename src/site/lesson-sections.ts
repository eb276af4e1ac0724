/**
 * A lesson's sections, read at build time from its rendered body (issue 18 point 5): every <h2>
 * of the body (识别 / 分析 / 解决 / 案例 / 要点回顾 / the job aid…), in order. A heading without an
 * id (a component's, e.g. <Takeaways>) gets a stable one so the index can link to it. The page
 * shows them as a compact index near the top; the shell copies that index into the drawer.
 */
import { textId } from '../components/lesson/ids.ts';

export interface LessonSection {
  /** The heading's id (the link target). */
  id: string;
  /** The heading's text. */
  title: string;
  /** Its label in the compact index: the words before a full-width colon (识别：… → 识别), else the title. */
  short: string;
  /** For an activity after the body: the dictionary word its label is (an interface word, not course text). */
  key?: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The text of an HTML fragment: tags dropped, character references decoded, spaces collapsed. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
      if (ref[0] === '#') {
        const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[ref.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** The short label of a section title. */
export function shortTitle(title: string): string {
  const at = title.indexOf('：');
  return at > 0 ? title.slice(0, at) : title;
}

/** The body's h2 sections, and the body with an id on every h2. */
export function lessonSections(html: string): { html: string; sections: LessonSection[] } {
  const sections: LessonSection[] = [];
  const used = new Set<string>();
  const out = html.replace(/<h2\b([^>]*)>([\s\S]*?)<\/h2>/gi, (whole, attrs: string, inner: string) => {
    const title = htmlText(inner);
    if (!title) return whole;
    let id = /\sid="([^"]+)"/.exec(attrs)?.[1];
    let tag = whole;
    if (!id) {
      id = textId('section', title);
      for (let n = 2; used.has(id); n++) id = `${textId('section', title)}-${n}`;
      tag = `<h2 id="${id}"${attrs}>${inner}</h2>`;
    }
    used.add(id);
    sections.push({ id, title, short: shortTitle(title) });
    return tag;
  });
  return { html: scrollableTables(out), sections };
}

/**
 * Lesson tables scroll sideways on a phone (global.css): a region that scrolls must be reachable
 * by keyboard (WCAG 2.1.1; axe scrollable-region-focusable), so every table is a tab stop. A job
 * aid's seven-column template is wider than 390 px.
 */
export function scrollableTables(html: string): string {
  return html.replace(/<table\b(?![^>]*\stabindex=)/gi, '<table tabindex="0"');
}
