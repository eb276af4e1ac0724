/**
 * S01 pain-point worksheet: the steps of a service process with their minutes, flags (wait,
 * repeat, unnecessary) and severity 1–5 → a ranked problem map. Pure: no DOM.
 *
 * Ranking (the course's choice, to be stated in the lesson):
 *   score = severity × (1 + number of flags)     (1–20)
 * so a flag multiplies how much a step hurts, and a step with no flag still ranks by its
 * severity. Ties: more minutes first (a long step costs the customer more), then the order of
 * the steps. A step is a PROBLEM when it carries at least one flag or a severity of 4–5.
 */
import { STEP_MINUTES_MAX } from '../../schemas/tool-constants.ts';
import type { PainData, PainStep } from '../../schemas/tools.ts';
import { clampInt, clampNumber, labels, normaliseRows, toCsv, type CsvCell, type Cuts } from './shared.ts';
import type { ToolSummary } from './summary.ts';

export const PAIN_FLAGS = ['wait', 'repeat', 'unnecessary'] as const;
export type PainFlag = (typeof PAIN_FLAGS)[number];
/** Severity from which a step is a problem even without a flag. */
export const PROBLEM_SEVERITY = 4;

export const flagCount = (step: PainStep) => PAIN_FLAGS.filter((f) => step[f]).length;
export const painScore = (step: PainStep) => step.severity * (1 + flagCount(step));
export const isProblem = (step: PainStep) => flagCount(step) > 0 || step.severity >= PROBLEM_SEVERITY;

export interface PainLine {
  step: PainStep;
  /** 1-based position in the process. */
  position: number;
  /** 1-based rank in the problem map. */
  rank: number;
  score: number;
  flags: PainFlag[];
  problem: boolean;
}

/** Every step ranked: score descending, then minutes descending, then process order. */
export function problemMap(steps: readonly PainStep[]): PainLine[] {
  return steps
    .map((step, i) => ({ step, position: i + 1, score: painScore(step), flags: PAIN_FLAGS.filter((f) => step[f]), problem: isProblem(step) }))
    .sort((a, b) => b.score - a.score || b.step.minutes - a.step.minutes || a.position - b.position)
    .map((line, i) => ({ ...line, rank: i + 1 }));
}

export interface PainTotals {
  steps: number;
  minutes: number;
  /** Minutes of steps with at least one flag. */
  flaggedMinutes: number;
  /** Minutes per flag (a step with two flags counts in both). */
  byFlag: Record<PainFlag, number>;
  /** Steps that are problems. */
  problems: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function painTotals(steps: readonly PainStep[]): PainTotals {
  const sum = (list: readonly PainStep[]) => round1(list.reduce((n, s) => n + s.minutes, 0));
  return {
    steps: steps.length,
    minutes: sum(steps),
    flaggedMinutes: sum(steps.filter((s) => flagCount(s) > 0)),
    byFlag: { wait: sum(steps.filter((s) => s.wait)), repeat: sum(steps.filter((s) => s.repeat)), unnecessary: sum(steps.filter((s) => s.unnecessary)) },
    problems: steps.filter(isProblem).length,
  };
}

/** Bounds and repairs raw worksheet data: ≤ 50 steps, labels ≤ 200, minutes 0–1,440 (0.1 steps), severity 1–5 (missing: 3). */
export function normalisePain(raw: unknown): { data: PainData; cuts: Cuts } {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const { rows, cuts } = normaliseRows<PainStep>(r.steps, (row) => {
    const l = labels(row, ['label'] as const);
    return {
      row: {
        label: l.values.label,
        minutes: clampNumber(row.minutes, 0, STEP_MINUTES_MAX, 0),
        wait: row.wait === true,
        repeat: row.repeat === true,
        unnecessary: row.unnecessary === true,
        severity: clampInt(row.severity, 1, 5, 3),
      },
      cuts: l.cuts,
    };
  });
  return { data: { steps: rows }, cuts };
}

/** The hotel check-in preset (the S05 case starts from a 12-minute check-in): minutes, flags, severity; words in the dictionary. */
export const PAIN_PRESET: readonly Omit<PainStep, 'label'>[] = [
  { id: 'h1', minutes: 4, wait: true, repeat: false, unnecessary: false, severity: 4 },
  { id: 'h2', minutes: 2, wait: false, repeat: true, unnecessary: false, severity: 3 },
  { id: 'h3', minutes: 1.5, wait: false, repeat: false, unnecessary: true, severity: 2 },
  { id: 'h4', minutes: 2, wait: false, repeat: false, unnecessary: false, severity: 2 },
  { id: 'h5', minutes: 1, wait: false, repeat: false, unnecessary: true, severity: 1 },
  { id: 'h6', minutes: 1.5, wait: true, repeat: false, unnecessary: false, severity: 3 },
];
export const painPresetKey = (id: string) => `tools.pain.hotel-checkin.${id}` as const;
export const painPreset = (word: (key: string) => string): PainData => ({ steps: PAIN_PRESET.map((s) => ({ ...s, label: word(painPresetKey(s.id)) })) });

export type PainCsvHeader = readonly [rank: string, position: string, step: string, minutes: string, wait: string, repeat: string, unnecessary: string, severity: string, score: string];

/** The problem map as CSV (flags as the `yes` word or empty). */
export function painCsv(data: PainData, header: PainCsvHeader, yes: string): string {
  const rows: CsvCell[][] = problemMap(data.steps).map((l) => [l.rank, l.position, l.step.label, l.step.minutes, l.step.wait ? yes : '', l.step.repeat ? yes : '', l.step.unnecessary ? yes : '', l.step.severity, l.score]);
  return toCsv(header, rows);
}

/** Done with three steps or more recorded (a process, not a single complaint). */
export const PAIN_DONE_STEPS = 3;
export function painSummary(data: PainData): ToolSummary<'painpoints'> | null {
  if (data.steps.length === 0) return null;
  const t = painTotals(data.steps);
  return { done: t.steps >= PAIN_DONE_STEPS, values: { problems: t.problems, flaggedMinutes: Math.round(t.flaggedMinutes) } };
}
