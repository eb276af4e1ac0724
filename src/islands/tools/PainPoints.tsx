import { useRef } from 'preact/hooks';
import { PAIN_FLAGS, painCsv, painPreset, painTotals, problemMap, type PainCsvHeader } from '../../engine/tools/painpoints.ts';
import { appendRow, moveRow, removeRow } from '../../engine/tools/shared.ts';
import { STEP_MINUTES_MAX, TOOL_LABEL_MAX, TOOL_ROWS_MAX } from '../../schemas/tool-constants.ts';
import type { PainData, PainStep } from '../../schemas/tools.ts';
import { tu } from '../../i18n/zh-CN.tool-ui.ts';
import { NumberField, RowActions, TextField, useFocusAfterRender } from './fields.tsx';
import ToolFrame, { type ToolSet } from './ToolFrame.tsx';
import { exampleWord, fillNodes, Text, tw, useUiLanguage } from './words.tsx';

interface Props {
  lessonId: string;
  level?: 2 | 3;
}

const SEVERITIES = [1, 2, 3, 4, 5] as const;
const severityWord = (n: number) => tw(`tools.pain.severity.${n}` as 'tools.pain.severity.1');
const flagWord = (f: (typeof PAIN_FLAGS)[number]) => tw(`tools.pain.flag.${f}`);
const newStep = (): Omit<PainStep, 'id'> => ({ label: '', minutes: 0, wait: false, repeat: false, unnecessary: false, severity: 3 });

/** The CSV's headings, in the interface language (like the rest of the export's words). */
const csvHeader = (): PainCsvHeader => [
  tw('tools.pain.col.rank'), tw('tools.pain.col.position'), tw('tools.pain.col.step'), tw('tools.pain.col.minutes'), tw('tools.pain.col.wait'),
  tw('tools.pain.col.repeat'), tw('tools.pain.col.unnecessary'), tw('tools.pain.col.severity'), tw('tools.pain.col.score'),
];

function Worksheet({ data, set, level }: { data: PainData; set: ToolSet<PainData>; level: 2 | 3 }) {
  const H = level === 2 ? 'h3' : 'h4';
  const root = useRef<HTMLDivElement>(null);
  const focusAfter = useFocusAfterRender(root, data);
  const steps = data.steps;
  const full = steps.length >= TOOL_ROWS_MAX;
  const update = (id: string, change: Partial<PainStep>) => set((d) => ({ steps: d.steps.map((s) => (s.id === id ? { ...s, ...change } : s)) }));
  const map = problemMap(steps);
  const totals = painTotals(steps);
  const top = map[0];

  return (
    <div class="pp" ref={root} data-pain>
      <p class="tool-note">{tu('tool.labelMax', { max: TOOL_LABEL_MAX })}</p>
      <div class="pp-layout">
        <section class="pp-steps" aria-labelledby="pp-steps-title">
          <H id="pp-steps-title">{tu('tool.pain.stepsTitle')}</H>
          {steps.length === 0 && <p class="tool-note">{tu('tool.empty')}</p>}
          <ol class="tool-rows">
            {steps.map((step, i) => {
              const name = tu('tool.pain.step', { n: i + 1 });
              const id = `pp-${step.id}`;
              return (
                <li key={step.id} class="tool-row" data-row={step.id}>
                  <fieldset>
                    <legend>{name}</legend>
                    <div class="tool-field tool-field-wide">
                      <label for={`${id}-label`}>{tu('tool.pain.label')}</label>
                      <TextField id={`${id}-label`} data-field="label" value={step.label} commit={(text) => update(step.id, { label: text })} />
                    </div>
                    <div class="tool-field">
                      <label for={`${id}-minutes`}>{tu('tool.pain.minutes')}</label>
                      <NumberField id={`${id}-minutes`} data-field="minutes" min={0} max={STEP_MINUTES_MAX} step={0.5} inputMode="decimal" value={step.minutes} commit={(n) => update(step.id, { minutes: n })} />
                    </div>
                    <div class="tool-field">
                      <label for={`${id}-severity`}>{tu('tool.pain.severity')}</label>
                      <select id={`${id}-severity`} data-field="severity" value={String(step.severity)} onChange={(e) => update(step.id, { severity: Number((e.currentTarget as HTMLSelectElement).value) })}>
                        {SEVERITIES.map((n) => (
                          <option key={n} value={String(n)}>
                            {n} · {severityWord(n)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <fieldset class="tool-flags">
                      <legend>{tu('tool.pain.flags')}</legend>
                      {PAIN_FLAGS.map((f) => (
                        <label key={f} class="tool-check">
                          <input type="checkbox" data-flag={f} checked={step[f]} onChange={(e) => update(step.id, { [f]: (e.currentTarget as HTMLInputElement).checked })} />
                          <span>{flagWord(f)}</span>
                        </label>
                      ))}
                    </fieldset>
                    <RowActions
                      index={i}
                      count={steps.length}
                      name={name}
                      onMove={(direction) => {
                        set((d) => ({ steps: [...moveRow(d.steps, step.id, direction)] }));
                        focusAfter(`[data-row="${step.id}"] [data-move="${direction}"]`, `[data-row="${step.id}"] [data-move]:not([disabled])`);
                      }}
                      onRemove={() => {
                        const next = steps[i + 1] ?? steps[i - 1];
                        set((d) => ({ steps: [...removeRow(d.steps, step.id)] }));
                        focusAfter(next ? `[data-row="${next.id}"] [data-field="label"]` : '[data-add]');
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
            data-add
            disabled={full}
            aria-describedby={full ? 'pp-full' : undefined}
            onClick={() => {
              let added: string | undefined;
              set((d) => {
                const next = appendRow(d.steps, newStep());
                added = next.full ? undefined : next.rows[next.rows.length - 1]?.id;
                return { steps: [...next.rows] };
              });
              if (added) focusAfter(`[data-row="${added}"] [data-field="label"]`);
            }}
          >
            {tu('tool.pain.add')}
          </button>
          {full && (
            <p id="pp-full" class="tool-note" data-rows-full>
              {tu('tool.rowsFull', { max: TOOL_ROWS_MAX })}
            </p>
          )}
        </section>

        <section class="pp-map" aria-labelledby="pp-map-title" data-pain-map>
          <H id="pp-map-title">{tu('tool.pain.mapTitle')}</H>
          <p class="tool-note">{tw('tools.pain.rankingNote')}</p>
          <div aria-live="polite" data-pain-summary>
            <p>{tu('tool.pain.totals', { steps: totals.steps, minutes: totals.minutes, flagged: totals.flaggedMinutes, problems: totals.problems })}</p>
            {top && <p>{fillNodes(tu('tool.pain.top', { n: top.position, score: top.score }), { label: top.step.label ? <Text value={top.step.label} /> : tu('tool.pain.untitled') })}</p>}
          </div>
          {map.length > 0 && (
            <div class="tool-scroll" tabIndex={0} role="region" aria-labelledby="pp-map-caption">
              <table class="tool-table">
                <caption id="pp-map-caption">{tu('tool.pain.mapCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tw('tools.pain.col.rank')}</th>
                    <th scope="col">{tw('tools.pain.col.step')}</th>
                    <th scope="col">{tw('tools.pain.col.minutes')}</th>
                    <th scope="col">{tu('tool.pain.flags')}</th>
                    <th scope="col">{tw('tools.pain.col.severity')}</th>
                    <th scope="col">{tw('tools.pain.col.score')}</th>
                  </tr>
                </thead>
                <tbody>
                  {map.map((line) => (
                    <tr key={line.step.id} data-rank={line.rank} data-problem={line.problem ? 'true' : 'false'}>
                      <td class="tool-num">{line.rank}</td>
                      <th scope="row" class="tool-label">
                        <span class="tool-pos">{tu('tool.pain.step', { n: line.position })}</span> {line.step.label ? <Text value={line.step.label} /> : tu('tool.pain.untitled')}
                        {line.problem && <strong class="tool-flag"> {tu('tool.pain.problem')}</strong>}
                      </th>
                      <td class="tool-num">{line.step.minutes}</td>
                      <td>{line.flags.length ? line.flags.map(flagWord).join(' · ') : tu('tool.pain.none')}</td>
                      <td>
                        {line.step.severity} · {severityWord(line.step.severity)}
                      </td>
                      <td class="tool-num" data-score>
                        {line.score}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}

/** S01 pain-point worksheet: steps with minutes, flags and severity → the ranked problem map (engine: painpoints.ts). */
export default function PainPoints({ lessonId, level = 3 }: Props) {
  useUiLanguage();
  return (
    <ToolFrame
      tool="painpoints"
      lessonId={lessonId}
      level={level}
      title={tu('tool.pain.title')}
      instructions={<p>{tu('tool.pain.intro')}</p>}
      presets={[{ id: 'hotel-checkin', label: exampleWord('tools.pain.preset.hotel-checkin'), make: () => painPreset(exampleWord) }]}
      blank={() => ({ steps: [] })}
      csv={(data) => ({ filename: `${lessonId}-painpoints.csv`, text: painCsv(data, csvHeader(), tw('tools.yes')) })}
      doneHint={tu('tool.pain.doneHint')}
    >
      {(data, set) => <Worksheet data={data} set={set} level={level} />}
    </ToolFrame>
  );
}
