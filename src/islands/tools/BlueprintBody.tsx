/**
 * S04 service-blueprint layer sorter, the tool's body (the frame, ToolFrame.tsx, adds presets,
 * storage notes and exports): each activity gets a layer select and a fail-point checkbox, rows
 * move by buttons; the view draws the four lanes with the three lines between them and lists the
 * hand-offs across lines; for a preset, "check" compares with the answer key (engine
 * checkBlueprint). No logic here beyond calling the engine.
 */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { appendRow, BLUEPRINT_LAYERS, BLUEPRINT_LINES, boundLabel, byLayer, checkBlueprint, handoffs, moveRow, removeRow, setFailPoint, setLayer, setRowText } from '../../engine/tools/index.ts';
import { Text, tw as tt } from './words.tsx';
import { tu as tp } from '../../i18n/zh-CN.tool-ui.ts';
import { TOOL_LABEL_MAX, TOOL_ROWS_MAX } from '../../schemas/tool-constants.ts';
import type { BlueprintData, BlueprintLayer } from '../../schemas/tools.ts';
import { Live, TextField, useFocusAfterRender, useLatest, AddRowBar } from './rows.tsx';

const layerName = (l: BlueprintLayer) => tt(`tools.blueprint.layer.${l}`);
const lineName = (l: (typeof BLUEPRINT_LINES)[number]) => tt(`tools.blueprint.line.${l}`);

export function BlueprintBody({ data: given, set: save, level = 3 }: { data: BlueprintData; set: (next: BlueprintData) => void; level?: 2 | 3 }) {
  const [data, set] = useLatest(given, save);
  const [H4, H5] = level === 2 ? (['h3', 'h4'] as const) : (['h4', 'h5'] as const);
  const [live, setLive] = useState('');
  const [checking, setChecking] = useState(false);
  const [draft, setDraft] = useState('');
  const { root, focusLater } = useFocusAfterRender<HTMLDivElement>();
  const acts = data.activities;
  const position = new Map(acts.map((a, i) => [a.id, i + 1]));
  const lanes = byLayer(acts);
  const links = handoffs(acts);
  const check = checking ? checkBlueprint(data) : null;

  const move = (id: string, dir: 'up' | 'down') => {
    const rows = moveRow(acts, id, dir);
    if (rows === acts) {
      setLive(tt('tools.roadmap.move.none'));
      return;
    }
    set({ ...data, activities: [...rows] });
    setLive(tp('tool.pl.moved', { n: rows.findIndex((r) => r.id === id) + 1 }));
    focusLater(`${id}:${dir}`);
  };
  const remove = (id: string, n: number) => {
    const rows = removeRow(acts, id);
    set({ ...data, activities: [...rows] });
    setLive(tp('tool.pl.removed', { n }));
    const next = rows[Math.min(n - 1, rows.length - 1)];
    focusLater(next ? `${next.id}:label` : 'bp:new');
  };
  const add = () => {
    const label = boundLabel(draft);
    const { rows, full } = appendRow(acts, { label: label.value, layer: null, failPoint: false });
    if (full) {
      setLive(tp('tool.pl.full', { max: TOOL_ROWS_MAX }));
      return;
    }
    set({ ...data, activities: [...rows] });
    setDraft('');
    setLive(`${tp('tool.pl.added', { n: rows.length })}${label.cuts.labelsShortened ? tp('tool.pl.cut', { max: TOOL_LABEL_MAX }) : ''}`);
    const last = rows[rows.length - 1];
    if (last) focusLater(`${last.id}:layer`);
  };

  return (
    <div class="bp" ref={root} data-tool-body="blueprint">
      <H4 class="tool-subtitle">{tp('tool.bp.activities')}</H4>
      <ol class="tool-rows bp-rows">
        {acts.map((a, i) => {
          const n = i + 1;
          const labelId = `bp-${a.id}-label`;
          return (
            <li key={a.id} class="tool-row bp-row" data-row={a.id}>
              <label class="tool-field tool-field-wide" for={labelId}>
                <span>{tp('tool.bp.activity', { n })}</span>
                <TextField
                  id={labelId}
                  value={a.label}
                  focusKey={`${a.id}:label`}
                  onCommit={(text) => {
                    const r = setRowText(acts, a.id, 'label', text);
                    set({ ...data, activities: [...r.rows] });
                    if (r.cuts.labelsShortened) setLive(tp('tool.pl.cut', { max: TOOL_LABEL_MAX }));
                  }}
                />
              </label>
              <label class="tool-field" for={`bp-${a.id}-layer`}>
                <span aria-hidden="true">{tt('tools.blueprint.col.layer')}</span>
                <select
                  id={`bp-${a.id}-layer`}
                  aria-label={tp('tool.bp.layerOf', { n })}
                  data-focus={`${a.id}:layer`}
                  value={a.layer ?? ''}
                  onChange={(e) => {
                    const v = (e.currentTarget as HTMLSelectElement).value;
                    set(setLayer(data, a.id, BLUEPRINT_LAYERS.find((l) => l === v) ?? null));
                  }}
                >
                  <option value="">{tp('tool.bp.chooseLayer')}</option>
                  {BLUEPRINT_LAYERS.map((l) => (
                    <option key={l} value={l}>
                      {layerName(l)}
                    </option>
                  ))}
                </select>
              </label>
              <label class="tool-check">
                <input
                  type="checkbox"
                  checked={a.failPoint}
                  aria-label={tp('tool.bp.failPointOf', { n })}
                  onChange={(e) => set(setFailPoint(data, a.id, (e.currentTarget as HTMLInputElement).checked))}
                />
                <span aria-hidden="true">{tt('tools.blueprint.failPoint')}</span>
              </label>
              <span class="tool-row-actions">
                <button type="button" data-focus={`${a.id}:up`} aria-label={tp('tool.pl.moveUp', { n })} onClick={() => move(a.id, 'up')}>
                  ↑
                </button>
                <button type="button" data-focus={`${a.id}:down`} aria-label={tp('tool.pl.moveDown', { n })} onClick={() => move(a.id, 'down')}>
                  ↓
                </button>
                <button type="button" aria-label={tp('tool.pl.removeRow', { n })} onClick={() => remove(a.id, n)}>
                  {tp('tool.remove')}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <AddRowBar id="bp-new" label={tp('tool.bp.newLabel')} focusKey="bp:new" value={draft} onInput={setDraft} onAdd={add} addLabel={tp('tool.bp.add')} rows={acts.length} />

      <H4 class="tool-subtitle">{tp('tool.bp.view')}</H4>
      <p class="tool-note" data-bp-unsorted={lanes.unsorted.length}>
        {lanes.unsorted.length ? tp('tool.bp.unsortedCount', { count: lanes.unsorted.length }) : tp('tool.bp.allSorted')}
      </p>
      <div class="bp-lanes" data-bp-lanes>
        {BLUEPRINT_LAYERS.map((layer, i) => (
          <Fragment key={layer}>
            <section class={`bp-lane bp-lane-${layer}`} data-lane={layer} aria-labelledby={`bp-lane-${layer}`}>
              <H5 id={`bp-lane-${layer}`} class="bp-lane-name">
                {layerName(layer)}
              </H5>
              {lanes[layer].length ? (
                <ol class="bp-lane-items">
                  {lanes[layer].map((a) => (
                    <li key={a.id} value={position.get(a.id)} class={a.failPoint ? 'bp-fail' : undefined} data-lane-item={a.id}>
                      <Text value={a.label} />
                      {a.failPoint && <strong class="bp-fail-mark">{tp('tool.bp.failMark')}</strong>}
                    </li>
                  ))}
                </ol>
              ) : (
                <p class="tool-note">{tp('tool.bp.lane.empty')}</p>
              )}
            </section>
            {i < BLUEPRINT_LINES.length && (
              <p class="bp-line" data-line={BLUEPRINT_LINES[i]}>
                <span>{lineName(BLUEPRINT_LINES[i] as (typeof BLUEPRINT_LINES)[number])}</span>
              </p>
            )}
          </Fragment>
        ))}
      </div>

      <H4 class="tool-subtitle">{tp('tool.bp.handoffs', { count: links.length })}</H4>
      {links.length ? (
        <ul class="bp-handoffs" data-bp-handoffs>
          {links.map((h) => (
            <li key={`${h.from.id}-${h.to.id}`}>
              {tp('tool.bp.handoff', { from: position.get(h.from.id) ?? 0, to: position.get(h.to.id) ?? 0, lines: h.lines.map(lineName).join(tp('tool.bp.lineJoin')) })}
              {h.crossesVisibility && tp('tool.bp.handoffVisible')}
            </li>
          ))}
        </ul>
      ) : (
        <p class="tool-note">{tp('tool.bp.noHandoffs')}</p>
      )}

      <div class="bp-check">
        <button type="button" class="button secondary" aria-expanded={checking ? 'true' : 'false'} aria-controls="bp-check-result" onClick={() => setChecking(!checking)}>
          {tp('tool.bp.check')}
        </button>
        <div id="bp-check-result" aria-live="polite" data-bp-check>
          {checking && !check && <p class="tool-note">{tp('tool.bp.checkOwn')}</p>}
          {check && (
            <>
              <p class="bp-check-summary" data-bp-percent={check.percent}>
                {tp('tool.bp.checkSummary', {
                  percent: check.percent,
                  layers: check.layersRight,
                  total: check.items.length,
                  found: check.failPointsFound,
                  missed: check.failPointsMissed,
                  extra: check.failPointsExtra,
                })}
              </p>
              <ol class="bp-check-items">
                {check.items.map((item) => {
                  const a = acts.find((x) => x.id === item.id);
                  const ok = item.layerRight && item.failPointRight;
                  return (
                    <li key={item.id} data-check-item={item.id} data-right={ok ? 'yes' : 'no'}>
                      <strong>{ok ? tp('tool.bp.right') : tp('tool.bp.wrong')}</strong>{' '}
                      {a ? <Text value={a.label} /> : tp('tool.bp.missing')}
                      {!ok && (
                        <span class="bp-why">
                          {' '}
                          {item.expected.failPoint ? tp('tool.bp.expectedFail', { layer: layerName(item.expected.layer) }) : tp('tool.bp.expected', { layer: layerName(item.expected.layer) })}{' '}
                          {tp(`tool.bp.why.${item.expected.layer}`)}
                          {item.expected.failPoint && ` ${tp('tool.bp.why.fail')}`}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ol>
            </>
          )}
        </div>
      </div>
      <Live text={live} />
    </div>
  );
}
