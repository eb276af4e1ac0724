import { anyOf, lessonData, zh, zhPattern } from '../support/ui-words.ts';
import { axeViolations, expect, test, waitForCourse } from './fixtures.ts';

// Home, part pages and practice pages; lesson pages are walked by lessons.spec.ts.
const PAGES = ['index', 'part-1', 'part-2', 'practice'];

test.describe('course shell', () => {
  test('home → P01 → next to P02 through the client router; progress survives a reload', async ({ page }) => {
    await page.goto('index.html');
    await waitForCourse(page);
    await expect(page.getByTestId('progress-text')).toHaveText(zhPattern('progress.summary', { completed: 0 }));
    await expect(page.getByTestId('status-P01')).toHaveText(zhPattern('status.not-started'));

    // A marker on window survives client-router navigation but not a full reload.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await page.locator('a.lesson-link[href="p01.html"]').click();
    await expect(page).toHaveURL(/p01\.html$/);
    await expect(page.locator('h1')).toContainText(lessonData('P01').title);
    await waitForCourse(page);

    // Reading to the end completes a lesson without activities, or leaves it in progress.
    await page.getByTestId('lesson-end').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('lesson-end').getByRole('status')).not.toBeEmpty();

    await page.getByTestId('next').click();
    await expect(page).toHaveURL(/p02\.html$/);
    await waitForCourse(page);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    const stored = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('spc:'));
      return key ? JSON.parse(localStorage.getItem(key) ?? '{}').state : null;
    });
    expect(stored.ended).toContain('P01');
    expect(stored.visited).toEqual(expect.arrayContaining(['P01', 'P02']));
    expect(stored.location).toBe('P02');

    await page.goto('index.html');
    await waitForCourse(page);
    await expect(page.getByTestId('status-P01')).toHaveText(anyOf(zhPattern('status.completed'), zhPattern('status.in-progress')));
    await expect(page.getByTestId('status-P02')).toHaveText(zhPattern('status.in-progress'));
    await expect(page.getByTestId('resume')).toContainText('P02');

    await page.reload();
    await waitForCourse(page);
    await expect(page.getByTestId('status-P02')).toHaveText(zhPattern('status.in-progress'));
    await expect(page.getByTestId('resume')).toContainText('P02');
  });

  test('reading to the end completes a lesson whose activities are done; the progress bar counts it', async ({ page }) => {
    // P01's knowledge check and role-play already done (stored as the standalone adapter keeps them).
    await page.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      const state = {
        location: null,
        visited: [],
        ended: [],
        quizzes: { p01: { attempts: 1, best: 100, passed: true, current: null } },
        scenarios: { 'p01-broadband-install': { plays: 1, best: 90, passed: true, current: null, last: null } },
      };
      localStorage.setItem('spc:service-pitfalls:local', JSON.stringify({ v: 1, state }));
    });
    await page.goto('p01.html');
    await waitForCourse(page);
    await expect(page.getByTestId('progress-text')).toHaveText(zhPattern('progress.summary', { completed: 0 }));
    await page.getByTestId('lesson-end').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('lesson-end').getByRole('status')).toHaveText(new RegExp(zh('lesson.completed')));
    await expect(page.getByTestId('progress-text')).toHaveText(zhPattern('progress.summary', { completed: 1 }));
    await expect(page.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow', '0');
    await page.goto('index.html');
    await waitForCourse(page);
    await expect(page.getByTestId('status-P01')).toHaveText(zhPattern('status.completed'));
  });

  test('a lesson read to the end but with its activities open says what is left', async ({ page }) => {
    await page.goto('p02.html');
    await waitForCourse(page);
    await page.getByTestId('lesson-end').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('lesson-end').getByRole('status')).toHaveText(new RegExp(zh('lesson.remainingQuiz') + zh('lesson.and') + zh('lesson.remainingScenario')));
    await expect(page.getByTestId('progress-text')).toHaveText(zhPattern('progress.summary', { completed: 0 }));
  });

  test('the table-of-contents drawer works by keyboard alone', async ({ page }) => {
    await page.goto('p01.html');
    await waitForCourse(page);
    const opener = page.getByTestId('toc-open');
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: zh('nav.tocTitle') });
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('a[aria-current="page"]')).toContainText('P01');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    // Open again and follow a link with Tab + Enter.
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    const target = dialog.locator('a[href="p02.html"]');
    // Past the font-size buttons and the current lesson's sections (issue 18) to the next lesson.
    for (let i = 0; i < 40 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(target).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/p02\.html$/);
    await expect(page.locator('h1')).toContainText(lessonData('P02').title);
  });

  for (const width of [1280, 390]) {
    test(`no WCAG 2.1 A/AA violations on home, part and practice pages at ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      for (const name of PAGES) {
        await page.goto(`${name}.html`);
        await waitForCourse(page);
        expect(await axeViolations(page), `${name}.html at ${width}px`).toEqual([]);
      }
    });
  }

  test('standalone mode shows a discreet indicator and no LMS notices', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto('p05.html');
    await waitForCourse(page);
    await expect(page.getByTestId('lms-mode')).toContainText(zh('lms.mode.standalone'));
    for (const id of ['lms-banner', 'lms-notice', 'lms-interactions-off', 'lms-exit']) await expect(page.getByTestId(id)).toBeHidden();
  });

  test('the drawer passes axe when open', async ({ page }) => {
    await page.goto('p02.html');
    await waitForCourse(page);
    await page.getByTestId('toc-open').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});
