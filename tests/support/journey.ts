/**
 * A learner's journey through the course by clicking alone, for end-to-end suites: read a
 * lesson to its end, pass (or fail) its knowledge check by choosing the keyed answers from the
 * quiz YAML, finish its role-play on the best path the scenario engine derives from the YAML,
 * move on with the links a learner sees, and take the assessment from its card.
 *
 * Nothing here knows a question, option or reply id: answers come from quizzes/*.yaml and the
 * role-play path from the scenario engine's analysis of scenarios/*.yaml, at test time, so
 * content edits do not break the journeys. Works on a Page (the site) or a Frame (a package in
 * the LMS preview).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, type Frame, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { analyseScenario } from '../../src/engine/scenario/graph.ts';
import { correctResponse } from '../../src/engine/quiz/score.ts';
import type { RuntimeQuestion } from '../../src/engine/quiz/runtime.ts';
import { quizSchema, type QuestionFile } from '../../src/schemas/quiz.ts';
import { scenarioSchema } from '../../src/schemas/scenario.ts';

export type Surface = Page | Frame;

const root = new URL('../../', import.meta.url);
const readYaml = (path: string): unknown => parse(readFileSync(new URL(path, root), 'utf8'));

/** Every file of questions (practice banks and assessment pools), by id, parsed with the real schema. */
export const banks: ReadonlyMap<string, QuestionFile> = new Map(
  readdirSync(new URL('quizzes/', root))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => quizSchema.parse(readYaml(`quizzes/${f}`)))
    .filter((q): q is QuestionFile => q.kind !== 'assessment')
    .map((q) => [q.id, q]),
);

/** The question behind a rendered `data-qkey` ("q3" in a bank, "p01-pool.q3" in an assessment). */
export function questionOf(quizId: string, key: string): RuntimeQuestion {
  const [bankId, id] = key.includes('.') ? (key.split('.') as [string, string]) : [quizId, key];
  const bank = banks.get(bankId);
  const q = bank?.questions.find((x) => x.id === id);
  if (!bank || !q) throw new Error(`no question ${key} in quizzes/${bankId}.yaml`);
  return { ...q, key, bank: bank.id, lesson: bank.lesson };
}

/** A response that earns no credit where the type allows it. */
export function wrongResponse(q: RuntimeQuestion): string[] {
  switch (q.type) {
    case 'single-choice':
    case 'multiple-response':
      return [q.options.find((o) => !o.correct)?.id as string];
    case 'best-reply':
      return [q.options.find((o) => o.credit === 0)?.id ?? (q.options.find((o) => o.credit < 1)?.id as string)];
    case 'true-false':
      return [String(!q.answer)];
    case 'ordering':
      return [...correctResponse(q)].reverse();
    case 'matching': {
      const rights = q.right.map((r) => r.id);
      return q.left.map((l) => `${l.id}:${rights.find((r) => r !== l.match)}`);
    }
  }
}

/** The role-play replies of the best path, as the scenario engine derives it from the YAML. */
export function bestPath(scenarioId: string): string[] {
  const scenario = scenarioSchema.parse(readYaml(`scenarios/${scenarioId}.yaml`));
  const { derived, problems } = analyseScenario(scenario);
  if (!derived) throw new Error(`scenarios/${scenarioId}.yaml cannot be scored: ${problems.join('; ')}`);
  return derived.best;
}

export async function answerQuestion(question: Locator, q: RuntimeQuestion, right: boolean): Promise<void> {
  let response = right ? correctResponse(q) : wrongResponse(q);
  if (q.type === 'ordering') {
    const shown = () => question.locator('li[data-item]').evaluateAll((items) => items.map((li) => li.getAttribute('data-item')));
    // A wrong order needs at least one move away from the right one; the shuffle may already show ours.
    if (!right && (await shown()).join() === response.join()) response = [...correctResponse(q).slice(1), correctResponse(q)[0] as string];
    for (let i = 0; i < response.length; i++) {
      const order = await shown();
      const id = response[i] as string;
      for (let at = order.indexOf(id); at > i; at--) await question.locator(`li[data-item="${id}"] button[data-focus$="-up"]`).click();
    }
  } else if (q.type === 'matching') {
    for (const pair of response) {
      const [left, target] = pair.split(':') as [string, string];
      await question.locator(`select[id$="-${left}"]`).selectOption(target);
    }
  } else {
    for (const id of response) await question.locator(`input[value="${id}"]`).check();
  }
}

/** Waits until the island holding `inner` has hydrated (Astro drops its `ssr` attribute then). */
async function hydratedIsland(surface: Surface, inner: Locator): Promise<void> {
  await expect(surface.locator('astro-island[ssr]', { has: inner })).toHaveCount(0, { timeout: 20_000 });
}

/** Clicks the first of these quiz buttons that is on screen (one DOM read, not one query per name). */
async function clickNext(quiz: Locator, names: readonly RegExp[]): Promise<boolean> {
  const labels = await quiz.locator('button.quiz-button').evaluateAll((buttons) =>
    buttons.map((b) => ((b as HTMLElement).offsetParent !== null && !(b as HTMLButtonElement).disabled ? (b.textContent ?? '').trim() : null)),
  );
  for (const name of names) {
    const at = labels.findIndex((label) => label !== null && name.test(label));
    if (at >= 0) {
      await quiz.locator('button.quiz-button').nth(at).click();
      return true;
    }
  }
  return false;
}

/**
 * Takes one attempt of a quiz (knowledge check or assessment) on the page: starts it, answers
 * every question right or wrong from the answer key, checks, moves on and submits. Returns the
 * score line the results show.
 */
export async function takeQuiz(surface: Surface, quizId: string, right: boolean): Promise<string> {
  const quiz = surface.locator(`section.quiz[data-quiz="${quizId}"]`);
  await quiz.scrollIntoViewIfNeeded();
  await hydratedIsland(surface, quiz);
  const start = quiz.locator('button.quiz-button', { hasText: /^(开始|重新作答)/ }).first();
  await expect(start).toBeVisible({ timeout: 20_000 });
  await start.click();
  const answered = new Set<string>();
  for (let step = 0; step < 200; step++) {
    if (await quiz.locator('.quiz-results').isVisible()) break;
    for (const element of await quiz.locator('.quiz-question').all()) {
      const key = (await element.getAttribute('data-qkey')) as string;
      if (answered.has(key)) continue;
      await answerQuestion(element, questionOf(quizId, key), right);
      answered.add(key);
    }
    if (!(await clickNext(quiz, [/^检查答案$/, /^下一题/, /^查看结果$/, /^提交/]))) throw new Error(`quiz ${quizId}: no button to go on with`);
  }
  await expect(quiz.locator('.quiz-results')).toBeVisible();
  return (await quiz.locator('.quiz-score').textContent()) ?? '';
}

/** Plays a lesson's role-play to its end on the engine's best path. */
export async function passRolePlay(surface: Surface, scenarioId: string): Promise<void> {
  const rp = surface.locator(`section.rp[data-scenario="${scenarioId}"]`);
  await rp.scrollIntoViewIfNeeded();
  await hydratedIsland(surface, rp);
  const start = rp.getByRole('button', { name: /^(开始对话|再练一次)$/ }).first();
  await expect(start).toBeVisible({ timeout: 20_000 });
  await start.click();
  for (const id of bestPath(scenarioId)) {
    const choice = rp.locator(`.rp-choice[data-choice="${id}"]`);
    await expect(choice, `role-play ${scenarioId}: reply ${id} of the best path`).toBeVisible({ timeout: 20_000 });
    await choice.click();
  }
  await expect(rp.locator('.rp-end')).toBeVisible({ timeout: 20_000 });
  await expect(rp.locator('.rp-verdict')).toHaveText(/通过/);
}

interface LessonInfo {
  id: string;
  href: string;
  quiz?: string;
  scenario?: string;
  tool?: string;
}

/**
 * Finishes a lesson's Part 8 tool the quickest honest way: on its example, the one change that
 * makes it count as done (src/engine/tools/*Summary: a worksheet of ≥ 3 steps, a map with every
 * stage filled, a re-scored failure mode, every activity sorted, every card placed), then waits
 * for the tool to say it is done.
 */
export async function finishTool(surface: Surface, tool: string): Promise<void> {
  const frame = surface.locator(`section[data-activity="tool"][data-tool="${tool}"] [data-tool-frame="${tool}"]`);
  await frame.scrollIntoViewIfNeeded();
  await expect(frame.locator('[data-tool-done]'), `tool ${tool} hydrated`).toBeVisible({ timeout: 30_000 });
  const rows = frame.locator('[data-row]');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  switch (tool) {
    case 'painpoints':
      await rows.first().locator('[data-field="severity"]').selectOption('5');
      break;
    case 'journey':
      await rows.first().locator('[data-field="emotion"]').selectOption('2');
      break;
    case 'sfmea':
      await rows.first().locator('[data-rescore]').click();
      break;
    case 'blueprint':
      // Every activity into a layer (which one is the learner's judgement; done means all sorted).
      for (const row of await rows.all()) {
        const layer = row.locator('select[data-focus$=":layer"]');
        await layer.selectOption('front');
        await expect(layer).toHaveValue('front');
      }
      break;
    case 'impact':
      for (const row of await rows.all()) {
        for (const [axis, level] of [['impact', 'high'], ['effort', 'low']] as const) {
          const select = row.locator(`select[data-focus$=":${axis}"]`);
          await select.selectOption(level);
          await expect(select).toHaveValue(level);
        }
      }
      break;
    default:
      throw new Error(`finishTool: no route for the ${tool} tool`);
  }
  await expect(frame.locator('[data-tool-done]'), `tool ${tool} done`).toHaveAttribute('data-tool-done', 'true', { timeout: 20_000 });
}

/** The lessons of the package the page belongs to (its scope meta limits the embedded course data). */
export async function packageLessons(surface: Surface): Promise<LessonInfo[]> {
  return surface.evaluate(() => {
    const data = JSON.parse(document.getElementById('course-data')?.textContent ?? '{}') as { lessons: LessonInfo[] };
    const scope = document.querySelector<HTMLMetaElement>('meta[name="course-scope"]')?.content;
    const ids = scope ? new Set(scope.split(',')) : null;
    return data.lessons.filter((l) => !ids || ids.has(l.id));
  });
}

/** Waits until the page the learner clicked to has loaded its state (islands hydrated, LMS settled). */
export async function settled(surface: Surface, file: RegExp): Promise<void> {
  await expect.poll(() => surface.url(), { timeout: 20_000 }).toMatch(file);
  await surface.waitForFunction(
    () => document.querySelectorAll('astro-island[client="load"][ssr]').length === 0 && document.querySelector('[data-lms-kind]:not([data-lms-kind="connecting"])') !== null,
    undefined,
    { timeout: 30_000 },
  );
}

/** Does a lesson's page work: role-play, tool, knowledge check, read to the end. Ends on the lesson page. */
export async function completeLesson(surface: Surface, lesson: LessonInfo, options: { quizRight?: boolean } = {}): Promise<void> {
  if (lesson.scenario) await passRolePlay(surface, lesson.scenario);
  if (lesson.tool) await finishTool(surface, lesson.tool);
  if (lesson.quiz) await takeQuiz(surface, lesson.quiz, options.quizRight ?? true);
  const end = surface.getByTestId('lesson-end');
  await end.scrollIntoViewIfNeeded();
  await expect(end.getByRole('status')).toHaveText(/本课已完成/, { timeout: 20_000 });
}

/** Clicks through to a lesson the way a learner would: the "next" button when it leads there, else home and the course map. */
export async function goToLesson(surface: Surface, lesson: LessonInfo): Promise<void> {
  const next = surface.locator(`a[data-testid="next"][href="${lesson.href}"]:visible`);
  if ((await next.count()) > 0) {
    await next.first().click();
  } else {
    if (!/index\.html$/.test(surface.url())) {
      await surface.locator('a.brand').click();
      await settled(surface, /index\.html$/);
    }
    await surface.locator(`main a[href="${lesson.href}"]:visible`).first().click();
  }
  await settled(surface, new RegExp(`${lesson.href.replace('.', '\\.')}$`));
}

/**
 * The whole package by clicking: every lesson in order (entered from the home page's start
 * button, then "next" or the course map), then, when the package has one, the assessment from
 * the card at the end of the last lesson. Ends on the assessment results or the last lesson.
 */
export async function completePackage(surface: Surface, options: { assessment?: string | undefined; passAssessment?: boolean; attempts?: number } = {}): Promise<void> {
  const lessons = await packageLessons(surface);
  const first = lessons[0] as LessonInfo;
  // The home page's start button leads to the first lesson.
  const resume = surface.getByTestId('resume').locator('[data-resume-link]');
  await expect(resume).toHaveAttribute('href', first.href);
  await resume.click();
  await settled(surface, new RegExp(`${first.href.replace('.', '\\.')}$`));
  for (const [i, lesson] of lessons.entries()) {
    if (i > 0) await goToLesson(surface, lesson);
    await completeLesson(surface, lesson);
  }
  if (!options.assessment) return;
  const card = surface.locator(`[data-assessment-card="${options.assessment}"][data-end-card]`);
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-state', 'open');
  await card.locator('[data-assessment-link]').click();
  await settled(surface, /assessment-[\w-]+\.html$/);
  for (let attempt = 0; attempt < (options.attempts ?? 1); attempt++) {
    await takeQuiz(surface, options.assessment, options.passAssessment ?? true);
  }
}
