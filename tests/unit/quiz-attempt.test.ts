import { beforeEach, describe, expect, it } from 'vitest';
import { emptyLearnerState, type InteractionRecord, type LearnerState } from '../../src/engine/learner-state.ts';
import { isLearnerState } from '../../src/engine/learner-state-guard.ts';
import { attemptsLeft, beginAttempt, canStart, completeAttempt, emptyProgress, setResponse } from '../../src/engine/quiz/attempt.ts';
import { drawQuestions, initialOrder } from '../../src/engine/quiz/draw.ts';
import { interactionType, toInteraction } from '../../src/engine/quiz/interaction.ts';
import { correctResponse } from '../../src/engine/quiz/score.ts';
import { $learner, hydrateLearner, onInteraction } from '../../src/state/progress.ts';
import { answer, check, markShown, move, quizProgress, retry, startAttempt, submit } from '../../src/state/quiz.ts';
import { allTypes, bestReply, matching, multiple, ordering, pool, runtime, single, trueFalse } from './quiz-helpers.ts';

let reported: InteractionRecord[] = [];
let stop: () => void = () => {};

beforeEach(() => {
  hydrateLearner(emptyLearnerState());
  stop();
  reported = [];
  stop = onInteraction((r) => reported.push(r));
});

/** Serialises and restores the learner state, as a reload through the LMS would. */
function roundTrip(): void {
  const restored: unknown = JSON.parse(JSON.stringify($learner.get()));
  expect(isLearnerState(restored)).toBe(true);
  hydrateLearner(restored as LearnerState);
}

describe('attempt transitions (pure)', () => {
  it('counts attempts, enforces the limit and never lowers the best score', () => {
    let p = beginAttempt(undefined, 2, 11);
    expect(p.attempts).toBe(1);
    expect(canStart(p, 2)).toBe(false); // one is open
    p = completeAttempt(p, 90, 80);
    expect(p).toMatchObject({ best: 90, passed: true });
    p = beginAttempt(p, 2, 12);
    expect(p.attempts).toBe(2);
    expect(p.current?.seed).toBe(12);
    p = completeAttempt(p, 40, 80);
    expect(p).toMatchObject({ best: 90, passed: true, attempts: 2 });
    expect(p.current?.score).toBe(40);
    expect(attemptsLeft(p, 2)).toBe(0);
    expect(canStart(p, 2)).toBe(false);
    expect(beginAttempt(p, 2, 13)).toEqual(p);
    expect(canStart(p, null)).toBe(true);
  });

  it('ignores responses after submission and does not mutate its input', () => {
    const open = beginAttempt(emptyProgress(), null, 1);
    const frozen = JSON.stringify(open);
    const answered = setResponse(open, 'q1', ['a']);
    expect(JSON.stringify(open)).toBe(frozen);
    const done = completeAttempt(answered, 100, 80);
    expect(setResponse(done, 'q1', ['b'])).toBe(done);
  });
});

describe('interaction records', () => {
  it('maps the six types to SCORM interaction types', () => {
    expect(allTypes.map((q) => interactionType(q.type))).toEqual(['choice', 'choice', 'true-false', 'sequencing', 'matching', 'choice']);
  });

  it('carries id, response, correct pattern, credit, latency, timestamp and objective', () => {
    const record = toInteraction({ quizId: 'p01', question: bestReply, response: ['b'], latencyMs: 1234.4, at: Date.UTC(2025, 0, 2, 3, 4, 5) });
    expect(record).toEqual({
      id: 'p01.q6',
      type: 'choice',
      description: '“你们怎么又搞错了？” 题目',
      response: ['b'],
      correct: ['a'],
      credit: 0.5,
      latencyMs: 1234,
      timestamp: '2025-01-02T03:04:05.000Z',
      objective: 'P01',
    });
    expect(toInteraction({ quizId: 'x', question: multiple, response: ['a', 'b'], latencyMs: 0, at: 0 }).credit).toBe(0.6667);
    expect(toInteraction({ quizId: 'x', question: matching, response: ['l1:r1'], latencyMs: 0, at: 0 }).correct).toEqual(correctResponse(matching));
  });
});

describe('state actions: knowledge check with immediate feedback', () => {
  const bank = [single, multiple, trueFalse, ordering, matching, bestReply];
  const quiz = runtime(bank, { id: 'p01', pools: [{ bank: 'p01', count: 4, keys: bank.map((q) => q.key) }] });

  it('starts, answers, checks each question once, submits and keeps the best score', () => {
    expect(startAttempt(quiz, 101)).toBe(true);
    expect(startAttempt(quiz, 102)).toBe(false); // already open
    const drawn = drawQuestions(quiz, bank, 101);
    expect(drawn).toHaveLength(4);

    let t = 1_000;
    for (const q of drawn) {
      markShown('p01', q.key, t);
      t += 2_500;
      answer('p01', q.key, correctResponse(q), t);
      expect(check(quiz, bank, q.key, t)).toBe(true);
      expect(check(quiz, bank, q.key, t)).toBe(false); // once only
      answer('p01', q.key, ['zz'], t); // locked: ignored
    }
    expect(reported.map((r) => r.id)).toEqual(drawn.map((q) => `p01.${q.key}`));
    for (const r of reported) expect(r.latencyMs).toBe(2_500);

    for (const r of reported) expect(r.credit).toBe(1);
    const score = submit(quiz, bank, t);
    expect(score).toBe(100);
    expect(reported).toHaveLength(4); // submit reports nothing twice
    const p = quizProgress('p01');
    expect(p).toMatchObject({ attempts: 1, best: score, current: { submitted: true, score } });
  });

  it('refuses to check an unanswered question', () => {
    startAttempt(quiz, 7);
    const q = drawQuestions(quiz, bank, 7).find((x) => x.type !== 'ordering');
    if (!q) throw new Error('draw has no answerable question');
    expect(check(quiz, bank, q.key)).toBe(false);
    expect(reported).toHaveLength(0);
  });

  it('needs an ordering question to be rearranged before it can be checked', () => {
    const only = runtime([ordering], { id: 'ord' });
    startAttempt(only, 5);
    expect(check(only, [ordering], ordering.key, 10)).toBe(false);
    const shown = initialOrder(ordering as Extract<typeof ordering, { type: 'ordering' }>, 5);
    const moved = [shown[1], shown[0], ...shown.slice(2)] as string[];
    answer('ord', ordering.key, moved);
    expect(check(only, [ordering], ordering.key, 10)).toBe(true);
    expect(reported[0]?.response).toEqual(moved);
    expect(quizProgress('ord')?.current?.checked).toEqual([ordering.key]);
  });
});

describe('state actions: assessment with attempt limit', () => {
  const a = pool(6, 'a').map((q) => ({ ...q, key: `ba.${q.id}`, bank: 'ba', lesson: 'P01' }));
  const b = pool(6, 'b').map((q) => ({ ...q, key: `bb.${q.id}`, bank: 'bb', lesson: 'P02' }));
  const questions = [...a, ...b];
  const quiz = runtime(questions, {
    id: 'part1-assessment',
    kind: 'assessment',
    feedback: 'after-submit',
    display: 'all',
    maxAttempts: 2,
    passMark: 80,
    pools: [
      { bank: 'ba', count: 3, keys: a.map((q) => q.key) },
      { bank: 'bb', count: 3, keys: b.map((q) => q.key) },
    ],
  });
  const answerAll = (right: boolean) => {
    const attempt = quizProgress(quiz.id)?.current;
    if (!attempt) throw new Error('no attempt');
    for (const q of drawQuestions(quiz, questions, attempt.seed)) {
      const good = correctResponse(q)[0] as string;
      answer(quiz.id, q.key, [right ? good : good === 'true' ? 'false' : 'true']);
    }
  };

  it('fails, retries with a fresh draw, passes, keeps the best and stops at the limit', () => {
    startAttempt(quiz, 1);
    const first = drawQuestions(quiz, questions, 1).map((q) => q.key);
    answerAll(false);
    expect(submit(quiz, questions)).toBe(0);
    expect(quizProgress(quiz.id)).toMatchObject({ best: 0, passed: false, attempts: 1 });
    expect(reported).toHaveLength(6);
    for (const r of reported) {
      expect(r.credit).toBe(0);
      expect(r.id.startsWith('part1-assessment.b')).toBe(true);
    }
    expect(new Set(reported.map((r) => r.objective))).toEqual(new Set(['P01', 'P02']));

    expect(retry(quiz, 2)).toBe(true);
    const second = drawQuestions(quiz, questions, 2).map((q) => q.key);
    expect(second).not.toEqual(first);
    expect(quizProgress(quiz.id)?.current).toMatchObject({ seed: 2, responses: {}, checked: [], submitted: false });
    answerAll(true);
    expect(submit(quiz, questions)).toBe(100);
    expect(quizProgress(quiz.id)).toMatchObject({ best: 100, passed: true, attempts: 2 });
    expect(reported).toHaveLength(12);

    expect(retry(quiz, 3)).toBe(false);
    expect(quizProgress(quiz.id)?.attempts).toBe(2);
  });

  it('keeps the best score when a later attempt is worse', () => {
    startAttempt(quiz, 1);
    answerAll(true);
    submit(quiz, questions);
    retry(quiz, 9);
    answerAll(false);
    expect(submit(quiz, questions)).toBe(0);
    expect(quizProgress(quiz.id)).toMatchObject({ best: 100, passed: true, current: { score: 0 } });
  });

  it('does not report unanswered questions but scores them 0', () => {
    startAttempt(quiz, 4);
    const [firstQ] = drawQuestions(quiz, questions, 4);
    if (!firstQ) throw new Error('empty draw');
    answer(quiz.id, firstQ.key, correctResponse(firstQ));
    expect(submit(quiz, questions)).toBe(Math.round(100 / 6));
    expect(reported).toHaveLength(1);
  });
});

describe('resume after reload (state round-trip after every step)', () => {
  it('shows the same draw, answers and position, and finishes identically', () => {
    const bank = pool(8);
    const quiz = runtime(bank, { id: 'rt', feedback: 'after-submit', pools: [{ bank: 'rt', count: 5, keys: bank.map((q) => q.key) }] });
    const replay = (withReloads: boolean) => {
      hydrateLearner(emptyLearnerState());
      startAttempt(quiz, 77);
      if (withReloads) roundTrip();
      const drawn = drawQuestions(quiz, bank, quizProgress('rt')?.current?.seed ?? -1);
      drawn.forEach((q, i) => {
        answer('rt', q.key, i % 2 ? correctResponse(q) : [correctResponse(q)[0] === 'true' ? 'false' : 'true']);
        if (withReloads) roundTrip();
        move(quiz, bank, i + 1);
        if (withReloads) roundTrip();
      });
      const before = structuredClone(quizProgress('rt'));
      const score = submit(quiz, bank);
      if (withReloads) roundTrip();
      return { drawn: drawn.map((q) => q.key), before, score, after: quizProgress('rt') };
    };
    const plain = replay(false);
    const reloaded = replay(true);
    expect(reloaded).toEqual(plain);
    expect(plain.before?.current?.position).toBe(4); // clamped to the last question
    expect(Object.keys(plain.before?.current?.responses ?? {})).toHaveLength(5);
    expect(plain.score).toBe(40);
  });
});
