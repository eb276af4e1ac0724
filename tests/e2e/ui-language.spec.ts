/**
 * English interface from the browser (issue 18 point 7): with no LMS, a browser that asks for
 * English gets the interface in English and `<html lang="en">`; one that asks for Chinese gets
 * Chinese. The lesson text stays Chinese, marked `lang="zh-CN"`. Words come from the dictionaries.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { UI_LANGUAGE_KEY } from '../../src/i18n/ui-language.ts';
import { word, wordPattern } from '../support/ui-words.ts';
import { axeViolations, expect, test, waitForCourse } from './fixtures.ts';

const p01 = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync('content/lessons/P01.mdx', 'utf8'))?.[1] ?? '') as { title: string };

test.describe('a browser that asks for English', () => {
  test.use({ locale: 'en-US' });

  test('the home page and a lesson speak English; the lesson text stays zh-CN; the choice carries over to the next page', async ({ page }) => {
    await page.goto('index.html');
    await waitForCourse(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en', { timeout: 20_000 });
    await expect(page.locator('#map-title')).toHaveText(word('en', 'home.parts'));
    await expect(page.getByTestId('toc-open')).toContainText(word('en', 'nav.toc'));
    await expect(page.getByTestId('lms-mode')).toContainText(word('en', 'lms.mode.standalone'));
    await expect(page.getByTestId('progress-text')).toHaveText(wordPattern('en', 'progress.summary'));
    await expect(page.getByTestId('status-P01')).toContainText(word('en', 'status.not-started'));

    // A ClientRouter navigation: the next page arrives in Chinese and is switched before it shows.
    await page.locator('main a[href="p01.html"]').first().click();
    await expect(page).toHaveURL(/p01\.html$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('#objectives-title')).toHaveText(word('en', 'lesson.objectives'));
    await expect(page.locator('#objectives-title')).toBeVisible();
    await expect(page.locator('html')).not.toHaveAttribute('data-ui-pending');
    await expect(page.getByTestId('next')).toContainText(word('en', 'nav.next'));
    await expect(page.locator('.lesson-header h1')).toHaveText(p01.title);
    await expect(page.locator('.lesson-body')).toHaveAttribute('lang', 'zh-CN');
    // The section index: headings are course text (Chinese), the activities after the body are interface words.
    const index = page.getByTestId('section-index');
    await expect(index.locator('[data-section="roleplay"] .section-short')).toHaveText(word('en', 'lesson.remainingScenario'));
    await expect(index.locator('[data-section="quiz"] .section-short')).toHaveText(word('en', 'lesson.remainingQuiz'));
    await expect(index.locator('.section-short[lang="zh-CN"]').first()).toBeVisible();
    // The drawer's words too.
    await page.getByTestId('toc-open').click();
    await expect(page.locator('#toc-title')).toHaveText(word('en', 'nav.tocTitle'));
    await expect(page.getByTestId('text-size')).toContainText(word('en', 'reader.textSize'));
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a full reload starts in English at once (the choice is remembered on this device)', async ({ page }) => {
    await page.goto('p01.html');
    await waitForCourse(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en', { timeout: 20_000 });
    expect(await page.evaluate((key) => localStorage.getItem(key), UI_LANGUAGE_KEY)).toBe('en');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en', { timeout: 20_000 });
    await expect(page.locator('.lesson-header .meta')).toContainText(wordPattern('en', 'lesson.minutes'));
  });

  test('with English remembered, the Chinese interface words never show: hidden until the English words arrive', async ({ page }) => {
    await page.goto('p01.html');
    await waitForCourse(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en', { timeout: 20_000 });
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), UI_LANGUAGE_KEY)).toBe('en');

    // Hold the English words back, so the page is caught before the switch.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/en\.words\.[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    // The page shows hidden words anyway after a few seconds (should the switch never come);
    // that fallback is switched off here so a slow machine cannot reveal them early.
    await page.addInitScript(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('html[data-ui-pending] [data-i18n] { animation: none !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-ui-pending', '', { timeout: 20_000 });
    await expect(page.locator('#objectives-title')).toHaveText(word('zh-CN', 'lesson.objectives'));
    await expect(page.locator('#objectives-title')).toBeHidden();
    await expect(page.getByTestId('next').locator('[data-i18n]').first()).toBeHidden();
    // Course text is not hidden: only the interface's words wait.
    await expect(page.locator('.lesson-header h1')).toBeVisible();

    release();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en', { timeout: 20_000 });
    await expect(page.locator('html')).not.toHaveAttribute('data-ui-pending');
    await expect(page.locator('#objectives-title')).toHaveText(word('en', 'lesson.objectives'));
    await expect(page.locator('#objectives-title')).toBeVisible();
    await expect(page.getByTestId('next').locator('[data-i18n]').first()).toBeVisible();
  });
});

test.describe('a browser that asks for Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the interface stays Chinese and loads no English words', async ({ page }) => {
    const english: string[] = [];
    page.on('request', (request) => {
      if (/\/en\.words\.[\w-]+\.js$/.test(request.url())) english.push(request.url());
    });
    await page.goto('p01.html');
    await waitForCourse(page);
    await expect(page.getByTestId('lms-mode')).toContainText(word('zh-CN', 'lms.mode.standalone'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('#objectives-title')).toHaveText(word('zh-CN', 'lesson.objectives'));
    await expect(page.getByTestId('next')).toContainText(word('zh-CN', 'nav.next'));
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), UI_LANGUAGE_KEY)).toBe('zh-CN');
    expect(english).toEqual([]);
  });
});
