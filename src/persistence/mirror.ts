/**
 * The browser mirror: a copy of the learner's state in localStorage, scoped by course, package
 * and learner. The standalone runtime keeps its only copy here; the SCORM adapters keep a copy
 * beside the LMS so the next launch can recover what an LMS lost.
 */
import { isLearnerState, type LearnerState } from '../engine/learner-state.ts';

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

/** localStorage, or undefined where touching it throws (some private modes, sandboxed frames). */
export function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
