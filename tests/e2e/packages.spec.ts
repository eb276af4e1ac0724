import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
