// Prints the figures our budgets are checked against: build time, the JavaScript each page
// loads (gzip), each island's own JavaScript, the worst-case suspend-data size and the
// package sizes. Budgets: a plain lesson page ≤ 15 KB; quiz island ≤ 12 KB; role-play ≤ 15 KB;
// maximal suspend data ≤ 1,500 chars (hard limit 4,096); every package ≤ 2 MB. Exits non-zero
// when a budget is broken.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = join(import.meta.dirname, '..');
// BENCH_DIST: measure another build (e.g. a fixture site whose lessons use an island the course does not yet).
const dist = process.env.BENCH_DIST ?? join(root, 'dist');
const KB = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const failures = [];

if (!process.argv.includes('--no-build')) {
  const start = performance.now();
  execSync('npm run build', { cwd: root, stdio: 'ignore' });
  console.log(`Build time: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  const packStart = performance.now();
  execSync('node scripts/package.ts --no-build', { cwd: root, stdio: 'ignore' });
  console.log(`Packaging time (every package, both SCORM versions): ${((performance.now() - packStart) / 1000).toFixed(1)} s`);
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

/** Entry scripts of a page, split into what runs at load and what waits for the learner. */
function pageEntries(html) {
  const atLoad = new Set();
  const onDemand = new Set();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) atLoad.add(m[1]);
  for (const m of html.matchAll(/<astro-island\s[^>]*>/g)) {
    const tag = m[0];
    const urls = [...tag.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)].map((x) => x[1]);
    // client:visible / client:idle islands load only when scrolled into view or idle.
    const lazy = /\sclient="(visible|idle|media)"/.test(tag);
    for (const url of urls) (lazy ? onDemand : atLoad).add(url);
  }
  const resolve = (urls) => [...urls].map((u) => normalize(join(dist, u)));
  return { atLoad: resolve(atLoad), onDemand: resolve(onDemand) };
}

function inlineScriptBytes(html) {
  let total = '';
  for (const m of html.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)) total += m[1];
  return total.length ? gzipSync(total).length : 0;
}

const sum = (files) => [...files].reduce((total, f) => total + gzipSize(f), 0);

function pageJs(file) {
  const html = readFileSync(file, 'utf8');
  const { atLoad, onDemand } = pageEntries(html);
  const loadFiles = new Set();
  for (const entry of atLoad) for (const f of closure(entry)) loadFiles.add(f);
  const lazyFiles = new Set();
  for (const entry of onDemand) for (const f of closure(entry)) if (!loadFiles.has(f)) lazyFiles.add(f);
  return { loadFiles, atLoad: sum(loadFiles), onDemand: sum(lazyFiles), inline: inlineScriptBytes(html), html };
}

const pages = readdirSync(dist).filter((f) => f.endsWith('.html')).sort();

/**
 * The lesson pages, from the build itself: the course data every page embeds
 * (`<script type="application/json" id="course-data">`, src/layouts/CourseLayout.astro) lists
 * each lesson with its page, whatever its id looks like (O1, A1…, P01…, S01…).
 */
function lessonPages() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const json = /<script[^>]*\sid="course-data"[^>]*>([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (!json) throw new Error(`bench: no course-data script in ${join(dist, 'index.html')}; cannot tell which pages are lessons`);
  const hrefs = JSON.parse(json).lessons.map((lesson) => lesson.href.split(/[?#]/)[0]);
  const missing = hrefs.filter((href) => !pages.includes(href));
  if (missing.length) throw new Error(`bench: lesson pages missing from ${dist}: ${missing.join(', ')}`);
  return new Set(hrefs);
}
const lessons = lessonPages();
const byPage = new Map(pages.map((p) => [p, pageJs(join(dist, p))]));

console.log('\nJavaScript per page (gzip). "at load" runs when the page opens; "on demand" is the');
console.log('quiz / role-play islands, fetched only when the learner scrolls to them:');
for (const [page, js] of byPage) {
  const total = js.atLoad + js.inline;
  const isLesson = lessons.has(page);
  const flag = isLesson ? (total > 15 * 1024 ? '  ✗ over 15 KB budget' : '  ✓ ≤ 15 KB') : '';
  if (isLesson && total > 15 * 1024) failures.push(`${page} loads ${KB(total)} of JS at load`);
  const lazy = js.onDemand ? ` + ${KB(js.onDemand)} on demand` : '';
  console.log(`  ${page.padEnd(40)} ${KB(total).padStart(9)} at load${lazy}${flag}`);
}

// The reading aids (src/islands/reader.ts: progress line, kept place, sections in the drawer,
// font-size buttons) are imported by the shell right after the page opens, on every page: not
// needed for the first paint, but fetched by every learner, so they have a budget of their own.
const readerChunk = readdirSync(join(dist, '_astro')).find((f) => /^reader\.[\w-]+\.js$/.test(f));
if (!readerChunk) failures.push('no reader.*.js chunk in dist/_astro: the reading aids cannot be measured');
else {
  const shellFiles = byPage.get('index.html')?.loadFiles ?? new Set();
  const bytes = sum([...closure(join(dist, '_astro', readerChunk))].filter((f) => !shellFiles.has(f)));
  const flag = bytes > 2 * 1024 ? '  ✗ over 2 KB' : '  ✓ ≤ 2 KB';
  if (bytes > 2 * 1024) failures.push(`reading aids are ${KB(bytes)}`);
  console.log(`\nReading aids, fetched right after every page opens: ${KB(bytes)}${flag}`);
}

// The Preact runtime (renderer + its imports) is shared by every island on a page.
const anyRenderer = [...byPage.values()].map((p) => /renderer-url="([^"]+)"/.exec(p.html)?.[1]).find(Boolean);
const framework = anyRenderer ? closure(normalize(join(dist, anyRenderer))) : new Set();
const shell = byPage.get('index.html')?.loadFiles ?? new Set();
console.log(`\nShared runtime: page shell ${KB(sum(shell))} (every page); Preact runtime ${KB(sum([...framework].filter((f) => !shell.has(f))))} (pages with islands)`);

const lmsRuntime = readdirSync(join(dist, '_astro')).find((f) => f.startsWith('scorm-runtime.'));
if (lmsRuntime) {
  const files = [...closure(join(dist, '_astro', lmsRuntime))].filter((f) => !shell.has(f));
  console.log(`SCORM runtime: ${KB(sum(files))}, loaded once per session and only when an LMS API is found`);
}

// SelfAssessment: the A2 five-dimension self-assessment (measured once a lesson uses it).
const islandBudgets = { Quiz: 12 * 1024, RolePlay: 15 * 1024, SelfAssessment: 8 * 1024 };
const islandFiles = readdirSync(join(dist, '_astro')).filter((f) => /^[A-Z][A-Za-z]+\.[\w-]+\.js$/.test(f));
console.log('\nIsland JavaScript of its own (gzip; beyond the page shell and the Preact runtime):');
for (const file of islandFiles.sort()) {
  const name = file.split('.')[0];
  const own = [...closure(join(dist, '_astro', file))].filter((f) => !shell.has(f) && !framework.has(f));
  const bytes = sum(own);
  const budget = islandBudgets[name];
  const flag = budget ? (bytes > budget ? `  ✗ over ${KB(budget)}` : `  ✓ ≤ ${KB(budget)}`) : '';
  if (budget && bytes > budget) failures.push(`${name} island is ${KB(bytes)}`);
  console.log(`  ${name.padEnd(24)} ${KB(bytes).padStart(9)}${flag}`);
}

const codecBench = join(root, 'src', 'persistence', 'suspend', 'bench.ts');
if (existsSync(codecBench)) {
  const { maximalStateSize, maximalToolsChars } = await import(codecBench);
  const { SUMMARY_MAX_CHARS } = await import(join(root, 'src', 'engine', 'tools', 'summary.ts'));
  const size = await maximalStateSize();
  const tools = await maximalToolsChars();
  const flag = size + tools > 4096 ? '  ✗ over SCORM 1.2 limit' : size > 1500 ? '  ✗ over 1,500 target' : '  ✓ ≤ 1,500';
  if (size > 1500) failures.push(`maximal suspend data is ${size} chars`);
  console.log(`\nMaximal suspend data (whole planned course): ${size} chars of progress (SCORM 1.2 limit 4,096)${flag}`);
  const toolsFlag = tools > SUMMARY_MAX_CHARS + 1 ? `  ✗ over ${SUMMARY_MAX_CHARS + 1}` : `  ✓ ≤ ${SUMMARY_MAX_CHARS + 1}`;
  if (tools > SUMMARY_MAX_CHARS + 1) failures.push(`the tools' summary adds ${tools} chars`);
  console.log(`  + Part 8 tools' summary, all seven used: ${tools} chars (total ${size + tools})${toolsFlag}`);
}

{
  // Issue 9 item 7: clicks against an LMS taking 2 s per call (bench/slow-lms.ts).
  const { slowLmsFigures } = await import(join(root, 'bench', 'slow-lms.ts'));
  const f = await slowLmsFigures();
  const ok = f.clickWorkMs <= 100 && f.clickCalls === 0 && f.taskCalls <= 1 && f.taskWorkMs <= 100;
  if (!ok) failures.push(`slow LMS: ${JSON.stringify(f)}`);
  console.log(`\nSlow LMS (2 s per API call, ${f.clicks} clicks): our work per click ${f.clickWorkMs.toFixed(1)} ms with ${f.clickCalls} LMS calls; ` +
    `commit tasks ≤ ${f.taskCalls} call (page blocked ≤ ${f.taskCalls * 2} s at a time), ≤ ${f.taskWorkMs.toFixed(1)} ms of our work; all committed ${f.settledAfterS} s after the last click` +
    `${ok ? '  ✓ ≤ 100 ms, 0 calls per click, 1 per task' : '  ✗ over budget'}`);
}

const packages = join(dist, 'packages');
if (existsSync(packages)) {
  console.log('\nPackages:');
  for (const zip of readdirSync(packages).filter((f) => f.endsWith('.zip')).sort()) {
    const bytes = statSync(join(packages, zip)).size;
    // An LMS upload limit is often a few MB; phones on mobile data download the whole package.
    const over = bytes > 2 * 1024 * 1024;
    if (over) failures.push(`${zip} is ${KB(bytes)}`);
    console.log(`  ${zip.padEnd(48)} ${KB(bytes).padStart(10)}${over ? '  ✗ over 2 MB' : ''}`);
  }
}

if (failures.length) {
  console.log(`\nBudget failures:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
} else console.log('\nAll budgets met.');
