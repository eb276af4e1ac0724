/**
 * Loads every content file and checks it the way an author needs: each problem names the
 * file, the field and the reason. Used by `npm run build` (via check-content.ts) and tests.
 */
import { SECTOR_LESSONS } from '../../src/engine/path-lessons.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { lessonSchema, type LessonFrontmatter } from '../../src/schemas/lesson.ts';
import { partSchema, type Part } from '../../src/schemas/part.ts';
import { pathSchema, type LearningPath } from '../../src/schemas/path.ts';
import { checkQuiz, quizSchema, type Quiz } from '../../src/schemas/quiz.ts';
import { analyseScenario } from '../../src/engine/scenario/graph.ts';
import { scenarioSchema, type Scenario } from '../../src/schemas/scenario.ts';
import { stripInvisible } from '../content/invisible.ts';
import { checkLessonFiles } from '../content/lesson-safety.ts';
import { lintScenario } from '../content/scenario-lints.ts';
import { lessonMinutesProblems, lessonShapeProblems, minutesOfLesson } from '../content/lesson-shape.ts';
import { lintQuizzes } from '../content/quiz-lints.ts';
import { readSelfAssessment, SELF_ASSESSMENT_FILE } from '../../src/site/self-assessment.ts';
import { GLOSSARY_FILE, glossaryProblems, readGlossary } from '../content/glossary.ts';
import { readSelfCheckItems, SELF_CHECK_FILE } from '../../src/site/self-check.ts';
import { toolIdSchema } from '../../src/schemas/tools.ts';

export interface Located<T> {
  /** Path relative to the project root, as shown to authors. */
  file: string;
  data: T;
}

export interface CourseContent {
  parts: Located<Part>[];
  lessons: Located<LessonFrontmatter>[];
  paths: Located<LearningPath>[];
  quizzes: Located<Quiz>[];
  scenarios: Located<Scenario>[];
}

export interface CheckResult {
  content: CourseContent;
  problems: string[];
}

function listFiles(dir: string, extension: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => extension.test(name))
    .sort()
    .map((name) => join(dir, name));
}

function formatZodIssues(file: string, error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)';
    return `${file}: ${field} → ${issue.message}`;
  });
}

/** Splits an MDX file's YAML frontmatter from its body. */
export function readFrontmatter(source: string): unknown {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (!match) throw new Error('no frontmatter block (--- … ---) at the top of the file');
  return parseYaml(match[1] ?? '');
}

function parseEach<T>(
  root: string,
  files: string[],
  read: (text: string) => unknown,
  schema: z.ZodType<T>,
  problems: string[],
  invalidIds?: Set<string>,
): Located<T>[] {
  const out: Located<T>[] = [];
  for (const path of files) {
    const file = relative(root, path);
    let raw: unknown;
    try {
      raw = read(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push(`${file}: (file) → cannot be read: ${(error as Error).message}`);
      continue;
    }
    raw = stripInvisible(raw, file, problems);
    const parsed = schema.safeParse(raw);
    if (parsed.success) out.push({ file, data: parsed.data });
    else {
      problems.push(...formatZodIssues(file, parsed.error));
      // Remember the id of an invalid file so references to it don't add follow-on errors.
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'string') invalidIds?.add(id);
    }
  }
  return out;
}

function duplicates<T>(items: Located<T>[], key: (t: T) => string, what: string, problems: string[]): void {
  const seen = new Map<string, string>();
  for (const item of items) {
    const id = key(item.data);
    const first = seen.get(id);
    if (first) problems.push(`${item.file}: id → duplicate ${what} id "${id}" (also in ${first})`);
    else seen.set(id, item.file);
  }
}

function fileNameMatchesId(items: Located<{ id: string }>[], problems: string[]): void {
  for (const item of items) {
    const base = item.file.split(/[\\/]/).pop()?.replace(/\.(mdx|ya?ml)$/, '');
    if (base !== item.data.id) problems.push(`${item.file}: id → is "${item.data.id}" but the file is named "${base}"; name the file after its id`);
  }
}

export function loadAndCheckContent(root: string): CheckResult {
  const problems: string[] = [];
  const partsFile = join(root, 'content', 'parts.yaml');
  let parts: Located<Part>[] = [];
  if (!existsSync(partsFile)) {
    problems.push('content/parts.yaml: (file) → missing; it lists the course parts');
  } else {
    const raw = stripInvisible(parseYaml(readFileSync(partsFile, 'utf8')), 'content/parts.yaml', problems);
    if (!Array.isArray(raw)) problems.push('content/parts.yaml: (root) → must be a list of parts');
    else
      raw.forEach((entry, index) => {
        const parsed = partSchema.safeParse(entry);
        if (parsed.success) parts.push({ file: 'content/parts.yaml', data: parsed.data });
        else problems.push(...formatZodIssues('content/parts.yaml', parsed.error, `[${index}]`));
      });
  }

  const invalidLessons = new Set<string>();
  const invalidQuizzes = new Set<string>();
  const invalidScenarios = new Set<string>();
  const lessons = parseEach(root, listFiles(join(root, 'content', 'lessons'), /\.mdx$/), readFrontmatter, lessonSchema, problems, invalidLessons);
  problems.push(...checkLessonFiles(root, listFiles(join(root, 'content', 'lessons'), /\.mdx$/)));
  const paths = parseEach(root, listFiles(join(root, 'content', 'paths'), /\.ya?ml$/), parseYaml, pathSchema, problems);
  const quizzes = parseEach(root, listFiles(join(root, 'quizzes'), /\.ya?ml$/), parseYaml, quizSchema, problems, invalidQuizzes);
  const scenarios = parseEach(root, listFiles(join(root, 'scenarios'), /\.ya?ml$/), parseYaml, scenarioSchema, problems, invalidScenarios);

  duplicates(parts, (p) => p.id, 'part', problems);
  duplicates(lessons, (l) => l.id, 'lesson', problems);
  duplicates(paths, (p) => p.id, 'path', problems);
  duplicates(quizzes, (q) => q.id, 'quiz', problems);
  duplicates(scenarios, (s) => s.id, 'scenario', problems);
  fileNameMatchesId([...lessons, ...paths, ...quizzes, ...scenarios], problems);

  const partIds = new Set(parts.map((p) => p.data.id));
  const lessonIds = new Set([...lessons.map((l) => l.data.id), ...invalidLessons]);
  const quizIds = new Set([...quizzes.map((q) => q.data.id), ...invalidQuizzes]);
  const scenarioIds = new Set([...scenarios.map((s) => s.data.id), ...invalidScenarios]);

  const orderSeen = new Map<string, string>();
  for (const { file, data } of lessons) {
    if (!partIds.has(data.part)) problems.push(`${file}: part → unknown part "${data.part}" (not in content/parts.yaml)`);
    if (data.quiz && !quizIds.has(data.quiz)) problems.push(`${file}: quiz → unknown quiz "${data.quiz}" (no quizzes/${data.quiz}.yaml)`);
    if (data.scenario && !scenarioIds.has(data.scenario))
      problems.push(`${file}: scenario → unknown scenario "${data.scenario}" (no scenarios/${data.scenario}.yaml)`);
    if (data.leadScenario && !scenarioIds.has(data.leadScenario))
      problems.push(`${file}: leadScenario → unknown scenario "${data.leadScenario}" (no scenarios/${data.leadScenario}.yaml)`);
    if (data.leadScenario && data.leadScenario === data.scenario)
      problems.push(`${file}: leadScenario → "${data.leadScenario}" is already the front-line scenario; the team-lead role-play is a different conversation`);
    const orderKey = `${data.part}#${data.order}`;
    const other = orderSeen.get(orderKey);
    if (other) problems.push(`${file}: order → ${data.order} is already used in part "${data.part}" by ${other}`);
    else orderSeen.set(orderKey, file);
  }

  // Honest durations for HR and the lesson's shape (scripts/content/lesson-shape.ts): front-line
  // minutes exactly as computed, the manager extension's minutes, one job aid, voice.
  const scenarioMinutes = new Map(scenarios.map((s) => [s.data.id, s.data.minutes]));
  const checkQuestions = new Map(
    quizzes.flatMap((q) => (q.data.kind === 'bank' ? [[q.data.id, q.data.draw ?? q.data.questions.length] as const] : [])),
  );
  for (const { file, data } of lessons) {
    if (data.quiz && quizIds.has(data.quiz) && !invalidQuizzes.has(data.quiz) && !checkQuestions.has(data.quiz))
      problems.push(`${file}: quiz → "${data.quiz}" is not a practice bank (kind: bank); a lesson's knowledge check never shows an assessment pool`);
    const source = readFileSync(join(root, file), 'utf8');
    // A dangling quiz or scenario is reported above; its minutes would only add a follow-on error.
    const dangling =
      (data.quiz && !checkQuestions.has(data.quiz)) ||
      (data.scenario && !scenarioMinutes.has(data.scenario)) ||
      (data.leadScenario && !scenarioMinutes.has(data.leadScenario));
    const minutes = minutesOfLesson(source, data, scenarioMinutes, checkQuestions);
    if (data.tool && data.leadTools?.includes(data.tool))
      problems.push(`${file}: leadTools → "${data.tool}" is already the lesson's core tool`);
    if (data.leadTools && new Set(data.leadTools).size !== data.leadTools.length) problems.push(`${file}: leadTools → a tool is listed twice`);
    for (const p of [...(dangling ? [] : lessonMinutesProblems(minutes, data)), ...lessonShapeProblems(source, data)]) problems.push(`${file}: ${p}`);
  }

  for (const { file, data } of paths) {
    data.lessons.forEach((id, i) => {
      if (!lessonIds.has(id)) problems.push(`${file}: lessons.${i} → unknown lesson "${id}" (no content/lessons/${id}.mdx); list unwritten units under planned`);
    });
    const electives = new Set(Object.values(SECTOR_LESSONS));
    for (const [field, ids] of [['lessons', data.lessons], ['planned', data.planned]] as const)
      for (const id of ids.filter((u) => electives.has(u)))
        problems.push(`${file}: ${field} → ${id} is an industry lesson: the path's sector elective adds it (sector: ${data.sector}); HR picks another with --sector, so do not list it`);
    const dupes = data.lessons.filter((id, i) => data.lessons.indexOf(id) !== i);
    for (const id of new Set(dupes)) problems.push(`${file}: lessons → "${id}" is listed more than once`);
  }

  // Every role-play is shown somewhere, once: in one lesson (front-line or team-lead) or on the practice page.
  // Only worth saying when every lesson parsed and names a scenario that exists: otherwise the
  // lesson's own problem is reported above and an "unused" scenario would only follow from it.
  const lessonRefsResolved =
    lessons.length > 0 &&
    invalidLessons.size === 0 &&
    lessons.every(({ data }) => [data.scenario, data.leadScenario].every((id) => id === undefined || scenarioIds.has(id)));
  const usedBy = new Map<string, string[]>();
  for (const { file, data } of lessons)
    for (const id of [data.scenario, data.leadScenario]) if (id) usedBy.set(id, [...(usedBy.get(id) ?? []), file]);
  for (const { file, data } of scenarios) {
    const users = usedBy.get(data.id) ?? [];
    if (users.length > 1) problems.push(`${file}: id → used by ${users.join(' and ')}; a role-play belongs to one lesson`);
    if (users.length > 0 && data.practice) problems.push(`${file}: practice → true, but ${users[0]} already shows it; a lesson role-play is not listed again as practice`);
    if (users.length === 0 && !data.practice && lessonRefsResolved)
      problems.push(`${file}: id → no lesson names it (scenario or leadScenario) and it is not a practice scenario (practice: true), so no learner would see it`);
  }

  // Each sector's elective is that industry's lesson (src/engine/path-lessons.ts).
  for (const [sector, id] of Object.entries(SECTOR_LESSONS)) {
    const lesson = lessons.find((l) => l.data.id === id);
    if (lesson && !(lesson.data.industries as string[]).includes(sector))
      problems.push(`${lesson.file}: industries → the ${sector} sector elective is ${id}, so its industries must include "${sector}"`);
  }

  const quizContext = { quizzes: quizzes.map((q) => q.data), lessonIds, partIds };
  for (const { file, data } of quizzes) for (const p of checkQuiz(data, quizContext)) problems.push(`${file}: ${p}`);
  for (const { file, data } of scenarios) {
    const analysis = analyseScenario(data);
    for (const p of [...analysis.problems, ...lintScenario(data, analysis)]) problems.push(`${file}: ${p}`);
  }
  // The A2 self-assessment's items: checked when the file exists or a lesson uses <SelfAssessment />.
  const usesSelfAssessment = lessons.some((l) => /<SelfAssessment\b/.test(readFileSync(join(root, l.file), 'utf8')));
  if (usesSelfAssessment || existsSync(join(root, SELF_ASSESSMENT_FILE))) problems.push(...readSelfAssessment(root).problems);
  // Every Part 8 tool is worked in a lesson (its standalone page and CSV file are named after that lesson).
  if (lessons.some((l) => l.data.part === 'part8'))
    for (const tool of toolIdSchema.options)
      if (!lessons.some((l) => l.data.tool === tool || l.data.leadTools?.includes(tool)))
        problems.push(`content/lessons: tool → no lesson names the "${tool}" tool (tool: or leadTools:), so no learner would meet it`);
  // The Part 8 self-check's 120 checkpoints: checked when the file exists or a lesson uses the self-check tool.
  const usesSelfCheck = lessons.some((l) => l.data.tool === 'selfcheck' || l.data.leadTools?.includes('selfcheck'));
  if (usesSelfCheck || existsSync(join(root, SELF_CHECK_FILE))) problems.push(...readSelfCheckItems(root).problems);
  // Each glossary term defined once (inline definitions in lessons come from it).
  if (existsSync(join(root, GLOSSARY_FILE))) problems.push(...glossaryProblems(readGlossary(root)));
  // An assessment that finds no pool is only worth reporting when every lesson and its part resolved.
  const lessonsResolved = invalidLessons.size === 0 && lessons.every((l) => partIds.has(l.data.part));
  problems.push(...lintQuizzes(quizzes, lessonsResolved ? lessons.map((l) => l.data) : undefined));

  return { content: { parts, lessons, paths, quizzes, scenarios }, problems };
}
