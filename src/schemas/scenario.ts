import { z } from 'zod';
import { industrySchema, slugIdSchema } from './common.ts';
import { COMPLAINT_STEPS, CRITICAL_KINDS, OUTCOMES } from './scenario-vocabulary.ts';

export { BEST_OUTCOME, COMPLAINT_STEPS, CRITICAL_KINDS, END, OUTCOMES } from './scenario-vocabulary.ts';

/**
 * A role-play in `scenarios/*.yaml`: a conversation graph of customer lines (nodes) and learner
 * replies (choices). Replies record facts (`sets`/`clears`); lines, variants, replies, branches,
 * endings and debrief paragraphs may depend on them (`requires`/`unless`). A reply with
 * `next: end` ends the conversation and the endings' `when` rules pick the ending. See
 * scenarios/README.md for a walk-through. Rules zod cannot express (reachability, facts true on
 * every path, ending rules without gap or overlap, the standard's lints) are checked by the
 * content check (src/engine/scenario/graph.ts and scripts/content/scenario-lints.ts).
 */

/** Node, choice and ending ids: short, stable, unique within the scenario (n1, c3, e-loyal). */
export const localIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must start with a letter and use lower-case letters, digits and hyphens (e.g. n3, c12, e-loyal)')
  .max(24, 'keep ids short (≤ 24 characters): learner state stores them');

/** The complaint model's four steps (倾听 → 表达理解 → 提供解决方案 → 跟进反馈), in model order. */
export const complaintStepSchema = z.enum(COMPLAINT_STEPS);

/** Endings from best to worst: 挽回并成为忠实客户 / 问题解决 / 升级投诉 / 客户流失. */
export const outcomeSchema = z.enum(OUTCOMES);

/** Chinese characters and the punctuation set with them (full-width forms, “”, —, …). */
const CJK_GAP = /(?<=[\u2014\u2018-\u201d\u2026\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+(?=[\u2014\u2018-\u201d\u2026\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])/g;

/**
 * A required text field; messages say what is wrong in words an author understands. Long
 * texts may be wrapped in YAML (`>-`): the spaces the wrap leaves between two Chinese
 * characters are removed, spaces next to Latin letters and digits are kept.
 */
const text = (min: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text (quote it if YAML reads it as something else)') })
    .min(min, `must be at least ${min} character${min > 1 ? 's' : ''}`)
    .transform((value) => value.replace(CJK_GAP, ''));

const point = z.number().int().min(0, 'points are 0, 1 or 2').max(2, 'points are 0, 1 or 2');

/**
 * Points a reply earns on the five rubric dimensions (course-outline.md §4.5a): 0, 1 or 2 each;
 * a dimension left out earns 0. Withhold points for a poor reply; the mood change is the penalty.
 */
export const pointsSchema = z
  .strictObject({
    /** 响应速度: acknowledges promptly, gives a time expectation, acts before the customer chases. Default 0. */
    response: point.default(0),
    /** 专业度: correct, complete information; resolves or escalates with an owner and a deadline. Default 0. */
    professionalism: point.default(0),
    /** 记忆力: uses the history in the brief; never makes the customer repeat themselves. Default 0. */
    memory: point.default(0),
    /** 主动性: does something useful nobody asked for (anticipates, offers, follows up). Default 0. */
    proactivity: point.default(0),
    /** 情感共鸣: names or acknowledges the feeling, adapts tone, de-escalates. Default 0. */
    empathy: point.default(0),
  })
  .default({ response: 0, professionalism: 0, memory: 0, proactivity: 0, empathy: 0 });

/** A fact id: lower-case words joined by _ or - (refund_done, visit-booked). */
export const factIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*([_-][a-z0-9]+)*$/, 'fact ids use lower-case letters, digits, _ and - (e.g. refund_done)')
  .max(32, 'keep fact ids short (≤ 32 characters)');

const factList = z.array(factIdSchema).default([]);

/** `requires` (all must hold) / `unless` (none may hold): what must have happened for this to show. */
const conditionFields = {
  /** Facts that must all hold. Default: none. */
  requires: factList,
  /** Facts none of which may hold. Default: none. */
  unless: factList,
};

/** A mood- or fact-dependent detour: after the reply, the first branch whose conditions all hold wins. */
export const branchSchema = z
  .strictObject({
    ...conditionFields,
    /** Applies when the mood (0–100) after this reply is at least this value. */
    moodAtLeast: z.number().int().min(0).max(100).optional(),
    /** Applies when the mood after this reply is below this value. */
    moodBelow: z.number().int().min(1).max(100).optional(),
    /** Node id the conversation goes to when the branch applies, or `end`. */
    next: localIdSchema,
  })
  .refine((b) => b.moodAtLeast !== undefined || b.moodBelow !== undefined || b.requires.length > 0 || b.unless.length > 0, {
    message: 'a branch needs a condition (requires, unless, moodAtLeast or moodBelow); otherwise use the choice’s next',
  });

/** One reply the learner can give. */
export const choiceSchema = z.strictObject({
  /** Stable id, unique in the whole scenario (it is stored in the learner's path): c1, c2… */
  id: localIdSchema,
  /** What the learner says, as spoken words (or a bracketed action such as “（把汤端走）”). */
  text: text(2),
  /** Change of the customer's mood (−50…+50; mood runs 0–100, 100 = calm and satisfied). Default 0. */
  mood: z.number().int().min(-50).max(50).default(0),
  /** Rubric points this reply earns. Default: none. */
  points: pointsSchema,
  /** The complaint-model step this reply performs, when it performs one. */
  step: complaintStepSchema.optional(),
  /** Marks a plausible-sounding but wrong reply; the debrief labels it as a trap. Default false. */
  tempting: z.boolean().default(false),
  /**
   * A breach that caps the play: it cannot pass and cannot reach the best (loyal) ending.
   * compliance · false-promise · blame · privacy. Its feedback says why; it earns no points.
   */
  critical: z.enum(CRITICAL_KINDS).optional(),
  /** Coaching feedback shown in the debrief: why this reply helps or hurts, naming the dimensions it moved. */
  feedback: text(2),
  /** Facts this reply makes true (declared under the scenario's `facts`). Default: none. */
  sets: factList,
  /** Facts this reply makes false again. Default: none. */
  clears: factList,
  /** The reply is offered only when these conditions hold (facts before the reply). */
  ...conditionFields,
  /** Node id the conversation goes to, or `end` to end it (the endings' `when` rules pick the ending). */
  next: localIdSchema,
  /** Optional mood/fact-dependent detours, checked in order before `next`. Default: none. */
  branches: z.array(branchSchema).default([]),
});

/** Who speaks a line of a node. */
export const speakerSchema = z.enum(['customer', 'colleague', 'narrator']);

/** One line of a node; a plain string is the customer speaking. */
export const lineSchema = z.union([
  text(1),
  z.strictObject({
    /** customer (default), colleague (named in `colleague`) or narrator (a stage direction). */
    speaker: speakerSchema.default('customer'),
    /** What is said or what happens. */
    text: text(1),
    /** The line is shown only when these conditions hold. */
    ...conditionFields,
  }),
]);

type LineInput = z.infer<typeof lineSchema>;
const normaliseLines = (lines: LineInput[]) =>
  lines.map((line) => (typeof line === 'string' ? { speaker: 'customer' as const, text: line, requires: [], unless: [] } : line));

const linesSchema = z.array(lineSchema).min(1, 'a node needs at least one line').transform(normaliseLines);

/** A version of a node for some facts: the first variant whose conditions hold replaces the node's emotion and lines. */
export const variantSchema = z.strictObject({
  ...conditionFields,
  /** Emotion label in this variant; default: the node's. */
  emotion: text(1).optional(),
  /** The lines of this variant (same form as a node's lines). */
  lines: linesSchema,
});

/** A point in the conversation: what the customer (or a colleague) says, then the learner replies. */
export const nodeSchema = z.strictObject({
  /** Stable id, unique in the scenario: n1, n2… */
  id: localIdSchema,
  /** How the customer comes across here, as a short label (e.g. 又急又气); shown next to their line. */
  emotion: text(1).optional(),
  /** What is said, in order; plain strings are the customer. Normalised to `{ speaker, text, requires, unless }`. */
  lines: linesSchema,
  /** Fact-dependent versions of this node, checked in order; the first that holds replaces emotion and lines. */
  variants: z.array(variantSchema).default([]),
  /** The replies on offer (at least one; usually three, one of them tempting but wrong). */
  choices: z.array(choiceSchema).default([]),
  /**
   * Seconds the learner has to reply (responsiveness); the learner can extend it tenfold or turn
   * it off. Requires `timeout`. Default: untimed.
   */
  timeLimit: z.number().int().min(10).max(300).optional(),
  /** The reply taken automatically when the time runs out (not shown as a button). */
  timeout: choiceSchema.optional(),
});

/** When an ending applies: conditions over the terminal state (omitted = any). */
export const endingRuleSchema = z
  .strictObject({
    /** true: only plays with a critical reply; false: only plays without. */
    critical: z.boolean().optional(),
    ...conditionFields,
    /** Mood (0–100) at the end is at least this value. */
    moodAtLeast: z.number().int().min(0).max(100).optional(),
    /** Mood at the end is below this value. */
    moodBelow: z.number().int().min(1).max(100).optional(),
  });

/** One debrief paragraph, shown when its conditions hold on the path that reached the ending. */
export const debriefParagraphSchema = z.strictObject({
  text: text(4),
  ...conditionFields,
  /** true: shown only after a critical reply; false: only when there was none. */
  critical: z.boolean().optional(),
});

/** How the conversation ends, with the debrief the learner reads afterwards. */
export const endingSchema = z.strictObject({
  /** Stable id, unique in the scenario and distinct from node ids: e-loyal, e-lost… */
  id: localIdSchema,
  /** 挽回并成为忠实客户 (loyal) / 问题解决 (resolved) / 升级投诉 (escalated) / 客户流失 (lost). */
  outcome: outcomeSchema,
  /** Short title of what happened, e.g. 周先生留下来了. */
  title: text(2),
  /** The closing moment: what the customer says or does. */
  text: text(2),
  /**
   * Which terminal states end here (facts, critical, mood): one rule, or a list of rules of which
   * any may match. Every reachable terminal state must match exactly one ending. Default: any.
   */
  when: z
    .union([endingRuleSchema, z.array(endingRuleSchema).min(1, 'list at least one rule, or leave when out')])
    .default({ requires: [], unless: [] })
    .transform((w) => (Array.isArray(w) ? w : [w])),
  /**
   * Why the conversation ended here and what to take away: one text true on every path into the
   * ending, or paragraphs with conditions. Normalised to a list of paragraphs.
   */
  debrief: z
    .union([text(4), z.array(debriefParagraphSchema).min(1, 'a debrief needs at least one paragraph')])
    .transform((d) => (typeof d === 'string' ? [{ text: d, requires: [], unless: [] }] : d)),
});

/** The customer the learner talks to. */
export const personaSchema = z.strictObject({
  /** How the learner addresses them, e.g. 周先生. */
  name: text(1),
  /** Who they are, one or two sentences. */
  about: text(2),
  /** Starting mood 0–100 (100 = calm and satisfied); course-outline.md suggests one per premise. */
  mood: z.number().int().min(0).max(100),
});

/** A colleague who may speak in the conversation (speaker: colleague). */
export const colleagueSchema = z.strictObject({
  /** Name or form of address, e.g. 调度小林. */
  name: text(1),
  /** Their job, e.g. 装维调度. */
  role: text(1),
});

/** Pass rule (course-outline.md §4.5a); all thresholds are configurable per scenario. */
export const passRuleSchema = z
  .strictObject({
    /** Minimum normalised total 0–100. Default 70. */
    total: z.number().int().min(0).max(100).default(70),
    /** Minimum normalised score on every dimension. Default 40. */
    dimension: z.number().int().min(0).max(100).default(40),
  })
  .default({ total: 70, dimension: 40 });

/** A role-play conversation in `scenarios/*.yaml`. */
export const scenarioSchema = z.strictObject({
  /** Stable id, referenced by a lesson's `scenario` field; the file is named after it. */
  id: slugIdSchema,
  /** Title shown above the role-play. */
  title: text(2),
  /** One or two sentences for the practice list and the LMS description. */
  summary: text(10),
  /** Industry tag (course-outline.md §0.2). */
  industry: industrySchema,
  /** Honest minutes for one play including the debrief. */
  minutes: z.number().int().min(3).max(30),
  /** Listed on the practice page (practice.html) with its own page. Default false (lesson role-play). */
  practice: z.boolean().default(false),
  /** The learner's role, e.g. 营业厅前台工作人员. */
  role: text(2),
  /** The customer. */
  persona: personaSchema,
  /** A colleague who speaks in some nodes, if any. */
  colleague: colleagueSchema.optional(),
  /** What the learner is told before starting: the situation, in the second person. */
  brief: text(10),
  /**
   * What the learner can see on file (previous contacts, promises, preferences); shown during
   * the play. Replies that use it earn 记忆力 points. Default: nothing on file.
   */
  known: z.array(text(2)).default([]),
  /**
   * The facts replies may record, each with what it means (for authors): `refund_done: 已经办理了退款`.
   * Every fact must be set by some reply and used by some condition. Default: none.
   */
  facts: z.record(factIdSchema, text(2)).default({}),
  /** Pass rule; default total ≥ 70 and every dimension ≥ 40 (plus an ending of 问题解决 or better). */
  pass: passRuleSchema,
  /** Id of the first node. */
  start: localIdSchema,
  /** The conversation nodes. */
  nodes: z.array(nodeSchema).min(1),
  /** The endings (at least one; usually three or four with different outcomes). */
  endings: z.array(endingSchema).min(1),
});

/** A scenario after parsing (defaults filled in, lines normalised). */
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioNode = z.infer<typeof nodeSchema>;
export type ScenarioChoice = z.infer<typeof choiceSchema>;
export type ScenarioEnding = z.infer<typeof endingSchema>;
export type ScenarioLine = ScenarioNode['lines'][number];
export type ScenarioVariant = z.infer<typeof variantSchema>;
export type ScenarioBranch = z.infer<typeof branchSchema>;
export type EndingRule = z.infer<typeof endingRuleSchema>;
export type DebriefParagraph = z.infer<typeof debriefParagraphSchema>;
export type ComplaintStep = z.infer<typeof complaintStepSchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type CriticalKind = (typeof CRITICAL_KINDS)[number];
/** Anything that can carry `requires`/`unless`. */
export interface Condition {
  requires: readonly string[];
  unless: readonly string[];
}
