import { z } from 'zod';
import { industrySchema, roleSchema, slugIdSchema, unitIdSchema } from './common.ts';
import { toolIdSchema } from './tools.ts';

/** Frontmatter of a lesson in `content/lessons/*.mdx`. */
export const lessonSchema = z.object({
  /** Stable unit id (P01, A1, S01…). Never reuse or renumber: learner state is keyed by it. */
  id: unitIdSchema,
  /** Id of the part (in `content/parts.yaml`) this lesson belongs to. */
  part: slugIdSchema,
  /** Position within the part, starting at 1. Unique within the part. */
  order: z.number().int().positive(),
  /** Lesson title in zh-CN, without the id (e.g. 忽视客户期望管理). */
  title: z.string().min(2),
  /** English title, for the HR catalogue and the future English edition. */
  titleEn: z.string().min(2),
  /** One or two sentences shown on the course map and in package descriptions. */
  summary: z.string().min(10),
  /** Learning objectives, each starting with a checkable verb. 2–4 of them. */
  objectives: z.array(z.string().min(6)).min(2).max(4),
  /**
   * Honest front-line time in minutes: reading outside <ForManagers> (350 CJK characters a
   * minute, rounded up) + the role-play's minutes + one per knowledge-check question drawn. The
   * content check computes it and requires exactly that number (at most 18).
   */
  minutes: z.number().int().min(3).max(60),
  /**
   * Reading minutes of the lesson's <ForManagers> extension (its CJK characters ÷ 350, rounded up);
   * required when the lesson has one. Counted for manager and HR paths, not for front-line ones.
   */
  managerMinutes: z.number().int().min(1).max(30).optional(),
  /** Audiences; the first is the main one. */
  roles: z.array(roleSchema).min(1),
  /** Industry tags; `all` first when the lesson applies everywhere. */
  industries: z.array(industrySchema).min(1),
  /** Id of this lesson's role-play in `scenarios/`, if it has one. */
  scenario: slugIdSchema.optional(),
  /**
   * Id of the lesson's team-lead role-play in `scenarios/`, if it has one: part of the manager
   * extension (shown after the front-line role-play, its minutes counted in `managerMinutes`,
   * never required to complete the lesson).
   */
  leadScenario: slugIdSchema.optional(),
  /**
   * The lesson's workplace tool (Part 8), if it has one: part of the front-line core (its minutes,
   * TOOL_MINUTES in src/engine/tools/minutes.ts, counted in `minutes`), shown after the reading, and
   * finishing it (the tool's done flag) is required to complete the lesson.
   */
  tool: toolIdSchema.optional(),
  /**
   * Further tools in the lesson's manager extension (shown after the core tool, their minutes
   * counted in `managerMinutes`, optional for completion).
   */
  leadTools: z.array(toolIdSchema).max(3).optional(),
  /** Id of this lesson's question bank in `quizzes/`, if it has one. */
  quiz: slugIdSchema.optional(),
  /**
   * Set when the lesson's case or figures are illustrative rather than taken from the seed
   * documents; the page then says so next to them. Default: false.
   */
  illustrative: z.boolean().default(false),
  /**
   * Set when the source documents give only this pitfall's title, so its model and practices
   * are the course team's own, written from general service-management practice; the page
   * says so under the title. Default: false.
   */
  authored: z.boolean().default(false),
});

export type LessonFrontmatter = z.infer<typeof lessonSchema>;
