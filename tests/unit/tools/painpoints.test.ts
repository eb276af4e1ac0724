/** Issue 17: the S01 pain-point worksheet (src/engine/tools/painpoints.ts). */
import { describe, expect, it } from 'vitest';
import { isProblem, normalisePain, PAIN_PRESET, painCsv, painPreset, painPresetKey, painScore, painSummary, painTotals, problemMap, type PainCsvHeader } from '../../../src/engine/tools/painpoints.ts';
import { parseCsv } from '../../../src/engine/tools/shared.ts';
import { exampleWord, toolExamples } from '../../../src/i18n/zh-CN.tools.ts';
import { painDataSchema, type PainStep } from '../../../src/schemas/tools.ts';

const step = (id: string, severity: number, minutes: number, flags: Partial<Pick<PainStep, 'wait' | 'repeat' | 'unnecessary'>> = {}): PainStep => ({
  id, label: `步骤${id}`, minutes, severity, wait: false, repeat: false, unnecessary: false, ...flags,
});

describe('score and problem', () => {
  it('score = severity × (1 + flags): 1 at the floor, 20 at the ceiling', () => {
    expect(painScore(step('a', 1, 1))).toBe(1);
    expect(painScore(step('a', 3, 1, { wait: true }))).toBe(6);
    expect(painScore(step('a', 5, 1, { wait: true, repeat: true, unnecessary: true }))).toBe(20);
  });

  it('a step is a problem with a flag or with severity 4 (not 3) or more', () => {
    expect(isProblem(step('a', 3, 1))).toBe(false);
    expect(isProblem(step('a', 4, 1))).toBe(true);
    expect(isProblem(step('a', 1, 1, { repeat: true }))).toBe(true);
  });
});

describe('problemMap', () => {
  it('ranks by score, then minutes, then process order', () => {
    const steps = [
      step('r1', 2, 5, { wait: true }), // 4
      step('r2', 4, 1), // 4, fewer minutes
      step('r3', 2, 9, { wait: true }), // 4, most minutes
      step('r4', 3, 1, { wait: true, repeat: true }), // 9
      step('r5', 4, 1), // 4, same as r2 → process order
    ];
    const map = problemMap(steps);
    expect(map.map((l) => l.step.id)).toEqual(['r4', 'r3', 'r1', 'r2', 'r5']);
    expect(map.map((l) => l.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(map[0]).toMatchObject({ position: 4, score: 9, flags: ['wait', 'repeat'], problem: true });
  });

  it('handles an empty worksheet', () => {
    expect(problemMap([])).toEqual([]);
    expect(painTotals([])).toEqual({ steps: 0, minutes: 0, flaggedMinutes: 0, byFlag: { wait: 0, repeat: 0, unnecessary: 0 }, problems: 0 });
    expect(painSummary({ steps: [] })).toBeNull();
  });
});

describe('totals and the preset', () => {
  it('adds minutes overall, in flagged steps and per flag (a two-flag step counts in both)', () => {
    const t = painTotals([step('a', 2, 1.5, { wait: true, repeat: true }), step('b', 2, 2), step('c', 5, 0.2, { unnecessary: true })]);
    expect(t).toEqual({ steps: 3, minutes: 3.7, flaggedMinutes: 1.7, byFlag: { wait: 1.5, repeat: 1.5, unnecessary: 0.2 }, problems: 2 });
  });

  it('the hotel check-in preset is the 12-minute check-in of the S05 case, with words for every step', () => {
    const data = painPreset(exampleWord);
    expect(painDataSchema.safeParse(data).success).toBe(true);
    expect(painTotals(data.steps).minutes).toBe(12);
    for (const s of PAIN_PRESET) expect(Object.hasOwn(toolExamples, painPresetKey(s.id))).toBe(true);
    expect(problemMap(data.steps)[0]?.step.id).toBe('h1');
  });
});

describe('normalisePain (bad input)', () => {
  it('bounds 500 steps and 2,000-character labels, clamps minutes and severity', () => {
    const raw = { steps: Array.from({ length: 500 }, () => ({ label: 'x'.repeat(2000), minutes: 99999, severity: 9, wait: 'yes', repeat: true })) };
    const { data, cuts } = normalisePain(raw);
    expect(data.steps).toHaveLength(50);
    expect(cuts).toEqual({ labelsShortened: 50, charsRemoved: 50 * 1800, rowsDropped: 450 });
    expect(data.steps[0]).toMatchObject({ id: 'r1', minutes: 1440, severity: 5, wait: false, repeat: true, unnecessary: false });
    expect(painDataSchema.safeParse(data).success).toBe(true);
  });

  it('turns negative or junk minutes into 0 and keeps one decimal', () => {
    const { data } = normalisePain({ steps: [{ minutes: -5 }, { minutes: 'abc' }, { minutes: '2.345' }] });
    expect(data.steps.map((s) => s.minutes)).toEqual([0, 0, 2.3]);
    expect(data.steps.map((s) => s.severity)).toEqual([3, 3, 3]);
    expect(normalisePain('junk').data).toEqual({ steps: [] });
  });
});

describe('CSV and summary', () => {
  it('exports the ranked map; pasted HTML stays text and formulas are guarded', () => {
    const header = ['rank', 'pos', 'step', 'min', 'w', 'r', 'u', 'sev', 'score'] as const satisfies PainCsvHeader;
    const data = { steps: [{ ...step('a', 1, 2), label: '<i>填表</i>' }, { ...step('b', 5, 3, { wait: true }), label: '-等待' }] };
    const parsed = parseCsv(painCsv(data, header, '是'));
    expect(parsed.slice(1)).toEqual([
      ['1', '2', "'-等待", '3', '是', '', '', '5', '10'],
      ['2', '1', '<i>填表</i>', '2', '', '', '', '1', '1'],
    ]);
  });

  it('summary: problems and flagged minutes; done from three steps', () => {
    const data = { steps: [step('a', 4, 3), step('b', 1, 2.6, { wait: true })] };
    expect(painSummary(data)).toEqual({ done: false, values: { problems: 2, flaggedMinutes: 3 } });
    expect(painSummary({ steps: [...data.steps, step('c', 1, 1)] })?.done).toBe(true);
  });
});
