import { emptyLearnerState } from '../engine/learner-state.ts';
import { patchLmsStatus } from '../lms/status.ts';
import type { LmsAdapter, PackageInfo } from '../lms/types.ts';
import { $course } from './course.ts';
import { $learner, hydrateLearner, onInteraction } from './progress.ts';
import { summarize } from './summary.ts';

let connected: LmsAdapter | null = null;
let packageInfo: PackageInfo = { masteryScore: 80 };

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
 * Loads the stored state into the store, then saves every later change and forwards every
 * interaction. Called once per launch (the ClientRouter keeps this document alive).
 */
export async function connectAdapter(adapter: LmsAdapter, pkg: PackageInfo = { masteryScore: 80 }): Promise<void> {
  if (connected) return;
  connected = adapter;
  packageInfo = pkg;
  let stored = null;
  try {
    stored = await adapter.load();
  } catch (error) {
    console.warn('[course] could not load stored progress; starting fresh', error);
  }
  hydrateLearner(stored ?? emptyLearnerState());
  patchLmsStatus({ kind: adapter.kind });
  $learner.listen(() => adapter.save($learner.get(), currentSummary()));
  onInteraction((record) => adapter.report(record));
  // Another window of the course saved progress: show it here too (the next save carries it).
  adapter.onMerged?.((merged) => hydrateLearner(merged));
  // Write what was loaded (e.g. progress recovered from the browser copy) right away.
  if (stored) adapter.save($learner.get(), currentSummary());
}

/** Commits pending changes now (the page is being hidden). */
export function flushSession(): void {
  connected?.flush();
}

/** Ends the session once (Exit button or pagehide). */
export function finishSession(): void {
  if (!connected) return;
  connected.finish($learner.get(), currentSummary());
}
