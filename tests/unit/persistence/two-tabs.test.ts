/**
 * Issue 9 item 1: two tabs of the same course. Tab A finishes P01; tab B, opened earlier with the
 * old state, reads P03; both close. P01's completion, check and role-play must survive in the
 * browser copy and in the LMS.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyLearnerState, type LearnerState } from '../../../src/engine/learner-state.ts';
import { createScormAdapter } from '../../../src/lms/scorm-adapter.ts';
import { driver12, driver2004, type RawApi12, type RawApi2004 } from '../../../src/lms/scorm-api.ts';
import { scorm12Profile } from '../../../src/lms/scorm12.ts';
import { scorm2004Profile } from '../../../src/lms/scorm2004.ts';
import { createStandaloneAdapter } from '../../../src/lms/standalone.ts';
import { $lmsStatus, initialLmsStatus, patchLmsStatus } from '../../../src/lms/status.ts';
import type { LmsAdapter } from '../../../src/lms/types.ts';
import { mirrorKey, mirrorScope, type StorageEventSource } from '../../../src/persistence/mirror.ts';
import { decodeLearnerState } from '../../../src/persistence/suspend/versions.ts';
import { $course, type CourseData } from '../../../src/state/course.ts';
import { connectAdapter, disconnectForTests, finishSession, flushSession } from '../../../src/state/persistence.ts';
import { $learner, hydrateLearner, visitLesson } from '../../../src/state/progress.ts';
import { summarize } from '../../../src/state/summary.ts';
import { FakeClock, launch, MemoryStorage, type LmsStore, type Version } from '../helpers/lms-harness.ts';

const course: CourseData = {
  courseId: 'service-pitfalls',
  title: 'T',
  parts: [],
  lessons: [
    { id: 'P01', title: '一', part: 'part1', minutes: 15, href: 'p01.html', quiz: 'p01', scenario: 'p01-broadband-install' },
    { id: 'P02', title: '二', part: 'part1', minutes: 15, href: 'p02.html' },
    { id: 'P03', title: '三', part: 'part1', minutes: 15, href: 'p03.html' },
  ],
};

/** The state both tabs opened with: P01 visited, nothing finished. */
const opened = (): LearnerState => ({ ...emptyLearnerState(), location: 'P01', visited: ['P01'] });

/** Tab A's state after finishing P01: lesson ended, check passed, role-play played. */
const p01Finished = (): LearnerState => ({
  location: 'P01',
  visited: ['P01'],
  ended: ['P01'],
  quizzes: { p01: { attempts: 1, best: 100, passed: true, current: { seed: 5, position: 1, responses: { q1: ['a'], q2: ['b'] }, checked: ['q1', 'q2'], submitted: true, score: 100 } } },
  scenarios: {
    'p01-broadband-install': {
      plays: 1,
      best: 85,
      passed: true,
      current: null,
      last: { ending: 'e-resolved', total: 85, dimensions: [80, 90, 70, 90, 95], steps: ['listen', 'empathise', 'solve', 'follow-up'], path: ['c1', 'c4'], passed: true },
    },
  },
});

function expectP01Kept(state: LearnerState | null) {
  expect(state?.ended).toContain('P01');
  expect(state?.quizzes.p01).toMatchObject({ best: 100, passed: true });
  expect(state?.scenarios['p01-broadband-install']).toMatchObject({ plays: 1, best: 85, passed: true });
  expect(state?.scenarios['p01-broadband-install']?.last?.ending).toBe('e-resolved');
}

/** A window's storage events, fired by hand like the browser fires them in the other tabs. */
class Events implements StorageEventSource {
  private listeners = new Set<(e: { key: string | null; newValue: string | null }) => void>();
  addEventListener(_type: 'storage', l: (e: { key: string | null; newValue: string | null }) => void) {
    this.listeners.add(l);
  }
  removeEventListener(_type: 'storage', l: (e: { key: string | null; newValue: string | null }) => void) {
    this.listeners.delete(l);
  }
  fire(key: string, storage: Storage) {
    for (const l of this.listeners) l({ key, newValue: storage.getItem(key) });
  }
}

beforeEach(() => {
  $course.set(course);
  hydrateLearner(emptyLearnerState());
  $lmsStatus.set({ ...initialLmsStatus });
});
afterEach(() => disconnectForTests());

describe('two tabs, standalone (browser copy only)', () => {
  it('the stale tab’s save does not overwrite the other tab’s finished lesson', async () => {
    const storage = new MemoryStorage();
    createStandaloneAdapter(course.courseId, storage).save(opened(), summarize(course, opened()));
    const tabA = createStandaloneAdapter(course.courseId, storage);
    const tabB = createStandaloneAdapter(course.courseId, storage);
    await tabA.load();
    const stale = await tabB.load();
    tabA.save(p01Finished(), summarize(course, p01Finished()));
    const b: LearnerState = { ...(stale as LearnerState), location: 'P03', visited: ['P01', 'P03'] };
    tabB.save(b, summarize(course, b));
    tabA.finish(p01Finished(), summarize(course, p01Finished()));
    tabB.finish(b, summarize(course, b));
    const reopened = await createStandaloneAdapter(course.courseId, storage).load();
    expectP01Kept(reopened);
    expect(reopened?.visited).toContain('P03');
  });
});

describe('one tab never undoes its own deliberate changes from its own earlier copy', () => {
  const inPlay = (current: string[]): LearnerState => ({
    ...opened(),
    scenarios: { 'p01-broadband-install': { plays: 0, best: null, passed: false, current, last: null } },
  });

  it('a restarted role-play stays restarted in the browser copy', async () => {
    const storage = new MemoryStorage();
    const tab = createStandaloneAdapter(course.courseId, storage);
    tab.save(inPlay(['c1', 'c4']), summarize(course, inPlay(['c1', 'c4'])));
    tab.save(inPlay([]), summarize(course, inPlay([])));
    expect((await createStandaloneAdapter(course.courseId, storage).load())?.scenarios['p01-broadband-install']?.current).toEqual([]);
  });

  it('the live state is not pulled back to this tab’s own earlier copy (no ping-pong with an island that resets)', async () => {
    const storage = new MemoryStorage();
    await connectAdapter(createStandaloneAdapter(course.courseId, storage), { masteryScore: 80 }, { storage, events: undefined });
    let changes = 0;
    const stop = $learner.listen(() => changes++);
    $learner.set(inPlay(['c1', 'c4']));
    $learner.set(inPlay([]));
    stop();
    expect($learner.get().scenarios['p01-broadband-install']?.current).toEqual([]);
    expect(changes).toBe(2);
  });
});

describe.each(['1.2', '2004'] as const)('two tabs, SCORM %s (LMS and browser copy)', (version: Version) => {
  function scorm(store: LmsStore, storage: Storage, clock = new FakeClock()): LmsAdapter {
    const lms = launch(version, store);
    return createScormAdapter({
      driver: version === '1.2' ? driver12(lms.api as unknown as RawApi12) : driver2004(lms.api as unknown as RawApi2004),
      profile: version === '1.2' ? scorm12Profile : scorm2004Profile,
      courseId: course.courseId,
      packageId: 'course',
      status: patchLmsStatus,
      storage,
      clock,
      log: () => {},
    });
  }
  const lmsState = (store: LmsStore) => {
    const cmi = store.cmi as Record<string, Record<string, unknown>>;
    return decodeLearnerState(String(version === '1.2' ? cmi.suspend_data : cmi.suspend_data), undefined, () => {}).state;
  };

  it.each([
    ['hears tab A through the storage event', true],
    ['reads the browser copy before its own save when no event arrived (tab was frozen)', false],
  ])('tab B %s, so its last commit keeps P01', async (_name, withEvent) => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const storage = new MemoryStorage();
    // Both tabs were opened on the same state.
    const setup = scorm(store, storage);
    await setup.load();
    setup.save(opened(), summarize(course, opened()));
    setup.finish(opened(), summarize(course, opened()));

    const events = new Events();
    const tabB = scorm(store, storage);
    await connectAdapter(tabB, { id: 'course', masteryScore: 80 }, { storage, events });
    expect($learner.get().ended).toEqual([]);

    // Tab A finishes P01 and commits.
    const tabA = scorm(store, storage);
    await tabA.load();
    tabA.save(p01Finished(), summarize(course, p01Finished()));
    tabA.flush();
    expectP01Kept(lmsState(store));
    if (withEvent) events.fire(mirrorKey(mirrorScope(course.courseId, 'course'), 'u1'), storage);

    // Tab B, still showing the old state, reads P03; tab A closes, then tab B.
    visitLesson('P03');
    flushSession();
    tabA.finish(p01Finished(), summarize(course, p01Finished()));
    finishSession();

    // The LMS (read on another computer: no browser copy) and this browser's copy both keep P01.
    const fromLms = lmsState(store);
    expectP01Kept(fromLms);
    expect(fromLms?.visited).toContain('P03');
    disconnectForTests();
    const relaunch = scorm(store, new MemoryStorage());
    expectP01Kept(await relaunch.load());
    expectP01Kept(await scorm(store, storage).load());
  });
});
