/**
 * Reads the package catalogue back (catalogue.html and catalogue.csv) and lists every way it
 * differs from the package index it was made from: a package, file, lesson, minute count or pass
 * mark missing or wrong. Expectations come straight from the index, not from the catalogue code.
 */
import type { PackageIndexEntry } from '../../scripts/package.ts';
import { parseCsv } from './csv.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function byPackage(index: readonly PackageIndexEntry[]): Map<string, PackageIndexEntry[]> {
  const out = new Map<string, PackageIndexEntry[]>();
  for (const entry of index) out.set(entry.name, [...(out.get(entry.name) ?? []), entry]);
  return out;
}

/** The `<section data-package="…">` of each package in the page. */
function htmlSections(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/<section\b[^>]*\bdata-package="([^"]+)"[^>]*>([\s\S]*?)<\/section>/g)) out.set(m[1] as string, m[2] as string);
  return out;
}

export function catalogueMismatches(index: readonly PackageIndexEntry[], html: string, csv: string): string[] {
  const problems: string[] = [];
  const packages = byPackage(index);
  const sections = htmlSections(html);
  const [header, ...rows] = parseCsv(csv);
  if (!header) return ['csv: no header row'];
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) problems.push(`csv: no column "${name}"`);
    return i;
  };
  const c = {
    name: col('课程包标识'),
    title: col('课程包'),
    file12: col('SCORM 1.2 文件'),
    file2004: col('SCORM 2004 文件'),
    pass: col('及格线（分）'),
    total: col('课程包总时长（分钟）'),
    id: col('课程编号'),
    lessonTitle: col('课程名称'),
    minutes: col('一线时长（分钟）'),
    manager: col('经理延伸（分钟）'),
    objectives: col('学习目标'),
  };
  for (const row of rows) if (row.length !== header.length) problems.push(`csv: a row has ${row.length} fields, the header ${header.length}`);

  for (const name of sections.keys()) if (!packages.has(name)) problems.push(`html: package ${name} is not in the index`);
  for (const row of rows) if (!packages.has(row[c.name] as string)) problems.push(`csv: package ${row[c.name]} is not in the index`);

  for (const [name, entries] of packages) {
    const first = entries[0] as PackageIndexEntry;
    const section = sections.get(name);
    if (section === undefined) problems.push(`html: package ${name} is missing`);
    else {
      if (!section.includes(`>${esc(first.title)}</h2>`)) problems.push(`html: ${name}: title "${first.title}" missing`);
      if (!section.includes(esc(first.audience))) problems.push(`html: ${name}: audience missing`);
      if (!section.includes(`约 ${first.minutes} 分钟`)) problems.push(`html: ${name}: total ${first.minutes} minutes missing`);
      if (!section.includes(`${first.masteryScore} 分（满分 100）`)) problems.push(`html: ${name}: pass mark ${first.masteryScore} missing`);
      for (const e of entries) if (!section.includes(`SCORM ${e.version}：<code>${esc(e.file)}</code>`)) problems.push(`html: ${name}: file ${e.file} missing`);
      if (first.assessmentDetail && !section.includes(esc(first.assessmentDetail.title))) problems.push(`html: ${name}: assessment missing`);
      for (const l of first.lessons) {
        const row = new RegExp(`<tr data-lesson="${l.id}"><th scope="row">${l.id}</th><td>([^<]*)</td><td class="num">(\\d+)`).exec(section);
        if (!row) problems.push(`html: ${name}: lesson ${l.id} missing`);
        else if (row[1] !== esc(l.title) || Number(row[2]) !== l.minutes) problems.push(`html: ${name}: lesson ${l.id} reads "${row[1]}" ${row[2]} min`);
        for (const o of l.objectives) if (!section.includes(`<li>${esc(o)}</li>`)) problems.push(`html: ${name}: lesson ${l.id}: objective missing`);
      }
    }

    const mine = rows.filter((r) => r[c.name] === name);
    if (mine.length === 0) {
      problems.push(`csv: package ${name} is missing`);
      continue;
    }
    const ids = mine.map((r) => r[c.id]).join(',');
    if (ids !== first.lessons.map((l) => l.id).join(',')) problems.push(`csv: ${name}: lessons ${ids}, index ${first.lessons.map((l) => l.id).join(',')}`);
    const file = (v: string) => entries.find((e) => e.version === v)?.file ?? '';
    for (const r of mine) {
      const l = first.lessons.find((x) => x.id === r[c.id]);
      const expect: [keyof typeof c, string][] = [
        ['title', first.title],
        ['file12', file('1.2')],
        ['file2004', file('2004')],
        ['pass', String(first.masteryScore)],
        ['total', String(first.minutes)],
        ['lessonTitle', l?.title ?? '?'],
        ['minutes', String(l?.minutes ?? '?')],
        ['manager', l?.managerMinutes ? String(l.managerMinutes) : ''],
        ['objectives', (l?.objectives ?? []).join('\n')],
      ];
      for (const [key, want] of expect) if (r[c[key]] !== want) problems.push(`csv: ${name} ${r[c.id]}: ${key} "${r[c[key]]}", index "${want}"`);
    }
  }
  return problems;
}
