import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CourseContent } from '../../scripts/lib/content-check.ts';
import { standardPlans } from '../../scripts/lib/package-plan.ts';

// Durations HR sees per package: a lesson's manager extension (managerMinutes) counts for team
// leads (manager/hr paths) and for the course and part packages, never for front-line paths.
const dist = fileURLToPath(new URL('../fixtures/package-dist', import.meta.url));
const lesson = (id: string, order: number, minutes: number, managerMinutes?: number) => ({
  file: `content/lessons/${id}.mdx`,
  data: { id, part: 'part1', order, minutes, title: `课 ${id}`, ...(managerMinutes ? { managerMinutes } : {}) },
});
const path = (id: string, role: string) => ({ file: `content/paths/${id}.yaml`, data: { id, title: id, role, lessons: ['P01', 'P02'] } });
const content = {
  parts: [{ file: 'content/parts.yaml', data: { id: 'part1', order: 2, label: '第一部分', title: '客户体验雷区' } }],
  lessons: [lesson('P01', 1, 16, 3), lesson('P02', 2, 17)],
  paths: [path('frontline-path', 'frontline'), path('manager-path', 'manager'), path('hr-path', 'hr')],
  quizzes: [],
  scenarios: [],
} as unknown as CourseContent;

describe('package minutes', () => {
  it('leave the manager extension out of front-line paths and count it elsewhere', () => {
    const minutes = Object.fromEntries(standardPlans(content, dist).map((p) => [p.name, p.minutes]));
    expect(minutes).toEqual({ course: 36, part1: 36, 'frontline-path': 33, 'manager-path': 36, 'hr-path': 36 });
  });
});
