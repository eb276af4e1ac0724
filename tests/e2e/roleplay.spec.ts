import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { analyseScenario } from '../../src/engine/scenario/graph.ts';
import type { RolePlayScenario } from '../../src/engine/scenario/model.ts';
import { scenarioResult } from '../../src/engine/scenario/result.ts';
import { replayPath } from '../../src/engine/scenario/runner.ts';
import { scenarioSchema } from '../../src/schemas/scenario.ts';
import { axeViolations, expect, test, waitForCourse } from './fixtures.ts';

// Expected paths and scores come from the same YAML the site is built from.
function load(id: string): RolePlayScenario {
  const scenario = scenarioSchema.parse(parse(readFileSync(`scenarios/${id}.yaml`, 'utf8')));
  const { derived, problems } = analyseScenario(scenario);
  if (!derived) throw new Error(problems.join('\n'));
  return { ...scenario, derived };
}
const hotel = load('practice-hotel-booking');
const parcel = load('practice-ecommerce-parcel');
const food = load('practice-restaurant-food-safety');

function expectedResult(scenario: RolePlayScenario, path: string[]) {
  const state = replayPath(scenario, path);
  const result = state && scenarioResult(scenario, state);
  if (!result) throw new Error(`path ${path.join(',')} does not finish ${scenario.id}`);
  return result;
}

const OUTCOME: Record<string, string> = { loyal: '挽回并成为忠实客户', resolved: '问题解决', escalated: '升级投诉', lost: '客户流失' };
const outcomeOf = (scenario: RolePlayScenario, endingId: string) => OUTCOME[scenario.endings.find((e) => e.id === endingId)?.outcome ?? ''];

async function open(page: Page, file: string) {
  await page.goto(file);
  await waitForCourse(page);
  await expect(page.locator('.rp')).toBeVisible();
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
  await expect(page.getByRole('button', { name: '开始对话' })).toBeEnabled();
  await tabUntil(page, async () => (await focusedText(page)) === '开始对话', 'the start button');
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
  await expect(end.locator('.rp-outcome-line')).toContainText(`结局：${outcomeOf(scenario, expected.ending)}`);
  await expect(end.locator('.rp-score')).toContainText(`总分 ${expected.total} / 100`);
  await expect(end.locator('.rp-verdict')).toHaveText(expected.passed ? '✓ 通过' : '✗ 未通过');
  await expect(page.getByRole('status').filter({ hasText: '对话结束' })).toContainText(`总分 ${expected.total}`);
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
  test('keyboard alone reaches the best ending, with full marks and the debrief', async ({ page }) => {
    await open(page, 'practice-hotel-booking.html');
    await keyboardStart(page);
    await keyboardPlay(page, hotel.derived.best);
    const result = await expectEndScreen(page, hotel, hotel.derived.best);
    expect(result).toMatchObject({ total: 100, passed: true, dimensions: [100, 100, 100, 100, 100] });
    await expect(page.locator('.rp-outcome-line')).toContainText('挽回并成为忠实客户');
    await expect(page.locator('.rp-end')).toContainText('✓ 四步齐全，顺序正确。');
    await expect(page.locator('.rp-end')).toContainText('✓ 情感共鸣达成');
    // The debrief walks the derived best path, reply by reply.
    await expect(page.locator('.rp-best .rp-review-item')).toHaveCount(hotel.derived.best.length);
    // Replay by keyboard too.
    await tabUntil(page, async () => (await focusedText(page)) === '再练一次', 'the replay button', 200);
    await page.keyboard.press('Enter');
    await expect(page.locator('.rp-choice')).toHaveCount(3);
  });

  test('keyboard alone reaches a poor ending, and the end screen says why', async ({ page }) => {
    const path = ['c3', 'c6']; // asks for the order number, then sends her to the courier
    expect(outcomeOf(parcel, expectedResult(parcel, path).ending)).toBe('升级投诉');
    await open(page, 'practice-ecommerce-parcel.html');
    await keyboardStart(page);
    await keyboardPlay(page, path);
    const result = await expectEndScreen(page, parcel, path);
    expect(result.passed).toBe(false);
    await expect(page.locator('.rp-end')).toContainText('✗ 情感共鸣未达成');
    await expect(page.locator('.rp-review .rp-tag-trap')).toHaveCount(2);
  });

  test('a reload mid-conversation resumes where the learner was', async ({ page }) => {
    const path = food.derived.best;
    await open(page, 'practice-restaurant-food-safety.html');
    await page.getByRole('button', { name: '开始对话' }).click();
    await clickPlay(page, path.slice(0, 4));
    const mood = await page.locator('[role="meter"]').getAttribute('aria-valuenow');
    await page.reload();
    await waitForCourse(page);
    await expect(page.locator('.rp-learner')).toHaveCount(4);
    await expect(page.locator('[role="meter"]')).toHaveAttribute('aria-valuenow', mood ?? '');
    await expect(page.locator(`.rp-choice[data-choice="${path[4]}"]`)).toBeVisible();
    await clickPlay(page, path.slice(4));
    await expectEndScreen(page, food, path);
    // Finished plays survive a reload too: the end screen comes back with the same result.
    await page.reload();
    await waitForCourse(page);
    await expect(page.locator('.rp-score')).toContainText('总分 100 / 100');
    await expect(page.locator('.rp-meta').filter({ hasText: '已完成' })).toHaveCount(0);
  });

  test('the reply timer runs out into the timeout reply, and can be extended or switched off', async ({ page }) => {
    await page.clock.install();
    await open(page, 'practice-ecommerce-parcel.html');
    await page.getByRole('button', { name: '开始对话' }).click();
    await expect(page.locator('.rp-timer')).toContainText('还剩 30 秒');
    await page.clock.runFor(31_000);
    await expect(page.locator('.rp-learner')).toContainText('（时间到了，你没有回应）');
    await expect(page.locator('.rp-timer')).toHaveCount(0); // the next node is untimed
    // Extended time: ten times the limit.
    await page.getByRole('button', { name: '从头再来' }).click();
    await page.locator('.rp-settings summary').click();
    await page.getByRole('radio', { name: '延长时限（10 倍）' }).check();
    await expect(page.locator('.rp-timer')).toContainText('还剩 300 秒');
    await page.clock.runFor(60_000);
    await expect(page.locator('.rp-learner')).toHaveCount(0);
    // Off: no timer at all, and the choice is remembered.
    await page.getByRole('radio', { name: '不计时' }).check();
    await expect(page.locator('.rp-timer')).toHaveCount(0);
    await page.reload();
    await waitForCourse(page);
    await expect(page.locator('.rp-choice').first()).toBeVisible();
    await expect(page.locator('.rp-timer')).toHaveCount(0);
  });

  test('the practice page lists the three practice scenarios with working links', async ({ page }) => {
    await page.goto('practice.html');
    await waitForCourse(page);
    const links = page.locator('.practice-card a');
    await expect(links).toHaveCount(3);
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      'practice-restaurant-food-safety.html',
      'practice-hotel-booking.html',
      'practice-ecommerce-parcel.html',
    ]);
    await links.nth(1).click();
    await expect(page.locator('h1')).toContainText('官网订的房');
    expect(await axeViolations(page)).toEqual([]);
  });

  for (const viewport of [
    { name: 'desktop', width: 1280, height: 900 },
    { name: '390 px', width: 390, height: 844 },
    { name: '320 px', width: 320, height: 640 },
  ]) {
    test(`axe: no WCAG 2.1 A/AA violations on the conversation and end screen (${viewport.name})`, async ({ page }) => {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await open(page, 'practice-restaurant-food-safety.html');
      expect(await axeViolations(page), 'intro').toEqual([]);
      await page.getByRole('button', { name: '开始对话' }).click();
      await clickPlay(page, ['c2', 'c9']);
      expect(await axeViolations(page), 'conversation').toEqual([]);
      await clickPlay(page, ['c11', 'c15', 'c17', 'c24', 'c27', 'c30']); // ends in 升级投诉
      await expect(page.locator('.rp-end')).toBeVisible();
      expect(await axeViolations(page), 'end screen').toEqual([]);
      // Nothing overflows sideways at this width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    });
  }
});
