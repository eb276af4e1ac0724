/**
 * A fingerprint of the seed documents, so the originality test runs without them (they are not
 * part of the project and must never be copied into it).
 *
 * Text is normalised by removing all whitespace; every window of RUN characters that holds at
 * least MIN_HAN Chinese characters is hashed: the first 48 bits of its SHA-1, written as 8
 * base64url characters. The fingerprint file lists those hashes, sorted, one per line (about
 * 200 KB). A course text window whose hash is in the list shares a 14-character run with a
 * seed. With ~23,000 seed windows and ~190,000 course windows (~700,000 for the planned 35
 * lessons), a chance collision of 48-bit hashes is under 1 in 10,000 per run of the test.
 *
 * Regenerate (only when the seeds change), with the team's shared folder beside the repository:
 *
 *     npm exec -- node tests/support/seed-fingerprint.ts ../shared/seeds
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const RUN = 14;
export const MIN_HAN = 8;
export const FINGERPRINT_FILE = join(import.meta.dirname, 'seed-fingerprint.txt');

const HAN = /[\u4e00-\u9fff]/g;

export const normalise = (text: string) => text.replace(/\s/g, '');
export const windowHash = (run: string) => createHash('sha1').update(run).digest().subarray(0, 6).toString('base64url');

/** Every window of `text` (already normalised) that counts, with its offset. */
export function* windows(text: string): Generator<{ run: string; at: number }> {
  for (let at = 0; at + RUN <= text.length; at++) {
    const run = text.slice(at, at + RUN);
    if ((run.match(HAN) ?? []).length >= MIN_HAN) yield { run, at };
  }
}

export function fingerprint(text: string): Set<string> {
  const hashes = new Set<string>();
  for (const { run } of windows(normalise(text))) hashes.add(windowHash(run));
  return hashes;
}

export function readFingerprint(file = FINGERPRINT_FILE): Set<string> {
  const lines = readFileSync(file, 'utf8').split('\n');
  return new Set(lines.filter((line) => /^[\w-]{8}$/.test(line)));
}

/** The runs of `text` whose hash is in `seed`, overlapping hits merged into one report each. */
export function sharedRuns(text: string, seed: Set<string>): string[] {
  const found: string[] = [];
  let skipUntil = -1;
  for (const { run, at } of windows(normalise(text))) {
    if (at < skipUntil || !seed.has(windowHash(run))) continue;
    found.push(run);
    skipUntil = at + RUN;
  }
  return found;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node tests/support/seed-fingerprint.ts <seeds folder>');
  // The seed files are joined in name order, as one text, like the course check reads them.
  const text = readdirSync(dir)
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('');
  const hashes = [...fingerprint(text)].sort();
  const header = [
    `# Seed fingerprint: ${hashes.length} hashes (first 48 bits of SHA-1, base64url) of every ${RUN}-character window with at least ${MIN_HAN} Chinese characters`,
    '# of the seed documents, whitespace removed. No seed text is stored. Regenerate: see tests/support/seed-fingerprint.ts.',
  ];
  writeFileSync(FINGERPRINT_FILE, `${[...header, ...hashes].join('\n')}\n`);
  console.log(`wrote ${FINGERPRINT_FILE}: ${hashes.length} hashes`);
}
