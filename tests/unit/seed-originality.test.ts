import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, readFingerprint, RUN, sharedRuns } from '../support/seed-fingerprint.ts';

// Lessons, banks and role-plays are written in our own words: no run of 14 characters (with at
// least 8 Chinese ones) may match the seed documents. Short facts ("76%") still may. The seeds
// are not in the project; tests/support/seed-fingerprint.txt holds hashes of their 14-character
// windows (see tests/support/seed-fingerprint.ts), so this runs in any clone.
const root = join(import.meta.dirname, '..', '..');

function contentFiles(): string[] {
  const list = (dir: string, ext: RegExp) => readdirSync(join(root, dir)).filter((f) => ext.test(f)).map((f) => join(dir, f));
  // content/*.yaml: the self-assessment items, the self-check's 120 checkpoints, parts and the glossary's neighbours.
  return [...list('content', /\.(ya?ml|md)$/), ...list('content/lessons', /\.mdx$/), ...list('quizzes', /\.ya?ml$/), ...list('scenarios', /\.ya?ml$/)];
}

describe('course text is our own writing', () => {
  const seed = readFingerprint();

  it('has the seed fingerprint', () => {
    expect(seed.size).toBeGreaterThan(10_000);
  });

  it(`shares no ${RUN}-character run with the seed documents`, () => {
    const files = contentFiles();
    expect(files.length).toBeGreaterThan(10);
    const copied = files.flatMap((file) => sharedRuns(readFileSync(join(root, file), 'utf8'), seed).map((run) => `${file}: ${run}`));
    expect(copied, 'rewrite these in our own words').toEqual([]);
    // Hashes every 14-character window of every content file (5–9 s alone, growing with the
    // course); generous so a loaded 2-core machine does not fail it on time alone.
  }, 180_000);

  it('catches a copied run, across line breaks and spaces, and lets 13 characters pass', () => {
    // A stand-in seed written for this test; the real one is only known by its hashes.
    const standIn = fingerprint('据某次门店回访统计，超过半数的顾客在第一次不满意后便不再光顾，也不会告诉店员原因。');
    expect(sharedRuns('我们写道：超过半数的顾客在第一次\n不满意后 便不再光顾。', standIn)).toEqual(['超过半数的顾客在第一次不满意']);
    expect(sharedRuns('我们写道：超过半数的顾客在第一次不满。', standIn)).toEqual([]);
    expect(sharedRuns('超过半数的顾客在第一次不满意后便不再光顾', standIn)).toHaveLength(1);
  });
});
