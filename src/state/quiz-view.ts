/**
 * Quiz view selectors: what the Quiz island shows, derived from `$learner` and the quiz props.
 * The island reads these views (never the store's internals or the engine) and calls the
 * actions in quiz.ts. `attemptQuestions` is the one place an attempt's draw is computed; the
 * actions use it too, so island and actions always agree on the questions.
 */
import { computed, type ReadableAtom } from 'nanostores';
import type { QuestionResponse, QuizAttemptState, QuizProgress } from '../engine/learner-state.ts';
import { attemptsLeft, canStart } from '../engine/quiz/attempt.ts';
import { drawQuestions, matchingLayout, optionOrder } from '../engine/quiz/draw.ts';
import { attemptLength, type QuizRuntime, type RuntimeQuestion } from '../engine/quiz/runtime.ts';
import { correctResponse, effectiveResponse, isAnswered, pairsOf, scoreQuestion, verdictOf, type Verdict } from '../engine/quiz/score.ts';
import { $hydrated, $learner } from './progress.ts';

// The last draw per quiz: a draw depends only on the quiz, its questions and the seed.
const draws = new Map<string, { quiz: QuizRuntime; questions: readonly RuntimeQuestion[]; seed: number; drawn: RuntimeQuestion[] }>();

/** The questions of the attempt with this seed, in display order (computed once per seed). */
export function attemptQuestions(quiz: QuizRuntime, questions: readonly RuntimeQuestion[], seed: number): RuntimeQuestion[] {
  const last = draws.get(quiz.id);
  if (last && last.quiz === quiz && last.questions === questions && last.seed === seed) return last.drawn;
  const drawn = drawQuestions(quiz, questions, seed);
  draws.set(quiz.id, { quiz, questions, seed, drawn });
  return drawn;
}

/** The open (or last) attempt of a quiz as stored now: handlers read this, not a stale render. */
export function currentAttempt(quizId: string): QuizAttemptState | null {
  return $learner.get().quizzes[quizId]?.current ?? null;
}

/** A question's response as stored now, with the starting order of an unanswered ordering question. */
export function latestResponse(quizId: string, q: RuntimeQuestion): QuestionResponse {
  const attempt = currentAttempt(quizId);
  return attempt ? effectiveResponse(q, attempt.responses, attempt.seed) : [];
}

export interface IntroView {
  phase: 'intro';
  count: number;
  passMark: number;
  maxAttempts: number | null;
  immediate: boolean;
}

export interface OpenView {
  phase: 'open';
  attempt: QuizAttemptState;
  drawn: RuntimeQuestion[];
  /** Index of the current question (one-at-a-time display). */
  position: number;
  /** Questions on screen: the current one, or all of them. */
  visible: RuntimeQuestion[];
  /** Answers that count as done: checked ones with immediate feedback, else answered ones. */
  done: number;
  allChecked: boolean;
  last: boolean;
  immediate: boolean;
  one: boolean;
}

export interface ResultsView {
  phase: 'results';
  attempt: QuizAttemptState;
  drawn: RuntimeQuestion[];
  score: number;
  passed: boolean;
  best: number;
  used: number;
  maxAttempts: number | null;
  noneLeft: boolean;
  canRetry: boolean;
}

export type QuizView = { phase: 'loading' } | IntroView | OpenView | ResultsView;

/** The view of a quiz for the given progress. */
export function quizView(quiz: QuizRuntime, questions: readonly RuntimeQuestion[], progress: QuizProgress | undefined, hydrated: boolean): QuizView {
  if (!hydrated) return { phase: 'loading' };
  const attempt = progress?.current;
  const immediate = quiz.feedback === 'immediate';
  if (!attempt) return { phase: 'intro', count: attemptLength(quiz), passMark: quiz.passMark, maxAttempts: quiz.maxAttempts, immediate };
  const drawn = attemptQuestions(quiz, questions, attempt.seed);
  if (attempt.submitted) {
    const score = attempt.score ?? 0;
    return {
      phase: 'results',
      attempt,
      drawn,
      score,
      passed: score >= quiz.passMark,
      best: progress?.best ?? score,
      used: progress?.attempts ?? 1,
      maxAttempts: quiz.maxAttempts,
      noneLeft: attemptsLeft(progress, quiz.maxAttempts) === 0,
      canRetry: canStart(progress, quiz.maxAttempts),
    };
  }
  const one = quiz.display === 'one';
  const position = Math.min(attempt.position, Math.max(0, drawn.length - 1));
  const answered = drawn.filter((q) => isAnswered(q, attempt.responses[q.key])).length;
  return {
    phase: 'open',
    attempt,
    drawn,
    position,
    visible: one ? drawn.slice(position, position + 1) : drawn,
    done: immediate ? attempt.checked.length : answered,
    allChecked: drawn.every((q) => attempt.checked.includes(q.key)),
    last: position >= drawn.length - 1,
    immediate,
    one,
  };
}

/** A store of the quiz's view, for one island. */
export function quizViewStore(quiz: QuizRuntime, questions: readonly RuntimeQuestion[]): ReadableAtom<QuizView> {
  return computed([$hydrated, $learner], (hydrated, learner) => quizView(quiz, questions, learner.quizzes[quiz.id], hydrated));
}

/** Key of the question at `index` of the attempt now stored (for moving focus after an action). */
export function questionKeyAt(quiz: QuizRuntime, questions: readonly RuntimeQuestion[], index: number): string | undefined {
  const attempt = currentAttempt(quiz.id);
  return attempt ? attemptQuestions(quiz, questions, attempt.seed)[index]?.key : undefined;
}

/** 1-based numbers of the drawn questions not answered yet, as stored now. */
export function unansweredNumbers(quiz: QuizRuntime, questions: readonly RuntimeQuestion[]): number[] {
  const attempt = currentAttempt(quiz.id);
  if (!attempt) return [];
  return attemptQuestions(quiz, questions, attempt.seed).flatMap((q, i) => (isAnswered(q, attempt.responses[q.key]) ? [] : [i + 1]));
}

/** How one question looks in an attempt: its response, its option layout, and whether it is locked. */
export interface QuestionView {
  response: QuestionResponse;
  locked: boolean;
  /** Choice, multiple-response, best-reply: option ids in display order. Matching: right ids. */
  optionIds: string[];
  /** Matching: left ids in display order. */
  leftIds: string[];
}

export function questionView(q: RuntimeQuestion, attempt: QuizAttemptState): QuestionView {
  const layout = q.type === 'matching' ? matchingLayout(q, attempt.seed) : null;
  return {
    response: effectiveResponse(q, attempt.responses, attempt.seed),
    locked: attempt.checked.includes(q.key) || attempt.submitted,
    optionIds: layout ? layout.right : optionOrder(q, attempt.seed),
    leftIds: layout ? layout.left : [],
  };
}

/** The verdict on one answer, for feedback and review. */
export interface AnswerReview {
  credit: number;
  verdict: Verdict;
  correct: QuestionResponse;
  /** Option or true/false feedback of what was chosen. */
  chosenFeedback: string[];
  /** Matching: left id → chosen right id. */
  pairs: Map<string, string>;
}

export function answerReview(q: RuntimeQuestion, response: QuestionResponse): AnswerReview {
  const credit = scoreQuestion(q, response);
  let chosenFeedback: string[] = [];
  if (q.type === 'true-false') {
    const text = response[0] === 'true' ? q.feedbackTrue : response[0] === 'false' ? q.feedbackFalse : undefined;
    chosenFeedback = text ? [text] : [];
  } else if (q.type !== 'ordering' && q.type !== 'matching') {
    chosenFeedback = q.options.filter((o) => response.includes(o.id) && o.feedback).map((o) => o.feedback as string);
  }
  return { credit, verdict: verdictOf(credit), correct: correctResponse(q), chosenFeedback, pairs: pairsOf(response) };
}

/** How an option is marked once the answer is locked: best-reply by credit, others by right/wrong. */
export function optionMark(q: RuntimeQuestion, id: string, chosen: boolean): { kind: 'right' | 'wrong' | 'partial'; best?: boolean } | null {
  if (q.type === 'best-reply') {
    const credit = q.options.find((o) => o.id === id)?.credit ?? 0;
    return { kind: credit >= 1 ? 'right' : credit > 0 ? 'partial' : 'wrong', best: true };
  }
  const right = correctResponse(q).includes(id);
  if (!right && !chosen) return null;
  return { kind: right ? 'right' : 'wrong' };
}

/** The pairs of a matching response, for the island's selects. */
export const matchingPairs = pairsOf;
