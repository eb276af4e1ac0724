/**
 * The suspend-data codec's id tables. A saved state refers to a known lesson, quiz, scenario
 * or complaint step by its POSITION in these lists (a few bits instead of the whole id), so:
 *
 *   APPEND ONLY. Never reorder, rename or remove an entry: learners' saved progress in every
 *   LMS points into these lists. A retired id simply stays here unused.
 *
 * Ids that are not listed still round-trip (they are written out in full), so a missing entry
 * costs space, never progress. tests/unit/codec-ids.test.ts fails when a content id is missing
 * and prints the lines to append; `tests/unit/codec.test.ts` decodes a committed golden string
 * that would change if an entry moved.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const range = (from: number, to: number, f: (n: number) => string) =>
  Array.from({ length: to - from + 1 }, (_, i) => f(from + i));

/** Every planned unit id (course-outline.md §0.2), then later additions. */
export const LESSON_IDS: readonly string[] = [
  'O1',
  ...range(1, 6, (n) => `A${n}`),
  ...range(1, 50, (n) => `P${pad(n)}`),
  ...range(1, 6, (n) => `S${pad(n)}`),
  // append new unit ids below this line
];

/** Quiz ids: one bank per unit (lower-case unit id), the part and course assessments, then additions. */
export const QUIZ_IDS: readonly string[] = [
  ...LESSON_IDS.slice(0, 63).map((id) => id.toLowerCase()),
  ...range(1, 8, (n) => `part${n}-assessment`),
  'course-assessment',
  // append new quiz ids below this line
];

/** Scenario ids, in the order they were written. */
export const SCENARIO_IDS: readonly string[] = [
  'p01-broadband-install',
  'p02-delivery-chat',
  'p03-double-billing',
  'practice-restaurant-food-safety',
  'practice-hotel-booking',
  'practice-ecommerce-parcel',
  'p04-account-closure',
  'p07-wealth-onboarding',
  'p09-flight-delay',
  'p10-coworking-space',
  'p05-flight-change',
  'p08-clinic-privacy',
  'p06-free-repair',
  // append new scenario ids below this line
];

/** Complaint-model steps (course-outline.md §4.5a). */
export const STEP_IDS: readonly string[] = ['listen', 'empathise', 'solve', 'follow-up'];

/** The tables a codec instance uses; tests and the budget model pass extended copies. */
export interface IdTables {
  lessons: readonly string[];
  quizzes: readonly string[];
  scenarios: readonly string[];
  steps: readonly string[];
}

export const ID_TABLES: IdTables = { lessons: LESSON_IDS, quizzes: QUIZ_IDS, scenarios: SCENARIO_IDS, steps: STEP_IDS };
