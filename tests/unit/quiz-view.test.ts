import { beforeEach, describe, expect, it } from 'vitest';
import { emptyLearnerState } from '../../src/engine/learner-state.ts';
import { drawQuestions } from '../../src/engine/quiz/draw.ts';
import { $hydrated, $learner, hydrateLearner } from '../../src/state/progress.ts';
import { answer, check, move, startAttempt, submit } from '../../src/state/quiz.ts';
import {
  answerReview,
  attemptQuestions,
  optionMark,
  questionKeyAt,
  questionView,
  quizView,
  quizViewStore,
  unansweredNumbers,
} from '../../src/state/quiz-view.ts';
import { bestReply, matching, ordering, pool, runtime, single } from './quiz-helpers.ts';

const questions = pool(8);
const quiz = runtime(questions, { pools: [{ bank: 'bank', count: 4, keys: questions.map((q) => q.key) }], feedback: 'after-submit' });
const view = () => quizView(quiz, questions, $learner.get().quizzes[quiz.id], true);

beforeEach(() => hydrateLearner(emptyLearnerState()));

describe('quiz view selectors (src/state/quiz-view.ts)', () => {
  it('compute the draw once per seed, in one place, equal to the engine draw', () => {
    const a = attemptQuestions(quiz, questions, 42);
    expect(attemptQuestions(quiz, questions, 42)).toBe(a);
    expect(a.map((q) => q.key)).toEqual(drawQuestions(quiz, questions, 42).map((q) => q.key));
    expect(attemptQuestions(quiz, questions, 43)).not.toBe(a);
  });

  it('show loading before hydration, then the intro with the attempt length', () => {
    expect(quizView(quiz, questions, undefined, false)).toEqual({ phase: 'loading' });
    expect(view()).toEqual({ phase: 'intro', count: 4, passMark: 80, maxAttempts: null, immediate: false });
  });

  it('give the open attempt: the drawn questions the actions use, one on screen, progress by answers', () => {
    startAttempt(quiz, 7);
    let v = view();
    if (v.phase !== 'open') throw new Error(`expected an open attempt, got ${v.phase}`);
    const seed = $learner.get().quizzes[quiz.id]?.current?.seed as number;
    expect(v.drawn).toBe(attemptQuestions(quiz, questions, seed));
    expect(v.visible.map((q) => q.key)).toEqual([v.drawn[0]?.key]);
    expect(v).toMatchObject({ position: 0, done: 0, last: false, one: true, immediate: false });
    expect(unansweredNumbers(quiz, questions)).toEqual([1, 2, 3, 4]);

    answer(quiz.id, v.drawn[1]?.key as string, ['true']);
    move(quiz, questions, 3);
    v = view();
    if (v.phase !== 'open') throw new Error('expected an open attempt');
    expect(v).toMatchObject({ position: 3, done: 1, last: true });
    expect(v.visible[0]?.key).toBe(questionKeyAt(quiz, questions, 3));
    expect(unansweredNumbers(quiz, questions)).toEqual([1, 3, 4]);
  });

  it('give the results of a submitted attempt and whether a retry is possible', () => {
    const limited = { ...quiz, id: 'limited', maxAttempts: 1 };
    startAttempt(limited, 9);
    const drawn = attemptQuestions(limited, questions, 9);
    for (const q of drawn) answer(limited.id, q.key, [String(q.type === 'true-false' && q.answer)]);
    expect(submit(limited, questions)).toBe(100);
    expect(quizView(limited, questions, $learner.get().quizzes.limited, true)).toMatchObject({
      phase: 'results',
      score: 100,
      passed: true,
      best: 100,
      used: 1,
      noneLeft: true,
      canRetry: false,
    });
  });

  it('follow the learner state through a store, for the island', () => {
    $hydrated.set(true);
    const store = quizViewStore(quiz, questions);
    const phases: string[] = [];
    const stop = store.subscribe((v) => phases.push(v.phase));
    startAttempt(quiz, 5);
    submit(quiz, questions);
    stop();
    expect(phases).toEqual(['intro', 'open', 'results']);
  });

  it('lay out each question and review each answer', () => {
    const immediate = runtime([single, ordering, matching, bestReply], { id: 'types' });
    startAttempt(immediate, 3);
    const attempt = $learner.get().quizzes.types?.current;
    if (!attempt) throw new Error('no attempt');
    expect(questionView(single, attempt)).toMatchObject({ response: [], locked: false });
    expect(questionView(single, attempt).optionIds.sort()).toEqual(['a', 'b', 'c']);
    expect(questionView(ordering, attempt).response).toHaveLength(4);
    expect(questionView(matching, attempt).leftIds.sort()).toEqual(['l1', 'l2', 'l3', 'l4']);
    answer('types', single.key, ['b']);
    expect(check(immediate, [single, ordering, matching, bestReply], single.key)).toBe(true);
    const locked = $learner.get().quizzes.types?.current;
    if (!locked) throw new Error('no attempt');
    expect(questionView(single, locked).locked).toBe(true);
    expect(answerReview(single, ['b'])).toMatchObject({ credit: 0, verdict: 'incorrect', correct: ['a'] });
    expect(optionMark(single, 'a', false)).toEqual({ kind: 'right' });
    expect(optionMark(single, 'b', true)).toEqual({ kind: 'wrong' });
    expect(optionMark(single, 'c', false)).toBeNull();
    expect(optionMark(bestReply, 'b', false)).toEqual({ kind: 'partial', best: true });
  });
});
