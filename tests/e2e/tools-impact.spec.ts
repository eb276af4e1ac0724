/**
 * Issue 17: the S06 impact–effort sorter on its own page, by keyboard alone at 390 px: place the
 * restaurant case's cards with the impact and effort selects and find them in the right quadrant
 * (impact across, low effort at the top: "do first" top-right, "plan" bottom-right) and in the two
 * lists; take a card from the self-check's weakest answer; add pasted markup and a 2,000-character
 * label as bounded text; reload; CSV; print only the tool; no horizontal scroll; no axe violation.
 */
import { IMPACT_PRESET, QUADRANT_PLACE } from '../../src/engine/tools/index.ts';
import { LEVEL_IDS, TOOL_LABEL_MAX } from '../../src/schemas/tool-constants.ts';
import { axeViolations, expect, test } from './fixtures.ts';
import { arrowSelect, checkPrint, downloadCsv, expectMarkupAsText, expectNoPageScroll, HOSTILE, LONG, openTool, tabTo, tp, tt } from './plan-tools.ts';

const option = (level: 'high' | 'low') => LEVEL_IDS.indexOf(level) + 1;

test('impact–effort sorter: keyboard only at 390 px, self-check cards, quadrants, reload, CSV, print, bad input, axe', async ({ page }) => {
  test.setTimeout(240_000);
  // The self-check first: answer its first checkpoint "no" by keyboard (→ → from the first option).
  let root = await openTool(page, 'selfcheck');
  const part1 = root.locator('[data-part="1"] > summary');
  await part1.focus();
  await page.keyboard.press('Enter');
  await tabTo(page, root.locator('input[name="sc-p01.1"]').first());
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(root.locator('input[name="sc-p01.1"][value="0"]')).toBeChecked();

  root = await openTool(page, 'impact');
  await expect(root.locator('[data-row]')).toHaveCount(IMPACT_PRESET.length);
  // Each card: Tab to its impact select, then its effort select, and choose with the arrow keys.
  await root.locator(`#ie-${IMPACT_PRESET[0]?.id}-label`).focus();
  for (const card of IMPACT_PRESET) {
    const place = QUADRANT_PLACE[card.answer];
    const impact = root.locator(`#ie-${card.id}-impact`);
    await tabTo(page, impact);
    await arrowSelect(page, impact, option(place.impact));
    await page.keyboard.press('Tab');
    await arrowSelect(page, root.locator(`#ie-${card.id}-effort`), option(place.effort));
  }
  for (const q of ['do-first', 'plan', 'fill-in', 'park'] as const) {
    const cell = root.locator(`[data-quadrant="${q}"]`);
    await expect(cell.locator('li')).toHaveCount(IMPACT_PRESET.filter((c) => c.answer === q).length);
    await expect(cell).toHaveAttribute('data-grid-row', QUADRANT_PLACE[q].row);
    await expect(cell).toHaveAttribute('data-grid-column', QUADRANT_PLACE[q].column);
  }
  // Drawn as the seed reads it: do first top-right, plan bottom-right.
  const box = async (q: string) => (await root.locator(`[data-quadrant="${q}"]`).boundingBox()) ?? { x: 0, y: 0 };
  const [doFirst, plan, fillIn] = [await box('do-first'), await box('plan'), await box('fill-in')];
  expect(doFirst.x).toBeGreaterThan(fillIn.x);
  expect(plan.y).toBeGreaterThan(doFirst.y);
  await expect(root.locator('[data-ie-list="do-first"] li')).toHaveCount(IMPACT_PRESET.filter((c) => c.answer === 'do-first').length);
  await expect(root.locator('[data-tool-done]')).toHaveAttribute('data-tool-done', 'true');

  // A card from the self-check's weakest answer (p01.1).
  const fromSelf = root.locator('[data-ie-from-selfcheck]');
  await expect(fromSelf).toHaveText(tp('tool.ie.fromSelfCheck', { count: 1 }));
  await tabTo(page, fromSelf, 80);
  await page.keyboard.press('Enter');
  await expect(root.locator('[data-row="p01.1"]')).toHaveCount(1);
  await expect(root.locator('[data-tool-done]')).toHaveAttribute('data-tool-done', 'false');
  const weakImpact = root.locator('[id="ie-p01.1-impact"]');
  await tabTo(page, weakImpact);
  await arrowSelect(page, weakImpact, option('high'));
  await page.keyboard.press('Tab');
  await arrowSelect(page, root.locator('[id="ie-p01.1-effort"]'), option('low'));

  // Bad input, added with Enter: the new card's impact select takes the focus.
  const add = root.locator('#ie-new');
  await tabTo(page, add, 80);
  await page.keyboard.insertText(HOSTILE);
  await page.keyboard.press('Enter');
  await expect(root.locator('#ie-r1-impact')).toBeFocused();
  await arrowSelect(page, root.locator('#ie-r1-impact'), option('high'));
  await page.keyboard.press('Tab');
  await arrowSelect(page, root.locator('#ie-r1-effort'), option('high'));
  await tabTo(page, add, 80);
  await page.keyboard.insertText(LONG);
  await page.keyboard.press('Enter');
  await expect(root.locator('#ie-r2-label')).toHaveValue(LONG.slice(0, TOOL_LABEL_MAX));
  await expect(root.locator('[data-body-live]')).toContainText(tp('tool.pl.cut', { max: TOOL_LABEL_MAX }));
  await expectMarkupAsText(root);
  await expect(root.locator('[data-quadrant="plan"] li').last()).toHaveText(HOSTILE);

  await page.reload();
  root = await openTool(page, 'impact');
  await expect(root.locator('[data-row]')).toHaveCount(IMPACT_PRESET.length + 3);
  for (const card of IMPACT_PRESET) await expect(root.locator(`#ie-${card.id}-effort`)).toHaveValue(QUADRANT_PLACE[card.answer].effort);
  await expect(root.locator('#ie-r1-label')).toHaveValue(HOSTILE);
  await expect(root.locator('#ie-r2-label')).toHaveValue(LONG.slice(0, TOOL_LABEL_MAX));
  await expect(root.locator('[data-ie-list="do-first"] li')).toHaveCount(IMPACT_PRESET.filter((c) => c.answer === 'do-first').length + 1);
  await expectMarkupAsText(root);

  const csv = await downloadCsv(page, root);
  expect(csv.name).toMatch(/-impact\.csv$/);
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  expect(csv.rows[0]).toBe([tt('tools.impact.col.quadrant'), tt('tools.impact.col.card'), tt('tools.impact.col.impact'), tt('tools.impact.col.effort')].join(','));
  expect(csv.rows).toContain(`${tt('tools.impact.quadrant.plan')},${HOSTILE},${tt('tools.impact.level.high')},${tt('tools.impact.level.high')}`);
  expect(csv.rows.filter((r) => r.startsWith(`${tt('tools.impact.quadrant.do-first')},`))).toHaveLength(IMPACT_PRESET.filter((c) => c.answer === 'do-first').length + 1);

  await expectNoPageScroll(page);
  expect(await axeViolations(page)).toEqual([]);
  await checkPrint(page, root, 'impact');
});
