/**
 * The LMS journeys of issue 3, through the local LMS preview (scorm-again in the parent window,
 * the package served from its zip under a deep path), for SCORM 1.2 and SCORM 2004.
 */
import { readFileSync } from 'node:fs';
import { axeViolations, expect, test } from './fixtures.ts';
import { anyOf, zh, zhPattern } from '../support/ui-words.ts';
import type { PackageIndexEntry } from '../../scripts/package.ts';
import { tc } from '../../src/i18n/zh-CN.catalogue.ts';
import { DIMENSION_NAMES } from '../../src/i18n/zh-CN.dimensions.ts';
import { tReport as tl } from '../../src/i18n/zh-CN.report.ts';
import { tp } from '../../src/i18n/zh-CN.preview.ts';
import { roleplayUi } from '../../src/i18n/zh-CN.roleplay.ts';
import { CODEC_VERSION } from '../../src/persistence/suspend/versions.ts';
import {
  closeCourse,
  courseFrame,
  expectedStatusAfterReading,
  hydrated,
  launch,
  newLearner,
  openLesson,
  readToEnd,
  storedCmi,
  waitForTerminate,
  type StoredCmi,
} from './lms-helpers.ts';

const TIMESPAN_12 = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
const DURATION_2004 = /^P(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/;

for (const version of ['1.2', '2004'] as const) {
  test.describe(`SCORM ${version} in the local LMS`, () => {
    test('launch → P01 to the end → P02 → close → relaunch resumes on P02 with P01 kept', async ({ page, browser, request }) => {
      const learner = newLearner(`journey${version}`);
      let frame = await launch(page, version, learner);
      await expect(frame.getByTestId('lms-mode')).toContainText(zh('lms.mode.scorm12'));
      await openLesson(frame, 'P01');
      await readToEnd(frame);
      const p01Status = await expectedStatusAfterReading(frame, 'P01');
      await frame.getByTestId('next').click();
      await expect.poll(() => frame.url()).toMatch(/p02\.html$/);
      await hydrated(frame);
      const cmi = await closeCourse(page, request, version, learner);

      // What scorm-again recorded: bookmark, statuses, exit, session time, suspend data.
      if (version === '1.2') {
        const core = cmi.core as StoredCmi;
        expect(core.lesson_location).toBe('P02');
        expect(core.lesson_status).toBe('incomplete');
        expect(core.exit).toBe('suspend');
        expect(core.session_time).toMatch(TIMESPAN_12);
        expect(core.total_time).toMatch(TIMESPAN_12);
      } else {
        expect(cmi.location).toBe('P02');
        expect(cmi.completion_status).toBe('incomplete');
        expect(cmi.success_status).toBe('unknown');
        expect(cmi.exit).toBe('suspend');
        expect(cmi.session_time).toMatch(DURATION_2004);
        const objectives = Object.values(cmi.objectives as Record<string, { id: string; completion_status: string }>);
        expect(objectives.find((o) => o.id === 'P01')?.completion_status).toBe(p01Status.source === zhPattern('status.completed').source ? 'completed' : 'incomplete');
        expect(objectives.find((o) => o.id === 'P02')?.completion_status).toMatch(/incomplete|completed/);
      }
      expect(String(cmi.suspend_data)).toMatch(new RegExp(`^S${CODEC_VERSION}\\.[A-Za-z0-9_-]+$`));

      // Relaunch in a fresh browser profile: everything must come back from the LMS alone.
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, baseURL: test.info().project.use.baseURL });
      const again = await context.newPage();
      const errors: string[] = [];
      again.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      frame = await launch(again, version, learner);
      await expect(frame.getByTestId('resume')).toContainText('P02');
      await expect(frame.getByTestId('status-P01')).toHaveText(p01Status);
      await expect(frame.getByTestId('status-P02')).toHaveText(anyOf(zhPattern('status.in-progress'), zhPattern('status.completed')));
      const entry = await again.evaluate((v) => {
        const api = (window as unknown as { preview: { api: { cmi: Record<string, unknown> } } }).preview.api;
        return v === '1.2' ? (api.cmi.core as Record<string, string>).entry : (api.cmi.entry as string);
      }, version);
      expect(entry).toBe('resume');
      expect(errors).toEqual([]);
      await context.close();
    });

    test('reloading the course frame mid-lesson loses nothing', async ({ page }) => {
      const learner = newLearner(`reload${version}`);
      let frame = await launch(page, version, learner);
      await openLesson(frame, 'P01');
      await readToEnd(frame);
      const ended = await frame.evaluate(() => localStorage.length);
      expect(ended).toBeGreaterThan(0);
      await frame.evaluate(() => location.reload());
      frame = await courseFrame(page);
      await expect.poll(() => frame.url()).toMatch(/p01\.html$/);
      await expect(frame.getByTestId('lms-mode')).toContainText(zh('lms.mode.scorm12'));
      await frame.locator('a[href="index.html"]:visible').first().click();
      await hydrated(frame);
      await expect(frame.getByTestId('status-P01')).toHaveText(await expectedStatusAfterReading(frame, 'P01'));
      await expect(frame.getByTestId('resume')).toContainText('P01');
    });

    test('commit failures: banner, learner keeps working, recovery clears it, relaunch has everything', async ({ page, browser, request }) => {
      test.setTimeout(90_000);
      const learner = newLearner(`commit${version}`);
      let frame = await launch(page, version, learner);
      await page.getByTestId('fault-commit').check();
      await openLesson(frame, 'P01');
      await readToEnd(frame);
      // First try after ~1 s, retries after 2 s and 4 s: the third failure shows the banner.
      await expect(frame.getByTestId('lms-banner')).toContainText(zh('save.lmsFailing.browserKeeps'), { timeout: 20_000 });
      await expect(frame.getByRole('status').filter({ hasText: zh('save.lmsFailing.browserKeeps') })).toBeVisible();
      // Not blocking: the learner carries on to P02.
      await frame.getByTestId('next').click();
      await expect.poll(() => frame.url()).toMatch(/p02\.html$/);
      await hydrated(frame);
      await page.getByTestId('fault-commit').uncheck();
      await expect(frame.getByTestId('lms-banner')).toBeHidden({ timeout: 30_000 });
      const stored = await storedCmi(request, version, learner);
      expect(version === '1.2' ? (stored?.core as StoredCmi).lesson_location : stored?.location).toBe('P02');
      await closeCourse(page, request, version, learner);

      const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
      frame = await launch(await context.newPage(), version, learner);
      await expect(frame.getByTestId('resume')).toContainText('P02');
      await context.close();
    });

    test('the Exit button ends the session once and says it is safe to close', async ({ page, request }) => {
      const learner = newLearner(`exit${version}`);
      const frame = await launch(page, version, learner);
      await openLesson(frame, 'P01');
      await frame.getByTestId('lms-exit').click();
      await expect(frame.getByTestId('lms-banner')).toContainText(zh('lms.exit.done'));
      await expect(frame.getByTestId('lms-exit')).toBeHidden();
      const cmi = await waitForTerminate(request, version, learner);
      expect(version === '1.2' ? (cmi.core as StoredCmi).lesson_location : cmi.location).toBe('P01');
      // Leaving the page afterwards (pagehide) must not terminate a second time.
      await page.getByTestId('close').click();
      const terminations = await page.evaluate(
        (name) => (window as unknown as { preview: { calls: { text: string }[] } }).preview.calls.filter((c) => c.text.startsWith(`${name}(`)).length,
        version === '1.2' ? 'LMSFinish' : 'Terminate',
      );
      expect(terminations).toBe(1);
    });

    test('corrupt suspend data: the course opens fresh with a notice and no console error', async ({ page, request }) => {
      const learner = newLearner(`corrupt${version}`);
      const pkg = version === '1.2' ? 'course-scorm12.zip' : 'course-scorm2004.zip';
      const record =
        version === '1.2'
          ? { core: { lesson_status: 'incomplete', lesson_location: '' }, suspend_data: 'S2.@@this-is-not-ours' }
          : { completion_status: 'incomplete', location: '', suspend_data: '{"lzw":"ÿ¿"}' };
      const put = await request.put(`api/cmi?learner=${learner}&pkg=${pkg}`, { data: record });
      expect(put.ok()).toBe(true);
      const frame = await launch(page, version, learner);
      await expect(frame.getByTestId('lms-notice')).toContainText(zh('lms.notice.corrupt'));
      await expect(frame.getByTestId('progress-text')).toHaveText(zhPattern('progress.summary', { completed: 0 }));
      // It keeps working: a lesson can be opened and the LMS gets clean data again.
      await openLesson(frame, 'P01');
      await expect(frame.getByTestId('lms-mode')).toContainText(zh('lms.mode.scorm12'));
    });
  });
}

// Issue 18 points 2 and 3: a lesson played in the preview reads in the inspector's summary card
// (the lesson's row, the decoded suspend data) and in the LMS record (the role-play in words).
for (const version of ['1.2', '2004'] as const) {
  test(`SCORM ${version}: the inspector's summary card shows the lesson played and the decoded record; the role-play is stored in words`, async ({ page, request }) => {
    test.setTimeout(180_000);
    const learner = newLearner(`summary${version}`);
    const frame = await launch(page, version, learner);
    const card = page.getByTestId('summary');
    await expect(card.getByRole('heading', { name: tp('preview.summary.title') })).toBeVisible();
    await openLesson(frame, 'P01');
    const rp = frame.locator('section.rp');
    await rp.scrollIntoViewIfNeeded();
    await expect(frame.locator('astro-island[ssr]', { has: rp })).toHaveCount(0, { timeout: 20_000 });
    await rp.getByRole('button', { name: roleplayUi['roleplay.start'] }).click();
    // The first reply on offer each time, until the conversation ends.
    for (let turn = 0; turn < 40 && !(await rp.locator('.rp-end').isVisible()); turn++) {
      await rp.locator('.rp-choice').first().click();
      await expect(rp.locator('.rp-choice').first().or(rp.locator('.rp-end'))).toBeVisible();
    }
    await expect(rp.locator('.rp-end')).toBeVisible();

    // The card: P01's row with its status and the role-play's five scores; the record decoded.
    const row = card.locator('tr[data-lesson="P01"]');
    await expect(row).toContainText(tp('preview.summary.status.in-progress'), { timeout: 30_000 });
    for (const name of Object.values(DIMENSION_NAMES)) await expect(row).toContainText(name);
    await expect(row).toContainText(new RegExp(`${tp('preview.summary.passed')}|${tp('preview.summary.failed')}`));
    await expect(card.getByTestId('suspend-decoded')).toContainText('"p01-broadband-install"');
    await expect(card.getByTestId('suspend-decoded')).toContainText('"P01"');
    expect(await axeViolations(page, '#summary')).toEqual([]);

    // What the LMS stored for the play: words, not "c1,c4,c8".
    const cmi = await closeCourse(page, request, version, learner);
    const interactions = Object.values(cmi.interactions as Record<string, Record<string, unknown>>).filter((i) => typeof i === 'object' && i !== null && 'id' in i);
    const play = interactions.find((i) => i.id === 'rp.p01_broadband_install');
    expect(play).toBeDefined();
    const response = String(version === '1.2' ? play?.student_response : play?.learner_response);
    expect(response.startsWith(tl('lms.report.total', { total: '' }).split(' ')[0] as string)).toBe(true);
    for (const name of Object.values(DIMENSION_NAMES)) expect(response).toContain(name);
    if (version === '1.2') expect(response.length).toBeLessThanOrEqual(255);
    else expect(String(play?.description)).toContain(tl('lms.report.playDescription', { title: '', outcome: '' }).split('「')[0] as string);
  });
}

// Issue 18 item 1: the launcher HR and admins see, on a phone.
test('launcher at 390 px: versions grouped under the package title, each zip downloads, the catalogue is linked; axe finds nothing', async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const index = (await (await request.get('api/packages')).json()) as PackageIndexEntry[];
  const course = index.filter((p) => p.name === 'course');
  expect(course.map((p) => p.version).sort()).toEqual(['1.2', '2004']);
  await page.goto('./');
  const card = page.getByRole('article', { name: course[0]?.title, exact: true });
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(course[0]?.title as string);
  // One card, both versions: a list item per zip, each with its launch link.
  await expect(card.getByRole('listitem')).toHaveCount(2);
  for (const entry of course) await expect(card.getByRole('listitem').filter({ has: page.getByTestId(`launch-${entry.file}`) })).toBeVisible();

  const zip = course.find((p) => p.version === '2004') as PackageIndexEntry;
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId(`download-${zip.file}`).click()]);
  expect(download.suggestedFilename()).toBe(zip.file);
  const bytes = readFileSync(await download.path());
  expect(bytes.length).toBe(zip.bytes);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
  expect(await scrollWidth()).toBeLessThanOrEqual(390);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('link', { name: tc('launcher.catalogue') }).click();
  await expect(page.getByRole('heading', { level: 2, name: course[0]?.title, exact: true })).toBeVisible();
  expect(await scrollWidth()).toBeLessThanOrEqual(390);
  // Every package section repeats the same markup: the slow contrast rule on one of them, the rest on the whole page.
  expect(await axeViolations(page, undefined, { skipRules: ['color-contrast'] })).toEqual([]);
  expect(await axeViolations(page, `#pkg-${index.at(-1)?.name}`)).toEqual([]);
});
