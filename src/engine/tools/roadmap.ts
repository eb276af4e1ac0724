/**
 * S06 four-phase roadmap planner: chosen actions placed in the seed's four phases (months 1–3,
 * 4–9, 10–18, 18+) and ordered within them, moved by keyboard operations (pure functions the
 * islands bind to buttons and keys; never drag-only). Pure: no DOM.
 *
 * moveAction(data, id, to):
 * - a phase 1–4: to the end of that phase (no change if it is already there);
 * - 'earlier' / 'later': to the end of the previous / next phase;
 * - 'up' / 'down': one place within its phase; from the top of a phase 'up' goes to the end of
 *   the previous phase, from the bottom 'down' to the start of the next one, so repeated presses
 *   walk an action through the whole plan. At the very start or end nothing changes.
 * A move that changes nothing returns the same object, so the island can say "already first".
 * The array is kept in plan order (phase, then position), which is also the order of the CSV.
 */
import { ROADMAP_PHASE_IDS, TOOL_ROWS_MAX } from '../../schemas/tool-constants.ts';
import type { ImpactData, RoadmapAction, RoadmapData, RoadmapPhase } from '../../schemas/tools.ts';
import { quadrantOf } from './impact.ts';
import { boundLabel, labels, nextRowId, normaliseRows, toCsv, type CsvCell, type Cuts } from './shared.ts';
import type { ToolSummary } from './summary.ts';

export const PHASES = [...ROADMAP_PHASE_IDS] as RoadmapPhase[];
/** The months of each phase (the seed's table); `to` null = open-ended (18+). */
export const PHASE_MONTHS: Record<RoadmapPhase, { from: number; to: number | null }> = {
  1: { from: 1, to: 3 },
  2: { from: 4, to: 9 },
  3: { from: 10, to: 18 },
  4: { from: 18, to: null },
};
/** More actions than this in one phase draws a warning (a phase is a few months of one team's work). */
export const PHASE_CROWDED = 8;

export type MoveTarget = RoadmapPhase | 'up' | 'down' | 'earlier' | 'later';

export function byPhase(actions: readonly RoadmapAction[]): Record<RoadmapPhase, RoadmapAction[]> {
  const out: Record<RoadmapPhase, RoadmapAction[]> = { 1: [], 2: [], 3: [], 4: [] };
  for (const a of actions) out[a.phase].push(a);
  return out;
}

const flatten = (phases: Record<RoadmapPhase, RoadmapAction[]>): RoadmapAction[] => PHASES.flatMap((p) => phases[p].map((a) => (a.phase === p ? a : { ...a, phase: p })));

export function moveAction(data: RoadmapData, id: string, to: MoveTarget): RoadmapData {
  const action = data.actions.find((a) => a.id === id);
  if (!action) return data;
  const phases = byPhase(data.actions);
  const from = action.phase;
  const list = phases[from];
  const index = list.findIndex((a) => a.id === id);
  const without = () => {
    list.splice(index, 1);
  };
  if (typeof to === 'number') {
    if (to === from || !PHASES.includes(to)) return data;
    without();
    phases[to].push(action);
  } else if (to === 'earlier' || to === 'later') {
    const target = (from + (to === 'earlier' ? -1 : 1)) as RoadmapPhase;
    if (!PHASES.includes(target)) return data;
    without();
    phases[target].push(action);
  } else if (to === 'up') {
    if (index > 0) {
      list.splice(index - 1, 2, action, list[index - 1] as RoadmapAction);
    } else {
      if (from === 1) return data;
      without();
      phases[(from - 1) as RoadmapPhase].push(action);
    }
  } else {
    if (index < list.length - 1) {
      list.splice(index, 2, list[index + 1] as RoadmapAction, action);
    } else {
      if (from === 4) return data;
      without();
      phases[(from + 1) as RoadmapPhase].unshift(action);
    }
  }
  return { ...data, actions: flatten(phases) };
}

/** Adds an action at the end of a phase (label bounded); unchanged, with `full`, at the row bound. */
export function addAction(data: RoadmapData, label: string, phase: RoadmapPhase): { data: RoadmapData; full: boolean; cuts: Cuts } {
  const bounded = boundLabel(label);
  if (data.actions.length >= TOOL_ROWS_MAX) return { data, full: true, cuts: bounded.cuts };
  const phases = byPhase(data.actions);
  phases[phase].push({ id: nextRowId(data.actions), label: bounded.value, phase });
  return { data: { ...data, actions: flatten(phases) }, full: false, cuts: bounded.cuts };
}

export const removeAction = (data: RoadmapData, id: string): RoadmapData => ({ ...data, actions: data.actions.filter((a) => a.id !== id) });

/**
 * Starting actions from the impact–effort matrix: "do first" cards into phase 1 (quick wins),
 * "plan" cards into phase 2 (standards and capability), in card order; ids kept.
 */
export function actionsFromImpact(impact: ImpactData): RoadmapData {
  const phaseOf = (q: ReturnType<typeof quadrantOf>): RoadmapPhase | null => (q === 'do-first' ? 1 : q === 'plan' ? 2 : null);
  const actions = impact.cards.flatMap((c) => {
    const phase = phaseOf(quadrantOf(c));
    return phase ? [{ id: c.id, label: c.label, phase }] : [];
  });
  return { actions: flatten(byPhase(actions)) };
}

export type RoadmapIssue =
  | { level: 'error'; code: 'empty-label'; id: string }
  | { level: 'error'; code: 'duplicate-label'; id: string; of: string }
  | { level: 'warning'; code: 'phase1-empty' }
  | { level: 'warning'; code: 'phase-crowded'; phase: RoadmapPhase; count: number };

/**
 * What to fix before the plan is usable (errors: an action without words, the same action twice)
 * and what to reconsider (warnings: nothing in phase 1 although later phases have actions — the
 * seed starts with urgent fixes and quick wins; a phase with more than PHASE_CROWDED actions).
 */
export function validateRoadmap(data: RoadmapData): RoadmapIssue[] {
  const issues: RoadmapIssue[] = [];
  const seen = new Map<string, string>();
  for (const a of data.actions) {
    const key = a.label.trim().toLowerCase();
    if (key === '') issues.push({ level: 'error', code: 'empty-label', id: a.id });
    else if (seen.has(key)) issues.push({ level: 'error', code: 'duplicate-label', id: a.id, of: seen.get(key) as string });
    else seen.set(key, a.id);
  }
  const phases = byPhase(data.actions);
  if (data.actions.length > 0 && phases[1].length === 0) issues.push({ level: 'warning', code: 'phase1-empty' });
  for (const p of PHASES) if (phases[p].length > PHASE_CROWDED) issues.push({ level: 'warning', code: 'phase-crowded', phase: p, count: phases[p].length });
  return issues;
}

/** Bounds raw data: ≤ 50 actions, labels ≤ 200, unknown phase → 1; kept in plan order. */
export function normaliseRoadmap(raw: unknown): { data: RoadmapData; cuts: Cuts } {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const { rows, cuts } = normaliseRows<RoadmapAction>(r.actions, (row) => {
    const l = labels(row, ['label'] as const);
    return { row: { label: l.values.label, phase: PHASES.find((p) => p === row.phase) ?? 1 }, cuts: l.cuts };
  });
  return { data: { actions: flatten(byPhase(rows)) }, cuts };
}

export type RoadmapCsvHeader = readonly [phase: string, months: string, order: string, action: string];

/** The plan as CSV: phase name, its months (e.g. "1–3", "18+"), position in the phase, action. */
export function roadmapCsv(data: RoadmapData, header: RoadmapCsvHeader, phaseName: (p: RoadmapPhase) => string): string {
  const phases = byPhase(data.actions);
  const months = (p: RoadmapPhase) => {
    const m = PHASE_MONTHS[p];
    return m.to === null ? `${m.from}+` : `${m.from}–${m.to}`;
  };
  const rows: CsvCell[][] = PHASES.flatMap((p) => phases[p].map((a, i) => [phaseName(p), months(p), i + 1, a.label]));
  return toCsv(header, rows);
}

/** Done when there is an action and no error. Headline: actions, and the phases used as a bit mask (phase n = 2^(n−1)). */
export function roadmapSummary(data: RoadmapData): ToolSummary<'roadmap'> | null {
  if (data.actions.length === 0) return null;
  const phases = byPhase(data.actions);
  return {
    done: !validateRoadmap(data).some((i) => i.level === 'error'),
    values: { actions: data.actions.length, phases: PHASES.reduce((mask, p) => mask | (phases[p].length ? 1 << (p - 1) : 0), 0) },
  };
}
