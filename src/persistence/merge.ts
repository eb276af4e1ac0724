/**
 * Reconciling two copies of a learner's state (the LMS's and the browser mirror's).
 */
import type { LearnerState, QuizProgress, ScenarioProgress } from '../engine/learner-state.ts';

function union(a: string[], b: string[]): string[] {
  const out = [...a];
  for (const id of b) if (!out.includes(id)) out.push(id);
  return out;
}

function maxNullable(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

function mergeQuiz(a: QuizProgress, b: QuizProgress): QuizProgress {
  // The copy with more attempts holds the newer in-progress attempt.
  const newer = b.attempts > a.attempts ? b : a;
  return {
    attempts: Math.max(a.attempts, b.attempts),
    best: maxNullable(a.best, b.best),
    passed: a.passed || b.passed,
    current: newer.current,
  };
}

function mergeScenario(a: ScenarioProgress, b: ScenarioProgress): ScenarioProgress {
  const newer = b.plays > a.plays || (b.plays === a.plays && (b.current?.length ?? 0) > (a.current?.length ?? 0)) ? b : a;
  return {
    plays: Math.max(a.plays, b.plays),
    best: maxNullable(a.best, b.best),
    passed: a.passed || b.passed,
    current: newer.current,
    last: newer.last ?? a.last ?? b.last,
  };
}

function mergeRecords<T>(a: Record<string, T>, b: Record<string, T>, merge: (x: T, y: T) => T): Record<string, T> {
  const out: Record<string, T> = { ...a };
  for (const [id, value] of Object.entries(b)) out[id] = out[id] === undefined ? value : merge(out[id] as T, value);
  return out;
}

/**
 * Reconciles the LMS copy with the browser's mirror. Progress only moves forward: a lesson
 * never becomes un-ended, a best score is never lowered, a pass is never lost. `preferred`
 * (normally the LMS copy) wins the location.
 */
export function mergeLearnerStates(preferred: LearnerState, other: LearnerState): LearnerState {
  return {
    location: preferred.location ?? other.location,
    visited: union(preferred.visited, other.visited),
    ended: union(preferred.ended, other.ended),
    quizzes: mergeRecords(preferred.quizzes, other.quizzes, mergeQuiz),
    scenarios: mergeRecords(preferred.scenarios, other.scenarios, mergeScenario),
  };
}
