/**
 * Learner preferences from the LMS (issue 18 point 4): an LMS that asks for slower delivery
 * (SCORM 1.2 student_preference.speed < 0, 2004 learner_preference.delivery_speed < 1; the
 * preview sets them with `&slower=1`) gets the role-play's extended reply time by default, and
 * the learner's own choice wins after that.
 */
import { tr } from '../../src/i18n/zh-CN.roleplay.ts';
import { expect, test } from './fixtures.ts';
import { courseFrame, newLearner, openLesson, packageFile } from './lms-helpers.ts';

for (const version of ['1.2', '2004'] as const) {
  test(`SCORM ${version}: slower delivery set by the LMS → the extended reply time is the default, and says why`, async ({ page }) => {
    test.setTimeout(120_000);
    const learner = newLearner(`slower${version}`);
    await page.goto(`player.html?pkg=${packageFile(version)}&learner=${learner}&profile=clean&slower=1`);
    const frame = await courseFrame(page);
    await openLesson(frame, 'P01');
    const rolePlay = frame.locator('section.rp');
    await rolePlay.scrollIntoViewIfNeeded();
    const timing = rolePlay.locator('fieldset.rp-timing');
    const extended = timing.getByRole('radio', { name: tr('roleplay.timing.extended') });
    await expect(extended).toBeChecked({ timeout: 20_000 });
    await expect(timing).toContainText(tr('roleplay.timingFromLms'));
    // The learner's choice wins, and the note goes.
    await timing.getByRole('radio', { name: tr('roleplay.timing.standard') }).check();
    await expect(timing.getByRole('radio', { name: tr('roleplay.timing.standard') })).toBeChecked();
    await expect(timing).not.toContainText(tr('roleplay.timingFromLms'));
  });
}

test('an LMS that sets no preference: the standard reply time, no note', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`player.html?pkg=${packageFile('2004')}&learner=${newLearner('noprefs')}&profile=clean`);
  const frame = await courseFrame(page);
  await openLesson(frame, 'P01');
  const timing = frame.locator('section.rp fieldset.rp-timing');
  await timing.scrollIntoViewIfNeeded();
  await expect(timing.getByRole('radio', { name: tr('roleplay.timing.standard') })).toBeChecked({ timeout: 20_000 });
  await expect(timing).not.toContainText(tr('roleplay.timingFromLms'));
});
