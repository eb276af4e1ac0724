import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyLearnerState, type InteractionRecord } from '../../src/engine/learner-state.ts';
import { analyseScenario } from '../../src/engine/scenario/graph.ts';
import type { RolePlayScenario } from '../../src/engine/scenario/model.ts';
import { $learner, hydrateLearner, onInteraction } from '../../src/state/progress.ts';
import {
  chooseReply,
  playInProgress,
  replayScenario,
  replySeconds,
  restartIfStale,
  scenarioProgress,
  startScenario,
} from '../../src/state/scenario.ts';
import { loadFixture } from '../fixtures/scenario/load.ts';

const base = loadFixture('valid');
const derived = analyseScenario(base).derived;
if (!derived) throw new Error('fixture broken');
const scenario: RolePlayScenario = { ...base, derived };

let reported: InteractionRecord[] = [];
let stop: () => void = () => {};

beforeEach(() => {
  hydrateLearner(emptyLearnerState());
  reported = [];
  stop = onInteraction((r) => reported.push(r));
});
afterEach(() => stop());

/** Simulates a reload: the stored state goes through JSON and back into a fresh store value. */
function reload(): void {
  hydrateLearner(JSON.parse(JSON.stringify($learner.get())));
}

describe('role-play state actions', () => {
  it('starts a play, stores the path as it goes and resumes it after a reload', () => {
    startScenario('valid', 1000);
    expect(scenarioProgress('valid')).toEqual({ plays: 0, best: null, passed: false, current: [], last: null });
    expect(chooseReply(scenario, 'c1', { now: 2000 })).toBeNull();
    expect(scenarioProgress('valid')?.current).toEqual(['c1']);
    reload();
    expect(playInProgress(scenario)).toMatchObject({ node: 'n2', mood: 50, path: ['c1'] });
    startScenario('valid'); // resuming keeps the path
    expect(scenarioProgress('valid')?.current).toEqual(['c1']);
    chooseReply(scenario, 'c3', { now: 3000 });
    expect(scenarioProgress('valid')?.current).toEqual(['c1', 'c3']);
  });

  it('ignores replies that are not on offer (double clicks, stale screens)', () => {
    startScenario('valid');
    chooseReply(scenario, 'c1');
    const before = $learner.get();
    expect(chooseReply(scenario, 'c1')).toBeNull(); // c1 belongs to n1, the play is at n2
    expect(chooseReply(scenario, 'nope')).toBeNull();
    expect($learner.get()).toBe(before);
  });

  it('finishes once: stores the result, counts the play and reports one interaction', () => {
    startScenario('valid', 10_000);
    chooseReply(scenario, 'c2', { now: 11_000 });
    chooseReply(scenario, 'c3', { now: 12_000 });
    const result = chooseReply(scenario, 'c5', { now: 40_000, lessonId: 'P03' });
    expect(result).toMatchObject({ ending: 'e-resolved', total: 75, passed: false });
    expect(scenarioProgress('valid')).toEqual({ plays: 1, best: 75, passed: false, current: null, last: result });
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ id: 'rp.valid', type: 'other', response: ['c2', 'c3', 'c5'], credit: 0.75, latencyMs: 30_000, objective: 'P03' });
    // A late click on the finished play changes nothing and reports nothing.
    expect(chooseReply(scenario, 'c5')).toBeNull();
    expect(reported).toHaveLength(1);
    expect(scenarioProgress('valid')?.plays).toBe(1);
  });

  it('replay keeps the best score and the pass, never lowering them', () => {
    startScenario('valid');
    for (const id of ['c1', 'c3', 'c5']) chooseReply(scenario, id);
    expect(scenarioProgress('valid')).toMatchObject({ plays: 1, best: 100, passed: true });
    replayScenario('valid');
    expect(scenarioProgress('valid')).toMatchObject({ plays: 1, best: 100, passed: true, current: [] });
    for (const id of ['c2', 'c4']) chooseReply(scenario, id);
    expect(scenarioProgress('valid')).toMatchObject({ plays: 2, best: 100, passed: true, current: null, last: { ending: 'e-escalated' } });
    expect(reported.map((r) => r.credit)).toEqual([1, 0.08]); // c2 earns 1 of 12 points
  });

  it('restarts a stored path that no longer fits the scenario instead of breaking', () => {
    hydrateLearner({ ...emptyLearnerState(), scenarios: { valid: { plays: 0, best: null, passed: false, current: ['c1', 'gone'], last: null } } });
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect(playInProgress(scenario)).toMatchObject({ node: 'n1', path: [] });
    } finally {
      console.warn = warn;
    }
    expect(scenarioProgress('valid')?.current).toEqual([]);
  });

  it('a saved play of a changed scenario restarts (with a notice) and nothing else is lost', () => {
    const last = { ending: 'e-loyal', total: 100, dimensions: [100, 100, 100, 100, 100], steps: ['listen'], path: ['c1', 'c3', 'c5'], passed: true };
    const saved = {
      ...emptyLearnerState(),
      location: 'P03',
      visited: ['P01', 'P03'],
      ended: ['P01'],
      quizzes: { p01: { attempts: 1, best: 80, passed: true, current: null } },
      scenarios: {
        // A v1 path: c1 then a reply id the retrofit removed.
        valid: { plays: 3, best: 100, passed: true, current: ['c1', 'c3', 'c9-v1'], last },
        other: { plays: 1, best: 40, passed: false, current: ['x1'], last: null },
      },
    };
    hydrateLearner(JSON.parse(JSON.stringify(saved)));
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect(restartIfStale(scenario)).toBe(true);
    } finally {
      console.warn = warn;
    }
    expect($learner.get()).toEqual({ ...saved, scenarios: { ...saved.scenarios, valid: { ...saved.scenarios.valid, current: [] } } });
    expect(restartIfStale(scenario)).toBe(false); // the fresh play fits
    expect(playInProgress(scenario)).toMatchObject({ node: 'n1', path: [], facts: [], critical: [] });
    // A stored path that now ends the conversation (the content moved its ending) restarts too.
    hydrateLearner({ ...emptyLearnerState(), scenarios: { valid: { plays: 0, best: null, passed: false, current: ['c1', 'c3', 'c5'], last: null } } });
    console.warn = () => {};
    try {
      expect(restartIfStale(scenario)).toBe(true);
    } finally {
      console.warn = warn;
    }
    expect(scenarioProgress('valid')?.current).toEqual([]);
  });

  it('a play with a critical reply never passes, and its LMS interaction records the critical event', () => {
    startScenario('valid', 0);
    chooseReply(scenario, 'c1', { now: 1000 });
    chooseReply(scenario, 'c3', { now: 2000 });
    const result = chooseReply(scenario, 'c7', { now: 3000 }); // 我保证明天给您全额赔偿 (false promise)
    expect(result).toMatchObject({ ending: 'e-lost', passed: false, path: ['c1', 'c3', 'c7'] });
    expect(result?.total).toBe(75);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.description).toBe('测试用情景 [critical: false-promise@c7]');
    expect(reported[0]?.response).toEqual(['c1', 'c3', 'c7']);
  });

  it('times replies: standard, ten times longer, or off', () => {
    expect(replySeconds(30, 'standard')).toBe(30);
    expect(replySeconds(30, 'extended')).toBe(300);
    expect(replySeconds(30, 'off')).toBeNull();
    expect(replySeconds(undefined, 'standard')).toBeNull();
  });
});
