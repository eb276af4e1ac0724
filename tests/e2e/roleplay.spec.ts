import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { analyseScenario } from '../../src/engine/scenario/graph.ts';
import { debriefOf, type RolePlayScenario } from '../../src/engine/scenario/model.ts';
import { DIMENSION_NAMES } from '../../src/i18n/zh-CN.dimensions.ts';
import { CRITICAL_NAMES, OUTCOME_NAMES } from '../../src/i18n/zh-CN.outcomes.ts';
import { scenarioResult } from '../../src/engine/scenario/result.ts';
import { replayPath } from '../../src/engine/scenario/runner.ts';
import { scenarioSchema } from '../../src/schemas/scenario.ts';
import { readFrontmatter } from '../../scripts/lib/content-check.ts';
import { t } from '../../src/i18n/zh-CN.ts';
import { tr } from '../../src/i18n/zh-CN.roleplay.ts';
import { lessonSchema, type LessonFrontmatter } from '../../src/schemas/lesson.ts';
import { completeLesson, passRolePlay } from '../support/journey.ts';
import { zh, zhPattern } from '../support/ui-words.ts';
import { axeViolations, expect, test, waitForCourse } from './fixtures.ts';

/** Every lesson's frontmatter, as the site is built from it. */
function lessonFrontmatter(): LessonFrontmatter[] {
  return readdirSync('content/lessons')
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => lessonSchema.parse(readFrontmatter(readFileSync(`content/lessons/${f}`, 'utf8'))));
}

// Expected paths and scores come from the same YAML the site is built from.
function load(id: string): RolePlayScenario {
  const scenario = scenarioSchema.parse(parse(readFileSync(`scenarios/${id}.yaml`, 'utf8')));
  const { derived, problems } = analyseScenario(scenario);
  if (!derived) throw new Error(problems.join('\n'));
  return { ...scenario, derived };
}
const p01 = load('p01-broadband-install');

function expectedResult(scenario: RolePlayScenario, path: string[]) {
  const state = replayPath(scenario, path);
  const result = state && scenarioResult(scenario, state);
  if (!result) throw new Error(`path ${path.join(',')} does not finish ${scenario.id}`);
  return result;
}

const OUTCOME: Record<string, string> = OUTCOME_NAMES;
/** A reply's words and a node, as the scenario's YAML has them (course text is read, never copied). */
const choiceOf = (scenario: RolePlayScenario, id: string) => scenario.nodes.flatMap((n) => n.choices).find((c) => c.id === id);
const nodeOf = (scenario: RolePlayScenario, id: string | null | undefined) => scenario.nodes.find((n) => n.id === id);
const outcomeOf = (scenario: RolePlayScenario, endingId: string) => OUTCOME[scenario.endings.find((e) => e.id === endingId)?.outcome ?? ''];

async function open(page: Page, file: string) {
  await page.goto(file);
  await waitForCourse(page);
  // Lesson role-plays hydrate when scrolled into view.
  await page.locator('.rp').scrollIntoViewIfNeeded();
  await expect(page.locator('.rp')).toBeVisible();
}

/** Starts keyboard navigation at the role-play (a lesson page has many links above it). */
async function focusRolePlay(page: Page) {
  await page.locator('.rp-title').evaluate((el) => {
    (el as HTMLElement).tabIndex = -1;
    (el as HTMLElement).focus();
  });
}

/** Presses Tab until the focused element satisfies `matches` (keyboard only, no clicks). */
async function tabUntil(page: Page, matches: () => Promise<boolean>, what: string, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await matches()) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}`);
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const focusedChoice = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-choice') ?? null);

async function keyboardStart(page: Page) {
  await expect(page.getByRole('button', { name: zh('roleplay.start') })).toBeEnabled();
  await focusRolePlay(page);
  await tabUntil(page, async () => (await focusedText(page)) === zh('roleplay.start'), 'the start button');
  await page.keyboard.press('Enter');
  await expect(page.locator('.rp-choice').first()).toBeVisible();
}

/** Gives the replies of `path` with Tab and Enter only. */
async function keyboardPlay(page: Page, path: string[]) {
  for (const id of path) {
    await expect(page.locator(`.rp-choice[data-choice="${id}"]`)).toBeVisible();
    await tabUntil(page, async () => (await focusedChoice(page)) === id, `reply ${id}`);
    await page.keyboard.press('Enter');
  }
}

async function clickPlay(page: Page, path: string[]) {
  for (const id of path) await page.locator(`.rp-choice[data-choice="${id}"]`).click();
}

/** Scores as the end screen's table shows them, and as the radar chart draws them. */
async function endScreenScores(page: Page) {
  const table = await page.locator('.rp-table tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({ dimension: row.getAttribute('data-dimension'), score: Number(row.querySelector('td')?.textContent) })),
  );
  const chart = await page.locator('svg.rp-radar').evaluate((svg) => {
    const cx = Number(svg.getAttribute('data-cx'));
    const cy = Number(svg.getAttribute('data-cy'));
    const r = Number(svg.getAttribute('data-r'));
    return [...svg.querySelectorAll('circle.rp-dot')].map((dot) => ({
      dimension: dot.getAttribute('data-dimension'),
      score: Number(dot.getAttribute('data-value')),
      // Where the point is drawn, as a score: its distance from the centre over the radius.
      drawn: Math.round((Math.hypot(Number(dot.getAttribute('cx')) - cx, Number(dot.getAttribute('cy')) - cy) / r) * 100),
    }));
  });
  return { table, chart };
}

async function expectEndScreen(page: Page, scenario: RolePlayScenario, path: string[]) {
  const expected = expectedResult(scenario, path);
  const end = page.locator('.rp-end');
  await expect(end).toBeVisible();
  await expect(page.locator('.rp-result-title')).toBeFocused();
  await expect(end.locator('.rp-outcome-line')).toContainText(`${zh('roleplay.outcomeLabel')}${zh('roleplay.colon')}${outcomeOf(scenario, expected.ending)}`);
  await expect(end.locator('.rp-score')).toContainText(zh('roleplay.total', { total: expected.total }));
  await expect(end.locator('.rp-verdict')).toHaveText(zh(expected.passed ? 'roleplay.passed' : 'roleplay.failed'));
  await expect(page.getByRole('status').filter({ hasText: zhPattern('roleplay.ended') })).toContainText(zhPattern('roleplay.ended', { total: expected.total }));
  const { table, chart } = await endScreenScores(page);
  // The table matches the chart, point by point, and both match the engine's result.
  expect(table.map((row) => row.score)).toEqual(expected.dimensions);
  expect(chart.map((dot) => dot.dimension)).toEqual(table.map((row) => row.dimension));
  expect(chart.map((dot) => dot.score)).toEqual(table.map((row) => row.score));
  for (const dot of chart) expect(Math.abs(dot.drawn - dot.score)).toBeLessThanOrEqual(1);
  for (const [i, row] of table.entries()) await expect(page.locator('.rp-axis-label').nth(i)).toContainText(` ${row.score}`);
  return expected;
}

test.describe('role-play island', () => {
  // Paths through P01 (the v2 reference scenario), checked against the engine from the same YAML.
  const CRITICAL = ['c1', 'c4', 'c8', 'c12', 'c14', 'c17', 'c20', 'c23', 'c26', 'c29']; // c12: a false promise, then a full recovery
  /** The first debrief paragraph the critical path shows (the scenario's words, chosen by the engine). */
  const criticalDebrief = (() => {
    const state = replayPath(p01, CRITICAL);
    const ending = p01.endings.find((e) => e.id === state?.ending);
    return ending && state ? (debriefOf(ending, new Set(state.facts), state.critical.length > 0)[0]?.text ?? '') : '';
  })();
  const POOR = ['c3', 'c10']; // "别当真", then "别激动": the customer walks out

  test('keyboard alone reaches the best ending; outcome, radar and the replay button come first', async ({ page }) => {
    await open(page, 'p01.html');
    await keyboardStart(page);
    await keyboardPlay(page, p01.derived.best);
    const result = await expectEndScreen(page, p01, p01.derived.best);
    expect(result).toMatchObject({ total: 100, passed: true });
    await expect(page.locator('.rp-outcome-line')).toContainText(OUTCOME_NAMES.loyal);
    await expect(page.locator('.rp-end')).toContainText(zh('roleplay.stepsInOrder'));
    // Order on the end screen: outcome, radar, replay button, then the review.
    const order = await page.locator('.rp-end').evaluate((end) =>
      ['.rp-outcome', '.rp-radar', '.rp-replay', '.rp-review'].map((sel) => [...end.querySelectorAll('*')].indexOf(end.querySelector(sel) as Element)),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Per turn: what the learner said, the customer's reaction, the dimensions earned.
    const items = page.locator('.rp-review:not(.rp-best) > .rp-review-item');
    await expect(items).toHaveCount(p01.derived.best.length);
    await expect(items.first().locator('.rp-said')).toContainText(choiceOf(p01, p01.derived.best[0] as string)?.text ?? '');
    await expect(items.first().locator('.rp-reaction')).toContainText(nodeOf(p01, choiceOf(p01, p01.derived.best[0] as string)?.next)?.lines[0]?.text ?? '');
    await expect(items.first().locator('.rp-earned')).toContainText(`${DIMENSION_NAMES.response} ${zh('roleplay.points', { n: 2 })}`);
    // A pass reveals the best path.
    await expect(page.locator('.rp-best .rp-review-item')).toHaveCount(p01.derived.best.length);
    await tabUntil(page, async () => (await focusedText(page)) === zh('roleplay.replay'), 'the replay button', 200);
    await page.keyboard.press('Enter');
    await expect(page.locator('.rp-choice')).toHaveCount(3);
  });

  test('during play the learner sees words and the emotion, never numbers; the emotion stays next to the replies on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, 'p01.html');
    await page.getByRole('button', { name: zh('roleplay.start') }).click();
    await clickPlay(page, ['c1', 'c4', 'c8']);
    await expect(page.locator('.rp-learner')).toHaveCount(3);
    await expect(page.locator('[role="meter"]')).toHaveCount(0);
    const now = page.locator('.rp-now');
    await expect(now).toContainText(zh('roleplay.now', { name: p01.persona.name }));
    await expect(now).toContainText(nodeOf(p01, replayPath(p01, ['c1', 'c4', 'c8'])?.node)?.emotion ?? '');
    for (const text of [await now.innerText(), await page.locator('.rp-log').innerText(), await page.getByRole('status').first().innerText()]) {
      expect(text).not.toMatch(new RegExp(`[0-9０-９]|${zh('roleplay.moodDelta', { delta: '' })}(${zh('roleplay.up', { n: '' }).trim()}|${zh('roleplay.down', { n: '' }).trim()})|\\/100`));
    }
    // Reading the top of the conversation, and reading the replies: the emotion is on screen.
    const inView = () =>
      now.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return box.top >= 0 && box.bottom <= window.innerHeight && el.contains(hit);
      });
    await page.locator('.rp-log li').first().scrollIntoViewIfNeeded();
    expect(await inView()).toBe(true);
    await page.locator('.rp-choice').last().scrollIntoViewIfNeeded();
    expect(await inView()).toBe(true);
  });

  test('a critical reply caps the play: no pass and no best ending after a full recovery; the best path waits for a second play', async ({ page }) => {
    const expected = expectedResult(p01, CRITICAL);
    expect(outcomeOf(p01, expected.ending)).toBe(OUTCOME_NAMES.resolved);
    await open(page, 'p01.html');
    await page.getByRole('button', { name: zh('roleplay.start') }).click();
    await clickPlay(page, CRITICAL);
    const result = await expectEndScreen(page, p01, CRITICAL);
    expect(result.passed).toBe(false);
    const critical = page.locator('.rp-critical');
    await expect(critical).toContainText(zh('roleplay.critical'));
    await expect(critical.locator('li')).toHaveCount(1);
    await expect(critical.locator('li[data-critical="false-promise"]')).toContainText(CRITICAL_NAMES['false-promise']);
    await expect(page.locator('.rp-review-item[data-critical="false-promise"] .rp-tag-critical')).toHaveCount(1);
    await expect(page.locator('.rp-debrief').first()).toContainText(criticalDebrief);
    // First play, not passed: no best path yet.
    await expect(page.locator('.rp-best')).toHaveCount(0);
    await expect(page.locator('.rp-best-locked')).toBeVisible();
    // A second finished play reveals it.
    await page.getByRole('button', { name: zh('roleplay.replay') }).click();
    await clickPlay(page, POOR);
    await expectEndScreen(page, p01, POOR);
    await expect(page.locator('.rp-best .rp-review-item')).toHaveCount(p01.derived.best.length);
  });

  test('a reload mid-conversation resumes where the learner was', async ({ page }) => {
    const path = p01.derived.best;
    await open(page, 'p01.html');
    await page.getByRole('button', { name: zh('roleplay.start') }).click();
    await clickPlay(page, path.slice(0, 4));
    const emotion = (await page.locator('.rp-now-emotion').textContent()) ?? '';
    await page.reload();
    await waitForCourse(page);
    await page.locator('.rp').scrollIntoViewIfNeeded();
    await expect(page.locator('.rp-learner')).toHaveCount(4);
    await expect(page.locator('.rp-now-emotion')).toHaveText(emotion);
    await expect(page.locator(`.rp-choice[data-choice="${path[4]}"]`)).toBeVisible();
    await clickPlay(page, path.slice(4));
    await expectEndScreen(page, p01, path);
    // Finished plays survive a reload too: the end screen comes back with the same result.
    await page.reload();
    await waitForCourse(page);
    await page.locator('.rp').scrollIntoViewIfNeeded();
    await expect(page.locator('.rp-score')).toContainText(zh('roleplay.total', { total: 100 }));
  });

  test('the reply timer runs out into the timeout reply, and can be extended or switched off', async ({ page }) => {
    await page.clock.install();
    await open(page, 'p01.html');
    await page.getByRole('button', { name: zh('roleplay.start') }).click();
    await clickPlay(page, ['c2']); // straight to the timed node
    await expect(page.locator('.rp-timer')).toContainText(zh('roleplay.timerWarning', { seconds: 45 }));
    await page.clock.runFor(46_000);
    await expect(page.locator('.rp-learner').last()).toContainText(zh('roleplay.timedOut'));
    await expect(page.locator('.rp-timer')).toHaveCount(0); // the next node is untimed
    // Extended time: ten times the limit.
    await page.getByRole('button', { name: zh('roleplay.restart') }).click();
    await clickPlay(page, ['c2']);
    await page.locator('.rp-settings summary').click();
    await page.getByRole('radio', { name: zh('roleplay.timing.extended') }).check();
    await expect(page.locator('.rp-timer')).toContainText(zh('roleplay.timerWarning', { seconds: 450 }));
    await page.clock.runFor(60_000);
    await expect(page.locator('.rp-learner')).toHaveCount(1);
    // Off: no timer at all, and the choice is remembered.
    await page.getByRole('radio', { name: zh('roleplay.timing.off') }).check();
    await expect(page.locator('.rp-timer')).toHaveCount(0);
    await page.reload();
    await waitForCourse(page);
    await page.locator('.rp').scrollIntoViewIfNeeded();
    await expect(page.locator('.rp-choice').first()).toBeVisible();
    await expect(page.locator('.rp-timer')).toHaveCount(0);
  });

  test('the practice page lists every lesson role-play, each team-lead one after its lesson’s front-line one', async ({ page }) => {
    const lessons = lessonFrontmatter().filter((l) => l.scenario);
    await page.goto('practice.html');
    await waitForCourse(page);
    // Every practice premise now lives in a lesson (issue 16): no separate practice list is left.
    await expect(page.locator('.practice-card')).toHaveCount(0);
    const items = page.locator('.lesson-roleplays li');
    await expect(items).toHaveCount(lessons.length);
    const p31 = lessons.find((l) => l.id === 'P31');
    if (!p31?.leadScenario) throw new Error('P31 should carry a team-lead role-play');
    const row = items.filter({ has: page.locator('a[href="p31.html"]') });
    await expect(row).toContainText(load(p31.scenario as string).title);
    await expect(row).toContainText(t('lesson.leadScenario'));
    await expect(row).toContainText(load(p31.leadScenario).title);
    await row.locator('a').click();
    await expect(page).toHaveURL(/p31\.html$/);
    await page.goto('practice.html');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a team-lead role-play follows the lesson’s activities, is optional for completion, and keeps its result', async ({ page }) => {
    test.setTimeout(180_000);
    const lesson = lessonFrontmatter().find((l) => l.id === 'P31');
    if (!lesson?.leadScenario || !lesson.scenario || !lesson.quiz) throw new Error('P31 should carry a role-play, a knowledge check and a team-lead role-play');
    await page.goto('p31.html');
    await waitForCourse(page);
    // After the required activities, labelled as the manager extension's optional practice, and in the section index.
    const order = await page.locator('section.activity').evaluateAll((els) => els.map((e) => e.id));
    expect(order).toEqual(['roleplay', 'quiz', 'lead-roleplay']);
    await expect(page.locator('#lead-roleplay .lead-kicker')).toContainText(t('lesson.leadScenario'));
    await expect(page.locator('#lead-roleplay .lead-kicker')).toContainText(t('lesson.leadScenarioNote', { minutes: load(lesson.leadScenario).minutes }));
    await expect(page.getByTestId('section-index').locator('a[href="#lead-roleplay"]')).toHaveText(t('lesson.leadScenario'));
    // The lesson completes without it.
    await completeLesson(page, { id: lesson.id, href: 'p31.html', quiz: lesson.quiz, scenario: lesson.scenario });
    const lead = page.locator(`section.rp[data-scenario="${lesson.leadScenario}"]`);
    await expect(lead.locator('.rp-end')).toHaveCount(0);
    // Played, its result stays with the learner across a reload.
    await passRolePlay(page, lesson.leadScenario);
    await page.reload();
    await waitForCourse(page);
    await page.locator('#lead-roleplay').scrollIntoViewIfNeeded();
    await expect(lead.getByRole('button', { name: tr('roleplay.replay') })).toBeVisible({ timeout: 20_000 });
    expect(await axeViolations(page, '#lead-roleplay')).toEqual([]);
  });

  for (const viewport of [
    { name: 'desktop', width: 1280, height: 900 },
    { name: '390 px', width: 390, height: 844 },
    { name: '320 px', width: 320, height: 640 },
  ]) {
    test(`axe: no WCAG 2.1 A/AA violations on the conversation and end screen (${viewport.name})`, async ({ page }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await open(page, 'p01.html');
      expect(await axeViolations(page, '.rp'), 'intro').toEqual([]);
      await page.getByRole('button', { name: zh('roleplay.start') }).click();
      await clickPlay(page, CRITICAL.slice(0, 5));
      expect(await axeViolations(page, '.rp'), 'conversation').toEqual([]);
      await clickPlay(page, CRITICAL.slice(5)); // ends with a critical event on the record
      await expect(page.locator('.rp-end')).toBeVisible();
      await expect(page.locator('.rp-critical')).toBeVisible();
      expect(await axeViolations(page, '.rp'), 'end screen').toEqual([]);
      // Nothing overflows sideways at this width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    });
  }
});
