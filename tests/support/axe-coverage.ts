/**
 * Which lesson pages need the full, rendered accessibility check (colour contrast at two widths).
 *
 * Contrast and layout come from the components' styles, not from the words in them: two pages
 * built from the same elements and classes render with the same colours. So every lesson gets
 * axe's structural rules (headings, names, labels, tables, ARIA), and only a covering set of
 * pages — together using every element and class any lesson's main content uses — also gets the
 * slow contrast rule at 1280 and 390 px. The set grows only when a lesson brings a new element
 * or style, not with every lesson written.
 */

/** The tag names and class tokens used inside a built page's <main>. */
export function pageFeatures(html: string): Set<string> {
  const start = html.indexOf('<main');
  const end = html.indexOf('</main>', start);
  if (start < 0 || end < 0) throw new Error('the page has no <main> element');
  const main = html.slice(start, end);
  const features = new Set<string>();
  for (const [, tag] of main.matchAll(/<([a-z][a-z0-9-]*)[\s>/]/g)) features.add(`<${tag}>`);
  for (const [, classes] of main.matchAll(/\sclass="([^"]*)"/g)) for (const token of (classes as string).split(/\s+/)) if (token) features.add(`.${token}`);
  return features;
}

/**
 * A small set of pages that together use every feature any page uses (greedy set cover: the page
 * adding the most unseen features first, ties to the earlier id), so it is stable from run to run.
 */
export function coveringPages(pages: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const uncovered = new Set([...pages.values()].flatMap((features) => [...features]));
  const ids = [...pages.keys()].sort();
  const chosen: string[] = [];
  while (uncovered.size > 0) {
    let best = '';
    let gain = 0;
    for (const id of ids) {
      const adds = [...(pages.get(id) ?? [])].filter((f) => uncovered.has(f)).length;
      if (adds > gain) [best, gain] = [id, adds];
    }
    chosen.push(best);
    for (const f of pages.get(best) ?? []) uncovered.delete(f);
  }
  return chosen.sort();
}
