/**
 * S06 120-item self-check: 4 checkpoints for each of P01–P30 (Parts 1–6), answered 是 / 部分 / 否
 * (2 / 1 / 0 points) → percentages per pitfall, per part and in total, a heat-map band for each,
 * and the weakest items for the impact–effort sorter. Pure: no DOM. Item TEXT is content (later);
 * the engine works on ids p01.1 … p30.4.
 *
 * - Unanswered items are kept apart: a percentage is points / (2 × ANSWERED items), never counting
 *   a blank as 否, and is null when nothing in the group is answered. The counts of answered and
 *   unanswered items go with every score, so a 100 % on 1 item of 4 reads as such.
 * - Percentages are rounded DOWN to whole numbers, and the band is read from that whole number,
 *   so what the learner sees and its colour always agree (79.9 % shows as 79 %, amber).
 * - Bands (the course's choice, not the seed's; state it in the lesson): ≥ 80 % green,
 *   50–79 % amber, < 50 % red.
 * - "Assessed by" (management discussion, staff interviews, customer-feedback data, mystery
 *   shopper: the seed's four methods) is recorded with the answers and shown with the result.
 */
import { ASSESSED_BY_IDS, SELF_CHECK_ITEM_ID } from '../../schemas/tool-constants.ts';
import type { ImpactCard, SelfCheckAnswer, SelfCheckData } from '../../schemas/tools.ts';
import { toCsv, type CsvCell, type Cuts, noCuts } from './shared.ts';
import type { ToolSummary } from './summary.ts';

export const PITFALL_COUNT = 30;
export const ITEMS_PER_PITFALL = 4;
export const ANSWER_POINTS_MAX = 2;
/** Band thresholds (ours): percent ≥ GREEN_FROM is green, ≥ AMBER_FROM amber, below it red. */
export const GREEN_FROM = 80;
export const AMBER_FROM = 50;

export type Band = 'green' | 'amber' | 'red';

/** The first pitfall of each of Parts 1–6 (P01, P07, P11, P16, P21, P26); a part runs to the next one's start. */
export const PART_STARTS = [1, 7, 11, 16, 21, 26] as const;
export const PARTS = [1, 2, 3, 4, 5, 6] as const;
export type SelfCheckPart = (typeof PARTS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
/** Pitfall ids p01 … p30. */
export const PITFALLS = Array.from({ length: PITFALL_COUNT }, (_, i) => `p${pad(i + 1)}`);
/** All 120 item ids, in order. */
export const SELF_CHECK_ITEMS = PITFALLS.flatMap((p) => Array.from({ length: ITEMS_PER_PITFALL }, (_, k) => `${p}.${k + 1}`));

/** The part (1–6) of a pitfall number 1–30. */
export function partOf(pitfall: number): SelfCheckPart {
  let part = 1;
  PART_STARTS.forEach((start, i) => {
    if (pitfall >= start) part = i + 1;
  });
  return part as SelfCheckPart;
}
const pitfallNumber = (id: string) => Number(id.slice(1, 3));

export function band(percent: number | null): Band | null {
  if (percent === null) return null;
  return percent >= GREEN_FROM ? 'green' : percent >= AMBER_FROM ? 'amber' : 'red';
}

export interface GroupScore {
  answered: number;
  unanswered: number;
  points: number;
  /** Whole percent of the answered items' points, rounded down; null when nothing is answered. */
  percent: number | null;
  band: Band | null;
}

function group(ids: readonly string[], answers: Readonly<Record<string, SelfCheckAnswer>>): GroupScore {
  const given = ids.filter((id) => Object.hasOwn(answers, id)).map((id) => answers[id] as SelfCheckAnswer);
  const points = given.reduce<number>((n, a) => n + a, 0);
  const percent = given.length ? Math.floor((points * 100) / (ANSWER_POINTS_MAX * given.length)) : null;
  return { answered: given.length, unanswered: ids.length - given.length, points, percent, band: band(percent) };
}

export interface SelfCheckResult {
  /** Per pitfall, P01–P30; `unit` is the lesson id to link to. */
  pitfalls: (GroupScore & { pitfall: string; unit: string; part: SelfCheckPart })[];
  parts: (GroupScore & { part: SelfCheckPart })[];
  total: GroupScore;
}

export function selfCheckResult(data: SelfCheckData): SelfCheckResult {
  const itemsOf = (pitfall: string) => SELF_CHECK_ITEMS.filter((id) => id.startsWith(`${pitfall}.`));
  return {
    pitfalls: PITFALLS.map((pitfall) => ({ pitfall, unit: pitfall.toUpperCase(), part: partOf(pitfallNumber(pitfall)), ...group(itemsOf(pitfall), data.answers) })),
    parts: PARTS.map((part) => ({ part, ...group(SELF_CHECK_ITEMS.filter((id) => partOf(pitfallNumber(id)) === part), data.answers) })),
    total: group(SELF_CHECK_ITEMS, data.answers),
  };
}

/** Sets (or, with null, clears) one answer. An unknown id changes nothing. */
export function setAnswer(data: SelfCheckData, id: string, answer: SelfCheckAnswer | null): SelfCheckData {
  if (!SELF_CHECK_ITEMS.includes(id)) return data;
  const answers = { ...data.answers };
  if (answer === null) delete answers[id];
  else answers[id] = answer;
  return { ...data, answers };
}

/**
 * The weakest answered items: 否 before 部分 (是 is never weak), then the item whose pitfall
 * scores lower, then item order. At most `max`.
 */
export function weakestItems(data: SelfCheckData, max = 10): string[] {
  const result = selfCheckResult(data);
  const pitfallPercent = new Map(result.pitfalls.map((p) => [p.pitfall, p.percent ?? 100]));
  // No `x as T < y` here: the build's TypeScript transform prints it without the parentheses and then cannot parse it.
  const below = (answer: SelfCheckAnswer | undefined) => answer !== undefined && answer < ANSWER_POINTS_MAX;
  return SELF_CHECK_ITEMS.filter((id) => Object.hasOwn(data.answers, id) && below(data.answers[id]))
    .map((id, order) => ({ id, order, answer: data.answers[id] as SelfCheckAnswer, pitfall: pitfallPercent.get(id.slice(0, 3)) ?? 100 }))
    .sort((a, b) => a.answer - b.answer || a.pitfall - b.pitfall || a.order - b.order)
    .slice(0, max)
    .map((x) => x.id);
}

/** Impact–effort cards from the weakest items (ids kept, so a card links back to its checkpoint), not yet placed. */
export function cardsFromWeakest(data: SelfCheckData, label: (itemId: string) => string, max = 10): ImpactCard[] {
  return weakestItems(data, max).map((id) => ({ id, label: label(id), impact: null, effort: null }));
}

/** Keeps the known item ids with a 0/1/2 answer and a known "assessed by"; what it dropped is reported as rows. */
export function normaliseSelfCheck(raw: unknown): { data: SelfCheckData; cuts: Cuts } {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const rawAnswers = typeof r.answers === 'object' && r.answers !== null ? (r.answers as Record<string, unknown>) : {};
  const answers: Record<string, SelfCheckAnswer> = {};
  let dropped = 0;
  for (const [id, value] of Object.entries(rawAnswers)) {
    if (SELF_CHECK_ITEM_ID.test(id) && (value === 0 || value === 1 || value === 2)) answers[id] = value;
    else dropped += 1;
  }
  const assessedBy = ASSESSED_BY_IDS.find((a) => a === r.assessedBy) ?? null;
  return { data: { assessedBy, answers }, cuts: { ...noCuts(), rowsDropped: dropped } };
}

export type SelfCheckCsvHeader = readonly [level: string, id: string, answered: string, unanswered: string, percent: string, band: string];

/** The heat map as CSV: a row per pitfall, per part, and the total (percent empty when nothing is answered). */
export function selfCheckCsv(data: SelfCheckData, header: SelfCheckCsvHeader, words: { pitfall: string; part: (p: SelfCheckPart) => string; total: string; band: (b: Band) => string }): string {
  const r = selfCheckResult(data);
  const line = (level: string, id: string, g: GroupScore): CsvCell[] => [level, id, g.answered, g.unanswered, g.percent, g.band ? words.band(g.band) : ''];
  const rows = [
    ...r.pitfalls.map((p) => line(words.pitfall, p.unit, p)),
    ...r.parts.map((p) => line(words.part(p.part), String(p.part), p)),
    line(words.total, '', r.total),
  ];
  return toCsv(header, rows);
}

/** Done when all 120 items are answered and "assessed by" is chosen. */
export function selfCheckSummary(data: SelfCheckData): ToolSummary<'selfcheck'> | null {
  const r = selfCheckResult(data);
  if (r.total.answered === 0) return null;
  const part = (n: number) => r.parts[n]?.percent ?? null;
  return {
    done: r.total.unanswered === 0 && data.assessedBy !== null,
    values: { total: r.total.percent, answered: r.total.answered, part1: part(0), part2: part(1), part3: part(2), part4: part(3), part5: part(4), part6: part(5) },
  };
}

/** One part's result as a SCORM 2004 objective (the description is worded by the LMS layer from the dictionary). */
export interface SelfCheckObjective {
  /** e.g. "S06.check.part1": a safe identifier in every LMS, beside A2's "A2.self.<dimension>". */
  id: string;
  part: SelfCheckPart;
  /** Every item of the part is answered. */
  complete: boolean;
  /** Percent of the answered items (0–100), null while none is answered. */
  score: number | null;
  answered: number;
}

/** The per-part objectives, a part from its first answered item on (none before), in part order. */
export function selfCheckObjectives(data: SelfCheckData): SelfCheckObjective[] {
  return selfCheckResult(data).parts.flatMap((p) =>
    p.answered === 0 ? [] : [{ id: `S06.check.part${p.part}`, part: p.part, complete: p.unanswered === 0, score: p.percent, answered: p.answered }],
  );
}

/**
 * The per-part result as one short text for SCORM 1.2 (an interaction's response, CMIFeedback ≤ 255):
 * the six part percentages then the total, comma-separated, '' where nothing is answered —
 * e.g. "87,55,,100,0,49,62". At most 27 characters.
 */
export function selfCheckCompact(data: SelfCheckData): string {
  const r = selfCheckResult(data);
  return [...r.parts.map((p) => p.percent), r.total.percent].map((n) => (n === null ? '' : String(n))).join(',');
}
