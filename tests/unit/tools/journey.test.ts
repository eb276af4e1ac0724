/** Issue 17: the S02 customer-journey map (src/engine/tools/journey.ts). */
import { describe, expect, it } from 'vitest';
import {
  canAddTouchpoint, moveTouchpoint,
  emotionCurve, emptyStages, JOURNEY_PRESET, JOURNEY_STAGES, journeyCsv, journeyPreset, journeyPresetKey, journeySummary, lowestStages,
  lowestTouchpoints, normaliseJourney, type JourneyCsvHeader,
} from '../../../src/engine/tools/journey.ts';
import { parseCsv } from '../../../src/engine/tools/shared.ts';
import { exampleWord, toolExamples, toolWord } from '../../../src/i18n/zh-CN.tools.ts';
import { journeyDataSchema, type JourneyStage, type Touchpoint } from '../../../src/schemas/tools.ts';

const tp = (id: string, stage: JourneyStage, emotion: number): Touchpoint => ({ id, stage, label: id, emotion });

describe('the stages', () => {
  it('are P07’s five stages in order, with their zh-CN names', () => {
    expect(JOURNEY_STAGES).toEqual(['awareness', 'evaluation', 'purchase', 'experience', 'loyalty']);
    expect(JOURNEY_STAGES.map((s) => toolWord(`tools.journey.stage.${s}`))).toEqual(['认知', '评估', '购买', '体验', '忠诚']);
  });
});

describe('emotionCurve', () => {
  it('gives the mean per stage, and null for an empty stage', () => {
    const curve = emotionCurve([tp('a', 'awareness', 2), tp('b', 'awareness', -1), tp('c', 'purchase', -2), tp('d', 'loyalty', 1), tp('e', 'loyalty', 0), tp('f', 'loyalty', 0)]);
    expect(curve.map((p) => p.mean)).toEqual([0.5, null, -2, null, 1 / 3]);
    expect(curve.map((p) => p.count)).toEqual([2, 0, 1, 0, 3]);
    expect(curve.map((p) => p.position)).toEqual([1, 2, 3, 4, 5]);
  });

  it('an empty map: five empty stages, no lowest point, no summary', () => {
    expect(emotionCurve([]).every((p) => p.mean === null)).toBe(true);
    expect(emptyStages([])).toEqual([...JOURNEY_STAGES]);
    expect(lowestTouchpoints([])).toEqual([]);
    expect(lowestStages([])).toEqual([]);
    expect(journeySummary({ persona: '', touchpoints: [] })).toBeNull();
  });
});

describe('lowest points', () => {
  it('keeps every touchpoint tied at the lowest emotion, in stage order', () => {
    const list = [tp('x', 'loyalty', -2), tp('y', 'awareness', 1), tp('z', 'evaluation', -2), tp('w', 'evaluation', -1)];
    expect(lowestTouchpoints(list).map((t) => t.id)).toEqual(['z', 'x']);
  });

  it('keeps tied lowest stages and skips empty ones (an empty stage is not a low point)', () => {
    const list = [tp('a', 'awareness', -1), tp('b', 'awareness', 0), tp('c', 'experience', 0), tp('d', 'experience', -1), tp('e', 'loyalty', 1)];
    expect(lowestStages(list).map((p) => p.stage)).toEqual(['awareness', 'experience']);
  });

  it('an all-positive map still has a lowest point (the least positive)', () => {
    expect(lowestTouchpoints([tp('a', 'awareness', 2), tp('b', 'purchase', 1)]).map((t) => t.id)).toEqual(['b']);
  });
});

describe('normaliseJourney (bad input)', () => {
  it('caps 10 touchpoints per stage, 50 in all, clamps emotion and reports what it cut', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ stage: JOURNEY_STAGES[i % 5], label: '<b>触点</b>'.repeat(300), emotion: i % 2 ? 7 : -9 }));
    const { data, cuts } = normaliseJourney({ persona: 'p'.repeat(2000), touchpoints: many });
    expect(data.touchpoints).toHaveLength(50);
    for (const s of JOURNEY_STAGES) expect(data.touchpoints.filter((t) => t.stage === s)).toHaveLength(10);
    expect(cuts.rowsDropped).toBe(450);
    expect(cuts.labelsShortened).toBe(51);
    expect(new Set(data.touchpoints.map((t) => t.emotion))).toEqual(new Set([-2, 2]));
    expect(journeyDataSchema.safeParse(data).success).toBe(true);
  });

  it('a 500-touchpoint paste into one stage leaves the other stages their room', () => {
    const one = Array.from({ length: 500 }, () => ({ stage: 'experience', label: 'x', emotion: 0 }));
    const { data, cuts } = normaliseJourney({ touchpoints: [...one, { stage: 'loyalty', label: 'y', emotion: 1 }] });
    expect(data.touchpoints).toHaveLength(11);
    expect(cuts.rowsDropped).toBe(490);
  });

  it('unknown stage → awareness, missing emotion → 0, junk → an empty map', () => {
    const { data } = normaliseJourney({ touchpoints: [{ stage: 'nowhere', label: 'a' }] });
    expect(data.touchpoints[0]).toMatchObject({ stage: 'awareness', emotion: 0 });
    expect(normaliseJourney(null).data).toEqual({ persona: '', touchpoints: [] });
  });
});

describe('preset, CSV and summary', () => {
  it('the hotel preset has words for every touchpoint and shows a low point in the experience stage', () => {
    const data = journeyPreset(exampleWord);
    expect(journeyDataSchema.safeParse(data).success).toBe(true);
    for (const t of JOURNEY_PRESET) expect(Object.hasOwn(toolExamples, journeyPresetKey(t.id))).toBe(true);
    expect(lowestTouchpoints(data.touchpoints).map((t) => t.id)).toEqual(['t5', 't7']);
    expect(emptyStages(data.touchpoints)).toEqual([]);
    expect(journeySummary(data)).toEqual({ done: true, values: { lowestStage: 4, touchpoints: 8 } }); // 体验: (−2 + 2 − 2) / 3 < 评估: −0.5
    expect(lowestStages(data.touchpoints).map((p) => p.stage)).toEqual(['experience']);
  });

  it('exports in stage order with the stage mean and the lowest marks', () => {
    const header = ['stage', 'tp', 'emo', 'mean', 'low'] as const satisfies JourneyCsvHeader;
    const list = [tp('b', 'purchase', -2), tp('a', 'awareness', 1), tp('c', 'purchase', 1)];
    const parsed = parseCsv(journeyCsv({ persona: '', touchpoints: list }, header, (s) => toolWord(`tools.journey.stage.${s}`), '是'));
    expect(parsed.slice(1)).toEqual([['认知', 'a', '1', '1', ''], ['购买', 'b', '-2', '-0.5', '是'], ['购买', 'c', '1', '-0.5', '']]);
  });

  it('summary is not done while a stage is empty', () => {
    expect(journeySummary({ persona: '', touchpoints: [tp('a', 'purchase', -1)] })).toEqual({ done: false, values: { lowestStage: 3, touchpoints: 1 } });
  });
});

describe('editing by stage (the island’s buttons)', () => {
  it('moveTouchpoint swaps with the neighbour in the same stage, skipping other stages, and not past the ends', () => {
    const list = [tp('a', 'awareness', 0), tp('b', 'purchase', 0), tp('c', 'awareness', 0), tp('d', 'awareness', 0)];
    expect(moveTouchpoint(list, 'c', 'up').map((t) => t.id)).toEqual(['c', 'b', 'a', 'd']);
    expect(moveTouchpoint(list, 'c', 'down').map((t) => t.id)).toEqual(['a', 'b', 'd', 'c']);
    expect(moveTouchpoint(list, 'a', 'up')).toBe(list);
    expect(moveTouchpoint(list, 'b', 'down')).toBe(list);
    expect(moveTouchpoint(list, 'zz', 'down')).toBe(list);
  });

  it('canAddTouchpoint: 10 per stage, 50 in all', () => {
    const ten = Array.from({ length: 10 }, (_, i) => tp(`r${i}`, 'awareness', 0));
    expect(canAddTouchpoint(ten, 'awareness')).toBe(false);
    expect(canAddTouchpoint(ten, 'loyalty')).toBe(true);
    const fifty = (['awareness', 'evaluation', 'purchase', 'experience', 'loyalty'] as const).flatMap((s) => Array.from({ length: 10 }, (_, i) => tp(`${s}${i}`, s, 0)));
    expect(canAddTouchpoint(fifty.slice(0, 49), 'loyalty')).toBe(true);
    expect(canAddTouchpoint(fifty, 'loyalty')).toBe(false);
  });
});
