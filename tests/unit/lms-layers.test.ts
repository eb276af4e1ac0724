/**
 * Arrows point down (DESIGN.md "Target layout"): src/state uses src/lms (types, status), so
 * src/lms must import nothing from src/state, src/runtime or the islands — no folder cycle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const UPPER = ['src/state', 'src/runtime', 'src/islands', 'src/components', 'src/layouts', 'src/pages'];

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|import\s+['"](\.[^'"]+)['"]/g)].map(
    (m) => relative(root, resolve(dirname(file), (m[1] ?? m[2] ?? m[3]) as string)),
  );
}

describe('src/lms layering', () => {
  const files = readdirSync(join(root, 'src/lms')).filter((f) => f.endsWith('.ts')).map((f) => join(root, 'src/lms', f));

  it('finds the imports it checks (the scan works)', () => {
    expect(imports(join(root, 'src/lms/scorm-adapter.ts'))).toContain('src/lms/commit-queue.ts');
  });

  it('imports nothing from the layers above it', () => {
    const upward = files.flatMap((file) => imports(file).filter((target) => UPPER.some((u) => target.startsWith(`${u}/`))).map((target) => `${relative(root, file)} → ${target}`));
    expect(upward).toEqual([]);
  });
});
