import { browserStorage, mirrorKey, readMirror, writeMirror } from '../persistence/mirror.ts';
import type { LmsAdapter } from './types.ts';

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
