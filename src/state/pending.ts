/**
 * Work done while no LMS session could be opened (Initialize failed) has no learner. It waits in
 * the package's pending slot of this browser (src/persistence/mirror.ts) and is offered to the
 * next identified learner: they confirm it is theirs (it is merged into their progress, nothing
 * they had is lost) or discard it. Until they choose, it is neither merged nor deleted.
 */
import { atom } from 'nanostores';
import type { LearnerState } from '../engine/learner-state.ts';
import { $learner } from './progress.ts';

export interface PendingOffer {
  /** The unidentified work. */
  state: LearnerState;
  /** Lessons it completed and activities it holds, for the notice. */
  lessons: number;
}

interface Slot {
  offer: PendingOffer;
  /** Empties the pending slot once the learner has chosen (claimed: the tools' work moves to them). */
  clear: (claimed: boolean) => void;
  /** The merge (src/persistence/merge.ts, loaded with the persistence code). */
  merge: (older: LearnerState, newer: LearnerState) => LearnerState;
}

let slot: Slot | null = null;

/** The offer on screen, or null. */
export const $pendingWork = atom<PendingOffer | null>(null);

/** True when a state holds any progress worth asking about. */
export function holdsProgress(state: LearnerState): boolean {
  return (
    state.visited.length > 0 ||
    state.ended.length > 0 ||
    Object.values(state.quizzes).some((q) => q.attempts > 0 || q.current !== null) ||
    Object.values(state.scenarios).some((s) => s.plays > 0 || s.current !== null) ||
    Boolean(state.tools)
  );
}

/** Offers pending work to the identified learner (called once the session is open). */
export function offerPendingWork(state: LearnerState, clear: Slot['clear'], merge: Slot['merge']): void {
  if (!holdsProgress(state)) {
    clear(false);
    return;
  }
  const offer = { state, lessons: new Set([...state.visited, ...state.ended]).size };
  slot = { offer, clear, merge };
  $pendingWork.set(offer);
}

/** "This is mine": merge the pending work into the learner's progress, then empty the slot. */
export function claimPendingWork(): void {
  if (!slot) return;
  const { offer, clear, merge } = slot;
  slot = null;
  // The learner's live state is the newer copy: it keeps its bookmark.
  $learner.set(merge(offer.state, $learner.get()));
  clear(true);
  $pendingWork.set(null);
}

/** "Not mine": drop the pending work; the learner's progress is untouched. */
export function discardPendingWork(): void {
  if (!slot) return;
  const { clear } = slot;
  slot = null;
  clear(false);
  $pendingWork.set(null);
}
