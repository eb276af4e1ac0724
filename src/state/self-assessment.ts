/**
 * The A2 self-assessment: the only code that writes `$learner.selfRatings`, and the view the
 * island reads (ratings, self scores, role-play scores, the comparison). Ratings are saved on
 * every change, so a reload or a relaunch from the LMS shows them again.
 */
import { computed, type ReadableAtom } from 'nanostores';
import { isSelfRating, type LearnerState } from '../engine/learner-state.ts';
import { compareSelfWithShown, ratedCount, selfScores, shownScores, type Comparison, type SelfItemRef, type ShownScores } from '../engine/self-assessment.ts';
import { $hydrated, $learner, updateLearner } from './progress.ts';

/** Rates one item 1…4 (a rating outside the scale is ignored). */
export function rateSelf(itemId: string, rating: number): void {
  if (!isSelfRating(rating)) return;
  updateLearner((s) => (s.selfRatings?.[itemId] === rating ? s : { ...s, selfRatings: { ...s.selfRatings, [itemId]: rating } }));
}

export interface SelfAssessmentView {
  /** False until the stored state has been read (the island shows a loading note). */
  ready: boolean;
  ratings: Readonly<Record<string, number>>;
  rated: number;
  total: number;
  /** Self score 0–100 per dimension once every item is rated, else null. */
  self: number[] | null;
  /** Role-play scores per dimension, null before any finished role-play. */
  shown: ShownScores | null;
  /** Self vs shown, when both exist. */
  comparison: Comparison | null;
}

export function selfAssessmentView(items: readonly SelfItemRef[], learner: LearnerState, hydrated: boolean): SelfAssessmentView {
  const ratings = learner.selfRatings ?? {};
  const scores = selfScores(items, ratings);
  const self = scores.every((v) => v !== null) ? (scores as number[]) : null;
  const shown = shownScores(learner.scenarios);
  return {
    ready: hydrated,
    ratings,
    rated: ratedCount(items, ratings),
    total: items.length,
    self,
    shown,
    comparison: self && shown ? compareSelfWithShown(self, shown.values) : null,
  };
}

export function selfAssessmentStore(items: readonly SelfItemRef[]): ReadableAtom<SelfAssessmentView> {
  return computed([$hydrated, $learner], (hydrated, learner) => selfAssessmentView(items, learner, hydrated));
}
