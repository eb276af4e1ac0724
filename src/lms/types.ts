import type { InteractionRecord, LearnerState } from '../engine/learner-state.ts';
import type { LearnerPreferences } from './preferences.ts';
import type { SelfObjective } from './readable.ts';

/** Which runtime the course is talking to. */
export type LmsKind = 'standalone' | 'scorm12' | 'scorm2004';

/** One lesson as reported to the LMS (SCORM 2004: one objective each). */
export interface LessonSummary {
  id: string;
  status: 'not-started' | 'in-progress' | 'completed';
  /** Best knowledge-check score 0–100, null while the lesson has none submitted (or no quiz). */
  score: number | null;
  /** The lesson quiz's own pass flag once scored; null when unknown. */
  passed: boolean | null;
}

/**
 * What the adapter reports besides the raw state, derived by `src/state/summary.ts` from
 * content + state + package (see README "Scoring and completion").
 */
export interface LmsSummary {
  /** Lessons completed / in scope. */
  completedLessons: number;
  totalLessons: number;
  /** completedLessons / totalLessons, 0–1 (SCORM 2004 progress_measure). */
  progress: number;
  /** Every lesson in scope completed and, when the package has an assessment, the assessment passed. */
  courseCompleted: boolean;
  /** Score 0–100 for the LMS gradebook, null while nothing is reportable yet. */
  score: number | null;
  /** score ≥ mastery score; null while there is no score. */
  passed: boolean | null;
  /** Mastery score used (0–100): the LMS's runtime value when it gives one, else the package's. */
  masteryScore: number;
  /** SCORM 1.2 status words (see StatusReport); absent = passed-failed. */
  report?: StatusReport | undefined;
  /** Per-lesson status for 2004 objectives. */
  lessons: LessonSummary[];
}

/** What a launch knows about its package (from the `<meta name="course-…">` tags the packager writes). */
export interface PackageInfo {
  /** Package name, e.g. "course-scorm12"; scopes the browser mirror. Absent on the plain web build. */
  id?: string | undefined;
  /** SCORM version the package was built for; absent = look for either API. */
  scorm?: '1.2' | '2004' | undefined;
  /** Id of the package's assessment quiz, when it has one. */
  assessment?: string | undefined;
  /** Mastery score 0–100 written in the manifest (default 80). */
  masteryScore: number;
  /** SCORM 1.2 status words chosen at packaging time (`--report`); default passed-failed. */
  report?: StatusReport | undefined;
}

/**
 * SCORM 1.2 reporting: `passed-failed` (default) ends on passed/failed; `completed-incomplete`
 * ends on completed (Moodle's default activity completion "Require status: Completed" never
 * completes a `passed` activity), as authoring tools offer.
 */
export type StatusReport = 'passed-failed' | 'completed-incomplete';
export const STATUS_REPORTS: readonly StatusReport[] = ['passed-failed', 'completed-incomplete'];

/**
 * One persistence back end. The state layer calls `load` once at launch, `save` after every
 * change (the adapter decides how often to commit), `report` for each new interaction, `flush`
 * when the page is hidden, and `finish` once on exit. Implementations: standalone (localStorage),
 * SCORM 1.2 and SCORM 2004 (src/lms/scorm-adapter.ts).
 */
export interface LmsAdapter {
  readonly kind: LmsKind;
  /** Learner-scoped key for the browser mirror (LMS learner id, or "local"); known after load. */
  readonly learnerKey: string;
  /** localStorage key of this session's browser copy (src/persistence/mirror.ts), when it keeps one. */
  readonly mirrorKey?: string;
  /** Reads the stored state, or null for a first launch. Must never throw on bad data. */
  load(): Promise<LearnerState | null>;
  /** Mastery score 0–100 the LMS supplied at launch (1.2 mastery_score, 2004 scaled_passing_score), if any. */
  runtimeMasteryScore(): number | null;
  save(state: LearnerState, summary: LmsSummary): void;
  report(interaction: InteractionRecord): void;
  /** Commits pending changes now (page hidden); never terminates. */
  flush(): void;
  /** Ends the session once; later calls are ignored. */
  finish(state: LearnerState, summary: LmsSummary): void;
}

type Values = [string, string][];

/** One SCORM version's data-model mapping. */
export interface ScormProfile {
  kind: 'scorm12' | 'scorm2004';
  suspendLimit: number;
  learnerId: string;
  /** The learner's name as the LMS gives it (shown on the certificate, as text). */
  learnerName: string;
  suspendData: string;
  location: string;
  locationLimit: number;
  interactionsCount: string;
  /** Values to write right after the first Initialize so the LMS never auto-completes. */
  notStartedStatuses(get: (element: string) => string): Values;
  /** Mastery score 0–100 supplied by the LMS at runtime, if any. */
  masteryScore(get: (element: string) => string): number | null;
  /** The learner's preferences as the LMS holds them (src/lms/preferences.ts). */
  preferences(get: (element: string) => string): LearnerPreferences;
  statusValues(summary: LmsSummary): Values;
  objectives: {
    count: string;
    id(n: number): string;
    values(n: number, lesson: LessonSummary): Values;
    /** A self-reported dimension (A2 self-assessment; src/lms/readable.ts). */
    self(n: number, objective: SelfObjective): Values;
  } | null;
  exit(summary: LmsSummary): [string, string];
  sessionTime(ms: number): [string, string];
  interaction(n: number, record: InteractionRecord): Values;
}
