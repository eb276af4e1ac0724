/**
 * Issue 13 item 3: the five-dimension self-assessment island, in a site built from the content
 * fixture (tests/fixtures/content/good: its P01 carries `<SelfAssessment />`; A2 is written
 * elsewhere). At 390 px and by keyboard only: rate every statement, see the radar and the
 * table; reload and find every rating again; a finished role-play adds its radar and the
 * comparison sentence; print media shows the result.
 */
import type { Page } from '@playwright/test';
import { serveFixtureSite, type ServedSite } from '../support/fixture-site.ts';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { emptyLearnerState, type LearnerState } from '../../src/engine/learner-state.ts';
import { DIMENSION_NAMES } from '../../src/i18n/zh-CN.dimensions.ts';
import { COURSE_ID } from '../../src/persistence/course-id.ts';
import { mirrorKey } from '../../src/persistence/mirror.ts';
import { zh } from '../support/ui-words.ts';
import { axeViolations, expect, test, waitForCourse } from './fixtures.ts';

const basePath = '/pluginfile.php/13/mod_scorm/content/5/';
let site: ServedSite | null = null;
let origin = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, testInfo) => {
  test.setTimeout(300_000);
  // One build folder per parallel worker: with --repeat-each, two workers run this file at once.
  site = await serveFixtureSite(`self-assessment-${testInfo.parallelIndex}`, {}, basePath);
  origin = site.origin;
});

test.afterAll(async () => {
  await site?.close();
});

/** Ratings to give, item by item (1 很少 … 4 总是), in page order: 3 items × 5 dimensions. */
const RATINGS = [4, 3, 4, 2, 3, 1, 4, 4, 3, 1, 2, 2, 3, 4, 3];
const NAMES = [1, 2, 3, 4].map((r) => zh(`self.rating.${r}`));

/** The fixture's statement ids, in page order (tests/fixtures/content/good/content/self-assessment.yaml). */
const FIXTURE_ITEMS = (
  parse(readFileSync('tests/fixtures/content/good/content/self-assessment.yaml', 'utf8')) as { dimensions: { items: { id: string }[] }[] }
).dimensions.flatMap((d) => d.items.map((item) => item.id));

const radios = (page: Page) => page.locator('[data-self-assessment] input[type="radio"]');

/**
 * Brings the island into view with the keyboard (Home, then PageDown until its server-rendered
 * box is on screen — a reload may restore any scroll position, at any moment), then waits for it
 * to hydrate.
 */
async function scrollToIsland(page: Page) {
  const onScreen = () =>
    page.locator('[data-self-assessment]').first().evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top < window.innerHeight && box.bottom > 0;
    });
  // After a reload the browser restores the scroll position, possibly after a first Home has
  // taken the page to the top: press it again until the page is (and stays) at the top.
  await expect(async () => {
    await page.keyboard.press('Home');
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 3_000 }).toBe(0);
  }).toPass({ timeout: 30_000 });
  for (let i = 0; i < 60 && !(await onScreen()); i++) {
    const before = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 20_000 }).not.toBe(before);
  }
  expect(await onScreen(), 'the self-assessment is on screen').toBe(true);
  await expect(radios(page).first()).toBeVisible({ timeout: 30_000 });
}

test('keyboard only at 390 px: rate every statement, see both forms of the result, resume after reload, print it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${origin}p01.html`);
  await waitForCourse(page);
  await scrollToIsland(page);
  await expect(page.locator('[data-self-progress]')).toContainText(zh('self.progress', { rated: 0, total: 15 }));
  await expect(page.locator('[data-self-result]')).toHaveCount(0);

  // Tab from the top of the page to the first statement's radio group.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'sa-response-1')) break;
  }
  await expect(page.locator('input[name="sa-response-1"]').first()).toBeFocused();

  // Each group: Space checks the focused first option, → moves the check on, Tab goes to the next group.
  for (const rating of RATINGS) {
    await page.keyboard.press('Space');
    for (let k = 1; k < rating; k++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
  }
  await expect(page.locator('[data-self-progress]')).toContainText(zh('self.progress', { rated: 15, total: 15 }));
  const ids = await page.locator('[data-self-assessment] [data-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-item')));
  expect(ids).toHaveLength(RATINGS.length);
  for (const [i, id] of ids.entries()) await expect(page.locator(`input[name="sa-${id}"][value="${RATINGS[i]}"]`)).toBeChecked();

  // The radar and its text equivalent: 很少 0, 有时 33, 经常 67, 总是 100, averaged per dimension:
  // response (4,3,4) = 89; professionalism (2,3,1) = 33; memory (4,4,3) = 89; proactivity (1,2,2) = 22; empathy (3,4,3) = 78.
  const result = page.locator('[data-self-result]');
  await expect(result.locator('[data-chart="self"] svg[role="img"]')).toBeVisible();
  await expect(result.locator('[data-chart="self"] svg title')).toHaveText(zh('self.selfChart'));
  const expected = [89, 33, 89, 22, 78];
  for (const [i, dimension] of ['response', 'professionalism', 'memory', 'proactivity', 'empathy'].entries()) {
    await expect(result.locator(`tr[data-dimension="${dimension}"] td[data-self]`)).toHaveText(String(expected[i]));
    await expect(result.locator(`[data-chart="self"] circle[data-dimension="${dimension}"]`)).toHaveAttribute('data-value', String(expected[i]));
  }
  // No role-play finished yet: the second radar is announced, not drawn.
  await expect(result.locator('[data-no-roleplay]')).toBeVisible();
  await expect(result.locator('[data-chart="shown"]')).toHaveCount(0);
  expect(await axeViolations(page, '[data-self-assessment]')).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scrolling at 390px').toBeLessThanOrEqual(0);

  // Reload: every rating comes back from the stored state.
  await page.reload();
  await waitForCourse(page);
  await scrollToIsland(page);
  await expect(page.locator('[data-self-progress]')).toContainText(zh('self.progress', { rated: 15, total: 15 }));
  for (const [i, id] of ids.entries()) {
    await expect(page.locator(`input[name="sa-${id}"][value="${RATINGS[i]}"]`)).toBeChecked();
    await expect(page.getByRole('radio', { name: NAMES[(RATINGS[i] as number) - 1] }).nth(i)).toBeChecked();
  }

  // Print: the island (hidden for other islands) prints with its ratings, radar and table.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-self-result] [data-chart="self"] svg')).toBeVisible();
  await expect(page.locator('[data-self-result] table')).toBeVisible();
  await expect(page.locator('input[name="sa-memory-1"]').first()).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});

test('a finished role-play adds its radar beside the self radar, and a sentence comparing the two', async ({ page }) => {
  // The learner's stored copy (standalone: the browser mirror, src/lms/standalone.ts), written
  // before the first page loads: every statement rated 4 and one finished role-play, as if played
  // in another session. Seeded here, not edited after a visit, so nothing waits on the copy a
  // page writes when it is left.
  const state: LearnerState = {
    ...emptyLearnerState(),
    selfRatings: Object.fromEntries(FIXTURE_ITEMS.map((id) => [id, 4])),
    scenarios: {
      'p01-demo': {
        plays: 1, best: 72, passed: true, current: null,
        last: { ending: 'e-resolved', total: 72, dimensions: [90, 85, 40, 70, 95], steps: [], path: [], passed: true },
      },
    },
  };
  await page.addInitScript(({ key, entry }) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(key, entry);
  }, { key: mirrorKey(COURSE_ID, 'local'), entry: JSON.stringify({ v: 1, state }) });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${origin}p01.html`);
  await waitForCourse(page);
  await scrollToIsland(page);
  const result = page.locator('[data-self-result]');
  await expect(result.locator('[data-chart="shown"] svg[role="img"]')).toBeVisible();
  await expect(result.locator('tr[data-dimension="memory"] td[data-shown]')).toHaveText('40');
  await expect(result.locator('[data-compare]')).toContainText(zh('self.compare.higher', { list: [DIMENSION_NAMES.memory, DIMENSION_NAMES.proactivity].map((d) => `“${d}”`).join(zh('self.listJoin')) }));
  await expect(result.locator('[data-compare]')).toContainText(zh('self.basis', { count: 1 }));
  expect(await axeViolations(page, '[data-self-assessment]')).toEqual([]);
});
