/**
 * Issue 17: the S06 roadmap planner on its own page, by keyboard alone at 390 px: import the
 * impact sorter's do-first card, move actions between and within phases with the buttons (the
 * focus stays on the pressed button wherever the action lands), see the validation messages come
 * and go, add typed actions (pasted markup and a 2,000-character label kept as bounded text),
 * reload, CSV, print only the tool, no horizontal page scroll, no axe violation.
 */
import { actionsFromImpact, IMPACT_PRESET, impactPreset, placeCard } from '../../src/engine/tools/index.ts';
import { exampleWord } from '../../src/i18n/zh-CN.tools.ts';
import { TOOL_LABEL_MAX } from '../../src/schemas/tools.ts';
import { axeViolations, expect, test } from './fixtures.ts';
import { arrowSelect, checkPrint, downloadCsv, expectMarkupAsText, expectNoPageScroll, HOSTILE, LONG, openTool, tabTo, tp, tt, tx } from './plan-tools.ts';

/** The preset: the restaurant case's matrix as the lesson answers it. */
const PRESET = actionsFromImpact(IMPACT_PRESET.reduce((d, p) => placeCard(d, p.id, p.answer), impactPreset(exampleWord))).actions;
const TYPED = 'Weekly service huddle with the shift leads';

test('roadmap planner: keyboard only at 390 px, import, moves, checks, reload, CSV, print, bad input, axe', async ({ page }) => {
  test.setTimeout(240_000);
  // The impact sorter: a typed card placed in "do first" (impact high, effort low), by keyboard.
  let root = await openTool(page, 'impact');
  await tabTo(page, root.locator('#ie-new'), 80);
  await page.keyboard.type(TYPED);
  await page.keyboard.press('Enter');
  await arrowSelect(page, root.locator('#ie-r1-impact'), 1);
  await page.keyboard.press('Tab');
  await arrowSelect(page, root.locator('#ie-r1-effort'), 2);
  await expect(root.locator('[data-ie-list="do-first"] li')).toHaveText([TYPED]);

  root = await openTool(page, 'roadmap');
  const phase = (p: number) => root.locator(`[data-phase="${p}"] [data-action]`);
  await expect(phase(1)).toHaveCount(PRESET.filter((a) => a.phase === 1).length);
  await expect(phase(2)).toHaveCount(PRESET.filter((a) => a.phase === 2).length);

  // Import: the typed card joins phase 1 (its preset cards are not stored in the matrix, so only it comes).
  const importButton = root.locator('[data-rm-import]');
  await tabTo(page, importButton, 80);
  await page.keyboard.press('Enter');
  await expect(root.locator('[data-body-live]')).toHaveText(tp('tool.rm.imported', { count: 1 }));
  await expect(phase(1)).toHaveCount(PRESET.filter((a) => a.phase === 1).length + 1);
  await page.keyboard.press('Enter');
  await expect(root.locator('[data-body-live]')).toHaveText(tp('tool.rm.nothingNew'));

  // "Later" twice: the first preset action walks phase 1 → 2 → 3, the focus staying on the button.
  const first = PRESET[0]?.id as string;
  const later = root.locator(`[data-focus="${first}:later"]`);
  await later.focus();
  await page.keyboard.press('Enter');
  await expect(later).toBeFocused();
  await expect(phase(2).last()).toHaveAttribute('data-action', first);
  await page.keyboard.press('Enter');
  await expect(later).toBeFocused();
  await expect(phase(3)).toHaveCount(1);
  await expect(root.locator('[data-body-live]')).toHaveText(tp('tool.rm.movedTo', { phase: 3, n: 1 }));
  // "Up" at the top of phase 3 goes to the end of phase 2; Shift+Tab back to "down" and it returns.
  const up = root.locator(`[data-focus="${first}:up"]`);
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(phase(2).last()).toHaveAttribute('data-action', first);
  await expect(up).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(phase(3)).toHaveCount(1);

  // Emptying phase 1 draws the warning; moving one back clears it.
  const phase1Ids = await phase(1).evaluateAll((els) => els.map((e) => e.getAttribute('data-action') as string));
  for (const id of phase1Ids) {
    await root.locator(`[data-focus="${id}:later"]`).focus();
    await page.keyboard.press('Enter');
  }
  await expect(phase(1)).toHaveCount(0);
  await expect(root.locator('[data-issue="phase1-empty"]')).toHaveText(tt('tools.roadmap.issue.phase1-empty'));
  const back = root.locator(`[data-focus="${phase1Ids[0]}:earlier"]`);
  await back.focus();
  await page.keyboard.press('Enter');
  await expect(phase(1)).toHaveCount(1);
  await expect(root.locator('[data-issue="phase1-empty"]')).toHaveCount(0);

  // Typed actions into phase 4 (Tab to the phase select, arrows, Tab to Add, Enter): a duplicate is an error until removed.
  const addTo4 = async (text: string, paste: boolean) => {
    await tabTo(page, root.locator('#rm-new'), 120);
    if (paste) await page.keyboard.insertText(text);
    else await page.keyboard.type(text);
    await page.keyboard.press('Tab');
    await arrowSelect(page, root.locator('#rm-new-phase'), 3);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
  };
  await addTo4(TYPED, false);
  await expect(root.locator('[data-issue="duplicate-label"]')).toHaveCount(1);
  await expect(root.locator('[data-tool-done]')).toHaveAttribute('data-tool-done', 'false');
  const duplicate = await phase(4).last().getAttribute('data-action');
  await root.locator(`[data-action="${duplicate}"] [data-focus="${duplicate}:later"]`).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(root.locator('[data-issue="duplicate-label"]')).toHaveCount(0);
  await expect(root.locator('[data-tool-done]')).toHaveAttribute('data-tool-done', 'true');
  await addTo4(HOSTILE, true);
  await addTo4(LONG, true);
  await expect(phase(4)).toHaveCount(2);
  await expect(phase(4).last().locator('input')).toHaveValue(LONG.slice(0, TOOL_LABEL_MAX));
  await expectMarkupAsText(root);

  await page.reload();
  root = await openTool(page, 'roadmap');
  await expect(phase(1)).toHaveCount(1);
  await expect(phase(3)).toHaveCount(1);
  await expect(phase(4)).toHaveCount(2);
  await expect(phase(4).first().locator('input')).toHaveValue(HOSTILE);
  await expectMarkupAsText(root);

  const csv = await downloadCsv(page, root);
  expect(csv.name).toMatch(/-roadmap\.csv$/);
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  expect(csv.rows[0]).toBe([tt('tools.roadmap.col.phase'), tt('tools.roadmap.col.months'), tt('tools.roadmap.col.order'), tt('tools.roadmap.col.action')].join(','));
  expect(csv.rows).toContain(`${tt('tools.roadmap.phase.4')},18+,1,${HOSTILE}`);
  expect(csv.rows).toContain(`${tt('tools.roadmap.phase.3')},10–18,1,${tx(`tools.impact.restaurant.${first}` as 'tools.impact.restaurant.k1')}`);

  await expectNoPageScroll(page);
  expect(await axeViolations(page)).toEqual([]);
  await checkPrint(page, root, 'roadmap');
});
