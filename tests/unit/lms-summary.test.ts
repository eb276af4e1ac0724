import { describe, expect, it } from 'vitest';
import { emptyLearnerState, type LearnerState } from '../../src/engine/learner-state.ts';
import { lessonStatus12 } from '../../src/lms/scorm12.ts';
import type { CourseData } from '../../src/state/course.ts';
import { summarize } from '../../src/state/summary.ts';

const course: CourseData = {
  courseId: 'c',
  title: 't',
  parts: [],
  lessons: [
    { id: 'P01', title: '', part: 'part1', minutes: 5, href: 'p01.html', quiz: 'p01' },
    { id: 'P02', title: '', part: 'part1', minutes: 5, href: 'p02.html', quiz: 'p02' },
    { id: 'P03', title: '', part: 'part1', minutes: 5, href: 'p03.html' },
  ],
};
const quiz = (best: number | null, passed = false) => ({ attempts: 1, best, passed, current: null });
const state = (ended: string[], quizzes: LearnerState['quizzes']): LearnerState => ({ ...emptyLearnerState(), ended, visited: ended, quizzes });

describe('summary for the LMS (README "Scoring and completion")', () => {
  it('reports no score before every lesson is completed', () => {
    const s = summarize(course, state(['P01', 'P02'], { p01: quiz(100, true), p02: quiz(90, true) }));
    expect(s).toMatchObject({ completedLessons: 2, totalLessons: 3, courseCompleted: false, score: null, passed: null });
    expect(s.progress).toBeCloseTo(2 / 3);
    expect(lessonStatus12(s)).toBe('incomplete');
  });

  it('without an assessment: mean of the best knowledge checks vs the mastery score', () => {
    const done = state(['P01', 'P02', 'P03'], { p01: quiz(100, true), p02: quiz(70) });
    expect(summarize(course, done)).toMatchObject({ courseCompleted: true, score: 85, passed: true });
    expect(lessonStatus12(summarize(course, done))).toBe('passed');
    const low = summarize(course, done, { masteryScore: 90 });
    expect(low).toMatchObject({ courseCompleted: true, score: 85, passed: false, masteryScore: 90 });
    expect(lessonStatus12(low)).toBe('failed');
  });

  it('with an assessment: its best score decides, and completion needs it passed', () => {
    const lessonsDone = state(['P01', 'P02', 'P03'], { p01: quiz(100, true), p02: quiz(100, true) });
    expect(summarize(course, lessonsDone, { assessment: 'course-assessment', masteryScore: 80 })).toMatchObject({ courseCompleted: false, score: null });
    const failed = { ...lessonsDone, quizzes: { ...lessonsDone.quizzes, 'course-assessment': quiz(60) } };
    expect(summarize(course, failed, { assessment: 'course-assessment', masteryScore: 80 })).toMatchObject({ courseCompleted: false, score: 60, passed: false });
    // Every lesson done, the assessment failed (on every attempt): SCORM 1.2 says failed, never passed or incomplete.
    expect(lessonStatus12(summarize(course, failed, { assessment: 'course-assessment', masteryScore: 80 }))).toBe('failed');
    const passed = { ...lessonsDone, quizzes: { ...lessonsDone.quizzes, 'course-assessment': quiz(85, true) } };
    expect(summarize(course, passed, { assessment: 'course-assessment', masteryScore: 80 })).toMatchObject({ courseCompleted: true, score: 85, passed: true });
  });

  it('a package without quizzes completes with no score (1.2 "completed")', () => {
    const plain: CourseData = { ...course, lessons: [{ id: 'P03', title: '', part: 'part1', minutes: 5, href: 'p03.html' }] };
    const s = summarize(plain, state(['P03'], {}));
    expect(s).toMatchObject({ courseCompleted: true, score: null, passed: null });
    expect(lessonStatus12(s)).toBe('completed');
  });

  it('per-lesson objectives carry status, best score and pass', () => {
    const s = summarize(course, state(['P01'], { p01: quiz(75) }));
    expect(s.lessons).toEqual([
      { id: 'P01', status: 'completed', score: 75, passed: false },
      { id: 'P02', status: 'not-started', score: null, passed: null },
      { id: 'P03', status: 'not-started', score: null, passed: null },
    ]);
  });
});
