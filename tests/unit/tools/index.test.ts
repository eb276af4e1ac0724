/**
 * Issue 17: the tools together — every normaliser turns any input into schema-valid, bounded
 * data, and the LMS summary of all seven tools at their largest stays within 60 characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeToolSummaries, encodeToolSummaries, normaliseTool, SELF_CHECK_ITEMS, SUMMARY_FIELDS, SUMMARY_MAX_CHARS, summariseTools, toolSummaryText,
  type ToolSummaries,
} from '../../../src/engine/tools/index.ts';
import { toolDataSchemas, toolIdSchema, type ToolData } from '../../../src/schemas/tools.ts';

const huge = (n: number, row: (i: number) => Record<string, unknown>) => Array.from({ length: n }, (_, i) => row(i));
const longLabel = (i: number) => `<script>alert(${i})</script>${'很长的标签'.repeat(400)}`;

/** Every tool filled far past its bounds, with the numbers at their worst. */
function worstCase(): ToolData {
  return {
    painpoints: normaliseTool.painpoints({ steps: huge(500, (i) => ({ label: longLabel(i), minutes: 1440, wait: true, repeat: true, unnecessary: true, severity: 5 })) }).data,
    journey: normaliseTool.journey({ persona: longLabel(0), touchpoints: huge(500, (i) => ({ stage: ['awareness', 'evaluation', 'purchase', 'experience', 'loyalty'][i % 5], label: longLabel(i), emotion: -2 })) }).data,
    sfmea: normaliseTool.sfmea({ rows: huge(500, (i) => ({ step: longLabel(i), failure: longLabel(i), effect: longLabel(i), countermeasure: longLabel(i), scores: { s: 10, o: 10, d: 10 }, after: { s: 10, o: 10, d: 10 } })) }).data,
    blueprint: normaliseTool.blueprint({ preset: 'hotel-checkin', activities: huge(500, (i) => ({ id: `h${i + 1}`, label: longLabel(i), layer: 'support', failPoint: true })) }).data,
    selfcheck: { assessedBy: 'staff', answers: Object.fromEntries(SELF_CHECK_ITEMS.map((id) => [id, 2 as const])) },
    impact: normaliseTool.impact({ cards: huge(500, (i) => ({ label: longLabel(i), impact: 'high', effort: 'low' })) }).data,
    roadmap: normaliseTool.roadmap({ actions: huge(500, (i) => ({ label: `${i}${longLabel(i)}`, phase: (i % 4) + 1 })) }).data,
  };
}

describe('normalisers', () => {
  it('turn ANY input into data their schema accepts (fast-check, 200 runs per tool)', () => {
    for (const tool of toolIdSchema.options) {
      fc.assert(
        fc.property(fc.anything({ withBoxedValues: false, withNullPrototype: true }), (raw) => {
          const { data } = normaliseTool[tool](raw);
          const parsed = toolDataSchemas[tool].safeParse(data);
          expect(parsed.success, `${tool}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('accept row-shaped junk too (wrong types in every field)', () => {
    const junkRow = fc.record({ id: fc.oneof(fc.string(), fc.integer()), label: fc.anything(), step: fc.anything(), minutes: fc.anything(), severity: fc.anything(), emotion: fc.anything(), stage: fc.string(), layer: fc.string(), phase: fc.anything(), impact: fc.string(), scores: fc.anything(), after: fc.anything() });
    const raw = fc.record({ steps: fc.array(junkRow), touchpoints: fc.array(junkRow), rows: fc.array(junkRow), activities: fc.array(junkRow), cards: fc.array(junkRow), actions: fc.array(junkRow), answers: fc.dictionary(fc.string(), fc.anything()) });
    fc.assert(fc.property(raw, (r) => {
      for (const tool of toolIdSchema.options) expect(toolDataSchemas[tool].safeParse(normaliseTool[tool](r).data).success).toBe(true);
    }), { numRuns: 100 });
  });

  it('bound the worst case to 50 rows of ≤ 200 characters per tool, and the data is valid', () => {
    const data = worstCase();
    for (const tool of toolIdSchema.options) expect(toolDataSchemas[tool].safeParse(data[tool]).success).toBe(true);
    expect(data.painpoints.steps).toHaveLength(50);
    expect(data.roadmap.actions).toHaveLength(50);
    // The stored copy of the largest tool stays small (tens of kB), far from the localStorage quota.
    expect(JSON.stringify(data.sfmea).length).toBeLessThan(60_000);
  });
});

describe('the LMS summary of all seven tools', () => {
  it('is at most 60 characters for the worst case, and round-trips', () => {
    const data = worstCase();
    const text = toolSummaryText(data);
    expect(text.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    expect(Object.keys(decodeToolSummaries(text).summaries)).toEqual([...toolIdSchema.options]);
    expect(decodeToolSummaries(text).summaries).toEqual(summariseTools(data));
    expect(decodeToolSummaries(text).summaries.sfmea).toEqual({ done: true, values: { maxRpn: 1000, highSeverity: 50 } });
  });

  it('leaves out tools with no data, and is "1" for a learner with none', () => {
    expect(toolSummaryText({})).toBe('1');
    expect(toolSummaryText({ impact: { cards: [] }, roadmap: { actions: [] } })).toBe('1');
  });

  it('round-trips any in-range summaries within 60 characters (fast-check)', () => {
    const summary = (tool: (typeof toolIdSchema.options)[number]) =>
      fc.record({
        done: fc.boolean(),
        values: fc.record(Object.fromEntries(SUMMARY_FIELDS[tool].map(([name, width]) => [name, fc.option(fc.integer({ min: 0, max: 36 ** width - 2 }), { nil: null })]))),
      });
    const all = fc.record(Object.fromEntries(toolIdSchema.options.map((t) => [t, summary(t)])), { requiredKeys: [] });
    fc.assert(fc.property(all, (s) => {
      const text = encodeToolSummaries(s as ToolSummaries);
      expect(text.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
      expect(decodeToolSummaries(text)).toEqual({ summaries: s, problems: [] });
    }), { numRuns: 300 });
  });
});
