import { Fragment } from 'preact';
import { useRef } from 'preact/hooks';
import {
  canAddTouchpoint, emotionCurve, JOURNEY_STAGES, journeyCsv, journeyPreset, lowestStages, lowestTouchpoints, moveTouchpoint,
  TOUCHPOINTS_PER_STAGE_MAX, type JourneyCsvHeader,
} from '../../engine/tools/journey.ts';
import { appendRow, removeRow } from '../../engine/tools/shared.ts';
import { TOOL_LABEL_MAX, TOOL_ROWS_MAX } from '../../schemas/tool-constants.ts';
import type { JourneyData, JourneyStage, Touchpoint } from '../../schemas/tools.ts';
import { tu } from '../../i18n/zh-CN.tool-ui.ts';
import { RowActions, TextField, useFocusAfterRender } from './fields.tsx';
import ToolFrame, { type ToolSet } from './ToolFrame.tsx';
import { exampleWord, fillNodes, Text, tw, useUiLanguage } from './words.tsx';

interface Props {
  lessonId: string;
  level?: 2 | 3;
}

const EMOTIONS = [-2, -1, 0, 1, 2] as const;
const stageName = (s: JourneyStage) => tw(`tools.journey.stage.${s}`);
/** An emotion as the scale shows it: "+2", "0", "−2" (a true minus sign). */
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');
const emotionWord = (n: number) => tw(`tools.journey.emotion.${n}` as 'tools.journey.emotion.0');
const mean = (n: number) => signed(Math.round(n * 100) / 100);

/** The CSV's headings, in the interface language (like the rest of the export's words). */
const csvHeader = (): JourneyCsvHeader => [
  tw('tools.journey.col.stage'), tw('tools.journey.col.touchpoint'), tw('tools.journey.col.emotion'), tw('tools.journey.col.stageMean'), tw('tools.journey.col.lowest'),
];

/** The emotion curve: stage means joined by a line, touchpoints as dots (the table under it carries the same data). */
function Curve({ touchpoints }: { touchpoints: readonly Touchpoint[] }) {
  const W = 600;
  const H = 240;
  const left = 48;
  const top = 16;
  const plotH = 170;
  const step = (W - left - 20) / JOURNEY_STAGES.length;
  const x = (i: number) => left + step * (i + 0.5);
  const y = (v: number) => top + ((2 - v) / 4) * plotH;
  const curve = emotionCurve(touchpoints);
  const points = curve.filter((p) => p.mean !== null).map((p) => `${x(p.position - 1).toFixed(1)},${y(p.mean as number).toFixed(1)}`);
  return (
    <svg class="jm-curve" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="jm-curve-title jm-curve-desc" data-journey-curve>
      <title id="jm-curve-title">{tu('tool.journey.curveTitle')}</title>
      <desc id="jm-curve-desc">{tu('tool.journey.curveDesc')}</desc>
      {EMOTIONS.map((v) => (
        <g key={v}>
          <line class={v === 0 ? 'jm-axis' : 'jm-grid'} x1={left} x2={W - 20} y1={y(v)} y2={y(v)} />
          <text class="jm-tick" x={left - 8} y={y(v) + 5} text-anchor="end">
            {signed(v)}
          </text>
        </g>
      ))}
      {JOURNEY_STAGES.map((s, i) => (
        <text key={s} class="jm-stage-label" x={x(i)} y={H - 12} text-anchor="middle">
          {stageName(s)}
        </text>
      ))}
      {touchpoints.map((t) => {
        const i = JOURNEY_STAGES.indexOf(t.stage);
        const same = touchpoints.filter((o) => o.stage === t.stage);
        const k = same.indexOf(t);
        const dx = same.length > 1 ? ((k / (same.length - 1)) - 0.5) * step * 0.5 : 0;
        return <circle key={t.id} class="jm-dot" cx={x(i) + dx} cy={y(t.emotion)} r={5} />;
      })}
      {points.length > 1 && <polyline class="jm-line" points={points.join(' ')} />}
      {curve.map((p) => p.mean !== null && <rect key={p.stage} class="jm-mean" x={x(p.position - 1) - 6} y={y(p.mean) - 6} width={12} height={12} />)}
    </svg>
  );
}

function Builder({ data, set, level }: { data: JourneyData; set: ToolSet<JourneyData>; level: 2 | 3 }) {
  const root = useRef<HTMLDivElement>(null);
  const focusAfter = useFocusAfterRender(root, data);
  const H = level === 2 ? 'h3' : 'h4';
  const list = data.touchpoints;
  const update = (id: string, change: Partial<Touchpoint>) => set((d) => ({ ...d, touchpoints: d.touchpoints.map((t) => (t.id === id ? { ...t, ...change } : t)) }));
  const curve = emotionCurve(list);
  const lowest = lowestTouchpoints(list);
  const lowStages = lowestStages(list);
  const join = tu('tool.journey.listJoin');
  const lowestIds = new Set(lowest.map((t) => t.id));

  return (
    <div class="jm" ref={root} data-journey>
      <p class="tool-note">{tu('tool.labelMax', { max: TOOL_LABEL_MAX })}</p>
      <div class="tool-field tool-field-wide">
        <label for="jm-persona">{tu('tool.journey.persona')}</label>
        <TextField id="jm-persona" data-field="persona" value={data.persona} commit={(text) => set((d) => ({ ...d, persona: text }))} />
      </div>
      <p class="tool-note">{tu('tool.journey.stageFull', { max: TOUCHPOINTS_PER_STAGE_MAX, total: TOOL_ROWS_MAX })}</p>
      {JOURNEY_STAGES.map((stage) => {
        const mine = list.filter((t) => t.stage === stage);
        const canAdd = canAddTouchpoint(list, stage);
        return (
          <section key={stage} class="jm-stage" data-stage={stage} aria-labelledby={`jm-${stage}-title`}>
            <H id={`jm-${stage}-title`} class="jm-stage-title">
              {stageName(stage)} <span class="tool-pos">{tu('tool.journey.count', { count: mine.length })}</span>
            </H>
            <ol class="tool-rows">
              {mine.map((t, i) => {
                const name = tu('tool.journey.rowName', { stage: stageName(stage), n: i + 1 });
                const id = `jm-${t.id}`;
                return (
                  <li key={t.id} class="tool-row" data-row={t.id}>
                    <fieldset>
                      <legend>{name}</legend>
                      <div class="tool-field tool-field-wide">
                        <label for={`${id}-label`}>{tu('tool.journey.label')}</label>
                        <TextField id={`${id}-label`} data-field="label" value={t.label} commit={(text) => update(t.id, { label: text })} />
                      </div>
                      <div class="tool-field">
                        <label for={`${id}-emotion`}>{tu('tool.journey.emotion')}</label>
                        <select id={`${id}-emotion`} data-field="emotion" value={String(t.emotion)} onChange={(e) => update(t.id, { emotion: Number((e.currentTarget as HTMLSelectElement).value) })}>
                          {EMOTIONS.map((v) => (
                            <option key={v} value={String(v)}>
                              {signed(v)} · {emotionWord(v)}
                            </option>
                          ))}
                        </select>
                      </div>
                      <RowActions
                        index={i}
                        count={mine.length}
                        name={name}
                        onMove={(direction) => {
                          set((d) => ({ ...d, touchpoints: [...moveTouchpoint(d.touchpoints, t.id, direction)] }));
                          focusAfter(`[data-row="${t.id}"] [data-move="${direction}"]`, `[data-row="${t.id}"] [data-move]:not([disabled])`);
                        }}
                        onRemove={() => {
                          const next = mine[i + 1] ?? mine[i - 1];
                          set((d) => ({ ...d, touchpoints: [...removeRow(d.touchpoints, t.id)] }));
                          focusAfter(next ? `[data-row="${next.id}"] [data-field="label"]` : `[data-add="${stage}"]`);
                        }}
                      />
                    </fieldset>
                  </li>
                );
              })}
            </ol>
            <button
              type="button"
              class="button secondary"
              data-add={stage}
              disabled={!canAdd}
              onClick={() => {
                let added: string | undefined;
                set((d) => {
                  if (!canAddTouchpoint(d.touchpoints, stage)) return d;
                  const next = appendRow(d.touchpoints, { stage, label: '', emotion: 0 });
                  added = next.full ? undefined : next.rows[next.rows.length - 1]?.id;
                  return { ...d, touchpoints: [...next.rows] };
                });
                if (added) focusAfter(`[data-row="${added}"] [data-field="label"]`);
              }}
            >
              {tu('tool.journey.add', { stage: stageName(stage) })}
            </button>
          </section>
        );
      })}

      <section class="jm-result" aria-labelledby="jm-result-title" data-journey-result>
        <H id="jm-result-title">{tu('tool.journey.curveTitle')}</H>
        <div aria-live="polite" data-journey-lowest>
          {list.length === 0 ? (
            <p>{tu('tool.journey.noData')}</p>
          ) : (
            <>
              <p>
                {fillNodes(tu('tool.journey.lowest', { emotion: `${signed(lowest[0]?.emotion ?? 0)} ${emotionWord(lowest[0]?.emotion ?? 0)}` }), {
                  list: lowest.map((t, k) => (
                    <Fragment key={t.id}>
                      {k > 0 && join}
                      {stageName(t.stage)}“{t.label ? <Text value={t.label} /> : tu('tool.journey.untitled')}”
                    </Fragment>
                  )),
                })}
              </p>
              <p>{tu('tool.journey.lowestStage', { list: lowStages.map((p) => stageName(p.stage)).join(join), mean: mean(lowStages[0]?.mean ?? 0) })}</p>
            </>
          )}
        </div>
        <Curve touchpoints={list} />
        <div class="tool-scroll" tabIndex={0} role="region" aria-labelledby="jm-table-caption">
          <table class="tool-table" data-journey-table>
            <caption id="jm-table-caption">{tu('tool.journey.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{tw('tools.journey.col.stage')}</th>
                <th scope="col">{tu('tool.journey.col.count')}</th>
                <th scope="col">{tw('tools.journey.col.stageMean')}</th>
                <th scope="col">{tw('tools.journey.col.lowest')}</th>
              </tr>
            </thead>
            <tbody>
              {curve.map((p) => {
                const low = list.filter((t) => t.stage === p.stage && lowestIds.has(t.id));
                return (
                  <tr key={p.stage} data-stage={p.stage}>
                    <th scope="row" class="tool-nowrap">{stageName(p.stage)}</th>
                    <td class="tool-num">{p.count}</td>
                    <td class="tool-num" data-mean>
                      {p.mean === null ? tu('tool.journey.none') : mean(p.mean)}
                    </td>
                    <td class="tool-label">
                      {low.length
                        ? low.map((t, k) => (
                            <Fragment key={t.id}>
                              {k > 0 && join}
                              {t.label ? <Text value={t.label} /> : tu('tool.journey.untitled')}
                            </Fragment>
                          ))
                        : tu('tool.journey.none')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

/** S02 journey-map builder: persona, touchpoints per stage with an emotion each → emotion curve and lowest points (engine: journey.ts). */
export default function Journey({ lessonId, level = 3 }: Props) {
  useUiLanguage();
  return (
    <ToolFrame
      tool="journey"
      lessonId={lessonId}
      level={level}
      title={tu('tool.journey.title')}
      instructions={<p>{tu('tool.journey.intro')}</p>}
      presets={[{ id: 'hotel', label: exampleWord('tools.journey.preset.hotel'), make: () => journeyPreset(exampleWord) }]}
      blank={() => ({ persona: '', touchpoints: [] })}
      csv={(data) => ({ filename: `${lessonId}-journey.csv`, text: journeyCsv(data, csvHeader(), stageName, tw('tools.yes')) })}
      doneHint={tu('tool.journey.doneHint')}
    >
      {(data, set) => <Builder data={data} set={set} level={level} />}
    </ToolFrame>
  );
}
