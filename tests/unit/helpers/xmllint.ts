/**
 * Validation of manifests against the official ADL schemas in ../shared/xsd (relative to the
 * repository root), with xmllint (Debian libxml2-utils; .ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const XSD_DIR = fileURLToPath(new URL('../../../../shared/xsd', import.meta.url));
export const XSD_PRESENT = existsSync(join(XSD_DIR, 'SOURCES.md'));
/** Printed as the skip reason: the only case in which schema validation does not run. */
export const XSD_SKIP = `ADL schemas not found at ${XSD_DIR} (the shared/ folder beside the repository); schema validation skipped`;

const SCHEMA = {
  '1.2': join(XSD_DIR, 'scorm12', 'scorm12_all.xsd'),
  '2004': join(XSD_DIR, 'scorm2004-4ed', 'scorm2004_4ed_all.xsd'),
} as const;

export interface Validation {
  valid: boolean;
  output: string;
}

/** Validates a manifest; throws (fails the test) when xmllint itself is missing. */
export function validateManifest(xml: string, version: '1.2' | '2004'): Validation {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  try {
    const file = join(dir, 'imsmanifest.xml');
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', SCHEMA[version], file], { encoding: 'utf8' });
    if (run.error) throw new Error(`xmllint is not installed (apt-get install -y libxml2-utils): ${run.error.message}`);
    return { valid: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
