/** Issue 17: the S06 impact–effort sorter (src/engine/tools/impact.ts). */
import { describe, expect, it } from 'vitest';
import {
  addCards, doFirst, IMPACT_PRESET, impactCsv, impactPreset, impactPresetKey, impactSummary, normaliseImpact, placeCard, QUADRANT_PLACE, quadrantOf,
  QUADRANTS, setLevel, sortIntoQuadrants, toPlan, type ImpactCsvHeader,
} from '../../../src/engine/tools/impact.ts';
import { parseCsv } from '../../../src/engine/tools/shared.ts';
import { exampleWord, toolExamples, toolWord } from '../../../src/i18n/zh-CN.tools.ts';
import { impactDataSchema, type ImpactCard, type ImpactData, type Level } from '../../../src/schemas/tools.ts';

const card = (id: string, impact: Level | null, effort: Level | null): ImpactCard => ({ id, label: id, impact, effort });

describe('quadrants', () => {
  it('high impact + low effort = do first; high + high = plan; low + low = fill-in; low + high = park; unset = unplaced', () => {
    expect(quadrantOf(card('a', 'high', 'low'))).toBe('do-first');
    expect(quadrantOf(card('a', 'high', 'high'))).toBe('plan');
    expect(quadrantOf(card('a', 'low', 'low'))).toBe('fill-in');
    expect(quadrantOf(card('a', 'low', 'high'))).toBe('park');
    expect(quadrantOf(card('a', 'high', null))).toBeNull();
    expect(quadrantOf(card('a', null, null))).toBeNull();
  });

  it('follows the seed’s axes: do first top-right, plan bottom-right', () => {
    expect(QUADRANT_PLACE['do-first']).toMatchObject({ row: 'top', column: 'right' });
    expect(QUADRANT_PLACE.plan).toMatchObject({ row: 'bottom', column: 'right' });
    expect(new Set(QUADRANTS.map((q) => `${QUADRANT_PLACE[q].row}-${QUADRANT_PLACE[q].column}`)).size).toBe(4);
  });

  it('keeps card order in every list (stable), so placing one card moves no other', () => {
    const cards = [card('c1', 'high', 'low'), card('c2', 'high', 'high'), card('c3', null, 'low'), card('c4', 'high', 'low'), card('c5', 'high', 'high')];
    const q = sortIntoQuadrants(cards);
    expect(q['do-first'].map((c) => c.id)).toEqual(['c1', 'c4']);
    expect(q.plan.map((c) => c.id)).toEqual(['c2', 'c5']);
    expect(q.unplaced.map((c) => c.id)).toEqual(['c3']);
    const moved = placeCard({ cards }, 'c3', 'do-first');
    expect(doFirst(moved.cards).map((c) => c.id)).toEqual(['c1', 'c3', 'c4']);
    expect(toPlan(moved.cards).map((c) => c.id)).toEqual(['c2', 'c5']);
  });

  it('handles no cards', () => {
    expect(sortIntoQuadrants([])).toEqual({ 'do-first': [], plan: [], 'fill-in': [], park: [], unplaced: [] });
    expect(impactSummary({ cards: [] })).toBeNull();
  });
});

describe('editing', () => {
  it('setLevel sets one axis; placeCard sets both or clears both', () => {
    let data: ImpactData = { cards: [card('a', null, null)] };
    data = setLevel(data, 'a', 'impact', 'high');
    expect(data.cards[0]).toMatchObject({ impact: 'high', effort: null });
    data = setLevel(data, 'a', 'effort', 'high');
    expect(quadrantOf(data.cards[0] as ImpactCard)).toBe('plan');
    data = placeCard(data, 'a', 'fill-in');
    expect(data.cards[0]).toMatchObject({ impact: 'low', effort: 'low' });
    data = placeCard(data, 'a', null);
    expect(data.cards[0]).toMatchObject({ impact: null, effort: null });
  });

  it('addCards skips ids already there and reports what does not fit the 50-card bound', () => {
    const start: ImpactData = { cards: Array.from({ length: 48 }, (_, i) => card(`r${i + 1}`, null, null)) };
    const { data, notAdded } = addCards(start, [card('r1', 'high', 'low'), card('p01.1', null, null), card('p02.1', null, null), card('p03.1', null, null)]);
    expect(data.cards).toHaveLength(50);
    expect(data.cards.slice(48).map((c) => c.id)).toEqual(['p01.1', 'p02.1']);
    expect(notAdded).toBe(1);
    expect(data.cards[0]?.impact).toBeNull();
  });
});

describe('preset, normalise, CSV, summary', () => {
  it('the restaurant preset has its words and its worked answer has cards in every quadrant', () => {
    const data = impactPreset(exampleWord);
    expect(impactDataSchema.safeParse(data).success).toBe(true);
    for (const p of IMPACT_PRESET) expect(Object.hasOwn(toolExamples, impactPresetKey(p.id))).toBe(true);
    expect(new Set(IMPACT_PRESET.map((p) => p.answer))).toEqual(new Set(QUADRANTS));
    const solved = IMPACT_PRESET.reduce((d, p) => placeCard(d, p.id, p.answer), data);
    expect(doFirst(solved.cards).map((c) => c.id)).toEqual(['k1', 'k3']);
    expect(impactSummary(solved)).toEqual({ done: true, values: { doFirst: 2, plan: 2 } });
    expect(impactSummary(data)).toEqual({ done: false, values: { doFirst: 0, plan: 0 } });
  });

  it('normalise bounds a 500-card paste and unsets unknown levels', () => {
    const { data, cuts } = normaliseImpact({ cards: Array.from({ length: 500 }, () => ({ label: '@'.repeat(2000), impact: 'HIGH', effort: 'low' })) });
    expect(data.cards).toHaveLength(50);
    expect(cuts).toMatchObject({ rowsDropped: 450, labelsShortened: 50 });
    expect(data.cards[0]).toMatchObject({ impact: null, effort: 'low' });
    expect(impactDataSchema.safeParse(data).success).toBe(true);
  });

  it('exports quadrant by quadrant, do first first, unplaced last', () => {
    const header = ['q', 'card', 'i', 'e'] as const satisfies ImpactCsvHeader;
    const cards = [card('u', null, 'low'), card('p', 'high', 'high'), card('d', 'high', 'low')];
    const csv = impactCsv({ cards }, header, { quadrant: (q) => toolWord(`tools.impact.quadrant.${q}`), level: (l) => toolWord(`tools.impact.level.${l}`) });
    expect(parseCsv(csv).slice(1)).toEqual([
      ['优先解决（影响大、投入小）', 'd', '高', '低'],
      ['纳入规划（影响大、投入大）', 'p', '高', '高'],
      ['尚未归类', 'u', '', '低'],
    ]);
  });
});
