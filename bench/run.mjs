// Prints the figures our budgets are checked against: build time, the JavaScript each page
// loads (gzip), each island's own JavaScript, the worst-case suspend-data size and the
// package sizes. Budgets: a plain lesson page ≤ 15 KB; quiz island ≤ 12 KB; role-play ≤ 15 KB;
// maximal suspend data ≤ 1,500 chars (hard limit 4,096). Exits non-zero when a budget is broken.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const KB = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const failures = [];

if (!process.argv.includes('--no-build')) {
  const start = performance.now();
  execSync('npm run build', { cwd: root, stdio: 'ignore' });
  console.log(`Build time: ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

const gz = new Map();
function gzipSize(file) {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(file)).length);
  return gz.get(file);
}

/** A JS file and every module it imports statically (what the browser must fetch to run it). */
function closure(file, seen = new Set()) {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
    closure(normalize(join(dirname(file), match[1])), seen);
  }
  return seen;
}

/** Entry scripts of a page: module scripts, island components and renderers. */
function pageEntries(html) {
  const urls = new Set();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) urls.add(m[1]);
  for (const m of html.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)) urls.add(m[1]);
  return [...urls].map((u) => normalize(join(dist, u)));
}

function inlineScriptBytes(html) {
  let total = '';
  for (const m of html.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)) total += m[1];
  return total.length ? gzipSync(total).length : 0;
}

function pageJs(file) {
  const html = readFileSync(file, 'utf8');
  const files = new Set();
  for (const entry of pageEntries(html)) for (const f of closure(entry)) files.add(f);
  const external = [...files].reduce((sum, f) => sum + gzipSize(f), 0);
  return { files, external, inline: inlineScriptBytes(html), html };
}

const pages = readdirSync(dist).filter((f) => f.endsWith('.html')).sort();
const byPage = new Map(pages.map((p) => [p, pageJs(join(dist, p))]));

console.log('\nJavaScript per page (gzip; external modules + inline scripts):');
for (const [page, js] of byPage) {
  const total = js.external + js.inline;
  const islands = [...js.html.matchAll(/component-url="[^"]*\/([A-Za-z]+)\.[\w-]+\.js"/g)].map((m) => m[1]);
  const heavy = islands.some((i) => i === 'Quiz' || i === 'RolePlay');
  const budget = /^p\d\d\.html$/.test(page) && !heavy ? 15 * 1024 : null;
  const flag = budget && total > budget ? '  ✗ over 15 KB budget' : budget ? '  ✓ ≤ 15 KB' : '';
  if (budget && total > budget) failures.push(`${page} loads ${KB(total)} of JS`);
  console.log(`  ${page.padEnd(40)} ${KB(total).padStart(9)}  (${KB(js.external)} modules + ${KB(js.inline)} inline)${flag}`);
}

// An island's own cost: its module closure minus what the plainest page already loads.
const baseline = byPage.get('index.html')?.files ?? new Set();
const islandBudgets = { Quiz: 12 * 1024, RolePlay: 15 * 1024 };
const islandFiles = readdirSync(join(dist, '_astro')).filter((f) => /^[A-Z][A-Za-z]+\.[\w-]+\.js$/.test(f));
console.log('\nIsland JavaScript beyond the shared runtime (gzip):');
for (const file of islandFiles.sort()) {
  const name = file.split('.')[0];
  const own = [...closure(join(dist, '_astro', file))].filter((f) => !baseline.has(f));
  const bytes = own.reduce((sum, f) => sum + gzipSize(f), 0);
  const budget = islandBudgets[name];
  const flag = budget ? (bytes > budget ? `  ✗ over ${KB(budget)}` : `  ✓ ≤ ${KB(budget)}`) : '';
  if (budget && bytes > budget) failures.push(`${name} island is ${KB(bytes)}`);
  console.log(`  ${name.padEnd(24)} ${KB(bytes).padStart(9)}${flag}`);
}

const codecBench = join(root, 'src', 'engine', 'codec-bench.ts');
if (existsSync(codecBench)) {
  const { maximalStateSize } = await import(codecBench);
  const size = await maximalStateSize();
  const flag = size > 4096 ? '  ✗ over SCORM 1.2 limit' : size > 1500 ? '  ✗ over 1,500 target' : '  ✓ ≤ 1,500';
  if (size > 1500) failures.push(`maximal suspend data is ${size} chars`);
  console.log(`\nMaximal suspend data (whole planned course): ${size} chars (SCORM 1.2 limit 4,096)${flag}`);
}

const packages = join(dist, 'packages');
if (existsSync(packages)) {
  console.log('\nPackages:');
  for (const zip of readdirSync(packages).filter((f) => f.endsWith('.zip')).sort()) {
    console.log(`  ${zip.padEnd(48)} ${KB(statSync(join(packages, zip)).size).padStart(10)}`);
  }
}

if (failures.length) {
  console.log(`\nBudget failures:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
} else console.log('\nAll budgets met.');
