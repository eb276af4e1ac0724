import { z } from 'zod';
import { roleSchema, sectorSchema, slugIdSchema, unitIdSchema } from './common.ts';

/** A role-based learning path in `content/paths/*.yaml`, packaged for HR as one SCORM zip. */
export const pathSchema = z.object({
  /** Stable id; also the package name (e.g. new-hire-frontline). */
  id: slugIdSchema,
  /** Title shown to HR and learners. */
  title: z.string().min(2),
  /** Who the path is for, one sentence. */
  audience: z.string().min(4),
  /** Main role tag of the audience. */
  role: roleSchema,
  /** Why these units, in this order. */
  rationale: z.string().min(10),
  /** Lessons in learning order. Every id must be a lesson that exists. */
  lessons: z.array(unitIdSchema).min(1),
  /**
   * Units the outline plans for this path that are not written yet; shown to HR as
   * "coming", never packaged. Moved into `lessons` when the lesson lands.
   */
  planned: z.array(unitIdSchema).default([]),
  /**
   * The sector elective: the industry lesson (Part 7) packaged with the path, in course order.
   * This is the default; HR packages another sector with
   * `npm run package -- --path <id> --sector <sector>` (src/engine/path-lessons.ts).
   */
  sector: sectorSchema,
});

export type LearningPath = z.infer<typeof pathSchema>;
