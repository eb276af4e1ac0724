import { describe, expect, it } from 'vitest';
import { averageRubric } from '../../src/engine/completion.ts';
import { emptyLearnerState, type LearnerState, type ScenarioProgress } from '../../src/engine/learner-state.ts';
import type { CourseData } from '../../src/state/course.ts';
import { certificateEarned } from '../../src/state/summary.ts';

const course: CourseData = {
  courseId: 'c',
  title: '服务行业雷区',
  parts: [],
  lessons: [
    { id: 'P01', title: '一', part: 'part1', minutes: 20, href: 'p01.html', quiz: 'p01', scenario: 's1' },
    { id: 'P02', title: '二', part: 'part1', minutes: 20, href: 'p02.html', quiz: 'p02', scenario: 's2' },
  ],
};
const play = (dimensions: number[]): ScenarioProgress => ({
  plays: 1,
  best: 90,
  passed: true,
  current: null,
  last: { ending: 'e', total: 90, dimensions, steps: [], path: [], passed: true },
});
const quiz = (best: number, passed: boolean) => ({ attempts: 1, best, passed, current: null });
const done = (over: Partial<LearnerState> = {}): LearnerState => ({
  ...emptyLearnerState(),
  visited: ['P01', 'P02'],
  ended: ['P01', 'P02'],
  quizzes: { p01: quiz(100, true), p02: quiz(80, true) },
  scenarios: { s1: play([100, 80, 60, 40, 20]), s2: play([80, 80, 80, 80, 80]) },
  ...over,
});

describe('the certificate', () => {
  it('averages the rubric over the finished role-plays, dimension by dimension', () => {
    expect(averageRubric(course.lessons, done())).toEqual([90, 80, 70, 60, 50]);
    expect(averageRubric(course.lessons, emptyLearnerState())).toBeNull();
  });

  it('is earned only once the package is complete and passed', () => {
    expect(certificateEarned(course, done(), { masteryScore: 80 })).toMatchObject({ courseCompleted: true, score: 90, completedLessons: 2 });
    expect(certificateEarned(course, done({ ended: ['P01'] }), { masteryScore: 80 })).toBeNull();
    // Every lesson done but the package assessment not passed: no certificate.
    expect(certificateEarned(course, done(), { masteryScore: 80, assessment: 'course-assessment' })).toBeNull();
    expect(certificateEarned(course, done({ quizzes: { p01: quiz(100, true), p02: quiz(80, true), 'course-assessment': quiz(60, false) } }), { masteryScore: 80, assessment: 'course-assessment' })).toBeNull();
    expect(certificateEarned(course, done({ quizzes: { p01: quiz(100, true), p02: quiz(80, true), 'course-assessment': quiz(93, true) } }), { masteryScore: 80, assessment: 'course-assessment' })).toMatchObject({ score: 93 });
  });
});
