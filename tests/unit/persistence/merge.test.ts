import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, emptyLearnerState, type LearnerState, type QuizAttemptState, type QuizProgress, type ScenarioProgress } from '../../../src/engine/learner-state.ts';
import { addsProgress, canonical, mergeLearnerStates } from '../../../src/persistence/merge.ts';
import { decodeLearnerState, encodeLearnerState } from '../../../src/persistence/suspend/versions.ts';

const quiet = () => {};

// --- consistent learner states over small id pools, so two copies often share an attempt ------
const lesson = fc.constantFrom('P01', 'P02', 'P03', 'P04');
const score = fc.integer({ min: 0, max: 100 });
const response = fc.constantFrom<string[]>(['a'], ['b'], ['c', 'a'], ['true'], ['1:a', '2:b']);

const attempt: fc.Arbitrary<QuizAttemptState> = fc
  .record({
    seed: fc.constantFrom(11, 22),
    position: fc.nat({ max: 4 }),
    responses: fc.dictionary(fc.constantFrom('q1', 'q2', 'q3', 'q4'), response, { maxKeys: 4 }),
    submitted: fc.boolean(),
    score,
    pick: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  })
  .map(({ pick, submitted, score: s, responses, ...rest }) => ({
    ...rest,
    responses,
    checked: Object.keys(responses).filter((_, i) => pick[i]),
    submitted,
    score: submitted ? s : null,
  }));

const quiz: fc.Arbitrary<QuizProgress> = fc
  .record({ attempts: fc.integer({ min: 1, max: 3 }), extra: fc.option(score, { nil: null }), passedAnyway: fc.boolean(), current: fc.option(attempt, { nil: null }) })
  .map(({ attempts, extra, passedAnyway, current }) => {
    const best = current?.submitted ? Math.max(current.score ?? 0, extra ?? 0) : extra;
    return { attempts, best, passed: passedAnyway && best !== null, current };
  });

const result = fc.record({
  ending: fc.constantFrom('e-won', 'e-lost'),
  total: score,
  dimensions: fc.array(score, { minLength: DIMENSIONS.length, maxLength: DIMENSIONS.length }),
  steps: fc.subarray(['listen', 'empathise', 'solve', 'follow-up']),
  path: fc.constantFrom<string[]>(['c1', 'c4'], ['c2', 'c5', 'c7']),
  passed: fc.boolean(),
});

const scenario: fc.Arbitrary<ScenarioProgress> = fc
  .record({ plays: fc.nat({ max: 3 }), last: fc.option(result, { nil: null }), extra: fc.option(score, { nil: null }), current: fc.option(fc.constantFrom<string[]>([], ['c1'], ['c1', 'c4'], ['c2']), { nil: null }) })
  .map(({ plays, last, extra, current }) => {
    const finished = plays > 0 ? last : null;
    const best = finished ? Math.max(finished.total, extra ?? 0) : null;
    return { plays, best, passed: finished?.passed ?? false, current, last: finished };
  });

const learnerState: fc.Arbitrary<LearnerState> = fc.record({
  location: fc.option(lesson, { nil: null }),
  visited: fc.uniqueArray(lesson),
  ended: fc.uniqueArray(lesson),
  quizzes: fc.dictionary(fc.constantFrom('p01', 'p02'), quiz, { maxKeys: 2 }),
  scenarios: fc.dictionary(fc.constantFrom('p03-x', 'p04-y'), scenario, { maxKeys: 2 }),
});

const sameAttempt = (a: QuizAttemptState | null, b: QuizAttemptState | null) => a !== null && b !== null && a.seed === b.seed;

/** Nothing completed, answered or scored in `before` is missing from `after`. */
function expectNothingLost(before: LearnerState, after: LearnerState) {
  for (const id of before.visited) expect(after.visited).toContain(id);
  for (const id of before.ended) expect(after.ended).toContain(id);
  for (const [id, q] of Object.entries(before.quizzes)) {
    const m = after.quizzes[id] as QuizProgress;
    expect(m.attempts).toBeGreaterThanOrEqual(q.attempts);
    if (q.best !== null) expect(m.best).toBeGreaterThanOrEqual(q.best);
    if (q.passed) expect(m.passed).toBe(true);
    if (m.attempts === q.attempts && q.current && sameAttempt(q.current, m.current)) {
      const current = m.current as QuizAttemptState;
      for (const qid of Object.keys(q.current.responses)) expect(current.responses).toHaveProperty(qid);
      for (const qid of q.current.checked) expect(current.checked).toContain(qid);
      if (q.current.submitted) expect(current.submitted).toBe(true);
    }
  }
  for (const [id, s] of Object.entries(before.scenarios)) {
    const m = after.scenarios[id] as ScenarioProgress;
    expect(m.plays).toBeGreaterThanOrEqual(s.plays);
    if (s.best !== null) expect(m.best).toBeGreaterThanOrEqual(s.best);
    if (s.passed) expect(m.passed).toBe(true);
    if (s.last) expect(m.last).not.toBeNull();
  }
}

describe('mergeLearnerStates (fast-check)', () => {
  it('loses nothing either copy completed, answered or scored (monotone)', () => {
    fc.assert(
      fc.property(learnerState, learnerState, (a, b) => {
        const merged = mergeLearnerStates(a, b);
        expectNothingLost(a, merged);
        expectNothingLost(b, merged);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('is commutative in everything but the bookmark, which is the newer copy’s', () => {
    fc.assert(
      fc.property(learnerState, learnerState, (a, b) => {
        expect(canonical(mergeLearnerStates(a, b))).toEqual(canonical(mergeLearnerStates(b, a)));
        expect(mergeLearnerStates(a, b).location).toBe(b.location ?? a.location);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('is idempotent: a state merged with itself, or a merge merged again, is unchanged', () => {
    fc.assert(
      fc.property(learnerState, learnerState, (a, b) => {
        expect(mergeLearnerStates(a, a)).toEqual(a);
        const merged = mergeLearnerStates(a, b);
        expect(mergeLearnerStates(merged, merged)).toEqual(merged);
        expect(canonical(mergeLearnerStates(merged, a))).toEqual(canonical(merged));
        expect(canonical(mergeLearnerStates(b, merged))).toEqual(canonical(merged));
        expect(addsProgress(merged, a)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('always yields a state the codec writes and reads back', () => {
    fc.assert(
      fc.property(learnerState, learnerState, (a, b) => {
        const merged = mergeLearnerStates(a, b);
        expect(decodeLearnerState(encodeLearnerState(merged), undefined, quiet).state).toEqual(merged);
      }),
      { numRuns: 200 },
    );
  });
});

describe('merging per answer (issue 9)', () => {
  const attemptWith = (responses: Record<string, string[]>, checked: string[]): QuizAttemptState => ({
    seed: 4242,
    position: Object.keys(responses).length,
    responses,
    checked,
    submitted: false,
    score: null,
  });

  it('item 3: three answers given while commits failed survive an LMS copy with the same attempt count', () => {
    // The LMS kept the attempt as it was at the last successful commit: one answer.
    const lms: LearnerState = { ...emptyLearnerState(), quizzes: { p02: { attempts: 1, best: null, passed: false, current: attemptWith({ q1: ['a'] }, ['q1']) } } };
    // The browser copy holds the three answers given during the outage.
    const browser: LearnerState = {
      ...emptyLearnerState(),
      quizzes: { p02: { attempts: 1, best: null, passed: false, current: attemptWith({ q1: ['a'], q2: ['b'], q3: ['c', 'a'] }, ['q1', 'q2', 'q3']) } },
    };
    for (const merged of [mergeLearnerStates(browser, lms), mergeLearnerStates(lms, browser)]) {
      expect(Object.keys(merged.quizzes.p02?.current?.responses ?? {})).toEqual(['q1', 'q2', 'q3']);
      expect(merged.quizzes.p02?.current?.checked).toEqual(['q1', 'q2', 'q3']);
    }
  });

  it('two tabs answering different questions of one attempt keep both answers; a locked answer beats an open one', () => {
    const a: LearnerState = { ...emptyLearnerState(), quizzes: { p02: { attempts: 1, best: null, passed: false, current: attemptWith({ q1: ['a'], q2: ['c'] }, ['q1']) } } };
    const b: LearnerState = { ...emptyLearnerState(), quizzes: { p02: { attempts: 1, best: null, passed: false, current: attemptWith({ q2: ['b'], q3: ['a'] }, ['q2']) } } };
    const merged = mergeLearnerStates(a, b).quizzes.p02?.current;
    expect(merged?.responses).toEqual({ q1: ['a'], q2: ['b'], q3: ['a'] });
    expect(merged?.checked).toEqual(['q1', 'q2']);
  });

  it('a newer attempt replaces an older one, but best score and pass never go back', () => {
    const older: QuizProgress = { attempts: 1, best: 90, passed: true, current: { ...attemptWith({ q1: ['a'] }, ['q1']), submitted: true, score: 90 } };
    const newer: QuizProgress = { attempts: 2, best: 60, passed: false, current: { ...attemptWith({ q1: ['b'] }, []), seed: 7 } };
    const merged = mergeLearnerStates({ ...emptyLearnerState(), quizzes: { p01: older } }, { ...emptyLearnerState(), quizzes: { p01: newer } }).quizzes.p01;
    expect(merged).toEqual({ attempts: 2, best: 90, passed: true, current: newer.current });
  });

  it('role-play: more finished plays win the latest result, equal counts keep the better result, bests never drop', () => {
    const result = (total: number, passed: boolean) => ({ ending: 'e', total, dimensions: [1, 2, 3, 4, 5], steps: ['listen'], path: ['c1'], passed });
    const a: ScenarioProgress = { plays: 2, best: 80, passed: true, current: null, last: result(40, false) };
    const b: ScenarioProgress = { plays: 1, best: 70, passed: true, current: ['c1'], last: result(70, true) };
    expect(mergeLearnerStates({ ...emptyLearnerState(), scenarios: { s: a } }, { ...emptyLearnerState(), scenarios: { s: b } }).scenarios.s).toEqual({
      plays: 2,
      best: 80,
      passed: true,
      current: null,
      last: result(40, false),
    });
    const c: ScenarioProgress = { ...b, plays: 2, best: 75, last: result(75, true) };
    expect(mergeLearnerStates({ ...emptyLearnerState(), scenarios: { s: a } }, { ...emptyLearnerState(), scenarios: { s: c } }).scenarios.s?.last).toEqual(result(75, true));
  });

  it('an id such as "__proto__" stays data', () => {
    const odd = JSON.parse('{"__proto__": {"attempts": 1, "best": 50, "passed": false, "current": null}}') as Record<string, QuizProgress>;
    const merged = mergeLearnerStates({ ...emptyLearnerState(), quizzes: odd }, { ...emptyLearnerState(), quizzes: odd });
    expect(Object.getPrototypeOf(merged.quizzes)).toBe(Object.prototype);
    expect(Object.keys(merged.quizzes)).toEqual(['__proto__']);
  });
});
