/**
 * S06 impact–effort sorter: problem cards, each given an impact on customer satisfaction and an
 * effort to solve (high / low, set by buttons or selects: never drag-only) → the four quadrants,
 * with the "do first" and "plan" lists the seed names. Pure: no DOM.
 *
 * Axes as the seed's quadrant names imply (course-outline.md §3.3): impact across (right = high),
 * effort down (top = low effort). So top-right = high impact, low effort = DO FIRST (quick wins);
 * bottom-right = high impact, high effort = PLAN (structural problems, planned at the same time);
 * top-left = low impact, low effort = FILL-IN (when there is spare capacity); bottom-left = low
 * impact, high effort = PARK. Every list keeps the cards' own order (stable), so moving one card
 * never reshuffles the others.
 */
import { LEVEL_IDS } from '../../schemas/tool-constants.ts';
import type { ImpactCard, ImpactData, Level } from '../../schemas/tools.ts';
import { labels, normaliseRows, toCsv, type CsvCell, type Cuts } from './shared.ts';
import type { ToolSummary } from './summary.ts';

export const QUADRANTS = ['do-first', 'plan', 'fill-in', 'park'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/** Where each quadrant sits on the matrix (for the islands' grid and the print layout). */
export const QUADRANT_PLACE: Record<Quadrant, { impact: Level; effort: Level; row: 'top' | 'bottom'; column: 'left' | 'right' }> = {
  'do-first': { impact: 'high', effort: 'low', row: 'top', column: 'right' },
  plan: { impact: 'high', effort: 'high', row: 'bottom', column: 'right' },
  'fill-in': { impact: 'low', effort: 'low', row: 'top', column: 'left' },
  park: { impact: 'low', effort: 'high', row: 'bottom', column: 'left' },
};

/** The quadrant of a card, or null while its impact or effort is unset. */
export function quadrantOf(card: Pick<ImpactCard, 'impact' | 'effort'>): Quadrant | null {
  if (!card.impact || !card.effort) return null;
  return QUADRANTS.find((q) => QUADRANT_PLACE[q].impact === card.impact && QUADRANT_PLACE[q].effort === card.effort) ?? null;
}

/** The cards of each quadrant and the unplaced ones, each list in the cards' order. */
export function sortIntoQuadrants(cards: readonly ImpactCard[]): Record<Quadrant | 'unplaced', ImpactCard[]> {
  const out: Record<Quadrant | 'unplaced', ImpactCard[]> = { 'do-first': [], plan: [], 'fill-in': [], park: [], unplaced: [] };
  for (const card of cards) out[quadrantOf(card) ?? 'unplaced'].push(card);
  return out;
}

export const doFirst = (cards: readonly ImpactCard[]) => sortIntoQuadrants(cards)['do-first'];
export const toPlan = (cards: readonly ImpactCard[]) => sortIntoQuadrants(cards).plan;

/** Sets a card's impact or effort (null clears it). */
export function setLevel(data: ImpactData, id: string, axis: 'impact' | 'effort', level: Level | null): ImpactData {
  return { ...data, cards: data.cards.map((c) => (c.id === id ? { ...c, [axis]: level } : c)) };
}

/** Puts a card straight into a quadrant (sets both levels), or back to unplaced with null. */
export function placeCard(data: ImpactData, id: string, quadrant: Quadrant | null): ImpactData {
  const levels = quadrant ? { impact: QUADRANT_PLACE[quadrant].impact, effort: QUADRANT_PLACE[quadrant].effort } : { impact: null, effort: null };
  return { ...data, cards: data.cards.map((c) => (c.id === id ? { ...c, ...levels } : c)) };
}

/** Adds cards (e.g. from the self-check's weakest items) whose id is not there yet, up to the row bound; returns how many did not fit. */
export function addCards(data: ImpactData, cards: readonly ImpactCard[], max = 50): { data: ImpactData; notAdded: number } {
  const have = new Set(data.cards.map((c) => c.id));
  const fresh = cards.filter((c) => !have.has(c.id));
  const room = Math.max(0, max - data.cards.length);
  return { data: { ...data, cards: [...data.cards, ...fresh.slice(0, room)] }, notAdded: Math.max(0, fresh.length - room) };
}

/** Bounds raw data: ≤ 50 cards, labels ≤ 200, unknown levels → unset. */
export function normaliseImpact(raw: unknown): { data: ImpactData; cuts: Cuts } {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const level = (v: unknown) => LEVEL_IDS.find((l) => l === v) ?? null;
  const { rows, cuts } = normaliseRows<ImpactCard>(r.cards, (row) => {
    const l = labels(row, ['label'] as const);
    return { row: { label: l.values.label, impact: level(row.impact), effort: level(row.effort) }, cuts: l.cuts };
  });
  return { data: { cards: rows }, cuts };
}

/** The preset case (a restaurant's problems, P31-like): ids and where the lesson's worked answer puts them. Words in the dictionary. */
export const IMPACT_PRESET: readonly { id: string; answer: Quadrant }[] = [
  { id: 'k1', answer: 'do-first' },
  { id: 'k2', answer: 'plan' },
  { id: 'k3', answer: 'do-first' },
  { id: 'k4', answer: 'park' },
  { id: 'k5', answer: 'fill-in' },
  { id: 'k6', answer: 'plan' },
];
export const impactPresetKey = (id: string) => `tools.impact.restaurant.${id}` as const;
export const impactPreset = (word: (key: string) => string): ImpactData => ({
  cards: IMPACT_PRESET.map((p) => ({ id: p.id, label: word(impactPresetKey(p.id)), impact: null, effort: null })),
});

export type ImpactCsvHeader = readonly [quadrant: string, card: string, impact: string, effort: string];

/** The matrix as CSV: do first, plan, fill-in, park, then unplaced; each in card order. */
export function impactCsv(data: ImpactData, header: ImpactCsvHeader, words: { quadrant: (q: Quadrant | 'unplaced') => string; level: (l: Level) => string }): string {
  const q = sortIntoQuadrants(data.cards);
  const rows: CsvCell[][] = ([...QUADRANTS, 'unplaced'] as const).flatMap((name) =>
    q[name].map((c) => [words.quadrant(name), c.label, c.impact ? words.level(c.impact) : '', c.effort ? words.level(c.effort) : '']),
  );
  return toCsv(header, rows);
}

/** Done when there are cards and every one is placed. Headline: the sizes of "do first" and "plan". */
export function impactSummary(data: ImpactData): ToolSummary<'impact'> | null {
  if (data.cards.length === 0) return null;
  const q = sortIntoQuadrants(data.cards);
  return { done: q.unplaced.length === 0, values: { doFirst: q['do-first'].length, plan: q.plan.length } };
}
