/**
 * Issue 18 points 5 and 6, for the reader on a phone: dark mode (zero axe violations at 390 px on
 * a lesson, the home page and a quiz), the font size (kept across reloads and page changes,
 * applied before the course's scripts run), the lesson's section index (on the page and in the
 * drawer), the reading-progress line, the place kept in a lesson, no italics, checklists that do
 * not pose as checkboxes, and the focus ring for keyboard use only. Every UI word comes from the
 * dictionaries.
 */
import type { Page } from '@playwright/test';
import { fill } from '../../src/i18n/format.ts';
import { ui } from '../../src/i18n/zh-CN.ts';
import { roleplayUi } from '../../src/i18n/zh-CN.roleplay.ts';
import { placeKey, TEXT_SIZE_KEY } from '../../src/site/reader-prefs.ts';
import { passRolePlay, takeQuiz } from '../support/journey.ts';
import { axeViolations, expect, test, waitForCourse } from './fixtures.ts';

const PHONE = { width: 390, height: 844 };
/** A long lesson with every kind of block: spot checklist, tables, steps, dialogue, job-aid checklist, role-play, quiz. */
const LESSON = 'p05.html';

/** The course data every page embeds (src/layouts/CourseLayout.astro). */
async function courseData(page: Page): Promise<{ courseId: string; lessons: { id: string; minutes: number; href: string }[] }> {
  return JSON.parse((await page.locator('#course-data').textContent()) ?? '{}');
}

/** Relative luminance of the computed background colour (`rgb(r, g, b)`) of an element, the body by default. */
async function backgroundLuminance(page: Page, selector = 'body'): Promise<number> {
  const rgb = await page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

test.describe('dark mode at 390 px', () => {
  test.use({ viewport: PHONE, colorScheme: 'dark' });

  for (const [name, file] of [
    ['a lesson', LESSON],
    ['the home page', 'index.html'],
    ['a quiz (part assessment)', 'assessment-part1.html'],
  ] as const) {
    test(`${name} follows the system's dark mode with zero axe violations`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(file);
      await waitForCourse(page);
      // Really dark: the page background is near black (fails while the course ignores prefers-color-scheme).
      expect(await backgroundLuminance(page)).toBeLessThan(0.05);
      if (file === LESSON) {
        // Hydrate the lesson's quiz and role-play (they load when scrolled into view).
        await page.locator('#roleplay').scrollIntoViewIfNeeded();
        await page.locator('#quiz').scrollIntoViewIfNeeded();
        await expect(page.locator('#quiz astro-island[ssr]')).toHaveCount(0, { timeout: 30_000 });
        await expect(page.locator('#roleplay astro-island[ssr]')).toHaveCount(0, { timeout: 30_000 });
      }
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  test('an inline glossary definition, once opened, reads in dark mode with zero axe violations', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('p03.html');
    await waitForCourse(page);
    const term = page.locator('.gloss-term').first();
    await term.scrollIntoViewIfNeeded();
    await term.click();
    const pop = page.locator('.gloss-pop:popover-open');
    await expect(pop).toBeVisible();
    expect(await backgroundLuminance(page, '.gloss-pop:popover-open')).toBeLessThan(0.05);
    expect(await axeViolations(page, '.lesson-body')).toEqual([]);
  });

  test('the drawer, with its font-size control and the lesson sections, passes axe in dark mode', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(LESSON);
    await waitForCourse(page);
    await page.getByTestId('toc-open').click();
    await expect(page.locator('[data-toc-sections]')).toBeVisible();
    await page.getByRole('button', { name: ui['reader.textSize.l'], exact: true }).click();
    expect(await axeViolations(page, '#toc-drawer')).toEqual([]);
  });
});

test.describe('dark mode at 390 px, after the learner has done something', () => {
  test.use({ viewport: PHONE, colorScheme: 'dark' });

  test("a finished role-play's end screen and a quiz's results pass axe in dark mode", async ({ page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(LESSON);
    await waitForCourse(page);
    const lesson = (await courseData(page)).lessons.find((l) => l.href === LESSON) as { scenario?: string; quiz?: string } | undefined;
    if (!lesson?.scenario || !lesson.quiz) throw new Error(`${LESSON} needs a role-play and a knowledge check for this test`);
    await passRolePlay(page, lesson.scenario);
    expect(await axeViolations(page, 'section.rp'), 'role-play end screen (verdict, radar, debrief)').toEqual([]);
    await takeQuiz(page, lesson.quiz, false);
    expect(await axeViolations(page, 'section.quiz'), 'quiz results after wrong answers').toEqual([]);
  });

  test('the A2 self-assessment, rated to its result, passes axe in dark mode', async ({ page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('a2.html');
    await waitForCourse(page);
    const island = page.locator('[data-self-assessment]').first();
    await island.scrollIntoViewIfNeeded();
    await expect(island.locator('input[type="radio"]').first()).toBeVisible({ timeout: 30_000 });
    const ids = await island.locator('[data-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-item')));
    expect(ids.length).toBeGreaterThan(0);
    for (const [i, id] of ids.entries()) await island.locator(`input[name="sa-${id}"]`).nth(i % 4).check();
    await expect(page.locator('[data-self-result]')).toBeVisible();
    expect(await axeViolations(page, '[data-self-assessment]')).toEqual([]);
  });
});

test.describe('reader comfort and orientation at 390 px', () => {
  test.use({ viewport: PHONE });

  test('the font size is chosen in the drawer, persists across a reload and page changes, and applies before the scripts run', async ({ page }) => {
    await page.goto(LESSON);
    await waitForCourse(page);
    const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const base = await rootSize();
    await page.getByTestId('toc-open').click();
    const group = page.getByRole('group', { name: ui['reader.textSize'] });
    await expect(group.getByRole('button')).toHaveCount(4);
    await expect(group.getByRole('button', { name: ui['reader.textSize.m'], exact: true })).toHaveAttribute('aria-pressed', 'true');
    const large = group.getByRole('button', { name: ui['reader.textSize.l'], exact: true });
    await large.focus();
    await page.keyboard.press('Enter');
    await expect(large).toHaveAttribute('aria-pressed', 'true');
    await expect(group.getByRole('button', { name: ui['reader.textSize.m'], exact: true })).toHaveAttribute('aria-pressed', 'false');
    expect(await rootSize()).toBeCloseTo(base * 1.125, 1);
    expect(await page.evaluate((key) => localStorage.getItem(key), TEXT_SIZE_KEY)).toBe('l');

    // Reload with the course's bundled scripts held back: the size is already applied (no flash).
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let waiting = 0;
    await page.route('**/_astro/*.js', async (route) => {
      waiting++;
      await held;
      await route.continue();
    });
    // (Module scripts run before DOMContentLoaded, so wait for the markup itself.)
    await page.reload({ waitUntil: 'commit' });
    await page.waitForSelector('.site-footer', { state: 'attached' });
    await expect.poll(() => waiting).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('l');
    expect(await rootSize()).toBeCloseTo(base * 1.125, 1);
    release();
    await page.unrouteAll({ behavior: 'wait' });
    await waitForCourse(page);

    // A page change through the client router keeps it, and the drawer there shows it chosen.
    await page.getByTestId('next').click();
    await expect(page).toHaveURL(/p06\.html$/);
    await waitForCourse(page);
    expect(await rootSize()).toBeCloseTo(base * 1.125, 1);
    await page.getByTestId('toc-open').click();
    await expect(page.getByRole('group', { name: ui['reader.textSize'] }).getByRole('button', { name: ui['reader.textSize.l'], exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  test("the section index lists the lesson's sections near the top, and the drawer lists them under the lesson", async ({ page }) => {
    await page.goto(LESSON);
    await waitForCourse(page);
    const index = page.getByRole('navigation', { name: ui['reader.sections'] });
    await expect(index).toBeVisible();
    // Near the top: in the first screen of the page.
    expect((await index.boundingBox())?.y ?? Infinity).toBeLessThan(PHONE.height * 1.5);
    const headings = await page.locator('.lesson-body h2').evaluateAll((hs) => hs.map((h) => ({ id: h.id, text: h.textContent?.trim() ?? '' })));
    expect(headings.map((h) => h.text.split('：')[0])).toEqual(expect.arrayContaining(['识别', '分析', '解决', '案例']));
    const links = index.getByRole('link');
    const expected = [...headings.map((h) => `#${encodeURI(h.id)}`), '#roleplay', '#quiz'];
    expect(await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash))).toEqual(expected);
    await expect(links.last()).toHaveText(ui['lesson.remainingQuiz']);

    // Keyboard: the index link takes focus and the reader to that section.
    const caseHeading = headings.find((h) => h.text.startsWith('案例')) as { id: string; text: string };
    await index.getByRole('link', { name: '案例' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator(`[id="${caseHeading.id}"]`)).toBeFocused();
    await expect(page.locator(`[id="${caseHeading.id}"]`)).toBeInViewport();

    // The drawer: the same sections, full titles, under the current lesson; choosing one closes it.
    await page.evaluate(() => scrollTo(0, 0));
    await page.getByTestId('toc-open').click();
    const drawerSections = page.locator('#toc-drawer [data-toc-sections]');
    await expect(drawerSections.getByRole('link')).toHaveCount(expected.length);
    await expect(drawerSections.getByRole('link').first()).toHaveText(headings[0]?.text ?? '');
    const target = headings.find((h) => h.text.startsWith('解决')) as { id: string; text: string };
    await drawerSections.getByRole('link', { name: target.text }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#toc-drawer')).not.toBeVisible();
    await expect(page.locator(`[id="${target.id}"]`)).toBeFocused();
    await expect(page.locator(`[id="${target.id}"]`)).toBeInViewport();
  });

  test('the reading-progress line counts down the minutes left as the reader scrolls', async ({ page }) => {
    await page.goto(LESSON);
    await waitForCourse(page);
    const minutes = (await courseData(page)).lessons.find((l) => l.href === LESSON)?.minutes ?? 0;
    expect(minutes).toBeGreaterThan(1);
    const text = page.getByTestId('reading').locator('[data-reading-text]');
    await expect(text).toHaveText(fill(ui['reader.minutesLeft'], { minutes }));
    await expect(page.getByTestId('reading')).toBeInViewport();
    // Halfway down the page: fewer minutes, and the line is still in view (it sits in the sticky header).
    await page.evaluate(() => scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2));
    await expect(text).not.toHaveText(fill(ui['reader.minutesLeft'], { minutes }));
    const left = Number((await text.textContent())?.match(/\d+/)?.[0]);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(minutes);
    await expect(page.getByTestId('reading')).toBeInViewport();
    await page.getByTestId('lesson-end').scrollIntoViewIfNeeded();
    await expect(text).toHaveText(ui['reader.finished']);
  });

  test("the learner's place in a lesson is kept as they scroll and restored after a reload, unless the URL names a section", async ({ page }) => {
    await page.goto(LESSON);
    await waitForCourse(page);
    const { courseId } = await courseData(page);
    const heading = page.locator('.lesson-body h2').nth(3);
    await heading.evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await page.mouse.wheel(0, 120);
    const key = placeKey(courseId, 'P05');
    await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), key)).not.toBeNull();
    const before = await heading.evaluate((h) => h.getBoundingClientRect().top);

    await page.reload();
    await waitForCourse(page);
    await expect.poll(() => heading.evaluate((h) => h.getBoundingClientRect().top)).toBeGreaterThan(before - 40);
    expect(await heading.evaluate((h) => h.getBoundingClientRect().top)).toBeLessThan(before + 40);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(PHONE.height);

    // A link to a section wins over the kept place.
    const first = page.locator('.lesson-body h2').first();
    const id = await first.getAttribute('id');
    await page.goto(`${LESSON}#${encodeURIComponent(id ?? '')}`);
    await waitForCourse(page);
    await expect(first).toBeInViewport();
    await expect(heading).not.toBeInViewport();
  });

  test('no italics in the Chinese text, and checklists do not pose as checkboxes on screen', async ({ page }) => {
    await page.goto(LESSON);
    await waitForCourse(page);
    // Emphasis as authors may write it (Markdown *…* → <em>), a citation and a quotation.
    await page.locator('.lesson-body p').first().evaluate((p) => p.insertAdjacentHTML('beforeend', '<em>要紧</em><i>注</i><cite>某连锁酒店</cite><blockquote>原话</blockquote>'));
    const slanted = await page.locator('main').evaluate((main) =>
      [...main.querySelectorAll('*')].filter((el) => getComputedStyle(el).fontStyle !== 'normal').map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(slanted).toEqual([]);
    expect(await page.locator('.lesson-body em').last().evaluate((em) => Number(getComputedStyle(em).fontWeight))).toBeGreaterThanOrEqual(600);

    // No empty box that cannot be ticked: the job aid's and the spot checklist's markers on screen.
    const aidItems = page.locator('.job-aid[data-kind="checklist"] li');
    expect(await aidItems.count()).toBeGreaterThan(2);
    const markers = () =>
      aidItems.evaluateAll((lis) =>
        lis.map((li) => {
          const own = li.querySelector(':scope > [aria-hidden="true"]:first-child');
          return own && getComputedStyle(own).display !== 'none' ? own.textContent : getComputedStyle(li, '::before').content.replace(/"/g, '');
        }),
      );
    expect(await markers()).not.toContain('☐');
    const spot = page.locator('.spot .box').first();
    expect(await spot.evaluate((box) => getComputedStyle(box).borderRadius)).toBe('50%');
    // On paper the boxes are back, to tick with a pen.
    await page.emulateMedia({ media: 'print' });
    expect(new Set(await markers())).toEqual(new Set(['☐']));
  });

  test('the focus ring shows for keyboard use only', async ({ page }) => {
    await page.goto(LESSON);
    await waitForCourse(page);
    const outline = () => page.evaluate(() => (document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : ''));
    // Mouse: the role-play's start button moves focus to the first line, with no ring.
    await page.locator('#roleplay').scrollIntoViewIfNeeded();
    await expect(page.locator('#roleplay astro-island[ssr]')).toHaveCount(0, { timeout: 30_000 });
    await page.getByRole('button', { name: roleplayUi['roleplay.start'] }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('tabindex'))).toBe('-1');
    expect(await outline()).toBe('none');
    // Keyboard: Tab to the next control shows the ring.
    await page.keyboard.press('Tab');
    expect(await outline()).toBe('solid');
  });
});
