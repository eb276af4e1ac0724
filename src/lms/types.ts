import type { InteractionRecord, LearnerState } from '../engine/learner-state.ts';

/** Which runtime the course is talking to. */
export type LmsKind = 'standalone' | 'scorm12' | 'scorm2004';

/** What the adapter reports besides the raw state, derived by `src/state/` from content + state. */
export interface LmsSummary {
  /** Lessons completed / in scope. */
  completedLessons: number;
  totalLessons: number;
  /** True when every lesson in scope is completed (and the assessment passed, if any). */
  courseCompleted: boolean;
  /** Score 0–100 for the LMS gradebook, null while nothing is scored. */
  score: number | null;
  /** Passed / failed once a score exists; null = unknown. */
  passed: boolean | null;
  /** Per-lesson status for 2004 objectives. */
  lessons: { id: string; status: 'not-started' | 'in-progress' | 'completed'; score: number | null; passed: boolean | null }[];
}

/**
 * One persistence back end. The state layer calls `load` once at launch, `save` after
 * meaningful changes (the adapter decides how often to commit), `report` for each new
 * interaction, and `finish` once on exit. Implementations: standalone (localStorage),
 * SCORM 1.2 and SCORM 2004.
 */
export interface LmsAdapter {
  readonly kind: LmsKind;
  /** Learner-scoped key for the browser mirror (LMS learner id, or "local"). */
  readonly learnerKey: string;
  /** Reads the stored state, or null for a first launch. Must never throw on bad data. */
  load(): Promise<LearnerState | null>;
  save(state: LearnerState, summary: LmsSummary): void;
  report(interaction: InteractionRecord): void;
  /** Ends the session once; later calls are ignored. */
  finish(state: LearnerState, summary: LmsSummary): void;
}
