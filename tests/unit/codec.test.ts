import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { maximalState, maximalStateReport, maximalStateSize, plannedCourseTables } from '../../src/engine/codec-bench.ts';
import { ID_TABLES, type IdTables } from '../../src/engine/codec-ids.ts';
import { encodeV1Body } from '../../src/engine/codec-v1.ts';
import {
  CODEC_VERSION,
  decodeLearnerState,
  encodeLearnerState,
  encodeWithinBudget,
  SCORM12_SUSPEND_LIMIT,
} from '../../src/engine/codec.ts';
import { DIMENSIONS, emptyLearnerState, isLearnerState, type LearnerState } from '../../src/engine/learner-state.ts';

const quiet = () => {};

/** A state using table ids, ids outside the tables, a non-integer score and in-progress work. */
const GOLDEN_STATE: LearnerState = {
  location: 'P02',
  visited: ['P01', 'P02', 'P03'],
  ended: ['P01'],
  quizzes: {
    p01: {
      attempts: 2,
      best: 75,
      passed: false,
      current: { seed: 3735928559, position: 2, responses: { q3: ['b'], q1: ['a', 'c'], q5: ['d', 'a', 'c', 'b'] }, checked: ['q3', 'q1'], submitted: false, score: null },
    },
    'course-assessment': { attempts: 1, best: 87.5, passed: true, current: null },
  },
  scenarios: {
    'p01-broadband-install': {
      plays: 1,
      best: 64,
      passed: true,
      current: null,
      last: { ending: 'e-resolved', total: 64, dimensions: [80, 60, 40, 70, 70], steps: ['listen', 'empathise', 'solve'], path: ['c1', 'c4', 'c8', 'c11'], passed: true },
    },
    'p02-delivery-chat': { plays: 0, best: null, passed: false, current: ['c2', 'c5'], last: null },
  },
};

/**
 * Written by this build's encoder and committed: if the v2 layout or the order of the id tables
 * ever changes without a new version, learners' saved progress would be misread; this fails first.
 */
const GOLDEN_V2 = 'S2.C-RBA4gTjB3S1vVt93sjQdoG0GzoCQU0HxdBlDhHWgKvAAAAAAAEwBUCixJEREji1RA0BQPChGRiAqUnyHQGbN8';

// --- arbitrary learner states -----------------------------------------------------------------
const tableId = (list: readonly string[]) => fc.constantFrom(...list);
const anyId = fc.string({ minLength: 0, maxLength: 12, unit: fc.constantFrom('a', 'b', 'q', '1', '2', '-', ':', '.', 'X', 'Z', '服', 'é', '\u{1F600}') });
const id = (list: readonly string[]) => fc.oneof({ weight: 3, arbitrary: tableId(list) }, { weight: 1, arbitrary: anyId });
const score = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }));
const nullableScore = fc.option(score, { nil: null });
const count = fc.nat({ max: 40 });
const choiceIds = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 60 }).map((n) => `c${n}`), { maxLength: 14 }),
  fc.array(anyId, { maxLength: 6 }),
);

const attempt = fc
  .dictionary(id(['q1', 'q2', 'q3', 'p01.q4']), fc.array(id(['a', 'b', 'c', 'd', 'e', '1:a']), { maxLength: 5 }), { maxKeys: 10 })
  .chain((responses) =>
    fc.record({
      seed: fc.oneof(fc.nat({ max: 2 ** 32 - 1 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
      position: count,
      responses: fc.constant(responses),
      checked: fc.oneof(fc.subarray(Object.keys(responses)), fc.array(anyId, { maxLength: 4 })),
      submitted: fc.boolean(),
      score: nullableScore,
    }),
  );

const quiz = fc.record({ attempts: count, best: nullableScore, passed: fc.boolean(), current: fc.option(attempt, { nil: null }) });
const result = fc.record({
  ending: id(['e-loyal', 'e-lost']),
  total: score,
  dimensions: fc.array(score, { minLength: DIMENSIONS.length, maxLength: DIMENSIONS.length }),
  steps: fc.array(id(ID_TABLES.steps), { maxLength: 5 }),
  path: choiceIds,
  passed: fc.boolean(),
});
const scenario = fc.record({
  plays: count,
  best: nullableScore,
  passed: fc.boolean(),
  current: fc.option(choiceIds, { nil: null }),
  last: fc.option(result, { nil: null }),
});
const lessonList = fc.uniqueArray(id(ID_TABLES.lessons), { maxLength: 20 });
const learnerState: fc.Arbitrary<LearnerState> = lessonList.chain((visited) =>
  fc.record({
    location: fc.option(id(ID_TABLES.lessons), { nil: null }),
    visited: fc.constant(visited),
    ended: fc.oneof(fc.subarray(visited), lessonList),
    quizzes: fc.dictionary(id(ID_TABLES.quizzes), quiz, { maxKeys: 6 }),
    scenarios: fc.dictionary(id(ID_TABLES.scenarios), scenario, { maxKeys: 6 }),
  }),
);

describe('suspend-data codec', () => {
  it('round-trips random learner states exactly (fast-check)', () => {
    fc.assert(
      fc.property(learnerState, (state) => {
        const text = encodeLearnerState(state);
        expect(text).toMatch(/^S2\.[A-Za-z0-9_-]+$/);
        const decoded = decodeLearnerState(text, ID_TABLES, quiet);
        expect(decoded.reason).toBeUndefined();
        expect(decoded.state).toEqual(state);
      }),
      { numRuns: 400 },
    );
  });

  it('writes plain ASCII, the same length in characters and in UTF-8 bytes', () => {
    const text = encodeLearnerState(GOLDEN_STATE);
    expect(new TextEncoder().encode(text).length).toBe(text.length);
  });

  it('still reads the committed version-2 string (format and id tables unchanged)', () => {
    expect(encodeLearnerState(GOLDEN_STATE)).toBe(GOLDEN_V2);
    expect(decodeLearnerState(GOLDEN_V2, ID_TABLES, quiet)).toEqual({ state: GOLDEN_STATE, version: 2 });
  });

  it('reads strings written before ids were appended to the tables (append-only is safe)', () => {
    const grown: IdTables = {
      lessons: [...ID_TABLES.lessons, 'P51', 'P52'],
      quizzes: [...ID_TABLES.quizzes, 'p51'],
      scenarios: [...ID_TABLES.scenarios, 'p51-new-roleplay', 'p52-another'],
      steps: [...ID_TABLES.steps, 'reflect'],
    };
    const withNewIds: LearnerState = { ...GOLDEN_STATE, visited: [...GOLDEN_STATE.visited, 'P51'], scenarios: { ...GOLDEN_STATE.scenarios, 'p51-new-roleplay': { plays: 0, best: null, passed: false, current: null, last: null } } };
    expect(decodeLearnerState(GOLDEN_V2, grown, quiet).state).toEqual(GOLDEN_STATE);
    // …and a string written by an older build that did not know P51 yet (written in full) still reads.
    expect(decodeLearnerState(encodeLearnerState(withNewIds), grown, quiet).state).toEqual(withNewIds);
  });

  it('migrates version-1 data (short-key JSON) to the current state', () => {
    expect(CODEC_VERSION).toBe(2);
    const v1 = `S1.${encodeV1Body(GOLDEN_STATE)}`;
    expect(decodeLearnerState(v1, ID_TABLES, quiet)).toEqual({ state: GOLDEN_STATE, version: 1 });
    // A hand-written v1 record, as an older build stored it.
    const legacy = `S1.${Buffer.from(JSON.stringify({ l: 'P01', v: ['P01'], e: [], q: { p01: [1, null, 0, [7, 0, { q1: ['a'] }, [], 0, null]] }, s: {} })).toString('base64url')}`;
    expect(decodeLearnerState(legacy, ID_TABLES, quiet).state).toEqual({
      location: 'P01',
      visited: ['P01'],
      ended: [],
      quizzes: { p01: { attempts: 1, best: null, passed: false, current: { seed: 7, position: 0, responses: { q1: ['a'] }, checked: [], submitted: false, score: null } } },
      scenarios: {},
    });
  });

  it('treats empty data as a first launch, silently', () => {
    const log = vi.fn();
    expect(decodeLearnerState('', ID_TABLES, log)).toEqual({ state: null });
    expect(decodeLearnerState(null, ID_TABLES, log)).toEqual({ state: null });
    expect(log).not.toHaveBeenCalled();
  });

  it.each([
    ['garbage', 'hello world', /not this course's format/],
    ['foreign JSON', '{"slide":4,"lzw":"…"}', /not this course's format/],
    ['unknown version', 'S9.AAAA', /unknown format version 9/],
    ['bad characters', 'S2.AA!!', /unreadable/],
    ['a flipped character', GOLDEN_V2.slice(0, 20) + (GOLDEN_V2[20] === 'A' ? 'B' : 'A') + GOLDEN_V2.slice(21), /unreadable/],
    ['broken v1 JSON', 'S1.eyJs', /unreadable/],
    ['v1 JSON of something else', `S1.${Buffer.from('{"l":5}').toString('base64url')}`, /unreadable|does not describe/],
  ])('returns null and logs why for %s', (_name, text, reason) => {
    const log = vi.fn();
    const result = decodeLearnerState(text, ID_TABLES, log);
    expect(result.state).toBeNull();
    expect(result.reason).toMatch(reason);
    expect(log).toHaveBeenCalledOnce();
    expect(String(log.mock.calls[0]?.[0])).toMatch(reason);
  });

  it('never throws and never accepts a truncated string', () => {
    const text = encodeLearnerState(maximalState(), plannedCourseTables());
    for (let cut = 0; cut < text.length; cut += 7) {
      const result = decodeLearnerState(text.slice(0, cut), plannedCourseTables(), quiet);
      expect(result.state).toBeNull();
    }
  });

  it('never throws on random text (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `S2.${s}`), fc.base64String().map((s) => `S2.${s.replace(/[+/=]/g, 'A')}`)), (text) => {
        const result = decodeLearnerState(text, ID_TABLES, quiet);
        expect(result.state === null || isLearnerState(result.state)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses to encode something that is not a learner state', () => {
    expect(() => encodeLearnerState({ ...emptyLearnerState(), visited: 'P01' } as unknown as LearnerState)).toThrow(TypeError);
  });
});

describe('suspend-data budget (whole planned course)', () => {
  const tables: IdTables = plannedCourseTables();

  it('models every planned unit at its maximum', () => {
    const state = maximalState();
    expect(state.ended).toHaveLength(63);
    expect(Object.keys(state.quizzes)).toHaveLength(63);
    expect(Object.values(state.scenarios).every((s) => s.last?.path.length === 12)).toBe(true);
    expect(Object.values(state.quizzes).every((q) => Object.keys(q.current?.responses ?? {}).length === 8)).toBe(true);
  });

  it(`fits SCORM 1.2's ${SCORM12_SUSPEND_LIMIT} characters and round-trips`, () => {
    const text = encodeLearnerState(maximalState(), tables);
    expect(text.length).toBe(maximalStateSize());
    expect(text.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
    expect(decodeLearnerState(text, tables, quiet).state).toEqual(maximalState());
    const report = maximalStateReport();
    expect(report.scatteredPaths).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
  });

  it('with every assessment in progress too, drops detail in order and keeps all progress', () => {
    const state = maximalState({ assessments: true });
    const { text, dropped, fits } = encodeWithinBudget(state, SCORM12_SUSPEND_LIMIT, tables);
    expect(fits).toBe(true);
    expect(text.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
    expect(dropped.length).toBeGreaterThan(0);
    const back = decodeLearnerState(text, tables, quiet).state as LearnerState;
    expect(back.ended).toEqual(state.ended);
    for (const [id, q] of Object.entries(state.quizzes)) {
      expect(back.quizzes[id]).toMatchObject({ attempts: q.attempts, best: q.best, passed: q.passed });
    }
    for (const [id, s] of Object.entries(state.scenarios)) {
      expect(back.scenarios[id]).toMatchObject({ plays: s.plays, best: s.best, passed: s.passed });
    }
  });

  it('leaves a state that fits untouched', () => {
    expect(encodeWithinBudget(GOLDEN_STATE, SCORM12_SUSPEND_LIMIT)).toEqual({ text: GOLDEN_V2, dropped: [], fits: true });
  });
});
