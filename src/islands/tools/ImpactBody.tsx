/**
 * S06 impact–effort sorter, the tool's body: problem cards (typed, from the preset case, or from
 * the self-check's weakest checkpoints), each given impact high/low and effort high/low by selects;
 * the 2×2 matrix drawn with impact across (right = high) and LOW effort at the top, so "do first"
 * is top-right and "plan" bottom-right; the do-first and plan lists under it. Placement is the
 * engine's (quadrantOf / sortIntoQuadrants).
 */
import { useState } from 'preact/hooks';
import { addCards, appendRow, boundLabel, QUADRANT_PLACE, quadrantOf, removeRow, setLevel, setRowText, sortIntoQuadrants, type Quadrant } from '../../engine/tools/index.ts';
import { textLang, tw as tt } from './words.tsx';
import { tu as tp } from '../../i18n/zh-CN.tool-ui.ts';
import { LEVEL_IDS, TOOL_LABEL_MAX, TOOL_ROWS_MAX } from '../../schemas/tool-constants.ts';
import type { ImpactCard, ImpactData, Level } from '../../schemas/tools.ts';
import { Live, TextField, useFocusAfterRender, useLatest, AddRowBar } from './rows.tsx';

const quadrantName = (q: Quadrant | 'unplaced') => tt(`tools.impact.quadrant.${q}`);
const levelName = (l: Level) => tt(`tools.impact.level.${l}`);
/** The grid in reading order: top row (low effort) then bottom row; left (low impact) then right. */
const GRID: readonly Quadrant[] = ['fill-in', 'do-first', 'park', 'plan'];

export interface ImpactBodyProps {
  /** Heading level of the tool's title (its sections are one and two levels below). */
  level?: 2 | 3;
  data: ImpactData;
  set: (next: ImpactData) => void;
  /** Cards from the self-check's weakest answered checkpoints (null when the self-check has none). */
  weakest: readonly ImpactCard[] | null;
}

export function ImpactBody({ data: given, set: save, weakest, level = 3 }: ImpactBodyProps) {
  const [data, set] = useLatest(given, save);
  const [H4, H5] = level === 2 ? (['h3', 'h4'] as const) : (['h4', 'h5'] as const);
  const [live, setLive] = useState('');
  const [draft, setDraft] = useState('');
  const { root, focusLater } = useFocusAfterRender<HTMLDivElement>();
  const cards = data.cards;
  const q = sortIntoQuadrants(cards);
  const number = new Map(cards.map((c, i) => [c.id, i + 1]));

  const setCardLevel = (card: ImpactCard, axis: 'impact' | 'effort', value: string) => {
    const next = setLevel(data, card.id, axis, LEVEL_IDS.find((l) => l === value) ?? null);
    set(next);
    const placed = quadrantOf(next.cards.find((c) => c.id === card.id) ?? card);
    setLive(tp('tool.ie.placed', { n: number.get(card.id) ?? 0, quadrant: quadrantName(placed ?? 'unplaced') }));
  };
  const add = () => {
    const label = boundLabel(draft);
    const { rows, full } = appendRow(cards, { label: label.value, impact: null, effort: null });
    if (full) {
      setLive(tp('tool.pl.full', { max: TOOL_ROWS_MAX }));
      return;
    }
    set({ ...data, cards: [...rows] });
    setDraft('');
    setLive(`${tp('tool.pl.added', { n: rows.length })}${label.cuts.labelsShortened ? tp('tool.pl.cut', { max: TOOL_LABEL_MAX }) : ''}`);
    const last = rows[rows.length - 1];
    if (last) focusLater(`${last.id}:impact`);
  };
  const remove = (id: string, n: number) => {
    const rows = removeRow(cards, id);
    set({ ...data, cards: [...rows] });
    setLive(tp('tool.pl.removed', { n }));
    const next = rows[Math.min(n - 1, rows.length - 1)];
    focusLater(next ? `${next.id}:label` : 'ie:new');
  };
  const fromSelfCheck = () => {
    if (!weakest) return;
    const r = addCards(data, weakest, TOOL_ROWS_MAX);
    set(r.data);
    const added = r.data.cards.length - cards.length;
    setLive(`${tp('tool.ie.addedFromSelfCheck', { added })}${r.notAdded ? tp('tool.ie.notAdded', { max: TOOL_ROWS_MAX, count: r.notAdded }) : ''}`);
  };

  const levelSelect = (card: ImpactCard, n: number, axis: 'impact' | 'effort') => (
    <label class="tool-field" for={`ie-${card.id}-${axis}`}>
      <span aria-hidden="true">{tt(`tools.impact.col.${axis}`)}</span>
      <select
        id={`ie-${card.id}-${axis}`}
        aria-label={tp(axis === 'impact' ? 'tool.ie.impactOf' : 'tool.ie.effortOf', { n })}
        data-focus={`${card.id}:${axis}`}
        value={card[axis] ?? ''}
        onChange={(e) => setCardLevel(card, axis, (e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">{tp('tool.ie.unset')}</option>
        {LEVEL_IDS.map((l) => (
          <option key={l} value={l}>
            {levelName(l)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div class="ie" ref={root} data-tool-body="impact">
      {weakest && weakest.length > 0 ? (
        <p>
          <button type="button" class="button secondary" onClick={fromSelfCheck} data-ie-from-selfcheck>
            {tp('tool.ie.fromSelfCheck', { count: weakest.length })}
          </button>
        </p>
      ) : (
        <p class="tool-note">{tp('tool.ie.fromSelfCheckNote')}</p>
      )}
      <H4 class="tool-subtitle">{tp('tool.ie.cards')}</H4>
      <ol class="tool-rows ie-rows">
        {cards.map((c, i) => {
          const n = i + 1;
          return (
            <li key={c.id} class="tool-row" data-row={c.id}>
              <label class="tool-field tool-field-wide" for={`ie-${c.id}-label`}>
                <span>{tp('tool.ie.card', { n })}</span>
                <TextField
                  id={`ie-${c.id}-label`}
                  value={c.label}
                  focusKey={`${c.id}:label`}
                  onCommit={(text) => {
                    const r = setRowText(cards, c.id, 'label', text);
                    set({ ...data, cards: [...r.rows] });
                    if (r.cuts.labelsShortened) setLive(tp('tool.pl.cut', { max: TOOL_LABEL_MAX }));
                  }}
                />
              </label>
              {levelSelect(c, n, 'impact')}
              {levelSelect(c, n, 'effort')}
              <span class="tool-row-actions">
                <button type="button" aria-label={tp('tool.pl.removeRow', { n })} onClick={() => remove(c.id, n)}>
                  {tp('tool.remove')}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <AddRowBar id="ie-new" label={tp('tool.ie.newLabel')} focusKey="ie:new" value={draft} onInput={setDraft} onAdd={add} addLabel={tp('tool.ie.add')} rows={cards.length} />
      {q.unplaced.length > 0 && (
        <p class="tool-note" data-ie-unplaced={q.unplaced.length}>
          {tp('tool.ie.unplacedCount', { count: q.unplaced.length })}
        </p>
      )}

      <H4 class="tool-subtitle" id="ie-matrix-title">
        {tp('tool.ie.matrix')}
      </H4>
      <p class="tool-note" id="ie-matrix-desc">
        {tp('tool.ie.matrixDesc')}
      </p>
      <div class="ie-matrix" role="group" aria-labelledby="ie-matrix-title" aria-describedby="ie-matrix-desc">
        <p class="ie-axis ie-axis-effort" aria-hidden="true">
          {tp('tool.ie.axisEffort')}
        </p>
        <div class="ie-grid" data-ie-grid>
          {GRID.map((name) => (
            <section key={name} class={`ie-quadrant ie-${name}`} data-quadrant={name} data-grid-row={QUADRANT_PLACE[name].row} data-grid-column={QUADRANT_PLACE[name].column} aria-labelledby={`ie-q-${name}`}>
              <H5 id={`ie-q-${name}`}>{quadrantName(name)}</H5>
              {q[name].length ? (
                <ul>
                  {q[name].map((c) => (
                    <li key={c.id} lang={textLang(c.label)}>
                      {c.label}
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="tool-note">{tp('tool.ie.empty')}</p>
              )}
            </section>
          ))}
        </div>
        <p class="ie-axis ie-axis-impact" aria-hidden="true">
          {tp('tool.ie.axisImpact')}
        </p>
      </div>

      <H4 class="tool-subtitle">{tp('tool.ie.lists')}</H4>
      <div class="ie-lists">
        {(['do-first', 'plan'] as const).map((name) => (
          <section key={name} aria-labelledby={`ie-list-${name}`} data-ie-list={name}>
            <H5 id={`ie-list-${name}`}>{quadrantName(name)}</H5>
            {q[name].length ? (
              <ol>
                {q[name].map((c) => (
                  <li key={c.id} lang={textLang(c.label)}>
                    {c.label}
                  </li>
                ))}
              </ol>
            ) : (
              <p class="tool-note">{tp('tool.ie.empty')}</p>
            )}
          </section>
        ))}
      </div>
      <Live text={live} />
    </div>
  );
}
