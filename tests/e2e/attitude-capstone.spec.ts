import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { analyseScenario } from '../../src/engine/scenario/graph.ts';
import { debriefOf, DIMENSIONS, type RolePlayScenario } from '../../src/engine/scenario/model.ts';
import { scenarioResult } from '../../src/engine/scenario/result.ts';
import { replayPath } from '../../src/engine/scenario/runner.ts';
import { scenarioSchema } from '../../src/schemas/scenario.ts';
import { lessonData, zh } from '../support/ui-words.ts';
import { expect, test, waitForCourse } from './fixtures.ts';

// The service-attitude module's capstone (lesson A5), played on a phone-sized screen with the
// keyboard alone. The route and the expected scores come from the same YAML the site is built
// from, so the spec follows the content instead of copying numbers.
const ID = 'a5-capstone-home-claim';
const capstone: RolePlayScenario = (() => {
  const scenario = scenarioSchema.parse(parse(readFileSync(`scenarios/${ID}.yaml`, 'utf8')));
  const { derived, problems } = analyseScenario(scenario);
  if (!derived) throw new Error(problems.join('\n'));
  return { ...scenario, derived };
})();
const BEST = capstone.derived.best;
// The rubric's bands (course-outline §4.5a): 0–39 需改进 · 40–69 合格 · 70–100 优秀.
const BAND = (score: number) => zh(`roleplay.band.${score >= 70 ? 'excellent' : score >= 40 ? 'pass' : 'needs-work'}`);
const choiceOf = (id: string) => capstone.nodes.flatMap((n) => n.choices).find((c) => c.id === id);

/** The ending of the best path and the debrief paragraphs that hold on it (the scenario's own words). */
const bestState = replayPath(capstone, BEST);
const bestEnding = capstone.endings.find((e) => e.id === bestState?.ending) ?? (() => { throw new Error(`${ID}: the best path reaches no ending`); })();
const bestDebrief = debriefOf(bestEnding, new Set(bestState?.facts ?? []), (bestState?.critical.length ?? 0) > 0).map((p) => p.text);

function expectedResult(path: readonly string[]) {
  const state = replayPath(capstone, path);
  const result = state && scenarioResult(capstone, state);
  if (!result) throw new Error(`path ${path.join(',')} does not finish ${ID}`);
  return result;
}

const focused = (page: Page) =>
  page.evaluate(() => ({ text: document.activeElement?.textContent?.trim() ?? '', choice: document.activeElement?.getAttribute('data-choice') ?? null }));

/**
 * Presses Tab (keyboard only) until the focused element satisfies `matches`. The role-play
 * hydrates when it scrolls into view, which tabbing towards it does; if focus passed its start
 * button before that, Tab wraps round the page and comes back.
 */
async function tabUntil(page: Page, matches: (f: { text: string; choice: string | null }) => boolean, what: string, max = 600) {
  for (let i = 0; i < max; i++) {
    if (matches(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Gives the replies of `path` with Tab and Enter (or Space) only, waiting for each to be offered. */
async function keyboardPlay(page: Page, path: readonly string[]) {
  for (const [i, id] of path.entries()) {
    const reply = page.locator(`.rp-choice[data-choice="${id}"]`);
    await expect(reply).toBeVisible({ timeout: 20_000 });
    await tabUntil(page, (f) => f.choice === id, `reply ${id}`);
    await page.keyboard.press(i % 2 === 0 ? 'Enter' : 'Space');
    // Reply ids are unique in the scenario: once it is taken, the conversation has moved on.
    await expect(reply).toHaveCount(0, { timeout: 20_000 });
  }
}

async function openCapstone(page: Page) {
  await page.goto('a5.html');
  await waitForCourse(page);
  await expect(page.locator('h1')).toContainText(lessonData('A5').title);
}

async function keyboardStart(page: Page) {
  await page.keyboard.press('Tab'); // focus enters the page
  await tabUntil(page, (f) => f.text === zh('roleplay.start'), 'the start button');
  await page.keyboard.press('Enter');
  await expect(page.locator('.rp-choice').first()).toBeVisible({ timeout: 20_000 });
}

test.describe('A5 capstone role-play at 390 px, keyboard only', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test.setTimeout(240_000);

  test('the best route reaches the loyal ending; the end screen debriefs every dimension', async ({ page }) => {
    const expected = expectedResult(BEST);
    // The route is a real best route: loyal, passed, every dimension scored.
    expect(capstone.endings.find((e) => e.id === expected.ending)?.outcome).toBe('loyal');
    expect(expected.passed).toBe(true);
    expect(BEST.length).toBeGreaterThanOrEqual(10);

    await openCapstone(page);
    await keyboardStart(page);
    await keyboardPlay(page, BEST);

    const end = page.locator('.rp-end');
    await expect(end).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('.rp-result-title')).toBeFocused();
    await expect(end.locator('.rp-outcome-line')).toContainText(`${zh('roleplay.outcomeLabel')}${zh('roleplay.colon')}${zh('roleplay.outcome.loyal')}`);
    await expect(end.locator('.rp-outcome-line')).toContainText(bestEnding.title);
    await expect(end.locator('.rp-score')).toContainText(zh('roleplay.total', { total: expected.total }));
    await expect(end.locator('.rp-verdict')).toHaveText(zh('roleplay.passed'));

    // Per dimension: the table and the radar show the engine's scores, in the rubric's order.
    const rows = end.locator('.rp-table tbody tr');
    await expect(rows).toHaveCount(DIMENSIONS.length);
    for (const [i, dimension] of DIMENSIONS.entries()) {
      const row = rows.nth(i);
      await expect(row).toHaveAttribute('data-dimension', dimension);
      await expect(row.locator('td').first()).toHaveText(String(expected.dimensions[i]));
      await expect(row.locator('td[data-band]')).toHaveText(BAND(expected.dimensions[i] as number));
      await expect(end.locator(`svg.rp-radar circle.rp-dot[data-dimension="${dimension}"]`)).toHaveAttribute('data-value', String(expected.dimensions[i]));
    }

    // Per turn: what the learner said and the dimensions it earned, as the YAML scores them.
    const items = end.locator('.rp-review:not(.rp-best) > .rp-review-item');
    await expect(items).toHaveCount(BEST.length);
    for (const [i, id] of BEST.entries()) {
      const choice = choiceOf(id);
      const earned = DIMENSIONS.filter((d) => (choice?.points?.[d] ?? 0) > 0);
      expect(earned.length, `reply ${id} earns points`).toBeGreaterThan(0);
      await expect(items.nth(i).locator('.rp-said')).toContainText(choice?.text ?? '');
      await expect(items.nth(i).locator('.rp-earned .rp-dim')).toHaveCount(earned.length);
      for (const d of earned) {
        await expect(items.nth(i).locator(`.rp-earned .rp-dim[data-dimension="${d}"]`)).toContainText(zh('roleplay.points', { n: choice?.points?.[d] ?? '' }));
      }
    }

    // The debrief is built from this path: the re-inspection route, not the supervisor review.
    const debrief = end.locator('.rp-debrief');
    for (const paragraph of bestEnding.debrief) await expect(debrief.filter({ hasText: paragraph.text })).toHaveCount(bestDebrief.includes(paragraph.text) ? 1 : 0);
    expect(bestDebrief.length, 'some paragraph holds on this path only').toBeLessThan(bestEnding.debrief.length);
    await expect(end).toContainText(zh('roleplay.stepsInOrder'));
    // Nothing overflows sideways on the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('a reload in the middle of the call resumes at the same decision with the earlier turns shown', async ({ page }) => {
    const done = BEST.slice(0, 5);
    const next = BEST[5] as string;
    await openCapstone(page);
    await keyboardStart(page);
    await keyboardPlay(page, done);
    await expect(page.locator(`.rp-choice[data-choice="${next}"]`)).toBeVisible({ timeout: 20_000 });
    const emotion = (await page.locator('.rp-now-emotion').textContent()) ?? '';
    const offered = await page.locator('.rp-choice').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-choice')));

    await page.reload();
    await waitForCourse(page);
    // Keyboard only after the reload too: tabbing to the reply brings the island into view.
    await page.keyboard.press('Tab');
    await tabUntil(page, (f) => f.choice === next, `reply ${next} after the reload`);

    // Same decision: same replies on offer, same customer emotion; the earlier turns are shown.
    expect(await page.locator('.rp-choice').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-choice')))).toEqual(offered);
    await expect(page.locator('.rp-now-emotion')).toHaveText(emotion);
    await expect(page.locator('.rp-learner')).toHaveCount(done.length);
    for (const [i, id] of done.entries()) await expect(page.locator('.rp-learner').nth(i)).toContainText(choiceOf(id)?.text ?? '');
    await expect(page.locator('.rp-intro, .rp-end')).toHaveCount(0);

    // And the call goes on from there to the same result as an unbroken play.
    await keyboardPlay(page, BEST.slice(5));
    const expected = expectedResult(BEST);
    await expect(page.locator('.rp-outcome-line')).toContainText(`${zh('roleplay.outcomeLabel')}${zh('roleplay.colon')}${zh('roleplay.outcome.loyal')}`, { timeout: 20_000 });
    await expect(page.locator('.rp-score')).toContainText(zh('roleplay.total', { total: expected.total }));
  });
});
