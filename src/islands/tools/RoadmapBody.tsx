/**
 * S06 four-phase roadmap planner, the tool's body: actions (typed, or imported from the impact
 * sorter's do-first and plan lists: engine actionsFromImpact) in phases 1–4, moved up/down and to
 * the previous/next phase with buttons (engine moveAction; the focus stays on the pressed button
 * wherever the action lands), with the engine's validation messages.
 */
import { useState } from 'preact/hooks';
import { addAction, byPhase, moveAction, PHASES, removeAction, setRowText, validateRoadmap, type MoveTarget, type RoadmapIssue } from '../../engine/tools/index.ts';
import { tw as tt } from './words.tsx';
import { tu as tp } from '../../i18n/zh-CN.tool-ui.ts';
import { TOOL_LABEL_MAX, TOOL_ROWS_MAX } from '../../schemas/tool-constants.ts';
import type { RoadmapData, RoadmapPhase } from '../../schemas/tools.ts';
import { Live, TextField, useFocusAfterRender, useLatest, AddRowBar } from './rows.tsx';

const phaseName = (p: RoadmapPhase) => tt(`tools.roadmap.phase.${p}`);

export interface RoadmapBodyProps {
  /** Heading level of the tool's title (its sections are one and two levels below). */
  level?: 2 | 3;
  data: RoadmapData;
  set: (next: RoadmapData) => void;
  /** The actions the impact sorter's do-first and plan lists give (null when it has none). */
  fromImpact: RoadmapData | null;
}

export function RoadmapBody({ data: given, set: save, fromImpact, level = 3 }: RoadmapBodyProps) {
  const [data, set] = useLatest(given, save);
  const [H4, H5] = level === 2 ? (['h3', 'h4'] as const) : (['h4', 'h5'] as const);
  const [live, setLive] = useState('');
  const [draft, setDraft] = useState('');
  const [draftPhase, setDraftPhase] = useState<RoadmapPhase>(1);
  const { root, focusLater } = useFocusAfterRender<HTMLDivElement>();
  const phases = byPhase(data.actions);
  const issues = validateRoadmap(data);
  const where = (d: RoadmapData, id: string) => {
    const a = d.actions.find((x) => x.id === id);
    return a ? { phase: a.phase, n: byPhase(d.actions)[a.phase].findIndex((x) => x.id === id) + 1 } : null;
  };

  const move = (id: string, to: MoveTarget, control: string) => {
    const next = moveAction(data, id, to);
    if (next === data) {
      setLive(tt('tools.roadmap.move.none'));
      return;
    }
    set(next);
    const w = where(next, id);
    if (w) setLive(tp('tool.rm.movedTo', { phase: w.phase, n: w.n }));
    focusLater(`${id}:${control}`, `${id}:label`);
  };
  const add = () => {
    const r = addAction(data, draft, draftPhase);
    if (r.full) {
      setLive(tp('tool.pl.full', { max: TOOL_ROWS_MAX }));
      return;
    }
    set(r.data);
    setDraft('');
    const added = r.data.actions.find((a) => !data.actions.some((b) => b.id === a.id));
    const w = added ? where(r.data, added.id) : null;
    setLive(`${w ? tp('tool.rm.movedTo', { phase: w.phase, n: w.n }) : ''}${r.cuts.labelsShortened ? tp('tool.pl.cut', { max: TOOL_LABEL_MAX }) : ''}`);
  };
  const importImpact = () => {
    if (!fromImpact) return;
    // Matched by text, not id: the two tools number their rows independently (r1 here is not r1 there).
    const have = new Set(data.actions.map((a) => a.label.trim().toLowerCase()));
    let next = data;
    let count = 0;
    for (const a of fromImpact.actions) {
      if (have.has(a.label.trim().toLowerCase())) continue;
      const r = addAction(next, a.label, a.phase);
      if (r.full) break;
      next = r.data;
      have.add(a.label.trim().toLowerCase());
      count += 1;
    }
    if (!count) {
      setLive(tp('tool.rm.nothingNew'));
      return;
    }
    set(next);
    setLive(tp('tool.rm.imported', { count }));
  };
  const issueText = (issue: RoadmapIssue) => {
    const base = issue.code === 'phase-crowded' ? tt('tools.roadmap.issue.phase-crowded', { phase: issue.phase, count: issue.count }) : tt(`tools.roadmap.issue.${issue.code}`);
    if (issue.code !== 'empty-label' && issue.code !== 'duplicate-label') return base;
    const w = where(data, issue.id);
    return w ? `${base}${tp('tool.rm.issueAt', { phase: w.phase, n: w.n })}` : base;
  };

  return (
    <div class="rm" ref={root} data-tool-body="roadmap">
      {fromImpact && fromImpact.actions.length > 0 ? (
        <p>
          <button type="button" class="button secondary" onClick={importImpact} data-rm-import>
            {tp('tool.rm.fromImpact')}
          </button>
        </p>
      ) : (
        <p class="tool-note">{tp('tool.rm.fromImpactNote')}</p>
      )}
      <AddRowBar id="rm-new" class="rm-add" label={tp('tool.rm.newLabel')} focusKey="rm:new" value={draft} onInput={setDraft} onAdd={add} addLabel={tp('tool.rm.add')} rows={data.actions.length}>
        <label class="tool-field" for="rm-new-phase">
          <span>{tp('tool.rm.newPhase')}</span>
          <select id="rm-new-phase" value={String(draftPhase)} onChange={(e) => setDraftPhase((PHASES.find((p) => String(p) === (e.currentTarget as HTMLSelectElement).value) ?? 1) as RoadmapPhase)}>
            {PHASES.map((p) => (
              <option key={p} value={String(p)}>
                {tp('tool.rm.phaseShort', { phase: p })}
              </option>
            ))}
          </select>
        </label>
      </AddRowBar>

      <div class="rm-phases">
        {PHASES.map((p) => (
          <section key={p} class="rm-phase" data-phase={p} aria-labelledby={`rm-phase-${p}`}>
            <H4 id={`rm-phase-${p}`} class="tool-subtitle">
              {phaseName(p)}
            </H4>
            {phases[p].length ? (
              <ol class="tool-rows">
                {phases[p].map((a, i) => {
                  const n = i + 1;
                  const short = tp('tool.rm.phaseShort', { phase: p });
                  return (
                    <li key={a.id} class="tool-row" data-action={a.id}>
                      <label class="tool-field tool-field-wide" for={`rm-${a.id}-label`}>
                        <span>{tp('tool.rm.action', { phase: short, n })}</span>
                        <TextField
                          id={`rm-${a.id}-label`}
                          value={a.label}
                          focusKey={`${a.id}:label`}
                          onCommit={(text) => {
                            const r = setRowText(data.actions, a.id, 'label', text);
                            set({ ...data, actions: [...r.rows] });
                            if (r.cuts.labelsShortened) setLive(tp('tool.pl.cut', { max: TOOL_LABEL_MAX }));
                          }}
                        />
                      </label>
                      <span class="tool-row-actions">
                        <button type="button" data-focus={`${a.id}:up`} aria-label={`${short} ${tp('tool.pl.moveUp', { n })}`} onClick={() => move(a.id, 'up', 'up')}>
                          ↑
                        </button>
                        <button type="button" data-focus={`${a.id}:down`} aria-label={`${short} ${tp('tool.pl.moveDown', { n })}`} onClick={() => move(a.id, 'down', 'down')}>
                          ↓
                        </button>
                        <button type="button" data-focus={`${a.id}:earlier`} aria-label={`${short} ${tp('tool.rm.earlierOf', { n })}`} onClick={() => move(a.id, 'earlier', 'earlier')}>
                          {tt('tools.roadmap.move.earlier')}
                        </button>
                        <button type="button" data-focus={`${a.id}:later`} aria-label={`${short} ${tp('tool.rm.laterOf', { n })}`} onClick={() => move(a.id, 'later', 'later')}>
                          {tt('tools.roadmap.move.later')}
                        </button>
                        <button
                          type="button"
                          aria-label={`${short} ${tp('tool.pl.removeRow', { n })}`}
                          onClick={() => {
                            const next = removeAction(data, a.id);
                            set(next);
                            setLive(tp('tool.pl.removed', { n }));
                            const after = byPhase(next.actions)[p][Math.min(i, byPhase(next.actions)[p].length - 1)];
                            focusLater(after ? `${after.id}:label` : 'rm:new');
                          }}
                        >
                          {tp('tool.remove')}
                        </button>
                      </span>
                    </li>
                  );
                })}
              </ol>
            ) : (
              <p class="tool-note">{tp('tool.rm.phaseEmpty')}</p>
            )}
          </section>
        ))}
      </div>

      <section class="rm-checks" aria-labelledby="rm-checks-title" data-rm-checks>
        <H4 id="rm-checks-title" class="tool-subtitle">
          {tp('tool.rm.checks')}
        </H4>
        <div aria-live="polite">
          {issues.length ? (
            <ul>
              {issues.map((issue, k) => (
                <li key={k} data-issue={issue.code} data-level={issue.level}>
                  {issueText(issue)}
                </li>
              ))}
            </ul>
          ) : (
            <p>{tp('tool.rm.ok')}</p>
          )}
        </div>
      </section>
      <Live text={live} />
    </div>
  );
}
