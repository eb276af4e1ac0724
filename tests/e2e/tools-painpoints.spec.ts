/**
 * Issue 17: the S01 pain-point worksheet island on its standalone page (tool-painpoints.html).
 * By keyboard only at 390 px: start a blank sheet, add and fill steps, see the ranked problem
 * map; reload and find the work; the CSV download; the print layout; axe; and hostile input
 * (a 2,000-character label with pasted markup) kept as bounded text.
 */
import { zh } from '../support/ui-words.ts';
import { checkPrintLayout, downloadCsv, expectNoInjectedMarkup, expectNoSideScroll, frame, openTool, PASTED_HTML, storedTool, stubPrint, tabTo } from '../support/tools-e2e.ts';
import { axeViolations, expect, test } from './fixtures.ts';

const TOOL = 'painpoints';
/** Steps typed by the learner: label, minutes, severity (1–5), flags to tick. */
const STEPS = [
  { label: 'Queue at the desk', minutes: '12', severity: 4, flags: ['wait'] },
  { label: 'Fill in the paper form', minutes: '3.5', severity: 2, flags: ['repeat', 'unnecessary'] },
  { label: 'Key card handed over', minutes: '1', severity: 1, flags: [] as string[] },
];

test('keyboard only at 390 px: fill a blank worksheet, the map ranks it, reload keeps it, CSV, print, axe, hostile input', async ({ page }) => {
  test.setTimeout(300_000);
  await stubPrint(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await openTool(page, TOOL);
  const tool = frame(page, TOOL);

  // First open: the preset is shown (not stored yet); the learner switches to a blank sheet.
  await expect(tool.locator('[data-row]')).toHaveCount(6);
  expect(await storedTool(page, TOOL)).toBeNull();
  await tabTo(page, tool.locator('[data-tool-blank]'));
  await page.keyboard.press('Enter');
  await expect(tool.locator('[data-row]')).toHaveCount(0);
  await expect(tool.locator('[data-tool-live]')).toHaveText(zh('tool.loaded.blank'));

  for (const [i, step] of STEPS.entries()) {
    await tabTo(page, tool.locator('[data-add]'));
    await page.keyboard.press('Enter');
    const row = tool.locator('[data-row]').nth(i);
    // Focus moves to the new step's first field.
    await expect(row.locator('[data-field="label"]')).toBeFocused();
    await page.keyboard.type(step.label);
    await page.keyboard.press('Tab');
    await expect(row.locator('[data-field="minutes"]')).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(step.minutes);
    await page.keyboard.press('Tab');
    await expect(row.locator('[data-field="severity"]')).toBeFocused();
    // The select starts at 3: arrow keys move it.
    const moves = step.severity - 3;
    for (let k = 0; k < Math.abs(moves); k++) await page.keyboard.press(moves > 0 ? 'ArrowDown' : 'ArrowUp');
    await expect(row.locator('[data-field="severity"]')).toHaveValue(String(step.severity));
    for (const flag of ['wait', 'repeat', 'unnecessary']) {
      await page.keyboard.press('Tab');
      await expect(row.locator(`[data-flag="${flag}"]`)).toBeFocused();
      if (step.flags.includes(flag)) await page.keyboard.press('Space');
    }
  }

  // The map: step 1 (4 × 2 = 8) first, step 2 (2 × 3 = 6), step 3 (1).
  const map = tool.locator('[data-pain-map] tbody tr');
  await expect(map).toHaveCount(3);
  await expect(map.nth(0)).toContainText(STEPS[0]!.label);
  await expect(map.nth(0).locator('[data-score]')).toHaveText('8');
  await expect(map.nth(1).locator('[data-score]')).toHaveText('6');
  await expect(map.nth(2).locator('[data-score]')).toHaveText('1');
  await expect(tool.locator('[data-pain-summary]')).toContainText(zh('tool.pain.totals', { steps: 3, minutes: 16.5, flagged: 15.5, problems: 2 }));
  await expect(tool.locator('[data-tool-done]')).toHaveAttribute('data-tool-done', 'true');

  // Move step 3 up with the keyboard: focus stays on its move-up button.
  const third = tool.locator('[data-row]').nth(2);
  await tabTo(page, third.locator('[data-move="up"]'));
  await page.keyboard.press('Enter');
  await expect(tool.locator('[data-row]').nth(1).locator('[data-field="label"]')).toHaveValue(STEPS[2]!.label);
  await expect(tool.locator('[data-row]').nth(1).locator('[data-move="up"]')).toBeFocused();

  await expectNoSideScroll(page);
  expect(await axeViolations(page)).toEqual([]);

  // Reload: the work is intact (same labels in the new order, same scores).
  await page.reload();
  await openTool(page, TOOL);
  await expect(tool.locator('[data-row]')).toHaveCount(3);
  expect(await tool.locator('[data-field="label"]').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))).toEqual([STEPS[0]!.label, STEPS[2]!.label, STEPS[1]!.label]);
  await expect(tool.locator('[data-field="minutes"]').nth(2)).toHaveValue('3.5');
  await expect(map.nth(0).locator('[data-score]')).toHaveText('8');

  // CSV: BOM, the dictionary's header, a typed label, a number.
  const csv = await downloadCsv(page, TOOL);
  expect(csv.name).toBe('S01-painpoints.csv');
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  expect(csv.rows[0]).toEqual([
    zh('tools.pain.col.rank'), zh('tools.pain.col.position'), zh('tools.pain.col.step'), zh('tools.pain.col.minutes'), zh('tools.pain.col.wait'),
    zh('tools.pain.col.repeat'), zh('tools.pain.col.unnecessary'), zh('tools.pain.col.severity'), zh('tools.pain.col.score'),
  ]);
  expect(csv.rows[1]).toEqual(['1', '1', STEPS[0]!.label, '12', zh('tools.yes'), '', '', '4', '8']);
  expect(csv.rows[2]?.slice(2, 4)).toEqual([STEPS[1]!.label, '3.5']);

  await checkPrintLayout(page, TOOL);

  // Hostile input: a 2,000-character label with markup, pasted into step 1 → kept as 200 characters of text, the cut reported.
  const label = tool.locator('[data-row]').first().locator('[data-field="label"]');
  await tabTo(page, label, { back: true });
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(PASTED_HTML + 'x'.repeat(2000));
  await page.keyboard.press('Tab');
  await expect(label).toHaveValue(PASTED_HTML + 'x'.repeat(200 - PASTED_HTML.length));
  await expect(tool.locator('[data-tool-cuts]')).toContainText(zh('tools.cut.labels', { count: 1, max: 200 }));
  await expect(map.filter({ hasText: PASTED_HTML })).toHaveCount(1);
  await expectNoInjectedMarkup(page, TOOL);
  const stored = (await storedTool(page, TOOL)) as { data: { steps: { label: string }[] } };
  expect(Array.from(stored.data.steps[0]!.label)).toHaveLength(200);

  // Loading the example now asks first (in the page); Cancel keeps the work and returns focus.
  const presetButton = tool.locator('[data-tool-preset]');
  await tabTo(page, presetButton, { back: true });
  await page.keyboard.press('Enter');
  await expect(tool.locator('[data-confirm-yes]')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(tool.locator('[data-confirm-no]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tool.locator('[data-tool-confirm]')).toHaveCount(0);
  await expect(presetButton).toBeFocused();
  await expect(tool.locator('[data-row]')).toHaveCount(3);
  await expectNoSideScroll(page);
  expect(await axeViolations(page)).toEqual([]);
});
