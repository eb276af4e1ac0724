/**
 * The SCORM adapter façade (1.2 and 2004 share it; scorm12.ts / scorm2004.ts hold the data-model
 * mappings). It wires three parts together:
 *
 * - session-open.ts: Initialize, read back, recover from the browser mirror.
 * - commit-queue.ts: coalesced, sliced, retried commits and the interaction queue.
 * - here: the browser mirror (every change is written to localStorage at once, keyed by learner
 *   and package, so nothing is lost if the tab closes before a commit) and what the LMS should
 *   hold for a state (suspend data within the LMS's budget, bookmark, statuses, objectives).
 *
 * Exit: exit and session_time are set, then Terminate/LMSFinish is called exactly once. No
 * Commit right before it (Terminate implies one; some LMSs reject a Commit during unload).
 * The status sink is injected (the course passes `patchLmsStatus`), so src/lms knows nothing of
 * the stores that show it.
 */
import { bookmarkText, type LearnerState } from '../engine/learner-state.ts';
import { browserStorage, mirrorKey, mirrorScope, newWriterId, PENDING_LEARNER, writeMirror } from '../persistence/mirror.ts';
import { encodeWithinBudget } from '../persistence/suspend/budget.ts';
import { createCommitQueue, defaultClock, type Clock, type Values } from './commit-queue.ts';
import type { ScormDriver } from './scorm-api.ts';
import { selfObjectives } from './readable.ts';
import { openSession } from './session-open.ts';
import type { StatusSink } from './status.ts';
import type { LmsAdapter, LmsSummary, ScormProfile } from './types.ts';

export type { Clock } from './commit-queue.ts';
export type { ScormProfile } from './types.ts';

export interface ScormAdapterOptions {
  driver: ScormDriver;
  profile: ScormProfile;
  courseId: string;
  /** Package name (scopes the mirror); "site" when absent. */
  packageId?: string | undefined;
  /** Where the learner-facing status goes (the course: `patchLmsStatus`). */
  status: StatusSink;
  storage?: Storage | undefined;
  clock?: Clock;
  log?: (message: string) => void;
  /** Quiet period before a commit, ms. */
  debounceMs?: number;
  /** Longest a change waits for its commit, ms. */
  maxWaitMs?: number;
  /** Delays between retries of a failed commit, ms (the last one repeats). */
  retryDelaysMs?: number[];
  /** Consecutive failures before the learner is told. */
  bannerAfter?: number;
  /** LMS time per task before a commit yields to the page, ms. */
  sliceMs?: number;
}

export function createScormAdapter(options: ScormAdapterOptions): LmsAdapter {
  const { driver, profile, status } = options;
  const clock = options.clock ?? defaultClock;
  const storage = options.storage ?? browserStorage();
  const log = options.log ?? ((m: string) => console.warn(m));
  const scope = mirrorScope(options.courseId, options.packageId);

  // No learner is ever guessed: until the LMS names one, work belongs to the pending slot.
  /** This tab's id in the mirror: its own earlier copy is replaced, another tab's is merged. */
  const writer = newWriterId();
  let learnerKey = PENDING_LEARNER;
  let connected = false;
  let finished = false;
  let startedAt = clock.now();
  let mastery: number | null = null;
  let objectiveIndex = new Map<string, number>();
  let objectivesOff = profile.objectives === null;
  /** Suspend-data budget: the profile's, or less once the LMS was seen cutting it. */
  let suspendLimit = profile.suspendLimit;
  let latest: { state: LearnerState; summary: LmsSummary } | null = null;
  let warnedBudget = '';

  /** Everything the LMS should hold for the latest state, in write order (progress first). */
  function desiredValues(final: boolean): Values {
    if (!latest) return [];
    const { state, summary } = latest;
    const { text, dropped, fits } = encodeWithinBudget(state, suspendLimit);
    const note = `${suspendLimit}:${dropped.join(', ')}:${fits}`;
    if (note !== warnedBudget) {
      warnedBudget = note;
      if (dropped.length) log(`[lms] suspend data over ${suspendLimit} characters: left out ${dropped.join(', ')}${fits ? '' : ' (still too long)'}`);
      status({ suspendTooLong: !fits });
    }
    const values: Values = [];
    if (fits) values.push([profile.suspendData, text]);
    // The bookmark carries the section within the lesson when the LMS has room for it.
    const bookmark = bookmarkText(state);
    if (bookmark) values.push([profile.location, bookmark.length <= profile.locationLimit ? bookmark : (state.location as string).slice(0, profile.locationLimit)]);
    values.push(...profile.statusValues(summary));
    if (!objectivesOff && profile.objectives) {
      const objectives = profile.objectives;
      for (const lesson of summary.lessons) {
        if (lesson.status === 'not-started' && !objectiveIndex.has(lesson.id)) continue;
        let n = objectiveIndex.get(lesson.id);
        if (n === undefined) {
          n = objectiveIndex.size;
          objectiveIndex.set(lesson.id, n);
        }
        values.push([objectives.id(n), lesson.id], ...objectives.values(n, lesson));
      }
      for (const objective of selfObjectives(state)) {
        let n = objectiveIndex.get(objective.id);
        if (n === undefined) {
          n = objectiveIndex.size;
          objectiveIndex.set(objective.id, n);
        }
        values.push([objectives.id(n), objective.id], ...objectives.self(n, objective));
      }
    }
    values.push(profile.exit(summary));
    if (final) values.push(profile.sessionTime(clock.now() - startedAt));
    return values;
  }

  const queue = createCommitQueue({
    driver,
    kind: profile.kind,
    clock,
    log,
    status,
    values: desiredValues,
    interaction: (n, record) => profile.interaction(n, record),
    suspendData: profile.suspendData,
    onTruncated: (kept) => {
      // The smallest encoding that fits what this LMS keeps (essentials are never dropped).
      suspendLimit = Math.max(0, Math.min(suspendLimit, kept));
      queue.request();
    },
    debounceMs: options.debounceMs,
    maxWaitMs: options.maxWaitMs,
    retryDelaysMs: options.retryDelaysMs,
    bannerAfter: options.bannerAfter,
    sliceMs: options.sliceMs,
  });

  /** Writes the browser copy (merged with what another tab stored there: src/persistence/mirror.ts). */
  function mirror(state: LearnerState): void {
    status({ browserCopy: writeMirror(storage, mirrorKey(scope, learnerKey), state, writer) !== null });
  }

  return {
    kind: profile.kind,
    get mirrorKey() {
      return mirrorKey(scope, learnerKey);
    },
    get learnerKey() {
      return learnerKey;
    },

    async load() {
      startedAt = clock.now();
      const session = openSession({ driver, profile, storage, scope, log, status });
      learnerKey = session.learnerKey;
      connected = session.connected;
      mastery = session.mastery;
      objectiveIndex = session.objectiveIndex;
      objectivesOff = session.objectivesOff;
      if (session.interactionsOff) queue.disableInteractions();
      queue.setInteractionCount(session.interactionCount);
      return session.state;
    },

    runtimeMasteryScore: () => mastery,

    save(state, summary) {
      mirror(state);
      latest = { state, summary };
      if (connected && !finished) queue.request();
    },

    report(interaction) {
      if (!connected || finished) return;
      queue.report(interaction);
    },

    flush() {
      if (!connected || finished || !latest) return;
      queue.flush();
    },

    finish(state, summary) {
      if (finished) return;
      finished = true;
      mirror(state);
      latest = { state, summary };
      if (connected) queue.finish(() => driver.terminate(), driver.version === '1.2' ? 'LMSFinish' : 'Terminate');
      status({ finished: true, commitFailing: false });
    },
  };
}
