import { isLearnerState, type LearnerState } from '../engine/learner-state.ts';
import type { LmsAdapter } from './types.ts';

const FORMAT = 1;

/** localStorage key of a learner's copy of a course's state. Also used as the mirror by SCORM adapters. */
export function mirrorKey(courseId: string, learnerKey: string): string {
  return `spc:${courseId}:${learnerKey}`;
}

/** Reads a stored copy; damaged or foreign data yields null and a console warning, never an exception. */
export function readMirror(storage: Storage | undefined, key: string): LearnerState | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && 'v' in parsed && parsed.v === FORMAT && 'state' in parsed && isLearnerState(parsed.state)) {
      return parsed.state;
    }
    console.warn(`[course] ignored stored progress under ${key}: unknown format`);
  } catch (error) {
    console.warn(`[course] ignored stored progress under ${key}:`, error);
  }
  return null;
}

export function writeMirror(storage: Storage | undefined, key: string, state: LearnerState): boolean {
  try {
    storage?.setItem(key, JSON.stringify({ v: FORMAT, state }));
    return true;
  } catch {
    // Private mode or a full quota: the course keeps working, only this copy is missing.
    return false;
  }
}

function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** Runs the course with no LMS: progress lives in this browser's localStorage. */
export function createStandaloneAdapter(courseId: string, storage: Storage | undefined = browserStorage()): LmsAdapter {
  const key = mirrorKey(courseId, 'local');
  return {
    kind: 'standalone',
    learnerKey: 'local',
    async load() {
      return readMirror(storage, key);
    },
    runtimeMasteryScore() {
      return null;
    },
    flush() {
      // Every save is already written through to localStorage.
    },
    save(state) {
      writeMirror(storage, key, state);
    },
    report() {
      // No LMS to report to; answers are part of the saved state already.
    },
    finish(state) {
      writeMirror(storage, key, state);
    },
  };
}
