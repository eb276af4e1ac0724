import { z } from 'zod';
import {
  ASSESSED_BY_IDS, BLUEPRINT_LAYER_IDS, BLUEPRINT_PRESET_IDS, JOURNEY_STAGE_IDS, LEVEL_IDS, SELF_CHECK_ITEM_ID, SFMEA_PRESET_IDS, STEP_MINUTES_MAX, TOOL_IDS,
  TOOL_LABEL_MAX, TOOL_ROWS_MAX,
} from './tool-constants.ts';

/**
 * The saved data of the Part 8 workplace tools (S01–S06, issue 17): what each tool keeps in
 * browser storage (see the storage decision in src/engine/tools/index.ts). Every shape is
 * bounded (rows, label length) and holds text only: pasted HTML is kept as plain text and is
 * never rendered as markup. The engine (src/engine/tools/) bounds raw input to these limits and
 * reports what it cut; these schemas reject anything that slipped past it when stored data is read.
 */

// The bounds and id lists live in tool-constants.ts (no zod: the islands load them).
export { STEP_MINUTES_MAX, TOOL_LABEL_MAX, TOOL_ROWS_MAX } from './tool-constants.ts';

/** The seven tools, in summary order (src/engine/tools/summary.ts). Never reorder: the LMS summary depends on it. */
export const toolIdSchema = z.enum(TOOL_IDS);
export type ToolId = z.infer<typeof toolIdSchema>;

/** A row id inside one tool: short, lower-case, made by the engine (`r1`, `r2`…) or a preset. */
export const rowIdSchema = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,23}$/, 'must be a short lower-case id such as r1');
/** A label typed or pasted by the learner: plain text, bounded. */
export const toolLabelSchema = z.string().max(TOOL_LABEL_MAX * 2).refine((s) => Array.from(s).length <= TOOL_LABEL_MAX, `at most ${TOOL_LABEL_MAX} characters`);

const rows = <T extends z.ZodType>(row: T) =>
  z
    .array(row)
    .max(TOOL_ROWS_MAX)
    .refine((list) => new Set(list.map((r) => (r as { id: string }).id)).size === list.length, 'row ids must be unique');

// ---------------------------------------------------------------------------------------------
// S03 SFMEA / RPN (standard FMEA practice, not the course seed: see src/engine/tools/sfmea.ts).

/** A 1–10 rating of severity, occurrence or detection difficulty. */
export const fmeaRatingSchema = z.number().int().min(1).max(10);
export const fmeaScoresSchema = z.object({ s: fmeaRatingSchema, o: fmeaRatingSchema, d: fmeaRatingSchema });
export type FmeaScores = z.infer<typeof fmeaScoresSchema>;

export const sfmeaPresetSchema = z.enum(SFMEA_PRESET_IDS);
export type SfmeaPreset = z.infer<typeof sfmeaPresetSchema>;

export const sfmeaRowSchema = z.object({
  id: rowIdSchema,
  /** The process step (component) the failure belongs to. */
  step: toolLabelSchema,
  /** The failure mode: what goes wrong. */
  failure: toolLabelSchema,
  /** Its effect on the customer. */
  effect: toolLabelSchema,
  scores: fmeaScoresSchema,
  /** The countermeasure planned or taken ('' while none). */
  countermeasure: toolLabelSchema,
  /** The scores after the countermeasure (null until re-scored). */
  after: fmeaScoresSchema.nullable(),
});
export type SfmeaRow = z.infer<typeof sfmeaRowSchema>;

export const sfmeaDataSchema = z.object({
  /** The preset it started from, or null for the learner's own workplace. */
  preset: sfmeaPresetSchema.nullable(),
  rows: rows(sfmeaRowSchema),
});
export type SfmeaData = z.infer<typeof sfmeaDataSchema>;

// ---------------------------------------------------------------------------------------------
// S01 pain-point worksheet.

export const painSeveritySchema = z.number().int().min(1).max(5);
export const painStepSchema = z.object({
  id: rowIdSchema,
  label: toolLabelSchema,
  /** Minutes the step takes the customer (0–1,440, whole or decimal). */
  minutes: z.number().min(0).max(STEP_MINUTES_MAX),
  wait: z.boolean(),
  repeat: z.boolean(),
  unnecessary: z.boolean(),
  severity: painSeveritySchema,
});
export type PainStep = z.infer<typeof painStepSchema>;
export const painDataSchema = z.object({ steps: rows(painStepSchema) });
export type PainData = z.infer<typeof painDataSchema>;

// ---------------------------------------------------------------------------------------------
// S02 customer journey map: P07's five stages 认知 → 评估 → 购买 → 体验 → 忠诚.

export const journeyStageSchema = z.enum(JOURNEY_STAGE_IDS);
export type JourneyStage = z.infer<typeof journeyStageSchema>;
/** Emotion at a touchpoint, −2 (very negative) … +2 (very positive). */
export const emotionSchema = z.number().int().min(-2).max(2);
export const touchpointSchema = z.object({ id: rowIdSchema, stage: journeyStageSchema, label: toolLabelSchema, emotion: emotionSchema });
export type Touchpoint = z.infer<typeof touchpointSchema>;
export const journeyDataSchema = z.object({
  /** Who the map is for (the persona and scenario), '' while unset. */
  persona: toolLabelSchema,
  touchpoints: rows(touchpointSchema),
});
export type JourneyData = z.infer<typeof journeyDataSchema>;

// ---------------------------------------------------------------------------------------------
// S04 service blueprint layer sorter.

/** The four layers, top to bottom, separated by the lines of interaction, visibility and internal interaction. */
export const blueprintLayerSchema = z.enum(BLUEPRINT_LAYER_IDS);
export type BlueprintLayer = z.infer<typeof blueprintLayerSchema>;
export const blueprintPresetSchema = z.enum(BLUEPRINT_PRESET_IDS);
export type BlueprintPreset = z.infer<typeof blueprintPresetSchema>;
export const blueprintActivitySchema = z.object({
  id: rowIdSchema,
  label: toolLabelSchema,
  /** The layer the learner put it in (null: not yet sorted). */
  layer: blueprintLayerSchema.nullable(),
  /** The learner marks it as a fail point. */
  failPoint: z.boolean(),
});
export type BlueprintActivity = z.infer<typeof blueprintActivitySchema>;
export const blueprintDataSchema = z.object({
  preset: blueprintPresetSchema.nullable(),
  /** In process order: a hand-off is between consecutive activities. */
  activities: rows(blueprintActivitySchema),
});
export type BlueprintData = z.infer<typeof blueprintDataSchema>;

// ---------------------------------------------------------------------------------------------
// S06 120-item self-check (4 checkpoints × P01–P30).

/** A checkpoint id: p01.1 … p30.4. Item text is content; the engine works on ids. */
export const selfCheckItemIdSchema = z.string().regex(SELF_CHECK_ITEM_ID, 'must look like p01.1 … p30.4');
/** 是 = 2, 部分 = 1, 否 = 0. */
export const selfCheckAnswerSchema = z.union([z.literal(0), z.literal(1), z.literal(2)]);
export type SelfCheckAnswer = z.infer<typeof selfCheckAnswerSchema>;
export const assessedBySchema = z.enum(ASSESSED_BY_IDS);
export type AssessedBy = z.infer<typeof assessedBySchema>;
export const selfCheckDataSchema = z.object({
  /** Who assessed (null until chosen). */
  assessedBy: assessedBySchema.nullable(),
  /** Answers by item id; an unanswered item is absent. */
  answers: z.record(selfCheckItemIdSchema, selfCheckAnswerSchema),
});
export type SelfCheckData = z.infer<typeof selfCheckDataSchema>;

// ---------------------------------------------------------------------------------------------
// S06 impact–effort sorter.

export const levelSchema = z.enum(LEVEL_IDS);
export type Level = z.infer<typeof levelSchema>;
export const impactCardSchema = z.object({
  id: rowIdSchema,
  label: toolLabelSchema,
  impact: levelSchema.nullable(),
  effort: levelSchema.nullable(),
});
export type ImpactCard = z.infer<typeof impactCardSchema>;
export const impactDataSchema = z.object({ cards: rows(impactCardSchema) });
export type ImpactData = z.infer<typeof impactDataSchema>;

// ---------------------------------------------------------------------------------------------
// S06 four-phase roadmap.

/** Phases 1–4: months 1–3, 4–9, 10–18, 18+. */
export const roadmapPhaseSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type RoadmapPhase = z.infer<typeof roadmapPhaseSchema>;
export const roadmapActionSchema = z.object({ id: rowIdSchema, label: toolLabelSchema, phase: roadmapPhaseSchema });
export type RoadmapAction = z.infer<typeof roadmapActionSchema>;
/** Actions in display order: within a phase, the order of the array. */
export const roadmapDataSchema = z.object({ actions: rows(roadmapActionSchema) });
export type RoadmapData = z.infer<typeof roadmapDataSchema>;

/** The saved data of each tool, by tool id (what the persistence layer validates on read). */
export const toolDataSchemas = {
  painpoints: painDataSchema,
  journey: journeyDataSchema,
  sfmea: sfmeaDataSchema,
  blueprint: blueprintDataSchema,
  selfcheck: selfCheckDataSchema,
  impact: impactDataSchema,
  roadmap: roadmapDataSchema,
} as const satisfies Record<ToolId, z.ZodType>;
export type ToolData = { [T in ToolId]: z.infer<(typeof toolDataSchemas)[T]> };

// ---------------------------------------------------------------------------------------------
// The self-check's item text (content/self-check.yaml): course content, written per pitfall.

export const selfCheckItemSchema = z.object({
  /** p01.1 … p30.4: never renumbered (learners' answers are stored by it). */
  id: selfCheckItemIdSchema,
  /** One checkable statement about the organisation, answered 是 / 部分 / 否. */
  text: z.string().trim().min(8, 'at least 8 characters').max(80, 'at most 80 characters: one checkable statement'),
});
export type SelfCheckItem = z.infer<typeof selfCheckItemSchema>;

export const selfCheckItemsFileSchema = z
  .object({
    title: z.string().trim().min(2),
    intro: z.string().trim().min(10),
    items: z.array(selfCheckItemSchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `"${item.id}" appears twice` });
      seen.add(item.id);
    });
    for (let p = 1; p <= 30; p++)
      for (let k = 1; k <= 4; k++) {
        const id = `p${String(p).padStart(2, '0')}.${k}`;
        if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: ['items'], message: `checkpoint ${id} is missing: the self-check has exactly 4 per pitfall P01–P30` });
      }
    const texts = new Map<string, string>();
    file.items.forEach((item, i) => {
      const other = texts.get(item.text);
      if (other) ctx.addIssue({ code: 'custom', path: ['items', i, 'text'], message: `same text as ${other}` });
      texts.set(item.text, item.id);
    });
  });
export type SelfCheckItemsFile = z.infer<typeof selfCheckItemsFileSchema>;
