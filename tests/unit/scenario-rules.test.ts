/**
 * Role-play v2 rules (issue 11): one broken fixture per rule, each failing with the exact
 * message (scenario part, reason, [rule]); the clean fixture passes every check and lint.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintScenario } from '../../scripts/content/scenario-lints.ts';
import { analyseScenario } from '../../src/engine/scenario/graph.ts';
import { loadFixture } from '../fixtures/scenario/load.ts';

function problemsOf(name: string): string[] {
  const scenario = loadFixture(name);
  const analysis = analyseScenario(scenario);
  return [...analysis.problems, ...lintScenario(scenario, analysis)];
}

describe('role-play v2 rules', () => {
  it('a scenario meeting the standard passes every check and lint', () => {
    expect(problemsOf('lint-clean')).toEqual([]);
  });

  const cases: [fixture: string, message: string][] = [
    ['broken-fact-unknown', 'node n4 → line 1 → requires unknown fact "callback_done"; declare it under facts (with what it means) [fact-unknown]'],
    ['broken-fact-never-set', 'facts.promised → no reply sets it; a condition on it can never change [fact-never-set]'],
    ['broken-fact-unused', 'facts.pushed_away → nothing requires or unless it (no line, variant, reply, branch, ending or debrief paragraph); remove it or use it [fact-unused]'],
    ['broken-never-shown', 'node n2 → line 2 → never shown: its conditions (requires refund_done) never hold when the node is reached [never-shown]'],
    ['broken-never-offered', 'node n3 → reply c9 → never offered: its conditions (requires refund_done, callback_booked) never hold when the node is reached [never-shown]'],
    ['broken-debrief-never-shown', 'ending e-lost → debrief 2 → never shown: its conditions (requires refund_done, callback_booked) never hold on a path into this ending [never-shown]'],
    ['broken-no-line', 'node n4 → shows no line when reached with facts: refund_done; add a line whose conditions hold then [no-line]'],
    ['broken-no-debrief', 'ending e-resolved → shows no debrief paragraph when reached with facts: callback_booked; critical: no; add a paragraph whose conditions hold then [no-debrief]'],
    ['broken-no-reply', 'node n3 → offers no reply when reached with facts: callback_booked; add a reply whose conditions hold then [no-reply]'],
    ['broken-ending-gap', "node n4 → reply c12 → ends the conversation where no ending's when rule matches (facts: refund_done; critical: yes; mood 5–35); widen a rule or add an ending [ending-gap]"],
    ['broken-ending-overlap', 'node n4 → reply c11 → ends the conversation where e-resolved and e-lost both match (facts: refund_done; critical: no; mood 45); make the when rules exclusive [ending-overlap]'],
    ['broken-ending-unreachable', 'ending e-vip → unreachable: no reachable end of the conversation matches its when rule (requires refund_done, callback_booked; critical: false) [ending-unreachable]'],
    ['broken-critical-best', 'node n2 → reply c6 (critical: false-promise) → can still reach the best ending e-loyal (ending at node n4 reply c10, mood 75–85); give e-loyal when: { critical: false } [critical-best]'],
    ['broken-next-end', "node n4 → reply c10 → points at ending e-loyal; end the conversation with next: end and let the endings' when rules choose [next-end]"],
    ['broken-lint-best-longest', 'decisions → the best reply is the longest option at 2 of 4 decisions (node n1 reply c1; node n4 reply c10); it must be at fewer than half: make best replies shorter or other replies fuller [lint-best-longest]'],
    ['broken-lint-length-ratio', 'node n1 → reply c3 → is 3.0× as long as reply c1 (36 vs 12 characters); keep every option within 1.6× the shortest [lint-length-ratio]'],
    ['broken-lint-zero-points', 'node n1 → replies c2, c3 → earn no points; at most one reply per decision may earn none [lint-zero-points]'],
    ['broken-lint-trade-off', 'decisions → 1 decision offers two defensible replies (not critical, ≥ 2 points) scoring on different dimensions (node n3); at least 2 need such a trade-off [lint-trade-off]'],
    ['broken-lint-dimension-chances', 'main path → 记忆力 (memory) can be earned at 2 decisions of the main path (c1 → c4 → c7 → c10); at least 3 [lint-dimension-chances]'],
    ['broken-lint-best-routes', 'ending e-loyal → 1 route reaches the best ending; at least 2 different routes must [lint-best-routes]'],
    ['broken-lint-feedback-dimensions', 'node n1 → reply c1 → earns 情感共鸣 but its feedback does not name it [lint-feedback-dimensions]'],
    ['broken-lint-critical', 'node n2 → reply c6 → is critical (false-promise) but earns points; a critical reply earns none [lint-critical]'],
    ['broken-lint-tempting', 'nodes n1, n2 → offer no tempting reply (tempting: true); 2 of 4 nodes have one, at least 75 % must [lint-tempting]'],
    ['broken-lint-best-path', 'best path c1 → c4 → c7 → c10 → takes the complaint steps out of order (solve, listen, empathise, follow-up) [lint-best-path]'],
  ];

  it.each(cases)('%s fails with its rule', (fixture, message) => {
    expect(problemsOf(fixture)).toContain(message);
  });

  it('the exploration stays small: states are deduplicated, not paths', () => {
    const analysis = analyseScenario(loadFixture('lint-clean'));
    // 3 × 3 × 3 × 3 = 81 paths, but far fewer distinct (node, facts, critical, mood) states.
    expect(analysis.exploration?.states.size).toBeLessThan(40);
  });
});

describe('layout', () => {
  it('schemas import nothing from the engine (no cycle between src/schemas and src/engine)', () => {
    const dir = new URL('../../src/schemas/', import.meta.url);
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from ['"][^'"]*\/engine\//.test(readFileSync(new URL(f, dir), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
