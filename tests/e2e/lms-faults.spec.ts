/**
 * The fault matrix, browser half (issue 9): the faults only a browser can show — two windows on
 * one learner, a course frame whose localStorage throws, the network dropping between commits,
 * and closing the window while a slow LMS is still busy, and the inspector's
 * sample injection — one journey each, in both SCORM versions, through the preview's
 * own switches (so a person can repeat each in `npm start`). The Node half, with every other
 * case, is tests/unit/lms-faults.test.ts; README "Never lose a learner's work" lists both.
 */
import type { Frame, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { zh } from '../support/ui-words.ts';
import { closeCourse, courseFrame, expectedStatusAfterReading, hydrated, launch, newLearner, openLesson, readToEnd, storedCmi, waitForTerminate, type StoredCmi, type Version } from './lms-helpers.ts';
import { CODEC_VERSION } from '../../src/persistence/suspend/versions.ts';

/** The lesson of the stored bookmark (the bookmark may also carry the section: `P01#roleplay`). */
const location = (cmi: StoredCmi | null, version: Version) =>
  String((version === '1.2' ? (cmi?.core as StoredCmi | undefined)?.lesson_location : cmi?.location) ?? '').split('#')[0];

/** Relaunches in a fresh browser profile (no mirror): only what the LMS kept can come back. */
async function relaunchFresh(page: Page, version: Version, learner: string, profile = 'clean'): Promise<Frame> {
  const context = await page.context().browser()!.newContext({ viewport: { width: 1400, height: 900 }, baseURL: test.info().project.use.baseURL });
  return launch(await context.newPage(), version, learner, profile);
}

for (const version of ['1.2', '2004'] as const) {
  test.describe(`SCORM ${version} faults in the local LMS`, () => {
    // Two launches and a relaunch per case: more than the default minute on a busy machine.
    test.describe.configure({ timeout: 150_000 });
    test('two windows on one learner: the one closed last keeps the other’s finished lesson', async ({ page, request }) => {
      const learner = newLearner(`tabs${version}`);
      // Window B opens first, on the old (empty) state.
      const b = await page.context().newPage();
      const frameB = await launch(b, version, learner);
      // Window A reads P01 to its end and is closed.
      const frameA = await launch(page, version, learner);
      await openLesson(frameA, 'P01');
      await readToEnd(frameA);
      const p01Status = await expectedStatusAfterReading(frameA, 'P01');
      // Not closeCourse: window B merges A's progress from the browser copy and commits it, which
      // may overwrite A's terminate record (and its session time) in the store at any moment —
      // that is the behaviour under test. Wait instead until the store holds A's final state.
      await page.getByTestId('close').click();
      await expect(page.getByTestId('closed')).toBeVisible();
      const finalA = await page.evaluate(() => (window as unknown as { preview: { stored: { suspend_data: string } } }).preview.stored.suspend_data);
      expect(finalA).toMatch(new RegExp(`^S${CODEC_VERSION}\\.`));
      await expect.poll(async () => (await storedCmi(request, version, learner))?.suspend_data, { timeout: 60_000 }).toBe(finalA);
      // B, still on the old state, opens P02 and is closed last.
      await openLesson(frameB, 'P02');
      await b.getByTestId('close').click();
      await expect(b.getByTestId('closed')).toBeVisible();
      await expect.poll(async () => location(await storedCmi(request, version, learner), version), { timeout: 60_000 }).toBe('P02');
      const frame = await relaunchFresh(page, version, learner);
      await expect(frame.getByTestId('status-P01')).toHaveText(p01Status);
      await expect(frame.getByTestId('resume')).toContainText('P02');
    });

    test('localStorage throws in the course frame: the LMS still gets everything and nothing claims a browser copy', async ({ page, request }) => {
      const learner = newLearner(`storage${version}`);
      await launch(page, version, learner);
      await page.getByTestId('fault-storage').check();
      await page.getByTestId('relaunch').click();
      const frame = await launch(page, version, learner);
      expect(await frame.evaluate(() => {
        try {
          localStorage.setItem('probe', '1');
          return 'stored';
        } catch {
          return 'threw';
        }
      })).toBe('threw');
      await openLesson(frame, 'P01');
      await readToEnd(frame);
      const p01Status = await expectedStatusAfterReading(frame, 'P01');
      await expect(frame.getByTestId('lms-banner')).toBeHidden();
      await closeCourse(page, request, version, learner);
      await page.getByTestId('fault-storage').uncheck();
      const again = await relaunchFresh(page, version, learner);
      await expect(again.getByTestId('status-P01')).toHaveText(p01Status);
    });

    test('offline between commits: the learner is told, and once back online the LMS has it all', async ({ page, request }) => {
      const learner = newLearner(`offline${version}`);
      const frame = await launch(page, version, learner);
      await page.getByTestId('fault-offline').check();
      await openLesson(frame, 'P01');
      await readToEnd(frame);
      const p01Status = await expectedStatusAfterReading(frame, 'P01');
      await expect(frame.getByTestId('lms-banner')).toContainText(zh('save.lmsFailing.browserKeeps'), { timeout: 30_000 });
      expect(location(await storedCmi(request, version, learner), version)).not.toBe('P01');
      await page.getByTestId('fault-offline').uncheck();
      await expect(frame.getByTestId('lms-banner')).toBeHidden({ timeout: 40_000 });
      expect(location(await storedCmi(request, version, learner), version)).toBe('P01');
      await closeCourse(page, request, version, learner);
      const again = await relaunchFresh(page, version, learner);
      await expect(again.getByTestId('status-P01')).toHaveText(p01Status);
    });

    test('a slow LMS: closing the window right after finishing a lesson loses nothing', async ({ page, request }) => {
      const learner = newLearner(`slowclose${version}`);
      const frame = await launch(page, version, learner, 'slow');
      await openLesson(frame, 'P01');
      await readToEnd(frame);
      const p01Status = await expectedStatusAfterReading(frame, 'P01');
      await page.getByTestId('close').click(); // no waiting for a commit
      await expect(page.getByTestId('closed')).toBeVisible();
      await waitForTerminate(request, version, learner);
      const again = await relaunchFresh(page, version, learner);
      await expect(again.getByTestId('status-P01')).toHaveText(p01Status);
    });

    test('the inspector injects garbage suspend data: a fresh browser opens on the bookmark, this one recovers from its copy; each says so', async ({ page, request }) => {
      const learner = newLearner(`inject${version}`);
      let frame = await launch(page, version, learner);
      await openLesson(frame, 'P01');
      await closeCourse(page, request, version, learner);
      await page.getByTestId('inject-garbage').click();
      await expect.poll(async () => (await storedCmi(request, version, learner))?.suspend_data, { timeout: 60_000 }).toBe('S3.%%garbage%%');
      // A fresh browser has only the LMS's record: it opens on the bookmark and says the record was unreadable.
      const fresh = await relaunchFresh(page, version, learner);
      await expect(fresh.getByTestId('lms-notice')).toContainText(zh('lms.notice.corrupt'));
      await expect(fresh.getByTestId('resume')).toContainText('P01');
      // This browser still has its copy: it recovers from it, and says so.
      await page.getByTestId('relaunch').click();
      frame = await courseFrame(page);
      await expect(frame.getByTestId('lms-notice')).toContainText(zh('lms.notice.recovered'));
    });
  });
}
