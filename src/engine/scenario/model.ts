/**
 * Shared vocabulary of the role-play engine. Pure data: the browser island imports this, so
 * nothing here may pull in zod or yaml (types from the schema are imported as types only).
 */
import type { Scenario, ScenarioChoice, ScenarioEnding, ScenarioNode } from '../../schemas/scenario.ts';
import { DIMENSIONS } from '../learner-state.ts';

export type { ComplaintStep, Outcome, Scenario, ScenarioChoice, ScenarioEnding, ScenarioLine, ScenarioNode } from '../../schemas/scenario.ts';
export { DIMENSIONS };

/** The complaint model's four steps (倾听 → 表达理解 → 提供解决方案 → 跟进反馈), in model order. */
export const COMPLAINT_STEPS = ['listen', 'empathise', 'solve', 'follow-up'] as const;

/** Endings from best to worst: 挽回并成为忠实客户 / 问题解决 / 升级投诉 / 客户流失. */
export const OUTCOMES = ['loyal', 'resolved', 'escalated', 'lost'] as const;

/** Outcomes that can pass a role-play (course-outline.md §4.5a: 问题解决 or better). */
export const PASSING_OUTCOMES: readonly string[] = ['loyal', 'resolved'];

/** Mood runs 0–100; 100 = calm and satisfied. */
export const MOOD_MIN = 0;
export const MOOD_MAX = 100;

/** 情感共鸣 outcome check: distress (100 − mood) must fall by at least this share (seed: ≥ 40 %). */
export const RESONANCE_DROP = 0.4;

/** Dimension bands: below 40 需改进, 40–69 合格, 70–100 优秀. */
export const BAND_PASS = 40;
export const BAND_EXCELLENT = 70;

/**
 * What the build derives from a scenario's graph and ships to the browser with it, so the
 * island can score without re-analysing: the maximum attainable points per dimension and in
 * total over all paths, and the best path (choice ids).
 */
export interface ScenarioDerived {
  /** Maximum attainable raw points per dimension over all paths, in DIMENSIONS order. */
  max: number[];
  /** Maximum attainable raw total over all paths (the best path's total). */
  maxTotal: number;
  /** Choice ids of the best path: highest total, then best ending, then calmest customer. */
  best: string[];
  /** Learner decisions on the longest path. */
  longest: number;
  /** Ending ids that some path reaches. */
  endings: string[];
}

/** A scenario as the island receives it: the parsed YAML plus what the build derived. */
export interface RolePlayScenario extends Scenario {
  derived: ScenarioDerived;
}

/** Where a choice lives. */
export interface ChoiceRef {
  choice: ScenarioChoice;
  node: ScenarioNode;
  /** True for a node's timeout reply (taken automatically when time runs out). */
  timeout: boolean;
}

export interface ScenarioIndex {
  nodes: Map<string, ScenarioNode>;
  endings: Map<string, ScenarioEnding>;
  choices: Map<string, ChoiceRef>;
}

const indexes = new WeakMap<Scenario, ScenarioIndex>();

/** Id lookups for a scenario (first occurrence wins when ids repeat; the checker reports repeats). */
export function indexScenario(scenario: Scenario): ScenarioIndex {
  const cached = indexes.get(scenario);
  if (cached) return cached;
  const index: ScenarioIndex = { nodes: new Map(), endings: new Map(), choices: new Map() };
  for (const ending of scenario.endings) if (!index.endings.has(ending.id)) index.endings.set(ending.id, ending);
  for (const node of scenario.nodes) {
    if (!index.nodes.has(node.id)) index.nodes.set(node.id, node);
    for (const choice of node.choices) if (!index.choices.has(choice.id)) index.choices.set(choice.id, { choice, node, timeout: false });
    if (node.timeout && !index.choices.has(node.timeout.id)) index.choices.set(node.timeout.id, { choice: node.timeout, node, timeout: true });
  }
  indexes.set(scenario, index);
  return index;
}

/** Every reply leaving a node: the visible choices, then the timeout reply if any. */
export function repliesOf(node: ScenarioNode): ScenarioChoice[] {
  return node.timeout ? [...node.choices, node.timeout] : node.choices;
}

export function clampMood(mood: number): number {
  return Math.min(MOOD_MAX, Math.max(MOOD_MIN, mood));
}

/** Where a reply leads given the mood after it: the first matching branch, else `next`. */
export function targetOf(choice: ScenarioChoice, moodAfter: number): string {
  for (const branch of choice.branches) {
    if (branchApplies(branch, moodAfter)) return branch.next;
  }
  return choice.next;
}

export function branchApplies(branch: { moodAtLeast?: number | undefined; moodBelow?: number | undefined }, mood: number): boolean {
  if (branch.moodAtLeast !== undefined && mood < branch.moodAtLeast) return false;
  if (branch.moodBelow !== undefined && mood >= branch.moodBelow) return false;
  return true;
}

/** A reply's points as an array in DIMENSIONS order. */
export function pointsOf(choice: ScenarioChoice): number[] {
  return DIMENSIONS.map((d) => choice.points[d]);
}

/** Higher is better: loyal 3, resolved 2, escalated 1, lost 0. */
export function outcomeRank(outcome: string): number {
  const i = OUTCOMES.indexOf(outcome as (typeof OUTCOMES)[number]);
  return i < 0 ? -1 : OUTCOMES.length - 1 - i;
}
