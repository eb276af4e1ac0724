import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Lessons, banks and role-plays are written in our own words: no run of 14 characters (with at
// least 8 Chinese ones) may match the seed documents. Short facts ("76%") still may.
const root = join(import.meta.dirname, '..', '..');
const seedDir = join(root, '..', 'shared', 'seeds');
const RUN = 14;

function contentFiles(): string[] {
  const list = (dir: string, ext: RegExp) => readdirSync(join(root, dir)).filter((f) => ext.test(f)).map((f) => join(dir, f));
  return [...list('content/lessons', /\.mdx$/), ...list('quizzes', /\.ya?ml$/), ...list('scenarios', /\.ya?ml$/)];
}

describe.skipIf(!existsSync(seedDir))('course text is our own writing', () => {
  it(`shares no ${RUN}-character run with the seed documents`, () => {
    const seed = readdirSync(seedDir).map((f) => readFileSync(join(seedDir, f), 'utf8')).join('').replace(/\s/g, '');
    const runs = new Set<string>();
    for (let i = 0; i + RUN <= seed.length; i++) runs.add(seed.slice(i, i + RUN));
    const copied: string[] = [];
    for (const file of contentFiles()) {
      const text = readFileSync(join(root, file), 'utf8').replace(/\s/g, '');
      for (let i = 0; i + RUN <= text.length; i++) {
        const run = text.slice(i, i + RUN);
        if (runs.has(run) && (run.match(/[\u4e00-\u9fff]/g) ?? []).length >= 8) {
          copied.push(`${file}: ${run}`);
          i += RUN - 1;
        }
      }
    }
    expect(copied, 'rewrite these in our own words').toEqual([]);
  });
});
if (!existsSync(seedDir)) describe('course text is our own writing', () => it.skip('../shared/seeds is not beside the repo', () => {}));
