/**
 * Quiz actions: the only code that writes `$learner.quizzes[quizId]`. Each action applies a
 * pure transition from src/engine/quiz/attempt.ts through `updateLearner`, and every answer
 * that becomes final (checked with immediate feedback, or submitted with the attempt) is
 * reported once through `recordInteraction`.
 */
import {
  attemptsLeft,
  beginAttempt,
  canStart,
  completeAttempt,
  lockQuestions,
  moveTo,
  setResponse,
} from '../engine/quiz/attempt.ts';
import { toInteraction } from '../engine/quiz/interaction.ts';
import type { QuizRuntime, RuntimeQuestion } from '../engine/quiz/runtime.ts';
import { isAnswered, scoreAttempt } from '../engine/quiz/score.ts';
import type { QuestionResponse, QuizProgress } from '../engine/learner-state.ts';
import { $learner, recordInteraction, updateLearner } from './progress.ts';
import { attemptQuestions } from './quiz-view.ts';

/**
 * A fresh seed for a new attempt, below 2^16: 65,536 different draws and shuffles are plenty for
 * a retry to look fresh, and the suspend-data codec stores such a seed in 16 bits (older 32-bit
 * seeds in saved progress still work: the engine accepts any uint32).
 */
export function newSeed(): number {
  const cryptoApi = globalThis.crypto;
  if (cryptoApi?.getRandomValues) return cryptoApi.getRandomValues(new Uint16Array(1))[0] ?? 0;
  return Math.floor(Math.random() * 65536);
}

export function quizProgress(quizId: string): QuizProgress | undefined {
  return $learner.get().quizzes[quizId];
}

function change(quizId: string, transition: (p: QuizProgress | undefined) => QuizProgress | undefined): void {
  updateLearner((s) => {
    const before = s.quizzes[quizId];
    const after = transition(before);
    return after === before || after === undefined ? s : { ...s, quizzes: { ...s.quizzes, [quizId]: after } };
  });
}

// When each question was first shown and last answered in this page session, for latency.
// Not part of the learner state: after a reload the clock restarts when the question reappears.
const shownAt = new Map<string, number>();
const answeredAt = new Map<string, number>();
const clockKey = (quizId: string, key: string) => `${quizId}\u0000${key}`;

/** Notes that a question is on screen (first call per attempt wins). */
export function markShown(quizId: string, key: string, now: number = Date.now()): void {
  const k = clockKey(quizId, key);
  if (!shownAt.has(k)) shownAt.set(k, now);
}

function resetClocks(quizId: string): void {
  for (const map of [shownAt, answeredAt]) for (const k of [...map.keys()]) if (k.startsWith(`${quizId}\u0000`)) map.delete(k);
}

function latency(quizId: string, key: string, now: number, untilLastAnswer: boolean): number {
  const k = clockKey(quizId, key);
  const start = shownAt.get(k);
  if (start === undefined) return 0;
  const end = untilLastAnswer ? (answeredAt.get(k) ?? now) : now;
  return Math.max(0, end - start);
}

/** Starts the first attempt or a retry (a fresh draw). Returns false when the attempt limit is reached. */
export function startAttempt(quiz: QuizRuntime, seed: number = newSeed()): boolean {
  if (!canStart(quizProgress(quiz.id), quiz.maxAttempts)) return false;
  resetClocks(quiz.id);
  change(quiz.id, (p) => beginAttempt(p, quiz.maxAttempts, seed));
  return true;
}

/** Records the learner's current response to a question (not yet final). */
export function answer(quizId: string, key: string, response: QuestionResponse, now: number = Date.now()): void {
  const p = quizProgress(quizId);
  if (!p?.current || p.current.submitted || p.current.checked.includes(key)) return;
  answeredAt.set(clockKey(quizId, key), now);
  change(quizId, (prev) => (prev ? setResponse(prev, key, response) : prev));
}

/** Moves to another question (one-at-a-time display). */
export function move(quiz: QuizRuntime, questions: readonly RuntimeQuestion[], position: number): void {
  const p = quizProgress(quiz.id);
  if (!p?.current) return;
  const length = attemptQuestions(quiz, questions, p.current.seed).length;
  change(quiz.id, (prev) => (prev ? moveTo(prev, position, length) : prev));
}

/** The drawn questions of the open or last attempt. */
export function currentQuestions(quiz: QuizRuntime, questions: readonly RuntimeQuestion[]): RuntimeQuestion[] {
  const p = quizProgress(quiz.id);
  return p?.current ? attemptQuestions(quiz, questions, p.current.seed) : [];
}

function report(quiz: QuizRuntime, question: RuntimeQuestion, response: QuestionResponse, now: number, untilLastAnswer: boolean): void {
  recordInteraction(
    toInteraction({ quizId: quiz.id, question, response, latencyMs: latency(quiz.id, question.key, now, untilLastAnswer), at: now }),
  );
}

/**
 * Immediate feedback: makes one answer final, locks it and reports it. Returns false when the
 * question is not answered yet, already checked, or not part of the open attempt.
 */
export function check(quiz: QuizRuntime, questions: readonly RuntimeQuestion[], key: string, now: number = Date.now()): boolean {
  const p = quizProgress(quiz.id);
  const attempt = p?.current;
  if (!attempt || attempt.submitted || attempt.checked.includes(key)) return false;
  const question = attemptQuestions(quiz, questions, attempt.seed).find((q) => q.key === key);
  if (!question) return false;
  const response = attempt.responses[key];
  if (!response || !isAnswered(question, response)) return false;
  change(quiz.id, (prev) => (prev ? lockQuestions(prev, [key]) : prev));
  report(quiz, question, response, now, false);
  return true;
}

/**
 * Ends the attempt: scores every drawn question, reports the answers not reported yet, keeps the
 * best score and the pass. Returns the score, or null when there is no open attempt.
 */
export function submit(quiz: QuizRuntime, questions: readonly RuntimeQuestion[], now: number = Date.now()): number | null {
  const p = quizProgress(quiz.id);
  const attempt = p?.current;
  if (!attempt || attempt.submitted) return null;
  const drawn = attemptQuestions(quiz, questions, attempt.seed);
  const { responses } = attempt;
  // An unanswered question scores 0 but is not reported: SCORM has no valid empty response for most types.
  const toReport = drawn.filter((q) => !attempt.checked.includes(q.key) && isAnswered(q, responses[q.key]));
  const score = scoreAttempt(drawn, responses);
  change(quiz.id, (prev) => (prev ? completeAttempt(lockQuestions(prev, drawn.map((q) => q.key)), score, quiz.passMark) : prev));
  for (const q of toReport) report(quiz, q, responses[q.key] ?? [], now, true);
  return score;
}

export { attemptsLeft, canStart };

/** A retry is a new attempt with a new seed, so it draws afresh. */
export const retry = startAttempt;
