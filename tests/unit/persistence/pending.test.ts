/**
 * Issue 9 item 2: Initialize fails. No learner is guessed: the work goes to a pending slot, and
 * the next identified learner is asked whether it is theirs (merge) or not (discard).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyLearnerState, type LearnerState } from '../../../src/engine/learner-state.ts';
import { createScormAdapter } from '../../../src/lms/scorm-adapter.ts';
import { driver12, driver2004, type RawApi12, type RawApi2004 } from '../../../src/lms/scorm-api.ts';
import { scorm12Profile } from '../../../src/lms/scorm12.ts';
import { scorm2004Profile } from '../../../src/lms/scorm2004.ts';
import { $lmsStatus, initialLmsStatus, patchLmsStatus } from '../../../src/lms/status.ts';
import type { LmsAdapter } from '../../../src/lms/types.ts';
import { mirrorKey, mirrorScope, pendingKey, readMirror } from '../../../src/persistence/mirror.ts';
import { decodeLearnerState } from '../../../src/persistence/suspend/versions.ts';
import { $course, type CourseData } from '../../../src/state/course.ts';
import { $pendingWork, claimPendingWork, discardPendingWork } from '../../../src/state/pending.ts';
import { connectAdapter, disconnectForTests, finishSession } from '../../../src/state/persistence.ts';
import { $learner, hydrateLearner, markLessonEnded, visitLesson } from '../../../src/state/progress.ts';
import { FakeClock, launch, MemoryStorage, type LmsStore, type Version } from '../helpers/lms-harness.ts';

const course: CourseData = {
  courseId: 'service-pitfalls',
  title: 'T',
  parts: [],
  lessons: ['P01', 'P02', 'P03'].map((id) => ({ id, title: id, part: 'part1', minutes: 10, href: `${id.toLowerCase()}.html` })),
};
const scope = mirrorScope(course.courseId, 'course');

beforeEach(() => {
  $course.set(course);
  hydrateLearner(emptyLearnerState());
  $lmsStatus.set({ ...initialLmsStatus });
  discardPendingWork();
});
afterEach(() => disconnectForTests());

describe.each(['1.2', '2004'] as const)('SCORM %s without a session', (version: Version) => {
  function session(store: LmsStore, storage: Storage, options: { learner?: string; initializeFails?: boolean } = {}): LmsAdapter {
    const lms = launch(version, store, {
      learner: options.learner ?? 'alice',
      faults: { commitFails: false, initializeFails: options.initializeFails ?? false, slow: false },
    });
    return createScormAdapter({
      driver: version === '1.2' ? driver12(lms.api as unknown as RawApi12) : driver2004(lms.api as unknown as RawApi2004),
      profile: version === '1.2' ? scorm12Profile : scorm2004Profile,
      courseId: course.courseId,
      packageId: 'course',
      status: patchLmsStatus,
      storage,
      clock: new FakeClock(),
      log: () => {},
    });
  }
  const lmsState = (store: LmsStore): LearnerState | null =>
    decodeLearnerState(String((store.cmi as Record<string, unknown>).suspend_data), undefined, () => {}).state;

  async function aliceThenOutage(storage: Storage) {
    const alice: LmsStore = { cmi: null, commits: 0 };
    await connectAdapter(session(alice, storage), { id: 'course', masteryScore: 80 }, { storage, events: undefined });
    visitLesson('P01');
    markLessonEnded('P01');
    finishSession();
    disconnectForTests();
    hydrateLearner(emptyLearnerState());

    // Someone opens the course on the same computer; the LMS refuses the session.
    await connectAdapter(session({ cmi: null, commits: 0 }, storage, { initializeFails: true }), { id: 'course', masteryScore: 80 }, { storage, events: undefined });
    return alice;
  }

  it('shows no one else’s progress and files the work under no one', async () => {
    const storage = new MemoryStorage();
    const alice = await aliceThenOutage(storage);
    // Alice's progress is not shown to whoever this is (it used to be: "last learner of this browser").
    expect($learner.get().ended).toEqual([]);
    expect($lmsStatus.get().lmsUnavailable).toBe(true);
    visitLesson('P02');
    markLessonEnded('P02');
    finishSession();
    // The work is in the pending slot, not in Alice's copy, not under "unknown", not in her LMS record.
    expect(readMirror(storage, pendingKey(scope))?.ended).toEqual(['P02']);
    expect(readMirror(storage, mirrorKey(scope, 'alice'))?.ended).toEqual(['P01']);
    expect(readMirror(storage, mirrorKey(scope, 'unknown'))).toBeNull();
    expect(lmsState(alice)?.ended).toEqual(['P01']);
  });

  it('asks the next identified learner: “mine” merges the pending work into their record', async () => {
    const storage = new MemoryStorage();
    await aliceThenOutage(storage);
    visitLesson('P02');
    markLessonEnded('P02');
    finishSession();
    disconnectForTests();
    hydrateLearner(emptyLearnerState());

    const bob: LmsStore = { cmi: null, commits: 0 };
    await connectAdapter(session(bob, storage, { learner: 'bob' }), { id: 'course', masteryScore: 80 }, { storage, events: undefined });
    // Offered, not merged unasked.
    expect($pendingWork.get()?.state.ended).toEqual(['P02']);
    expect($learner.get().ended).toEqual([]);
    claimPendingWork();
    expect($pendingWork.get()).toBeNull();
    expect($learner.get().ended).toEqual(['P02']);
    expect(readMirror(storage, pendingKey(scope))).toBeNull();
    finishSession();
    expect(lmsState(bob)?.ended).toEqual(['P02']);
  });

  it('“not mine” discards the pending work and leaves the learner’s record untouched', async () => {
    const storage = new MemoryStorage();
    await aliceThenOutage(storage);
    visitLesson('P02');
    markLessonEnded('P02');
    finishSession();
    disconnectForTests();
    hydrateLearner(emptyLearnerState());

    const alice: LmsStore = { cmi: null, commits: 0 };
    await connectAdapter(session(alice, storage, { learner: 'alice' }), { id: 'course', masteryScore: 80 }, { storage, events: undefined });
    expect($pendingWork.get()).not.toBeNull();
    discardPendingWork();
    expect($pendingWork.get()).toBeNull();
    expect(readMirror(storage, pendingKey(scope))).toBeNull();
    expect($learner.get().ended).toEqual(['P01']);
  });
});
