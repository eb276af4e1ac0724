import { getCollection, type CollectionEntry } from 'astro:content';
import { inCourseOrder } from '../engine/course-order.ts';
import { COURSE_ID } from '../persistence/course-id.ts';
import { assessmentHref } from '../engine/quiz/props.ts';
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
      ...(l.data.leadScenario ? { leadScenario: l.data.leadScenario } : {}),
      ...(l.data.tool ? { tool: l.data.tool } : {}),
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

/** An assessment as the pages show it: its card on the home page, in the table of contents and at the end of the last lesson. */
export interface AssessmentInfo {
  id: string;
  title: string;
  intro: string | undefined;
  /** Its page, e.g. assessment-course.html. */
  href: string;
  /** Lessons to complete before it unlocks, in course order (the packaged scope may hold fewer). */
  lessons: string[];
  /** Part it belongs to, or null for the course assessment. */
  part: string | null;
  /** Attempts allowed, null for unlimited. */
  attempts: number | null;
}

/** Every assessment, with the lessons it covers: `part: all` → every lesson, `part: partN` → that part's, `pool` → the pool's lesson. */
export async function loadAssessments(): Promise<AssessmentInfo[]> {
  const lessons = await loadLessons();
  const quizzes = await getCollection('quizzes');
  const poolLesson = new Map(quizzes.flatMap((q) => (q.data.kind === 'pool' ? [[q.data.id, q.data.lesson] as const] : [])));
  const out: AssessmentInfo[] = [];
  for (const { data } of quizzes) {
    if (data.kind !== 'assessment') continue;
    const covered = new Set<string>();
    const parts = new Set<string>();
    for (const rule of data.draw) {
      if ('part' in rule && rule.part !== undefined) {
        parts.add(rule.part);
        for (const l of lessons) if (rule.part === 'all' || l.data.part === rule.part) covered.add(l.data.id);
      } else if (rule.pool !== undefined) {
        const id = poolLesson.get(rule.pool);
        if (id) covered.add(id);
      }
    }
    const part = parts.size === 1 && !parts.has('all') ? ([...parts][0] as string) : null;
    out.push({
      id: data.id,
      title: data.title,
      intro: data.intro,
      href: assessmentHref(data.id),
      lessons: lessons.map((l) => l.data.id).filter((id) => covered.has(id)),
      part,
      attempts: data.attempts ?? null,
    });
  }
  // The course assessment first, then the parts in course order.
  const partOrder = new Map((await loadParts()).map((p, i) => [p.data.id, i]));
  return out.sort((a, b) => (a.part === null ? -1 : partOrder.get(a.part) ?? 99) - (b.part === null ? -1 : partOrder.get(b.part) ?? 99));
}
