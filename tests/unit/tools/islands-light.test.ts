/**
 * Issue 17: a tool page ships only what its island needs. The schemas (zod, ~40 KB gzip) must not
 * be reachable from a tool island through value imports: the bounds and id lists come from
 * src/schemas/tool-constants.ts, and the engine and state import only types from
 * src/schemas/tools.ts. (Before this rule the S01 island's chunk was 42.9 KB gzip, with zod.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Modules reachable from `entry` through value imports (type-only imports are erased by the build). */
function valueImports(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [normalize(entry)];
  while (queue.length) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"]([^'"]+)['"]/gm)) {
      if (m[2]) continue; // import type / export type
      const spec = m[4] as string;
      if (m[1] === 'export' && !/[{*]/.test(m[3] ?? '')) continue;
      if (spec.startsWith('.')) {
        if (/\.(css)$/.test(spec)) continue;
        queue.push(normalize(join(dirname(file), spec)));
      } else packages.add(spec);
    }
    for (const m of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) if (!(m[1] as string).endsWith('.css') && !(m[1] as string).startsWith('.')) packages.add(m[1] as string);
  }
  return { files, packages };
}

const ISLANDS = readdirSync('src/islands/tools').filter((f) => f.endsWith('.tsx') && /^[A-Z]/.test(f));

describe('tool islands stay light', () => {
  it('there are tool islands to check', () => {
    expect(ISLANDS.length).toBeGreaterThan(0);
  });

  for (const island of ISLANDS) {
    it(`${island} reaches no zod and no src/schemas/tools.ts through value imports`, () => {
      const { files, packages } = valueImports(`src/islands/tools/${island}`);
      expect([...packages].filter((p) => p === 'zod' || p.startsWith('zod/'))).toEqual([]);
      expect([...files].filter((f) => f.endsWith(normalize('schemas/tools.ts')))).toEqual([]);
    });
  }

  it('the walker sees a value import of the schemas (the check can fail)', () => {
    const { files, packages } = valueImports('src/site/self-check.ts');
    expect([...files].some((f) => f.endsWith(normalize('schemas/tools.ts')))).toBe(true);
    expect(packages.has('zod')).toBe(true);
  });
});
