/**
 * The same launch/resume journey against LMSs that behave like real ones do (scripts/preview/
 * client/quirks.js): strict spec limits, no interactions support, a Commit that keeps nothing,
 * multi-second synchronous calls. Each passes or degrades as designed and says so.
 */
import { expect, test } from './fixtures.ts';
import { zh } from '../support/ui-words.ts';
import { closeCourse, expectedStatusAfterReading, hydrated, launch, newLearner, openLesson, readToEnd, storedCmi, type StoredCmi } from './lms-helpers.ts';

const PROFILES = ['strict', 'no-interactions-count', 'commit-keeps-nothing', 'slow'] as const;

for (const version of ['1.2', '2004'] as const) {
  for (const profile of PROFILES) {
    test(`SCORM ${version} · ${profile}: launch → P01 → P02 → close → relaunch`, async ({ page, request }) => {
      test.setTimeout(profile === 'slow' ? 120_000 : 60_000);
      const learner = newLearner(`${profile}${version}`);
      let frame = await launch(page, version, learner, profile);
      if (profile === 'no-interactions-count') await expect(frame.getByTestId('lms-interactions-off')).toBeVisible();
      await openLesson(frame, 'P01');
      await readToEnd(frame);
      const p01Status = await expectedStatusAfterReading(frame, 'P01');
      await frame.getByTestId('next').click();
      // Navigation within the LMS frame: as long as the journeys allow (tests/support/journey.ts `settled`).
      // That a click never waits on a slow LMS (no call per click, one per commit task) is measured
      // by `npm run bench` (bench/slow-lms.ts), not timed here.
      await expect.poll(() => frame.url(), { timeout: 30_000 }).toMatch(/p02\.html$/);
      await hydrated(frame);

      if (profile === 'commit-keeps-nothing') {
        await page.getByTestId('close').click();
        await expect(page.getByTestId('closed')).toBeVisible();
        expect(await storedCmi(request, version, learner)).toBeNull(); // the LMS kept nothing
      } else {
        const cmi = await closeCourse(page, request, version, learner);
        expect(version === '1.2' ? (cmi.core as StoredCmi).lesson_location : cmi.location).toBe('P02');
        const failed = await page.evaluate(() =>
          (window as unknown as { preview: { calls: { text: string; fail: boolean }[] } }).preview.calls.filter((c) => c.fail && !c.text.includes('interactions')).map((c) => c.text),
        );
        expect(failed, 'no call refused by the LMS').toEqual([]);
      }

      // Relaunch (same browser: the keeps-nothing LMS relies on the browser copy, by design).
      await page.getByTestId('relaunch').click();
      frame = await launch(page, version, learner, profile);
      await expect(frame.getByTestId('resume')).toContainText('P02');
      await expect(frame.getByTestId('status-P01')).toHaveText(p01Status);
      if (profile === 'commit-keeps-nothing') await expect(frame.getByTestId('lms-notice')).toContainText(zh('lms.notice.recovered'));
    });
  }
}
