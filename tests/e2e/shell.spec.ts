import { axeViolations, expect, test, waitForCourse } from './fixtures.ts';

const LESSONS = ['p01', 'p02', 'p03'];

test.describe('course shell', () => {
  test('home → P01 → next to P02 through the client router; progress survives a reload', async ({ page }) => {
    await page.goto('index.html');
    await waitForCourse(page);
    await expect(page.getByTestId('progress-text')).toHaveText(/已完成 0 \/ \d+ 课/);
    await expect(page.getByTestId('status-P01')).toHaveText(/未开始/);

    // A marker on window survives client-router navigation but not a full reload.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await page.locator('a.lesson-link[href="p01.html"]').click();
    await expect(page).toHaveURL(/p01\.html$/);
    await expect(page.locator('h1')).toContainText('期望');
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
    await expect(page.getByTestId('status-P01')).toHaveText(/已完成|学习中/);
    await expect(page.getByTestId('status-P02')).toHaveText(/学习中/);
    await expect(page.getByTestId('resume')).toContainText('P02');

    await page.reload();
    await waitForCourse(page);
    await expect(page.getByTestId('status-P02')).toHaveText(/学习中/);
    await expect(page.getByTestId('resume')).toContainText('P02');
  });

  test('progress bar counts a completed lesson', async ({ page }) => {
    // A lesson with no quiz or role-play is complete once read; find one from the course data.
    await page.goto('index.html');
    await waitForCourse(page);
    const plain = await page.evaluate(() => {
      const data = JSON.parse(document.getElementById('course-data')?.textContent ?? '{}');
      return data.lessons.find((l: { quiz?: string; scenario?: string }) => !l.quiz && !l.scenario)?.href ?? null;
    });
    test.skip(plain === null, 'every lesson has activities; covered by the quiz and role-play suites');
    await page.goto(plain);
    await waitForCourse(page);
    await page.getByTestId('lesson-end').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('progress-text')).toHaveText(/已完成 1 \//);
    await expect(page.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow', '0');
  });

  test('the table-of-contents drawer works by keyboard alone', async ({ page }) => {
    await page.goto('p01.html');
    await waitForCourse(page);
    const opener = page.getByTestId('toc-open');
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '课程目录' });
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('a[aria-current="page"]')).toContainText('P01');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    // Open again and follow a link with Tab + Enter.
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    const target = dialog.locator('a[href="p02.html"]');
    for (let i = 0; i < 20 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(target).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/p02\.html$/);
    await expect(page.locator('h1')).toContainText('一致');
  });

  for (const width of [1280, 390]) {
    test(`no WCAG 2.1 A/AA violations on home and every lesson at ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      for (const name of ['index', ...LESSONS]) {
        await page.goto(`${name}.html`);
        await waitForCourse(page);
        expect(await axeViolations(page), `${name}.html at ${width}px`).toEqual([]);
      }
    });
  }

  test('the drawer passes axe when open', async ({ page }) => {
    await page.goto('p02.html');
    await waitForCourse(page);
    await page.getByTestId('toc-open').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});
