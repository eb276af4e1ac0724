/**
 * Shared vocabulary of the role-play engine. Pure data: the browser island imports this, so
 * nothing here may pull in zod or yaml (types from the schema are imported as types only).
 */
import type {
  Condition,
  DebriefParagraph,
  EndingRule,
  Scenario,
  ScenarioBranch,
  ScenarioChoice,
  ScenarioEnding,
  ScenarioLine,
  ScenarioNode,
} from '../../schemas/scenario.ts';
import { BEST_OUTCOME, COMPLAINT_STEPS, CRITICAL_KINDS, END, OUTCOMES } from '../../schemas/scenario-vocabulary.ts';
import { DIMENSIONS } from '../learner-state.ts';

export type {
  ComplaintStep,
  Condition,
  CriticalKind,
  DebriefParagraph,
  EndingRule,
  Outcome,
  Scenario,
  ScenarioBranch,
  ScenarioChoice,
  ScenarioEnding,
  ScenarioLine,
  ScenarioNode,
} from '../../schemas/scenario.ts';
export { BEST_OUTCOME, COMPLAINT_STEPS, CRITICAL_KINDS, DIMENSIONS, END, OUTCOMES };

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

/** Facts that hold now (a set of fact ids). */
export type Facts = ReadonlySet<string>;

/** Whether `requires` all hold and no `unless` holds. */
export function holds(condition: Condition, facts: Facts): boolean {
  return condition.requires.every((f) => facts.has(f)) && !condition.unless.some((f) => facts.has(f));
}

interface MoodRange {
  moodAtLeast?: number | undefined;
  moodBelow?: number | undefined;
}

function moodFits(range: MoodRange, mood: number): boolean {
  if (range.moodAtLeast !== undefined && mood < range.moodAtLeast) return false;
  if (range.moodBelow !== undefined && mood >= range.moodBelow) return false;
  return true;
}

/** Whether a branch applies after a reply (facts and mood after it). */
export function branchApplies(branch: ScenarioBranch, mood: number, facts: Facts): boolean {
  return moodFits(branch, mood) && holds(branch, facts);
}

/** Index of the branch taken after a reply, or -1 for `next`. */
export function branchIndexOf(choice: ScenarioChoice, moodAfter: number, factsAfter: Facts): number {
  return choice.branches.findIndex((b) => branchApplies(b, moodAfter, factsAfter));
}

/** Where a reply leads given the mood and facts after it: the first matching branch, else `next` (`end` ends the play). */
export function targetOf(choice: ScenarioChoice, moodAfter: number, factsAfter: Facts): string {
  const i = branchIndexOf(choice, moodAfter, factsAfter);
  return i >= 0 ? (choice.branches[i] as ScenarioBranch).next : choice.next;
}

/** Facts after a reply: its `clears` removed, then its `sets` added. */
export function factsAfter(facts: Facts, choice: ScenarioChoice): Set<string> {
  const out = new Set(facts);
  for (const f of choice.clears) out.delete(f);
  for (const f of choice.sets) out.add(f);
  return out;
}

/** Whether an ending's rule matches a terminal state. */
export function ruleMatches(rule: EndingRule, facts: Facts, critical: boolean, mood: number): boolean {
  if (rule.critical !== undefined && rule.critical !== critical) return false;
  return moodFits(rule, mood) && holds(rule, facts);
}

/** Endings whose rule matches a terminal state, in authored order (the content check proves there is exactly one). */
export function matchingEndings(scenario: Scenario, facts: Facts, critical: boolean, mood: number): ScenarioEnding[] {
  return scenario.endings.filter((e) => e.when.some((rule) => ruleMatches(rule, facts, critical, mood)));
}

/**
 * The ending for a terminal state: the first matching one. Should the rules leave a gap (the
 * content check forbids it), the worst ending is used, and never the best one after a critical reply.
 */
export function selectEnding(scenario: Scenario, facts: Facts, critical: boolean, mood: number): ScenarioEnding {
  const match = matchingEndings(scenario, facts, critical, mood).find((e) => !(critical && e.outcome === BEST_OUTCOME));
  if (match) return match;
  const ranked = [...scenario.endings].sort((a, b) => outcomeRank(a.outcome) - outcomeRank(b.outcome));
  return ranked[0] as ScenarioEnding;
}

/** The node as shown for these facts: the first variant that holds replaces emotion and lines; lines are filtered. */
export function nodeView(node: ScenarioNode, facts: Facts): { emotion: string | undefined; lines: ScenarioLine[] } {
  const variant = node.variants.find((v) => holds(v, facts));
  const lines = (variant ? variant.lines : node.lines).filter((line) => holds(line, facts));
  return { emotion: variant?.emotion ?? node.emotion, lines };
}

/** Replies on offer for these facts: the visible choices (the timeout reply is separate). */
export function offeredChoices(node: ScenarioNode, facts: Facts): ScenarioChoice[] {
  return node.choices.filter((c) => holds(c, facts));
}

/** The timeout reply when it applies for these facts (the timer runs only then). */
export function offeredTimeout(node: ScenarioNode, facts: Facts): ScenarioChoice | null {
  return node.timeout && holds(node.timeout, facts) ? node.timeout : null;
}

/** Debrief paragraphs shown for a path's facts and criticals. */
export function debriefOf(ending: ScenarioEnding, facts: Facts, critical: boolean): DebriefParagraph[] {
  return ending.debrief.filter((p) => holds(p, facts) && (p.critical === undefined || p.critical === critical));
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
