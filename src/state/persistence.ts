import { atom } from 'nanostores';
import { emptyLearnerState, type LearnerState } from '../engine/learner-state.ts';
import { patchLmsStatus } from '../lms/status.ts';
import type { LmsAdapter, PackageInfo } from '../lms/types.ts';
import type { StorageEventSource } from '../persistence/mirror.ts';
import { $course } from './course.ts';
import { offerPendingWork } from './pending.ts';
import { $learner, hydrateLearner, onInteraction } from './progress.ts';
import { summarize } from './summary.ts';

let connected: LmsAdapter | null = null;

/**
 * Where this session's browser copy lives (storage and the learner's mirror key), once the stored
 * state is loaded: the Part 8 tools keep their work beside it (src/state/tools.ts). Null before
 * connecting, or when the adapter keeps no browser copy.
 */
export const $browserCopy = atom<{ storage: Storage | undefined; key: string } | null>(null);
let packageInfo: PackageInfo = { masteryScore: 80 };
let storage: Storage | undefined;
let unsubscribe: (() => void)[] = [];
/** The persistence code (merge, browser mirror), loaded at connect so it stays out of the page shell. */
type Persistence = typeof import('../persistence/merge.ts') & typeof import('../persistence/mirror.ts');
let p: Persistence | null = null;

/** The adapter the course is running on, once connected. */
export function currentAdapter(): LmsAdapter | null {
  return connected;
}

/** The LMS's runtime mastery score wins over the package's, so LMS-side overrides agree with ours. */
function currentSummary() {
  const mastery = connected?.runtimeMasteryScore() ?? packageInfo.masteryScore;
  return summarize($course.get(), $learner.get(), { ...packageInfo, masteryScore: mastery });
}

/**
 * Takes in what another tab of this course stored (it may have completed a lesson this tab
 * never saw): the live state becomes the merge, so the next save sends the LMS a whole that
 * includes it instead of overwriting it. Returns true when the live state changed.
 */
function absorbStored(stored: LearnerState | null): boolean {
  const live = $learner.get();
  if (!p || !stored || !p.addsProgress(live, stored)) return false;
  $learner.set(p.mergeLearnerStates(stored, live));
  return true;
}

/** The mirror's text as this tab last wrote or took it in: anything else was written by another tab. */
let lastSeen: string | null = null;

function noteMirror(): void {
  const key = connected?.mirrorKey;
  lastSeen = key && p ? p.readMirrorText(storage, key) : null;
}

/** Takes in the mirror only when another tab wrote it since (never this tab's own past). */
function absorbMirror(): boolean {
  const key = connected?.mirrorKey;
  if (!key || !p) return false;
  const raw = p.readMirrorText(storage, key);
  if (raw === lastSeen) return false;
  lastSeen = raw;
  return absorbStored(p.parseMirror(raw, key));
}

function save(adapter: LmsAdapter): void {
  adapter.save($learner.get(), currentSummary());
  noteMirror();
}

export interface ConnectEnvironment {
  /** Browser storage (default localStorage). */
  storage?: Storage | undefined;
  /** Where other tabs' writes are heard (default window). */
  events?: StorageEventSource | undefined;
}

/**
 * Loads the stored state into the store, then saves every later change and forwards every
 * interaction. Called once per launch (the ClientRouter keeps this document alive).
 */
export async function connectAdapter(
  adapter: LmsAdapter,
  pkg: PackageInfo = { masteryScore: 80 },
  env: ConnectEnvironment = {},
): Promise<void> {
  if (connected) return;
  connected = adapter;
  packageInfo = pkg;
  // Fetched while the stored state loads.
  const loading = Promise.all([import('../persistence/merge.ts'), import('../persistence/mirror.ts')]);
  const events = 'events' in env ? env.events : (globalThis as unknown as StorageEventSource);
  let stored = null;
  try {
    stored = await adapter.load();
  } catch (error) {
    console.warn('[course] could not load stored progress; starting fresh', error);
  }
  const [merge, mirror] = await loading;
  p = { ...merge, ...mirror };
  const persistence = p;
  storage = 'storage' in env ? env.storage : mirror.browserStorage();
  if (adapter.mirrorKey) $browserCopy.set({ storage, key: adapter.mirrorKey });
  hydrateLearner(stored ?? emptyLearnerState());
  patchLmsStatus({ kind: adapter.kind });
  // Every save first takes in what another tab stored meanwhile (never a stale whole).
  unsubscribe = [
    $learner.listen(() => {
      if (absorbMirror()) return; // the merged state triggers this listener again
      save(adapter);
    }),
    onInteraction((record) => adapter.report(record)),
    persistence.watchMirror(events, () => adapter.mirrorKey ?? null, (other) => {
      noteMirror();
      absorbStored(other);
    }),
  ];
  noteMirror();
  // Write what was loaded (e.g. progress recovered from the browser copy) right away.
  if (stored) save(adapter);
  // Work kept while no learner was known is offered to this learner, never merged unasked.
  if (adapter.kind !== 'standalone' && adapter.learnerKey !== persistence.PENDING_LEARNER) {
    const key = persistence.pendingKey(persistence.mirrorScope($course.get().courseId, pkg.id));
    const pending = persistence.readMirror(storage, key);
    if (pending)
      offerPendingWork(pending, (claimed) => {
        persistence.releasePending(storage, key, claimed ? (adapter.mirrorKey ?? null) : null);
        // The tools' work may have moved into this learner's copy: the tools read it again.
        $browserCopy.notify();
      }, persistence.mergeLearnerStates);
  }
}

/** Commits pending changes now (the page is being hidden). */
export function flushSession(): void {
  if (!connected) return;
  absorbMirror();
  connected.flush();
}

/** Ends the session once (Exit button or pagehide). */
export function finishSession(): void {
  if (!connected) return;
  absorbMirror();
  connected.finish($learner.get(), currentSummary());
}

/** Test hook: forget the connected adapter (one per page in the browser). */
export function disconnectForTests(): void {
  for (const stop of unsubscribe) stop();
  unsubscribe = [];
  connected = null;
  lastSeen = null;
}
