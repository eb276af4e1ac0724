import { beforeEach, describe, expect, it } from 'vitest';
import { courseProgress, lessonStatus, resumeTarget } from '../../src/engine/completion.ts';
import { emptyLearnerState, type LearnerState } from '../../src/engine/learner-state.ts';
import { isLearnerState } from '../../src/engine/learner-state-guard.ts';
import { createStandaloneAdapter } from '../../src/lms/standalone.ts';
import { mergeLearnerStates } from '../../src/persistence/merge.ts';
import { mirrorKey, readMirror } from '../../src/persistence/mirror.ts';
import { $course } from '../../src/state/course.ts';
import {
  $hydrated, $learner, $lessonStatuses, $progress, hydrateLearner, markLessonEnded, onInteraction,
  recordInteraction, visitLesson,
} from '../../src/state/progress.ts';
import { summarize } from '../../src/state/summary.ts';

class MemoryStorage implements Storage {
  private data = new Map<string, string>();
  get length() { return this.data.size; }
  clear() { this.data.clear(); }
  getItem(key: string) { return this.data.get(key) ?? null; }
  key(index: number) { return [...this.data.keys()][index] ?? null; }
  removeItem(key: string) { this.data.delete(key); }
  setItem(key: string, value: string) { this.data.set(key, value); }
}

const lessons = [
  { id: 'P01', title: 'A', part: 'part1', minutes: 15, href: 'p01.html' },
  { id: 'P02', title: 'B', part: 'part1', minutes: 15, href: 'p02.html', quiz: 'p02' },
  { id: 'P03', title: 'C', part: 'part1', minutes: 20, href: 'p03.html', scenario: 'p03-x' },
];

beforeEach(() => {
  $course.set({ courseId: 'test', title: 'T', parts: [], lessons });
  hydrateLearner(emptyLearnerState());
});

describe('state actions', () => {
  it('visitLesson records the visit once and moves the bookmark', () => {
    visitLesson('P01');
    visitLesson('P02');
    visitLesson('P01');
    expect($learner.get().visited).toEqual(['P01', 'P02']);
    expect($learner.get().location).toBe('P01');
  });

  it('does not notify listeners when nothing changed', () => {
    visitLesson('P01');
    let changes = 0;
    const stop = $learner.listen(() => changes++);
    visitLesson('P01');
    markLessonEnded('P01');
    markLessonEnded('P01');
    stop();
    expect(changes).toBe(1);
  });

  it('a plain lesson completes at its end marker; progress and statuses follow', () => {
    expect($progress.get()).toEqual({ completed: 0, total: 3, percent: 0 });
    visitLesson('P01');
    expect($lessonStatuses.get().P01).toBe('in-progress');
    markLessonEnded('P01');
    expect($lessonStatuses.get().P01).toBe('completed');
    expect($progress.get()).toEqual({ completed: 1, total: 3, percent: 33 });
  });

  it('a lesson with a quiz or role-play needs those too', () => {
    markLessonEnded('P02');
    markLessonEnded('P03');
    expect($lessonStatuses.get()).toMatchObject({ P02: 'in-progress', P03: 'in-progress' });
    $learner.set({
      ...$learner.get(),
      quizzes: { p02: { attempts: 1, best: 50, passed: false, current: null } },
      scenarios: { 'p03-x': { plays: 1, best: 80, passed: true, current: null, last: null } },
    });
    expect($lessonStatuses.get()).toMatchObject({ P02: 'completed', P03: 'completed' });
  });

  it('hydration marks the store ready and replaces the state', () => {
    $hydrated.set(false);
    hydrateLearner({ ...emptyLearnerState(), ended: ['P01'] });
    expect($hydrated.get()).toBe(true);
    expect($progress.get().completed).toBe(1);
  });

  it('interactions reach every listener until it unsubscribes', () => {
    const seen: string[] = [];
    const stop = onInteraction((r) => seen.push(r.id));
    const record = { id: 'p01.q1', type: 'choice' as const, description: 'q', response: ['a'], correct: ['a'], credit: 1, latencyMs: 10, timestamp: new Date(0).toISOString() };
    recordInteraction(record);
    stop();
    recordInteraction({ ...record, id: 'p01.q2' });
    expect(seen).toEqual(['p01.q1']);
  });
});

describe('completion rules', () => {
  it('resumes at the bookmark, else the first unfinished lesson', () => {
    const state: LearnerState = { ...emptyLearnerState(), ended: ['P01'] };
    expect(resumeTarget(lessons, state)).toBe('P02');
    expect(resumeTarget(lessons, { ...state, location: 'P03' })).toBe('P03');
    expect(resumeTarget(lessons, { ...state, location: 'P99' })).toBe('P02');
  });

  it('counts percent over the lessons in scope', () => {
    expect(courseProgress([], emptyLearnerState())).toEqual({ completed: 0, total: 0, percent: 0 });
    expect(lessonStatus({ id: 'P09' }, emptyLearnerState())).toBe('not-started');
  });

  it('summarize reports completion only when every lesson is complete', () => {
    const done: LearnerState = {
      ...emptyLearnerState(),
      ended: ['P01', 'P02', 'P03'],
      quizzes: { p02: { attempts: 2, best: 90, passed: true, current: null } },
      scenarios: { 'p03-x': { plays: 1, best: 80, passed: true, current: null, last: null } },
    };
    const summary = summarize($course.get(), done);
    expect(summary.courseCompleted).toBe(true);
    expect(summary.score).toBe(90);
    expect(summarize($course.get(), { ...done, ended: ['P01'] }).courseCompleted).toBe(false);
  });
});

describe('merging two copies of the state', () => {
  it('never un-completes a lesson nor lowers a best score', () => {
    const lms: LearnerState = {
      ...emptyLearnerState(),
      location: 'P02',
      ended: ['P02'],
      quizzes: { p02: { attempts: 1, best: 60, passed: false, current: null } },
    };
    const browser: LearnerState = {
      ...emptyLearnerState(),
      location: 'P03',
      ended: ['P01'],
      quizzes: { p02: { attempts: 2, best: 90, passed: true, current: null } },
    };
    const merged = mergeLearnerStates(lms, browser);
    expect(merged.ended.sort()).toEqual(['P01', 'P02']);
    expect(merged.quizzes.p02).toMatchObject({ attempts: 2, best: 90, passed: true });
    // The second copy is the more recent one: its bookmark wins.
    expect(merged.location).toBe('P03');
    expect(mergeLearnerStates(browser, lms).location).toBe('P02');
  });
});

describe('standalone adapter', () => {
  it('round-trips the state through localStorage', async () => {
    const storage = new MemoryStorage();
    const adapter = createStandaloneAdapter('course-x', storage);
    expect(await adapter.load()).toBeNull();
    const state = { ...emptyLearnerState(), visited: ['P01'], location: 'P01' };
    adapter.save(state, summarize($course.get(), state));
    expect(await createStandaloneAdapter('course-x', storage).load()).toEqual(state);
  });

  it('ignores damaged or foreign data without throwing', () => {
    const storage = new MemoryStorage();
    const key = mirrorKey('course-x', 'local');
    for (const raw of ['{not json', '{"v":99,"state":{}}', '{"v":1,"state":{"visited":"P01"}}', 'null']) {
      storage.setItem(key, raw);
      expect(readMirror(storage, key)).toBeNull();
    }
    expect(isLearnerState(emptyLearnerState())).toBe(true);
  });

  it('keeps working when storage throws (private mode, full quota)', async () => {
    const broken = new MemoryStorage();
    broken.setItem = () => { throw new Error('QuotaExceededError'); };
    const adapter = createStandaloneAdapter('course-x', broken);
    expect(() => adapter.save(emptyLearnerState(), summarize($course.get(), emptyLearnerState()))).not.toThrow();
  });
});
