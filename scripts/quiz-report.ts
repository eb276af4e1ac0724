// The figures behind the item lints and the lesson minutes, per bank/pool and per lesson:
//   node scripts/quiz-report.ts [root]
// Prints what `npm run check:content` judges, so an editor sees how far each file is from the
// standard (keyed-longest share ≤ 40 %, true/false 40–60 % true, transfer ≥ 60 % in pools,
// reading ≤ 8 and core ≤ 18 minutes). It never fails; the content check does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minutesOfLesson } from './content/lesson-shape.ts';
import { quizFigures, tfBalanced } from './content/quiz-lints.ts';
import { loadAndCheckContent } from './lib/content-check.ts';
import type { QuestionFile } from '../src/schemas/quiz.ts';

const root = process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url));
const { content, problems } = loadAndCheckContent(root);
const pct = (n: number, d: number) => (d === 0 ? '–' : `${Math.round((n / d) * 100)} %`);
const flag = (ok: boolean) => (ok ? ' ' : '✗');

const files = content.quizzes.map((q) => q.data).filter((q): q is QuestionFile => q.kind !== 'assessment');
files.sort((a, b) => a.lesson.localeCompare(b.lesson) || a.kind.localeCompare(b.kind));
const rows = files.map((f) => {
  const m = quizFigures(f);
  const longestOk = m.keyLongest.length <= Math.floor(m.keyed * 0.4);
  const transferOk = f.kind === 'bank' || m.transfer >= Math.ceil(m.items * 0.6);
  return [
    f.id,
    f.kind,
    String(m.items),
    f.kind === 'bank' ? String(f.draw ?? m.items) : '',
    `${flag(longestOk)}${m.keyLongest.length}/${m.keyed} ${pct(m.keyLongest.length, m.keyed)}`,
    `${flag(tfBalanced(m.tfTrue, m.trueFalse))}${m.tfTrue}T/${m.trueFalse - m.tfTrue}F`,
    `${flag(transferOk)}${m.transfer}/${m.items} ${pct(m.transfer, m.items)}`,
    String(problems.filter((p) => p.startsWith(`quizzes/${f.id}.yaml: `)).length),
  ];
});
table('Banks and pools', ['file', 'kind', 'items', 'draw', 'key longest', 'true/false', 'transfer', 'problems'], rows);

const scenarioMinutes = new Map(content.scenarios.map((s) => [s.data.id, s.data.minutes]));
const draws = new Map(files.flatMap((f) => (f.kind === 'bank' ? [[f.id, f.draw ?? f.questions.length] as const] : [])));
const lessonRows = content.lessons.map(({ file, data }) => {
  const m = minutesOfLesson(readFileSync(join(root, file), 'utf8'), data, scenarioMinutes, draws);
  return [
    data.id,
    String(m.frontCharacters),
    `${flag(m.reading <= 8)}${m.reading}`,
    String(m.rolePlay + m.tool),
    String(m.check),
    `${flag(m.core <= 18)}${m.core}`,
    `${flag(data.minutes === m.core)}${data.minutes}`,
    m.manager ? `${m.manager} (${m.managerCharacters} chars)` : '–',
    String(problems.filter((p) => p.startsWith(`${file}: `)).length),
  ];
});
table('Lessons (front-line minutes)', ['lesson', 'CJK chars', 'reading', 'role-play/tool', 'check', 'core', 'minutes', 'manager ext.', 'problems'], lessonRows);
console.log(`\n${problems.length} content-check problem(s) in all; run npm run check:content for the list.`);

function table(title: string, head: string[], body: string[][]): void {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) && ch !== '–' && ch !== '✗' ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...body.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - width(c))).join('  ');
  console.log(`\n${title}\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of body) console.log(line(r));
}
