/**
 * Steps the Part 8 tool e2e specs share (tests/e2e/tools-*.spec.ts): open a tool's standalone
 * page and wait for it to hydrate, move focus with the keyboard only, export the CSV through the
 * download event, print layout, 390 px and hostile input checks.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { parseCsv } from './csv.ts';

/** Hostile input: markup that would run script if it were ever rendered as HTML. */
export const PASTED_HTML = '<img src=x onerror="window.__toolXss=1">';

export const frame = (page: Page, tool: string) => page.locator(`[data-tool-frame="${tool}"]`);

/** Before any page script: window.print only records that it was called (headless Chromium has no dialog to close). */
export async function stubPrint(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { __printed: number }).__printed = 0;
    window.print = () => {
      (window as unknown as { __printed: number }).__printed += 1;
    };
  });
}

/** Opens `tool-<tool>.html`, brings the tool into view with the keyboard and waits until it is hydrated. */
export async function openTool(page: Page, tool: string) {
  await page.goto(`tool-${tool}.html`);
  await page.waitForFunction(() => document.querySelectorAll('astro-island[client="load"][ssr]').length === 0, undefined, { timeout: 60_000 });
  const onScreen = () =>
    frame(page, tool).evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top < window.innerHeight && box.bottom > 0;
    });
  for (let i = 0; i < 40 && !(await onScreen()); i++) await page.keyboard.press('PageDown');
  await expect(frame(page, tool).locator('[data-tool-csv]')).toBeVisible({ timeout: 60_000 });
}

/** Presses Tab (Shift+Tab with `back`) until `target` has focus. */
export async function tabTo(page: Page, target: Locator, options: { back?: boolean; max?: number } = {}) {
  for (let i = 0; i < (options.max ?? 400); i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

/** Exports the CSV with the keyboard (Enter on the button) and returns its text and rows. */
export async function downloadCsv(page: Page, tool: string): Promise<{ name: string; text: string; rows: string[][] }> {
  const button = frame(page, tool).locator('[data-tool-csv]');
  await tabTo(page, button);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.keyboard.press('Enter')]);
  const text = readFileSync(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), text, rows: parseCsv(text) };
}

/** Print (Enter on the button), then print media: only this tool, its print heading on top, no controls. */
export async function checkPrintLayout(page: Page, tool: string) {
  const button = frame(page, tool).locator('[data-tool-print]');
  await tabTo(page, button);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed), { timeout: 20_000 }).toBe(1);
  await page.emulateMedia({ media: 'print' });
  try {
    await expect(frame(page, tool)).toBeVisible();
    await expect(frame(page, tool).locator('.tool-print-head')).toBeVisible();
    await expect(frame(page, tool).locator('[data-tool-csv]')).toBeHidden();
    await expect(frame(page, tool).locator('[data-tool-preset]')).toBeHidden();
    // Nothing else of the page is printed: every visible leaf element is inside the tool.
    const outside = await page.evaluate((t) => {
      const tool = document.querySelector(`[data-tool-frame="${t}"]`);
      return [...document.body.querySelectorAll('body *')]
        .filter((el) => !tool?.contains(el) && !el.contains(tool) && el.getClientRects().length > 0 && (el as HTMLElement).innerText?.trim())
        .map((el) => el.tagName + '.' + el.className);
    }, tool);
    expect(outside, 'only the tool prints').toEqual([]);
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

/** The page does not scroll sideways (tables scroll inside their own region). */
export async function expectNoSideScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, 'no horizontal page scroll').toBeLessThanOrEqual(widths.client);
}

/** No element was created from pasted markup, and no script ran. */
export async function expectNoInjectedMarkup(page: Page, tool: string) {
  await expect(frame(page, tool).locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __toolXss?: number }).__toolXss)).toBeUndefined();
}

/** The stored entry of a tool (for checks that the work really was saved, not just shown). */
export async function storedTool(page: Page, tool: string): Promise<unknown> {
  return page.evaluate((t) => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.endsWith(`:tool:${t}`)) return JSON.parse(localStorage.getItem(key) ?? 'null');
    }
    return null;
  }, tool);
}
