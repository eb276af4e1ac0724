import type { ToolId } from '../schemas/tools.ts';
import { DIMENSIONS, type LearnerState } from './learner-state.ts';
import { toolDoneIn } from './tools/letters.ts';

/** What the completion rules need to know about a lesson. */
export interface LessonRef {
  id: string;
  quiz?: string | undefined;
  scenario?: string | undefined;
  /** The lesson's core Part 8 tool: finishing it (its done flag in `tools`) is required. */
  tool?: ToolId | undefined;
}

export type LessonStatus = 'not-started' | 'in-progress' | 'completed';

/**
 * A lesson is completed when the learner reached the end of its page, submitted its
 * knowledge check at least once (when it has one), finished its role-play at least once
 * (when it has one) and finished its core tool (when it has one: Part 8). Passing is reported
 * separately (success status), never as completion.
 */
export function lessonStatus(lesson: LessonRef, state: LearnerState): LessonStatus {
  const ended = state.ended.includes(lesson.id);
  if (ended && missingActivities(lesson, state).length === 0) return 'completed';
  const touched =
    ended ||
    state.visited.includes(lesson.id) ||
    (lesson.quiz !== undefined && state.quizzes[lesson.quiz] !== undefined) ||
    (lesson.scenario !== undefined && state.scenarios[lesson.scenario] !== undefined);
  return touched ? 'in-progress' : 'not-started';
}

/** The lesson's activities still to do before it can complete: its quiz, role-play and/or tool. */
export function missingActivities(lesson: LessonRef, state: LearnerState): ('quiz' | 'scenario' | 'tool')[] {
  const missing: ('quiz' | 'scenario' | 'tool')[] = [];
  if (lesson.quiz && (state.quizzes[lesson.quiz]?.best ?? null) === null) missing.push('quiz');
  if (lesson.scenario && (state.scenarios[lesson.scenario]?.plays ?? 0) === 0) missing.push('scenario');
  if (lesson.tool && !toolDoneIn(state.tools, lesson.tool)) missing.push('tool');
  return missing;
}

export interface CourseProgress {
  completed: number;
  total: number;
  /** Whole percent 0–100. */
  percent: number;
}

export function courseProgress(lessons: readonly LessonRef[], state: LearnerState): CourseProgress {
  const completed = lessons.filter((l) => lessonStatus(l, state) === 'completed').length;
  const total = lessons.length;
  return { completed, total, percent: total === 0 ? 0 : Math.round((completed / total) * 100) };
}

/**
 * The lesson to resume at: the saved location while that lesson is unfinished; once it is
 * finished, the next unfinished lesson after it (never back to a finished one), else the first
 * unfinished lesson; null when every lesson is completed.
 */
export function resumeTarget(lessons: readonly LessonRef[], state: LearnerState): string | null {
  const unfinished = (l: LessonRef) => lessonStatus(l, state) !== 'completed';
  const at = lessons.findIndex((l) => l.id === state.location);
  if (at >= 0 && unfinished(lessons[at] as LessonRef)) return state.location;
  return (at >= 0 ? lessons.slice(at + 1).find(unfinished) : undefined)?.id ?? lessons.find(unfinished)?.id ?? null;
}

/** The resume target's section anchor, when the learner left that lesson part-way down. */
export function resumeSpot(lessons: readonly LessonRef[], state: LearnerState): string | null {
  const target = resumeTarget(lessons, state);
  return target !== null && target === state.location && state.spot ? state.spot : null;
}

/**
 * The learner's rubric across the role-plays of these lessons: per dimension (DIMENSIONS order),
 * the mean of each finished role-play's most recent result. Null when none was finished.
 */
export function averageRubric(lessons: readonly LessonRef[], state: LearnerState): number[] | null {
  const results = lessons.flatMap((l) => {
    const last = l.scenario ? state.scenarios[l.scenario]?.last : undefined;
    return last ? [last.dimensions] : [];
  });
  return meanDimensions(results);
}

/** The rounded mean per dimension (DIMENSIONS order) of several role-play results; null for none. */
export function meanDimensions(results: readonly (readonly number[])[]): number[] | null {
  if (results.length === 0) return null;
  return DIMENSIONS.map((_, d) => Math.round(results.reduce((sum, dims) => sum + (dims[d] ?? 0), 0) / results.length));
}
