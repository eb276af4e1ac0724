/**
 * Pure transitions of a quiz's progress (QuizProgress in learner-state.ts). src/state/quiz.ts
 * applies them to the store; tests apply them directly. None of them mutates its input.
 */
import type { QuestionResponse, QuizAttemptState, QuizProgress } from '../learner-state.ts';

export function emptyProgress(): QuizProgress {
  return { attempts: 0, best: null, passed: false, current: null };
}

/** True while an attempt is open (started, not yet submitted). */
export function inProgress(progress: QuizProgress | undefined): boolean {
  return !!progress?.current && !progress.current.submitted;
}

/** Attempts still available (null = unlimited). An open attempt is already counted. */
export function attemptsLeft(progress: QuizProgress | undefined, maxAttempts: number | null): number | null {
  if (maxAttempts === null) return null;
  return Math.max(0, maxAttempts - (progress?.attempts ?? 0));
}

/** Whether a new attempt may start now: none is open and the limit is not reached. */
export function canStart(progress: QuizProgress | undefined, maxAttempts: number | null): boolean {
  if (inProgress(progress)) return false;
  const left = attemptsLeft(progress, maxAttempts);
  return left === null || left > 0;
}

/** Opens a fresh attempt with its own seed (so a retry draws afresh). Unchanged when not allowed. */
export function beginAttempt(progress: QuizProgress | undefined, maxAttempts: number | null, seed: number): QuizProgress {
  const base = progress ?? emptyProgress();
  if (!canStart(progress, maxAttempts)) return base;
  const current: QuizAttemptState = { seed: seed >>> 0, position: 0, responses: {}, checked: [], submitted: false, score: null };
  return { ...base, attempts: base.attempts + 1, current };
}

function withCurrent(progress: QuizProgress, change: (a: QuizAttemptState) => QuizAttemptState): QuizProgress {
  const current = progress.current;
  if (!current || current.submitted) return progress;
  const next = change(current);
  return next === current ? progress : { ...progress, current: next };
}

/** Records a response; ignored once the question is checked (locked) or the attempt is submitted. */
export function setResponse(progress: QuizProgress, key: string, response: QuestionResponse): QuizProgress {
  return withCurrent(progress, (a) =>
    a.checked.includes(key) ? a : { ...a, responses: { ...a.responses, [key]: [...response] } },
  );
}

/** Locks questions whose answers were checked (immediate feedback) or submitted. */
export function lockQuestions(progress: QuizProgress, keys: readonly string[]): QuizProgress {
  return withCurrent(progress, (a) => {
    const add = keys.filter((k) => !a.checked.includes(k));
    return add.length ? { ...a, checked: [...a.checked, ...add] } : a;
  });
}

/** Moves to question `position` (clamped to the attempt's length). */
export function moveTo(progress: QuizProgress, position: number, length: number): QuizProgress {
  const clamped = Math.max(0, Math.min(Math.max(0, length - 1), Math.trunc(position)));
  return withCurrent(progress, (a) => (a.position === clamped ? a : { ...a, position: clamped }));
}

/** Closes the attempt with its score; keeps the best score and never loses a pass. */
export function completeAttempt(progress: QuizProgress, score: number, passMark: number): QuizProgress {
  const current = progress.current;
  if (!current || current.submitted) return progress;
  return {
    ...progress,
    best: progress.best === null ? score : Math.max(progress.best, score),
    passed: progress.passed || score >= passMark,
    current: { ...current, submitted: true, score },
  };
}
