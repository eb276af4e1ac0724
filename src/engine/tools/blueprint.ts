/**
 * S04 service-blueprint layer sorter: the activities of a process, in order, each put in one of
 * four layers, fail points marked → the hand-offs between layers, and a check against the answer
 * key of a preset. Pure: no DOM.
 *
 * Layers, top to bottom, and the lines between them (standard blueprint practice):
 *   customer | line of interaction | front stage | line of visibility | back stage |
 *   line of internal interaction | support.
 * A HAND-OFF is a pair of consecutive activities in different layers (an unsorted activity breaks
 * the chain: no hand-off is computed across it); it crosses every line between the two layers.
 * The check gives each activity two decisions, its layer and fail point yes/no, so the score is
 * the share of the 2 × n decisions that match the key (rounded down).
 */
import { BLUEPRINT_LAYER_IDS } from '../../schemas/tool-constants.ts';
import type { BlueprintActivity, BlueprintData, BlueprintLayer, BlueprintPreset } from '../../schemas/tools.ts';
import { labels, normaliseRows, toCsv, type CsvCell, type Cuts } from './shared.ts';
import type { ToolSummary } from './summary.ts';

export const BLUEPRINT_LAYERS = BLUEPRINT_LAYER_IDS;
export const BLUEPRINT_LINES = ['interaction', 'visibility', 'internal'] as const;
export type BlueprintLine = (typeof BLUEPRINT_LINES)[number];

const depth = (layer: BlueprintLayer) => BLUEPRINT_LAYERS.indexOf(layer);

/** The lines between two layers, top to bottom (line i lies between layer i and layer i + 1). */
export function linesBetween(a: BlueprintLayer, b: BlueprintLayer): BlueprintLine[] {
  const [top, bottom] = [Math.min(depth(a), depth(b)), Math.max(depth(a), depth(b))];
  return BLUEPRINT_LINES.slice(top, bottom);
}

export interface Handoff {
  from: BlueprintActivity;
  to: BlueprintActivity;
  lines: BlueprintLine[];
  /** It crosses the line of visibility (between what the customer sees and what they do not). */
  crossesVisibility: boolean;
}

export function handoffs(activities: readonly BlueprintActivity[]): Handoff[] {
  const out: Handoff[] = [];
  for (let i = 1; i < activities.length; i += 1) {
    const from = activities[i - 1] as BlueprintActivity;
    const to = activities[i] as BlueprintActivity;
    if (!from.layer || !to.layer || from.layer === to.layer) continue;
    const lines = linesBetween(from.layer, to.layer);
    out.push({ from, to, lines, crossesVisibility: lines.includes('visibility') });
  }
  return out;
}

/** Activities per layer, in process order. */
export function byLayer(activities: readonly BlueprintActivity[]): Record<BlueprintLayer | 'unsorted', BlueprintActivity[]> {
  const out = { customer: [], front: [], back: [], support: [], unsorted: [] } as Record<BlueprintLayer | 'unsorted', BlueprintActivity[]>;
  for (const a of activities) out[a.layer ?? 'unsorted'].push(a);
  return out;
}

/** The learner's layer for an activity (null clears it). */
export const setLayer = (data: BlueprintData, id: string, layer: BlueprintLayer | null): BlueprintData => ({
  ...data,
  activities: data.activities.map((a) => (a.id === id ? { ...a, layer } : a)),
});
export const setFailPoint = (data: BlueprintData, id: string, failPoint: boolean): BlueprintData => ({
  ...data,
  activities: data.activities.map((a) => (a.id === id ? { ...a, failPoint } : a)),
});

export interface KeyEntry {
  layer: BlueprintLayer;
  failPoint: boolean;
}

/** The presets in process order, with their answer key. Words in the dictionary. */
export const BLUEPRINT_PRESETS: Record<BlueprintPreset, readonly (KeyEntry & { id: string })[]> = {
  'hotel-checkin': [
    { id: 'h1', layer: 'customer', failPoint: false },
    { id: 'h2', layer: 'front', failPoint: false },
    { id: 'h3', layer: 'support', failPoint: true },
    { id: 'h4', layer: 'back', failPoint: true },
    { id: 'h5', layer: 'front', failPoint: false },
    { id: 'h6', layer: 'customer', failPoint: false },
    { id: 'h7', layer: 'back', failPoint: false },
    { id: 'h8', layer: 'front', failPoint: true },
  ],
  'clinic-registration': [
    { id: 'c1', layer: 'customer', failPoint: false },
    { id: 'c2', layer: 'front', failPoint: true },
    { id: 'c3', layer: 'support', failPoint: true },
    { id: 'c4', layer: 'front', failPoint: false },
    { id: 'c5', layer: 'customer', failPoint: false },
    { id: 'c6', layer: 'back', failPoint: true },
    { id: 'c7', layer: 'front', failPoint: false },
  ],
};
export const blueprintPresetKey = (preset: BlueprintPreset, id: string) => `tools.blueprint.${preset}.${id}` as const;

/** A preset to sort: its activities in order, none sorted, no fail point marked. */
export const blueprintPreset = (preset: BlueprintPreset, word: (key: string) => string): BlueprintData => ({
  preset,
  activities: BLUEPRINT_PRESETS[preset].map((k) => ({ id: k.id, label: word(blueprintPresetKey(preset, k.id)), layer: null, failPoint: false })),
});

export interface BlueprintCheck {
  /** Per activity of the key: the learner's layer right, fail-point mark right. */
  items: { id: string; layerRight: boolean; failPointRight: boolean; expected: KeyEntry }[];
  layersRight: number;
  failPointsFound: number;
  failPointsMissed: number;
  /** Marked but not fail points in the key. */
  failPointsExtra: number;
  /** Share of the 2 × n decisions right, 0–100, rounded down. */
  percent: number;
}

/**
 * Checks a sorted preset against its key (activities matched by id; one the learner deleted counts
 * as wrong on both decisions, one the learner added is not scored). Null for the learner's own process.
 */
export function checkBlueprint(data: BlueprintData): BlueprintCheck | null {
  if (!data.preset) return null;
  const mine = new Map(data.activities.map((a) => [a.id, a]));
  const items = BLUEPRINT_PRESETS[data.preset].map((k) => {
    const a = mine.get(k.id);
    return { id: k.id, layerRight: a?.layer === k.layer, failPointRight: a !== undefined && a.failPoint === k.failPoint, expected: { layer: k.layer, failPoint: k.failPoint } };
  });
  const key = BLUEPRINT_PRESETS[data.preset];
  const failPointsFound = key.filter((k) => k.failPoint && mine.get(k.id)?.failPoint === true).length;
  const right = items.reduce((n, i) => n + Number(i.layerRight) + Number(i.failPointRight), 0);
  return {
    items,
    layersRight: items.filter((i) => i.layerRight).length,
    failPointsFound,
    failPointsMissed: key.filter((k) => k.failPoint).length - failPointsFound,
    failPointsExtra: key.filter((k) => !k.failPoint && mine.get(k.id)?.failPoint === true).length,
    percent: Math.floor((right * 100) / (2 * items.length)),
  };
}

/** Bounds raw blueprint data: ≤ 50 activities, labels ≤ 200, unknown layer → unsorted, unknown preset → own process. */
export function normaliseBlueprint(raw: unknown): { data: BlueprintData; cuts: Cuts } {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const preset = (['hotel-checkin', 'clinic-registration'] as const).find((p) => p === r.preset) ?? null;
  const { rows, cuts } = normaliseRows<BlueprintActivity>(r.activities, (row) => {
    const l = labels(row, ['label'] as const);
    return { row: { label: l.values.label, layer: BLUEPRINT_LAYERS.find((x) => x === row.layer) ?? null, failPoint: row.failPoint === true }, cuts: l.cuts };
  });
  return { data: { preset, activities: rows }, cuts };
}

export type BlueprintCsvHeader = readonly [position: string, activity: string, layer: string, failPoint: string, handoffNext: string];

/** The blueprint as CSV in process order: layer name, fail point, and the lines crossed to the next activity. */
export function blueprintCsv(data: BlueprintData, header: BlueprintCsvHeader, words: { layer: (l: BlueprintLayer) => string; line: (l: BlueprintLine) => string; yes: string }): string {
  const next = new Map(handoffs(data.activities).map((h) => [h.from.id, h.lines]));
  const rows: CsvCell[][] = data.activities.map((a, i) => [i + 1, a.label, a.layer ? words.layer(a.layer) : '', a.failPoint ? words.yes : '', (next.get(a.id) ?? []).map(words.line).join(' / ')]);
  return toCsv(header, rows);
}

/** Done when every activity is sorted. Headline: the check's percent (null for the learner's own process). */
export function blueprintSummary(data: BlueprintData): ToolSummary<'blueprint'> | null {
  if (data.activities.length === 0) return null;
  return { done: data.activities.every((a) => a.layer !== null), values: { percent: checkBlueprint(data)?.percent ?? null } };
}
