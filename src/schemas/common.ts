import { z } from 'zod';

/** Tag vocabulary from course-outline.md §0.2, shared by lessons and paths. */
export const industrySchema = z.enum([
  'all', 'restaurant', 'hotel', 'finance', 'healthcare', 'ecommerce', 'telecom', 'retail', 'travel',
]);
export const roleSchema = z.enum(['frontline', 'manager', 'hr', 'marketing', 'digital']);
/** Industries with their own lesson in Part 7 (P31–P35): what a role path's sector elective can be. */
export const sectorSchema = industrySchema.extract(['restaurant', 'hotel', 'finance', 'healthcare', 'ecommerce']);

/**
 * Unit ids as in course-outline.md §0.2: P01–P50 pitfalls, O1 introduction,
 * A1–A6 service-attitude module, S01–S06 Part 8 lessons.
 */
export const unitIdSchema = z
  .string()
  .regex(/^(P\d{2}|O\d|A\d|S\d{2})$/, 'must look like P01, O1, A1 or S01');

/** Ids of scenarios, quizzes, parts and paths: lower-case words joined by hyphens. */
export const slugIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and hyphens (e.g. p01-broadband)');

export type Industry = z.infer<typeof industrySchema>;
export type Role = z.infer<typeof roleSchema>;
export type Sector = z.infer<typeof sectorSchema>;
