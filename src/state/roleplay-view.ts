/**
 * View selectors of the role-play island: what each screen shows, computed from the scenario and
 * the stored path. Islands read these views, not engine internals. During play a view carries
 * words only (lines, the customer's emotion, the replies); numbers appear in the end view.
 */
import type { ScenarioProgress } from '../engine/learner-state.ts';
import {
  DIMENSIONS,
  debriefOf,
  indexScenario,
  nodeView,
  offeredChoices,
  offeredTimeout,
  pointsOf,
  type RolePlayScenario,
  type ScenarioEnding,
  type ScenarioLine,
} from '../engine/scenario/model.ts';
import { criticalEvents, playResonance, type CriticalEvent } from '../engine/scenario/result.ts';
import { replayPath, turnsOf, type PlayState, type Turn } from '../engine/scenario/runner.ts';
import { lastResultView } from './scenario.ts';
import { $course, type CourseData } from './course.ts';

/** The lesson that teaches the five dimensions; dimension names link to it when it is in the package. */
export const RUBRIC_LESSON = 'A2';

/** Where a dimension name links: the rubric lesson's page when this package has it, else null (plain text). */
export function rubricHref(course: CourseData = $course.get()): string | null {
  return course.lessons.find((l) => l.id === RUBRIC_LESSON)?.href ?? null;
}

export type Speaker = ScenarioLine['speaker'] | 'learner';

export interface LineView {
  speaker: Speaker;
  text: string;
  /** The customer's emotion label, on the first customer line of a node that has one. */
  emotion?: string | undefined;
  /** True for the learner's reply taken by the timer. */
  timedOut?: boolean;
}

/** Mood band 0–4 (怒气冲冲 … 满意), a word for a node without an authored emotion. */
export const moodBand = (mood: number) => Math.min(4, Math.max(0, Math.floor(mood / 20)));

function linesOf(scenario: RolePlayScenario, nodeId: string, facts: readonly string[]): { lines: LineView[]; emotion: string | undefined } {
  const node = indexScenario(scenario).nodes.get(nodeId);
  if (!node) return { lines: [], emotion: undefined };
  const view = nodeView(node, new Set(facts));
  const firstCustomer = view.lines.findIndex((l) => l.speaker === 'customer');
  return {
    emotion: view.emotion,
    lines: view.lines.map((l, i) => ({ speaker: l.speaker, text: l.text, ...(i === firstCustomer && view.emotion ? { emotion: view.emotion } : {}) })),
  };
}

export interface ConversationView {
  /** Earlier lines and the learner's replies, in order. */
  log: LineView[];
  /** What is said now (the node awaiting a reply). */
  current: LineView[];
  /** The customer's emotion now: the node's label, or null (then `band` gives a word). */
  emotion: string | null;
  band: number;
  choices: { id: string; text: string }[];
  /** The reply taken when the timer runs out, with the limit in seconds (null when untimed now). */
  timeout: { id: string; seconds: number } | null;
  /** A key that changes with every turn (restarts the timer). */
  turn: string;
}

/** The conversation screen for a play in progress; null when the path does not lead to a node. */
export function conversationView(scenario: RolePlayScenario, path: readonly string[]): ConversationView | null {
  const state = replayPath(scenario, path);
  if (!state || state.node === null) return null;
  const node = indexScenario(scenario).nodes.get(state.node);
  if (!node) return null;
  const log: LineView[] = [];
  for (const turn of turnsOf(scenario, path)) {
    log.push(...linesOf(scenario, turn.node.id, turn.factsBefore).lines);
    log.push({ speaker: 'learner', text: turn.choice.text, ...(turn.timedOut ? { timedOut: true } : {}) });
  }
  const facts = new Set(state.facts);
  const now = linesOf(scenario, node.id, state.facts);
  const timeout = offeredTimeout(node, facts);
  return {
    log,
    current: now.lines,
    emotion: now.emotion ?? null,
    band: moodBand(state.mood),
    choices: offeredChoices(node, facts).map((c) => ({ id: c.id, text: c.text })),
    timeout: timeout && node.timeLimit !== undefined ? { id: timeout.id, seconds: node.timeLimit } : null,
    turn: `${node.id}-${path.length}`,
  };
}

/** What the customer said after a reply, for the announcement (words only). */
export function reactionNow(scenario: RolePlayScenario, state: PlayState): { emotion: string | null; band: number } {
  const emotion = state.node ? linesOf(scenario, state.node, state.facts).emotion : undefined;
  return { emotion: emotion ?? null, band: moodBand(state.mood) };
}

export interface DimensionPoints {
  dimension: (typeof DIMENSIONS)[number];
  points: number;
}

export interface ReviewTurn {
  /** What the customer (or colleague) said before the reply. */
  prompt: LineView | null;
  said: string;
  timedOut: boolean;
  /** How the customer reacted: the next node's first line and emotion, or the ending's closing moment. */
  reaction: LineView | null;
  moodDelta: number;
  /** Dimensions this reply earned. */
  earned: DimensionPoints[];
  /** Dimensions another reply on offer would have earned more on (points = what that reply earned). */
  missed: DimensionPoints[];
  tempting: boolean;
  critical: string | null;
  /** Whether the reply is the best path's reply here (shown only once the best path is revealed). */
  best: boolean;
  feedback: string;
}

function reviewTurn(scenario: RolePlayScenario, turn: Turn, bestIds: ReadonlySet<string>): ReviewTurn {
  const before = linesOf(scenario, turn.node.id, turn.factsBefore).lines;
  const prompt = before.find((l) => l.speaker !== 'narrator') ?? before[0] ?? null;
  let reaction: LineView | null = null;
  if (turn.nextNode) {
    const next = linesOf(scenario, turn.nextNode, turn.factsAfter).lines;
    reaction = next.find((l) => l.speaker === 'customer') ?? next[0] ?? null;
  } else if (turn.ending) {
    const ending = indexScenario(scenario).endings.get(turn.ending);
    if (ending) reaction = { speaker: 'narrator', text: ending.text };
  }
  const chosen = pointsOf(turn.choice);
  // What the replies on offer would have earned (after a timeout: any reply given in time).
  const offered = offeredChoices(turn.node, new Set(turn.factsBefore)).filter((c) => c !== turn.choice);
  const earned: DimensionPoints[] = [];
  const missed: DimensionPoints[] = [];
  DIMENSIONS.forEach((dimension, d) => {
    const got = chosen[d] as number;
    if (got > 0) earned.push({ dimension, points: got });
    const other = Math.max(0, ...offered.map((c) => pointsOf(c)[d] as number));
    if (other > got) missed.push({ dimension, points: other });
  });
  return {
    prompt,
    said: turn.choice.text,
    timedOut: turn.timedOut,
    reaction,
    moodDelta: turn.moodAfter - turn.moodBefore,
    earned,
    missed,
    tempting: turn.choice.tempting,
    critical: turn.choice.critical ?? null,
    best: bestIds.has(turn.choice.id),
    feedback: turn.choice.feedback,
  };
}

export interface CriticalView extends CriticalEvent {
  /** What the learner said. */
  text: string;
  /** Why it breaks the play (the reply's feedback). */
  why: string;
}

export interface EndView {
  ending: ScenarioEnding | null;
  /** The stored result (the learner state's `last`). */
  total: number;
  passed: boolean;
  dimensions: number[];
  steps: string[];
  /** Critical replies of the play, with why each breaks it. */
  critical: CriticalView[];
  /** The ending's debrief paragraphs that hold on this path. */
  debrief: string[];
  /** Per turn: what the learner said, the reaction, dimensions earned and missed. */
  review: ReviewTurn[];
  /** False when the stored path no longer replays (the scenario changed since): no per-turn review. */
  replayable: boolean;
  resonance: { achieved: boolean; drop: number } | null;
  /** The best path, revealed after a second finished play or a pass; null until then. */
  bestPath: { review: ReviewTurn[]; ending: ScenarioEnding | null } | null;
}

/** Whether the best path may be shown: after a second finished play or a pass. */
export const bestPathRevealed = (progress: Pick<ScenarioProgress, 'plays' | 'passed'>) => progress.plays >= 2 || progress.passed;

/** The end screen of the last finished play; null when there is none. */
export function endView(scenario: RolePlayScenario, progress: ScenarioProgress | undefined): EndView | null {
  // A stored result outlives content edits: steps the model no longer has are left out, not fatal.
  const last = lastResultView(scenario, progress?.last);
  if (!progress || !last) return null;
  const { endings } = indexScenario(scenario);
  const state = replayPath(scenario, last.path);
  const replayable = state !== null && state.ending === last.ending;
  const ending = endings.get(last.ending) ?? null;
  const bestIds = bestPathRevealed(progress) ? new Set(scenario.derived.best) : new Set<string>();
  const review = replayable ? turnsOf(scenario, last.path).map((t) => reviewTurn(scenario, t, bestIds)) : [];
  const { choices } = indexScenario(scenario);
  const critical = replayable
    ? criticalEvents(scenario, last.path).map((e) => {
        const choice = choices.get(e.choice)?.choice;
        return { ...e, text: choice?.text ?? '', why: choice?.feedback ?? '' };
      })
    : [];
  const debrief = ending ? (state && replayable ? debriefOf(ending, new Set(state.facts), state.critical.length > 0) : ending.debrief.filter((p) => p.requires.length === 0 && p.unless.length === 0 && p.critical === undefined)).map((p) => p.text) : [];
  let bestPath: EndView['bestPath'] = null;
  if (bestPathRevealed(progress)) {
    const bestState = replayPath(scenario, scenario.derived.best);
    bestPath = {
      review: turnsOf(scenario, scenario.derived.best).map((t) => reviewTurn(scenario, t, new Set())),
      ending: bestState?.ending ? (endings.get(bestState.ending) ?? null) : null,
    };
  }
  return {
    ending,
    total: last.total,
    passed: last.passed,
    dimensions: last.dimensions,
    steps: last.steps,
    critical,
    debrief,
    review,
    replayable,
    resonance: state && replayable ? playResonance(scenario, state) : null,
    bestPath,
  };
}

export type RolePlayPhase = 'intro' | 'play' | 'end';

/** Which screen the island shows for the stored progress. */
export function rolePlayPhase(scenario: RolePlayScenario, progress: ScenarioProgress | undefined): RolePlayPhase {
  const path = progress?.current ?? null;
  if (path) {
    const state = replayPath(scenario, path);
    if (state && state.ending === null) return 'play';
  }
  return !path && progress?.last ? 'end' : 'intro';
}
