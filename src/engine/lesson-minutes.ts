/**
 * Whose minutes a lesson counts. A lesson's `minutes` is its front-line core; its <ForManagers>
 * extension adds `managerMinutes`, which counts only for audiences that lead a team (manager and
 * HR paths) and for the whole-course and part packages, never for front-line role paths.
 */
import type { Role } from '../schemas/common.ts';

/** Path roles whose learners read the manager extension. */
export const MANAGER_EXTENSION_ROLES: readonly Role[] = ['manager', 'hr'];

/** Minutes of one lesson for a path of `role`; without a role (course, part, custom package) the extension counts. */
export function lessonMinutesFor(lesson: { minutes: number; managerMinutes?: number | undefined }, role?: Role): number {
  const extension = role === undefined || MANAGER_EXTENSION_ROLES.includes(role) ? (lesson.managerMinutes ?? 0) : 0;
  return lesson.minutes + extension;
}
