import { z } from 'zod';

/**
 * The five-dimension self-assessment (`content/self-assessment.yaml`), shown in A2 by
 * `<SelfAssessment />`. Learners rate how often they behave as each item says, 1 很少 … 4 总是.
 */

/** The role-play rubric's dimensions, in rubric order (the same ids as the role-play `score` keys). */
export const selfDimensionSchema = z.enum(['response', 'professionalism', 'memory', 'proactivity', 'empathy']);

/** One behaviour-anchored statement. */
export const selfItemSchema = z.object({
  /** Stable id `<dimension>-<n>`; never changed or reused once published (saved ratings name it). */
  id: z.string().regex(/^[a-z]+-[1-9][0-9]?$/, 'must look like response-1'),
  /** An observable behaviour in the first person, one sentence. */
  text: z.string().min(8),
});

export const selfAssessmentSchema = z
  .object({
    /** Heading of the island. */
    title: z.string().min(2),
    /** One or two sentences above the items. */
    intro: z.string().min(8),
    /** Exactly the five dimensions, in rubric order, each with 2–4 items. */
    dimensions: z
      .array(z.object({ dimension: selfDimensionSchema, items: z.array(selfItemSchema).min(2).max(4) }))
      .length(5),
  })
  .superRefine((data, ctx) => {
    const order = selfDimensionSchema.options;
    data.dimensions.forEach((d, i) => {
      if (d.dimension !== order[i]) ctx.addIssue({ code: 'custom', path: ['dimensions', i, 'dimension'], message: `must be ${order[i]} (rubric order: ${order.join(', ')})` });
      d.items.forEach((item, k) => {
        if (!item.id.startsWith(`${d.dimension}-`)) ctx.addIssue({ code: 'custom', path: ['dimensions', i, 'items', k, 'id'], message: `must start with "${d.dimension}-"` });
      });
    });
    const ids = data.dimensions.flatMap((d) => d.items.map((item) => item.id));
    const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
    if (duplicate) ctx.addIssue({ code: 'custom', path: ['dimensions'], message: `item id ${duplicate} is used twice` });
  });

export type SelfAssessment = z.infer<typeof selfAssessmentSchema>;
