import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CourseContent } from '../../scripts/lib/content-check.ts';
import { pathPlanFor, standardPlans } from '../../scripts/lib/package-plan.ts';
import { pathLessons, plannedPathSize, SECTOR_LESSONS } from '../../src/engine/path-lessons.ts';

// Issue 16: every role path carries a sector elective (its industry lesson, P31–P35), which HR
// can swap when packaging (`npm run package -- --path <id> --sector <sector>`).
const dist = fileURLToPath(new URL('../fixtures/package-dist', import.meta.url));
const lesson = (id: string, part: string, order: number, minutes: number, managerMinutes?: number) => ({
  file: `content/lessons/${id}.mdx`,
  data: { id, part, order, minutes, title: `课 ${id}`, ...(managerMinutes ? { managerMinutes } : {}) },
});
const path = (id: string, role: string, sector: string) => ({
  file: `content/paths/${id}.yaml`,
  data: { id, title: `路径 ${id}`, audience: '某岗位', role, lessons: ['P01', 'P02'], planned: ['P36'], sector },
});
const content = {
  parts: [
    { file: 'content/parts.yaml', data: { id: 'part1', order: 2, label: '第一部分', title: '客户体验雷区' } },
    { file: 'content/parts.yaml', data: { id: 'part7', order: 8, label: '第七部分', title: '行业专项雷区' } },
  ],
  lessons: [lesson('P31', 'part7', 1, 18, 9), lesson('P01', 'part1', 1, 16, 3), lesson('P02', 'part1', 2, 17), lesson('P32', 'part7', 2, 17, 10)],
  paths: [path('front', 'frontline', 'restaurant'), path('lead', 'manager', 'hotel'), path('later', 'frontline', 'finance')],
  quizzes: [],
  scenarios: [],
} as unknown as CourseContent;

describe('sector electives', () => {
  it('adds the industry lesson of the path sector, in course order, once it exists', () => {
    expect(pathLessons({ lessons: ['P01'], sector: 'hotel' }, new Set(['P01', 'P32']))).toEqual(['P01', 'P32']);
    expect(pathLessons({ lessons: ['P01'], sector: 'hotel' }, new Set(['P01']))).toEqual(['P01']);
    expect(pathLessons({ lessons: ['P01'], sector: 'hotel' }, new Set(['P01', 'P31', 'P32']), 'restaurant')).toEqual(['P01', 'P31']);
    expect(plannedPathSize({ lessons: ['P01', 'P02'], planned: ['P36'], sector: 'ecommerce' })).toBe(4);
    expect(Object.values(SECTOR_LESSONS)).toEqual(['P31', 'P32', 'P33', 'P34', 'P35']);
  });

  it('packages each path with its own sector: lessons, title, minutes (manager extension only for team leads)', () => {
    const plans = new Map(standardPlans(content, dist).map((p) => [p.name, p]));
    expect(plans.get('front')).toMatchObject({ lessons: ['P01', 'P02', 'P31'], title: '服务行业雷区 · 路径 front（餐饮）', minutes: 16 + 17 + 18, sector: 'restaurant', path: 'front' });
    expect(plans.get('lead')).toMatchObject({ lessons: ['P01', 'P02', 'P32'], title: '服务行业雷区 · 路径 lead（酒店）', minutes: 19 + 17 + 27, sector: 'hotel' });
    // Finance (P33) is not written in this content: no elective, and the title names none.
    const later = plans.get('later');
    expect(later?.lessons).toEqual(['P01', 'P02']);
    expect(later?.title).toBe('服务行业雷区 · 路径 later');
    expect(later?.sector).toBeUndefined();
  });

  it('lets HR pick another sector with --path/--sector, as its own package name', () => {
    const hotel = pathPlanFor(content, 'front', 'hotel');
    expect(hotel).toMatchObject({ name: 'front-hotel', lessons: ['P01', 'P02', 'P32'], title: '服务行业雷区 · 路径 front（酒店）', sector: 'hotel', path: 'front' });
    expect(pathPlanFor(content, 'front', undefined)).toMatchObject({ name: 'front', sector: 'restaurant' });
    expect(pathPlanFor(content, 'front', 'restaurant').name).toBe('front');
    expect(pathPlanFor(content, 'front', 'hotel', '酒店新员工', 'hotel-new-hire')).toMatchObject({ name: 'hotel-new-hire', title: '酒店新员工' });
  });

  it('says what exists when the path or sector is wrong, or the sector lesson is not written', () => {
    expect(() => pathPlanFor(content, 'nope', 'hotel')).toThrow('--path: unknown path "nope" (known: front, later, lead)');
    expect(() => pathPlanFor(content, 'front', 'casino')).toThrow(
      '--sector: unknown sector "casino" (known: restaurant (P31), hotel (P32), finance (P33), healthcare (P34), ecommerce (P35))',
    );
    expect(() => pathPlanFor(content, 'front', 'finance')).toThrow('--sector: the finance lesson P33 is not written yet');
  });
});
