/**
 * The suspend-data budget: what to drop, in order, when the state must fit a small limit
 * (SCORM 1.2: 4,096 characters).
 */
import type { LearnerState } from '../../engine/learner-state.ts';
import { ID_TABLES, type IdTables } from './ids.ts';
import { encodeLearnerState } from './versions.ts';

/** Suspend-data budget for SCORM 1.2 (CMIString4096); 2004 4th Ed allows 64,000. */
export const SCORM12_SUSPEND_LIMIT = 4096;
export const SCORM2004_SUSPEND_LIMIT = 64000;

const REDUCTIONS: { what: string; apply: (s: LearnerState) => LearnerState }[] = [
  {
    what: 'role-play paths of finished plays',
    apply: (s) => ({
      ...s,
      scenarios: Object.fromEntries(
        Object.entries(s.scenarios).map(([id, p]) => [id, p.last ? { ...p, last: { ...p.last, path: [], steps: [] } } : p]),
      ),
    }),
  },
  {
    what: 'review data of submitted quiz attempts',
    apply: (s) => ({
      ...s,
      quizzes: Object.fromEntries(Object.entries(s.quizzes).map(([id, q]) => [id, q.current?.submitted ? { ...q, current: null } : q])),
    }),
  },
  {
    what: 'results of finished role-plays',
    apply: (s) => ({
      ...s,
      scenarios: Object.fromEntries(Object.entries(s.scenarios).map(([id, p]) => [id, { ...p, last: null }])),
    }),
  },
  {
    what: 'quiz attempts and role-plays in progress',
    apply: (s) => ({
      ...s,
      quizzes: Object.fromEntries(Object.entries(s.quizzes).map(([id, q]) => [id, { ...q, current: null }])),
      scenarios: Object.fromEntries(Object.entries(s.scenarios).map(([id, p]) => [id, { ...p, current: null }])),
    }),
  },
];

export interface BudgetedEncoding {
  text: string;
  /** What had to be left out to fit, in order (empty when everything fit). */
  dropped: string[];
  /** False when even the essentials (completion, best scores) do not fit. */
  fits: boolean;
}

/**
 * Encodes within `maxChars`, leaving out non-essential detail step by step if needed. Lesson
 * completion, visits, attempt counts, best scores and passes are never dropped.
 */
export function encodeWithinBudget(state: LearnerState, maxChars: number, tables: IdTables = ID_TABLES): BudgetedEncoding {
  let current = state;
  let text = encodeLearnerState(current, tables);
  const dropped: string[] = [];
  for (const reduction of REDUCTIONS) {
    if (text.length <= maxChars) break;
    current = reduction.apply(current);
    dropped.push(reduction.what);
    text = encodeLearnerState(current, tables);
  }
  return { text, dropped, fits: text.length <= maxChars };
}
