/**
 * The SCORM adapter (1.2 and 2004 share this logic; scorm12.ts / scorm2004.ts hold the data
 * model mappings). What it guarantees:
 *
 * - Nothing lost: every change is mirrored to localStorage at once (keyed by learner + course
 *   package); the next launch merges that copy with the LMS's (never un-completing a lesson or
 *   lowering a best score), which recovers what an LMS lost or never kept.
 * - Commit policy: changes are batched and committed after a short quiet period (at most
 *   `maxWaitMs` after the first change), on `flush()` (page hidden), never per keystroke. Only
 *   values that changed are written, so a slow LMS (synchronous calls taking seconds) freezes
 *   the page once per commit, not once per click.
 * - Faults: a failed SetValue/Commit is logged with the SCORM error code, string and diagnostic,
 *   retried with backoff; after `bannerAfter` consecutive failures the learner sees a polite
 *   non-blocking banner, cleared by the next successful commit.
 * - Exit: exit and session_time are set, then Terminate/LMSFinish is called exactly once. No
 *   Commit right before it (Terminate implies one; some LMSs reject a Commit during unload).
 */
import { emptyLearnerState, type InteractionRecord, type LearnerState } from '../engine/learner-state.ts';
import { mergeLearnerStates } from '../persistence/merge.ts';
import { browserStorage, mirrorKey, readMirror, writeMirror } from '../persistence/mirror.ts';
import { encodeWithinBudget } from '../persistence/suspend/budget.ts';
import { decodeLearnerState } from '../persistence/suspend/versions.ts';
import type { ScormDriver, ScormError } from './scorm-api.ts';
import { patchLmsStatus } from './status.ts';
import type { LessonSummary, LmsAdapter, LmsSummary } from './types.ts';

type Values = [string, string][];

/** One SCORM version's data-model mapping. */
export interface ScormProfile {
  kind: 'scorm12' | 'scorm2004';
  suspendLimit: number;
  learnerId: string;
  suspendData: string;
  location: string;
  locationLimit: number;
  interactionsCount: string;
  /** Values to write right after the first Initialize so the LMS never auto-completes. */
  notStartedStatuses(get: (element: string) => string): Values;
  /** Mastery score 0–100 supplied by the LMS at runtime, if any. */
  masteryScore(get: (element: string) => string): number | null;
  statusValues(summary: LmsSummary): Values;
  objectives: {
    count: string;
    id(n: number): string;
    values(n: number, lesson: LessonSummary): Values;
  } | null;
  exit(summary: LmsSummary): [string, string];
  sessionTime(ms: number): [string, string];
  interaction(n: number, record: InteractionRecord): Values;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ScormAdapterOptions {
  driver: ScormDriver;
  profile: ScormProfile;
  courseId: string;
  /** Package name (scopes the mirror); "site" when absent. */
  packageId?: string | undefined;
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
}

const defaultClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A rough measure of how much work a state holds, to tell whether the mirror added any. */
function amount(state: LearnerState | null): number {
  if (!state) return 0;
  let n = state.visited.length + 10 * state.ended.length;
  for (const q of Object.values(state.quizzes)) n += 3 * q.attempts + (q.best ?? 0) + Object.keys(q.current?.responses ?? {}).length;
  for (const s of Object.values(state.scenarios)) n += 3 * s.plays + (s.best ?? 0) + (s.current?.length ?? 0);
  return n;
}

const describe = (e: ScormError) => `${e.code} ${e.message}${e.diagnostic ? ` (${e.diagnostic})` : ''}`;

export function createScormAdapter(options: ScormAdapterOptions): LmsAdapter {
  const { driver, profile } = options;
  const clock = options.clock ?? defaultClock;
  const storage = options.storage ?? browserStorage();
  const log = options.log ?? ((m: string) => console.warn(m));
  const debounceMs = options.debounceMs ?? 1000;
  const maxWaitMs = options.maxWaitMs ?? 5000;
  const retryDelays = options.retryDelaysMs ?? [2000, 4000, 8000, 16000, 30000];
  const bannerAfter = options.bannerAfter ?? 3;
  const scope = `${options.courseId}/${options.packageId ?? 'site'}`;
  const lastLearnerKey = `spc:${scope}:last-learner`;

  let learnerKey = 'unknown';
  let connected = false;
  let finished = false;
  let startedAt = clock.now();
  let mastery: number | null = null;
  let interactionsOff = false;
  let interactionCount = 0;
  const objectiveIndex = new Map<string, number>();
  let objectivesOff = profile.objectives === null;

  /** Values the LMS holds (set successfully since the last failed commit). */
  const written = new Map<string, string>();
  let latest: { state: LearnerState; summary: LmsSummary } | null = null;
  const interactionQueue: InteractionRecord[] = [];
  let timer: unknown = null;
  let firstPendingAt: number | null = null;
  let failures = 0;
  let warnedBudget = '';

  const get = (element: string): string => driver.get(element).value;

  function fail(what: string): ScormError {
    const error = driver.lastError();
    log(`[lms] ${profile.kind} ${what} failed: ${describe(error)}`);
    return error;
  }

  function mirror(state: LearnerState): void {
    writeMirror(storage, mirrorKey(scope, learnerKey), state);
  }

  /** Everything the LMS should hold for the latest state, in write order. */
  function desiredValues(state: LearnerState, summary: LmsSummary, final: boolean): Values {
    const { text, dropped, fits } = encodeWithinBudget(state, profile.suspendLimit);
    const note = dropped.join(', ');
    if (note !== warnedBudget) {
      warnedBudget = note;
      if (dropped.length) log(`[lms] suspend data over ${profile.suspendLimit} characters: left out ${note}${fits ? '' : ' (still too long)'}`);
    }
    const values: Values = [];
    if (state.location) values.push([profile.location, state.location.slice(0, profile.locationLimit)]);
    if (fits) values.push([profile.suspendData, text]);
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
    }
    values.push(profile.exit(summary));
    if (final) values.push(profile.sessionTime(clock.now() - startedAt));
    return values;
  }

  /** Writes changed values and queued interactions; returns false when a course value failed. */
  function writeAll(values: Values, sent: string[]): boolean {
    let ok = true;
    for (const [element, value] of values) {
      if (written.get(element) === value) continue;
      if (driver.set(element, value)) {
        written.set(element, value);
        sent.push(element);
      } else {
        fail(`SetValue("${element}")`);
        ok = false;
      }
    }
    while (interactionQueue.length > 0 && !interactionsOff) {
      const record = interactionQueue.shift() as InteractionRecord;
      const n = interactionCount++;
      for (const [element, value] of profile.interaction(n, record)) {
        // Interactions are append-only and best effort: a field the LMS refuses is logged, not retried.
        if (!driver.set(element, value)) {
          const error = fail(`SetValue("${element}")`);
          if (element.endsWith('.id')) {
            if (error.code === 401 || error.code === 402) {
              interactionsOff = true;
              patchLmsStatus({ interactionsOff: true });
            }
            break;
          }
        }
      }
    }
    return ok;
  }

  function schedule(delay: number): void {
    if (timer !== null) clock.clearTimeout(timer);
    timer = clock.setTimeout(() => {
      timer = null;
      commitNow();
    }, delay);
  }

  function commitNow(): void {
    if (!connected || finished || !latest) return;
    firstPendingAt = null;
    const sent: string[] = [];
    const valuesOk = writeAll(desiredValues(latest.state, latest.summary, false), sent);
    const committed = driver.commit();
    if (!committed) fail('Commit');
    if (valuesOk && committed) {
      if (failures > 0) log(`[lms] ${profile.kind} commit succeeded again after ${failures} failure(s)`);
      failures = 0;
      patchLmsStatus({ commitFailing: false });
      return;
    }
    // The LMS may not have kept what was sent: write it all again on the retry.
    for (const element of sent) written.delete(element);
    if (!committed) written.clear();
    failures++;
    if (failures >= bannerAfter) patchLmsStatus({ commitFailing: true });
    schedule(retryDelays[Math.min(failures - 1, retryDelays.length - 1)] as number);
  }

  function requestCommit(): void {
    if (!connected || finished) return;
    if (failures > 0 && timer !== null) return; // a retry is already due
    const now = clock.now();
    firstPendingAt ??= now;
    schedule(Math.max(0, Math.min(debounceMs, firstPendingAt + maxWaitMs - now)));
  }

  return {
    kind: profile.kind,
    get learnerKey() {
      return learnerKey;
    },

    async load() {
      startedAt = clock.now();
      let initialized = driver.initialize();
      if (!initialized) {
        const error = fail('Initialize');
        // "Already initialized" (1.2 has only the generic 101, 2004 says 103), e.g. after a reload
        // that skipped pagehide: keep using the open session if it answers.
        initialized = (error.code === 101 || error.code === 103) && driver.get(profile.learnerId).error === 0;
        if (initialized) log(`[lms] ${profile.kind} session was already open; continuing it`);
      }
      if (!initialized) {
        learnerKey = safeGet(storage, lastLearnerKey) ?? 'unknown';
        patchLmsStatus({ kind: profile.kind, lmsUnavailable: true });
        return readMirror(storage, mirrorKey(scope, learnerKey));
      }
      connected = true;
      learnerKey = get(profile.learnerId) || 'anonymous';
      safeSet(storage, lastLearnerKey, learnerKey);
      mastery = profile.masteryScore(get);

      const count = driver.get(profile.interactionsCount);
      interactionsOff = count.error !== 0 || !/^\d+$/.test(count.value);
      interactionCount = interactionsOff ? 0 : Number(count.value);
      if (interactionsOff) log(`[lms] ${profile.kind} LMS does not support interactions (${profile.interactionsCount}: error ${count.error}); answers are not reported one by one`);
      if (profile.objectives) {
        const objectives = driver.get(profile.objectives.count);
        objectivesOff = objectives.error !== 0 || !/^\d+$/.test(objectives.value);
        for (let n = 0; !objectivesOff && n < Number(objectives.value); n++) {
          const id = get(profile.objectives.id(n));
          if (id && !objectiveIndex.has(id)) objectiveIndex.set(id, n);
        }
      }

      const stored = decodeLearnerState(get(profile.suspendData), undefined, (m) => log(m));
      const fromMirror = readMirror(storage, mirrorKey(scope, learnerKey));
      let state = stored.state;
      if (state && fromMirror) state = mergeLearnerStates(state, fromMirror);
      else state ??= fromMirror;
      if (!state?.location) {
        // The bookmark alone still helps when the suspend data is empty or unreadable.
        const location = get(profile.location);
        if (location) state = { ...(state ?? emptyLearnerState()), location };
      }
      const recovered = fromMirror !== null && amount(state) > amount(stored.state);
      patchLmsStatus({
        kind: profile.kind,
        corruptData: stored.reason !== undefined && fromMirror === null,
        recovered,
        interactionsOff,
      });
      if (recovered) log(`[lms] ${profile.kind} progress missing from the LMS was recovered from this browser`);

      // First launch: claim "incomplete" and "suspend" at once, so closing the window on page 1
      // never reads as completed (Moodle 1.2) and the bookmark survives.
      const first = profile.notStartedStatuses(get);
      if (first.length > 0) {
        for (const [element, value] of first) if (!driver.set(element, value)) fail(`SetValue("${element}")`);
        if (!driver.commit()) fail('Commit');
      }
      return state;
    },

    runtimeMasteryScore: () => mastery,

    save(state, summary) {
      mirror(state);
      latest = { state, summary };
      requestCommit();
    },

    report(interaction) {
      if (interactionsOff || finished) return;
      interactionQueue.push(interaction);
      requestCommit();
    },

    flush() {
      if (!connected || finished || !latest) return;
      if (timer !== null) {
        clock.clearTimeout(timer);
        timer = null;
      }
      commitNow();
    },

    finish(state, summary) {
      if (finished) return;
      finished = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      mirror(state);
      if (connected) {
        writeAll(desiredValues(state, summary, true), []);
        if (!driver.terminate()) fail(driver.version === '1.2' ? 'LMSFinish' : 'Terminate');
      }
      patchLmsStatus({ finished: true, commitFailing: false });
    },
  };
}

function safeGet(storage: Storage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function safeSet(storage: Storage | undefined, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Private mode or a full quota: only the recovery hint is lost.
  }
}
