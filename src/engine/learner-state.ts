/**
 * The learner's state: everything that must survive a reload, a relaunch or an LMS that
 * forgets. Pure data, no DOM. `src/state/` holds it in nanostores; the suspend-data codec
 * (`src/persistence/suspend/`) serialises it; `src/persistence/merge.ts` reconciles two copies.
 *
 * Ids are content ids (lesson P01, quiz p01, question q1…) so state survives content edits.
 */

/** One question's response inside a quiz attempt: option ids in the learner's order. */
export type QuestionResponse = string[];

export interface QuizAttemptState {
  /** Seed of this attempt's draw and shuffles (uint32); a resumed attempt re-derives both from it. */
  seed: number;
  /** Index of the question on screen (one-at-a-time quizzes). */
  position: number;
  /** Responses by question id. Matching responses are "left:right" pairs. */
  responses: Record<string, QuestionResponse>;
  /** Question ids whose answer has been submitted/checked (locked). */
  checked: string[];
  /** True once the whole attempt was submitted and scored. */
  submitted: boolean;
  /** Score 0–100 of this attempt once submitted. */
  score: number | null;
}

export interface QuizProgress {
  /** Attempts started, including the current one. */
  attempts: number;
  /** Best submitted score 0–100; null before the first submission. Never lowered. */
  best: number | null;
  /** True once any attempt reached the pass mark. Never reset. */
  passed: boolean;
  /** The attempt in progress, or the last submitted one (for its review screen). */
  current: QuizAttemptState | null;
}

/** The five service-attitude dimensions, in rubric order. */
export const DIMENSIONS = ['response', 'professionalism', 'memory', 'proactivity', 'empathy'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface ScenarioResult {
  /** Id of the ending node reached. */
  ending: string;
  /** Normalised total 0–100. */
  total: number;
  /** Normalised score 0–100 per dimension, in DIMENSIONS order. */
  dimensions: number[];
  /** Complaint-model steps performed, in the order performed (listen, empathise, solve, follow-up). */
  steps: string[];
  /** Choice ids taken, in order. */
  path: string[];
  /** Whether the role-play met the pass rule (course-outline.md §4.5a). */
  passed: boolean;
}

export interface ScenarioProgress {
  /** Completed plays. */
  plays: number;
  /** Best total 0–100; null before the first finished play. Never lowered. */
  best: number | null;
  /** True once any play passed. Never reset. */
  passed: boolean;
  /** Choice ids taken so far in the play in progress; null when none is in progress. */
  current: string[] | null;
  /** Result of the most recent finished play. */
  last: ScenarioResult | null;
}

export interface LearnerState {
  /** Lesson id the learner was last on (SCORM location / bookmark). */
  location: string | null;
  /**
   * Where in that lesson: the id of the last section heading scrolled past (absent = the top).
   * Kept in the LMS bookmark with the lesson (`P02#section-id`, see `bookmarkText`), not in the
   * suspend data, so it costs the codec nothing.
   */
  spot?: string | undefined;
  /** Lessons opened at least once, in first-visit order. */
  visited: string[];
  /** Lessons whose end marker was reached. Completion is derived from this plus quiz/scenario rules. */
  ended: string[];
  quizzes: Record<string, QuizProgress>;
  scenarios: Record<string, ScenarioProgress>;
  /**
   * The five-dimension self-assessment (A2): rating 1 (很少) … 4 (总是) by item id of
   * content/self-assessment.yaml. Absent until the first rating; never empty when present.
   */
  selfRatings?: Record<string, number> | undefined;
  /**
   * The Part 8 tools' compact LMS summary (src/engine/tools/summary.ts, format 1: done flags and
   * headline numbers, at most SUMMARY_WORST_CHARS characters). The tools' own data lives in browser
   * storage (storage decision: src/engine/tools/index.ts). Absent until a tool holds something.
   */
  tools?: string | undefined;
}

/** The self-assessment's frequency scale: 1 很少 · 2 有时 · 3 经常 · 4 总是. */
export const SELF_RATING_MAX = 4;
export const isSelfRating = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= SELF_RATING_MAX;

export function emptyLearnerState(): LearnerState {
  return { location: null, visited: [], ended: [], quizzes: {}, scenarios: {} };
}

/** One reportable learner response (a quiz answer or a finished role-play), for LMS interactions. */
export interface InteractionRecord {
  /** Stable id, e.g. "p01.q3" for a question or "rp.p01-broadband" for a role-play. */
  id: string;
  /** SCORM-neutral type; best-reply questions report as choice, role-plays as other. */
  type: 'choice' | 'true-false' | 'sequencing' | 'matching' | 'other';
  /** Human-readable description (question stem or scenario title), for 2004's description. */
  description: string;
  /** Learner's response: option ids in order; matching as "left:right". */
  response: string[];
  /** The correct response in the same form (empty when there is none, e.g. role-plays). */
  correct: string[];
  /** Credit 0–1 (1 correct, 0 incorrect, between for partial credit). */
  credit: number;
  /** Milliseconds from showing the question to submitting the answer. */
  latencyMs: number;
  /** When the answer was submitted (ISO 8601). */
  timestamp: string;
  /** Lesson id whose objective this answer counts toward, when there is one. */
  objective?: string;
  /** A finished role-play's result in words an LMS report can show (src/lms/readable.ts formats it). */
  play?: PlayReport | undefined;
}

/** What a finished role-play tells the LMS besides its path, so a report reads without our code. */
export interface PlayReport {
  /** The scenario's title. */
  title: string;
  /** The replies taken, in order: choice id and the words the learner chose. */
  replies: { id: string; text: string }[];
  /** Normalised total 0–100 and the five dimension scores (DIMENSIONS order). */
  total: number;
  dimensions: number[];
  /** Critical replies taken: choice id and kind (compliance, false-promise, blame, privacy). */
  critical: { choice: string; kind: string }[];
  /** Outcome of the ending reached (loyal, resolved, escalated, lost). */
  outcome: string;
  passed: boolean;
}

/** The LMS bookmark for a state: the lesson, and the section within it when known (`P02#section-id`). */
export function bookmarkText(state: Pick<LearnerState, 'location' | 'spot'>): string | null {
  if (!state.location) return null;
  return state.spot ? `${state.location}#${state.spot}` : state.location;
}

/** Reads a bookmark written by `bookmarkText` (a plain lesson id from older launches too). */
export function parseBookmark(text: string): { location: string; spot?: string } | null {
  const [location, ...rest] = text.split('#');
  if (!location) return null;
  const spot = rest.join('#');
  return spot ? { location, spot } : { location };
}
