import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CourseContent } from '../../scripts/lib/content-check.ts';
import { lintManifest } from '../../scripts/lib/manifest-lint.ts';
import { customPlan, listFiles, standardPlans, unreachableRequiredPages } from '../../scripts/lib/package-plan.ts';
import { readZip } from '../../scripts/lib/zip.ts';
import { buildPackage, controlDocuments } from '../../scripts/package.ts';
import { validateManifest } from '../support/xmllint.ts';

const dist = fileURLToPath(new URL('../fixtures/package-dist', import.meta.url));
const distFiles = listFiles(dist);
const lesson = (id: string, part: string, order: number, minutes: number) => ({ file: `content/lessons/${id}.mdx`, data: { id, part, order, minutes, title: `课 ${id}` } });
const content = {
  parts: [
    { file: 'content/parts.yaml', data: { id: 'intro', order: 0, label: '导论', title: '概述' } },
    { file: 'content/parts.yaml', data: { id: 'part1', order: 2, label: '第一部分', title: '客户体验雷区' } },
    { file: 'content/parts.yaml', data: { id: 'part2', order: 3, label: '第二部分', title: '服务设计雷区' } },
  ],
  lessons: [lesson('P03', 'part1', 3, 20), lesson('P01', 'part1', 1, 15), lesson('P02', 'part1', 2, 15)],
  paths: [{ file: 'content/paths/new-hire.yaml', data: { id: 'new-hire', title: '新员工', lessons: ['P03', 'P01'] } }],
  quizzes: [
    { file: 'quizzes/course-assessment.yaml', data: { id: 'course-assessment', kind: 'assessment', passMark: 85, draw: [{ part: 'all', perBank: 2 }] } },
    { file: 'quizzes/part1-assessment.yaml', data: { id: 'part1-assessment', kind: 'assessment', passMark: 80, draw: [{ part: 'part1', perBank: 2 }] } },
    { file: 'quizzes/p01.yaml', data: { id: 'p01', kind: 'bank', lesson: 'P01' } },
  ],
  scenarios: [],
} as unknown as CourseContent;
const allLessons = ['P01', 'P02', 'P03'];
const out = mkdtempSync(join(tmpdir(), 'packages-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const plans = standardPlans(content, dist);
const build = (name: string, version: '1.2' | '2004', dir = out) => {
  const plan = name.startsWith('custom') ? customPlan(content, ['P03', 'P01'], '自选 & 组合', undefined) : plans.find((p) => p.name === name);
  if (!plan) throw new Error(`no plan ${name}`);
  const built = buildPackage(dist, distFiles, plan, allLessons, version, dir);
  return { built, zip: readZip(readFileSync(built.file)) };
};
const text = (zip: Map<string, Uint8Array>, path: string) => Buffer.from(zip.get(path) as Uint8Array).toString('utf8');

describe('package plans', () => {
  it('cover the course, each part with lessons and each path, in course order', () => {
    expect(plans.map((p) => [p.name, p.lessons.join(','), p.assessment ?? '-', p.masteryScore, p.minutes])).toEqual([
      ['course', 'P01,P02,P03', 'course-assessment', 85, 50],
      ['part1', 'P01,P02,P03', 'part1-assessment', 80, 50],
      ['new-hire', 'P01,P03', '-', 80, 35],
    ]);
  });

  it('reject unknown lessons in a custom package with a clear message', () => {
    expect(() => customPlan(content, ['P01', 'P99'], 'x', undefined)).toThrow(/unknown lesson id\(s\) P99/);
  });
});

describe.each(['1.2', '2004'] as const)('SCORM %s zip', (version) => {
  it('holds only its lessons, the shared assets, the manifest and the control documents at the root', () => {
    const { zip } = build('new-hire', version);
    const files = [...zip.keys()].sort();
    const controls = [...controlDocuments(version).keys()];
    expect(controls.length).toBeGreaterThanOrEqual(version === '1.2' ? 4 : 15);
    expect(files).toEqual(
      ['_astro/boot.js', '_astro/fig.png', '_astro/site.css', 'favicon.svg', 'imsmanifest.xml', 'index.html', 'p01.html', 'p03.html', 'practice.html', ...controls].sort(),
    );
    // p02 (another lesson) and the assessments (not this package's) stay out.
    expect(files).not.toContain('p02.html');
    expect(files).not.toContain('assessment-course.html');
  });

  it('tells its pages their scope, package, version, mastery and assessment', () => {
    const { zip } = build('course', version);
    const index = text(zip, 'index.html');
    const suffix = version === '1.2' ? 'scorm12' : 'scorm2004';
    expect(index).toContain(`<meta name="course-package" content="course-${suffix}">`);
    expect(index).toContain(`<meta name="course-scorm" content="${version}">`);
    expect(index).toContain('<meta name="course-scope" content="P01,P02,P03">');
    expect(index).toContain('<meta name="course-mastery" content="85">');
    expect(index).toContain('<meta name="course-assessment" content="course-assessment">');
    expect(zip.has('assessment-course.html')).toBe(true);
    expect(zip.has('assessment-part1.html')).toBe(false);
    expect(text(zip, 'p01.html').indexOf('<meta name="course-scope"')).toBeLessThan(text(zip, 'p01.html').indexOf('<title>'));
  });

  it('is byte-identical when built twice from the same input', () => {
    const a = build('custom', version, mkdtempSync(join(out, 'a-')));
    const b = build('custom', version, mkdtempSync(join(out, 'b-')));
    expect(Buffer.compare(readFileSync(a.built.file), readFileSync(b.built.file))).toBe(0);
    expect(a.built.file.endsWith(`custom-p03-p01-scorm${version === '1.2' ? '12' : '2004'}.zip`)).toBe(true);
  });

  it('passes the manifest lint on what is really in the zip', () => {
    for (const name of ['course', 'part1', 'new-hire', 'custom']) {
      const { zip } = build(name, version);
      const problems = lintManifest({ xml: text(zip, 'imsmanifest.xml'), version, entries: [...zip.keys()], controlFiles: [...controlDocuments(version).keys()] });
      expect(problems, name).toEqual([]);
    }
  });

  it('has a manifest that validates against the ADL schemas', () => {
    for (const name of ['course', 'part1', 'new-hire', 'custom']) {
      const { zip } = build(name, version);
      const result = validateManifest(text(zip, 'imsmanifest.xml'), version);
      expect(result.valid, `${name}: ${result.output}`).toBe(true);
    }
  });
});
describe('every page the completion rule needs is reachable by clicking', () => {
  const hidden = fileURLToPath(new URL('../fixtures/package-hidden-assessment', import.meta.url));
  const hiddenFiles = listFiles(hidden);
  const coursePlan = standardPlans(content, hidden).find((p) => p.name === 'course');

  it.each(['1.2', '2004'] as const)('SCORM %s: a package whose home page hides its assessment fails the build, naming the page', (version) => {
    expect(coursePlan?.assessmentPage).toBe('assessment-course.html');
    expect(() => buildPackage(hidden, hiddenFiles, coursePlan as NonNullable<typeof coursePlan>, allLessons, version, mkdtempSync(join(out, 'hidden-')))).toThrow(
      /course-scorm(12|2004): assessment-course\.html is needed to complete the package but no link from index\.html inside the package leads there/,
    );
  });

  it('the same content with the assessment linked from the home page builds', () => {
    expect(() => build('course', '2004', mkdtempSync(join(out, 'linked-')))).not.toThrow();
  });

  it('follows links page to page and names every unreachable lesson', () => {
    const pages = new Map([
      ['index.html', '<a href="p01.html">P01</a>'],
      ['p01.html', '<a href="p02.html#top">P02</a>'],
      ['p02.html', '<a href="index.html">home</a>'],
      ['p03.html', '<a href="assessment-course.html">x</a>'],
      ['assessment-course.html', ''],
    ]);
    expect(unreachableRequiredPages(pages, { lessons: ['P01', 'P02', 'P03'], assessmentPage: 'assessment-course.html' })).toEqual(['p03.html', 'assessment-course.html']);
  });
});
