/**
 * What the e2e specs of the S04 blueprint sorter and the S06 tools share (tools-blueprint,
 * tools-selfcheck, tools-impact, tools-roadmap): opening a tool's own page (tool-<id>.html), the
 * keyboard moves, the CSV download, the print layout and the 390 px check. Words come from the
 * dictionaries, never copied here.
 */
import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { fill, type Vars } from '../../src/i18n/format.ts';
import { toolUi, type ToolUiKey } from '../../src/i18n/zh-CN.tool-ui.ts';
import { toolExamples, toolsUi, type ToolExampleKey, type ToolsKey } from '../../src/i18n/zh-CN.tools.ts';
import type { ToolId } from '../../src/schemas/tools.ts';
import { expect, waitForCourse } from './fixtures.ts';

/** A word of the S04/S06 islands (zh-CN). */
export const tp = (key: ToolUiKey, vars: Vars = {}) => fill(toolUi[key], vars);
/** A word of the engine's dictionary (layer, band, quadrant and phase names, CSV headings). */
export const tt = (key: ToolsKey, vars: Vars = {}) => fill(toolsUi[key], vars);
/** A line of a preset example (course text, zh-CN only). */
export const tx = (key: ToolExampleKey) => toolExamples[key];

/** Markup pasted as a label: must stay visible characters, never become an element. */
export const HOSTILE = '<img src=x onerror=alert(1)>';
/** A 2,000-character label (the engine keeps 200). */
export const LONG = `${'L'.repeat(1990)}0123456789`;

export const frame = (page: Page, tool: ToolId) => page.locator(`[data-tool-frame="${tool}"]`);

/** Opens a tool's own page and waits until its island has hydrated and read the stored work. */
export async function openTool(page: Page, tool: ToolId, width = 390): Promise<Locator> {
  await page.setViewportSize({ width, height: 844 });
  await page.goto(`tool-${tool}.html`);
  await waitForCourse(page);
  const root = frame(page, tool);
  await root.scrollIntoViewIfNeeded();
  await expect(root.locator(`[data-tool-body="${tool}"]`)).toBeVisible({ timeout: 30_000 });
  return root;
}

/** Presses Tab until `target` has the focus (at most `max` presses), and asserts it does. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Chooses option `index` (0 = the first) of the focused select with the arrow keys. */
export async function arrowSelect(page: Page, select: Locator, index: number): Promise<void> {
  await expect(select).toBeFocused();
  await page.keyboard.press('Home');
  for (let k = 0; k < index; k++) await page.keyboard.press('ArrowDown');
}

/** Replaces the focused text field's text (select all, then type or paste) and commits it with Tab. */
export async function replaceText(page: Page, text: string, paste = false): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  if (paste) await page.keyboard.insertText(text);
  else await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

/** Presses Enter on the frame's CSV button and returns the file's name and text. */
export async function downloadCsv(page: Page, root: Locator): Promise<{ name: string; text: string; rows: string[] }> {
  const button = root.locator('[data-tool-csv]');
  await button.focus();
  const [download] = (await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.keyboard.press('Enter')])) as [Download, void];
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  return { name: download.suggestedFilename(), text, rows: text.replace(/^\uFEFF/, '').split('\r\n') };
}

/** The print layout: the frame's Print button (window.print stubbed), then print media: only this tool shows. */
export async function checkPrint(page: Page, root: Locator, tool: ToolId): Promise<void> {
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await root.locator('[data-tool-print]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-tool-printing', tool);
  await page.emulateMedia({ media: 'print' });
  await expect(root.locator(`[data-tool-body="${tool}"]`)).toBeVisible();
  await expect(root.locator('.tool-print-head')).toBeVisible();
  await expect(root.locator('[data-tool-csv]')).toBeHidden();
  // Nothing outside the tool prints: the site header and the page's own heading are hidden.
  const outside = await page.evaluate(() => {
    const frameEl = document.querySelector('[data-tool-printing] [data-printing]');
    return [...document.body.querySelectorAll('body *')].filter(
      (el) => !el.contains(frameEl) && !frameEl?.contains(el) && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden',
    ).length;
  });
  expect(outside, 'elements outside the tool visible in print').toBe(0);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => {
    dispatchEvent(new Event('afterprint'));
    document.documentElement.removeAttribute('data-tool-printing');
  });
}

/** No horizontal page scroll at the current viewport. */
export async function expectNoPageScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, 'page width at 390 px').toBeLessThanOrEqual(client);
}

/** The pasted markup made no element anywhere in the tool, and its characters are on the page. */
export async function expectMarkupAsText(root: Locator): Promise<void> {
  await expect(root.locator('img')).toHaveCount(0);
  const values = await root.locator('input[type="text"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(values).toContain(HOSTILE);
}
