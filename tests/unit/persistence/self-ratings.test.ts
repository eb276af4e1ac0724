/**
 * Issue 13 item 3: the A2 self-assessment's ratings are part of the learner state, travel in the
 * suspend data (format v5), survive the browser mirror's validation and merge between copies.
 */
import { describe, expect, it } from 'vitest';
import { emptyLearnerState, type LearnerState } from '../../../src/engine/learner-state.ts';
import { isLearnerState } from '../../../src/engine/learner-state-guard.ts';
import { mergeLearnerStates, addsProgress } from '../../../src/persistence/merge.ts';
import { maximalState, maximalStateReport, plannedCourseTables } from '../../../src/persistence/suspend/bench.ts';
import { SELF_ITEM_IDS } from '../../../src/persistence/suspend/ids.ts';
import { sanitizeLearnerState } from '../../../src/persistence/suspend/validate.ts';
import { decodeLearnerState, encodeAtVersion, encodeLearnerState } from '../../../src/persistence/suspend/versions.ts';

const quiet = () => {};
const rated = (ratings: Record<string, number>): LearnerState => ({ ...emptyLearnerState(), visited: ['A2'], location: 'A2', selfRatings: ratings });
const everyItem = Object.fromEntries(SELF_ITEM_IDS.map((id, i) => [id, 1 + (i % 4)]));

describe('self-assessment ratings in the suspend data', () => {
  it('round-trip: every item, a few items, an id outside the table', () => {
    for (const ratings of [everyItem, { 'memory-2': 3 }, { 'response-1': 4, 'new-item-7': 2 }]) {
      const back = decodeLearnerState(encodeLearnerState(rated(ratings)), undefined, quiet);
      expect(back.reason).toBeUndefined();
      expect(back.state?.selfRatings).toEqual(ratings);
    }
  });

  it('a state without ratings decodes without the field (absent, never empty)', () => {
    const back = decodeLearnerState(encodeLearnerState(emptyLearnerState()), undefined, quiet).state as LearnerState;
    expect('selfRatings' in back).toBe(false);
  });

  it('costs a few characters: all 15 items rated add at most 8 characters', () => {
    const without = encodeLearnerState(rated({})).length;
    const withAll = encodeLearnerState(rated(everyItem)).length;
    expect(withAll - without).toBeLessThanOrEqual(8);
  });

  it('data written by the version-4 build (before the self-assessment) still resumes', () => {
    const state: LearnerState = { ...emptyLearnerState(), visited: ['P01'], ended: ['P01'], location: 'P01' };
    expect(decodeLearnerState(encodeAtVersion(state, 4), undefined, quiet)).toEqual({ state, version: 4 });
  });

  it('the maximal planned-course state carries every rating and stays within the budgets', () => {
    const state = maximalState();
    expect(Object.keys(state.selfRatings ?? {})).toEqual([...SELF_ITEM_IDS]);
    expect(decodeLearnerState(encodeLearnerState(state, plannedCourseTables()), plannedCourseTables(), quiet).state).toEqual(state);
    const report = maximalStateReport();
    expect(report.chars).toBeLessThanOrEqual(1500);
    expect(report.worstCaseBudgeted).toBeLessThanOrEqual(4096);
  });

  it('refuses to encode a rating outside 1–4', () => {
    expect(() => encodeLearnerState(rated({ 'response-1': 5 }))).toThrow();
    expect(isLearnerState(rated({ 'response-1': 0 }))).toBe(false);
    expect(isLearnerState(rated({ 'response-1': 2.5 }))).toBe(false);
  });
});

describe('self-assessment ratings read back from storage', () => {
  it('keeps good ratings and drops bad ones with a reason', () => {
    const reasons: string[] = [];
    const clean = sanitizeLearnerState({ ...rated({}), selfRatings: { 'response-1': 3, 'response-2': 9, 'memory-1': '2', empathy: null } }, (r) => reasons.push(r));
    expect(clean?.selfRatings).toEqual({ 'response-1': 3 });
    expect(reasons).toHaveLength(3);
  });

  it('drops a field that is not a record, and an empty one, without losing the rest', () => {
    for (const selfRatings of ['4444', [1, 2], {}]) {
      const clean = sanitizeLearnerState({ ...emptyLearnerState(), ended: ['P01'], selfRatings }, quiet);
      expect(clean?.ended).toEqual(['P01']);
      expect(clean && 'selfRatings' in clean).toBe(false);
    }
  });
});

describe('self-assessment ratings when two copies merge', () => {
  it('keeps every item rated in either copy; a re-rated item keeps the newer rating', () => {
    const older = rated({ 'response-1': 1, 'memory-1': 2 });
    const newer = rated({ 'response-1': 4, 'empathy-1': 3 });
    expect(mergeLearnerStates(older, newer).selfRatings).toEqual({ 'response-1': 4, 'memory-1': 2, 'empathy-1': 3 });
    expect(mergeLearnerStates(newer, older).selfRatings).toEqual({ 'response-1': 1, 'memory-1': 2, 'empathy-1': 3 });
  });

  it('a copy with a rating the other lacks adds progress; merging two states without ratings adds no field', () => {
    expect(addsProgress(emptyLearnerState(), rated({ 'memory-3': 2 }))).toBe(true);
    expect(addsProgress(rated({ 'memory-3': 2 }), rated({ 'memory-3': 2 }))).toBe(false);
    expect('selfRatings' in mergeLearnerStates(emptyLearnerState(), emptyLearnerState())).toBe(false);
  });
});
