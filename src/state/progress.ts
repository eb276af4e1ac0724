import { atom, computed } from 'nanostores';
import { courseProgress, lessonStatus, type LessonStatus } from '../engine/completion.ts';
import { emptyLearnerState, type InteractionRecord, type LearnerState } from '../engine/learner-state.ts';
import { $course } from './course.ts';

/**
 * The learner's state. Only the actions in `src/state/` write it; islands read it through
 * the computed stores and call actions. Persistence subscribes to it (see persistence.ts).
 */
export const $learner = atom<LearnerState>(emptyLearnerState());

/** True once the stored state (LMS or browser) has been loaded into `$learner`. */
export const $hydrated = atom(false);

export const $progress = computed([$course, $learner], (course, learner) => courseProgress(course.lessons, learner));

export const $lessonStatuses = computed([$course, $learner], (course, learner) => {
  const statuses: Record<string, LessonStatus> = {};
  for (const lesson of course.lessons) statuses[lesson.id] = lessonStatus(lesson, learner);
  return statuses;
});

/** The single write path: every action goes through here so persistence sees one change. */
export function updateLearner(change: (state: LearnerState) => LearnerState): void {
  const before = $learner.get();
  const after = change(before);
  if (after !== before) $learner.set(after);
}

export function hydrateLearner(state: LearnerState): void {
  $learner.set(state);
  $hydrated.set(true);
}

/** Opening a lesson: records the visit and moves the bookmark there. */
export function visitLesson(lessonId: string): void {
  updateLearner((s) => {
    const visited = s.visited.includes(lessonId) ? s.visited : [...s.visited, lessonId];
    if (visited === s.visited && s.location === lessonId) return s;
    const { spot: _left, ...rest } = s;
    return { ...rest, visited, location: lessonId };
  });
}

/** The learner scrolled past a section of the lesson they are on (undefined: back at the top). */
export function markSpot(lessonId: string, spot: string | undefined): void {
  updateLearner((s) => {
    if (s.location !== lessonId || s.spot === spot) return s;
    const { spot: _old, ...rest } = s;
    return spot ? { ...rest, spot } : rest;
  });
}

/** The learner reached the end of a lesson's page. */
export function markLessonEnded(lessonId: string): void {
  updateLearner((s) => (s.ended.includes(lessonId) ? s : { ...s, ended: [...s.ended, lessonId] }));
}

type InteractionListener = (record: InteractionRecord) => void;
const interactionListeners = new Set<InteractionListener>();

/** Reports an answer or a finished role-play to whoever listens (the LMS adapter). */
export function recordInteraction(record: InteractionRecord): void {
  for (const listener of interactionListeners) listener(record);
}

export function onInteraction(listener: InteractionListener): () => void {
  interactionListeners.add(listener);
  return () => interactionListeners.delete(listener);
}
