import type { APIRequestContext, Frame, Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { zhPattern } from '../support/ui-words.ts';

export type Version = '1.2' | '2004';
export const packageFile = (version: Version) => (version === '1.2' ? 'course-scorm12.zip' : 'course-scorm2004.zip');

let counter = 0;
/** A learner id nobody else uses, so tests never share LMS records. */
export function newLearner(tag: string): string {
  counter++;
  return `e2e-${tag}-${process.pid}-${Date.now().toString(36)}-${counter}`.replace(/[^\w.@-]/g, '-').slice(0, 64); // scripts/preview/client/ids.js
}

/** Opens the preview's player on a package; returns the course frame once it has hydrated. */
export async function launch(page: Page, version: Version, learner: string, profile = 'clean'): Promise<Frame> {
  await page.goto(`player.html?pkg=${packageFile(version)}&learner=${learner}&profile=${profile}`);
  return courseFrame(page);
}

export async function courseFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect.poll(() => (frame = page.frames().find((f) => f.url().includes('/content/'))) !== undefined, { timeout: 30_000 }).toBe(true);
  await hydrated(frame as Frame);
  return frame as Frame;
}

/** Waits until the islands have hydrated and the LMS connection has settled. */
export async function hydrated(frame: Frame): Promise<void> {
  await frame.waitForFunction(() => document.querySelectorAll('astro-island[client="load"][ssr]').length === 0 && document.querySelector('[data-lms-kind]:not([data-lms-kind="connecting"])') !== null, undefined, { timeout: 30_000 });
}

export async function openLesson(frame: Frame, id: string): Promise<void> {
  await frame.locator(`main a[href="${id.toLowerCase()}.html"]:visible`).first().click();
  await expect.poll(() => frame.url()).toMatch(new RegExp(`${id.toLowerCase()}\\.html$`));
  await hydrated(frame);
}

/** Reads a lesson to its end marker. */
export async function readToEnd(frame: Frame): Promise<void> {
  const end = frame.getByTestId('lesson-end');
  await end.scrollIntoViewIfNeeded();
  await expect(end.getByRole('status')).not.toBeEmpty();
}

/** The lesson status the course map should show for a lesson read to the end (activities may remain). */
export async function expectedStatusAfterReading(frame: Frame, id: string): Promise<RegExp> {
  const hasActivities = await frame.evaluate((lessonId) => {
    const data = JSON.parse(document.getElementById('course-data')?.textContent ?? '{}') as { lessons: { id: string; quiz?: string; scenario?: string }[] };
    const lesson = data.lessons.find((l) => l.id === lessonId);
    return Boolean(lesson?.quiz || lesson?.scenario);
  }, id);
  return zhPattern(hasActivities ? 'status.in-progress' : 'status.completed');
}

export interface StoredCmi {
  [key: string]: unknown;
}

export async function storedCmi(request: APIRequestContext, version: Version, learner: string): Promise<StoredCmi | null> {
  const response = await request.get(`api/cmi?learner=${learner}&pkg=${packageFile(version)}`);
  return (await response.json()) as StoredCmi | null;
}

/** Waits until the LMS store has the terminate commit (session time written). */
export async function waitForTerminate(request: APIRequestContext, version: Version, learner: string): Promise<StoredCmi> {
  let cmi: StoredCmi | null = null;
  await expect
    .poll(async () => {
      cmi = await storedCmi(request, version, learner);
      const session = version === '1.2' ? (cmi?.core as StoredCmi | undefined)?.session_time : cmi?.session_time;
      return typeof session === 'string' && session !== '' && session !== '00:00:00' && session !== 'PT0H0M0S';
    }, { timeout: 60_000 }) // generous: a sliced final commit on a busy 2-core machine
    .toBe(true);
  return cmi as unknown as StoredCmi;
}

/** Closes the course like an LMS closing its window, then waits for the stored terminate commit. */
export async function closeCourse(page: Page, request: APIRequestContext, version: Version, learner: string): Promise<StoredCmi> {
  await page.getByTestId('close').click();
  await expect(page.getByTestId('closed')).toBeVisible();
  return waitForTerminate(request, version, learner);
}
