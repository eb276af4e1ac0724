/**
 * Issue 17: the S03 SFMEA / RPN calculator on its standalone page (tool-sfmea.html). By keyboard
 * only at 390 px: pick another example, then a blank table; failure modes with S, O, D selects →
 * live RPN, the sorted table, the high-severity flag in text; a countermeasure and a re-score;
 * reload keeps it; CSV; print; axe; hostile input.
 */
import type { Locator, Page } from '@playwright/test';
import { zh } from '../support/ui-words.ts';
import { checkPrintLayout, downloadCsv, expectNoInjectedMarkup, expectNoSideScroll, frame, openTool, PASTED_HTML, storedTool, stubPrint, tabTo } from '../support/tools-e2e.ts';
import { axeViolations, expect, test } from './fixtures.ts';

const TOOL = 'sfmea';
const ROWS = [
  { step: 'Key cards', failure: 'Card coded for an occupied room', effect: 'Guest walks into a stranger’s room', s: 9, o: 2, d: 5 },
  { step: 'Front desk', failure: 'One desk open at the evening peak', effect: 'Long queue in the lobby', s: 6, o: 7, d: 4 },
];

/** Sets a focused 1–10 select (starting at `from`) to `to` with the arrow keys. */
async function arrowTo(page: Page, select: Locator, from: number, to: number) {
  await expect(select).toBeFocused();
  for (let k = 0; k < Math.abs(to - from); k++) await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
  await expect(select).toHaveValue(String(to));
}

test('keyboard only at 390 px: examples, a blank table scored by selects, live RPN, sorted table, re-score, reload, CSV, print, axe, hostile input', async ({ page }) => {
  test.setTimeout(300_000);
  await stubPrint(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await openTool(page, TOOL);
  const tool = frame(page, TOOL);

  // The first example (hotel check-in) is shown; choose the second (clinic) and load it: nothing typed yet, so no question.
  await expect(tool.locator('[data-row]')).toHaveCount(4);
  await expect(tool.locator('[data-field="step"]').first()).toHaveValue(zh('tools.sfmea.hotel-checkin.h1.step'));
  const picker = tool.locator('#tool-sfmea-preset');
  await tabTo(page, picker);
  await page.keyboard.press('ArrowDown');
  await expect(picker).toHaveValue('1');
  await page.keyboard.press('Tab');
  await expect(tool.locator('[data-tool-preset]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tool.locator('[data-tool-confirm]')).toHaveCount(0);
  await expect(tool.locator('[data-field="step"]').first()).toHaveValue(zh('tools.sfmea.clinic-registration.c1.step'));
  await expect(tool.locator('[data-tool-showing]')).toHaveText(zh('tool.showing.preset', { name: zh('tools.sfmea.preset.clinic-registration') }));

  await page.keyboard.press('Tab');
  await expect(tool.locator('[data-tool-blank]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tool.locator('[data-row]')).toHaveCount(0);

  for (const [i, r] of ROWS.entries()) {
    await tabTo(page, tool.locator('[data-add]'));
    await page.keyboard.press('Enter');
    const row = tool.locator('[data-row]').nth(i);
    await expect(row.locator('[data-field="step"]')).toBeFocused();
    await page.keyboard.type(r.step);
    await page.keyboard.press('Tab');
    await page.keyboard.type(r.failure);
    await page.keyboard.press('Tab');
    await page.keyboard.type(r.effect);
    await page.keyboard.press('Tab');
    await arrowTo(page, row.locator('[data-score="s"]').first(), 5, r.s);
    await page.keyboard.press('Tab');
    await arrowTo(page, row.locator('[data-score="o"]').first(), 5, r.o);
    await page.keyboard.press('Tab');
    await arrowTo(page, row.locator('[data-score="d"]').first(), 5, r.d);
    await expect(row.locator('[data-rpn]')).toHaveAttribute('data-rpn', String(r.s * r.o * r.d));
  }

  // Live RPN and the sorted table: 6×7×4 = 168 above 9×2×5 = 90; the S = 9 row is flagged in words.
  const first = tool.locator('[data-row]').first();
  await expect(first.locator('[data-high]')).toHaveText(zh('tool.sfmea.high'));
  await expect(tool.locator('[data-row]').nth(1).locator('[data-high]')).toHaveCount(0);
  const table = tool.locator('[data-sfmea-table] tbody tr');
  await expect(table.nth(0)).toContainText(ROWS[1]!.failure);
  await expect(table.nth(0).locator('[data-cell="rpn"]')).toHaveText('168');
  await expect(table.nth(1).locator('[data-cell="high"]')).toHaveText(zh('tools.yes'));
  await expect(tool.locator('[data-tool-done]')).toHaveAttribute('data-tool-done', 'false');

  // Countermeasure on the queue, then re-score: O 7 → 3 gives 6×3×4 = 72 (down 96, 57%) and the table re-sorts.
  const queue = tool.locator('[data-row]').nth(1);
  await tabTo(page, queue.locator('[data-field="countermeasure"]'));
  await page.keyboard.type('Staff a second desk from 19:00');
  await page.keyboard.press('Tab');
  await expect(queue.locator('[data-rescore]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(queue.locator('[data-after] [data-score="s"]')).toBeFocused();
  await page.keyboard.press('Tab');
  await arrowTo(page, queue.locator('[data-after] [data-score="o"]'), 7, 3);
  await expect(queue.locator('[data-rpn-after]')).toHaveAttribute('data-rpn-after', '72');
  await expect(queue.locator('[data-rpn-after]')).toContainText(zh('tool.sfmea.rpnAfter', { rpn: 72, reduction: 96, percent: 57 }));
  await expect(table.nth(0)).toContainText(ROWS[0]!.failure);
  await expect(table.nth(1).locator('[data-cell="rpn-after"]')).toHaveText('72');
  await expect(tool.locator('[data-tool-done]')).toHaveAttribute('data-tool-done', 'true');

  await expectNoSideScroll(page);
  expect(await axeViolations(page)).toEqual([]);

  await page.reload();
  await openTool(page, TOOL);
  await expect(tool.locator('[data-row]')).toHaveCount(2);
  await expect(tool.locator('[data-field="failure"]').nth(1)).toHaveValue(ROWS[1]!.failure);
  await expect(tool.locator('[data-row]').nth(1).locator('[data-after] [data-score="o"]')).toHaveValue('3');
  await expect(table.nth(1).locator('[data-cell="reduction"]')).toHaveText(zh('tool.sfmea.reduction', { reduction: 96, percent: 57 }));

  const csv = await downloadCsv(page, TOOL);
  expect(csv.name).toBe('S03-sfmea.csv');
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  expect(csv.rows[0]?.slice(0, 9)).toEqual([
    zh('tools.sfmea.col.rank'), zh('tools.sfmea.col.step'), zh('tools.sfmea.col.failure'), zh('tools.sfmea.col.effect'), zh('tools.sfmea.col.s'),
    zh('tools.sfmea.col.o'), zh('tools.sfmea.col.d'), zh('tools.sfmea.col.rpn'), zh('tools.sfmea.col.high'),
  ]);
  expect(csv.rows[1]?.slice(0, 9)).toEqual(['1', ROWS[0]!.step, ROWS[0]!.failure, ROWS[0]!.effect, '9', '2', '5', '90', zh('tools.yes')]);
  expect(csv.rows[2]?.slice(9)).toEqual(['Staff a second desk from 19:00', '6', '3', '4', '72', '96']);

  await checkPrintLayout(page, TOOL);

  // Hostile input in a failure mode; then the example asks before replacing the learner's own table.
  const failure = tool.locator('[data-field="failure"]').first();
  await tabTo(page, failure, { back: true });
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(PASTED_HTML + 'z'.repeat(2000));
  await page.keyboard.press('Tab');
  await expect(failure).toHaveValue(PASTED_HTML + 'z'.repeat(200 - PASTED_HTML.length));
  await expect(tool.locator('[data-tool-cuts]')).toContainText(zh('tools.cut.labels', { count: 1, max: 200 }));
  await expect(table.filter({ hasText: PASTED_HTML })).toHaveCount(1);
  await expectNoInjectedMarkup(page, TOOL);
  const stored = (await storedTool(page, TOOL)) as { data: { rows: { failure: string }[] } };
  expect(Array.from(stored.data.rows[0]!.failure)).toHaveLength(200);

  await tabTo(page, tool.locator('[data-tool-preset]'), { back: true });
  await page.keyboard.press('Enter');
  await expect(tool.locator('[data-confirm-yes]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tool.locator('[data-tool-confirm]')).toHaveCount(0);
  // After the reload the chooser is back on the first example.
  await expect(tool.locator('[data-field="step"]').first()).toHaveValue(zh('tools.sfmea.hotel-checkin.h1.step'));
  expect(await storedTool(page, TOOL)).toBeNull();
  await expectNoSideScroll(page);
  expect(await axeViolations(page)).toEqual([]);
});
