/**
 * The data of a large island (a quiz's questions, a role-play's scenario) travels as JSON in a
 * `<script type="application/json">` beside the island, not in Astro's props attribute: Astro
 * writes every prop value wrapped (`[0,…]`) and HTML-escaped (`&quot;`), which made the props of
 * the course assessment 450 KB and pushed the whole-course package over its 2 MB budget. The
 * island gets only the script's id. The build renders the island from the same value
 * (src/site/island-data.ts registers it), so the server HTML and the first client render agree.
 */

/** Values registered by the build for server rendering, by script id. */
export const serverIslandData = new Map<string, unknown>();

/** Parsed values by script id, with the element they came from (a page swap brings a new one). */
const parsed = new Map<string, { source: Element; value: unknown }>();

/** The island data of `id`: registered (build) or parsed once from the page's JSON script (browser). */
export function readIslandData<T>(id: string): T {
  if (typeof document === 'undefined') {
    if (!serverIslandData.has(id)) throw new Error(`island data "${id}" was not provided (src/site/island-data.ts)`);
    return serverIslandData.get(id) as T;
  }
  const source = document.getElementById(id);
  if (!source) throw new Error(`island data #${id} is missing from the page`);
  const hit = parsed.get(id);
  if (hit && hit.source === source) return hit.value as T;
  const value: unknown = JSON.parse(source.textContent ?? 'null');
  parsed.set(id, { source, value });
  return value as T;
}
