import { readdirSync } from 'node:fs';
import { axeViolations, expect, test, waitForCourse } from './fixtures.ts';

// Every written lesson, from the content folder, so new lessons are walked without edits here.
const lessons = readdirSync('content/lessons')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, '').toLowerCase())
  .sort();

test.describe('every lesson in the course shell', () => {
  for (const lesson of lessons) {
    test(`${lesson.toUpperCase()} renders, its quiz and role-play hydrate, axe finds nothing`, async ({ page }) => {
      await page.goto(`${lesson}.html`);
      await waitForCourse(page);
      await expect(page.locator('h1')).not.toBeEmpty();
      await expect(page.locator('.objectives li').first()).toBeVisible();

      // Scrolling an activity into view hydrates its island (client:visible).
      const rolePlay = page.locator('[data-activity="roleplay"]');
      if (await rolePlay.count()) {
        await rolePlay.scrollIntoViewIfNeeded();
        await expect(rolePlay.locator('.rp')).toBeVisible();
        await expect(rolePlay.locator('.rp-button').first()).toBeEnabled();
      }
      const quiz = page.locator('[data-activity="quiz"]');
      if (await quiz.count()) {
        await quiz.scrollIntoViewIfNeeded();
        const start = quiz.locator('.quiz-button', { hasText: '开始知识检查' });
        await expect(start).toBeEnabled();
        await start.click();
        await expect(quiz.locator('.quiz-question')).toBeVisible();
      }
      // Every other lazy island (the self-assessment in A2) hydrates once it is scrolled to.
      for (const island of await page.locator('astro-island[ssr]').all()) await island.evaluate((el) => (el.firstElementChild ?? el).scrollIntoView());
      await page.locator('[data-testid="lesson-end"]').scrollIntoViewIfNeeded();
      await expect(page.locator('astro-island[ssr]')).toHaveCount(0);

      expect(await axeViolations(page), `${lesson}.html`).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await axeViolations(page), `${lesson}.html at 390px`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'no sideways scrolling at 390px').toBeLessThanOrEqual(0);
    });
  }
});
