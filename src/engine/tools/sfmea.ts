/**
 * S03 SFMEA / RPN calculator. Pure: no DOM.
 *
 * STANDARD FMEA PRACTICE, NOT THE COURSE SEED (the seed names severity, occurrence, detection
 * difficulty and the RPN, but gives no scale or formula; course-outline.md §3.1):
 * - severity S, occurrence O and detection D are each rated 1–10; D is HIGH when a failure is
 *   HARD to detect before it reaches the customer;
 * - RPN = S × O × D (1–1,000);
 * - failure modes are ranked by RPN, highest first (ties: higher severity first, then the order
 *   the learner entered them);
 * - a failure with S ≥ 9 (harm, safety, legal or money loss to the customer) is flagged as a
 *   priority whatever its RPN: a rare, easily caught failure can still be one that must not happen;
 * - after a countermeasure the failure is re-scored, and the table shows before, after and the
 *   reduction. The ranking uses the CURRENT scores (after where re-scored), so what remains
 *   riskiest rises to the top; `sortBy: 'before'` ranks by the original analysis.
 * The words for each level of S, O and D are in src/i18n/zh-CN.tools.ts.
 */
import type { FmeaScores, SfmeaData, SfmeaPreset, SfmeaRow } from '../../schemas/tools.ts';
import { clampInt, labels, normaliseRows, toCsv, type CsvCell, type Cuts } from './shared.ts';
import type { ToolSummary } from './summary.ts';

/** Severity at or above which a failure is a priority whatever its RPN (standard FMEA practice). */
export const HIGH_SEVERITY = 9;
export const FMEA_MIN = 1;
export const FMEA_MAX = 10;

export const rpn = (s: FmeaScores) => s.s * s.o * s.d;
export const isHighSeverity = (s: FmeaScores) => s.s >= HIGH_SEVERITY;
/** The scores that count now: after the countermeasure where re-scored. */
export const currentScores = (row: SfmeaRow) => row.after ?? row.scores;

export interface SfmeaLine {
  row: SfmeaRow;
  /** 1-based rank in the sorted table. */
  rank: number;
  rpnBefore: number;
  /** null until re-scored. */
  rpnAfter: number | null;
  /** rpnBefore − rpnAfter (null until re-scored; negative if the re-score is worse). */
  reduction: number | null;
  /** The reduction as a whole percent of rpnBefore (rounded down), null until re-scored. */
  reductionPercent: number | null;
  /** S ≥ 9 on the current scores. */
  highSeverity: boolean;
}

/** The sorted table: RPN descending, then severity descending, then entry order. */
export function sfmeaTable(rows: readonly SfmeaRow[], options: { sortBy?: 'current' | 'before' } = {}): SfmeaLine[] {
  const scoresOf = (row: SfmeaRow) => (options.sortBy === 'before' ? row.scores : currentScores(row));
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => rpn(scoresOf(b.row)) - rpn(scoresOf(a.row)) || scoresOf(b.row).s - scoresOf(a.row).s || a.index - b.index)
    .map(({ row }, i) => {
      const before = rpn(row.scores);
      const after = row.after ? rpn(row.after) : null;
      return {
        row,
        rank: i + 1,
        rpnBefore: before,
        rpnAfter: after,
        reduction: after === null ? null : before - after,
        reductionPercent: after === null ? null : Math.floor(((before - after) * 100) / before),
        highSeverity: isHighSeverity(currentScores(row)),
      };
    });
}

/** Failure modes to act on first: every high-severity one, then the top `top` by RPN, without repeats, in table order. */
export function sfmeaPriorities(rows: readonly SfmeaRow[], top = 3): SfmeaLine[] {
  const table = sfmeaTable(rows);
  return table.filter((line) => line.highSeverity || line.rank <= top);
}

function scoresFrom(raw: unknown, fallback: FmeaScores): FmeaScores {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return { s: clampInt(r.s, FMEA_MIN, FMEA_MAX, fallback.s), o: clampInt(r.o, FMEA_MIN, FMEA_MAX, fallback.o), d: clampInt(r.d, FMEA_MIN, FMEA_MAX, fallback.d) };
}

/** Bounds and repairs raw SFMEA data (a stored copy, a paste): at most 50 rows, labels ≤ 200, scores clamped to 1–10 (missing: 5). */
export function normaliseSfmea(raw: unknown): { data: SfmeaData; cuts: Cuts } {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const preset = (['hotel-checkin', 'clinic-registration', 'ai-handoff'] as const).find((p) => p === r.preset) ?? null;
  const { rows, cuts } = normaliseRows<SfmeaRow>(r.rows, (row) => {
    const l = labels(row, ['step', 'failure', 'effect', 'countermeasure'] as const);
    const scores = scoresFrom(row.scores, { s: 5, o: 5, d: 5 });
    // Only an object is a re-score; anything else (a stray string, an array) is none.
    const after = typeof row.after === 'object' && row.after !== null && !Array.isArray(row.after) ? scoresFrom(row.after, scores) : null;
    return { row: { ...l.values, scores, after }, cuts: l.cuts };
  });
  return { data: { preset, rows }, cuts };
}

/** Sets one of S/O/D (before, or after the countermeasure) of a row; the value is clamped to 1–10. */
export function setScore(data: SfmeaData, id: string, which: 'scores' | 'after', key: keyof FmeaScores, value: number): SfmeaData {
  return {
    ...data,
    rows: data.rows.map((row) => {
      if (row.id !== id) return row;
      const base = which === 'after' ? (row.after ?? row.scores) : row.scores;
      return { ...row, [which]: { ...base, [key]: clampInt(value, FMEA_MIN, FMEA_MAX, base[key]) } };
    }),
  };
}

/** Starts the re-score of a row after its countermeasure (a copy of the current scores), or clears it (null). */
export function startRescore(data: SfmeaData, id: string, on: boolean): SfmeaData {
  return { ...data, rows: data.rows.map((row) => (row.id === id ? { ...row, after: on ? { ...row.scores } : null } : row)) };
}

/** A preset failure mode: ids of its words in the dictionary and its typical scores. */
interface PresetRow {
  id: string;
  scores: FmeaScores;
  after: FmeaScores;
}

/**
 * The presets from the course's industries. Scores are worked examples for the lesson (ours),
 * chosen so each preset shows the three lessons of the table: the top RPN, a high-severity
 * failure with a modest RPN, and a re-score after the countermeasure.
 */
export const SFMEA_PRESETS: Record<SfmeaPreset, readonly PresetRow[]> = {
  'hotel-checkin': [
    { id: 'h1', scores: { s: 6, o: 7, d: 4 }, after: { s: 6, o: 3, d: 3 } },
    { id: 'h2', scores: { s: 9, o: 2, d: 6 }, after: { s: 9, o: 1, d: 2 } },
    { id: 'h3', scores: { s: 5, o: 6, d: 7 }, after: { s: 5, o: 4, d: 3 } },
    { id: 'h4', scores: { s: 7, o: 4, d: 5 }, after: { s: 7, o: 2, d: 3 } },
  ],
  'clinic-registration': [
    { id: 'c1', scores: { s: 10, o: 2, d: 5 }, after: { s: 10, o: 1, d: 2 } },
    { id: 'c2', scores: { s: 6, o: 8, d: 3 }, after: { s: 6, o: 4, d: 2 } },
    { id: 'c3', scores: { s: 7, o: 5, d: 6 }, after: { s: 7, o: 3, d: 3 } },
    { id: 'c4', scores: { s: 4, o: 7, d: 2 }, after: { s: 4, o: 4, d: 2 } },
  ],
  'ai-handoff': [
    { id: 'a1', scores: { s: 7, o: 6, d: 7 }, after: { s: 7, o: 3, d: 3 } },
    { id: 'a2', scores: { s: 8, o: 5, d: 4 }, after: { s: 8, o: 2, d: 2 } },
    { id: 'a3', scores: { s: 9, o: 3, d: 8 }, after: { s: 9, o: 2, d: 3 } },
    { id: 'a4', scores: { s: 5, o: 7, d: 3 }, after: { s: 5, o: 4, d: 2 } },
  ],
};

/** The dictionary key of a preset row's word: `tools.sfmea.<preset>.<row>.<field>`. */
export const sfmeaPresetKey = (preset: SfmeaPreset, row: string, field: 'step' | 'failure' | 'effect' | 'countermeasure') =>
  `tools.sfmea.${preset}.${row}.${field}` as const;

/** A preset as the learner's starting data: its words from `word` (the zh-CN dictionary), not yet re-scored. */
export function sfmeaPreset(preset: SfmeaPreset, word: (key: string) => string): SfmeaData {
  return {
    preset,
    rows: SFMEA_PRESETS[preset].map((p) => ({
      id: p.id,
      step: word(sfmeaPresetKey(preset, p.id, 'step')),
      failure: word(sfmeaPresetKey(preset, p.id, 'failure')),
      effect: word(sfmeaPresetKey(preset, p.id, 'effect')),
      countermeasure: word(sfmeaPresetKey(preset, p.id, 'countermeasure')),
      scores: { ...p.scores },
      after: null,
    })),
  };
}

/** The worked re-score of a preset row (what the lesson's example shows), or null. */
export const presetAfter = (preset: SfmeaPreset, id: string) => SFMEA_PRESETS[preset].find((p) => p.id === id)?.after ?? null;

/** Column headings of the CSV, from the dictionary. */
export type SfmeaCsvHeader = readonly [rank: string, step: string, failure: string, effect: string, s: string, o: string, d: string, rpn: string, high: string, countermeasure: string, s2: string, o2: string, d2: string, rpn2: string, reduction: string];

/** The sorted table as CSV. */
export function sfmeaCsv(data: SfmeaData, header: SfmeaCsvHeader, yes: string): string {
  const rows: CsvCell[][] = sfmeaTable(data.rows).map((l) => [
    l.rank, l.row.step, l.row.failure, l.row.effect, l.row.scores.s, l.row.scores.o, l.row.scores.d, l.rpnBefore, l.highSeverity ? yes : '',
    l.row.countermeasure, l.row.after?.s, l.row.after?.o, l.row.after?.d, l.rpnAfter, l.reduction,
  ]);
  return toCsv(header, rows);
}

/** Done once at least one failure mode has been re-scored after its countermeasure. */
export function sfmeaSummary(data: SfmeaData): ToolSummary<'sfmea'> | null {
  if (data.rows.length === 0) return null;
  const current = data.rows.map(currentScores);
  return {
    done: data.rows.some((r) => r.after !== null),
    values: { maxRpn: Math.max(...current.map(rpn)), highSeverity: current.filter(isHighSeverity).length },
  };
}

