/**
 * A finished play as the learner state and the LMS see it: `ScenarioResult` (kept in
 * `$learner.scenarios[id].last`) and one `InteractionRecord` (type other, response = path).
 */
import type { InteractionRecord, PlayReport, ScenarioResult } from '../learner-state.ts';
import { endingOf, replayPath, type PlayState } from './runner.ts';
import { normalise, normaliseTotal, passes, resonance, type Resonance } from './score.ts';
import { indexScenario, type RolePlayScenario, type Scenario } from './model.ts';

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
    // A critical reply caps the play: it cannot pass whatever the points and the ending.
    passed: state.critical.length === 0 && passes(total, dimensions, ending.outcome, scenario.pass),
  };
}

/** A critical reply taken in a play: which reply, of what kind. */
export interface CriticalEvent {
  choice: string;
  kind: string;
}

/** The critical replies of a path, in order (rebuilt from the path; nothing extra is stored). */
export function criticalEvents(scenario: Scenario, path: readonly string[]): CriticalEvent[] {
  const { choices } = indexScenario(scenario);
  const state = replayPath(scenario, path);
  return (state?.critical ?? []).map((id) => ({ choice: id, kind: choices.get(id)?.choice.critical ?? 'unknown' }));
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

/**
 * The LMS interaction for a finished play: type other, response = the path, credit = total / 100.
 * Critical replies are recorded in the description (SCORM 2004 keeps 250 characters; they come
 * right after the title so they survive clipping), e.g. "标题 [critical: false-promise@c12]".
 */
export function interactionRecord(scenario: RolePlayScenario, result: ScenarioResult, context: InteractionContext): InteractionRecord {
  const critical = criticalEvents(scenario, result.path);
  const marks = critical.length ? ` [critical: ${critical.map((c) => `${c.kind}@${c.choice}`).join(', ')}]` : '';
  return {
    id: interactionId(scenario.id),
    type: 'other',
    description: `${scenario.title}${marks}`,
    response: [...result.path],
    correct: [],
    credit: result.total / 100,
    latencyMs: Math.max(0, Math.round(context.latencyMs)),
    timestamp: context.at.toISOString(),
    ...(context.lessonId ? { objective: context.lessonId } : {}),
  };
}

/**
 * The LMS interaction of a finished play: the record above plus what a report needs to read
 * without our code — each reply's words, the five dimension scores, the critical replies and the
 * outcome (src/lms/readable.ts fits them to each SCORM version).
 */
export function playInteraction(scenario: RolePlayScenario, state: PlayState, result: ScenarioResult, context: InteractionContext): InteractionRecord {
  const { choices } = indexScenario(scenario);
  const play: PlayReport = {
    title: scenario.title,
    replies: result.path.map((id) => ({ id, text: choices.get(id)?.choice.text ?? '' })),
    total: result.total,
    dimensions: [...result.dimensions],
    critical: criticalEvents(scenario, result.path),
    outcome: endingOf(scenario, state)?.outcome ?? '',
    passed: result.passed,
  };
  return { ...interactionRecord(scenario, result, context), play };
}
