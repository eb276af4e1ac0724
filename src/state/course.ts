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
  /** The optional team-lead role-play (never needed for completion; reported like any play). */
  leadScenario?: string | undefined;
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

/**
 * The course as one package sees it: a package limited to some lessons carries
 * `<meta name="course-scope" content="P01,P03">` (scripts/package.ts) and holds only those
 * pages, so the map, the progress and every link made at run time (a role-play debrief's
 * dimension names → A2) know only them.
 */
export function scopeCourse(data: CourseData, scope: string | undefined): CourseData {
  if (!scope) return data;
  const ids = new Set(scope.split(',').map((s) => s.trim()).filter(Boolean));
  return { ...data, lessons: data.lessons.filter((lesson) => ids.has(lesson.id)) };
}
