import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PackageIndexEntry } from '../../scripts/package.ts';
import { SECTOR_LESSONS } from '../../src/engine/path-lessons.ts';
import { lintManifest } from '../../scripts/lib/manifest-lint.ts';
import { readZip } from '../../scripts/lib/zip.ts';
import { controlDocuments } from '../../scripts/package.ts';
import { validateManifest } from '../support/xmllint.ts';
import { expect, test } from './fixtures.ts';

// The real packages of this build (npm run test:e2e packages before it runs Playwright).
const dir = join('dist', 'packages');
const zips = readdirSync(dir).filter((f) => f.endsWith('.zip')).sort();

test('the course, each part with lessons and each role path are packaged for both SCORM versions', () => {
  const names = new Set(zips.map((f) => f.replace(/-scorm(12|2004)\.zip$/, '')));
  for (const expected of ['course', 'part1', 'part2', 'part3', 'part4', 'new-hire-frontline', 'cs-complaint-handling', 'store-branch-manager', 'marketing', 'digital-product'])
    expect(names, expected).toContain(expected);
  for (const name of names) {
    expect(zips).toContain(`${name}-scorm12.zip`);
    expect(zips).toContain(`${name}-scorm2004.zip`);
  }
});

for (const file of zips) {
  test(`${file}: manifest passes our lint and the official ADL schemas`, () => {
    const version = file.endsWith('-scorm12.zip') ? '1.2' : '2004';
    const zip = readZip(readFileSync(join(dir, file)));
    const xml = Buffer.from(zip.get('imsmanifest.xml') as Uint8Array).toString('utf8');
    expect(lintManifest({ xml, version, entries: [...zip.keys()], controlFiles: [...controlDocuments(version).keys()] })).toEqual([]);
    const result = validateManifest(xml, version);
    expect(result.valid, result.output).toBe(true);
  });
}

const pathIndex = (): PackageIndexEntry[] => JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as PackageIndexEntry[];

test('each role path holds its own sector elective, and the catalogue says how to swap it', () => {
  const entries = pathIndex().filter((e) => e.path !== undefined);
  expect(entries.length).toBeGreaterThan(0);
  for (const entry of entries) {
    const pages = [...readZip(readFileSync(join(dir, entry.file))).keys()].filter((f) => /^[ps]\d\d\.html$/.test(f));
    const electives = Object.values(SECTOR_LESSONS).filter((id) => pages.includes(`${id.toLowerCase()}.html`));
    expect(electives, entry.file).toEqual([SECTOR_LESSONS[entry.sector as keyof typeof SECTOR_LESSONS]]);
  }
  const catalogue = readFileSync(join(dir, 'catalogue.html'), 'utf8');
  expect(catalogue).toContain('npm run package -- --path new-hire-frontline --sector ');
});

test('npm run package -- --path new-hire-frontline --sector hotel: one path with the hotel lesson instead of its own', () => {
  const out = mkdtempSync(join(tmpdir(), 'sector-'));
  try {
    const run = spawnSync(process.execPath, ['scripts/package.ts', '--no-build', '--path', 'new-hire-frontline', '--sector', 'hotel', '--out', out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const made = readdirSync(out).filter((f) => f.endsWith('.zip')).sort();
    expect(made).toEqual(['new-hire-frontline-hotel-scorm12.zip', 'new-hire-frontline-hotel-scorm2004.zip']);
    const own = pathIndex().find((e) => e.name === 'new-hire-frontline' && e.version === '2004');
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as PackageIndexEntry[];
    const hotel = index.find((e) => e.version === '2004');
    expect(hotel).toMatchObject({ name: 'new-hire-frontline-hotel', sector: 'hotel', path: 'new-hire-frontline' });
    // The same lessons as the path's own package, with P32 in place of its own sector's lesson.
    const ownElective = SECTOR_LESSONS[own?.sector as keyof typeof SECTOR_LESSONS];
    expect(hotel?.lessons.map((l) => l.id).sort()).toEqual([...(own?.lessons.map((l) => l.id).filter((id) => id !== ownElective) ?? []), 'P32'].sort());
    for (const file of made) {
      const version = file.endsWith('-scorm12.zip') ? '1.2' : '2004';
      const zip = readZip(readFileSync(join(out, file)));
      expect(zip.has('p32.html'), file).toBe(true);
      expect(zip.has(`${ownElective.toLowerCase()}.html`), file).toBe(false);
      const xml = Buffer.from(zip.get('imsmanifest.xml') as Uint8Array).toString('utf8');
      expect(xml).toContain(hotel?.title);
      expect(lintManifest({ xml, version, entries: [...zip.keys()], controlFiles: [...controlDocuments(version).keys()] })).toEqual([]);
      const result = validateManifest(xml, version);
      expect(result.valid, result.output).toBe(true);
    }
    const wrong = spawnSync(process.execPath, ['scripts/package.ts', '--no-build', '--path', 'new-hire-frontline', '--sector', 'casino', '--out', out], { encoding: 'utf8' });
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain('--sector: unknown sector "casino"');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
