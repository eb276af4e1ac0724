import { atom } from 'nanostores';
import type { LessonRef } from '../engine/completion.ts';
import { COURSE_ID } from '../persistence/course-id.ts';

/** A lesson as the browser knows it: enough for the map, the progress bar and the LMS. */
export interface CourseLesson extends LessonRef {
  title: string;
  part: string;
  minutes: number;
  /** Relative URL of the lesson page, e.g. "p01.html". */
  href: string;
}

/** A part of the course as the browser knows it (for the table of contents). */
export interface CoursePart {
  id: string;
  label: string;
  title: string;
}

export interface CourseData {
  /** Stable course id; keys the browser mirror. */
  courseId: string;
  title: string;
  /** Parts in course order. */
  parts: CoursePart[];
  /** Lessons in course order, limited to this package's scope. */
  lessons: CourseLesson[];
}

/** The lessons in scope for this launch; set once at boot from the page's embedded course data. */
export const $course = atom<CourseData>({ courseId: COURSE_ID, title: '', parts: [], lessons: [] });
