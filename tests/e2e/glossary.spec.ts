/**
 * Issue 13 item 6: glossary terms shown as inline definitions (scripts/build/glossary-plugin.ts).
 * P03 names the five dimensions in running text: the first occurrence of each is a button that
 * opens its definition — by keyboard (Enter / Space, Escape closes) and by tap — at 390 px, with
 * no JavaScript, and print shows the definition in the text.
 */
import { readGlossary } from '../../scripts/content/glossary.ts';
import { DIMENSION_NAMES } from '../../src/i18n/zh-CN.dimensions.ts';
import { expect, test, waitForCourse } from './fixtures.ts';

/** The glossary term under test: a dimension's name, as the dictionary holds it. */
const TERM = DIMENSION_NAMES.professionalism;

/** The definition as content/glossary.md words it today (read the way the build reads it). */
const definition = (() => {
  const text = readGlossary().find((entry) => entry.term === TERM)?.definition;
  if (!text) throw new Error(`content/glossary.md has no row for ${TERM}`);
  return text.slice(0, 12);
})();
const term = (page: import('@playwright/test').Page) => page.locator('.gloss-term', { hasText: TERM });
const pop = (page: import('@playwright/test').Page) => page.locator('.gloss-pop', { hasText: definition });

test.describe('inline glossary definitions', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('keyboard: Tab reaches the term, Enter opens its definition, Escape closes it', async ({ page }) => {
    await page.goto('p03.html');
    await waitForCourse(page);
    await expect(page.locator('.gloss-term')).toHaveCount(5);
    await expect(pop(page)).toBeHidden();
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      if (await term(page).evaluate((el) => el === document.activeElement)) break;
    }
    await expect(term(page)).toBeFocused();
    await expect(term(page)).toHaveAccessibleName(TERM);
    await page.keyboard.press('Enter');
    await expect(pop(page)).toBeVisible();
    expect(await pop(page).evaluate((el) => el.matches(':popover-open'))).toBe(true);
    const box = await pop(page).boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await page.keyboard.press('Escape');
    await expect(pop(page)).toBeHidden();
    await page.keyboard.press('Space');
    await expect(pop(page)).toBeVisible();
  });

  test('print shows each definition in the text', async ({ page }) => {
    await page.goto('p03.html');
    await waitForCourse(page);
    await page.emulateMedia({ media: 'print' });
    await expect(pop(page)).toBeVisible();
  });
});

test.describe('inline glossary definitions on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('tap opens the definition; a tap elsewhere closes it', async ({ page }) => {
    await page.goto('p03.html');
    await waitForCourse(page);
    await term(page).scrollIntoViewIfNeeded();
    await term(page).tap();
    await expect(pop(page)).toBeVisible();
    await page.locator('h1').tap();
    await expect(pop(page)).toBeHidden();
  });
});
