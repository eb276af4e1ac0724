/**
 * Per-device reader preferences (issue 18 point 6). They live in localStorage, never in the
 * learner's state: they belong to the device, not to the learner's record, and the SCORM suspend
 * data (1,472 of its 1,500-character budget used) has no room for them.
 */

/** The font-size steps, smallest first; `m` is the default and is never stored on the page. */
export const TEXT_SIZES = ['s', 'm', 'l', 'xl'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/** localStorage key of the font size (shared by every package of the course served from one site). */
export const TEXT_SIZE_KEY = 'spc-reader:text-size';

/** localStorage key of the learner's place in one lesson of one course. */
export function placeKey(courseId: string, lessonId: string): string {
  return `spc-reader:place:${courseId}:${lessonId}`;
}
