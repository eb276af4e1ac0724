/**
 * Issue 9 item 5: a malformed old record must not stop all saving. Every decoder validates every
 * field; whatever decodes can be encoded again. Item 8: another course's data is refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyLearnerState, type LearnerState } from '../../../src/engine/learner-state.ts';
import { encodeWithinBudget, SCORM12_SUSPEND_LIMIT } from '../../../src/persistence/suspend/budget.ts';
import { ID_TABLES } from '../../../src/persistence/suspend/ids.ts';
import { encodeV1Body } from '../../../src/persistence/suspend/v1.ts';
import { sanitizeLearnerState } from '../../../src/persistence/suspend/validate.ts';
import { courseTag, decodeLearnerState, encodeAtVersion, encodeLearnerState } from '../../../src/persistence/suspend/versions.ts';

const quiet = () => {};

/** What an S1 record with broken counts looks like (the v1 encoder writes what it is given). */
function s1(state: unknown): string {
  return `S1.${encodeV1Body(state as LearnerState)}`;
}

const good: LearnerState = {
  location: 'P02',
  visited: ['P01', 'P02'],
  ended: ['P01'],
  quizzes: { p01: { attempts: 1, best: 90, passed: true, current: null } },
  scenarios: { 'p01-broadband-install': { plays: 1, best: 70, passed: true, current: null, last: null } },
};

/** Decodes, then proves the result can be saved again: encode must not throw and must read back the same. */
function expectResumable(text: string): LearnerState | null {
  const logs: string[] = [];
  const { state } = decodeLearnerState(text, ID_TABLES, (m) => logs.push(m));
  // The decoder's last guard (refusing what it cannot write back) must never be what saves us.
  expect(logs.filter((m) => m.includes('cannot be written back'))).toEqual([]);
  if (state === null) return null;
  const again = encodeLearnerState(state);
  expect(decodeLearnerState(again, ID_TABLES, quiet).state).toEqual(state);
  expect(encodeWithinBudget(state, SCORM12_SUSPEND_LIMIT).text.length).toBeGreaterThan(0);
  return state;
}

describe('issue 9 item 5: a malformed S1 record', () => {
  it.each([
    ['a negative attempt count', { quizzes: { p01: { attempts: -1, best: 90, passed: true, current: null } } }],
    ['a non-whole attempt count', { quizzes: { p01: { attempts: 1.5, best: 90, passed: true, current: null } } }],
    ['a negative play count', { scenarios: { 'p01-broadband-install': { plays: -2, best: 70, passed: true, current: null, last: null } } }],
    ['a non-whole position', { quizzes: { p01: { attempts: 1, best: 90, passed: true, current: { seed: 1, position: 0.5, responses: {}, checked: [], submitted: false, score: null } } } }],
  ])('with %s decodes to a state that saves, keeping everything else', (_name, patch) => {
    const logs: string[] = [];
    const text = s1({ ...good, ...patch });
    const result = decodeLearnerState(text, ID_TABLES, (m) => logs.push(m));
    expect(result.state).not.toBeNull();
    // Today's bug: the record decoded and then every encode threw (0 commits, no Terminate).
    expect(() => encodeLearnerState(result.state as LearnerState)).not.toThrow();
    expect(expectResumable(text)?.ended).toEqual(['P01']);
    expect(result.state?.quizzes.p01?.best).toBe(90);
    // The untrusted value was dropped with a reason, in the log and in the result.
    expect(logs.some((m) => /dropped|set to|reset to/.test(m))).toBe(true);
    expect(result.dropped?.length).toBeGreaterThan(0);
  });

  it('sets a broken counter to the least the record proves (a best score means one attempt)', () => {
    const state = decodeLearnerState(s1({ ...good, quizzes: { p01: { attempts: -3, best: 90, passed: true, current: null } } }), ID_TABLES, quiet).state;
    expect(state?.quizzes.p01?.attempts).toBe(1);
  });

  it('drops a score outside 0–100, a non-finite seed and a result of the wrong shape, with reasons', () => {
    const logs: string[] = [];
    const state = sanitizeLearnerState(
      {
        ...good,
        quizzes: {
          p01: { attempts: 2, best: 140, passed: true, current: { seed: 'x', position: 0, responses: {}, checked: [], submitted: false, score: null } },
          p02: 'garbage',
        },
        scenarios: { s: { plays: 1, best: 50, passed: 'yes', current: [1, 'c1'], last: { ending: 'e', total: 50, dimensions: [1, 2], steps: [], path: [], passed: true } } },
      },
      (m) => logs.push(m),
    );
    expect(state?.quizzes).toEqual({ p01: { attempts: 2, best: null, passed: true, current: null } });
    expect(state?.scenarios.s).toEqual({ plays: 1, best: 50, passed: false, current: ['c1'], last: null });
    expect(logs.length).toBeGreaterThanOrEqual(5);
    for (const line of logs) expect(line).toMatch(/quizzes|scenarios/);
  });

  it('refuses what is not a learner state at all', () => {
    for (const value of [null, 3, 'S1', [], {}, { visited: 'P01', ended: [], quizzes: {}, scenarios: {} }]) expect(sanitizeLearnerState(value)).toBeNull();
  });
});

describe('decoders against encoders (fast-check)', () => {
  const json = fc.jsonValue({ maxDepth: 4 });
  /** Mostly a valid value, sometimes a wrong one: records with ONE bad field are the dangerous ones. */
  const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
    fc.oneof({ weight: 6, arbitrary: valid as fc.Arbitrary<T | U> }, { weight: 1, arbitrary: invalid as fc.Arbitrary<T | U> });
  const count = mostly(fc.nat({ max: 5 }), fc.oneof(fc.integer({ min: -5, max: -1 }), fc.double(), fc.constant(2 ** 60), json));
  const score = mostly(fc.integer({ min: 0, max: 100 }), fc.oneof(fc.double(), fc.integer({ min: -10, max: 200 }), json));
  const ids = mostly(fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 }), fc.oneof(json, fc.array(fc.oneof(fc.string(), json), { maxLength: 3 })));
  const flag = mostly(fc.boolean(), json);
  /** V1 records whose every field may be of the wrong type or out of range. */
  const v1Record = fc.record({
    location: mostly(fc.option(fc.string({ maxLength: 6 }), { nil: null }), json),
    visited: ids,
    ended: ids,
    quizzes: fc.dictionary(
      fc.string({ maxLength: 6 }),
      mostly(
        fc.record({
          attempts: count,
          best: mostly(fc.constant(null), score),
          passed: flag,
          current: fc.oneof(
            fc.constant(null),
            fc.record({ seed: count, position: count, responses: mostly(fc.dictionary(fc.string({ maxLength: 4 }), ids, { maxKeys: 3 }), json), checked: ids, submitted: flag, score: mostly(fc.constant(null), score) }),
          ),
        }),
        json,
      ),
      { maxKeys: 3 },
    ),
    scenarios: fc.dictionary(
      fc.string({ maxLength: 6 }),
      fc.record({
        plays: count,
        best: mostly(fc.constant(null), score),
        passed: flag,
        current: mostly(fc.constant(null), ids),
        last: fc.oneof(
          fc.constant(null),
          fc.record({
            ending: mostly(fc.string({ maxLength: 6 }), json),
            total: score,
            dimensions: mostly(fc.array(score, { minLength: 5, maxLength: 5 }), fc.array(score, { maxLength: 6 })),
            steps: ids,
            path: ids,
            passed: flag,
          }),
        ),
      }),
      { maxKeys: 3 },
    ),
  });

  it('an S1 record with any field of any value decodes to null or to a state that re-encodes', () => {
    fc.assert(
      fc.property(v1Record, (record) => {
        let text: string;
        try {
          text = s1(record);
        } catch {
          return; // the v1 encoder itself cannot write it (e.g. a non-object record)
        }
        expectResumable(text);
      }),
      { numRuns: 400 },
    );
  }, 90_000);

  it('random text behind every version header never throws and never yields an unsavable state', () => {
    const tag = courseTag('service-pitfalls');
    const alphabet = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');
    const body = fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 80 }));
    const text = fc.oneof(
      fc.string(),
      ...['S1.', 'S2.', 'S3.', `S4.${tag}`, 'S4.', 'S9.'].map((prefix) => body.map((b) => prefix + b)),
      json.map((v) => `S1.${Buffer.from(JSON.stringify(v) ?? 'null').toString('base64url')}`),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(() => decodeLearnerState(t, ID_TABLES, quiet)).not.toThrow();
        expectResumable(t);
      }),
      { numRuns: 1500 },
    );
  }, 90_000);

  it('anything at all through the field validator is null or encodable', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), v1Record.map((r) => ({ ...r, visited: [], ended: [], quizzes: r.quizzes, scenarios: r.scenarios }))), (value) => {
        const state = sanitizeLearnerState(value);
        if (state) expect(() => encodeLearnerState(state)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  }, 90_000);
});

describe('issue 9 item 8: course identity', () => {
  it('refuses suspend data written by another course built with this codec, and says why', () => {
    const foreign = encodeLearnerState(good, ID_TABLES, 'another-course');
    const logs: string[] = [];
    const result = decodeLearnerState(foreign, ID_TABLES, (m) => logs.push(m));
    expect(result.state).toBeNull();
    expect(result.foreign).toBe(true);
    expect(logs.join('\n')).toMatch(/another course/);
    // The same state written by this course resumes.
    expect(decodeLearnerState(encodeLearnerState(good), ID_TABLES, quiet).state).toEqual(good);
  });

  it('costs two characters and still reads data written before the tag existed (S1–S3)', () => {
    const text = encodeLearnerState(good);
    expect(text.startsWith(`S6.${courseTag('service-pitfalls')}`)).toBe(true);
    expect(decodeLearnerState(s1(good), ID_TABLES, quiet).state).toEqual(good);
    expect(decodeLearnerState(encodeAtVersion(good, 3), ID_TABLES, quiet)).toMatchObject({ state: good, version: 3 });
    expect(encodeAtVersion(good, 4).slice(3, 5)).toBe(courseTag('service-pitfalls'));
    expect(decodeLearnerState(encodeAtVersion(good, 4), ID_TABLES, quiet)).toMatchObject({ state: good, version: 4 });
  });

  it('an empty state is not confused with a foreign one', () => {
    expect(decodeLearnerState(encodeLearnerState(emptyLearnerState()), ID_TABLES, quiet).foreign).toBeUndefined();
  });
});
