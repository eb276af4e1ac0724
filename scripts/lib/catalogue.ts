/**
 * The package catalogue HR forwards to a manager who asks "what is in it?":
 * dist/packages/catalogue.html (a standalone, printable page) and catalogue.csv (UTF-8 with a BOM
 * so Excel reads the Chinese; one row per package × lesson). Both are made from the package index
 * (index.json) the packager writes, never from a second list, and carry no timestamp, so the same
 * packages give the same bytes.
 */
import { SECTOR_LESSONS } from '../../src/engine/path-lessons.ts';
import { sectorSchema, type Sector } from '../../src/schemas/common.ts';
import { tr } from '../../src/i18n/zh-CN.roleplay.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tc } from '../../src/i18n/zh-CN.catalogue.ts';
import { COURSE_TITLE } from './package-plan.ts';
import type { IndexLesson, PackageIndexEntry, ScormVersion } from '../package.ts';
import type { StatusReport } from '../../src/lms/types.ts';

export const CATALOGUE_HTML = 'catalogue.html';
export const CATALOGUE_CSV = 'catalogue.csv';

/** One package with its SCORM 1.2 and 2004 files together. */
export interface CataloguePackage {
  name: string;
  title: string;
  audience: string;
  lessons: IndexLesson[];
  minutes: number;
  managerMinutesCounted: boolean;
  masteryScore: number;
  assessment: string | null;
  assessmentDetail: PackageIndexEntry['assessmentDetail'];
  /** SCORM 1.2 status words of its 1.2 zip. */
  report: StatusReport;
  /** A role path's sector elective, and the path it belongs to. */
  sector: PackageIndexEntry['sector'];
  path: PackageIndexEntry['path'];
  files: { version: ScormVersion; file: string; bytes: number }[];
}

/** The index's entries grouped by package, in the index's order; files 1.2 first. */
export function cataloguePackages(index: readonly PackageIndexEntry[]): CataloguePackage[] {
  const byName = new Map<string, CataloguePackage>();
  for (const entry of index) {
    let pkg = byName.get(entry.name);
    if (!pkg) {
      pkg = {
        name: entry.name,
        title: entry.title,
        audience: entry.audience ?? '',
        lessons: entry.lessons,
        minutes: entry.minutes,
        managerMinutesCounted: entry.managerMinutesCounted ?? true,
        masteryScore: entry.masteryScore,
        assessment: entry.assessment,
        assessmentDetail: entry.assessmentDetail ?? null,
        report: 'passed-failed',
        sector: entry.sector,
        path: entry.path,
        files: [],
      };
      byName.set(entry.name, pkg);
    }
    if (entry.version === '1.2' && entry.report) pkg.report = entry.report;
    pkg.files.push({ version: entry.version, file: entry.file, bytes: entry.bytes });
  }
  for (const pkg of byName.values()) pkg.files.sort((a, b) => (a.version === b.version ? 0 : a.version === '1.2' ? -1 : 1));
  return [...byName.values()];
}

const fileOf = (pkg: CataloguePackage, version: ScormVersion) => pkg.files.find((f) => f.version === version)?.file ?? '';

function assessmentText(pkg: CataloguePackage): string {
  const detail = pkg.assessmentDetail;
  if (!detail) return pkg.assessment ?? '';
  const attempts = detail.attempts === null ? tc('catalogue.attemptsUnlimited') : tc('catalogue.attempts', { attempts: detail.attempts });
  return tc('catalogue.assessmentValue', { title: detail.title, questions: detail.questions, attempts });
}

/** What the package reports to the LMS, per version, in plain Chinese. */
export function reportedRows(pkg: CataloguePackage): { what: string; scorm12: string; scorm2004: string }[] {
  const completedIncomplete = pkg.report === 'completed-incomplete';
  const assessment = pkg.assessment ? tc('catalogue.assessmentSuffix') : '';
  const source = tc(pkg.assessment ? 'catalogue.scoreSource.assessment' : 'catalogue.scoreSource.lessons');
  return [
    {
      what: tc('catalogue.row.completion'),
      scorm12: tc(completedIncomplete ? 'catalogue.12.completion.completedIncomplete' : 'catalogue.12.completion.passedFailed', { assessment }),
      scorm2004: tc('catalogue.2004.completion'),
    },
    {
      what: tc('catalogue.row.success'),
      scorm12: tc(completedIncomplete ? 'catalogue.12.success.completedIncomplete' : 'catalogue.12.success.passedFailed', { score: pkg.masteryScore }),
      scorm2004: tc('catalogue.2004.success', { score: pkg.masteryScore, scaled: String(pkg.masteryScore / 100) }),
    },
    { what: tc('catalogue.row.score'), scorm12: tc('catalogue.score.12', { source }), scorm2004: tc('catalogue.score.2004', { source }) },
    { what: tc('catalogue.row.interactions'), scorm12: tc('catalogue.interactions.12'), scorm2004: tc('catalogue.interactions.2004') },
    { what: tc('catalogue.row.objectives'), scorm12: tc('catalogue.objectives.12'), scorm2004: tc('catalogue.objectives.2004') },
  ];
}

/** The CSV's header row. */
export function csvHeader(): string[] {
  return [
    tc('catalogue.csv.package'),
    tc('catalogue.csv.name'),
    tc('catalogue.csv.audience'),
    tc('catalogue.csv.file12'),
    tc('catalogue.csv.file2004'),
    tc('catalogue.csv.passMark'),
    tc('catalogue.csv.assessment'),
    tc('catalogue.csv.status12'),
    tc('catalogue.csv.packageMinutes'),
    tc('catalogue.csv.order'),
    tc('catalogue.csv.lessonId'),
    tc('catalogue.csv.lessonTitle'),
    tc('catalogue.csv.lessonMinutes'),
    tc('catalogue.csv.managerMinutes'),
    tc('catalogue.csv.managerCounted'),
    tc('catalogue.csv.objectives'),
    tc('catalogue.sector'),
  ];
}

/** One row per package × lesson (objectives one per line inside their cell), header first. */
export function catalogueRows(index: readonly PackageIndexEntry[]): string[][] {
  const rows = [csvHeader()];
  for (const pkg of cataloguePackages(index)) {
    pkg.lessons.forEach((lesson, i) => {
      rows.push([
        pkg.title,
        pkg.name,
        pkg.audience,
        fileOf(pkg, '1.2'),
        fileOf(pkg, '2004'),
        String(pkg.masteryScore),
        assessmentText(pkg),
        pkg.report,
        String(pkg.minutes),
        String(i + 1),
        lesson.id,
        lesson.title,
        String(lesson.minutes),
        lesson.managerMinutes ? String(lesson.managerMinutes) : '',
        tc(pkg.managerMinutesCounted ? 'catalogue.yes' : 'catalogue.no'),
        (lesson.objectives ?? []).join('\n'),
        pkg.sector ? tc('catalogue.sectorValue', { lesson: SECTOR_LESSONS[pkg.sector], sector: tr(`roleplay.industry.${pkg.sector}`) }) : '',
      ]);
    });
  }
  return rows;
}

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** RFC 4180 CSV (CRLF between records), UTF-8 with a byte-order mark for Excel. */
export function catalogueCsv(index: readonly PackageIndexEntry[]): string {
  return `\uFEFF${catalogueRows(index)
    .map((row) => row.map(csvField).join(','))
    .join('\r\n')}\r\n`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
:root{color:#1f2933;background:#fff;font-family:system-ui,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;line-height:1.6}
body{margin:0}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.3;margin:0.5rem 0}
h2{font-size:1.25rem;margin:2rem 0 0.5rem;padding-top:1rem;border-top:2px solid #1f2933}
h3{font-size:1.05rem;margin:1.25rem 0 0.4rem}
a{color:#0b5d8c}
a:focus-visible{outline:3px solid #c2410c;outline-offset:2px}
table{border-collapse:collapse;width:100%;font-size:0.9rem;table-layout:auto}
caption{text-align:left;font-weight:600;padding:0.25rem 0;color:#3e4c59}
th,td{border:1px solid #9aa5b1;padding:0.35rem 0.45rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
thead th,tbody th{background:#eef2f6}
td ul{margin:0;padding-inline-start:1.1rem}
code{font-family:ui-monospace,monospace;font-size:0.85em;overflow-wrap:anywhere}
.num{white-space:nowrap}
.num .note{white-space:normal}
.facts th{white-space:nowrap;width:1%}
.note{color:#3e4c59;font-size:0.9rem}
@media print{nav{display:none}main{max-width:none;padding:0}h2{break-before:page;border-top:0}tr{break-inside:avoid}a{color:inherit;text-decoration:none}}
`;

/** The sector elective a path package holds, and the command that packages another. */
function sectorText(path: string, sector: Sector): string {
  const others = sectorSchema.options.filter((s) => s !== sector).join('|');
  return `${esc(tc('catalogue.sectorValue', { lesson: SECTOR_LESSONS[sector], sector: tr(`roleplay.industry.${sector}`) }))}<br><span class="note">${esc(tc('catalogue.sectorOther'))}<code>npm run package -- --path ${esc(path)} --sector ${esc(others)}</code></span>`;
}

function packageSection(pkg: CataloguePackage): string {
  const id = `pkg-${pkg.name}`;
  const files = pkg.files.map((f) => `<li>SCORM ${f.version}：<code>${esc(f.file)}</code>（${tc('catalogue.size', { kb: (f.bytes / 1024).toFixed(0) })}）</li>`).join('');
  const facts: [string, string][] = [
    [tc('catalogue.audience'), esc(pkg.audience)],
    [tc('catalogue.minutes'), `${esc(tc('catalogue.minutesValue', { minutes: pkg.minutes }))} · ${esc(tc('catalogue.lessonCount', { count: pkg.lessons.length }))}`],
    [tc('catalogue.passMark'), esc(tc('catalogue.passMarkValue', { score: pkg.masteryScore }))],
    [tc('catalogue.assessment'), esc(pkg.assessment ? assessmentText(pkg) : tc('catalogue.noAssessment'))],
    ...(pkg.sector ? [[tc('catalogue.sector'), sectorText(pkg.path ?? pkg.name, pkg.sector)] as [string, string]] : []),
    [tc('catalogue.files'), `<ul>${files}</ul>`],
  ];
  const lessons = pkg.lessons
    .map((l) => {
      const extra = l.managerMinutes
        ? `<br><span class="note">${esc(pkg.managerMinutesCounted ? tc('catalogue.managerExtra', { minutes: l.managerMinutes }) : tc('catalogue.managerNotCounted', { minutes: l.managerMinutes }))}</span>`
        : '';
      const objectives = (l.objectives ?? []).map((o) => `<li>${esc(o)}</li>`).join('');
      return `<tr data-lesson="${esc(l.id)}"><th scope="row">${esc(l.id)}</th><td>${esc(l.title)}</td><td class="num">${l.minutes}${extra}</td><td><ul>${objectives}</ul></td></tr>`;
    })
    .join('\n');
  const reported = reportedRows(pkg)
    .map((r) => `<tr><th scope="row">${esc(r.what)}</th><td>${esc(r.scorm12)}</td><td>${esc(r.scorm2004)}</td></tr>`)
    .join('\n');
  return `<section id="${id}" aria-labelledby="${id}-title" data-package="${esc(pkg.name)}">
<h2 id="${id}-title">${esc(pkg.title)}</h2>
<table class="facts"><tbody>
${facts.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${v}</td></tr>`).join('\n')}
</tbody></table>
<h3>${esc(tc('catalogue.lessons'))}</h3>
<table class="lessons"><caption>${esc(tc('catalogue.lessonsCaption', { title: pkg.title }))}</caption>
<thead><tr><th scope="col">${esc(tc('catalogue.lessonId'))}</th><th scope="col">${esc(tc('catalogue.lessonTitle'))}</th><th scope="col">${esc(tc('catalogue.lessonMinutes'))}</th><th scope="col">${esc(tc('catalogue.objectives'))}</th></tr></thead>
<tbody>
${lessons}
</tbody></table>
<h3>${esc(tc('catalogue.reported'))}</h3>
<table class="reported"><caption>${esc(tc('catalogue.reportedCaption', { title: pkg.title }))}</caption>
<thead><tr><th scope="col">${esc(tc('catalogue.what'))}</th><th scope="col">SCORM 1.2</th><th scope="col">SCORM 2004</th></tr></thead>
<tbody>
${reported}
</tbody></table>
</section>`;
}

/** The standalone catalogue page: zh-CN, inline style, no script, no external file. */
export function catalogueHtml(index: readonly PackageIndexEntry[]): string {
  const packages = cataloguePackages(index);
  const title = tc('catalogue.title', { course: COURSE_TITLE });
  const toc = packages.map((p) => `<li><a href="#pkg-${esc(p.name)}">${esc(p.title)}</a></li>`).join('');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
<p>${esc(tc('catalogue.intro'))}</p>
<p class="note">${esc(tc('catalogue.count', { count: packages.length }))}。${esc(tc('catalogue.print'))}</p>
<nav aria-labelledby="toc-title"><h2 id="toc-title">${esc(tc('catalogue.contents'))}</h2><ol>${toc}</ol></nav>
${packages.map(packageSection).join('\n')}
</main>
</body>
</html>
`;
}

/** Writes catalogue.html and catalogue.csv next to the zips. */
export function writeCatalogue(dir: string, index: readonly PackageIndexEntry[]): void {
  writeFileSync(join(dir, CATALOGUE_HTML), catalogueHtml(index));
  writeFileSync(join(dir, CATALOGUE_CSV), catalogueCsv(index));
}
