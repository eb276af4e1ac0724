import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lessonStatus, missingActivities } from '../../../src/engine/completion.ts';
import { emptyLearnerState, type LearnerState } from '../../../src/engine/learner-state.ts';
import { toolDoneIn } from '../../../src/engine/tools/letters.ts';
import { decodeToolSummaries, encodeToolSummaries, SUMMARY_FIELDS, type ToolSummaries } from '../../../src/engine/tools/summary.ts';
import { toolIdSchema } from '../../../src/schemas/tools.ts';

const S03 = { id: 'S03', quiz: 's03', tool: 'sfmea' as const };
const ended = (tools?: string): LearnerState => ({
  ...emptyLearnerState(),
  visited: ['S03'],
  ended: ['S03'],
  quizzes: { s03: { attempts: 1, best: 80, passed: true, current: null } },
  ...(tools ? { tools } : {}),
});

describe('a Part 8 lesson completes only once its tool is done (issue 17)', () => {
  it('reading and the check are not enough while the tool is unfinished', () => {
    expect(missingActivities(S03, ended())).toEqual(['tool']);
    const started = encodeToolSummaries({ sfmea: { done: false, values: { maxRpn: 240, highSeverity: 1 } } });
    expect(lessonStatus(S03, ended(started))).toBe('in-progress');
    const otherDone = encodeToolSummaries({ painpoints: { done: true, values: { problems: 3, flaggedMinutes: 20 } } });
    expect(lessonStatus(S03, ended(otherDone))).toBe('in-progress');
    const done = encodeToolSummaries({ sfmea: { done: true, values: { maxRpn: 120, highSeverity: 0 } } });
    expect(lessonStatus(S03, ended(done))).toBe('completed');
    expect(missingActivities({ id: 'P01', quiz: 'p01' }, ended())).toEqual(['quiz']);
  });

  it('the quick done test agrees with the full decoder on any summary (fast-check)', () => {
    const summaries = fc.subarray([...toolIdSchema.options]).chain((tools) =>
      fc
        .tuple(
          ...tools.map((tool) =>
            fc.record({
              done: fc.boolean(),
              values: fc
                .tuple(...SUMMARY_FIELDS[tool].map(([, width]) => fc.option(fc.nat({ max: 36 ** width - 2 }), { nil: null })))
                .map((vs) => Object.fromEntries(SUMMARY_FIELDS[tool].map(([name], i) => [name, vs[i] ?? null]))),
            }),
          ),
        )
        .map((entries) => encodeToolSummaries(Object.fromEntries(tools.map((t, i) => [t, entries[i]])) as ToolSummaries)),
    );
    fc.assert(
      fc.property(summaries, (text) => {
        const decoded = decodeToolSummaries(text).summaries;
        for (const tool of toolIdSchema.options) expect(toolDoneIn(text, tool)).toBe(decoded[tool]?.done === true);
      }),
      { numRuns: 500 },
    );
  });
});
