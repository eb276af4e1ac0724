/**
 * Plays a scenario: a play is fully determined by the choice ids taken, so the learner state
 * stores only that path and every screen (conversation, end screen) is rebuilt from it. The
 * state tracks the facts the replies recorded and the critical replies taken: lines and
 * replies on offer depend on the facts, and the ending is chosen by the endings' rules.
 */
import {
  COMPLAINT_STEPS,
  DIMENSIONS,
  END,
  clampMood,
  factsAfter,
  indexScenario,
  offeredChoices,
  offeredTimeout,
  pointsOf,
  selectEnding,
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
  /** Facts that hold now, in the order first set. */
  facts: string[];
  /** Ids of the critical replies taken, in order. */
  critical: string[];
}

/** One exchange of a play, for the transcript and the debrief. */
export interface Turn {
  node: ScenarioNode;
  /** Mood when the node was reached. */
  moodBefore: number;
  /** Facts when the node was reached (the node was shown with these). */
  factsBefore: string[];
  choice: ScenarioChoice;
  /** True when the timer ran out and the timeout reply was taken. */
  timedOut: boolean;
  /** Mood after the reply. */
  moodAfter: number;
  /** Facts after the reply. */
  factsAfter: string[];
  /** Where the reply led: the next node's id, or null when the play ended. */
  nextNode: string | null;
  /** The ending reached by this reply, when it ended the play. */
  ending: string | null;
}

export function startPlay(scenario: Scenario): PlayState {
  return {
    node: scenario.start,
    ending: null,
    mood: clampMood(scenario.persona.mood),
    points: DIMENSIONS.map(() => 0),
    steps: [],
    path: [],
    facts: [],
    critical: [],
  };
}

/** The node awaiting a reply, if any. */
export function currentNode(scenario: Scenario, state: PlayState): ScenarioNode | null {
  return state.node === null ? null : (indexScenario(scenario).nodes.get(state.node) ?? null);
}

export function endingOf(scenario: Scenario, state: PlayState): ScenarioEnding | null {
  return state.ending === null ? null : (indexScenario(scenario).endings.get(state.ending) ?? null);
}

/** Replies the learner may take now: the choices on offer for the facts and, when it applies, the timeout reply. */
export function allowedReplies(scenario: Scenario, state: PlayState): ScenarioChoice[] {
  const node = currentNode(scenario, state);
  if (!node) return [];
  const facts = new Set(state.facts);
  const timeout = offeredTimeout(node, facts);
  return timeout ? [...offeredChoices(node, facts), timeout] : offeredChoices(node, facts);
}

/** Applies one reply; throws when it is not on offer at this point of the conversation. */
export function applyChoice(scenario: Scenario, state: PlayState, choiceId: string): PlayState {
  const index = indexScenario(scenario);
  const ref = index.choices.get(choiceId);
  if (!ref || state.node === null || ref.node.id !== state.node || !allowedReplies(scenario, state).includes(ref.choice)) {
    throw new Error(`choice ${choiceId} is not available ${state.node === null ? 'after the ending' : `at node ${state.node}`}`);
  }
  const choice = ref.choice;
  const mood = clampMood(state.mood + choice.mood);
  const facts = factsAfter(new Set(state.facts), choice);
  const critical = choice.critical ? [...state.critical, choiceId] : state.critical;
  const target = targetOf(choice, mood, facts);
  let ending: string | null = null;
  if (target === END) ending = selectEnding(scenario, facts, critical.length > 0, mood).id;
  else if (index.endings.has(target)) ending = target; // schema v1: a reply naming its ending (the content check rejects it)
  else if (!index.nodes.has(target)) throw new Error(`choice ${choiceId} leads to unknown node ${target}`);
  const step = choice.step;
  const gained = pointsOf(choice);
  return {
    node: ending === null ? target : null,
    ending,
    mood,
    points: state.points.map((p, d) => p + (gained[d] as number)),
    steps: step && !state.steps.includes(step) ? [...state.steps, step] : state.steps,
    path: [...state.path, choiceId],
    facts: [...facts],
    critical,
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
    const before = state;
    try {
      state = applyChoice(scenario, state, id);
    } catch {
      break;
    }
    if (ref)
      turns.push({
        node: ref.node,
        moodBefore: before.mood,
        factsBefore: before.facts,
        choice: ref.choice,
        timedOut: ref.timeout,
        moodAfter: state.mood,
        factsAfter: state.facts,
        nextNode: state.node,
        ending: state.ending,
      });
  }
  return turns;
}

/** Whether the steps were all performed in the model's order (倾听 → 表达理解 → 提供解决方案 → 跟进反馈). */
export function stepsInOrder(steps: readonly string[]): boolean {
  return steps.length === COMPLAINT_STEPS.length && COMPLAINT_STEPS.every((step, i) => steps[i] === step);
}
