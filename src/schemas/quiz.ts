import { z } from 'zod';
import { slugIdSchema, unitIdSchema } from './common.ts';

/**
 * Schema of `quizzes/*.yaml`: lesson practice banks (`kind: bank`, the knowledge check),
 * lesson assessment pools (`kind: pool`, never shown in practice) and assessments
 * (`kind: assessment`) that draw from the pools. zod checks the shape; `checkQuiz` below checks
 * what a shape cannot (a correct answer exists, ids are unique, credits lie within 0–1,
 * references resolve) and names the question in every message. quizzes/README.md is the
 * authors' guide to these fields.
 */

/** Ids of questions, options, ordering items and matching items: short lower-case slugs (q1, a, step-2). */
const localIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and hyphens (e.g. q1, a, left-1)');

const textSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
  .trim()
  .min(1, 'must not be empty');

/** One answer option of a single-choice or multiple-response question. */
export const choiceOptionSchema = z.object({
  /** Stable id within the question (a, b, c…). Reported to the LMS; never reuse it for another meaning. */
  id: localIdSchema,
  /** The option as the learner reads it. */
  text: textSchema,
  /** Whether choosing this option is right. Default: false. */
  correct: z.boolean().default(false),
  /** Shown after the answer is checked when this option was chosen (why it is right or wrong). Optional. */
  feedback: textSchema.optional(),
});

/** One possible reply of a best-reply question. */
export const replyOptionSchema = z.object({
  /** Stable id within the question (a, b, c…). */
  id: localIdSchema,
  /** The reply as staff would say it. */
  text: textSchema,
  /** Credit for choosing this reply, 0–1: 1 = the best reply, 0.5 = acceptable but weaker, 0 = harmful. Required. */
  credit: z.number(),
  /** Why this reply earns its credit; shown after the answer is checked. Optional but strongly advised. */
  feedback: textSchema.optional(),
});

/** One step of an ordering question; the list order in the file is the correct order. */
export const orderItemSchema = z.object({
  /** Stable id within the question. */
  id: localIdSchema,
  /** The step as the learner reads it. */
  text: textSchema,
});

/** One item on the left of a matching question, with the right-hand item it belongs to. */
export const matchLeftSchema = z.object({
  /** Stable id within the question. */
  id: localIdSchema,
  /** The prompt item (e.g. a customer situation). */
  text: textSchema,
  /** Id of the right-hand item that matches it. Each right-hand item is used at most once. */
  match: localIdSchema,
});

/** One item on the right of a matching question (extra items act as distractors). */
export const matchRightSchema = z.object({
  /** Stable id within the question. */
  id: localIdSchema,
  /** The answer item (e.g. the fitting response). */
  text: textSchema,
});

const questionBase = {
  /** Stable id, unique within the bank (q1, q2…). Learner state and LMS reports use it: never renumber. */
  id: localIdSchema,
  /** The question stem in zh-CN, plain text. */
  prompt: textSchema,
  /** Why the right answer is right; shown after checking and on the review screen. Required. */
  explanation: textSchema,
  /** Number (1-based) of the lesson objective this question checks, as listed in the lesson's frontmatter. Optional. */
  objective: z.number().int().min(1).max(4).optional(),
  /**
   * True when the item is set in a new situation: not the lesson's own case, dialogue or
   * role-play turn. At least 60 % of a pool's items must be transfer items. Default: false.
   */
  transfer: z.boolean().default(false),
};

/** Choose exactly one option. */
export const singleChoiceSchema = z.object({
  ...questionBase,
  /** Question type. */
  type: z.literal('single-choice'),
  /** 2–6 options; exactly one has `correct: true`. */
  options: z.array(choiceOptionSchema).min(2, 'needs at least 2 options').max(6, 'at most 6 options'),
  /** Shuffle the options on each attempt. Set false when the order carries meaning. Default: true. */
  shuffle: z.boolean().default(true),
});

/** Choose every option that applies. */
export const multipleResponseSchema = z.object({
  ...questionBase,
  /** Question type. */
  type: z.literal('multiple-response'),
  /** 3–8 options; at least one has `correct: true`. */
  options: z.array(choiceOptionSchema).min(3, 'needs at least 3 options').max(8, 'at most 8 options'),
  /**
   * Partial credit: (right options chosen − wrong options chosen) ÷ right options, never below 0.
   * When false, only an exact answer scores. Default: true.
   */
  partial: z.boolean().default(true),
  /** Shuffle the options on each attempt. Default: true. */
  shuffle: z.boolean().default(true),
});

/** A statement the learner marks true or false. */
export const trueFalseSchema = z.object({
  ...questionBase,
  /** Question type. */
  type: z.literal('true-false'),
  /** Whether the statement in `prompt` is true. */
  answer: z.boolean(),
  /** Feedback shown when the learner answered 正确 (true). Optional. */
  feedbackTrue: textSchema.optional(),
  /** Feedback shown when the learner answered 错误 (false). Optional. */
  feedbackFalse: textSchema.optional(),
});

/** Put steps in sequence (operable with move up / move down buttons, no dragging). */
export const orderingSchema = z.object({
  ...questionBase,
  /** Question type. */
  type: z.literal('ordering'),
  /** 3–7 steps, written in the CORRECT order; the learner sees them shuffled. */
  items: z.array(orderItemSchema).min(3, 'needs at least 3 items').max(7, 'at most 7 items'),
  /** Partial credit: share of steps in their right place. When false, only the exact order scores. Default: true. */
  partial: z.boolean().default(true),
});

/** Pair each left item with a right item (operable with one select per left item). */
export const matchingSchema = z.object({
  ...questionBase,
  /** Question type. */
  type: z.literal('matching'),
  /** 2–6 prompt items, each naming its `match` on the right. */
  left: z.array(matchLeftSchema).min(2, 'needs at least 2 left items').max(6, 'at most 6 left items'),
  /** The answer items; may hold more than `left` (distractors). */
  right: z.array(matchRightSchema).min(2, 'needs at least 2 right items').max(8, 'at most 8 right items'),
  /** Partial credit: share of left items matched correctly. When false, only all-correct scores. Default: true. */
  partial: z.boolean().default(true),
});

/** A customer's line and several replies, each worth full, partial or no credit. */
export const bestReplySchema = z.object({
  ...questionBase,
  /** Question type. */
  type: z.literal('best-reply'),
  /** What the customer says, in natural spoken zh-CN (without quotation marks). */
  customer: textSchema,
  /** 2–5 possible replies; at least one has `credit: 1`. */
  options: z.array(replyOptionSchema).min(2, 'needs at least 2 replies').max(5, 'at most 5 replies'),
  /** Shuffle the replies on each attempt. Default: true. */
  shuffle: z.boolean().default(true),
});

/** Any question, told apart by `type`. */
export const questionSchema = z.discriminatedUnion('type', [
  singleChoiceSchema,
  multipleResponseSchema,
  trueFalseSchema,
  orderingSchema,
  matchingSchema,
  bestReplySchema,
]);

/** The six question types, in the order the README documents them. */
export const QUESTION_TYPES = ['single-choice', 'multiple-response', 'true-false', 'ordering', 'matching', 'best-reply'] as const;

const quizBase = {
  /** Stable id = file name without .yaml (p01, part1-assessment). Learner state is keyed by it. */
  id: slugIdSchema,
  /** Title shown above the quiz. */
  title: z.string().trim().min(2),
  /** One or two sentences shown before the learner starts. Optional. */
  intro: textSchema.optional(),
  /** Percent (0–100) needed to pass. Default: 80. */
  passMark: z.number().int().min(0).max(100).default(80),
  /** Attempts allowed; omit for unlimited. A retry draws a fresh set of questions. */
  attempts: z.number().int().min(1).max(20).optional(),
  /** `one`: one question per screen with a progress line; `all`: every question on one page. */
  display: z.enum(['one', 'all']).default('one'),
};

/** A lesson's practice bank; its knowledge check draws `draw` questions from it on each attempt. */
export const bankSchema = z.object({
  ...quizBase,
  /** Kind of file: a lesson's practice bank (knowledge check). */
  kind: z.literal('bank'),
  /** Id of the lesson this bank belongs to (P01…). */
  lesson: unitIdSchema,
  /** Questions per knowledge-check attempt, drawn at random from `questions`. Default: all of them. */
  draw: z.number().int().min(1).optional(),
  /** `immediate`: each answer is checked and explained at once (default); `after-submit`: at the end. */
  feedback: z.enum(['immediate', 'after-submit']).default('immediate'),
  /** The bank's questions; at least 6 so that draws vary. */
  questions: z.array(questionSchema).min(1, 'a bank needs questions'),
});

/**
 * A lesson's assessment pool (`quizzes/pNN-pool.yaml`): questions that part and course
 * assessments draw from and that learners never meet in practice. Same question types as a bank;
 * no item may share its prompt or its option set with any practice bank.
 */
export const poolSchema = z.object({
  /** Stable id = file name without .yaml: the lesson's bank id plus `-pool` (p01-pool). */
  id: slugIdSchema,
  /** Title for authors and reports (测评题库：<lesson title>); learners never see a pool on its own. */
  title: z.string().trim().min(2),
  /** Kind of file: an assessment pool. */
  kind: z.literal('pool'),
  /** Id of the lesson whose objectives the pool assesses (P01…). Assessments find its part through it. */
  lesson: unitIdSchema,
  /** The pool's questions; at least 6, and at least 60 % of them transfer items. */
  questions: z.array(questionSchema).min(1, 'a pool needs questions'),
});

/** One rule of an assessment's draw: which pools, and how many questions from each. */
export const drawRuleSchema = z
  .object({
    /** A part id from content/parts.yaml (the pool of every lesson in that part), or `all` for every pool. */
    part: z.string().optional(),
    /** A single pool id instead of a part. */
    pool: slugIdSchema.optional(),
    /** Questions drawn from each matching pool (fewer when a pool is smaller). */
    perPool: z.number().int().min(1).max(20),
  })
  .refine((rule) => (rule.part === undefined) !== (rule.pool === undefined), {
    message: 'give exactly one of part (a part id, or all) and pool',
  });

/** A part or course assessment, drawing from the lessons' assessment pools (never from practice banks). */
export const assessmentSchema = z.object({
  ...quizBase,
  /** Kind of file: an assessment. */
  kind: z.literal('assessment'),
  /** `after-submit` (default): answers are scored and explained after the whole test; `immediate`: at once. */
  feedback: z.enum(['immediate', 'after-submit']).default('after-submit'),
  /** Where the questions come from; rules are applied in order and a pool is drawn from once. */
  draw: z.array(drawRuleSchema).min(1, 'an assessment needs at least one draw rule'),
  /**
   * Most questions per attempt. After drawing from every pool, a random subset of this size is
   * kept, so a course assessment stays a sensible length as lessons are added. Default: no cap.
   */
  limit: z.number().int().min(1).optional(),
});

/** A practice bank, an assessment pool or an assessment in `quizzes/*.yaml`. */
export const quizSchema = z.discriminatedUnion('kind', [bankSchema, poolSchema, assessmentSchema]);

export type Quiz = z.infer<typeof quizSchema>;
export type QuizBank = z.infer<typeof bankSchema>;
export type QuizPool = z.infer<typeof poolSchema>;
/** A file that holds questions: a practice bank or an assessment pool. */
export type QuestionFile = QuizBank | QuizPool;
export type Assessment = z.infer<typeof assessmentSchema>;
export type DrawRule = z.infer<typeof drawRuleSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;
export type ReplyOption = z.infer<typeof replyOptionSchema>;

/** What a quiz check may look up across the course. */
export interface QuizCheckContext {
  /** Every bank, pool and assessment in quizzes/ (an assessment draws from pools; a pool is compared with the banks). */
  quizzes: Quiz[];
  /** Every lesson id in content/lessons. */
  lessonIds: Set<string>;
  /** Part ids from content/parts.yaml; when given, an assessment's `part` must be one of them. */
  partIds?: Set<string>;
}

function duplicateIds(ids: string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

/** Problems inside one question, each "question q3 → …". */
function checkQuestion(q: Question): string[] {
  const where = `question ${q.id}`;
  const out: string[] = [];
  switch (q.type) {
    case 'single-choice':
    case 'multiple-response': {
      for (const id of duplicateIds(q.options.map((o) => o.id))) out.push(`${where} → option id "${id}" is used twice`);
      const right = q.options.filter((o) => o.correct).length;
      if (right === 0) out.push(`${where} → no option is marked correct`);
      else if (q.type === 'single-choice' && right > 1)
        out.push(`${where} → ${right} options are marked correct; a single-choice question has exactly one (use multiple-response)`);
      else if (q.type === 'multiple-response' && right === q.options.length)
        out.push(`${where} → every option is marked correct; add at least one wrong option`);
      break;
    }
    case 'best-reply': {
      for (const id of duplicateIds(q.options.map((o) => o.id))) out.push(`${where} → reply id "${id}" is used twice`);
      for (const o of q.options)
        if (!(o.credit >= 0 && o.credit <= 1))
          out.push(`${where} → reply ${o.id} has credit ${o.credit}; credit must be between 0 and 1 (1 full, 0.5 half, 0 none)`);
      if (!q.options.some((o) => o.credit === 1)) out.push(`${where} → no reply has credit 1; mark the best reply with credit: 1`);
      break;
    }
    case 'ordering': {
      for (const id of duplicateIds(q.items.map((i) => i.id))) out.push(`${where} → item id "${id}" is used twice`);
      break;
    }
    case 'matching': {
      const leftIds = q.left.map((l) => l.id);
      const rightIds = q.right.map((r) => r.id);
      for (const id of duplicateIds(leftIds)) out.push(`${where} → left item id "${id}" is used twice`);
      for (const id of duplicateIds(rightIds)) out.push(`${where} → right item id "${id}" is used twice`);
      for (const id of leftIds.filter((id) => rightIds.includes(id)))
        out.push(`${where} → id "${id}" is used on both sides; left and right ids must differ`);
      for (const l of q.left)
        if (!rightIds.includes(l.match)) out.push(`${where} → left item ${l.id} matches unknown right item "${l.match}"`);
      for (const id of duplicateIds(q.left.map((l) => l.match)))
        out.push(`${where} → right item "${id}" is the match of more than one left item; each pair must be unique`);
      if (q.right.length < q.left.length)
        out.push(`${where} → has ${q.left.length} left items but only ${q.right.length} right items`);
      break;
    }
    case 'true-false':
      break;
  }
  return out;
}

/** Prompt or option text reduced to what a learner would recognise: no spaces, punctuation or case. */
export function normaliseText(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** The option texts of a question as one comparable key (sorted), or null for true/false. */
export function optionSetKey(q: Question): string | null {
  const texts =
    q.type === 'true-false'
      ? null
      : q.type === 'ordering'
        ? q.items.map((i) => i.text)
        : q.type === 'matching'
          ? [...q.left.map((l) => l.text), ...q.right.map((r) => r.text)]
          : q.options.map((o) => o.text);
  return texts ? texts.map(normaliseText).sort().join('\u0000') : null;
}

/** A pool item that repeats a practice item (same prompt, or same option set): "question q3 → …". */
function checkPoolAgainstBanks(pool: QuizPool, banks: readonly QuizBank[]): string[] {
  const prompts = new Map<string, string>();
  const optionSets = new Map<string, string>();
  for (const bank of banks)
    for (const q of bank.questions) {
      const where = `${bank.id}.${q.id}`;
      prompts.set(normaliseText(q.type === 'best-reply' ? q.customer + q.prompt : q.prompt), where);
      const key = optionSetKey(q);
      if (key !== null) optionSets.set(key, where);
    }
  const out: string[] = [];
  for (const q of pool.questions) {
    const samePrompt = prompts.get(normaliseText(q.type === 'best-reply' ? q.customer + q.prompt : q.prompt));
    if (samePrompt) out.push(`question ${q.id} → [pool-overlap] has the same prompt as practice item ${samePrompt}; a pool item must be new to the learner`);
    const key = optionSetKey(q);
    const sameOptions = key === null ? undefined : optionSets.get(key);
    if (sameOptions) out.push(`question ${q.id} → [pool-overlap] has the same options as practice item ${sameOptions}; a pool item must be new to the learner`);
  }
  return out;
}

/**
 * Checks zod cannot express (answers exist, ids unique…). Returns author-readable problems,
 * each "<where> → <reason>" without the file name (the caller prefixes it).
 */
export function checkQuiz(quiz: Quiz, context: QuizCheckContext): string[] {
  const out: string[] = [];
  const banks = context.quizzes.filter((q): q is QuizBank => q.kind === 'bank');
  const pools = context.quizzes.filter((q): q is QuizPool => q.kind === 'pool');
  if (quiz.kind === 'bank' || quiz.kind === 'pool') {
    if (!context.lessonIds.has(quiz.lesson))
      out.push(`lesson → unknown lesson "${quiz.lesson}" (no content/lessons/${quiz.lesson}.mdx)`);
    for (const id of duplicateIds(quiz.questions.map((q) => q.id))) out.push(`question ${id} → question id "${id}" is used twice`);
    for (const q of quiz.questions) out.push(...checkQuestion(q));
    if (quiz.kind === 'bank' && quiz.draw !== undefined && quiz.draw > quiz.questions.length)
      out.push(`draw → ${quiz.draw} questions per attempt, but the bank has only ${quiz.questions.length}`);
    if (quiz.kind === 'pool') out.push(...checkPoolAgainstBanks(quiz, banks));
    return out;
  }
  const seenPools = new Set<string>();
  quiz.draw.forEach((rule, i) => {
    if (rule.pool !== undefined) {
      if (banks.some((b) => b.id === rule.pool))
        out.push(`draw.${i}.pool → "${rule.pool}" is a practice bank; assessments draw only from assessment pools (kind: pool)`);
      else if (!pools.some((p) => p.id === rule.pool)) out.push(`draw.${i}.pool → unknown pool "${rule.pool}" (no quizzes/${rule.pool}.yaml with kind: pool)`);
      else if (seenPools.has(rule.pool)) out.push(`draw.${i}.pool → pool "${rule.pool}" is already drawn from by an earlier rule`);
      seenPools.add(rule.pool);
    } else if (rule.part !== undefined && rule.part !== 'all' && context.partIds && !context.partIds.has(rule.part)) {
      out.push(`draw.${i}.part → unknown part "${rule.part}" (not in content/parts.yaml; use a part id or all)`);
    }
  });
  return out;
}
