import { z } from 'zod';
import { slugIdSchema } from './common.ts';

/** One headline figure shown on a part's page (number + the claim it belongs to). */
export const partFigureSchema = z.object({
  /** The number as shown, e.g. "40%". */
  value: z.string().min(1),
  /** What the number measures, in one line. */
  claim: z.string().min(4),
  /** Attribution as the seed gives it, e.g. 行业调研. */
  source: z.string().min(2),
});

/** One entry of `content/parts.yaml`: the introduction, the attitude module or Parts 1–8. */
export const partSchema = z.object({
  /** Stable id used by lessons' `part` field (intro, attitude, part1 … part8). */
  id: slugIdSchema,
  /** Position on the course map, starting at 0 for the introduction. */
  order: z.number().int().min(0),
  /** Short label such as 第一部分; empty for the introduction and the module. */
  label: z.string().default(''),
  /** Title in zh-CN. */
  title: z.string().min(2),
  /** English title. */
  titleEn: z.string().min(2),
  /** What the part covers, two or three sentences. */
  summary: z.string().min(10),
  /** Units planned for this part (ids), including ones not written yet. */
  planned: z.array(z.string()).default([]),
  /** Headline figures from the part opener. */
  figures: z.array(partFigureSchema).default([]),
  /**
   * The part's own package (SCORM 1.2 and 2004): its file-name stem (default: the part id), or
   * `false` for a part that only travels with the whole course and the role paths (the introduction).
   */
  package: z.union([slugIdSchema, z.literal(false)]).optional(),
});

export type Part = z.infer<typeof partSchema>;
