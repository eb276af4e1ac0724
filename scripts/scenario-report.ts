// Prints, per scenario, the figures issue 11 asks for: decisions, endings, routes to the best
// ending, share of decisions where the best reply is the longest, per-dimension scoring chances
// on the main path, and how many v2 problems remain. Usage: node scripts/scenario-report.ts [id…]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { analyseScenario } from '../src/engine/scenario/graph.ts';
import { DIMENSIONS } from '../src/engine/scenario/model.ts';
import { scenarioSchema } from '../src/schemas/scenario.ts';
import { dimensionName, lintScenario, scenarioFigures } from './content/scenario-lints.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'scenarios');
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml') && (wanted.length === 0 || wanted.some((w) => f.startsWith(w))))
  .sort();

const rows: string[][] = [['scenario', 'decisions', 'endings', 'routes to best', 'best is longest', 'one scorer', ...DIMENSIONS.map(dimensionName), 'problems']];
for (const file of files) {
  const parsed = scenarioSchema.safeParse(parse(readFileSync(join(dir, file), 'utf8')));
  const id = file.replace(/\.yaml$/, '');
  if (!parsed.success) {
    rows.push([id, 'schema errors', '', '', '', '', ...DIMENSIONS.map(() => ''), String(parsed.error.issues.length)]);
    continue;
  }
  const analysis = analyseScenario(parsed.data);
  const figures = scenarioFigures(parsed.data, analysis);
  const problems = analysis.problems.length + lintScenario(parsed.data, analysis).length;
  if (!figures) {
    rows.push([id, 'broken graph', '', '', '', '', ...DIMENSIONS.map(() => ''), String(problems)]);
    continue;
  }
  rows.push([
    id,
    String(figures.decisions),
    String(figures.endings),
    String(figures.routesToBest),
    `${Math.round(figures.bestLongestShare * 100)} %`,
    String(figures.singleScorer),
    ...DIMENSIONS.map((d) => String(figures.dimensionChances[d])),
    String(problems),
  ]);
}
const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length))) ?? [];
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
console.log(
  '\ndecisions: (node, replies on offer) pairs with ≥ 2 replies; routes to best: choice paths ending loyal; ' +
    'one scorer: decisions where only one reply earns points; dimension columns: decisions of the main path where the dimension can be earned (≥ 3 required).',
);
