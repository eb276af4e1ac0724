/**
 * The Part 8 tools in an English interface (issue 18 point 7): a browser that asks for English
 * gets the tools' engine words (column headings, scale descriptors, the ranking note, layer and
 * phase names, CSV headings) in English, while the preset examples stay Chinese course text inside
 * `lang="zh-CN"`; zero axe violations. Words come from the dictionaries (tests/support/ui-words.ts).
 */
import type { Page, Route } from '@playwright/test';
import { word, zh } from '../support/ui-words.ts';
import { downloadCsv, frame, openTool } from '../support/tools-e2e.ts';
import { axeViolations, expect, test, waitForCourse } from './fixtures.ts';

const en = (key: string, vars: Record<string, string | number> = {}) => word('en', key, vars);

/** Holds the English words' chunk until `release()` is called, so a test can see an island switch after it has hydrated. */
async function holdEnglish(page: Page): Promise<{ release: () => void; requested: Promise<void> }> {
  let release: () => void = () => undefined;
  let requested: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const asked = new Promise<void>((resolve) => (requested = resolve));
  await page.route(/\/en\.words\.[\w-]+\.js$/, async (route: Route) => {
    requested();
    await gate;
    await route.continue();
  });
  return { release, requested: asked };
}

test.describe('the tools in an English interface', () => {
  test.use({ locale: 'en-US' });

  test('SFMEA page: engine words switch to English after the island has hydrated; the examples stay zh-CN; CSV headings in English; axe', async ({ page }) => {
    test.setTimeout(180_000);
    const english = await holdEnglish(page);
    await openTool(page, 'sfmea');
    const tool = frame(page, 'sfmea');
    // Hydrated while the English words are still on their way: Chinese for now.
    await english.requested;
    await expect(tool.locator('[data-sfmea-table] thead')).toContainText(zh('tools.sfmea.col.failure'));
    english.release();

    await expect(page.locator('html')).toHaveAttribute('lang', 'en', { timeout: 20_000 });
    await expect(tool.locator('.tool-title')).toHaveText(en('tool.sfmea.title'));
    const head = tool.locator('[data-sfmea-table] thead th');
    await expect(head.nth(1)).toHaveText(en('tools.sfmea.col.failure'));
    await expect(head.nth(6)).toHaveText(en('tools.sfmea.col.high'));
    await expect(tool.locator('[data-sfmea] > .tool-note').first()).toHaveText(en('tools.sfmea.standardNote'));
    // A scale and its descriptors.
    const severity = tool.locator('[data-row]').first().locator('select[data-score="s"]').first();
    await expect(tool.locator(`label[for="${await severity.getAttribute('id')}"]`)).toHaveText(en('tools.sfmea.s'));
    await expect(severity.locator('option').first()).toHaveText(`1 · ${en('tools.sfmea.s.1')}`);
    await expect(severity.locator('option').last()).toHaveText(`10 · ${en('tools.sfmea.s.10')}`);

    // The example is course text: Chinese, marked zh-CN in the fields, the table, the picker and the note.
    const step = tool.locator('[data-field="step"]').first();
    await expect(step).toHaveValue(zh('tools.sfmea.hotel-checkin.h1.step'));
    await expect(step).toHaveAttribute('lang', 'zh-CN');
    await expect(tool.locator('[data-sfmea-table] [lang="zh-CN"]', { hasText: zh('tools.sfmea.hotel-checkin.h2.failure') })).toBeVisible();
    await expect(tool.locator('#tool-sfmea-preset option[lang="zh-CN"]').nth(1)).toHaveText(zh('tools.sfmea.preset.clinic-registration'));
    await expect(tool.locator('[data-tool-showing] [lang="zh-CN"]')).toHaveText(zh('tools.sfmea.preset.hotel-checkin'));
    await expect(tool.locator('[data-tool-showing]')).toHaveText(en('tool.showing.preset', { name: zh('tools.sfmea.preset.hotel-checkin') }));

    // The CSV's headings follow the interface language; its data (the example) stays as it is.
    const csv = await downloadCsv(page, 'sfmea');
    expect(csv.rows[0]?.slice(0, 4)).toEqual([en('tools.sfmea.col.rank'), en('tools.sfmea.col.step'), en('tools.sfmea.col.failure'), en('tools.sfmea.col.effect')]);
    expect(csv.rows.some((row) => row.includes(zh('tools.sfmea.hotel-checkin.h1.failure')))).toBe(true);

    expect(await axeViolations(page)).toEqual([]);
  });

  test('S01 lesson: the pain-point worksheet’s ranking note, severity words and headings in English, its example lines zh-CN; axe', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('s01.html');
    await waitForCourse(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en', { timeout: 20_000 });
    const tool = frame(page, 'painpoints');
    await tool.scrollIntoViewIfNeeded();
    await expect(tool.locator('[data-pain-map]')).toBeVisible({ timeout: 60_000 });

    await expect(tool.locator('[data-pain-map] > .tool-note')).toHaveText(en('tools.pain.rankingNote'));
    await expect(tool.locator('[data-pain-map] thead th').nth(5)).toHaveText(en('tools.pain.col.score'));
    await expect(tool.locator('[data-field="severity"]').first().locator('option').last()).toHaveText(`5 · ${en('tools.pain.severity.5')}`);
    await expect(tool.locator('[data-flag="wait"]').first().locator('xpath=..')).toContainText(en('tools.pain.flag.wait'));
    // The single example's name on its button, and its lines in the table, are zh-CN.
    await expect(tool.locator('[data-tool-preset]')).toContainText(en('tool.presetLoad'));
    await expect(tool.locator('[data-tool-preset] [lang="zh-CN"]')).toHaveText(zh('tools.pain.preset.hotel-checkin'));
    await expect(tool.locator('[data-pain-map] tbody [lang="zh-CN"]', { hasText: zh('tools.pain.hotel-checkin.h1') })).toBeVisible();

    expect(await axeViolations(page, '[data-tool-frame="painpoints"]')).toEqual([]);
  });

  test('roadmap page, switched after hydrating: phase names, title and the example’s English name; the actions zh-CN; no lang=""; axe', async ({ page }) => {
    test.setTimeout(180_000);
    const english = await holdEnglish(page);
    await openTool(page, 'roadmap');
    const tool = frame(page, 'roadmap');
    // Hydrated in Chinese first (the example's name too), then switched.
    await english.requested;
    await expect(tool.locator('[data-tool-preset]')).toContainText(zh('tool.rm.preset'));
    english.release();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en', { timeout: 20_000 });
    await expect(tool.locator('.tool-title')).toHaveText(en('tool.rm.title'));
    await expect(tool.locator('[data-phase="1"] h3, [data-phase="1"] h4').first()).toHaveText(en('tools.roadmap.phase.1'));
    await expect(tool.locator('[data-phase="4"] h3, [data-phase="4"] h4').first()).toHaveText(en('tools.roadmap.phase.4'));
    // The example's name is an interface word (English, marked en even when it was Chinese at first); its actions are course text.
    await expect(tool.locator('[data-tool-preset]')).toHaveText(en('tools.named', { what: en('tool.presetLoad'), name: en('tool.rm.preset') }));
    await expect(tool.locator('[data-tool-preset] [lang]')).toHaveAttribute('lang', 'en');
    await expect(tool.locator('[data-action] input[lang="zh-CN"]').first()).toBeVisible();
    await expect(tool.locator('button', { hasText: en('tools.roadmap.move.later') }).first()).toBeVisible();
    // No element left with an empty (unknown) language by the switch.
    await expect(tool.locator('[lang=""]')).toHaveCount(0);

    expect(await axeViolations(page)).toEqual([]);
  });
});
