/** Issue 17: the S03 SFMEA / RPN calculator (src/engine/tools/sfmea.ts). */
import { describe, expect, it } from 'vitest';
import {
  HIGH_SEVERITY, isHighSeverity, normaliseSfmea, presetAfter, rpn, setScore, SFMEA_PRESETS, sfmeaCsv, sfmeaPreset, sfmeaPresetKey,
  sfmeaPriorities, sfmeaSummary, sfmeaTable, startRescore, type SfmeaCsvHeader,
} from '../../../src/engine/tools/sfmea.ts';
import { parseCsv } from '../../../src/engine/tools/shared.ts';
import { exampleWord, toolExamples, toolWord } from '../../../src/i18n/zh-CN.tools.ts';
import { sfmeaDataSchema, sfmeaPresetSchema, type SfmeaData, type SfmeaRow } from '../../../src/schemas/tools.ts';

const row = (id: string, s: number, o: number, d: number, after: SfmeaRow['after'] = null): SfmeaRow => ({
  id, step: `环节${id}`, failure: `失效${id}`, effect: '', countermeasure: '', scores: { s, o, d }, after,
});

describe('RPN and the high-severity flag', () => {
  it('RPN = S × O × D over the full 1–1,000 range', () => {
    expect(rpn({ s: 1, o: 1, d: 1 })).toBe(1);
    expect(rpn({ s: 10, o: 10, d: 10 })).toBe(1000);
    expect(rpn({ s: 6, o: 7, d: 4 })).toBe(168);
  });

  it('flags S ≥ 9 and not S = 8, whatever the RPN', () => {
    expect(HIGH_SEVERITY).toBe(9);
    expect(isHighSeverity({ s: 9, o: 1, d: 1 })).toBe(true);
    expect(isHighSeverity({ s: 10, o: 1, d: 1 })).toBe(true);
    expect(isHighSeverity({ s: 8, o: 10, d: 10 })).toBe(false);
  });
});

describe('sfmeaTable', () => {
  it('sorts by RPN descending, then severity descending, then entry order', () => {
    const rows = [row('r1', 2, 5, 10), row('r2', 10, 5, 2), row('r3', 5, 5, 5), row('r4', 5, 2, 10), row('r5', 9, 1, 1)];
    // r1, r2, r4 all 100; r3 125; r5 9
    const table = sfmeaTable(rows);
    expect(table.map((l) => l.row.id)).toEqual(['r3', 'r2', 'r4', 'r1', 'r5']);
    expect(table.map((l) => l.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(table.find((l) => l.row.id === 'r5')?.highSeverity).toBe(true);
    expect(table.find((l) => l.row.id === 'r2')?.highSeverity).toBe(true);
  });

  it('keeps entry order for identical RPN and severity (stable)', () => {
    const table = sfmeaTable([row('r7', 4, 5, 5), row('r2', 4, 5, 5), row('r9', 4, 5, 5)]);
    expect(table.map((l) => l.row.id)).toEqual(['r7', 'r2', 'r9']);
  });

  it('re-score: before, after, reduction and percent, and ranking by the current scores', () => {
    const rows = [row('r1', 8, 8, 8, { s: 8, o: 2, d: 2 }), row('r2', 5, 5, 5)];
    const table = sfmeaTable(rows);
    expect(table.map((l) => l.row.id)).toEqual(['r2', 'r1']);
    const r1 = table[1];
    expect(r1?.rpnBefore).toBe(512);
    expect(r1?.rpnAfter).toBe(32);
    expect(r1?.reduction).toBe(480);
    expect(r1?.reductionPercent).toBe(93); // 480/512 = 93.75 → 93
    expect(table[0]?.rpnAfter).toBeNull();
    expect(table[0]?.reduction).toBeNull();
    expect(sfmeaTable(rows, { sortBy: 'before' }).map((l) => l.row.id)).toEqual(['r1', 'r2']);
  });

  it('a worse re-score shows a negative reduction, and the flag follows the current severity', () => {
    const [line] = sfmeaTable([row('r1', 9, 2, 2, { s: 8, o: 3, d: 2 })]);
    expect(line?.reduction).toBe(36 - 48);
    expect(line?.highSeverity).toBe(false);
  });

  it('priorities: every high-severity failure plus the top three by RPN', () => {
    const rows = [row('r1', 5, 5, 5), row('r2', 4, 5, 5), row('r3', 3, 5, 5), row('r4', 2, 5, 5), row('r5', 9, 1, 1)];
    expect(sfmeaPriorities(rows).map((l) => l.row.id)).toEqual(['r1', 'r2', 'r3', 'r5']);
  });

  it('handles an empty worksheet', () => {
    expect(sfmeaTable([])).toEqual([]);
    expect(sfmeaSummary({ preset: null, rows: [] })).toBeNull();
  });
});

describe('editing', () => {
  it('setScore clamps to 1–10 and re-score starts from the current scores', () => {
    let data: SfmeaData = { preset: null, rows: [row('r1', 5, 5, 5)] };
    data = setScore(data, 'r1', 'scores', 's', 14);
    expect(data.rows[0]?.scores.s).toBe(10);
    data = setScore(data, 'r1', 'scores', 'o', 0);
    expect(data.rows[0]?.scores.o).toBe(1);
    data = startRescore(data, 'r1', true);
    expect(data.rows[0]?.after).toEqual({ s: 10, o: 1, d: 5 });
    data = setScore(data, 'r1', 'after', 'd', 2);
    expect(data.rows[0]?.after).toEqual({ s: 10, o: 1, d: 2 });
    expect(data.rows[0]?.scores.d).toBe(5);
    expect(startRescore(data, 'r1', false).rows[0]?.after).toBeNull();
  });
});

describe('normaliseSfmea (bad input)', () => {
  it('bounds a 500-row paste with 2,000-character HTML labels, clamps scores, and reports the cuts', () => {
    const raw = {
      preset: 'nonsense',
      rows: Array.from({ length: 500 }, (_, i) => ({ id: i % 2 ? 'dup' : undefined, step: `<script>alert(${i})</script>`.padEnd(2000, '长'), failure: null, scores: { s: 99, o: '3', d: 'x' }, after: { s: 0 } })),
    };
    const { data, cuts } = normaliseSfmea(raw);
    expect(data.preset).toBeNull();
    expect(data.rows).toHaveLength(50);
    expect(cuts.rowsDropped).toBe(450);
    expect(cuts.labelsShortened).toBe(50);
    expect(data.rows[0]?.step.startsWith('<script>alert(0)</script>')).toBe(true);
    expect(data.rows[0]?.scores).toEqual({ s: 10, o: 3, d: 5 });
    expect(data.rows[0]?.after).toEqual({ s: 1, o: 3, d: 5 });
    expect(sfmeaDataSchema.safeParse(data).success).toBe(true);
    expect(new Set(data.rows.map((r) => r.id)).size).toBe(50);
  });

  it('reads only an object as a re-score', () => {
    const { data } = normaliseSfmea({ rows: [{ scores: { s: 4, o: 4, d: 4 }, after: 'later' }, { scores: { s: 4, o: 4, d: 4 }, after: [1, 2] }, { scores: { s: 4, o: 4, d: 4 }, after: { o: 2 } }] });
    expect(data.rows.map((r) => r.after)).toEqual([null, null, { s: 4, o: 2, d: 4 }]);
  });

  it('turns junk into an empty, valid worksheet', () => {
    for (const junk of [null, undefined, 'text', 42, { rows: 'x' }]) {
      const { data } = normaliseSfmea(junk);
      expect(data).toEqual({ preset: null, rows: [] });
      expect(sfmeaDataSchema.safeParse(data).success).toBe(true);
    }
  });
});

describe('presets and words', () => {
  it('every preset has its words in the dictionary, is valid, and its worked re-score lowers the RPN', () => {
    for (const preset of sfmeaPresetSchema.options) {
      const data = sfmeaPreset(preset, exampleWord);
      expect(sfmeaDataSchema.safeParse(data).success).toBe(true);
      for (const r of SFMEA_PRESETS[preset]) {
        for (const field of ['step', 'failure', 'effect', 'countermeasure'] as const) expect(Object.hasOwn(toolExamples, sfmeaPresetKey(preset, r.id, field))).toBe(true);
        expect(rpn(r.after)).toBeLessThan(rpn(r.scores));
        expect(presetAfter(preset, r.id)).toEqual(r.after);
      }
      // Each preset teaches the flag: at least one S ≥ 9 failure that is not the top RPN.
      const table = sfmeaTable(data.rows);
      expect(table.some((l) => l.highSeverity && l.rank > 1)).toBe(true);
    }
  });

  it('has a word for every level of S, O and D', () => {
    for (const k of ['s', 'o', 'd']) for (let n = 1; n <= 10; n += 1) expect(toolWord(`tools.sfmea.${k}.${n}`)).not.toBe(`tools.sfmea.${k}.${n}`);
  });
});

describe('CSV and summary', () => {
  const header = ['rank', 'step', 'failure', 'effect', 's', 'o', 'd', 'rpn', 'high', 'cm', 's2', 'o2', 'd2', 'rpn2', 'red'] as const satisfies SfmeaCsvHeader;

  it('exports the sorted table with the flag, the re-score and a guarded formula', () => {
    const rows = [row('r1', 2, 2, 2), { ...row('r2', 9, 3, 3, { s: 9, o: 1, d: 2 }), failure: '=cmd|calc' }];
    const parsed = parseCsv(sfmeaCsv({ preset: null, rows }, header, '是'));
    expect(parsed[0]).toEqual([...header]);
    expect(parsed[1]).toEqual(['1', '环节r2', "'=cmd|calc", '', '9', '3', '3', '81', '是', '', '9', '1', '2', '18', '63']);
    expect(parsed[2]?.slice(7, 9)).toEqual(['8', '']);
    expect(parsed[2]?.slice(10)).toEqual(['', '', '', '', '']);
  });

  it('summary: highest current RPN and high-severity count; done once re-scored', () => {
    const rows = [row('r1', 9, 9, 9, { s: 9, o: 1, d: 1 }), row('r2', 5, 5, 5)];
    expect(sfmeaSummary({ preset: null, rows })).toEqual({ done: true, values: { maxRpn: 125, highSeverity: 1 } });
    expect(sfmeaSummary({ preset: null, rows: [row('r2', 5, 5, 5)] })?.done).toBe(false);
  });
});
