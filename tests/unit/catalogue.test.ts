/**
 * Issue 18 item 1: the package catalogue HR forwards (dist/packages/catalogue.html and .csv) is
 * made from the package index the packager writes, for the course's real content: every
 * package, every lesson with its minutes and objectives, both file names and the pass mark.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE_CSV, CATALOGUE_HTML, catalogueCsv, catalogueHtml, cataloguePackages, catalogueRows, csvHeader, writeCatalogue } from '../../scripts/lib/catalogue.ts';
import { loadAndCheckContent } from '../../scripts/lib/content-check.ts';
import { courseOrder, customPlan, standardPlans } from '../../scripts/lib/package-plan.ts';
import { indexEntries, type PackageIndexEntry } from '../../scripts/package.ts';
import { assessmentHref } from '../../src/engine/quiz/props.ts';
import { catalogueMismatches } from '../support/catalogue-check.ts';
import { parseCsv } from '../support/csv.ts';
import { repoRoot } from '../support/fixture-site.ts';

const { content } = loadAndCheckContent(repoRoot);
// standardPlans gives a package its assessment when the assessment's page was built: stand in for dist/.
const dist = mkdtempSync(join(tmpdir(), 'catalogue-dist-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));
for (const { data } of content.quizzes) if (data.kind === 'assessment') writeFileSync(join(dist, assessmentHref(data.id)), '<!doctype html>');

const plans = [...standardPlans(content, dist), customPlan(content, ['P03', 'P01'], '自选, "投诉" 组合', undefined)];
const entryFor = indexEntries(content, courseOrder(content));
const index: PackageIndexEntry[] = plans.flatMap((plan, i) =>
  (['1.2', '2004'] as const).map((version) =>
    entryFor(plan, version, `${plan.name}-${version === '1.2' ? 'scorm12' : 'scorm2004'}.zip`, 300_000 + i * 1024, plan.name.startsWith('custom') ? 'completed-incomplete' : 'passed-failed'),
  ),
);
const html = catalogueHtml(index);
const csv = catalogueCsv(index);

describe('package catalogue', () => {
  it('lists every package of the index: title, audience, both files, pass mark, assessment, every lesson with its minutes and objectives', () => {
    expect(plans.length).toBeGreaterThan(5);
    expect(index.some((e) => e.assessmentDetail !== null)).toBe(true);
    expect(cataloguePackages(index).map((p) => p.name)).toEqual(plans.map((p) => p.name));
    expect(catalogueMismatches(index, html, csv)).toEqual([]);
  });

  it('notices a package or a lesson missing from a copy of the catalogue', () => {
    const part = plans.find((p) => p.name === 'part1');
    expect(part).toBeDefined();
    const withoutSection = html.replace(/<section\b[^>]*data-package="part1"[^>]*>[\s\S]*?<\/section>/, '');
    expect(withoutSection).not.toBe(html);
    expect(catalogueMismatches(index, withoutSection, csv)).toContain('html: package part1 is missing');

    const lines = csv.split('\r\n');
    const withoutRows = lines.filter((line) => !line.includes(',part1,')).join('\r\n');
    expect(withoutRows.length).toBeLessThan(csv.length);
    expect(catalogueMismatches(index, html, withoutRows)).toContain('csv: package part1 is missing');

    // One lesson row of one package removed from the spreadsheet.
    const at = lines.findIndex((line) => line.includes(',part1,'));
    const oneRowLess = [...lines.slice(0, at), ...lines.slice(at + 1)].join('\r\n');
    expect(catalogueMismatches(index, html, oneRowLess).join('\n')).toMatch(/csv: part1: lessons /);
  });

  it('the CSV is UTF-8 with a byte-order mark and parses back to one row per package × lesson', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(csvHeader());
    expect(rows).toEqual(catalogueRows(index));
    const lessons = cataloguePackages(index).reduce((n, p) => n + p.lessons.length, 0);
    expect(rows.length).toBe(1 + lessons);
    // The custom title's comma and quotes survive the round trip.
    expect(rows.filter((r) => r[0] === '自选, "投诉" 组合').map((r) => r[10])).toEqual(['P01', 'P03']);
  });

  it('adds up: lessons’ front-line minutes, plus their manager extensions where the package counts them, give the package total', () => {
    for (const pkg of cataloguePackages(index)) {
      const sum = pkg.lessons.reduce((n, l) => n + l.minutes + (pkg.managerMinutesCounted ? (l.managerMinutes ?? 0) : 0), 0);
      expect(sum, pkg.name).toBe(pkg.minutes);
    }
    expect(cataloguePackages(index).some((p) => !p.managerMinutesCounted && p.lessons.some((l) => l.managerMinutes))).toBe(true);
  });

  it('is a standalone zh-CN page: no script, no external file, every table with headers, no timestamp; the same index gives the same bytes', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    // (An empty inline icon, so a browser does not ask the server for /favicon.ico.)
    expect(html.replace('<link rel="icon" href="data:,">', '')).not.toMatch(/<script|<link|\bsrc=|href="(?!#)|url\(/);
    for (const table of html.match(/<table\b[\s\S]*?<\/table>/g) ?? []) expect(table).toMatch(/<th scope="(row|col)">/);
    expect(html + csv).not.toMatch(/\b20\d\d-\d\d-\d\d\b|\d\d:\d\d:\d\d/);
    const a = join(dist, 'a');
    const b = join(dist, 'b');
    mkdirSync(a);
    mkdirSync(b);
    writeCatalogue(a, index);
    writeCatalogue(b, JSON.parse(JSON.stringify(index)) as PackageIndexEntry[]);
    for (const name of [CATALOGUE_HTML, CATALOGUE_CSV]) expect(readFileSync(join(a, name)).equals(readFileSync(join(b, name))), name).toBe(true);
  });

  it('says per SCORM version what reaches the LMS, and the 1.2 status words chosen with --report', () => {
    const custom = html.match(/<section\b[^>]*data-package="custom-p03-p01"[^>]*>[\s\S]*?<\/section>/)?.[0] ?? '';
    expect(custom).toContain('completed');
    expect(custom).not.toContain('lesson_status 一个字段');
    const course = html.match(/<section\b[^>]*data-package="course"[^>]*>[\s\S]*?<\/section>/)?.[0] ?? '';
    expect(course).toContain('success_status');
    expect(course).toContain('scaled_passing_score 0.8');
  });
});
