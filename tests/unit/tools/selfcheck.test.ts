/** Issue 17: the S06 120-item self-check (src/engine/tools/selfcheck.ts). */
import { describe, expect, it } from 'vitest';
import {
  band, cardsFromWeakest, normaliseSelfCheck, partOf, PITFALLS, SELF_CHECK_ITEMS, selfCheckCompact, selfCheckCsv, selfCheckObjectives, selfCheckResult, selfCheckSummary, setAnswer,
  weakestItems, type SelfCheckCsvHeader,
} from '../../../src/engine/tools/selfcheck.ts';
import { parseCsv } from '../../../src/engine/tools/shared.ts';
import { toolWord } from '../../../src/i18n/zh-CN.tools.ts';
import { impactCardSchema, selfCheckDataSchema, selfCheckItemIdSchema, type SelfCheckAnswer, type SelfCheckData } from '../../../src/schemas/tools.ts';

const all = (answer: SelfCheckAnswer): SelfCheckData => ({ assessedBy: 'staff', answers: Object.fromEntries(SELF_CHECK_ITEMS.map((id) => [id, answer])) });
const some = (answers: Record<string, SelfCheckAnswer>): SelfCheckData => ({ assessedBy: null, answers });

describe('items and parts', () => {
  it('has 120 valid, unique ids p01.1 … p30.4', () => {
    expect(SELF_CHECK_ITEMS).toHaveLength(120);
    expect(new Set(SELF_CHECK_ITEMS).size).toBe(120);
    expect(SELF_CHECK_ITEMS[0]).toBe('p01.1');
    expect(SELF_CHECK_ITEMS[119]).toBe('p30.4');
    for (const id of SELF_CHECK_ITEMS) expect(selfCheckItemIdSchema.safeParse(id).success).toBe(true);
    expect(selfCheckItemIdSchema.safeParse('p31.1').success).toBe(false);
    expect(selfCheckItemIdSchema.safeParse('p01.5').success).toBe(false);
  });

  it('maps pitfalls to Parts 1–6 at their boundaries (P06|P07, P10|P11, P15|P16, P20|P21, P25|P26)', () => {
    expect([1, 6, 7, 10, 11, 15, 16, 20, 21, 25, 26, 30].map(partOf)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]);
    const sizes = [1, 2, 3, 4, 5, 6].map((p) => PITFALLS.filter((_, i) => partOf(i + 1) === p).length);
    expect(sizes).toEqual([6, 4, 5, 5, 5, 5]);
  });
});

describe('bands at their edges (ours: ≥ 80 green, 50–79 amber, < 50 red)', () => {
  it('80 is green, 79 amber, 50 amber, 49 red; null stays null', () => {
    expect([100, 80, 79, 50, 49, 0].map(band)).toEqual(['green', 'green', 'amber', 'amber', 'red', 'red']);
    expect(band(null)).toBeNull();
  });

  it('percent is rounded down so the colour agrees with the number shown (79.x % is amber)', () => {
    // P01: 是 是 是 部分 → 7/8 = 87.5 → 87 green.
    const r1 = selfCheckResult(some({ 'p01.1': 2, 'p01.2': 2, 'p01.3': 2, 'p01.4': 1 }));
    expect(r1.pitfalls[0]).toMatchObject({ answered: 4, unanswered: 0, points: 7, percent: 87, band: 'green' });
    // 19 of 24 points (Part 2 answered on 12 items) = 79.17 → 79 → amber, not rounded up to 80.
    const part2 = SELF_CHECK_ITEMS.filter((id) => partOf(Number(id.slice(1, 3))) === 2).slice(0, 12);
    const answers = Object.fromEntries(part2.map((id, i) => [id, (i < 7 ? 2 : i < 12 ? 1 : 0) as SelfCheckAnswer]));
    const r2 = selfCheckResult(some(answers));
    expect(r2.parts[1]).toMatchObject({ answered: 12, unanswered: 4, points: 19, percent: 79, band: 'amber' });
    // 159 of 200 points = 79.5 %: rounding to nearest would show 80 and green; rounded down it is 79, amber.
    const hundred = Object.fromEntries(SELF_CHECK_ITEMS.slice(0, 100).map((id, i) => [id, (i < 59 ? 2 : 1) as SelfCheckAnswer]));
    expect(selfCheckResult(some(hundred)).total).toMatchObject({ answered: 100, unanswered: 20, points: 159, percent: 79, band: 'amber' });
    // 49.5 % → 49, red.
    const low = Object.fromEntries(SELF_CHECK_ITEMS.slice(0, 100).map((id, i) => [id, (i < 99 ? 1 : 0) as SelfCheckAnswer]));
    expect(selfCheckResult(some(low)).total).toMatchObject({ points: 99, percent: 49, band: 'red' });
  });
});

describe('selfCheckResult', () => {
  it('all 是 = 100 % green everywhere; all 否 = 0 % red; all 部分 = 50 % amber', () => {
    for (const [answer, percent, colour] of [[2, 100, 'green'], [0, 0, 'red'], [1, 50, 'amber']] as const) {
      const r = selfCheckResult(all(answer));
      expect(r.total).toMatchObject({ answered: 120, unanswered: 0, percent, band: colour });
      expect(r.parts.map((p) => p.percent)).toEqual([percent, percent, percent, percent, percent, percent]);
      expect(r.pitfalls.every((p) => p.percent === percent)).toBe(true);
    }
  });

  it('keeps unanswered apart: a blank is not 否, and an unanswered group has no percent', () => {
    const r = selfCheckResult(some({ 'p07.1': 2 }));
    expect(r.total).toMatchObject({ answered: 1, unanswered: 119, points: 2, percent: 100, band: 'green' });
    expect(r.pitfalls[6]).toMatchObject({ pitfall: 'p07', unit: 'P07', part: 2, answered: 1, unanswered: 3, percent: 100 });
    expect(r.pitfalls[0]).toMatchObject({ answered: 0, unanswered: 4, percent: null, band: null });
    expect(r.parts[0]?.percent).toBeNull();
    expect(selfCheckResult(some({})).total.percent).toBeNull();
  });

  it('setAnswer sets and clears, and ignores an unknown id', () => {
    let data = setAnswer(some({}), 'p03.2', 1);
    expect(data.answers).toEqual({ 'p03.2': 1 });
    data = setAnswer(data, 'p03.2', null);
    expect(data.answers).toEqual({});
    expect(setAnswer(data, 'p99.9', 2)).toBe(data);
  });
});

describe('weakest items → impact–effort cards', () => {
  it('否 before 部分, then the weaker pitfall, then item order; 是 and blanks never', () => {
    const data = some({ 'p02.1': 1, 'p02.2': 2, 'p05.3': 0, 'p05.1': 2, 'p09.1': 1, 'p09.2': 1, 'p20.4': 0, 'p20.1': 0, 'p30.1': 2 });
    // p05: 2/4 = 50 %; p20: 0 %; p09: 50 %; p02: 75 %.
    expect(weakestItems(data)).toEqual(['p20.1', 'p20.4', 'p05.3', 'p09.1', 'p09.2', 'p02.1']);
    expect(weakestItems(data, 2)).toEqual(['p20.1', 'p20.4']);
    expect(weakestItems(all(2))).toEqual([]);
  });

  it('makes valid, unplaced cards that keep the item id', () => {
    const cards = cardsFromWeakest(some({ 'p12.3': 0 }), (id) => `检查点 ${id}`);
    expect(cards).toEqual([{ id: 'p12.3', label: '检查点 p12.3', impact: null, effort: null }]);
    expect(impactCardSchema.safeParse(cards[0]).success).toBe(true);
  });
});

describe('normalise, CSV, summary', () => {
  it('drops unknown ids and answers other than 0/1/2, and reports how many', () => {
    const { data, cuts } = normaliseSelfCheck({ assessedBy: 'ceo', answers: { 'p01.1': 2, 'p01.2': 3, 'p31.1': 1, '<b>': 0, 'p01.3': '1', 'p02.4': 0 } });
    expect(data).toEqual({ assessedBy: null, answers: { 'p01.1': 2, 'p02.4': 0 } });
    expect(cuts.rowsDropped).toBe(4);
    expect(selfCheckDataSchema.safeParse(data).success).toBe(true);
    expect(normaliseSelfCheck({ assessedBy: 'mystery-shopper' }).data).toEqual({ assessedBy: 'mystery-shopper', answers: {} });
    expect(normaliseSelfCheck(undefined).data).toEqual({ assessedBy: null, answers: {} });
  });

  it('exports 30 pitfall rows, 6 part rows and a total, with bands as words', () => {
    const header = ['lv', 'id', 'a', 'u', 'pc', 'band'] as const satisfies SelfCheckCsvHeader;
    const csv = selfCheckCsv(some({ 'p01.1': 2, 'p01.2': 0 }), header, {
      pitfall: toolWord('tools.self.level.pitfall'), part: (p) => `第${p}部分`, total: toolWord('tools.self.level.total'), band: (b) => toolWord(`tools.self.band.${b}`),
    });
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(1 + 30 + 6 + 1);
    expect(rows[1]).toEqual(['雷区', 'P01', '2', '2', '50', '需关注（50%–79%）']);
    expect(rows[2]).toEqual(['雷区', 'P02', '0', '4', '', '']);
    expect(rows[31]).toEqual(['第1部分', '1', '2', '22', '50', '需关注（50%–79%）']);
    expect(rows[37]).toEqual(['合计', '', '2', '118', '50', '需关注（50%–79%）']);
  });

  it('summary: done only with all 120 answered and "assessed by" chosen; parts null where blank', () => {
    expect(selfCheckSummary(all(2))).toEqual({ done: true, values: { total: 100, answered: 120, part1: 100, part2: 100, part3: 100, part4: 100, part5: 100, part6: 100 } });
    expect(selfCheckSummary({ ...all(2), assessedBy: null })?.done).toBe(false);
    expect(selfCheckSummary(some({ 'p26.1': 1 }))).toEqual({ done: false, values: { total: 50, answered: 1, part1: null, part2: null, part3: null, part4: null, part5: null, part6: 50 } });
    expect(selfCheckSummary(some({}))).toBeNull();
  });
});

describe('LMS reporting of the per-part result', () => {
  it('one objective per started part, complete once the part is fully answered', () => {
    const part2 = SELF_CHECK_ITEMS.filter((id) => partOf(Number(id.slice(1, 3))) === 2);
    const answers = { ...Object.fromEntries(part2.map((id) => [id, 2 as const])), 'p30.1': 0 as const };
    expect(selfCheckObjectives(some(answers))).toEqual([
      { id: 'S06.check.part2', part: 2, complete: true, score: 100, answered: 16 },
      { id: 'S06.check.part6', part: 6, complete: false, score: 0, answered: 1 },
    ]);
    expect(selfCheckObjectives(some({}))).toEqual([]);
  });

  it('a compact 1.2 text: six parts then the total, blanks where unanswered, ≤ 27 characters', () => {
    expect(selfCheckCompact(some({ 'p07.1': 2, 'p30.1': 1 }))).toBe(',100,,,,50,75');
    expect(selfCheckCompact(some({}))).toBe(',,,,,,');
    expect(selfCheckCompact(all(2))).toBe('100,100,100,100,100,100,100');
    expect(selfCheckCompact(all(2)).length).toBe(27);
  });
});
