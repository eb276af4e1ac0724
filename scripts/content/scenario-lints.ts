/**
 * The role-play lints of CONTENT-STANDARD.md (Role-plays, "Hard to game" and "Teaches the
 * rubric"), run by the content check after the graph analysis. Each failure names the scenario
 * part (node, reply) and ends with the rule tag in brackets; `scenarioFigures` gives the numbers
 * behind them for the scenario report (scripts/scenario-report.ts).
 */
import type { ScenarioAnalysis, NodeState } from '../../src/engine/scenario/graph.ts';
import { scoreExploration } from '../../src/engine/scenario/graph.ts';
import { BEST_OUTCOME, DIMENSIONS, pointsOf, type Scenario, type ScenarioChoice } from '../../src/engine/scenario/model.ts';
import { playResonance, scenarioResult } from '../../src/engine/scenario/result.ts';
import { replayPath, stepsInOrder } from '../../src/engine/scenario/runner.ts';
import { tr } from '../../src/i18n/zh-CN.roleplay.ts';

/** Lint 1: the best reply may be the longest at fewer than this share of decisions. */
export const BEST_LONGEST_SHARE = 0.5;
/** Lint 2: longest option ≤ this × shortest option at a decision. */
export const LENGTH_RATIO = 1.6;
/** Lint 4: decisions with a real trade-off. */
export const MIN_TRADE_OFFS = 2;
/** Lint 4: a defensible reply earns at least this many points in total. */
export const DEFENSIBLE_POINTS = 2;
/** Lint 5: each dimension earnable at this many decisions of the main path. */
export const MIN_DIMENSION_CHANCES = 3;
/** Lint 6: routes to the best ending. */
export const MIN_BEST_ROUTES = 2;
/** Lint 9: share of conversation nodes that offer a tempting-but-wrong reply. */
export const MIN_TEMPTING_SHARE = 0.75;

/** The Chinese name of a dimension, as feedback must write it. */
export const dimensionName = (d: (typeof DIMENSIONS)[number]) => tr(`roleplay.dim.${d}`);

/** Option length: every non-space character. */
export const optionLength = (text: string) => text.replace(/\s+/g, '').length;

const total = (c: ScenarioChoice) => pointsOf(c).reduce((a, b) => a + b, 0);
const dims = (c: ScenarioChoice) => new Set(DIMENSIONS.filter((d) => c.points[d] > 0));

/** A point where the learner chooses between ≥ 2 replies (one per node and set of replies on offer). */
export interface Decision {
  node: string;
  offered: ScenarioChoice[];
  /** The highest-scoring offered replies (ties all count). */
  best: ScenarioChoice[];
  /** The longest offered replies (ties all count). */
  longest: ScenarioChoice[];
  bestIsLongest: boolean;
}

function decisionOf(state: NodeState): Decision | null {
  const offered = state.offered;
  if (offered.length < 2) return null;
  const top = Math.max(...offered.map(total));
  const maxLength = Math.max(...offered.map((c) => optionLength(c.text)));
  const best = offered.filter((c) => total(c) === top);
  const longest = offered.filter((c) => optionLength(c.text) === maxLength);
  return { node: state.node.id, offered, best, longest, bestIsLongest: best.some((c) => longest.includes(c)) };
}

/** The scenario's decisions: each node with each distinct set of replies it offers in some reachable state. */
export function decisionsOf(analysis: ScenarioAnalysis): Decision[] {
  const out = new Map<string, Decision>();
  for (const state of analysis.exploration?.states.values() ?? []) {
    const key = `${state.node.id}|${state.offered.map((c) => c.id).join(',')}`;
    if (out.has(key)) continue;
    const decision = decisionOf(state);
    if (decision) out.set(key, decision);
  }
  return [...out.values()];
}

export interface ScenarioFigures {
  decisions: number;
  endings: number;
  routesToBest: number;
  /** Share of decisions where the best reply is the longest (0–1). */
  bestLongestShare: number;
  /** Decisions where only one reply on offer earns any points. */
  singleScorer: number;
  /** Per dimension, decisions of the main path where it can be earned. */
  dimensionChances: Record<(typeof DIMENSIONS)[number], number>;
  mainPath: string[];
}

/** The figures issue 11 asks for; null when the scenario is too broken to explore. */
export function scenarioFigures(scenario: Scenario, analysis: ScenarioAnalysis): ScenarioFigures | null {
  const found = analysis.exploration;
  if (!found || found.start === null || !analysis.derived) return null;
  const decisions = decisionsOf(analysis);
  const scored = scoreExploration(found);
  const mainDecisions = scored.bestStates.map(decisionOf).filter((d): d is Decision => d !== null);
  const dimensionChances = Object.fromEntries(
    DIMENSIONS.map((d) => [d, mainDecisions.filter((dec) => dec.offered.some((c) => c.points[d] > 0)).length]),
  ) as ScenarioFigures['dimensionChances'];
  return {
    decisions: decisions.length,
    endings: new Set([...found.terminals.values()].map((t) => t.ending.id)).size,
    routesToBest: scored.routesToBest,
    bestLongestShare: decisions.length ? decisions.filter((d) => d.bestIsLongest).length / decisions.length : 0,
    singleScorer: decisions.filter((d) => d.offered.filter((c) => total(c) > 0).length === 1).length,
    dimensionChances,
    mainPath: scored.derived.best,
  };
}

/** Runs the ten lints; empty when the scenario meets the standard (or is too broken to lint: the analysis reports that). */
export function lintScenario(scenario: Scenario, analysis: ScenarioAnalysis): string[] {
  const figures = scenarioFigures(scenario, analysis);
  if (!figures) return [];
  const problems: string[] = [];
  const decisions = decisionsOf(analysis);
  const list = (cs: ScenarioChoice[]) => cs.map((c) => c.id).join(', ');

  // 1. The best reply is the longest option at fewer than half of the decisions.
  const longestBest = decisions.filter((d) => d.bestIsLongest);
  if (decisions.length > 0 && longestBest.length / decisions.length >= BEST_LONGEST_SHARE) {
    problems.push(
      `decisions → the best reply is the longest option at ${longestBest.length} of ${decisions.length} decisions ` +
        `(${longestBest.map((d) => `node ${d.node} reply ${d.best.filter((c) => d.longest.includes(c))[0]?.id}`).join('; ')}); ` +
        `it must be at fewer than half: make best replies shorter or other replies fuller [lint-best-longest]`,
    );
  }
  for (const d of decisions) {
    // 2. Longest option ≤ 1.6 × shortest.
    const lengths = d.offered.map((c) => optionLength(c.text));
    const min = Math.min(...lengths);
    const shortest = d.offered[lengths.indexOf(min)] as ScenarioChoice;
    for (const c of d.offered) {
      const len = optionLength(c.text);
      if (len > LENGTH_RATIO * min)
        problems.push(
          `node ${d.node} → reply ${c.id} → is ${(len / min).toFixed(1)}× as long as reply ${shortest.id} (${len} vs ${min} characters); keep every option within ${LENGTH_RATIO}× the shortest [lint-length-ratio]`,
        );
    }
    // 3. At most one zero-point reply.
    const zero = d.offered.filter((c) => total(c) === 0);
    if (zero.length > 1) problems.push(`node ${d.node} → replies ${list(zero)} → earn no points; at most one reply per decision may earn none [lint-zero-points]`);
  }
  // 4. Two decisions with a real trade-off.
  const tradeOffs = decisions.filter((d) => {
    const ok = d.offered.filter((c) => !c.critical && total(c) >= DEFENSIBLE_POINTS);
    return ok.some((a) => ok.some((b) => a !== b && ![...dims(a)].every((x) => dims(b).has(x)) && ![...dims(b)].every((x) => dims(a).has(x))));
  });
  if (tradeOffs.length < MIN_TRADE_OFFS)
    problems.push(
      `decisions → ${tradeOffs.length} decision${tradeOffs.length === 1 ? ' offers' : 's offer'} two defensible replies (not critical, ≥ ${DEFENSIBLE_POINTS} points) scoring on different dimensions` +
        `${tradeOffs.length ? ` (node ${tradeOffs.map((d) => d.node).join(', node ')})` : ''}; at least ${MIN_TRADE_OFFS} need such a trade-off [lint-trade-off]`,
    );
  // 5. Each dimension earnable at ≥ 3 decisions of the main path.
  for (const d of DIMENSIONS) {
    const n = figures.dimensionChances[d];
    if (n < MIN_DIMENSION_CHANCES)
      problems.push(
        `main path → ${dimensionName(d)} (${d}) can be earned at ${n} decision${n === 1 ? '' : 's'} of the main path (${figures.mainPath.join(' → ')}); at least ${MIN_DIMENSION_CHANCES} [lint-dimension-chances]`,
      );
  }
  // 6. ≥ 2 routes to the best ending.
  if (figures.routesToBest < MIN_BEST_ROUTES) {
    const best = scenario.endings.filter((e) => e.outcome === BEST_OUTCOME).map((e) => e.id);
    problems.push(
      `ending ${best.join(', ') || `(${BEST_OUTCOME})`} → ${figures.routesToBest} route${figures.routesToBest === 1 ? ' reaches' : 's reach'} the best ending; at least ${MIN_BEST_ROUTES} different routes must [lint-best-routes]`,
    );
  }
  for (const node of scenario.nodes) {
    for (const c of node.timeout ? [...node.choices, node.timeout] : node.choices) {
      // 7. Feedback names every dimension the reply earns.
      const missing = DIMENSIONS.filter((d) => c.points[d] > 0 && !c.feedback.includes(dimensionName(d)));
      if (missing.length)
        problems.push(`node ${node.id} → reply ${c.id} → earns ${missing.map(dimensionName).join('、')} but its feedback does not name ${missing.length > 1 ? 'them' : 'it'} [lint-feedback-dimensions]`);
      // 8. A critical reply earns nothing and says why.
      if (c.critical && total(c) > 0) problems.push(`node ${node.id} → reply ${c.id} → is critical (${c.critical}) but earns points; a critical reply earns none [lint-critical]`);
      if (c.critical && c.feedback.trim().length < 2) problems.push(`node ${node.id} → reply ${c.id} → is critical but its feedback is empty; say why it breaks the play [lint-critical]`);
    }
  }
  // 9. Most decisions hold a trap: a reply a tired or defensive employee would plausibly say.
  const trapped = scenario.nodes.filter((n) => n.choices.some((c) => c.tempting));
  if (scenario.nodes.length > 0 && trapped.length / scenario.nodes.length < MIN_TEMPTING_SHARE) {
    const bare = scenario.nodes.filter((n) => !trapped.includes(n)).map((n) => n.id);
    problems.push(
      `nodes ${bare.join(', ')} → offer no tempting reply (tempting: true); ${trapped.length} of ${scenario.nodes.length} nodes have one, at least ${Math.round(MIN_TEMPTING_SHARE * 100)} % must [lint-tempting]`,
    );
  }
  // 10. The derived best path passes, ends at the best outcome, takes the complaint steps in order and resonates.
  const derived = analysis.derived;
  const state = derived ? replayPath(scenario, derived.best) : null;
  if (derived && state) {
    const full = { ...scenario, derived };
    const result = scenarioResult(full, state);
    const outcome = scenario.endings.find((e) => e.id === result?.ending)?.outcome;
    const route = `best path ${derived.best.join(' → ')}`;
    if (!result?.passed) problems.push(`${route} → does not pass the scenario's pass rule [lint-best-path]`);
    if (outcome !== BEST_OUTCOME) problems.push(`${route} → ends ${result?.ending ?? '(no ending)'} (${outcome ?? '?'}), not the best outcome (${BEST_OUTCOME}) [lint-best-path]`);
    // The four-step model is scored only where the scenario labels its replies with steps.
    const labelled = scenario.nodes.some((n) => n.choices.some((c) => c.step !== undefined));
    if (labelled && !stepsInOrder(state.steps)) problems.push(`${route} → takes the complaint steps out of order (${state.steps.join(', ') || 'none'}) [lint-best-path]`);
    if (!playResonance(full, state).achieved) problems.push(`${route} → does not reach emotional resonance [lint-best-path]`);
  }
  return problems;
}
