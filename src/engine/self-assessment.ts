/**
 * The five-dimension self-assessment (A2): the learner's self-ratings as a score per
 * dimension, the role-play results as a score per dimension, and how the two compare.
 * Pure: no DOM, no stores.
 *
 * Self score of a dimension: the mean of its items' ratings on 1…4, mapped to 0–100
 * ((rating − 1) / 3 × 100), shown once every item of the dimension is rated.
 *
 * Shown behaviour (role-plays): for each role-play with a finished play, the result the learner
 * state keeps for it (`last`: the most recent finished play — the only per-dimension record the
 * suspend data holds; two copies of the same play count keep the better one), whose dimension
 * scores are already the share of that role-play's available points earned (0–100). The shown
 * score of a dimension is the mean of those shares over the role-plays, so each role-play counts
 * once however often it was replayed, and a recent play counts rather than a lucky old one.
 */
import { meanDimensions } from './completion.ts';
import { DIMENSIONS, SELF_RATING_MAX, type Dimension, type ScenarioProgress } from './learner-state.ts';

/** One rated statement, as the island knows it. */
export interface SelfItemRef {
  id: string;
  dimension: Dimension;
}

/** A self-rating 1…max as 0–100. */
export const ratingScore = (rating: number) => ((rating - 1) / (SELF_RATING_MAX - 1)) * 100;

/** Score 0–100 per dimension (DIMENSIONS order); null for a dimension with an unrated item. */
export function selfScores(items: readonly SelfItemRef[], ratings: Readonly<Record<string, number>> = {}): (number | null)[] {
  return DIMENSIONS.map((dimension) => {
    const mine = items.filter((item) => item.dimension === dimension);
    const values = mine.map((item) => (Object.hasOwn(ratings, item.id) ? ratings[item.id] : undefined));
    if (mine.length === 0 || values.some((v) => v === undefined)) return null;
    return Math.round(values.reduce<number>((sum, v) => sum + ratingScore(v as number), 0) / values.length);
  });
}

/** How many of the items are rated. */
export const ratedCount = (items: readonly SelfItemRef[], ratings: Readonly<Record<string, number>> = {}) =>
  items.filter((item) => Object.hasOwn(ratings, item.id)).length;

export interface ShownScores {
  /** Mean share of available points per dimension, 0–100, DIMENSIONS order. */
  values: number[];
  /** Role-plays the values come from. */
  rolePlays: number;
}

/** The role-play results per dimension (see the file comment), or null before any finished play. */
export function shownScores(scenarios: Readonly<Record<string, ScenarioProgress>>): ShownScores | null {
  const results = Object.values(scenarios).flatMap((s) => (s.last ? [s.last.dimensions] : []));
  const values = meanDimensions(results);
  return values ? { values, rolePlays: results.length } : null;
}

/** Self and shown differ on a dimension when they are at least this many points apart (one of three steps of the scale ≈ 33). */
export const GAP_POINTS = 20;

export interface Comparison {
  /** Dimensions the learner rates themself clearly higher than they showed. */
  higher: Dimension[];
  /** Dimensions the learner rates themself clearly lower than they showed. */
  lower: Dimension[];
  /** Dimensions where the two agree within GAP_POINTS. */
  close: Dimension[];
}

/** Compares self scores with shown scores dimension by dimension. */
export function compareSelfWithShown(self: readonly number[], shown: readonly number[]): Comparison {
  const out: Comparison = { higher: [], lower: [], close: [] };
  DIMENSIONS.forEach((d, i) => {
    const gap = (self[i] ?? 0) - (shown[i] ?? 0);
    (gap >= GAP_POINTS ? out.higher : gap <= -GAP_POINTS ? out.lower : out.close).push(d);
  });
  return out;
}
