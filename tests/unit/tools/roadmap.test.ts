/** Issue 17: the S06 four-phase roadmap planner (src/engine/tools/roadmap.ts). */
import { describe, expect, it } from 'vitest';
import { placeCard } from '../../../src/engine/tools/impact.ts';
import {
  actionsFromImpact, addAction, byPhase, moveAction, normaliseRoadmap, PHASE_CROWDED, PHASE_MONTHS, PHASES, removeAction, roadmapCsv, roadmapSummary,
  validateRoadmap, type RoadmapCsvHeader,
} from '../../../src/engine/tools/roadmap.ts';
import { parseCsv } from '../../../src/engine/tools/shared.ts';
import { toolWord } from '../../../src/i18n/zh-CN.tools.ts';
import { roadmapDataSchema, type ImpactData, type RoadmapData, type RoadmapPhase } from '../../../src/schemas/tools.ts';

const plan = (...phases: [string, RoadmapPhase][]): RoadmapData => ({ actions: phases.map(([id, phase]) => ({ id, label: `行动${id}`, phase })) });
const layout = (data: RoadmapData) => PHASES.map((p) => byPhase(data.actions)[p].map((a) => a.id).join(',')).join(' | ');

describe('phases', () => {
  it('are the seed’s four: months 1–3, 4–9, 10–18, 18+', () => {
    expect(PHASES).toEqual([1, 2, 3, 4]);
    expect(PHASE_MONTHS).toEqual({ 1: { from: 1, to: 3 }, 2: { from: 4, to: 9 }, 3: { from: 10, to: 18 }, 4: { from: 18, to: null } });
  });
});

describe('moveAction', () => {
  const start = plan(['a', 1], ['b', 1], ['c', 2], ['d', 3]);

  it('to a phase: appended at its end; the same phase changes nothing (same object)', () => {
    expect(layout(moveAction(start, 'a', 3))).toBe('b | c | d,a | ');
    expect(moveAction(start, 'a', 1)).toBe(start);
  });

  it('earlier / later: to the end of the neighbouring phase; not past phase 1 or 4', () => {
    expect(layout(moveAction(start, 'c', 'earlier'))).toBe('a,b,c |  | d | ');
    expect(layout(moveAction(start, 'd', 'later'))).toBe('a,b | c |  | d');
    expect(moveAction(start, 'a', 'earlier')).toBe(start);
    expect(moveAction(plan(['z', 4]), 'z', 'later').actions).toEqual(plan(['z', 4]).actions);
  });

  it('up / down within a phase, and across the phase boundary at its ends', () => {
    expect(layout(moveAction(start, 'b', 'up'))).toBe('b,a | c | d | ');
    expect(layout(moveAction(start, 'a', 'down'))).toBe('b,a | c | d | ');
    expect(layout(moveAction(start, 'b', 'down'))).toBe('a | b,c | d | ');
    expect(layout(moveAction(start, 'c', 'up'))).toBe('a,b,c |  | d | ');
    expect(moveAction(start, 'a', 'up')).toBe(start);
    const last = plan(['a', 4]);
    expect(moveAction(last, 'a', 'down')).toBe(last);
  });

  it('repeated "down" walks an action through the whole plan and keeps everyone else in order', () => {
    let data = start;
    const seen: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      data = moveAction(data, 'a', 'down');
      seen.push(layout(data));
    }
    expect(seen).toEqual(['b,a | c | d | ', 'b | a,c | d | ', 'b | c,a | d | ', 'b | c | a,d | ', 'b | c | d,a | ', 'b | c | d | a']);
  });

  it('an unknown id changes nothing; the array stays in plan order', () => {
    expect(moveAction(start, 'nope', 'up')).toBe(start);
    const moved = moveAction(plan(['x', 3], ['y', 1]), 'x', 'earlier');
    expect(moved.actions.map((a) => `${a.id}${a.phase}`)).toEqual(['y1', 'x2']);
  });
});

describe('add, remove, from the impact–effort matrix', () => {
  it('adds with the next id and a bounded label; refuses past 50 actions', () => {
    const { data, full, cuts } = addAction(start(), '<b>x</b>'.repeat(100), 2);
    expect(full).toBe(false);
    expect(data.actions.map((a) => `${a.id}${a.phase}`)).toEqual(['r11', 'r32', 'r23']); // plan order
    expect(Array.from(data.actions.find((a) => a.id === 'r3')?.label ?? '')).toHaveLength(200);
    expect(cuts.labelsShortened).toBe(1);
    const fifty = { actions: Array.from({ length: 50 }, (_, i) => ({ id: `r${i + 1}`, label: `${i}`, phase: 1 as const })) };
    expect(addAction(fifty, 'one more', 1)).toMatchObject({ data: fifty, full: true });
    expect(removeAction(data, 'r1').actions.map((a) => a.id)).toEqual(['r3', 'r2']);
    function start(): RoadmapData {
      return plan(['r1', 1], ['r2', 3]);
    }
  });

  it('"do first" cards go to phase 1 and "plan" cards to phase 2, others not at all', () => {
    let impact: ImpactData = { cards: ['k1', 'k2', 'k3', 'k4'].map((id) => ({ id, label: id, impact: null, effort: null })) };
    impact = placeCard(impact, 'k1', 'plan');
    impact = placeCard(impact, 'k2', 'do-first');
    impact = placeCard(impact, 'k3', 'park');
    expect(actionsFromImpact(impact).actions).toEqual([{ id: 'k2', label: 'k2', phase: 1 }, { id: 'k1', label: 'k1', phase: 2 }]);
  });
});

describe('validation', () => {
  it('errors on an empty or repeated action; warns on an empty phase 1 and a crowded phase', () => {
    const data: RoadmapData = { actions: [{ id: 'r1', label: '统一服务标准', phase: 2 }, { id: 'r2', label: ' ', phase: 2 }, { id: 'r3', label: '统一服务标准', phase: 3 }] };
    expect(validateRoadmap(data)).toEqual([
      { level: 'error', code: 'empty-label', id: 'r2' },
      { level: 'error', code: 'duplicate-label', id: 'r3', of: 'r1' },
      { level: 'warning', code: 'phase1-empty' },
    ]);
    const crowded = { actions: Array.from({ length: PHASE_CROWDED + 1 }, (_, i) => ({ id: `r${i + 1}`, label: `行动 ${i}`, phase: 1 as const })) };
    expect(validateRoadmap(crowded)).toEqual([{ level: 'warning', code: 'phase-crowded', phase: 1, count: PHASE_CROWDED + 1 }]);
    expect(validateRoadmap({ actions: crowded.actions.slice(0, PHASE_CROWDED) })).toEqual([]);
    expect(validateRoadmap({ actions: [] })).toEqual([]);
  });

  it('has words for every issue and phase', () => {
    for (const code of ['empty-label', 'duplicate-label', 'phase1-empty', 'phase-crowded']) expect(toolWord(`tools.roadmap.issue.${code}`)).not.toMatch(/^tools\./);
    for (const p of PHASES) expect(toolWord(`tools.roadmap.phase.${p}`)).not.toMatch(/^tools\./);
  });
});

describe('normalise, CSV, summary', () => {
  it('bounds 500 actions, unknown phase → 1, and sorts into plan order', () => {
    const raw = { actions: [{ label: 'late', phase: 4 }, { label: 'early', phase: 'x' }, ...Array.from({ length: 498 }, () => ({ label: '=SUM(A1)'.repeat(300), phase: 2 }))] };
    const { data, cuts } = normaliseRoadmap(raw);
    expect(data.actions).toHaveLength(50);
    expect(cuts).toMatchObject({ rowsDropped: 450, labelsShortened: 48 });
    expect(data.actions[0]).toMatchObject({ label: 'early', phase: 1 });
    expect(data.actions.at(-1)).toMatchObject({ label: 'late', phase: 4 });
    expect(roadmapDataSchema.safeParse(data).success).toBe(true);
  });

  it('exports phase, months and position; formula text guarded', () => {
    const header = ['phase', 'months', 'n', 'action'] as const satisfies RoadmapCsvHeader;
    const data: RoadmapData = { actions: [{ id: 'r1', label: '+培训', phase: 4 }, { id: 'r2', label: 'a', phase: 1 }, { id: 'r3', label: 'b', phase: 1 }] };
    const rows = parseCsv(roadmapCsv(normaliseRoadmap(data).data, header, (p) => `P${p}`));
    expect(rows.slice(1)).toEqual([['P1', '1–3', '1', 'a'], ['P1', '1–3', '2', 'b'], ['P4', '18+', '1', "'+培训"]]);
  });

  it('summary: actions and the phases used as a mask; not done with an error', () => {
    expect(roadmapSummary(plan(['a', 1], ['b', 2], ['c', 4]))).toEqual({ done: true, values: { actions: 3, phases: 0b1011 } });
    expect(roadmapSummary({ actions: [{ id: 'r1', label: '', phase: 3 }] })).toEqual({ done: false, values: { actions: 1, phases: 0b0100 } });
    expect(roadmapSummary({ actions: [] })).toBeNull();
  });
});
