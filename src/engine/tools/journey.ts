/**
 * S02 customer-journey map: P07's five stages (认知 → 评估 → 购买 → 体验 → 忠诚), touchpoints per
 * stage with an emotion −2…+2 → an emotion curve (the mean per stage) and the lowest points.
 * Pure: no DOM.
 *
 * - A stage without touchpoints has no curve point (mean null): the curve is drawn through the
 *   stages that have one, and the empty stages are listed so the learner sees the gap.
 * - The lowest points are the touchpoints with the lowest emotion, ALL of them when several
 *   share it (ties kept, in stage then entry order); the lowest stages likewise.
 */
import { JOURNEY_STAGE_IDS, TOOL_ROWS_MAX } from '../../schemas/tool-constants.ts';
import type { JourneyData, JourneyStage, Touchpoint } from '../../schemas/tools.ts';
import { addCuts, boundLabel, clampInt, labels, normaliseRows, noCuts, toCsv, type CsvCell, type Cuts } from './shared.ts';
import type { ToolSummary } from './summary.ts';

export const JOURNEY_STAGES = JOURNEY_STAGE_IDS;
/** Most touchpoints per stage (5 × 10 = the tools' 50-row bound). */
export const TOUCHPOINTS_PER_STAGE_MAX = TOOL_ROWS_MAX / JOURNEY_STAGES.length;

export interface CurvePoint {
  stage: JourneyStage;
  /** 1-based stage number. */
  position: number;
  count: number;
  /** Mean emotion −2…+2, null when the stage has no touchpoint. */
  mean: number | null;
}

/** Touchpoints in stage order (stage, then entry order). */
export const inStageOrder = (touchpoints: readonly Touchpoint[]) =>
  JOURNEY_STAGES.flatMap((stage) => touchpoints.filter((t) => t.stage === stage));

export function emotionCurve(touchpoints: readonly Touchpoint[]): CurvePoint[] {
  return JOURNEY_STAGES.map((stage, i) => {
    const mine = touchpoints.filter((t) => t.stage === stage);
    return { stage, position: i + 1, count: mine.length, mean: mine.length ? mine.reduce((n, t) => n + t.emotion, 0) / mine.length : null };
  });
}

/** Stages with no touchpoint. */
export const emptyStages = (touchpoints: readonly Touchpoint[]) => emotionCurve(touchpoints).filter((p) => p.count === 0).map((p) => p.stage);

/** The touchpoints with the lowest emotion, ties kept, in stage order; [] when there are none. */
export function lowestTouchpoints(touchpoints: readonly Touchpoint[]): Touchpoint[] {
  if (touchpoints.length === 0) return [];
  const min = Math.min(...touchpoints.map((t) => t.emotion));
  return inStageOrder(touchpoints).filter((t) => t.emotion === min);
}

/** The stages with the lowest mean, ties kept (means compared to 1e-9), in stage order. */
export function lowestStages(touchpoints: readonly Touchpoint[]): CurvePoint[] {
  const points = emotionCurve(touchpoints).filter((p) => p.mean !== null);
  if (points.length === 0) return [];
  const min = Math.min(...points.map((p) => p.mean as number));
  return points.filter((p) => (p.mean as number) - min < 1e-9);
}

/** Bounds raw journey data: labels ≤ 200, emotion clamped −2…+2 (missing: 0), unknown stage → awareness, ≤ 10 per stage, ≤ 50 in all. */
export function normaliseJourney(raw: unknown): { data: JourneyData; cuts: Cuts } {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const persona = boundLabel(r.persona);
  const all = Array.isArray(r.touchpoints) ? (r.touchpoints as unknown[]) : [];
  // Per-stage bound first (so a 500-touchpoint paste into one stage leaves room for the others), then the overall bound.
  const perStage = new Map<JourneyStage, number>();
  let dropped = 0;
  const kept = all.filter((t) => {
    const stageRaw = typeof t === 'object' && t !== null ? (t as Record<string, unknown>).stage : undefined;
    const stage = JOURNEY_STAGES.find((s) => s === stageRaw) ?? 'awareness';
    const n = perStage.get(stage) ?? 0;
    if (n >= TOUCHPOINTS_PER_STAGE_MAX) {
      dropped += 1;
      return false;
    }
    perStage.set(stage, n + 1);
    return true;
  });
  const { rows, cuts } = normaliseRows<Touchpoint>(kept, (row) => {
    const l = labels(row, ['label'] as const);
    return {
      row: { stage: JOURNEY_STAGES.find((s) => s === row.stage) ?? 'awareness', label: l.values.label, emotion: clampInt(row.emotion, -2, 2, 0) },
      cuts: l.cuts,
    };
  });
  return { data: { persona: persona.value, touchpoints: rows }, cuts: addCuts(addCuts(cuts, persona.cuts), { ...noCuts(), rowsDropped: dropped }) };
}

/** The hotel-stay preset (P32-like): a business traveller's journey, words in the dictionary. */
export const JOURNEY_PRESET: readonly Omit<Touchpoint, 'label'>[] = [
  { id: 't1', stage: 'awareness', emotion: 1 },
  { id: 't2', stage: 'evaluation', emotion: 0 },
  { id: 't3', stage: 'evaluation', emotion: -1 },
  { id: 't4', stage: 'purchase', emotion: 1 },
  { id: 't5', stage: 'experience', emotion: -2 },
  { id: 't6', stage: 'experience', emotion: 2 },
  { id: 't7', stage: 'experience', emotion: -2 },
  { id: 't8', stage: 'loyalty', emotion: 0 },
];
export const journeyPresetKey = (id: string) => `tools.journey.hotel.${id}` as const;
export const journeyPreset = (word: (key: string) => string): JourneyData => ({
  persona: word('tools.journey.hotel.persona'),
  touchpoints: JOURNEY_PRESET.map((t) => ({ ...t, label: word(journeyPresetKey(t.id)) })),
});

export type JourneyCsvHeader = readonly [stage: string, touchpoint: string, emotion: string, stageMean: string, lowest: string];

/** The map as CSV, in stage order: stage name (from `stageName`), touchpoint, emotion, the stage's mean (2 decimals), lowest mark. */
export function journeyCsv(data: JourneyData, header: JourneyCsvHeader, stageName: (s: JourneyStage) => string, yes: string): string {
  const curve = new Map(emotionCurve(data.touchpoints).map((p) => [p.stage, p.mean]));
  const lowest = new Set(lowestTouchpoints(data.touchpoints).map((t) => t.id));
  const rows: CsvCell[][] = inStageOrder(data.touchpoints).map((t) => [
    stageName(t.stage), t.label, t.emotion, Math.round((curve.get(t.stage) ?? 0) * 100) / 100, lowest.has(t.id) ? yes : '',
  ]);
  return toCsv(header, rows);
}

/** Done when every one of the five stages has a touchpoint. Headline: the first lowest stage (1–5) and the touchpoint count. */
export function journeySummary(data: JourneyData): ToolSummary<'journey'> | null {
  if (data.touchpoints.length === 0) return null;
  return {
    done: emptyStages(data.touchpoints).length === 0,
    values: { lowestStage: lowestStages(data.touchpoints)[0]?.position ?? null, touchpoints: data.touchpoints.length },
  };
}

/** Whether a touchpoint can be added to `stage`: at most TOUCHPOINTS_PER_STAGE_MAX there and TOOL_ROWS_MAX in all. */
export const canAddTouchpoint = (touchpoints: readonly Touchpoint[], stage: JourneyStage) =>
  touchpoints.length < TOOL_ROWS_MAX && touchpoints.filter((t) => t.stage === stage).length < TOUCHPOINTS_PER_STAGE_MAX;

/**
 * Moves a touchpoint one place up or down among the touchpoints of its own stage (within a stage
 * the array order is the display order); the same array when it cannot move.
 */
export function moveTouchpoint(touchpoints: readonly Touchpoint[], id: string, direction: 'up' | 'down'): readonly Touchpoint[] {
  const i = touchpoints.findIndex((t) => t.id === id);
  if (i < 0) return touchpoints;
  const stage = (touchpoints[i] as Touchpoint).stage;
  const sameStage = touchpoints.flatMap((t, k) => (t.stage === stage ? [k] : []));
  const at = sameStage.indexOf(i);
  const j = sameStage[direction === 'up' ? at - 1 : at + 1];
  if (j === undefined) return touchpoints;
  const out = [...touchpoints];
  [out[i], out[j]] = [out[j] as Touchpoint, out[i] as Touchpoint];
  return out;
}
