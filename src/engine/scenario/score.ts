/**
 * The role-play rubric (course-outline.md §4.5a): normalisation against the best attainable
 * path, bands, the 情感共鸣 resonance flag and the pass rule.
 */
import { BAND_EXCELLENT, BAND_PASS, MOOD_MAX, PASSING_OUTCOMES, RESONANCE_DROP } from './model.ts';

const clamp100 = (n: number) => Math.min(100, Math.max(0, n));

/**
 * Raw points → 0–100 per dimension against the maximum attainable on that dimension over all
 * paths. A dimension nobody can earn (max 0) scores 100: there was nothing to miss.
 */
export function normalise(raw: readonly number[], max: readonly number[]): number[] {
  return raw.map((points, d) => {
    const ceiling = max[d] ?? 0;
    return ceiling <= 0 ? 100 : clamp100(Math.round((points / ceiling) * 100));
  });
}

/** Raw total → 0–100 against the best path's total (so the best path scores exactly 100). */
export function normaliseTotal(raw: readonly number[], maxTotal: number): number {
  const sum = raw.reduce((a, b) => a + b, 0);
  return maxTotal <= 0 ? 100 : clamp100(Math.round((sum / maxTotal) * 100));
}

export type Band = 'needs-work' | 'pass' | 'excellent';

/** 0–39 需改进 · 40–69 合格 · 70–100 优秀. */
export function band(score: number): Band {
  if (score >= BAND_EXCELLENT) return 'excellent';
  if (score >= BAND_PASS) return 'pass';
  return 'needs-work';
}

export interface Resonance {
  /** True when the customer's distress (100 − mood) fell by at least 40 % (or there was none). */
  achieved: boolean;
  /** Share of the starting distress that went away, −∞…1 (negative: the customer got more upset). */
  drop: number;
}

/** 情感共鸣 outcome check: distress at the end ≤ 60 % of distress at the start. */
export function resonance(startMood: number, endMood: number): Resonance {
  const before = MOOD_MAX - startMood;
  const after = MOOD_MAX - endMood;
  if (before <= 0) return { achieved: after <= 0, drop: after <= 0 ? 1 : -after / MOOD_MAX };
  const drop = (before - after) / before;
  return { achieved: drop >= RESONANCE_DROP - 1e-9, drop };
}

/** The pass rule: total ≥ rule.total, every dimension ≥ rule.dimension, ending 问题解决 or better. */
export function passes(total: number, dimensions: readonly number[], outcome: string, rule: { total: number; dimension: number }): boolean {
  return total >= rule.total && dimensions.every((d) => d >= rule.dimension) && PASSING_OUTCOMES.includes(outcome);
}
