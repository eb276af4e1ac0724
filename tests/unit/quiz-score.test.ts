import { describe, expect, it } from 'vitest';
import { rq, single, multiple, trueFalse, ordering, matching, bestReply, allTypes } from './quiz-helpers.ts';
import { initialOrder } from '../../src/engine/quiz/draw.ts';
import { correctResponse, effectiveResponse, isAnswered, scoreAttempt, scoreQuestion, verdictOf } from '../../src/engine/quiz/score.ts';

describe('scoring: single choice', () => {
  it('gives full credit only for the one right option', () => {
    expect(scoreQuestion(single, ['a'])).toBe(1);
    expect(scoreQuestion(single, ['b'])).toBe(0);
    expect(scoreQuestion(single, [])).toBe(0);
    expect(scoreQuestion(single, ['a', 'b'])).toBe(0);
  });
});

describe('scoring: multiple response', () => {
  it('gives full credit for exactly the right set, in any order', () => {
    expect(scoreQuestion(multiple, ['c', 'a', 'b'])).toBe(1);
  });
  it('gives partial credit: (right chosen − wrong chosen) ÷ right options', () => {
    expect(scoreQuestion(multiple, ['a', 'b'])).toBeCloseTo(2 / 3);
    expect(scoreQuestion(multiple, ['a'])).toBeCloseTo(1 / 3);
    expect(scoreQuestion(multiple, ['a', 'b', 'c', 'd'])).toBeCloseTo(2 / 3);
    expect(scoreQuestion(multiple, ['a', 'b', 'c', 'd', 'e'])).toBeCloseTo(1 / 3);
  });
  it('never goes below 0 and ignores unknown or repeated ids', () => {
    expect(scoreQuestion(multiple, ['a', 'd', 'e'])).toBe(0);
    expect(scoreQuestion(multiple, ['d'])).toBe(0);
    expect(scoreQuestion(multiple, ['a', 'a', 'a', 'zz'])).toBeCloseTo(1 / 3);
  });
  it('scores all-or-nothing when partial is false', () => {
    const strict = rq({ ...multiple, partial: false });
    expect(scoreQuestion(strict, ['a', 'b'])).toBe(0);
    expect(scoreQuestion(strict, ['a', 'b', 'c'])).toBe(1);
  });
});

describe('scoring: true/false', () => {
  it('compares the "true"/"false" response with the answer', () => {
    expect(scoreQuestion(trueFalse, ['false'])).toBe(1);
    expect(scoreQuestion(trueFalse, ['true'])).toBe(0);
    expect(scoreQuestion(trueFalse, ['no'])).toBe(0);
    expect(correctResponse(trueFalse)).toEqual(['false']);
  });
});

describe('scoring: ordering', () => {
  it('gives full credit for the authored order', () => {
    expect(scoreQuestion(ordering, ['listen', 'empathise', 'solve', 'follow-up'])).toBe(1);
  });
  it('gives the share of steps in their right place', () => {
    // listen and follow-up in place, the middle two swapped → 2 of 4.
    expect(scoreQuestion(ordering, ['listen', 'solve', 'empathise', 'follow-up'])).toBe(0.5);
    expect(scoreQuestion(ordering, ['follow-up', 'solve', 'empathise', 'listen'])).toBe(0);
  });
  it('gives nothing for a response that is not a permutation of the steps', () => {
    expect(scoreQuestion(ordering, ['listen', 'listen', 'solve', 'follow-up'])).toBe(0);
    expect(scoreQuestion(ordering, ['listen', 'empathise', 'solve'])).toBe(0);
  });
  it('scores all-or-nothing when partial is false', () => {
    const strict = rq({ ...ordering, partial: false });
    expect(scoreQuestion(strict, ['listen', 'solve', 'empathise', 'follow-up'])).toBe(0);
  });
});

describe('scoring: matching', () => {
  it('gives the share of left items matched correctly', () => {
    expect(scoreQuestion(matching, ['l1:r1', 'l2:r2', 'l3:r3', 'l4:r4'])).toBe(1);
    expect(scoreQuestion(matching, ['l1:r1', 'l2:r2', 'l3:r4', 'l4:r3'])).toBe(0.5);
    expect(scoreQuestion(matching, ['l1:r5', 'l2:r2'])).toBe(0.25);
    expect(scoreQuestion(matching, [])).toBe(0);
  });
  it('scores all-or-nothing when partial is false', () => {
    const strict = rq({ ...matching, partial: false });
    expect(scoreQuestion(strict, ['l1:r1', 'l2:r2', 'l3:r3', 'l4:r5'])).toBe(0);
  });
  it('reports the correct pairs as left:right', () => {
    expect(correctResponse(matching)).toEqual(['l1:r1', 'l2:r2', 'l3:r3', 'l4:r4']);
  });
});

describe('scoring: best reply', () => {
  it('gives each reply its own credit: full, partial or none', () => {
    expect(scoreQuestion(bestReply, ['a'])).toBe(1);
    expect(scoreQuestion(bestReply, ['b'])).toBe(0.5);
    expect(scoreQuestion(bestReply, ['c'])).toBe(0);
    expect(scoreQuestion(bestReply, ['zz'])).toBe(0);
    expect(scoreQuestion(bestReply, ['a', 'b'])).toBe(0);
    expect(correctResponse(bestReply)).toEqual(['a']);
  });
});

describe('verdicts and attempts', () => {
  it('turns credit into a verdict', () => {
    expect(verdictOf(1)).toBe('correct');
    expect(verdictOf(0.5)).toBe('partial');
    expect(verdictOf(0)).toBe('incorrect');
  });
  it('knows when a question is answered', () => {
    expect(isAnswered(single, [])).toBe(false);
    expect(isAnswered(single, ['a'])).toBe(true);
    expect(isAnswered(matching, ['l1:r1', 'l2:r2', 'l3:r3'])).toBe(false);
    expect(isAnswered(matching, ['l1:r1', 'l2:r2', 'l3:r3', 'l4:r5'])).toBe(true);
  });
  it('counts an ordering question as answered only once something was moved', () => {
    expect(isAnswered(ordering, undefined)).toBe(false);
    expect(isAnswered(ordering, [])).toBe(false);
    expect(isAnswered(ordering, ['solve', 'listen', 'empathise', 'follow-up'])).toBe(true);
    const start = initialOrder(ordering as Extract<typeof ordering, { type: 'ordering' }>, 7);
    expect(effectiveResponse(ordering, {}, 7)).toEqual(start);
    expect(effectiveResponse(ordering, { q4: ['x'] }, 7)).toEqual(['x']);
  });
  it('scores an attempt as the mean credit in whole percent, unanswered counting 0', () => {
    const responses = { q1: ['a'], q2: ['a', 'b'], q3: ['true'], q6: ['b'], q5: ['l1:r1', 'l2:r2', 'l3:r3', 'l4:r4'] };
    // q4 (ordering) untouched: unanswered, 0.
    expect(scoreAttempt(allTypes, responses)).toBe(Math.round(((1 + 2 / 3 + 0 + 0 + 1 + 0.5) / 6) * 100));
    expect(scoreAttempt(allTypes, Object.fromEntries(allTypes.map((q) => [q.key, correctResponse(q)])))).toBe(100);
    expect(scoreAttempt([], {})).toBe(0);
  });
});
