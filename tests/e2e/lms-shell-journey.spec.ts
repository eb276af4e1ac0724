/**
 * Issue 10 items 1, 4, 5 and 6 in the local LMS preview, by clicking: the assessment's lock
 * card, resuming at the spot left, exit that really exits with header words and dot that agree,
 * and a recovery notice that covers no reply button on a phone.
 */
import type { APIRequestContext, Frame, Page } from '@playwright/test';
import type { PackageIndexEntry } from '../../scripts/package.ts';
import { settled } from '../support/journey.ts';
import { zh, zhPattern } from '../support/ui-words.ts';
import { expect, test } from './fixtures.ts';
import { courseFrame, newLearner, type StoredCmi } from './lms-helpers.ts';

async function entryOf(request: APIRequestContext, name: string, version: '1.2' | '2004'): Promise<PackageIndexEntry> {
  const all = (await (await request.get('api/packages')).json()) as PackageIndexEntry[];
  const found = all.find((p) => p.name === name && p.version === version);
  if (!found) throw new Error(`no package ${name} ${version} in the preview`);
  return found;
}

async function launch(page: Page, entry: PackageIndexEntry, learner: string, profile = 'clean'): Promise<Frame> {
  await page.goto(`player.html?pkg=${entry.file}&learner=${learner}&profile=${profile}`);
  return courseFrame(page);
}

async function close(page: Page): Promise<void> {
  await page.getByTestId('close').click();
  await expect(page.getByTestId('closed')).toBeVisible();
}

const shot = (page: Page, name: string) => page.locator('#sco').screenshot({ path: test.info().outputPath(`${name}.png`) });

test('the whole course shows its assessment locked on the home page and in the table of contents, (assessment.locked)', async ({ page, request }) => {
  test.setTimeout(180_000);
  const entry = await entryOf(request, 'course', '2004');
  const frame = await launch(page, entry, newLearner('lock'));
  const card = frame.getByTestId('assessment-card-home-course-assessment');
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-state', 'locked');
  await expect(card).toContainText(zh('assessment.locked', { count: entry.lessons.length, done: 0 }));
  // Locked means no link to follow yet.
  await expect(card.locator('[data-assessment-link]')).not.toHaveAttribute('href');
  await expect(card.locator('[data-assessment-link]')).toHaveAttribute('aria-disabled', 'true');
  await frame.getByTestId('toc-open').click();
  await expect(frame.getByTestId('toc-assessment-course-assessment')).toHaveText(zhPattern('assessment.locked'));
  await frame.locator('[data-toc-close]').click();
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await card.scrollIntoViewIfNeeded();
    await shot(page, `lock-card-${width}`);
  }
});

for (const version of ['1.2', '2004'] as const) {
  test(`SCORM ${version}: relaunch offers to continue where the learner left off (resume.spotTitle) and one click lands on the section left`, async ({ page, request }) => {
    test.setTimeout(180_000);
    const entry = await entryOf(request, 'custom-p01-p03', version);
    const learner = newLearner(`spot${version}`);
    let frame = await launch(page, entry, learner);
    await frame.getByTestId('resume').locator('[data-resume-link]').click();
    await settled(frame, /p01\.html$/);
    // Read down to the third section heading of the lesson, about half way.
    const heading = frame.locator('.lesson-body h2[id]').nth(2);
    const id = (await heading.getAttribute('id')) as string;
    await heading.evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await frame.evaluate(() => scrollBy(0, 40));
    const bookmark = `P01#${id}`;
    await expect
      .poll(async () => {
        const cmi = (await (await request.get(`api/cmi?learner=${learner}&pkg=${entry.file}`)).json()) as StoredCmi | null;
        return version === '1.2' ? (cmi?.core as StoredCmi | undefined)?.lesson_location : cmi?.location;
      }, { timeout: 30_000 })
      .toBe(bookmark);
    await close(page);

    frame = await launch(page, entry, learner);
    const resume = frame.getByTestId('resume');
    await expect(resume).toContainText(zh('resume.spotTitle'));
    await expect(resume).toContainText('P01');
    if (version === '2004') {
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await shot(page, `resume-prompt-${width}`);
      }
      await page.setViewportSize({ width: 1400, height: 900 });
    }
    await resume.locator('[data-resume-link]').click();
    await settled(frame, /p01\.html/);
    // Landed on that section: its heading sits at the top of the view, below the sticky header.
    await expect
      .poll(() => frame.locator(`[id="${id}"]`).evaluate((h) => Math.round(h.getBoundingClientRect().top)), { timeout: 10_000 })
      .toBeLessThan(200);
    expect(await frame.locator(`[id="${id}"]`).evaluate((h) => h.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
  });
}

test('exit means exit: a final screen, nothing behind it works, and the header says exited', async ({ page, request }) => {
  const entry = await entryOf(request, 'custom-p01-p03', '1.2');
  const frame = await launch(page, entry, newLearner('exit'));
  const mode = frame.getByTestId('lms-mode');
  await expect(mode).toContainText(zh('lms.mode.scorm12'));
  await expect(mode.locator('.lms-dot')).toHaveAttribute('data-state', 'ok');
  await frame.getByTestId('lms-exit').click();
  const final = frame.getByTestId('lms-final');
  await expect(final).toBeVisible();
  await expect(final).toContainText(zh('lms.final.title'));
  await expect(final.getByRole('heading')).toBeFocused();
  await expect(mode).toContainText(zh('lms.mode.exited'));
  await expect(mode.locator('.lms-dot')).toHaveAttribute('data-state', 'off');
  // The course behind the final screen is inert: its links and buttons cannot be used.
  expect(await frame.evaluate(() => ['.site-header', 'main', '.site-footer'].every((s) => (document.querySelector(s) as HTMLElement).inert))).toBe(true);
  // And the final screen is what any click lands on.
  expect(await frame.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest('[data-lms-final]') !== null)).toBe(true);
});

test('saving failed: the header words and dot say so, and come back when saving works again', async ({ page, request }) => {
  test.setTimeout(120_000);
  const entry = await entryOf(request, 'custom-p01-p03', '2004');
  const frame = await launch(page, entry, newLearner('failing'));
  await page.getByTestId('fault-commit').check();
  await frame.getByTestId('resume').locator('[data-resume-link]').click();
  await settled(frame, /p01\.html$/);
  const mode = frame.getByTestId('lms-mode');
  await expect(mode.locator('.lms-dot')).toHaveAttribute('data-state', 'failing', { timeout: 30_000 });
  await expect(mode).toContainText(zh('lms.mode.failing'));
  await page.getByTestId('fault-commit').uncheck();
  await expect(mode.locator('.lms-dot')).toHaveAttribute('data-state', 'ok', { timeout: 40_000 });
  await expect(mode).toContainText(zh('lms.mode.scorm12'));
});

test('on a 390 px phone the recovery notice covers no reply button, and Escape dismisses it', async ({ page, request }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const entry = await entryOf(request, 'custom-p01-p03', '2004');
  const learner = newLearner('notice');
  // An LMS that keeps nothing: the next launch recovers the progress from this browser.
  let frame = await launch(page, entry, learner, 'commit-keeps-nothing');
  await frame.getByTestId('resume').locator('[data-resume-link]').click();
  await settled(frame, /p01\.html$/);
  await close(page);
  frame = await launch(page, entry, learner, 'commit-keeps-nothing');
  const notice = frame.getByTestId('lms-notice');
  await expect(notice).toContainText(zh('lms.notice.recovered'));
  await frame.getByTestId('resume').locator('[data-resume-link]').click();
  await settled(frame, /p01\.html/);
  await expect(notice).toBeVisible();
  const rp = frame.locator('section.rp');
  await rp.scrollIntoViewIfNeeded();
  await expect(frame.locator('astro-island[ssr]', { has: rp })).toHaveCount(0, { timeout: 20_000 });
  await rp.locator('button', { hasText: zh('roleplay.start') }).click();
  const choices = rp.locator('.rp-choice');
  await expect(choices.first()).toBeVisible();
  const overlaps = () =>
    frame.evaluate(() => {
      const n = document.querySelector('[data-lms-notice]')?.getBoundingClientRect();
      if (!n || n.height === 0) return ['notice not rendered'];
      return [...document.querySelectorAll<HTMLElement>('.rp-choice, button, a[href]')]
        .filter((el) => !el.closest('[data-lms-notice]') && el.offsetParent !== null)
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.left < n.right && r.right > n.left && r.top < n.bottom && r.bottom > n.top;
        })
        .map((el) => el.textContent?.trim().slice(0, 30) ?? el.tagName);
    });
  // Reply buttons at the bottom of the screen, then at the top: never under the notice.
  for (const block of ['end', 'start', 'center'] as const) {
    await choices.first().evaluate((el, b) => el.scrollIntoView({ block: b }), block);
    expect(await overlaps(), `controls under the notice (reply buttons at the ${block})`).toEqual([]);
  }
  await page.keyboard.press('Escape');
  await expect(notice).toBeHidden();
});
