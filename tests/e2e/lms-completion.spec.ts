/**
 * Completion journeys (issue 10): every package kind — the whole course, a part, a role path and
 * a custom `--lessons` package — in both SCORM versions, through the local LMS preview. After
 * the launch the learner only clicks visible links and buttons (no page.goto): start button,
 * each lesson's role-play and knowledge check (answers from the YAML), read to the end, next or
 * the course map, the assessment from its card. Then the test asserts what the LMS stored.
 * One journey per kind and version, on the smallest package of the kind (plus one whole course
 * per version), and a failing journey: the assessment failed on every attempt is failed, never passed.
 */
import { readdirSync } from 'node:fs';
import type { APIRequestContext, Frame, Page } from '@playwright/test';
import type { PackageIndexEntry } from '../../scripts/package.ts';
import { completeLesson, completePackage, packageLessons, settled } from '../support/journey.ts';
import { zh, zhPattern } from '../support/ui-words.ts';
import { expect, test } from './fixtures.ts';
import { courseFrame, newLearner, type StoredCmi, type Version } from './lms-helpers.ts';

/** The custom package the preview server builds for this suite (playwright.config.ts). */
export const CUSTOM_PACKAGE = 'custom-p01-p03';

async function packages(request: APIRequestContext): Promise<PackageIndexEntry[]> {
  return (await (await request.get('api/packages')).json()) as PackageIndexEntry[];
}

type Kind = 'whole course' | 'part' | 'role path' | 'custom';

/** The role paths (content/paths/<id>.yaml): parts such as `intro` or `attitude` are not role paths, whatever their name. */
const ROLE_PATHS = new Set(readdirSync(new URL('../../content/paths/', import.meta.url)).map((f) => f.replace(/\.ya?ml$/, '')));

/** The package of a kind for a version: the course, the custom one, or the smallest part / role path. */
function pick(all: PackageIndexEntry[], kind: Kind, version: Version): PackageIndexEntry {
  const mine = all.filter((p) => p.version === version);
  const smallest = (list: PackageIndexEntry[]) => [...list].sort((a, b) => a.lessons.length - b.lessons.length || a.name.localeCompare(b.name))[0];
  const found =
    kind === 'whole course'
      ? mine.find((p) => p.name === 'course')
      : kind === 'custom'
        ? mine.find((p) => p.name === CUSTOM_PACKAGE)
        : kind === 'part'
          ? smallest(mine.filter((p) => /^part\d+$/.test(p.name) && p.assessment))
          : smallest(mine.filter((p) => ROLE_PATHS.has(p.name)));
  if (!found) throw new Error(`no ${kind} package for SCORM ${version} in the preview (have ${mine.map((p) => p.name).join(', ')})`);
  return found;
}

export async function launchPackage(page: Page, entry: PackageIndexEntry, learner: string, options: { name?: string; profile?: string } = {}): Promise<Frame> {
  const name = options.name ? `&name=${encodeURIComponent(options.name)}` : '';
  await page.goto(`player.html?pkg=${entry.file}&learner=${learner}&profile=${options.profile ?? 'clean'}${name}`);
  return courseFrame(page);
}

/** A learner name as an LMS may send it, with markup that must show as text on the certificate. */
const HOSTILE_NAME = '王<b>小</b>明 <img src=x onerror="window.pwned=1">';

async function stored(request: APIRequestContext, entry: PackageIndexEntry, learner: string): Promise<StoredCmi> {
  return (await (await request.get(`api/cmi?learner=${learner}&pkg=${entry.file}`)).json()) as StoredCmi;
}

/** Closes the course as an LMS closes its window and waits for the terminate commit. */
async function closeAndRead(page: Page, request: APIRequestContext, entry: PackageIndexEntry, learner: string): Promise<StoredCmi> {
  await page.getByTestId('close').click();
  await expect(page.getByTestId('closed')).toBeVisible();
  let cmi: StoredCmi = {};
  await expect
    .poll(async () => {
      cmi = await stored(request, entry, learner);
      const session = entry.version === '1.2' ? (cmi?.core as StoredCmi | undefined)?.session_time : cmi?.session_time;
      return typeof session === 'string' && session !== '' && session !== '00:00:00' && session !== 'PT0H0M0S';
    }, { timeout: 20_000 })
    .toBe(true);
  return cmi;
}

const list = (value: unknown): StoredCmi[] => {
  if (Array.isArray(value)) return value as StoredCmi[];
  const record = (value ?? {}) as StoredCmi;
  return (Array.isArray(record.childArray) ? record.childArray : Object.values(record).filter((v) => typeof v === 'object' && v !== null)) as StoredCmi[];
};

const KINDS: Kind[] = ['whole course', 'part', 'role path', 'custom'];

for (const version of ['1.2', '2004'] as const) {
  test.describe(`SCORM ${version}: every package completes by clicking alone`, () => {
    for (const kind of KINDS) {
      test(`${kind}: launch → every lesson → ${kind === 'whole course' || kind === 'part' ? 'assessment passed' : 'done'} → the LMS stores completed and passed`, async ({ page, request }) => {
        // Generous: a shared CI machine can be slow; nothing here is a speed assertion.
        test.setTimeout(kind === 'whole course' ? 3_600_000 : 1_800_000);
        const entry = pick(await packages(request), kind, version);
        const learner = newLearner(`done-${entry.name}-${version}`);
        const frame = await launchPackage(page, entry, learner, { name: HOSTILE_NAME });
        expect((await packageLessons(frame)).map((l) => l.id)).toEqual(entry.lessons.map((l) => l.id));
        // No certificate before it is earned.
        await expect(frame.getByTestId('certificate-link')).toBeHidden();
        if (entry.assessment) {
          // Locked until every lesson is done, and says so.
          const card = frame.locator(`main [data-assessment-card="${entry.assessment}"]`);
          await expect(card).toHaveAttribute('data-state', 'locked');
          await expect(card).toHaveText(zhPattern('assessment.locked', { count: entry.lessons.length }));
        }

        await completePackage(frame, { assessment: entry.assessment ?? undefined, passAssessment: true });
        if (entry.assessment) await expect(frame.locator('.quiz-score')).toHaveText(zhPattern('quiz.passed'));
        // Home again by clicking: the map says every lesson is completed.
        await frame.locator('a.brand').click();
        await settled(frame, /index\.html$/);
        await expect(frame.getByTestId('progress-text')).toHaveText(zh('progress.summary', { completed: entry.lessons.length, total: entry.lessons.length }));
        if (entry.assessment) await expect(frame.locator(`main [data-assessment-card="${entry.assessment}"]`)).toHaveAttribute('data-state', 'passed');

        // Earned: the certificate, reached from the home page by clicking.
        await frame.getByTestId('certificate-link').click();
        await settled(frame, /certificate\.html$/);
        const certificate = frame.getByTestId('certificate');
        await expect(certificate).toBeVisible();
        await expect(frame.getByTestId('certificate-name')).toHaveText(HOSTILE_NAME);
        await expect(frame.getByTestId('certificate-name').locator('img, b')).toHaveCount(0);
        expect(await frame.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
        await expect(certificate).toContainText(entry.title);
        await expect(certificate).toContainText(zh('cert.lessonCount', { completed: entry.lessons.length, total: entry.lessons.length }));
        for (const lesson of entry.lessons) await expect(certificate).toContainText(lesson.title);
        await expect(frame.getByTestId('certificate-score')).toHaveText(/^\d+$/);
        await expect(certificate.locator('[data-cert-shape]')).toHaveAttribute('data-values', /^\d+(,\d+){4}$/);
        if (kind === 'custom' && version === '2004') {
          for (const width of [1366, 390]) {
            await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
            await page.locator('#sco').screenshot({ path: test.info().outputPath(`certificate-${width}.png`) });
            await certificate.screenshot({ path: test.info().outputPath(`certificate-card-${width}.png`) });
          }
          await page.setViewportSize({ width: 1400, height: 900 });
        }
        // Printed on A4 (794 × 1123 CSS px, 12 mm margins): header and buttons gone, one page tall.
        await page.setViewportSize({ width: 794, height: 1123 });
        await page.emulateMedia({ media: 'print' });
        await expect(frame.locator('.site-header')).toBeHidden();
        await expect(frame.locator('[data-cert-print]')).toBeHidden();
        expect(await certificate.evaluate((e) => e.getBoundingClientRect().height)).toBeLessThanOrEqual(1123 - 2 * 46);
        await page.emulateMedia({ media: 'screen' });
        await page.setViewportSize({ width: 1400, height: 900 });

        const cmi = await closeAndRead(page, request, entry, learner);
        const interactions = list(cmi.interactions);
        expect(interactions.length, 'one interaction per answered question and finished role-play').toBeGreaterThanOrEqual(entry.lessons.length * 2);
        if (version === '1.2') {
          const core = cmi.core as StoredCmi;
          expect(core.lesson_status).toBe('passed');
          expect(Number((core.score as StoredCmi).raw)).toBeGreaterThanOrEqual(entry.masteryScore);
          expect(core.exit).toBe('');
        } else {
          expect(cmi.completion_status).toBe('completed');
          expect(cmi.success_status).toBe('passed');
          expect(Number((cmi.score as StoredCmi).scaled)).toBeGreaterThanOrEqual(entry.masteryScore / 100);
          const objectives = list(cmi.objectives);
          expect(objectives.map((o) => o.id).sort()).toEqual(entry.lessons.map((l) => l.id).sort());
          for (const o of objectives) expect(o.completion_status, `objective ${String(o.id)}`).toBe('completed');
          expect(cmi.exit).toBe('normal');
        }
      });
    }
  });
}

// One version in the browser: the 2004 record is the richer one (success failed, completion incomplete).
// SCORM 1.2's mapping of the same state to lesson_status "failed" is a unit test (tests/unit/lms-summary.test.ts).
for (const version of ['2004'] as const) {
  test(`SCORM ${version} failing journey: the assessment failed on every attempt is failed in the LMS, never passed`, async ({ page, request }) => {
    test.setTimeout(1_800_000);
    const entry = pick(await packages(request), 'part', version);
    const learner = newLearner(`fail-${entry.name}-${version}`);
    const frame = await launchPackage(page, entry, learner);
    const attempts = Number(await frame.locator(`main [data-assessment-card="${entry.assessment}"]`).getAttribute('data-attempts'));
    expect(attempts, 'the part assessment allows a fixed number of attempts').toBeGreaterThan(0);
    await completePackage(frame, { assessment: entry.assessment ?? undefined, passAssessment: false, attempts });
    await expect(frame.locator('.quiz-score')).toHaveText(zhPattern('quiz.failed'));
    await expect(frame.getByRole('button', { name: new RegExp(zh('quiz.retry').replace(/[()]/g, '\\$&')) })).toHaveCount(0);
    await frame.locator('a.brand').click();
    await settled(frame, /index\.html$/);
    await expect(frame.locator(`main [data-assessment-card="${entry.assessment}"]`)).toHaveAttribute('data-state', 'failed');
    await expect(frame.locator(`main [data-assessment-card="${entry.assessment}"]`)).toHaveText(zhPattern('assessment.failedOut'));
    const cmi = await closeAndRead(page, request, entry, learner);
    expect(cmi.success_status).toBe('failed');
    expect(cmi.completion_status).toBe('incomplete');
  });
}

test('pass and complete agree: a lesson done with its check failed says so on the page, the map and in the LMS', async ({ page, request }) => {
  test.setTimeout(600_000);
  const entry = pick(await packages(request), 'custom', '2004');
  const learner = newLearner(`agree-${entry.name}`);
  const frame = await launchPackage(page, entry, learner);
  const [first] = await packageLessons(frame);
  if (!first?.quiz) throw new Error('the custom package needs a first lesson with a knowledge check');
  await frame.getByTestId('resume').locator('[data-resume-link]').click();
  await settled(frame, new RegExp(`${first.href}$`));
  await completeLesson(frame, first, { quizRight: false });
  await expect(frame.getByTestId('lesson-end').getByRole('status')).toHaveText(`✓ ${zh('lesson.completedFailed')}`);
  await frame.locator('a.brand').click();
  await settled(frame, /index\.html$/);
  const badge = frame.getByTestId(`status-${first.id}`);
  await expect(badge).toContainText(zh('status.completedFailed'));
  await expect(badge).toContainText(zhPattern('status.best'));
  const cmi = await closeAndRead(page, request, entry, learner);
  const objective = list(cmi.objectives).find((o) => o.id === first.id);
  expect(objective?.completion_status).toBe('completed');
  expect(objective?.success_status).toBe('failed');
});
