/**
 * The browser mirror: a copy of the learner's state in localStorage, scoped by course, package
 * and learner. The standalone runtime keeps its only copy here; the SCORM adapters keep a copy
 * beside the LMS so the next launch can recover what an LMS lost.
 *
 * Several tabs of one course share a copy, so a write never replaces it with a stale whole: it
 * reads what is stored, merges (src/persistence/merge.ts: nothing completed, answered or scored
 * is lost) and writes the merge. Another tab's write reaches a live tab as a `storage` event
 * (see watchMirror), which merges it into that tab's state.
 *
 * Work done while no LMS session could be opened has no learner: it goes to the pending slot of
 * the package (pendingKey), never under another learner's key, and is merged into the next
 * identified session only once that learner confirms it is theirs (src/state/pending.ts).
 */
import type { LearnerState } from '../engine/learner-state.ts';
import { TOOL_IDS } from '../schemas/tool-constants.ts';
import { mergeLearnerStates } from './merge.ts';
import { toolKey } from './tool-key.ts';
import { sanitizeLearnerState } from './suspend/validate.ts';

const FORMAT = 1;

/** The key prefix of a package's copies: course id and package name ("site" for the web build). */
export function mirrorScope(courseId: string, packageId: string | undefined): string {
  return `${courseId}/${packageId ?? 'site'}`;
}

/** localStorage key of a learner's copy of a course's state. Also used as the mirror by SCORM adapters. */
export function mirrorKey(courseId: string, learnerKey: string): string {
  return `spc:${courseId}:${learnerKey}`;
}

/** Learner key of work done without an LMS session (no learner known). Never an LMS learner id. */
export const PENDING_LEARNER = '?pending';

/** localStorage key of the pending slot of a scope (see mirrorScope). */
export function pendingKey(scope: string): string {
  return mirrorKey(scope, PENDING_LEARNER);
}

/** A new writer id: one per adapter (per tab), so a tab knows its own earlier writes from another tab's. */
export function newWriterId(): string {
  return Math.random().toString(36).slice(2, 10);
}

interface Entry {
  state: LearnerState;
  /** Writer id of the tab that wrote it (absent in copies written before writer ids). */
  writer: string | undefined;
}

function parseEntry(raw: string | null | undefined, key: string, log: (m: string) => void): Entry | null {
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && 'v' in parsed && parsed.v === FORMAT && 'state' in parsed) {
      const state = sanitizeLearnerState(parsed.state, (reason) => log(`[course] stored progress under ${key}: ${reason}`));
      const writer = 'w' in parsed && typeof parsed.w === 'string' ? parsed.w : undefined;
      if (state) return { state, writer };
    }
    log(`[course] ignored stored progress under ${key}: unknown format`);
  } catch (error) {
    log(`[course] ignored stored progress under ${key}: ${String(error)}`);
  }
  return null;
}

/** Parses a stored copy (the text of a key, e.g. a `storage` event's newValue); null when unusable. */
export function parseMirror(raw: string | null | undefined, key = 'mirror', log: (m: string) => void = (m) => console.warn(m)): LearnerState | null {
  return parseEntry(raw, key, log)?.state ?? null;
}

/** Reads the raw text of a key (null when absent or storage throws). */
export function readMirrorText(storage: Storage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Reads a stored copy; damaged or foreign data yields null and a console warning, never an exception. */
export function readMirror(storage: Storage | undefined, key: string): LearnerState | null {
  let raw: string | null | undefined;
  try {
    raw = storage?.getItem(key);
  } catch (error) {
    console.warn(`[course] could not read stored progress under ${key}:`, error);
    return null;
  }
  return parseMirror(raw, key);
}

/**
 * Stores `state`, merged with what the key holds when another writer (another tab) wrote it, and
 * returns what is now stored, or null when storage is unavailable (private mode, full quota): the
 * course keeps working, only this copy is missing. The writer's own earlier copy is replaced, so
 * a deliberate change (a role-play restarted, a new attempt) is not undone by its own past.
 */
export function writeMirror(storage: Storage | undefined, key: string, state: LearnerState, writer?: string): LearnerState | null {
  if (!storage) return null;
  const stored = parseEntry(readMirrorText(storage, key), key, (m) => console.warn(m));
  const merged = stored && (writer === undefined || stored.writer !== writer) ? mergeLearnerStates(stored.state, state) : state;
  try {
    storage.setItem(key, JSON.stringify(writer === undefined ? { v: FORMAT, state: merged } : { v: FORMAT, w: writer, state: merged }));
    return merged;
  } catch {
    return null;
  }
}

/** Empties a slot (pending work the learner discarded or claimed). */
export function clearMirror(storage: Storage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing more can be done; a stale slot is offered again next time.
  }
}


/**
 * Empties the pending slot (work kept while no learner was known) once its learner has said
 * whose it is, with the tools' work kept beside it. Claimed (`learner` is the learner's copy's
 * key), each tool's pending work moves to the learner unless the learner already has work in
 * that tool (theirs is the newer, as with progress); not claimed, it is dropped, so the next
 * person on this device never meets it.
 */
export function releasePending(storage: Storage | undefined, pending: string, learner: string | null): void {
  for (const tool of TOOL_IDS) {
    try {
      const work = storage?.getItem(toolKey(pending, tool));
      if (work == null) continue;
      if (learner && storage?.getItem(toolKey(learner, tool)) == null) storage?.setItem(toolKey(learner, tool), work);
      storage?.removeItem(toolKey(pending, tool));
    } catch {
      // Storage refused: the pending copy stays, and is offered again next time.
    }
  }
  clearMirror(storage, pending);
}

export { browserStorage } from './browser-storage.ts';
export { toolKey } from './tool-key.ts';

/** Whether writes to this storage work right now (a probe key is written and removed). */
export function storageWorks(storage: Storage | undefined): boolean {
  if (!storage) return false;
  try {
    storage.setItem('spc:probe', '1');
    storage.removeItem('spc:probe');
    return true;
  } catch {
    return false;
  }
}

/** Minimal EventTarget surface used to hear other tabs (window in the browser). */
export interface StorageEventSource {
  addEventListener(type: 'storage', listener: (event: { key: string | null; newValue: string | null }) => void): void;
  removeEventListener(type: 'storage', listener: (event: { key: string | null; newValue: string | null }) => void): void;
}

/**
 * Calls `onChange` with the copy another tab stored under `key` (a `storage` event fires only
 * in the other tabs of this browser). Returns a function that stops listening.
 */
export function watchMirror(source: StorageEventSource | undefined, key: () => string | null, onChange: (stored: LearnerState) => void): () => void {
  if (!source) return () => {};
  const listener = (event: { key: string | null; newValue: string | null }) => {
    const current = key();
    if (!current || event.key !== current) return;
    const stored = parseMirror(event.newValue, current);
    if (stored) onChange(stored);
  };
  source.addEventListener('storage', listener);
  return () => source.removeEventListener('storage', listener);
}
