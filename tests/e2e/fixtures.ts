import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every e2e test runs with these guards: any response ≥ 400 (a 404 from a root-absolute or
 * directory URL), any failed request and any console error fail the test.
 */
export const test = base.extend<{ guard: { problems: string[] } }>({
  guard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
      });
      page.on('requestfailed', (request) => {
        // A navigation that replaces the page aborts its pending requests; that is not a fault.
        if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed ${request.url()}: ${request.failure()?.errorText}`);
      });
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await use({ problems });
      expect(problems, 'no 404s, failed requests or console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * WCAG 2.1 A/AA violations on the current page (optionally within one element, optionally
 * without some rules, e.g. the slow colour-contrast rule where a covering page checks it).
 */
export async function axeViolations(page: Page, include?: string, options: { skipRules?: string[] } = {}) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  if (options.skipRules?.length) builder = builder.disableRules(options.skipRules);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Waits until the course has loaded the learner's stored state (islands hydrated). */
export async function waitForCourse(page: Page) {
  await page.waitForFunction(() => document.querySelectorAll('astro-island[client="load"][ssr]').length === 0);
}
