/**
 * Invisible characters in YAML and frontmatter values (issue 9, item 12). A zero-width space
 * pasted into an id makes it look right and match nothing, and the schema then reports the
 * wrong thing (a pattern mismatch here, an "unknown scenario" in the lesson that names it).
 * So every string is checked first: each invisible character is reported with the file, the
 * field and its code point, and removed from the value that goes on to the schema, so no
 * follow-on message hides the real one. The build still fails on the report.
 */

/**
 * Format and control characters (zero-width space/joiners, bidi marks and overrides, word
 * joiner, BOM, soft hyphen…), line/paragraph separators and the blank "filler" letters;
 * tab, newline and carriage return are ordinary whitespace and pass.
 */
const INVISIBLE = /(?![\t\n\r])[\p{Cf}\p{Cc}\u2028\u2029\u115F\u1160\u3164\uFFA0]/gu;

const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Returns `raw` with invisible characters removed from every string (and key), and pushes one
 * problem per affected field: `file: field → contains an invisible character U+200B …`.
 */
export function stripInvisible(raw: unknown, file: string, problems: string[], prefix = ''): unknown {
  const walk = (value: unknown, path: string[]): unknown => {
    if (typeof value === 'string') {
      const found = [...new Set(value.match(INVISIBLE) ?? [])];
      if (!found.length) return value;
      const field = [prefix, ...path].filter(Boolean).join('.') || '(root)';
      const visible = value.replace(INVISIBLE, '');
      const shown = visible.length > 40 ? `${visible.slice(0, 40)}…` : visible;
      problems.push(
        `${file}: ${field} → contains an invisible character ${found.map(codePoint).join(', ')} ("${shown}"); delete it`,
      );
      return visible;
    }
    // A list at the top (parts.yaml) is shown as [0].title, as the schema messages show it.
    if (Array.isArray(value)) return value.map((item, index) => walk(item, [...path, path.length || prefix ? String(index) : `[${index}]`]));
    if (value && typeof value === 'object') {
      // fromEntries defines own properties, so even a "__proto__" key stays plain data.
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => {
          const cleanKey = walk(key, [...path, `(key ${key.replace(INVISIBLE, '')})`]) as string;
          return [cleanKey, walk(item, [...path, cleanKey])];
        }),
      );
    }
    return value;
  };
  return walk(raw, []);
}
