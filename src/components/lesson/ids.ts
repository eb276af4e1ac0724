/** A short, stable id from text, for aria-labelledby within a page (same text → same id). */
export function textId(prefix: string, text: string): string {
  let hash = 5381;
  for (const char of text) hash = ((hash * 33) ^ (char.codePointAt(0) ?? 0)) >>> 0;
  return `${prefix}-${hash.toString(36)}`;
}
