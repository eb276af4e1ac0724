import { readdirSync, readFileSync } from 'node:fs';
import { coveringPages, pageFeatures } from '../support/axe-coverage.ts';
import { zh } from '../support/ui-words.ts';
import { axeViolations, expect, test, waitForCourse } from './fixtures.ts';

// Every written lesson, from the content folder, so new lessons are walked without edits here.
const lessons = readdirSync('content/lessons')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => ({ id: f.replace(/\.mdx$/, '').toLowerCase(), source: readFileSync(`content/lessons/${f}`, 'utf8') }))
  .sort((a, b) => a.id.localeCompare(b.id));

// The built pages (npm run test:e2e builds before Playwright starts; a missing page fails here).
// Every lesson gets axe's structural rules; the pages that together use every element and class
// of any lesson (tests/support/axe-coverage.ts) also get colour contrast, at 1280 and 390 px.
const covering = new Set(coveringPages(new Map(lessons.map(({ id }) => [id, pageFeatures(readFileSync(`dist/${id}.html`, 'utf8'))]))));

test.describe('every lesson in the course shell', () => {
  test('the contrast-checked pages are a subset of the lessons, at least one of them', () => {
    expect(covering.size).toBeGreaterThan(0);
    for (const id of covering) expect(lessons.map((l) => l.id)).toContain(id);
  });

  for (const { id: lesson, source } of lessons) {
    const full = covering.has(lesson);
    test(`${lesson.toUpperCase()} renders, its activities hydrate, it ends with one job aid; axe finds nothing${full ? ' (contrast too, at 1280 and 390 px)' : ''}`, async ({ page }) => {
      await page.goto(`${lesson}.html`);
      await waitForCourse(page);
      await expect(page.locator('h1')).not.toBeEmpty();
      await expect(page.locator('.objectives li').first()).toBeVisible();

      // Shape: one job aid, the last block of the lesson text (a component's script tag aside);
      // every manager extension folded and marked.
      await expect(page.locator('.lesson-body [data-job-aid]')).toHaveCount(1);
      const last = await page
        .locator('.lesson-body')
        .evaluate((body) => [...body.children].filter((el) => !['SCRIPT', 'STYLE'].includes(el.tagName)).at(-1)?.matches('[data-job-aid]') ?? false);
      expect(last, 'job aid is the last block').toBe(true);
      const extensions = page.locator('details[data-for-managers]');
      await expect(extensions).toHaveCount((source.match(/<ForManagers\b/g) ?? []).length);
      for (const details of await extensions.all()) {
        expect(await details.evaluate((d) => (d as HTMLDetailsElement).open), 'folded by default').toBe(false);
        await expect(details.locator('summary')).toContainText(zh('managers.badge'));
      }

      // Scrolling an activity into view hydrates its island (client:visible).
      const hasRolePlay = /^scenario:/m.test(source);
      const hasQuiz = /^quiz:/m.test(source);
      const rolePlay = page.locator('[data-activity="roleplay"]');
      await expect(rolePlay).toHaveCount(hasRolePlay ? 1 : 0);
      if (hasRolePlay) {
        await rolePlay.scrollIntoViewIfNeeded();
        await expect(rolePlay.locator('.rp')).toBeVisible();
        await expect(rolePlay.locator('.rp-button').first()).toBeEnabled();
      }
      const quiz = page.locator('[data-activity="quiz"]');
      await expect(quiz).toHaveCount(hasQuiz ? 1 : 0);
      if (hasQuiz) {
        await quiz.scrollIntoViewIfNeeded();
        const start = quiz.locator('.quiz-button', { hasText: zh('quiz.start', { kind: zh('quiz.kind.bank') }) });
        await expect(start).toBeEnabled();
        await start.click();
        await expect(quiz.locator('.quiz-question')).toBeVisible();
      }
      // Every other lazy island (the self-assessment in A2) hydrates once it is scrolled to.
      for (const island of await page.locator('astro-island[ssr]').all()) await island.evaluate((el) => (el.firstElementChild ?? el).scrollIntoView());
      await page.locator('[data-testid="lesson-end"]').scrollIntoViewIfNeeded();
      await expect(page.locator('astro-island[ssr]')).toHaveCount(0);

      const skipRules = full ? [] : ['color-contrast'];
      expect(await axeViolations(page, undefined, { skipRules }), `${lesson}.html`).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      if (full) expect(await axeViolations(page), `${lesson}.html at 390px`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'no sideways scrolling at 390px').toBeLessThanOrEqual(0);
    });
  }
});
