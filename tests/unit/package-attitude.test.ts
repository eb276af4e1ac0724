/**
 * Issue 13 item 5: where the introduction and the service-attitude module go. O1 travels with
 * the course and the role paths (no package of its own); the attitude part is packaged as
 * `service-attitude`, with or without a part assessment; a role path packages its planned units
 * as soon as their lessons exist; a role-play debrief links the dimension names to A2 only in a
 * package that holds A2.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { CourseContent } from '../../scripts/lib/content-check.ts';
import { customPlan, listFiles, standardPlans } from '../../scripts/lib/package-plan.ts';
import { readZip } from '../../scripts/lib/zip.ts';
import { buildPackage } from '../../scripts/package.ts';
import { pathLessons } from '../../src/engine/path-lessons.ts';
import { partSchema } from '../../src/schemas/part.ts';
import { pathSchema } from '../../src/schemas/path.ts';
import { scopeCourse, type CourseData } from '../../src/state/course.ts';
import { rubricHref } from '../../src/state/roleplay-view.ts';
import { repoRoot } from '../support/fixture-site.ts';

const lesson = (id: string, part: string, order: number, minutes = 15) => ({ file: `content/lessons/${id}.mdx`, data: { id, part, order, minutes, title: `课 ${id}` } });
const parts = [
  { file: 'content/parts.yaml', data: { id: 'intro', order: 0, label: '导论', title: '服务行业概述', package: false } },
  { file: 'content/parts.yaml', data: { id: 'attitude', order: 1, label: '专题模块', title: '服务态度', package: 'service-attitude' } },
  { file: 'content/parts.yaml', data: { id: 'part1', order: 2, label: '第一部分', title: '客户体验雷区' } },
];
const content = (withAssessment: boolean) =>
  ({
    parts,
    lessons: [lesson('P01', 'part1', 1), lesson('A2', 'attitude', 2), lesson('O1', 'intro', 1), lesson('A1', 'attitude', 1)],
    paths: [{ file: 'content/paths/new-hire.yaml', data: { id: 'new-hire', title: '新员工', role: 'frontline', lessons: ['P01'], planned: ['O1', 'A1', 'A2', 'A3', 'P15'] } }],
    quizzes: withAssessment
      ? [{ file: 'quizzes/attitude-assessment.yaml', data: { id: 'attitude-assessment', kind: 'assessment', passMark: 80, draw: [{ part: 'attitude', perBank: 2 }] } }]
      : [],
    scenarios: [],
  }) as unknown as CourseContent;

describe('packages of the introduction and the attitude module', () => {
  const dist = mkdtempSync(join(tmpdir(), 'attitude-dist-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('the course holds O1 and the module first; the module is service-attitude; the introduction has no package of its own', () => {
    const plans = standardPlans(content(false), dist);
    expect(plans.map((p) => p.name)).toEqual(['course', 'service-attitude', 'part1', 'new-hire']);
    expect(plans.find((p) => p.name === 'course')?.lessons).toEqual(['O1', 'A1', 'A2', 'P01']);
    expect(plans.find((p) => p.name === 'service-attitude')).toMatchObject({ title: '服务行业雷区 · 专题模块 服务态度', lessons: ['A1', 'A2'] });
  });

  it('a part without its assessment is packaged without one (completion = its lessons, default mastery)', () => {
    const plan = standardPlans(content(false), dist).find((p) => p.name === 'service-attitude');
    expect(plan).toMatchObject({ assessment: undefined, assessmentPage: undefined, masteryScore: 80 });
  });

  it('once the part assessment exists and is built, the package carries it', () => {
    writeFileSync(join(dist, 'assessment-attitude.html'), '<!doctype html><title>x</title>');
    const plan = standardPlans(content(true), dist).find((p) => p.name === 'service-attitude');
    expect(plan).toMatchObject({ assessment: 'attitude-assessment', assessmentPage: 'assessment-attitude.html' });
  });

  it('a role path packages its planned units whose lessons exist, in course order; unwritten ones wait', () => {
    expect(standardPlans(content(false), dist).find((p) => p.name === 'new-hire')?.lessons).toEqual(['O1', 'A1', 'A2', 'P01']);
    expect(pathLessons({ lessons: ['P01'], planned: ['A3'] }, new Set(['P01']))).toEqual(['P01']);
  });
});

describe('the course content places the module', () => {
  const read = (file: string) => parseYaml(readFileSync(join(repoRoot, file), 'utf8')) as unknown;

  it('parts.yaml: introduction, then the attitude module, then Part 1; service-attitude is the module package, the introduction has none', () => {
    const list = (read('content/parts.yaml') as unknown[]).map((p) => partSchema.parse(p)).sort((a, b) => a.order - b.order);
    expect(list.slice(0, 3).map((p) => p.id)).toEqual(['intro', 'attitude', 'part1']);
    expect(list[0]?.package).toBe(false);
    expect(list[1]?.package).toBe('service-attitude');
  });

  for (const file of ['content/paths/new-hire-frontline.yaml', 'content/paths/cs-complaint-handling.yaml']) {
    it(`${file}: O1 and A1–A6 are on the path`, () => {
      const path = pathSchema.parse(read(file));
      expect([...path.lessons, ...path.planned]).toEqual(expect.arrayContaining(['O1', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6']));
    });
  }
});

describe('role-play debriefs link the dimension names to A2 only when A2 is in the package', () => {
  // The package fixture's pages, plus an A2 page and a course-data block naming A2 (as every built page has).
  const dist = mkdtempSync(join(tmpdir(), 'a2-dist-'));
  const out = mkdtempSync(join(tmpdir(), 'a2-packages-'));
  afterAll(() => {
    rmSync(dist, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });
  cpSync(fileURLToPath(new URL('../fixtures/package-dist', import.meta.url)), dist, { recursive: true });
  const course: CourseData = {
    courseId: 'service-pitfalls',
    title: '服务行业雷区',
    parts: [],
    lessons: [
      { id: 'A2', title: '服务态度的五个维度', part: 'attitude', minutes: 15, href: 'a2.html' },
      { id: 'P01', title: '课 P01', part: 'part1', minutes: 15, href: 'p01.html' },
      { id: 'P03', title: '课 P03', part: 'part1', minutes: 15, href: 'p03.html', scenario: 'p03-x' },
    ],
  };
  const dataBlock = `<script type="application/json" id="course-data">${JSON.stringify(course)}</script>`;
  for (const page of ['index.html', 'p01.html', 'p02.html', 'p03.html']) {
    const html = readFileSync(join(dist, page), 'utf8').replace('</body>', `<p>五个维度见 <a href="a2.html">A2</a>。</p>${dataBlock}</body>`);
    writeFileSync(join(dist, page), html);
  }
  writeFileSync(join(dist, 'a2.html'), `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>A2</title></head><body><a href="index.html">首页</a>${dataBlock}</body></html>`);
  const distFiles = listFiles(dist);
  const all = { ...content(false), lessons: [...content(false).lessons, lesson('P03', 'part1', 3)] } as unknown as CourseContent;
  const pack = (lessons: string[]) => {
    const built = buildPackage(dist, distFiles, customPlan(all, lessons, 't', undefined), ['A2', 'P01', 'P02', 'P03'], '2004', out);
    return readZip(readFileSync(built.file));
  };
  /** What the debrief's dimension names link to in the package's P03 page, as the runtime computes it. */
  const debriefLink = (zip: Map<string, Uint8Array>) => {
    const html = Buffer.from(zip.get('p03.html') as Uint8Array).toString('utf8');
    const scope = /<meta name="course-scope" content="([^"]*)">/.exec(html)?.[1];
    const data = JSON.parse(/<script type="application\/json" id="course-data">([\s\S]*?)<\/script>/.exec(html)?.[1] as string) as CourseData;
    return rubricHref(scopeCourse(data, scope));
  };

  it('without A2: no page of the package links to a2.html, and the debrief names stay plain text', () => {
    const zip = pack(['P01', 'P03']);
    expect(zip.has('a2.html')).toBe(false);
    for (const [name, bytes] of zip) if (name.endsWith('.html')) expect(Buffer.from(bytes).toString('utf8'), name).not.toContain('href="a2.html"');
    expect(debriefLink(zip)).toBeNull();
  });

  it('with A2: the page is in the package and the debrief names link to it', () => {
    const zip = pack(['A2', 'P03']);
    expect(zip.has('a2.html')).toBe(true);
    expect(Buffer.from(zip.get('p03.html') as Uint8Array).toString('utf8')).toContain('href="a2.html"');
    expect(debriefLink(zip)).toBe('a2.html');
  });
});
