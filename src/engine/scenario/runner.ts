/**
 * Plays a scenario: a play is fully determined by the choice ids taken, so the learner state
 * stores only that path and every screen (conversation, mood, end screen) is rebuilt from it.
 */
import {
  COMPLAINT_STEPS,
  DIMENSIONS,
  clampMood,
  indexScenario,
  pointsOf,
  targetOf,
  type ComplaintStep,
  type Scenario,
  type ScenarioChoice,
  type ScenarioEnding,
  type ScenarioNode,
} from './model.ts';

export interface PlayState {
  /** Id of the node awaiting a reply; null once an ending is reached. */
  node: string | null;
  /** Id of the ending reached; null while the conversation goes on. */
  ending: string | null;
  /** Customer's mood now, 0–100 (100 = calm and satisfied). */
  mood: number;
  /** Raw points so far, in DIMENSIONS order. */
  points: number[];
  /** Complaint steps performed, each once, in the order first performed. */
  steps: ComplaintStep[];
  /** Choice ids taken, in order. */
  path: string[];
}

/** One exchange of a play, for the transcript and the debrief. */
export interface Turn {
  node: ScenarioNode;
  /** Mood when the node was reached. */
  moodBefore: number;
  choice: ScenarioChoice;
  /** True when the timer ran out and the timeout reply was taken. */
  timedOut: boolean;
  /** Mood after the reply. */
  moodAfter: number;
}

export function startPlay(scenario: Scenario): PlayState {
  return {
    node: scenario.start,
    ending: null,
    mood: clampMood(scenario.persona.mood),
    points: DIMENSIONS.map(() => 0),
    steps: [],
    path: [],
  };
}

/** The node awaiting a reply, if any. */
export function currentNode(scenario: Scenario, state: PlayState): ScenarioNode | null {
  return state.node === null ? null : (indexScenario(scenario).nodes.get(state.node) ?? null);
}

export function endingOf(scenario: Scenario, state: PlayState): ScenarioEnding | null {
  return state.ending === null ? null : (indexScenario(scenario).endings.get(state.ending) ?? null);
}

/** Replies the learner may take now: the node's choices and, when it has one, its timeout reply. */
export function allowedReplies(scenario: Scenario, state: PlayState): ScenarioChoice[] {
  const node = currentNode(scenario, state);
  if (!node) return [];
  return node.timeout ? [...node.choices, node.timeout] : node.choices;
}

/** Applies one reply; throws when it is not on offer at this point of the conversation. */
export function applyChoice(scenario: Scenario, state: PlayState, choiceId: string): PlayState {
  const index = indexScenario(scenario);
  const ref = index.choices.get(choiceId);
  if (!ref || state.node === null || ref.node.id !== state.node) {
    throw new Error(`choice ${choiceId} is not available ${state.node === null ? 'after the ending' : `at node ${state.node}`}`);
  }
  const mood = clampMood(state.mood + ref.choice.mood);
  const target = targetOf(ref.choice, mood);
  const isEnding = index.endings.has(target);
  if (!isEnding && !index.nodes.has(target)) throw new Error(`choice ${choiceId} leads to unknown node ${target}`);
  const step = ref.choice.step;
  const gained = pointsOf(ref.choice);
  return {
    node: isEnding ? null : target,
    ending: isEnding ? target : null,
    mood,
    points: state.points.map((p, d) => p + (gained[d] as number)),
    steps: step && !state.steps.includes(step) ? [...state.steps, step] : state.steps,
    path: [...state.path, choiceId],
  };
}

/**
 * Rebuilds a play from stored choice ids (resume after reload, end screen of a finished play).
 * Returns null when the path no longer fits the scenario (content changed since it was stored).
 */
export function replayPath(scenario: Scenario, path: readonly string[]): PlayState | null {
  let state = startPlay(scenario);
  for (const id of path) {
    try {
      state = applyChoice(scenario, state, id);
    } catch {
      return null;
    }
  }
  return state;
}

/** The exchanges of a path, in order (invalid ids end the list). */
export function turnsOf(scenario: Scenario, path: readonly string[]): Turn[] {
  const index = indexScenario(scenario);
  const turns: Turn[] = [];
  let state = startPlay(scenario);
  for (const id of path) {
    const ref = index.choices.get(id);
    const before = state.mood;
    try {
      state = applyChoice(scenario, state, id);
    } catch {
      break;
    }
    if (ref) turns.push({ node: ref.node, moodBefore: before, choice: ref.choice, timedOut: ref.timeout, moodAfter: state.mood });
  }
  return turns;
}

/** Whether the steps were all performed in the model's order (倾听 → 表达理解 → 提供解决方案 → 跟进反馈). */
export function stepsInOrder(steps: readonly string[]): boolean {
  return steps.length === COMPLAINT_STEPS.length && COMPLAINT_STEPS.every((step, i) => steps[i] === step);
}
