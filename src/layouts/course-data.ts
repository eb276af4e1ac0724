import { getCollection, type CollectionEntry } from 'astro:content';
import { inCourseOrder } from '../engine/course-order.ts';
import { COURSE_ID } from '../persistence/course-id.ts';
import type { CourseData } from '../state/course.ts';

export { COURSE_ID };

/** Relative URL of a lesson page; pages are flat files so this works from every page. */
export function lessonHref(id: string): string {
  return `${id.toLowerCase()}.html`;
}

export async function loadParts(): Promise<CollectionEntry<'parts'>[]> {
  return (await getCollection('parts')).sort((a, b) => a.data.order - b.data.order);
}

/** Lessons in course order: by part order, then by order within the part. */
export async function loadLessons(): Promise<CollectionEntry<'lessons'>[]> {
  const parts = (await loadParts()).map((p) => p.data);
  const lessons = await getCollection('lessons');
  const byId = new Map(lessons.map((l) => [l.data.id, l]));
  return inCourseOrder(lessons.map((l) => l.data), parts).map((data) => byId.get(data.id) as CollectionEntry<'lessons'>);
}

/** The course as embedded in every page for the browser (map, progress, LMS reporting). */
export async function courseData(title: string): Promise<CourseData> {
  const parts = await loadParts();
  const lessons = await loadLessons();
  return {
    courseId: COURSE_ID,
    title,
    parts: parts.map((p) => ({ id: p.data.id, label: p.data.label, title: p.data.title })),
    lessons: lessons.map((l) => ({
      id: l.data.id,
      title: l.data.title,
      part: l.data.part,
      minutes: l.data.minutes,
      href: lessonHref(l.data.id),
      ...(l.data.quiz ? { quiz: l.data.quiz } : {}),
      ...(l.data.scenario ? { scenario: l.data.scenario } : {}),
    })),
  };
}

/** URL slug of a part page: part1 → "1", intro → "intro" (page part-1.html, part-intro.html). */
export function partSlug(partId: string): string {
  return partId.replace(/^part(\d+)$/, '$1');
}

export function partHref(partId: string): string {
  return `part-${partSlug(partId)}.html`;
}
