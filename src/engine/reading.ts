/**
 * Reading progress in a lesson (issue 18 point 5): how far the reader has got and the minutes
 * left, from the lesson's reading minutes and the scroll position. Pure; the shell measures.
 */

/**
 * The share of the lesson read, 0–1: where `position` (the scroll position, in pixels) lies
 * between `start` (the top of the page) and `end` (the scroll position at which the lesson's
 * end comes into view).
 */
export function readingFraction(position: number, start: number, end: number): number {
  if (!(end > start)) return position >= end ? 1 : 0;
  return Math.min(1, Math.max(0, (position - start) / (end - start)));
}

/**
 * Whole minutes left of a `minutes`-long lesson with `fraction` read: rounded up, at least 1
 * until the end is reached, 0 once it is.
 */
export function minutesLeft(minutes: number, fraction: number): number {
  if (fraction >= 1 || minutes <= 0) return 0;
  return Math.max(1, Math.ceil(minutes * (1 - Math.max(0, fraction)) - 1e-9));
}
