/**
 * Issue 17: the S04 service-blueprint layer sorter on its own page, by keyboard alone at 390 px:
 * sort the hotel check-in preset into its layers and mark its fail points, check it against the
 * answer key, move a row with the buttons (focus stays), add rows with pasted markup and a
 * 2,000-character label (kept as bounded text), reload and find it all, export CSV, print only
 * the tool, no horizontal page scroll, no axe violation.
 */
import { BLUEPRINT_LAYERS, BLUEPRINT_PRESETS, handoffs } from '../../src/engine/tools/index.ts';
import { TOOL_LABEL_MAX } from '../../src/schemas/tools.ts';
import { axeViolations, expect, test } from './fixtures.ts';
import { arrowSelect, checkPrint, downloadCsv, expectMarkupAsText, expectNoPageScroll, HOSTILE, LONG, openTool, tabTo, tp, tt } from './plan-tools.ts';

const KEY = BLUEPRINT_PRESETS['hotel-checkin'];

test('blueprint sorter: keyboard only at 390 px, check, reload, CSV, print, bad input, axe', async ({ page }) => {
  test.setTimeout(240_000);
  let root = await openTool(page, 'blueprint');
  await expect(root.locator('[data-row]')).toHaveCount(KEY.length);

  // Every activity: Tab to its layer select, choose the key's layer with the arrow keys, Space on the fail-point box where the key says so.
  await root.locator(`#bp-${KEY[0]?.id}-label`).focus();
  for (const k of KEY) {
    const select = root.locator(`#bp-${k.id}-layer`);
    await tabTo(page, select);
    await arrowSelect(page, select, BLUEPRINT_LAYERS.indexOf(k.layer) + 1);
    await expect(select).toHaveValue(k.layer);
    await page.keyboard.press('Tab');
    if (k.failPoint) await page.keyboard.press('Space');
  }
  await expect(root.locator('[data-bp-unsorted]')).toHaveAttribute('data-bp-unsorted', '0');
  const expectedHandoffs = handoffs(KEY.map((k) => ({ id: k.id, label: '', layer: k.layer, failPoint: k.failPoint }))).length;
  await expect(root.locator('[data-bp-handoffs] li')).toHaveCount(expectedHandoffs);
  await expect(root.locator('[data-lane="support"] [data-lane-item]')).toHaveCount(KEY.filter((k) => k.layer === 'support').length);

  // The check against the answer key: all right.
  const check = root.getByRole('button', { name: tp('tool.bp.check') });
  await tabTo(page, check);
  await page.keyboard.press('Enter');
  await expect(root.locator('[data-bp-percent]')).toHaveAttribute('data-bp-percent', '100');
  await expect(root.locator('[data-check-item][data-right="yes"]')).toHaveCount(KEY.length);

  // Moving the last activity up keeps the focus on its button; moving it back down restores the order.
  const last = KEY[KEY.length - 1]?.id as string;
  const up = root.locator(`[data-focus="${last}:up"]`);
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(root.locator('[data-row]').nth(KEY.length - 2)).toHaveAttribute('data-row', last);
  await expect(up).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(root.locator(`[data-focus="${last}:down"]`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(root.locator('[data-row]').nth(KEY.length - 1)).toHaveAttribute('data-row', last);

  // Bad input: pasted markup and a 2,000-character label, added with Enter; the new row's layer select takes the focus.
  const add = root.locator('#bp-new');
  await tabTo(page, add, 80);
  await page.keyboard.insertText(HOSTILE);
  await page.keyboard.press('Enter');
  await expect(root.locator('[data-row]')).toHaveCount(KEY.length + 1);
  await expect(root.locator('#bp-r1-layer')).toBeFocused();
  await arrowSelect(page, root.locator('#bp-r1-layer'), 4);
  await tabTo(page, add, 80);
  await page.keyboard.insertText(LONG);
  await page.keyboard.press('Enter');
  await expect(root.locator('#bp-r2-label')).toHaveValue(LONG.slice(0, TOOL_LABEL_MAX));
  await expect(root.locator('[data-body-live]')).toContainText(tp('tool.pl.cut', { max: TOOL_LABEL_MAX }));
  await arrowSelect(page, root.locator('#bp-r2-layer'), 1);
  await expectMarkupAsText(root);
  await expect(root.locator('[data-tool-done]')).toHaveAttribute('data-tool-done', 'true');

  // Reload: the work is there.
  await page.reload();
  root = await openTool(page, 'blueprint');
  await expect(root.locator('[data-row]')).toHaveCount(KEY.length + 2);
  for (const k of KEY) await expect(root.locator(`#bp-${k.id}-layer`)).toHaveValue(k.layer);
  await expect(root.locator('#bp-r1-label')).toHaveValue(HOSTILE);
  await expect(root.locator('#bp-r2-label')).toHaveValue(LONG.slice(0, TOOL_LABEL_MAX));
  await expectMarkupAsText(root);
  // (The done flag after a reload waits for the suspend codec to carry the tools' summary: the lead's part.)

  // CSV: BOM, header, a typed label, the positions as numbers.
  const csv = await downloadCsv(page, root);
  expect(csv.name).toMatch(/-blueprint\.csv$/);
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  expect(csv.rows[0]).toBe(
    [tt('tools.blueprint.col.position'), tt('tools.blueprint.col.activity'), tt('tools.blueprint.col.layer'), tt('tools.blueprint.col.failPoint'), tt('tools.blueprint.col.handoffNext')].join(','),
  );
  expect(csv.rows[1]?.startsWith(`1,`)).toBe(true);
  expect(csv.rows.some((r) => r.startsWith(`${KEY.length + 1},${HOSTILE},${tt('tools.blueprint.layer.support')}`))).toBe(true);

  await expectNoPageScroll(page);
  expect(await axeViolations(page)).toEqual([]);
  await checkPrint(page, root, 'blueprint');
});
