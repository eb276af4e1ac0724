import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, waitForCourse } from './fixtures.ts';

// Every written lesson that has a manager extension, read from the content folder.
const lessons = readdirSync('content/lessons')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => ({ id: f.replace(/\.mdx$/, '').toLowerCase(), source: readFileSync(`content/lessons/${f}`, 'utf8') }))
  .sort((a, b) => a.id.localeCompare(b.id));
const withExtension = lessons.filter((l) => /<ForManagers\b/.test(l.source));

// Each lesson's own shape (one job aid last, extensions folded) is checked in lessons.spec.ts,
// on the same page visit as its accessibility check.
test.describe('lesson shape: manager extension and job aid', () => {
  test('manager extensions exist in the course', () => {
    expect(withExtension.length, 'lessons with a <ForManagers> block').toBeGreaterThan(0);
  });

  test('the manager extension opens by keyboard', async ({ page }) => {
    await page.goto(`${withExtension[0]?.id}.html`);
    await waitForCourse(page);
    const details = page.locator('details[data-for-managers]').first();
    await details.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(details.locator('.body')).toBeVisible();
  });

  test('the print button prints the job aid alone, on one page', async ({ page }) => {
    await page.goto(`${lessons[0]?.id}.html`);
    await waitForCourse(page);
    // Headless Chromium has no print dialog: record the call and hold the print mode it sets.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.locator('[data-print-job-aid]').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await expect(page.locator('html')).toHaveAttribute('data-print', 'job-aid');

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.job-aid')).toBeVisible();
    await expect(page.locator('.lesson-header')).toBeHidden();
    await expect(page.locator('[data-activity]').first()).toBeHidden();
    await expect(page.locator('.job-aid [data-print-job-aid]')).toBeHidden();
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages, 'the job aid prints on one page').toBe(1);

    // After printing, the page prints whole again.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(page.locator('html')).not.toHaveAttribute('data-print', 'job-aid');
    await expect(page.locator('.lesson-header')).toBeVisible();
  });
});
