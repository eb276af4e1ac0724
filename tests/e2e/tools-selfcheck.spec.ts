/**
 * Issue 17: the S06 120-item self-check on its own page, by keyboard alone at 390 px: choose who
 * assessed, open each part and answer all 120 checkpoints with Space and the arrow keys, see the
 * heat map per pitfall, per part and in total (band in words, numbers from the engine), reload
 * and find every answer, tampered stored answers bounded and reported, CSV, print only the tool,
 * no horizontal page scroll, no axe violation.
 */
import { PARTS, SELF_CHECK_ITEMS, selfCheckResult } from '../../src/engine/tools/index.ts';
import type { SelfCheckAnswer } from '../../src/schemas/tools.ts';
import { axeViolations, expect, test } from './fixtures.ts';
import { arrowSelect, checkPrint, downloadCsv, expectNoPageScroll, openTool, tabTo, tp, tt } from './plan-tools.ts';

/** The answer to give each checkpoint, in order: 是 是 部分 否 是 部分 否 … (a mix that gives every band somewhere). */
const PATTERN: SelfCheckAnswer[] = [2, 2, 1, 0, 2, 1, 0, 2, 2, 2, 2, 1];
const ANSWERS = Object.fromEntries(SELF_CHECK_ITEMS.map((id, i) => [id, PATTERN[i % PATTERN.length] as SelfCheckAnswer]));
const RESULT = selfCheckResult({ assessedBy: 'management', answers: ANSWERS });
/** Arrow presses from the group's first option (是) to each answer; 是 itself is checked with Space. */
const PRESSES: Record<SelfCheckAnswer, number> = { 2: 0, 1: 1, 0: 2 };

test('self-check: all 120 by keyboard at 390 px, heat map, reload, tampered storage, CSV, print, axe', async ({ page }) => {
  test.setTimeout(420_000);
  let root = await openTool(page, 'selfcheck');
  await expect(root.locator('[data-sc-answered]')).toHaveText(tp('tool.sc.progress', { answered: 0, total: 120 }));

  const by = root.locator('#sc-assessed-by');
  await by.focus();
  await arrowSelect(page, by, 1);
  await expect(by).toHaveValue('management');

  for (const part of PARTS) {
    const summary = root.locator(`[data-part="${part}"] > summary`);
    await tabTo(page, summary);
    await page.keyboard.press('Enter');
    await expect(root.locator(`[data-part="${part}"]`)).toHaveAttribute('open', '');
    const ids = SELF_CHECK_ITEMS.filter((id) => RESULT.pitfalls.find((p) => p.pitfall === id.slice(0, 3))?.part === part);
    await page.keyboard.press('Tab');
    for (const id of ids) {
      await expect(root.locator(`input[name="sc-${id}"]`).first()).toBeFocused();
      const answer = ANSWERS[id] as SelfCheckAnswer;
      if (PRESSES[answer] === 0) await page.keyboard.press('Space');
      for (let k = 0; k < PRESSES[answer]; k++) await page.keyboard.press('ArrowRight');
      await expect(root.locator(`input[name="sc-${id}"][value="${answer}"]`)).toBeChecked();
      await page.keyboard.press('Tab');
    }
  }

  const checkResult = async (done: boolean) => {
    await expect(root.locator('[data-sc-answered]')).toHaveText(tp('tool.sc.progress', { answered: 120, total: 120 }));
    await expect(root.locator('[data-sc-total]')).toHaveAttribute('data-sc-total', String(RESULT.total.percent));
    await expect(root.locator('[data-sc-total]')).toContainText(tt(`tools.self.band.${RESULT.total.band ?? 'red'}`));
    for (const p of RESULT.parts) await expect(root.locator(`[data-heat-part="${p.part}"] > .sc-part-cell`)).toHaveAttribute('data-band', p.band ?? '');
    for (const p of RESULT.pitfalls) {
      const cell = root.locator(`[data-heat="${p.pitfall}"]`);
      await expect(cell).toHaveAttribute('data-percent', String(p.percent));
      // The band is in words, not colour only.
      await expect(cell).toContainText(tp('tool.sc.cell', { percent: p.percent ?? 0, band: tt(`tools.self.band.${p.band ?? 'red'}`) }));
    }
    // (After a reload the done flag waits for the suspend codec to carry the tools' summary: the lead's part.)
    if (done) await expect(root.locator('[data-tool-done]')).toHaveAttribute('data-tool-done', 'true');
  };
  await checkResult(true);
  // A pitfall whose lesson is in this build links to it.
  await expect(root.locator('[data-heat="p01"] a')).toHaveAttribute('href', /p01\.html$/i);

  // Reload: every answer is there.
  await page.reload();
  root = await openTool(page, 'selfcheck');
  await checkResult(false);
  await expect(root.locator('#sc-assessed-by')).toHaveValue('management');

  // Tampered stored data: unknown ids, markup and an out-of-range answer are dropped and reported; the 120 answers stay.
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.endsWith(':tool:selfcheck')) as string;
    const entry = JSON.parse(localStorage.getItem(key) as string) as { data: { answers: Record<string, unknown> } };
    entry.data.answers['p99.9'] = 2;
    entry.data.answers['<img src=x onerror=alert(1)>'] = 1;
    entry.data.answers['p01.1'] = 7;
    localStorage.setItem(key, JSON.stringify(entry));
  });
  await page.reload();
  root = await openTool(page, 'selfcheck');
  await expect(root.locator('[data-tool-cuts] [data-cut-rows]')).toHaveAttribute('data-cut-rows', '3');
  await expect(root.locator('[data-sc-answered]')).toHaveText(tp('tool.sc.progress', { answered: 119, total: 120 }));
  await expect(root.locator('img')).toHaveCount(0);
  // Answer p01.1 again by keyboard.
  await root.locator('[data-part="1"] > summary').focus();
  await page.keyboard.press('Enter');
  await tabTo(page, root.locator('input[name="sc-p01.1"]').first());
  // Two answers in quick succession (no wait between): the second must not start from data without the first.
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  expect(ANSWERS['p01.2']).toBe(2); // its group opens on 是: → makes it 部分
  await page.keyboard.press('ArrowRight');
  await expect(root.locator('input[name="sc-p01.2"][value="1"]')).toBeChecked();
  await expect(root.locator('input[name="sc-p01.1"][value="2"]')).toBeChecked();
  await expect(root.locator('[data-sc-answered]')).toHaveText(tp('tool.sc.progress', { answered: 120, total: 120 }));

  const csv = await downloadCsv(page, root);
  expect(csv.name).toMatch(/-selfcheck\.csv$/);
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  expect(csv.rows[0]).toBe(
    [tt('tools.self.col.level'), tt('tools.self.col.id'), tt('tools.self.col.answered'), tt('tools.self.col.unanswered'), tt('tools.self.col.percent'), tt('tools.self.col.band')].join(','),
  );
  const p02 = RESULT.pitfalls[1];
  expect(csv.rows).toContain(`${tt('tools.self.level.pitfall')},P02,4,0,${p02?.percent},${tt(`tools.self.band.${p02?.band ?? 'red'}`)}`);

  await expectNoPageScroll(page);
  expect(await axeViolations(page)).toEqual([]);
  await checkPrint(page, root, 'selfcheck');
});
