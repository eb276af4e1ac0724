/**
 * Rewrites the words Astro rendered from a dictionary (marked by src/components/i18n.ts) into
 * another language, and back. Elements say what they hold:
 * - `data-i18n="nav.next"`: the text content is that key's word (`data-i18n-vars` JSON fills
 *   its `{placeholders}`);
 * - `data-i18n-attr="aria-label:nav.toc;data-progress:progress.summary"`: attributes hold words
 *   (templates whose placeholders the shell fills later stay templates; `data-i18n-attr-vars`
 *   JSON fills an attribute's placeholders: `{"data-scorm12": {"version": "SCORM 1.2"}}`).
 * The first rewrite keeps the Chinese original, so switching back restores it exactly.
 */
import { fill } from './format.ts';

const originals = new WeakMap<Element, Map<string, string>>();

function vars(element: Element, attribute = 'data-i18n-vars'): Record<string, Record<string, string | number>> {
  try {
    return JSON.parse(element.getAttribute(attribute) ?? '{}') as Record<string, Record<string, string | number>>;
  } catch {
    return {};
  }
}

/** `words` null: back to the original (Chinese) words. */
export function translate(root: ParentNode, words: Readonly<Record<string, string>> | null): void {
  const set = (element: Element, slot: string, key: string, current: string, write: (value: string) => void, values: object) => {
    let kept = originals.get(element);
    if (!kept) originals.set(element, (kept = new Map()));
    if (!kept.has(slot)) kept.set(slot, current);
    const word = words?.[key];
    // A value "@key" is another word (e.g. the kind of job aid inside "Print this {kind}").
    const filled = Object.fromEntries(Object.entries(values).map(([name, v]) => [name, typeof v === 'string' && v[0] === '@' ? (words?.[v.slice(1)] ?? v) : v]));
    const value = word === undefined ? (kept.get(slot) as string) : fill(word, filled as Record<string, string | number>);
    if (value !== current) write(value);
  };
  for (const element of root.querySelectorAll('[data-i18n]')) {
    set(element, '', element.getAttribute('data-i18n') ?? '', element.textContent ?? '', (value) => (element.textContent = value), vars(element));
    // Interface words may sit inside course text (marked zh-CN): say which language they are in.
    if (words) element.setAttribute('lang', 'en');
    else element.removeAttribute('lang');
  }
  for (const element of root.querySelectorAll('[data-i18n-attr]')) {
    const attributeVars = vars(element, 'data-i18n-attr-vars');
    for (const pair of (element.getAttribute('data-i18n-attr') ?? '').split(';')) {
      const [name, key] = pair.split(':');
      if (name && key) set(element, name, key, element.getAttribute(name) ?? '', (value) => element.setAttribute(name, value), attributeVars[name] ?? {});
    }
  }
}
