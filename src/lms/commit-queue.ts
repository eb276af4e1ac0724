/**
 * The commit queue: how values reach the LMS. What it guarantees:
 *
 * - Coalesced writes: it remembers every CMI value the LMS holds (written and committed), so a
 *   commit sets only what changed since the last one; an interaction is written once, never
 *   again after its commit succeeded.
 * - Off the click path: `request()` only starts a timer (a quiet period after the first change,
 *   at most `maxWaitMs`). The commit then runs in slices: after `sliceMs` of a task spent in
 *   LMS calls it yields to the page (a timer of 0), so with a runtime that takes seconds per
 *   call the page answers the learner between calls instead of freezing for the whole batch.
 *   `flush()` (page hidden) and `finish()` (pagehide, Exit) write everything at once.
 * - Faults: a refused SetValue or Commit is logged with the SCORM error; what was written since
 *   the last good commit is written again on the retry, with backoff; after `bannerAfter`
 *   consecutive failures the status sink hears `commitFailing`, cleared by the next good commit.
 * - Interactions that did not reach a good commit stay queued with the index they were given,
 *   and are written again (same index, so never twice) once the LMS accepts writes again.
 */
import type { InteractionRecord } from '../engine/learner-state.ts';
import type { ScormDriver, ScormError } from './scorm-api.ts';
import type { StatusSink } from './status.ts';

export type Values = [string, string][];

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const defaultClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface CommitQueueOptions {
  driver: ScormDriver;
  kind: string;
  clock: Clock;
  log: (message: string) => void;
  status: StatusSink;
  /** Everything the LMS should hold now, in write order (asked at the start of each commit). */
  values: (final: boolean) => Values;
  /** The CMI fields of interaction n. */
  interaction: (n: number, record: InteractionRecord) => Values;
  /** The suspend-data element, read back once after the first commit that carried it. */
  suspendData: string;
  /** Told when the LMS kept a shorter suspend data than was written (its length). */
  onTruncated?: (kept: number) => void;
  debounceMs?: number | undefined;
  maxWaitMs?: number | undefined;
  retryDelaysMs?: number[] | undefined;
  bannerAfter?: number | undefined;
  /** LMS time per task before the queue yields to the page, ms. */
  sliceMs?: number | undefined;
}

export interface CommitQueue {
  /** Something changed: commit after the quiet period. */
  request(): void;
  /** Queues an interaction (index given now, written with the next commit). */
  report(record: InteractionRecord): void;
  /** Commits everything now, synchronously. */
  flush(): void;
  /** Writes everything including the final values, then calls `end` (Terminate). Once. */
  finish(end: () => boolean, endName: string): void;
  /** Interactions are not supported by this LMS: queued ones are dropped, none are taken. */
  disableInteractions(): void;
  /** Index the next interaction gets (the LMS's count at launch). */
  setInteractionCount(n: number): void;
  readonly interactionsOff: boolean;
  /** Number of interactions waiting for a good commit. */
  readonly pendingInteractions: number;
}

interface PendingInteraction {
  n: number;
  fields: Values;
  tries: number;
}

const describe = (e: ScormError) => `${e.code} ${e.message}${e.diagnostic ? ` (${e.diagnostic})` : ''}`;
/** Tries before an interaction whose values the LMS refuses as such (data-model errors 403–408) is given up. */
const MAX_INTERACTION_TRIES = 3;

export function createCommitQueue(options: CommitQueueOptions): CommitQueue {
  const { driver, clock, log, status } = options;
  const debounceMs = options.debounceMs ?? 1000;
  const maxWaitMs = options.maxWaitMs ?? 5000;
  const retryDelays = options.retryDelaysMs ?? [2000, 4000, 8000, 16000, 30000];
  const bannerAfter = options.bannerAfter ?? 3;
  const sliceMs = options.sliceMs ?? 50;

  /** Values the LMS holds: set successfully (and not lost to a failed commit since). */
  const written = new Map<string, string>();
  /** Elements set since the last good commit (lost again if the commit fails). */
  const uncommitted = new Set<string>();
  const pending: PendingInteraction[] = [];
  let interactionsOff = false;
  let nextIndex = 0;
  let timer: unknown = null;
  let firstPendingAt: number | null = null;
  let failures = 0;
  let finished = false;
  let running: Generator<void, void, void> | null = null;
  let dirty = false;
  let readBackDue = true;
  /** When the oldest change not yet committed was made (null: everything committed). */
  let unsavedSince: number | null = null;

  function fail(what: string): ScormError {
    const error = driver.lastError();
    log(`[lms] ${options.kind} ${what} failed: ${describe(error)}`);
    return error;
  }

  function clearTimer(): void {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  }

  function schedule(delay: number, fn: () => void): void {
    clearTimer();
    timer = clock.setTimeout(() => {
      timer = null;
      fn();
    }, delay);
  }

  /**
   * Writes one interaction, a call per step; false when it must be tried again with the next
   * commit. A general failure (an outage: 101, 351, …) never counts against the interaction.
   */
  function* writeInteraction(item: PendingInteraction): Generator<void, boolean, void> {
    for (const [element, value] of item.fields) {
      const ok = driver.set(element, value);
      const error = ok ? null : fail(`SetValue("${element}")`);
      yield;
      if (!error) continue;
      if (!element.endsWith('.id')) continue; // a refused detail field is logged, not retried
      if (error.code === 401 || error.code === 402) {
        interactionsOff = true;
        pending.length = 0;
        status({ interactionsOff: true });
      } else if (error.code >= 403 && error.code <= 408) item.tries++;
      return false;
    }
    return true;
  }

  /**
   * One commit as a sequence of LMS calls; yields after each call so the runner can hand the
   * page back between slices. Returns when the commit (and its retry plan) is settled.
   */
  function* commitSteps(final: boolean): Generator<void, void, void> {
    firstPendingAt = null;
    dirty = false;
    let valuesOk = true;
    let suspendSent: string | null = null;
    for (const [element, value] of options.values(final)) {
      if (written.get(element) === value) continue;
      if (driver.set(element, value)) {
        written.set(element, value);
        uncommitted.add(element);
        if (element === options.suspendData) suspendSent = value;
      } else {
        fail(`SetValue("${element}")`);
        written.delete(element);
        valuesOk = false;
      }
      yield;
    }
    const sentInteractions: PendingInteraction[] = [];
    for (const item of [...pending]) {
      if (interactionsOff) break;
      if (yield* writeInteraction(item)) sentInteractions.push(item);
      else if (!interactionsOff && item.tries >= MAX_INTERACTION_TRIES) {
        log(`[lms] ${options.kind} interaction ${item.n} given up after ${item.tries} refused tries`);
        pending.splice(pending.indexOf(item), 1);
      }
    }
    if (final) return; // Terminate carries the commit
    const committed = driver.commit();
    if (!committed) fail('Commit');
    if (committed) {
      uncommitted.clear();
      for (const item of sentInteractions) {
        const at = pending.indexOf(item);
        if (at >= 0) pending.splice(at, 1);
      }
    } else {
      // The LMS may not have kept anything since the last good commit: write it again.
      for (const element of uncommitted) written.delete(element);
      uncommitted.clear();
    }
    if (valuesOk && committed) {
      if (!dirty) unsavedSince = null;
      if (failures > 0) log(`[lms] ${options.kind} commit succeeded again after ${failures} failure(s)`);
      failures = 0;
      status({ commitFailing: false, unsavedSince: null });
      if (suspendSent !== null && readBackDue) {
        readBackDue = false;
        yield;
        checkReadBack(suspendSent);
      }
      return;
    }
    failures++;
    if (failures >= bannerAfter) status({ commitFailing: true, unsavedSince });
    dirty = true;
    schedule(retryDelays[Math.min(failures - 1, retryDelays.length - 1)] as number, start);
  }

  /** Reads suspend data back once: an LMS that cut it must be told a shorter one. */
  function checkReadBack(sent: string): void {
    const back = driver.get(options.suspendData);
    if (back.error !== 0 || back.value === sent) return;
    if (back.value.length < sent.length) {
      log(`[lms] ${options.kind} the LMS kept ${back.value.length} of ${sent.length} suspend-data characters`);
      written.delete(options.suspendData);
      readBackDue = true; // check the shorter one too
      options.onTruncated?.(back.value.length);
    }
  }

  /** Runs the current commit until it is done or a slice is used up. */
  function pump(): void {
    const began = clock.now();
    while (running) {
      const step = running.next();
      if (step.done) {
        running = null;
        if (dirty && timer === null && !finished) request();
        return;
      }
      if (clock.now() - began >= sliceMs) {
        schedule(0, pump);
        return;
      }
    }
  }

  function start(): void {
    if (finished) return;
    if (running) {
      dirty = true;
      return;
    }
    running = commitSteps(false);
    pump();
  }

  /** Runs a commit to its end now (finishing one in progress first). */
  function runNow(final: boolean): void {
    clearTimer();
    while (running && !running.next().done) {
      // finish the slice sequence in progress
    }
    running = commitSteps(final);
    while (running && !running.next().done) {
      // synchronously
    }
    running = null;
  }

  function request(): void {
    if (finished) return;
    unsavedSince ??= clock.now();
    if (running) {
      dirty = true;
      return;
    }
    if (failures > 0 && timer !== null) return; // a retry is already due
    const now = clock.now();
    firstPendingAt ??= now;
    schedule(Math.max(0, Math.min(debounceMs, firstPendingAt + maxWaitMs - now)), start);
  }

  return {
    request,
    report(record) {
      if (interactionsOff || finished) return;
      const n = nextIndex++;
      pending.push({ n, fields: options.interaction(n, record), tries: 0 });
      request();
    },
    flush() {
      if (finished) return;
      runNow(false);
      if (failures > 0 && timer === null) schedule(retryDelays[Math.min(failures - 1, retryDelays.length - 1)] as number, start);
    },
    finish(end, endName) {
      if (finished) return;
      finished = true;
      runNow(true);
      clearTimer();
      if (!end()) fail(endName);
    },
    disableInteractions() {
      interactionsOff = true;
      pending.length = 0;
    },
    setInteractionCount(n) {
      nextIndex = n;
    },
    get interactionsOff() {
      return interactionsOff;
    },
    get pendingInteractions() {
      return pending.length;
    },
  };
}
