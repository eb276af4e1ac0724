/**
 * Role-play actions: the only code that writes `$learner.scenarios[scenarioId]`. The play in
 * progress is stored as the choice ids taken so far (`current`), so a reload — or a relaunch
 * from the LMS — resumes mid-conversation; everything on screen is rebuilt from that path.
 * A finished play is scored once, stored as `last`, and reported once via `recordInteraction`.
 */
import { atom, computed } from 'nanostores';
import type { InteractionRecord, PlayReport, ScenarioProgress, ScenarioResult } from '../engine/learner-state.ts';
import { COMPLAINT_STEPS, indexScenario, type RolePlayScenario } from '../engine/scenario/model.ts';
import { playInteraction, scenarioResult } from '../engine/scenario/result.ts';
import { applyChoice, endingOf, replayPath, startPlay, type PlayState } from '../engine/scenario/runner.ts';
import { $lmsStatus } from '../lms/status.ts';
import { $learner, recordInteraction, updateLearner } from './progress.ts';

export function emptyScenarioProgress(): ScenarioProgress {
  return { plays: 0, best: null, passed: false, current: null, last: null };
}

export function scenarioProgress(scenarioId: string): ScenarioProgress | undefined {
  return $learner.get().scenarios[scenarioId];
}

function change(scenarioId: string, transition: (p: ScenarioProgress) => ScenarioProgress): void {
  updateLearner((s) => {
    const before = s.scenarios[scenarioId];
    const after = transition(before ?? emptyScenarioProgress());
    return after === before ? s : { ...s, scenarios: { ...s.scenarios, [scenarioId]: after } };
  });
}

// When the play in progress (re)started in this page session, for the interaction latency.
// Not learner state: after a reload the clock restarts with the resumed conversation.
const startedAt = new Map<string, number>();

/** Begins a play, or resumes the one in progress (its path is kept). */
export function startScenario(scenarioId: string, now: number = Date.now()): void {
  const resuming = Boolean(scenarioProgress(scenarioId)?.current);
  if (!resuming || !startedAt.has(scenarioId)) startedAt.set(scenarioId, now);
  change(scenarioId, (p) => (p.current ? p : { ...p, current: [] }));
}

/** Starts a new play from the first line; finished plays, best score and pass are kept. */
export function replayScenario(scenarioId: string, now: number = Date.now()): void {
  startedAt.set(scenarioId, now);
  change(scenarioId, (p) => (p.current && p.current.length === 0 ? p : { ...p, current: [] }));
}

/**
 * A stored path that no longer fits the scenario (its content changed since it was saved, e.g.
 * a v1 path after the v2 retrofit) restarts that play from the first line. Only `current` of
 * that scenario changes: finished plays, best score, pass and everything else are kept.
 * Returns true when it restarted (the island then tells the learner).
 */
export function restartIfStale(scenario: RolePlayScenario): boolean {
  const path = scenarioProgress(scenario.id)?.current;
  if (!path) return false;
  const state = replayPath(scenario, path);
  if (state && state.ending === null) return false;
  console.warn(`[course] role-play ${scenario.id}: the saved conversation no longer matches the scenario; starting again`);
  change(scenario.id, (p) => ({ ...p, current: [] }));
  return true;
}

/** The play in progress rebuilt from the stored path (a stale path restarts the play first). */
export function playInProgress(scenario: RolePlayScenario): PlayState | null {
  if (!scenarioProgress(scenario.id)?.current) return null;
  restartIfStale(scenario);
  const path = scenarioProgress(scenario.id)?.current ?? [];
  return replayPath(scenario, path) ?? startPlay(scenario);
}

/**
 * The last finished play as the end screen shows it. Stored results outlive content edits: a
 * complaint step the model no longer has is dropped (and said so in the console), the rest of
 * the result is shown, so stale state never blanks the role-play (issue 9 item 8). An ending or
 * choice that no longer exists is handled by the end screen itself (shown by id, turns cut).
 */
export function lastResultView(scenario: Pick<RolePlayScenario, 'id'>, last: ScenarioResult | null | undefined): ScenarioResult | null {
  if (!last) return null;
  const known = new Set<string>(COMPLAINT_STEPS);
  const steps = last.steps.filter((step, i) => known.has(step) && last.steps.indexOf(step) === i);
  if (steps.length === last.steps.length) return last;
  console.warn(`[course] role-play ${scenario.id}: saved result names steps this course no longer has (${last.steps.filter((s) => !known.has(s)).join(', ')}); left out`);
  return { ...last, steps };
}

export interface ChooseOptions {
  /** Lesson whose objective the play counts toward. */
  lessonId?: string | undefined;
  now?: number;
}

/**
 * The learner gives a reply. Replies not on offer at this point (a double click, a stale
 * screen) are ignored. Returns the result when the reply ends the conversation.
 */
export function chooseReply(scenario: RolePlayScenario, choiceId: string, options: ChooseOptions = {}): ScenarioResult | null {
  const now = options.now ?? Date.now();
  if (!scenarioProgress(scenario.id)?.current) startScenario(scenario.id, now);
  if (!startedAt.has(scenario.id)) startedAt.set(scenario.id, now); // resumed after a reload
  const state = playInProgress(scenario);
  if (!state) return null;
  let next: PlayState;
  try {
    next = applyChoice(scenario, state, choiceId);
  } catch {
    return null;
  }
  if (next.ending === null) {
    change(scenario.id, (p) => ({ ...p, current: next.path }));
    return null;
  }
  return finishScenario(scenario, next, { lessonId: options.lessonId, now });
}

/** Records a finished play: plays + 1, best never lowered, pass never lost; reports it once. */
export function finishScenario(scenario: RolePlayScenario, state: PlayState, options: ChooseOptions = {}): ScenarioResult | null {
  const result = scenarioResult(scenario, state);
  if (!result) return null;
  const now = options.now ?? Date.now();
  change(scenario.id, (p) => ({
    plays: p.plays + 1,
    best: p.best === null ? result.total : Math.max(p.best, result.total),
    passed: p.passed || result.passed,
    current: null,
    last: result,
  }));
  const started = startedAt.get(scenario.id) ?? now;
  startedAt.delete(scenario.id);
  recordInteraction(playInteraction(scenario, state, result, { lessonId: options.lessonId, latencyMs: now - started, at: new Date(now) }));
  return result;
}

/**
 * Reply timer preference (an accessibility setting, WCAG 2.2.1): standard, ten times longer,
 * or off. The learner's choice is kept in this browser only; it is not learner progress.
 * Until they choose, a learner whose LMS asks for slower delivery (SCORM learner preference)
 * gets the extended limit.
 */
export type TimingPreference = 'standard' | 'extended' | 'off';
const TIMING_KEY = 'spc:roleplay-timing';

function readTiming(): TimingPreference | null {
  try {
    const value = globalThis.localStorage?.getItem(TIMING_KEY);
    return value === 'standard' || value === 'extended' || value === 'off' ? value : null;
  } catch {
    return null;
  }
}

/** The timing the learner chose on this device; null until they choose. */
const $chosenTiming = atom<TimingPreference | null>(readTiming());

export const $replyTiming = computed([$chosenTiming, $lmsStatus], (chosen, lms): TimingPreference => chosen ?? (lms.preferences.slower ? 'extended' : 'standard'));

/** True while the timing is the LMS's slower-delivery default (the learner has not chosen one). */
export const $timingFromLms = computed([$chosenTiming, $lmsStatus], (chosen, lms) => chosen === null && lms.preferences.slower);

export function setReplyTiming(value: TimingPreference): void {
  $chosenTiming.set(value);
  try {
    globalThis.localStorage?.setItem(TIMING_KEY, value);
  } catch {
    // Private mode: the setting lasts for this page only.
  }
}

/** Seconds allowed for a reply under a preference; null when untimed. */
export function replySeconds(limit: number | undefined, preference: TimingPreference): number | null {
  if (limit === undefined || preference === 'off') return null;
  return preference === 'extended' ? limit * 10 : limit;
}
