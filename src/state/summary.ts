import { lessonStatus } from '../engine/completion.ts';
import type { LearnerState } from '../engine/learner-state.ts';
import type { LmsSummary, PackageInfo } from '../lms/types.ts';
import type { CourseData } from './course.ts';

/**
 * What the LMS is told, derived from content + state + package (README "Scoring and completion"):
 *
 * - Completion: every lesson in the package is completed (lesson rule in engine/completion.ts)
 *   and, when the package has an assessment, the assessment is passed.
 * - Score (0–100; SCORM 2004 also scaled 0–1), reported once every lesson of the package is
 *   completed: the package assessment's best score when the package has an assessment (once
 *   submitted), else the mean of the lessons' best knowledge-check scores. Before that no score
 *   is sent, so an LMS that derives pass/fail from the score (Moodle's and scorm-again's
 *   "mastery score overrides status" on LMSFinish) cannot pass or fail a learner half-way.
 * - Success: passed when score ≥ mastery score (the LMS's runtime value if it supplies one,
 *   else the manifest's, default 80); failed below it; unknown without a score.
 */
export function summarize(course: CourseData, state: LearnerState, pkg: Pick<PackageInfo, 'assessment' | 'masteryScore' | 'report'> = { masteryScore: 80 }): LmsSummary {
  const lessons = course.lessons.map((lesson) => {
    const quiz = lesson.quiz ? state.quizzes[lesson.quiz] : undefined;
    return {
      id: lesson.id,
      status: lessonStatus(lesson, state),
      score: quiz?.best ?? null,
      passed: quiz && quiz.best !== null ? quiz.passed : null,
    };
  });
  const completedLessons = lessons.filter((l) => l.status === 'completed').length;
  const assessment = pkg.assessment ? state.quizzes[pkg.assessment] : undefined;

  const allLessons = lessons.length > 0 && completedLessons === lessons.length;
  let score: number | null = null;
  if (!allLessons) {
    score = null;
  } else if (pkg.assessment) {
    score = assessment?.best ?? null;
  } else {
    const quizLessons = course.lessons.filter((l) => l.quiz);
    const bests = quizLessons.map((l) => state.quizzes[l.quiz as string]?.best ?? null);
    if (bests.length > 0 && bests.every((b) => b !== null)) {
      score = Math.round((bests as number[]).reduce((a, b) => a + b, 0) / bests.length);
    }
  }
  const passed = score === null ? null : score >= pkg.masteryScore;
  return {
    completedLessons,
    totalLessons: lessons.length,
    progress: lessons.length === 0 ? 0 : completedLessons / lessons.length,
    courseCompleted: allLessons && (!pkg.assessment || passed === true),
    score,
    passed,
    masteryScore: pkg.masteryScore,
    ...(pkg.report ? { report: pkg.report } : {}),
    lessons,
  };
}

/**
 * The certificate, once earned: the package is complete (every lesson, and the assessment
 * passed when it has one) and not failed on the score. Null before.
 */
export function certificateEarned(course: CourseData, state: LearnerState, pkg: Pick<PackageInfo, 'assessment' | 'masteryScore'>): LmsSummary | null {
  const summary = summarize(course, state, pkg);
  return summary.courseCompleted && summary.passed !== false ? summary : null;
}
