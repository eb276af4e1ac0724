/**
 * Issue 9 item 8: an unknown id inside valid state (a complaint step, an ending or a choice the
 * content no longer has) must not blank the role-play island: stale parts are dropped, the rest
 * resumes. Rendered with the real end screen of the island.
 */
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyLearnerState, type ScenarioResult } from '../../../src/engine/learner-state.ts';
import { analyseScenario } from '../../../src/engine/scenario/graph.ts';
import type { RolePlayScenario } from '../../../src/engine/scenario/model.ts';
import { EndScreen } from '../../../src/islands/RolePlay.tsx';
import { hydrateLearner } from '../../../src/state/progress.ts';
import { lastResultView, playInProgress } from '../../../src/state/scenario.ts';
import { loadFixture } from '../../fixtures/scenario/load.ts';

const base = loadFixture('valid');
const derived = analyseScenario(base).derived;
if (!derived) throw new Error('fixture broken');
const scenario: RolePlayScenario = { ...base, derived };

const result = (patch: Partial<ScenarioResult>): ScenarioResult => ({
  ending: 'e-resolved',
  total: 72,
  dimensions: [70, 80, 60, 70, 80],
  steps: ['listen', 'empathise', 'solve'],
  path: ['c1', 'c2'],
  passed: true,
  ...patch,
});

function withLast(last: ScenarioResult, current: string[] | null = null) {
  hydrateLearner({ ...emptyLearnerState(), scenarios: { valid: { plays: 1, best: 72, passed: true, current, last } } });
}

const endScreen = () => renderToString(h(EndScreen, { scenario, uid: 'rp-valid', onReplay: () => {} }));

beforeEach(() => vi.spyOn(console, 'warn').mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

describe('stale ids in a stored role-play result', () => {
  it('a complaint step no longer in the model is left out; the end screen still shows the result', () => {
    withLast(result({ steps: ['listen', 'apologise-twice', 'solve'] }));
    const html = endScreen();
    expect(html).toContain('rp-end');
    expect(html).toContain('72');
    expect(html).not.toContain('apologise-twice');
    expect(lastResultView(scenario, result({ steps: ['listen', 'apologise-twice', 'listen'] }))?.steps).toEqual(['listen']);
  });

  it('an ending and choices the scenario no longer has still render (shown by id, turns cut)', () => {
    withLast(result({ ending: 'e-retired', path: ['c1', 'c-gone'] }));
    const html = endScreen();
    expect(html).toContain('rp-end');
    expect(html).toContain('e-retired');
  });

  it('a play in progress whose path no longer fits restarts instead of breaking', () => {
    withLast(result({}), ['c-gone']);
    const play = playInProgress(scenario);
    expect(play).not.toBeNull();
    expect(play?.path).toEqual([]);
  });

  it('a result that is already clean is passed through unchanged', () => {
    const clean = result({});
    expect(lastResultView(scenario, clean)).toBe(clean);
    expect(lastResultView(scenario, null)).toBeNull();
  });
});
