/**
 * Issue 17: the S02 journey-map builder on its standalone page (tool-journey.html). By keyboard
 * only at 390 px: blank map, persona, touchpoints in each of the five stages with emotions → the
 * curve (SVG and its table) and the lowest points; reload keeps it; CSV; print; axe; hostile input.
 */
import { zh } from '../support/ui-words.ts';
import { checkPrintLayout, downloadCsv, expectNoInjectedMarkup, expectNoSideScroll, frame, openTool, PASTED_HTML, storedTool, stubPrint, tabTo } from '../support/tools-e2e.ts';
import { axeViolations, expect, test } from './fixtures.ts';

const TOOL = 'journey';
const PERSONA = 'Business guest arriving at 21:00';
/** Touchpoints typed, stage by stage: label and emotion (−2…+2; the select starts at 0). */
const TOUCHPOINTS = [
  { stage: 'awareness', label: 'Colleague recommends the hotel', emotion: 1 },
  { stage: 'evaluation', label: 'Compares prices online', emotion: 0 },
  { stage: 'purchase', label: 'Instant booking confirmation', emotion: 1 },
  { stage: 'experience', label: 'Twenty-minute queue at check-in', emotion: -2 },
  { stage: 'experience', label: 'Quiet clean room', emotion: 2 },
  { stage: 'loyalty', label: 'Survey but no reply about the refund', emotion: -1 },
];

test('keyboard only at 390 px: build a map in five stages, curve and lowest points, reload, CSV, print, axe, hostile input', async ({ page }) => {
  test.setTimeout(300_000);
  await stubPrint(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await openTool(page, TOOL);
  const tool = frame(page, TOOL);

  await expect(tool.locator('[data-row]')).toHaveCount(8); // the example, shown but not stored
  expect(await storedTool(page, TOOL)).toBeNull();
  await tabTo(page, tool.locator('[data-tool-blank]'));
  await page.keyboard.press('Enter');
  await expect(tool.locator('[data-row]')).toHaveCount(0);
  await expect(tool.locator('[data-journey-lowest]')).toHaveText(zh('tool.journey.noData'));

  await tabTo(page, tool.locator('[data-field="persona"]'));
  await page.keyboard.type(PERSONA);

  for (const t of TOUCHPOINTS) {
    await tabTo(page, tool.locator(`[data-add="${t.stage}"]`));
    await page.keyboard.press('Enter');
    const row = tool.locator(`[data-stage="${t.stage}"] [data-row]`).last();
    await expect(row.locator('[data-field="label"]')).toBeFocused();
    await page.keyboard.type(t.label);
    await page.keyboard.press('Tab');
    await expect(row.locator('[data-field="emotion"]')).toBeFocused();
    for (let k = 0; k < Math.abs(t.emotion); k++) await page.keyboard.press(t.emotion > 0 ? 'ArrowDown' : 'ArrowUp');
    await expect(row.locator('[data-field="emotion"]')).toHaveValue(String(t.emotion));
  }

  // Lowest touchpoint: the queue (−2); lowest stage: loyalty (−1; experience averages 0).
  const lowest = tool.locator('[data-journey-lowest]');
  await expect(lowest).toContainText(TOUCHPOINTS[3]!.label);
  await expect(lowest).toContainText(zh('tool.journey.lowestStage', { list: zh('tools.journey.stage.loyalty'), mean: '−1' }));
  await expect(tool.locator('[data-journey-table] tr[data-stage="experience"] [data-mean]')).toHaveText('0');
  await expect(tool.locator('[data-journey-table] tr[data-stage="awareness"] [data-mean]')).toHaveText('+1');
  await expect(tool.locator('[data-journey-curve] circle')).toHaveCount(6);
  await expect(tool.locator('[data-journey-curve] polyline')).toHaveCount(1);
  await expect(tool.locator('[data-tool-done]')).toHaveAttribute('data-tool-done', 'true');

  // Move the room (second in its stage) up: it leads the stage, focus stays in the row (its move-up is now disabled).
  const room = tool.locator('[data-stage="experience"] [data-row]').nth(1);
  await tabTo(page, room.locator('[data-move="up"]'), { back: true });
  await page.keyboard.press('Enter');
  const experience = tool.locator('[data-stage="experience"] [data-field="label"]');
  await expect(experience.first()).toHaveValue(TOUCHPOINTS[4]!.label);
  await expect(tool.locator('[data-stage="experience"] [data-row]').first().locator('[data-move="down"]')).toBeFocused();

  await expectNoSideScroll(page);
  expect(await axeViolations(page)).toEqual([]);

  await page.reload();
  await openTool(page, TOOL);
  await expect(tool.locator('[data-field="persona"]')).toHaveValue(PERSONA);
  await expect(tool.locator('[data-row]')).toHaveCount(6);
  await expect(experience.first()).toHaveValue(TOUCHPOINTS[4]!.label);
  await expect(experience.nth(1)).toHaveValue(TOUCHPOINTS[3]!.label);

  const csv = await downloadCsv(page, TOOL);
  expect(csv.name).toBe('S02-journey.csv');
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  expect(csv.rows[0]).toEqual([zh('tools.journey.col.stage'), zh('tools.journey.col.touchpoint'), zh('tools.journey.col.emotion'), zh('tools.journey.col.stageMean'), zh('tools.journey.col.lowest')]);
  expect(csv.rows[1]).toEqual([zh('tools.journey.stage.awareness'), TOUCHPOINTS[0]!.label, '1', '1', '']);
  expect(csv.rows.find((r) => r[1] === TOUCHPOINTS[3]!.label)).toEqual([zh('tools.journey.stage.experience'), TOUCHPOINTS[3]!.label, '-2', '0', zh('tools.yes')]);

  await checkPrintLayout(page, TOOL);

  // Hostile input in the persona: bounded text, no element.
  const persona = tool.locator('[data-field="persona"]');
  await tabTo(page, persona, { back: true });
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(PASTED_HTML + 'y'.repeat(2000));
  await page.keyboard.press('Tab');
  await expect(persona).toHaveValue(PASTED_HTML + 'y'.repeat(200 - PASTED_HTML.length));
  await expect(tool.locator('[data-tool-cuts]')).toContainText(zh('tools.cut.labels', { count: 1, max: 200 }));
  await expectNoInjectedMarkup(page, TOOL);
  const stored = (await storedTool(page, TOOL)) as { data: { persona: string } };
  expect(stored.data.persona.startsWith(PASTED_HTML)).toBe(true);
  expect(Array.from(stored.data.persona)).toHaveLength(200);
  await expectNoSideScroll(page);
  expect(await axeViolations(page)).toEqual([]);
});
