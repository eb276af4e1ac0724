/**
 * A finished play as the learner state and the LMS see it: `ScenarioResult` (kept in
 * `$learner.scenarios[id].last`) and one `InteractionRecord` (type other, response = path).
 */
import type { InteractionRecord, ScenarioResult } from '../learner-state.ts';
import { endingOf, type PlayState } from './runner.ts';
import { normalise, normaliseTotal, passes, resonance, type Resonance } from './score.ts';
import type { RolePlayScenario } from './model.ts';

/** Scores a finished play; null while the play has not reached an ending. */
export function scenarioResult(scenario: RolePlayScenario, state: PlayState): ScenarioResult | null {
  const ending = endingOf(scenario, state);
  if (!ending) return null;
  const dimensions = normalise(state.points, scenario.derived.max);
  const total = normaliseTotal(state.points, scenario.derived.maxTotal);
  return {
    ending: ending.id,
    total,
    dimensions,
    steps: [...state.steps],
    path: [...state.path],
    passed: passes(total, dimensions, ending.outcome, scenario.pass),
  };
}

/** The 情感共鸣 flag for a play (reported next to the points, course-outline.md §4.5a). */
export function playResonance(scenario: RolePlayScenario, state: PlayState): Resonance {
  return resonance(scenario.persona.mood, state.mood);
}

/** Stable interaction id of a role-play, e.g. "rp.p01-broadband-install". */
export const interactionId = (scenarioId: string) => `rp.${scenarioId}`;

export interface InteractionContext {
  /** Lesson whose objective the play counts toward. */
  lessonId?: string | undefined;
  /** Milliseconds from the start of the play (in this page session) to its end. */
  latencyMs: number;
  /** When the play ended. */
  at: Date;
}

/** The LMS interaction for a finished play: type other, response = the path, credit = total / 100. */
export function interactionRecord(scenario: RolePlayScenario, result: ScenarioResult, context: InteractionContext): InteractionRecord {
  return {
    id: interactionId(scenario.id),
    type: 'other',
    description: scenario.title,
    response: [...result.path],
    correct: [],
    credit: result.total / 100,
    latencyMs: Math.max(0, Math.round(context.latencyMs)),
    timestamp: context.at.toISOString(),
    ...(context.lessonId ? { objective: context.lessonId } : {}),
  };
}
