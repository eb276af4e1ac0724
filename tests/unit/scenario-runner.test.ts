import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from '../../src/engine/learner-state.ts';
import { analyseScenario, deriveScoring } from '../../src/engine/scenario/graph.ts';
import type { RolePlayScenario, Scenario } from '../../src/engine/scenario/model.ts';
import { interactionRecord, playResonance, scenarioResult } from '../../src/engine/scenario/result.ts';
import { allowedReplies, applyChoice, replayPath, startPlay, stepsInOrder, turnsOf, type PlayState } from '../../src/engine/scenario/runner.ts';
import { band, normalise, normaliseTotal, passes, resonance } from '../../src/engine/scenario/score.ts';
import { loadFixture, loadShippedScenarios } from '../fixtures/scenario/load.ts';
import { randomScenario } from '../fixtures/scenario/random.ts';

function withDerived(scenario: Scenario): RolePlayScenario {
  const { problems, derived } = analyseScenario(scenario);
  if (!derived) throw new Error(problems.join('\n'));
  return { ...scenario, derived };
}

function play(scenario: Scenario, path: string[]): PlayState {
  return path.reduce((state, id) => applyChoice(scenario, state, id), startPlay(scenario));
}

describe('scenario runner', () => {
  const valid = withDerived(loadFixture('valid'));

  it('applies replies: mood, points, steps and path', () => {
    const state = play(valid, ['c1', 'c3']);
    expect(state).toMatchObject({ node: 'n3', ending: null, mood: 70, path: ['c1', 'c3'], steps: ['listen', 'solve'] });
    expect(state.points).toEqual([2, 2, 2, 1, 2]);
  });

  it('follows mood branches: the same reply ends differently depending on the mood', () => {
    expect(play(valid, ['c1', 'c3', 'c5']).ending).toBe('e-loyal'); // mood 85
    expect(play(valid, ['c2', 'c3', 'c5']).ending).toBe('e-resolved'); // mood 65
    expect(play(valid, ['c1', 'c4']).node).toBe('n3'); // mood 30: no escalation yet
    expect(play(valid, ['c2', 'c4']).ending).toBe('e-escalated'); // mood 0 < 20
  });

  it('clamps mood to 0–100 and records each step once', () => {
    const state = play(valid, ['c-wait', 'c4']);
    expect(state.mood).toBe(0);
    const twice = play(valid, ['c2', 'c3']);
    expect(twice.steps).toEqual(['solve']);
  });

  it('offers the timeout reply only at its node and refuses replies from elsewhere', () => {
    expect(allowedReplies(valid, startPlay(valid)).map((c) => c.id)).toEqual(['c1', 'c2', 'c-wait']);
    expect(() => applyChoice(valid, startPlay(valid), 'c3')).toThrow('choice c3 is not available at node n1');
    const ended = play(valid, ['c1', 'c3', 'c6']);
    expect(() => applyChoice(valid, ended, 'c5')).toThrow('after the ending');
  });

  it('rebuilds a play from its path and rejects a path that no longer fits', () => {
    expect(replayPath(valid, ['c1', 'c3'])).toEqual(play(valid, ['c1', 'c3']));
    expect(replayPath(valid, ['c1', 'c9'])).toBeNull();
    const turns = turnsOf(valid, ['c-wait', 'c3']);
    expect(turns.map((t) => [t.node.id, t.choice.id, t.timedOut, t.moodBefore, t.moodAfter])).toEqual([
      ['n1', 'c-wait', true, 40, 30],
      ['n2', 'c3', false, 30, 50],
    ]);
  });

  it('checks the complaint steps order', () => {
    expect(stepsInOrder(['listen', 'empathise', 'solve', 'follow-up'])).toBe(true);
    expect(stepsInOrder(['listen', 'solve', 'empathise', 'follow-up'])).toBe(false);
    expect(stepsInOrder(['listen', 'solve', 'follow-up'])).toBe(false);
  });
});

describe('scenario scoring', () => {
  const valid = withDerived(loadFixture('valid'));

  it('normalisation gives 100 on the best path', () => {
    const result = scenarioResult(valid, play(valid, valid.derived.best));
    expect(result).toEqual({ ending: 'e-loyal', total: 100, dimensions: [100, 100, 100, 100, 100], steps: ['listen', 'solve', 'follow-up'], path: ['c1', 'c3', 'c5'], passed: true });
  });

  it('scores a weaker path proportionally and applies the pass rule', () => {
    const result = scenarioResult(valid, play(valid, ['c2', 'c3', 'c5']));
    // raw: response 1+1, professionalism 2, memory 2, proactivity 1+2, empathy 0 → total 9/12
    expect(result).toMatchObject({ ending: 'e-resolved', total: 75, dimensions: [67, 100, 100, 100, 0], passed: false });
    expect(scenarioResult(valid, play(valid, ['c1', 'c3']))).toBeNull();
  });

  it('normalises against the maxima and never leaves 0–100', () => {
    expect(normalise([1, 2, 0, 3, 0], [2, 2, 4, 3, 0])).toEqual([50, 100, 0, 100, 100]);
    expect(normaliseTotal([1, 1, 1, 1, 1], 10)).toBe(50);
    expect(normalise([5], [2])).toEqual([100]);
    expect(normaliseTotal([0], 0)).toBe(100);
  });

  it('bands dimensions 需改进 / 合格 / 优秀', () => {
    expect([0, 39, 40, 69, 70, 100].map(band)).toEqual(['needs-work', 'needs-work', 'pass', 'pass', 'excellent', 'excellent']);
  });

  it('pass rule: total ≥ 70, no dimension below 40, ending 问题解决 or better', () => {
    const rule = { total: 70, dimension: 40 };
    expect(passes(70, [40, 40, 40, 40, 40], 'resolved', rule)).toBe(true);
    expect(passes(69, [100, 100, 100, 100, 100], 'loyal', rule)).toBe(false);
    expect(passes(90, [100, 100, 39, 100, 100], 'loyal', rule)).toBe(false);
    expect(passes(100, [100, 100, 100, 100, 100], 'escalated', rule)).toBe(false);
    expect(passes(60, [40, 40, 40, 40, 40], 'resolved', { total: 60, dimension: 40 })).toBe(true);
  });

  it('flags 情感共鸣 when distress falls by at least 40 %', () => {
    expect(resonance(20, 52)).toEqual({ achieved: true, drop: 0.4 }); // distress 80 → 48
    expect(resonance(20, 51).achieved).toBe(false);
    expect(resonance(60, 40).achieved).toBe(false);
    expect(resonance(100, 100).achieved).toBe(true);
    expect(playResonance(valid, play(valid, valid.derived.best))).toMatchObject({ achieved: true }); // 60 → 15
  });

  it('a critical reply caps the play: no pass whatever the points, and never the best ending', () => {
    const best = play(valid, ['c1', 'c3', 'c5']);
    expect(scenarioResult(valid, best)).toMatchObject({ ending: 'e-loyal', total: 100, passed: true });
    // The same points with a critical event on the record do not pass.
    expect(scenarioResult(valid, { ...best, critical: ['c7'] })?.passed).toBe(false);
    // The critical reply itself: +20 mood, yet the ending is chosen by the rules (critical → e-lost).
    const breach = play(valid, ['c1', 'c3', 'c7']);
    expect(breach).toMatchObject({ ending: 'e-lost', mood: 90, critical: ['c7'], facts: ['promised_payout'] });
    const record = interactionRecord(valid, scenarioResult(valid, breach) as NonNullable<ReturnType<typeof scenarioResult>>, { latencyMs: 5, at: new Date(0) });
    expect(record.description).toBe('测试用情景 [critical: false-promise@c7]');
    expect(interactionRecord(valid, scenarioResult(valid, best) as NonNullable<ReturnType<typeof scenarioResult>>, { latencyMs: 5, at: new Date(0) }).description).toBe('测试用情景');
  });

  it('shows lines, variants and replies by facts', () => {
    const rushed = play(valid, ['c2']);
    expect(rushed.facts).toEqual(['rushed']);
    const blamed = play(valid, ['c1', 'c4']);
    expect(blamed).toMatchObject({ node: 'n3', facts: ['passed_buck'] });
    expect(allowedReplies(valid, blamed).map((c) => c.id)).toEqual(['c5', 'c6', 'c7']);
    expect(turnsOf(valid, ['c1', 'c4']).map((t) => t.factsAfter)).toEqual([[], ['passed_buck']]);
  });

  it('reports a finished play as an "other" interaction whose response is the path', () => {
    const result = scenarioResult(valid, play(valid, ['c2', 'c3', 'c5']));
    if (!result) throw new Error('play did not end');
    const record = interactionRecord(valid, result, { lessonId: 'P03', latencyMs: 61_234.4, at: new Date('2025-01-02T03:04:05Z') });
    expect(record).toEqual({
      id: 'rp.valid',
      type: 'other',
      description: '测试用情景',
      response: ['c2', 'c3', 'c5'],
      correct: [],
      credit: 0.75,
      latencyMs: 61234,
      timestamp: '2025-01-02T03:04:05.000Z',
      objective: 'P03',
    });
    expect(interactionRecord(valid, result, { latencyMs: 0, at: new Date(0) })).not.toHaveProperty('objective');
  });
});

/** Plays random replies until an ending, serialising and restoring the path after every step. */
function randomWalk(scenario: RolePlayScenario, picks: number[]): { state: PlayState; steps: number } {
  let state = startPlay(scenario);
  let steps = 0;
  while (state.ending === null) {
    const replies = allowedReplies(scenario, state);
    if (replies.length === 0) throw new Error(`stuck at ${state.node}`);
    const pick = replies[(picks[steps % picks.length] as number) % replies.length] as (typeof replies)[number];
    state = applyChoice(scenario, state, pick.id);
    steps++;
    // Round trip (ink's JsonRoundTrip idea): the stored path alone must rebuild the same play.
    const restored = replayPath(scenario, JSON.parse(JSON.stringify(state.path)) as string[]);
    expect(restored).toEqual(state);
    if (steps > scenario.nodes.length) throw new Error('walk longer than the node count');
  }
  return { state, steps };
}

function checkWalk(scenario: RolePlayScenario, picks: number[]): void {
  const { state, steps } = randomWalk(scenario, picks);
  expect(steps).toBeLessThanOrEqual(scenario.nodes.length);
  // Raw points never exceed what the analysis says is attainable…
  state.points.forEach((p, d) => expect(p).toBeLessThanOrEqual(scenario.derived.max[d] as number));
  expect(state.points.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(scenario.derived.maxTotal);
  // …so the normalised scores lie in 0–100.
  const result = scenarioResult(scenario, state);
  if (!result) throw new Error('walk did not end');
  for (const score of [result.total, ...result.dimensions]) {
    expect(Number.isInteger(score)).toBe(true);
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(100);
  }
  expect(result.dimensions).toHaveLength(DIMENSIONS.length);
  // A play with a critical reply never passes and never reaches the best ending.
  if (state.critical.length > 0) {
    expect(result.passed).toBe(false);
    // (the engine falls back to the worst ending; only a scenario with nothing but loyal endings has none other)
    if (scenario.endings.some((e) => e.outcome !== 'loyal')) expect(scenario.endings.find((e) => e.id === result.ending)?.outcome).not.toBe('loyal');
  }
}

describe('scenario properties (fast-check)', () => {
  const picks = fc.array(fc.nat(), { minLength: 1, maxLength: 40 });

  it('any random walk of a random acyclic scenario ends within the node count, scores in 0–100', () => {
    fc.assert(
      fc.property(randomScenario, picks, (scenario, choices) => {
        const derived = deriveScoring(scenario);
        const full = { ...scenario, derived };
        checkWalk(full, choices);
        // The derived best path is playable and scores exactly 100 in total.
        const best = scenarioResult(full, play(full, derived.best));
        expect(best?.total).toBe(100);
      }),
      { numRuns: 300 },
    );
  });

  // Deriving every shipped scenario explores its states: generous room on a loaded machine.
  it('any random walk of every shipped scenario ends within the node count, scores in 0–100', { timeout: 180_000 }, () => {
    const shipped = loadShippedScenarios().map(({ scenario }) => withDerived(scenario));
    expect(shipped.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...shipped), picks, (scenario, choices) => checkWalk(scenario, choices)),
      { numRuns: 300 },
    );
  });
});
