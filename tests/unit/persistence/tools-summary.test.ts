import { describe, expect, it } from 'vitest';
import { emptyLearnerState, type LearnerState } from '../../../src/engine/learner-state.ts';
import { decodeToolSummaries, encodeToolSummaries, toolDone, withToolSummary } from '../../../src/engine/tools/summary.ts';
import { addsProgress, mergeLearnerStates } from '../../../src/persistence/merge.ts';
import { sanitizeLearnerState } from '../../../src/persistence/suspend/validate.ts';
import { decodeLearnerState, encodeLearnerState } from '../../../src/persistence/suspend/versions.ts';
import { ID_TABLES } from '../../../src/persistence/suspend/ids.ts';

const quiet = () => {};
const sfmeaStarted = encodeToolSummaries({ sfmea: { done: false, values: { maxRpn: 240, highSeverity: 0 } } });
const sfmeaDone = encodeToolSummaries({ sfmea: { done: true, values: { maxRpn: 120, highSeverity: 0 } } });
const withTools = (tools: string | undefined): LearnerState => ({ ...emptyLearnerState(), visited: ['S03'], ...(tools ? { tools } : {}) });

describe('the tools summary in the learner state (issue 17)', () => {
  it('travels in the suspend data and comes back exactly', () => {
    const state = withTools(withToolSummary(sfmeaDone, 'journey', { done: false, values: { lowestStage: 3, touchpoints: 8 } }));
    const text = encodeLearnerState(state);
    expect(text).toContain(`.${state.tools}`);
    expect(decodeLearnerState(text, ID_TABLES, quiet).state).toEqual(state);
  });

  it('a damaged summary is dropped with a reason, the rest of the state kept', () => {
    const dropped: string[] = [];
    const state = sanitizeLearnerState({ ...withTools(undefined), tools: '1Fzz<script>' }, (m) => dropped.push(m));
    expect(state).toEqual(withTools(undefined));
    expect(dropped.join()).toMatch(/tools/);
    // A tampered summary inside otherwise valid suspend data fails the checksum: nothing is trusted.
    const text = encodeLearnerState(withTools(sfmeaDone));
    expect(decodeLearnerState(text.replace(/\.1F/, '.1f'), ID_TABLES, quiet).state).toBeNull();
  });

  it('merging two copies never undoes a finished tool, and takes the newer entry otherwise', () => {
    expect(toolDone(mergeLearnerStates(withTools(sfmeaDone), withTools(sfmeaStarted)).tools, 'sfmea')).toBe(true);
    expect(mergeLearnerStates(withTools(sfmeaStarted), withTools(sfmeaDone)).tools).toBe(sfmeaDone);
    const both = mergeLearnerStates(withTools(sfmeaDone), withTools(encodeToolSummaries({ roadmap: { done: true, values: { actions: 4, phases: 3 } } }))).tools;
    expect(Object.keys(decodeToolSummaries(both ?? '').summaries)).toEqual(['sfmea', 'roadmap']);
    expect(addsProgress(withTools(sfmeaStarted), withTools(sfmeaDone))).toBe(true);
  });

  it('withToolSummary replaces one tool and removes it when it holds nothing', () => {
    const two = withToolSummary(sfmeaDone, 'painpoints', { done: true, values: { problems: 2, flaggedMinutes: 15 } });
    expect(toolDone(two, 'painpoints')).toBe(true);
    expect(withToolSummary(withToolSummary(two, 'painpoints', null), 'sfmea', null)).toBeUndefined();
  });
});
