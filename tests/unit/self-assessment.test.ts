/**
 * Issue 13 item 3: the five-dimension self-assessment — its items file, the scoring and
 * comparison rules (src/engine/self-assessment.ts) and the state actions and view
 * (src/state/self-assessment.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DIMENSIONS, emptyLearnerState, type ScenarioProgress, type ScenarioResult } from '../../src/engine/learner-state.ts';
import { compareSelfWithShown, ratingScore, selfScores, shownScores, type SelfItemRef } from '../../src/engine/self-assessment.ts';
import { roleplayUi } from '../../src/i18n/zh-CN.roleplay.ts';
import { selfUi } from '../../src/i18n/zh-CN.self.ts';
import { SELF_ITEM_IDS } from '../../src/persistence/suspend/ids.ts';
import { selfAssessmentSchema } from '../../src/schemas/self-assessment.ts';
import { readSelfAssessment } from '../../src/site/self-assessment.ts';
import { $hydrated, $learner, hydrateLearner } from '../../src/state/progress.ts';
import { rateSelf, selfAssessmentStore, selfAssessmentView } from '../../src/state/self-assessment.ts';
import { repoRoot } from '../support/fixture-site.ts';

const { data } = readSelfAssessment(repoRoot);
const items: SelfItemRef[] = (data?.dimensions ?? []).flatMap((d) => d.items.map((item) => ({ id: item.id, dimension: d.dimension })));
const rateAll = (rating: (item: SelfItemRef) => number) => Object.fromEntries(items.map((item) => [item.id, rating(item)]));
const result = (dimensions: number[]): ScenarioResult => ({ ending: 'e-resolved', total: 70, dimensions, steps: [], path: [], passed: true });
const played = (dimensions: number[] | null, plays = 1): ScenarioProgress => ({ plays, best: 70, passed: true, current: null, last: dimensions && result(dimensions) });

describe('content/self-assessment.yaml', () => {
  it('is valid: the five dimensions in rubric order, 2–4 behaviour statements each', () => {
    expect(readSelfAssessment(repoRoot).problems).toEqual([]);
    expect(data?.dimensions.map((d) => d.dimension)).toEqual([...DIMENSIONS]);
    for (const d of data?.dimensions ?? []) expect(d.items.length).toBeGreaterThanOrEqual(2);
  });

  it('every item id is in the committed codec table (ratings are saved by table index)', () => {
    expect(items.map((i) => i.id).filter((id) => !SELF_ITEM_IDS.includes(id))).toEqual([]);
  });

  it('the schema names file problems an author can act on', () => {
    const bad = selfAssessmentSchema.safeParse({ ...data, dimensions: [...(data?.dimensions ?? [])].reverse() });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/must be response \(rubric order/);
    const wrongPrefix = structuredClone(data) as NonNullable<typeof data>;
    (wrongPrefix.dimensions[1] as { items: { id: string }[] }).items[0] = { id: 'response-9', text: '一条足够长的行为描述。' } as never;
    expect(selfAssessmentSchema.safeParse(wrongPrefix).error?.issues.map((i) => i.message)).toContain('must start with "professionalism-"');
  });

  it('dimension names are the role-play rubric names, word for word', () => {
    for (const d of DIMENSIONS) expect(selfUi[`self.dim.${d}`]).toBe(roleplayUi[`roleplay.dim.${d}`]);
  });
});

describe('self scores', () => {
  it('maps the four frequencies to 0, 33, 67, 100 and averages a dimension', () => {
    expect([1, 2, 3, 4].map((r) => Math.round(ratingScore(r)))).toEqual([0, 33, 67, 100]);
    const ratings = rateAll((item) => (item.dimension === 'memory' ? 4 : item.id.endsWith('-1') ? 1 : 3));
    const scores = selfScores(items, ratings);
    expect(scores[DIMENSIONS.indexOf('memory')]).toBe(100);
    // One "很少" (0) and two "经常" (67 each): 44.
    expect(scores[DIMENSIONS.indexOf('response')]).toBe(44);
  });

  it('a dimension with an unrated item has no score yet', () => {
    const ratings = rateAll(() => 2);
    delete ratings['empathy-2'];
    const scores = selfScores(items, ratings);
    expect(scores[DIMENSIONS.indexOf('empathy')]).toBeNull();
    expect(scores.filter((s) => s === null)).toHaveLength(1);
  });
});

describe('role-play scores per dimension (shown behaviour)', () => {
  it('none before a finished role-play; a play in progress does not count', () => {
    expect(shownScores({})).toBeNull();
    expect(shownScores({ a: { ...played(null, 0), current: ['c1'] } })).toBeNull();
  });

  it('the mean over role-plays of each one’s kept result, each role-play counted once however often replayed', () => {
    const shown = shownScores({ a: played([100, 80, 60, 40, 20], 5), b: played([50, 40, 30, 20, 10], 1), c: played(null, 0) });
    expect(shown).toEqual({ values: [75, 60, 45, 30, 15], rolePlays: 2 });
  });
});

describe('self vs shown', () => {
  it('sorts dimensions into clearly higher, clearly lower and close (20 points)', () => {
    expect(compareSelfWithShown([100, 50, 67, 0, 33], [60, 50, 90, 19, 53])).toEqual({
      higher: ['response'],
      lower: ['memory', 'empathy'],
      close: ['professionalism', 'proactivity'],
    });
  });
});

describe('state: rating and the view', () => {
  beforeEach(() => hydrateLearner(emptyLearnerState()));

  it('rateSelf writes the learner state; a rating outside 1–4 is ignored', () => {
    rateSelf('response-1', 3);
    rateSelf('response-1', 4);
    rateSelf('response-2', 7);
    expect($learner.get().selfRatings).toEqual({ 'response-1': 4 });
  });

  it('the view: loading until hydrated, then progress, then both radars and the comparison', () => {
    $hydrated.set(false);
    const store = selfAssessmentStore(items);
    expect(store.get().ready).toBe(false);
    hydrateLearner(emptyLearnerState());
    expect(store.get()).toMatchObject({ ready: true, rated: 0, total: items.length, self: null, shown: null, comparison: null });
    for (const item of items) rateSelf(item.id, 4);
    expect(store.get()).toMatchObject({ rated: items.length, self: [100, 100, 100, 100, 100], shown: null, comparison: null });
    hydrateLearner({ ...$learner.get(), scenarios: { 'p03-x': played([90, 85, 40, 70, 95]) } });
    expect(store.get().comparison).toEqual({ higher: ['memory', 'proactivity'], lower: [], close: ['response', 'professionalism', 'empathy'] });
  });

  it('a state restored from storage shows its ratings (resume)', () => {
    const view = selfAssessmentView(items, { ...emptyLearnerState(), selfRatings: { 'memory-2': 2 } }, true);
    expect(view.ratings).toEqual({ 'memory-2': 2 });
    expect(view.rated).toBe(1);
  });
});
