/**
 * The structural check of a learner state read back from storage, in its own module: only the
 * suspend codec needs it, so it stays out of the page shell every page loads (the shell imports
 * learner-state.ts, and a module shared with the codec would otherwise land in the shell's chunk).
 */
import { DIMENSIONS, isSelfRating, type LearnerState, type QuizAttemptState, type QuizProgress, type ScenarioProgress, type ScenarioResult } from './learner-state.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isScore = (v: unknown): v is number | null => v === null || (typeof v === 'number' && v >= 0 && v <= 100);

function isAttempt(v: unknown): v is QuizAttemptState {
  return (
    isObject(v) &&
    typeof v.seed === 'number' &&
    typeof v.position === 'number' &&
    isObject(v.responses) &&
    Object.values(v.responses).every(isStringArray) &&
    isStringArray(v.checked) &&
    typeof v.submitted === 'boolean' &&
    isScore(v.score)
  );
}

function isQuizProgress(v: unknown): v is QuizProgress {
  return (
    isObject(v) && typeof v.attempts === 'number' && isScore(v.best) && typeof v.passed === 'boolean' &&
    (v.current === null || isAttempt(v.current))
  );
}

function isScenarioResult(v: unknown): v is ScenarioResult {
  return (
    isObject(v) && typeof v.ending === 'string' && isScore(v.total) &&
    Array.isArray(v.dimensions) && v.dimensions.length === DIMENSIONS.length && v.dimensions.every(isScore) &&
    isStringArray(v.steps) && isStringArray(v.path) && typeof v.passed === 'boolean'
  );
}

function isScenarioProgress(v: unknown): v is ScenarioProgress {
  return (
    isObject(v) && typeof v.plays === 'number' && isScore(v.best) && typeof v.passed === 'boolean' &&
    (v.current === null || isStringArray(v.current)) && (v.last === null || isScenarioResult(v.last))
  );
}

/** Structural check of a state read back from storage; anything foreign or damaged is rejected. */
export function isLearnerState(v: unknown): v is LearnerState {
  return (
    isObject(v) &&
    (v.location === null || typeof v.location === 'string') &&
    (v.spot === undefined || typeof v.spot === 'string') &&
    isStringArray(v.visited) &&
    isStringArray(v.ended) &&
    isObject(v.quizzes) && Object.values(v.quizzes).every(isQuizProgress) &&
    isObject(v.scenarios) && Object.values(v.scenarios).every(isScenarioProgress) &&
    (v.selfRatings === undefined || (isObject(v.selfRatings) && Object.values(v.selfRatings).every(isSelfRating))) &&
    (v.tools === undefined || (typeof v.tools === 'string' && /^[0-9A-Za-z]{1,80}$/.test(v.tools)))
  );
}
