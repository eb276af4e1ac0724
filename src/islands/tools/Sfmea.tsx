import { useRef } from 'preact/hooks';
import { FMEA_MAX, FMEA_MIN, isHighSeverity, rpn, setScore, sfmeaCsv, sfmeaPreset, sfmeaTable, startRescore, type SfmeaCsvHeader } from '../../engine/tools/sfmea.ts';
import { appendRow, moveRow, removeRow } from '../../engine/tools/shared.ts';
import { SFMEA_PRESET_IDS, TOOL_LABEL_MAX, TOOL_ROWS_MAX } from '../../schemas/tool-constants.ts';
import type { FmeaScores, SfmeaData, SfmeaRow } from '../../schemas/tools.ts';
import { tu } from '../../i18n/zh-CN.tool-ui.ts';
import { RowActions, TextField, useFocusAfterRender } from './fields.tsx';
import ToolFrame, { type ToolSet } from './ToolFrame.tsx';
import { exampleWord, fillNodes, Text, tw, useUiLanguage } from './words.tsx';

interface Props {
  lessonId: string;
  level?: 2 | 3;
}

const KEYS = ['s', 'o', 'd'] as const;
const RATINGS = Array.from({ length: FMEA_MAX - FMEA_MIN + 1 }, (_, i) => i + FMEA_MIN);
const scaleName = (k: (typeof KEYS)[number]) => tw(`tools.sfmea.${k}`);
const descriptor = (k: (typeof KEYS)[number], n: number) => tw(`tools.sfmea.${k}.${n}` as 'tools.sfmea.s.1');
const TEXTS = ['step', 'failure', 'effect'] as const;
const textLabel = (f: (typeof TEXTS)[number] | 'countermeasure') => tw(`tools.sfmea.col.${f}`);

/** The CSV's headings, in the interface language (like the rest of the export's words). */
const csvHeader = (): SfmeaCsvHeader => [
  tw('tools.sfmea.col.rank'), tw('tools.sfmea.col.step'), tw('tools.sfmea.col.failure'), tw('tools.sfmea.col.effect'), tw('tools.sfmea.col.s'),
  tw('tools.sfmea.col.o'), tw('tools.sfmea.col.d'), tw('tools.sfmea.col.rpn'), tw('tools.sfmea.col.high'), tw('tools.sfmea.col.countermeasure'),
  tw('tools.sfmea.col.s2'), tw('tools.sfmea.col.o2'), tw('tools.sfmea.col.d2'), tw('tools.sfmea.col.rpn2'), tw('tools.sfmea.col.reduction'),
];

/** The three 1–10 selects of one set of scores (before, or after the countermeasure), each option with its descriptor. */
function ScoreSelects({ id, scores, onChange }: { id: string; scores: FmeaScores; onChange: (key: (typeof KEYS)[number], value: number) => void }) {
  return (
    <div class="sf-scores">
      {KEYS.map((k) => (
        <div class="tool-field" key={k}>
          <label for={`${id}-${k}`}>{scaleName(k)}</label>
          <select id={`${id}-${k}`} data-score={k} value={String(scores[k])} onChange={(e) => onChange(k, Number((e.currentTarget as HTMLSelectElement).value))}>
            {RATINGS.map((n) => (
              <option key={n} value={String(n)}>
                {n} · {descriptor(k, n)}
              </option>
            ))}
          </select>
        </div>
      ))}
    </div>
  );
}

function Table({ data, set, level }: { data: SfmeaData; set: ToolSet<SfmeaData>; level: 2 | 3 }) {
  const root = useRef<HTMLDivElement>(null);
  const focusAfter = useFocusAfterRender(root, data);
  const H = level === 2 ? 'h3' : 'h4';
  const rows = data.rows;
  const full = rows.length >= TOOL_ROWS_MAX;
  const update = (id: string, change: Partial<SfmeaRow>) => set((d) => ({ ...d, rows: d.rows.map((r) => (r.id === id ? { ...r, ...change } : r)) }));
  const table = sfmeaTable(rows);
  const top = table[0];
  const highCount = table.filter((l) => l.highSeverity).length;
  const none = tu('tool.sfmea.none');

  return (
    <div class="sf" ref={root} data-sfmea>
      <p class="tool-note">{tw('tools.sfmea.standardNote')}</p>
      <p class="tool-note">{tu('tool.labelMax', { max: TOOL_LABEL_MAX })}</p>
      <section aria-labelledby="sf-rows-title">
        <H id="sf-rows-title">{tu('tool.sfmea.rowsTitle')}</H>
        {rows.length === 0 && <p class="tool-note">{tu('tool.empty')}</p>}
        <ol class="tool-rows">
          {rows.map((row, i) => {
            const name = tu('tool.sfmea.rowName', { n: i + 1 });
            const id = `sf-${row.id}`;
            const before = rpn(row.scores);
            const after = row.after ? rpn(row.after) : null;
            return (
              <li key={row.id} class="tool-row" data-row={row.id}>
                <fieldset>
                  <legend>{name}</legend>
                  {TEXTS.map((f) => (
                    <div class="tool-field tool-field-wide" key={f}>
                      <label for={`${id}-${f}`}>{textLabel(f)}</label>
                      <TextField id={`${id}-${f}`} data-field={f} value={row[f]} commit={(text) => update(row.id, { [f]: text })} />
                    </div>
                  ))}
                  <ScoreSelects id={id} scores={row.scores} onChange={(k, v) => set((d) => setScore(d, row.id, 'scores', k, v))} />
                  <p class="sf-rpn" data-rpn={before}>
                    {tu('tool.sfmea.rpn', { rpn: before })}
                    {isHighSeverity(row.scores) && (
                      <strong class="tool-flag" data-high>
                        {' '}
                        {tu('tool.sfmea.high')}
                      </strong>
                    )}
                  </p>
                  <div class="tool-field tool-field-wide">
                    <label for={`${id}-countermeasure`}>{textLabel('countermeasure')}</label>
                    <TextField id={`${id}-countermeasure`} data-field="countermeasure" value={row.countermeasure} commit={(text) => update(row.id, { countermeasure: text })} />
                  </div>
                  {row.after ? (
                    <div class="sf-after" role="group" aria-labelledby={`${id}-after-title`} data-after>
                      <p id={`${id}-after-title`} class="sf-after-title">
                        {tu('tool.sfmea.afterTitle')}
                      </p>
                      <ScoreSelects id={`${id}-after`} scores={row.after} onChange={(k, v) => set((d) => setScore(d, row.id, 'after', k, v))} />
                      <p class="sf-rpn" data-rpn-after={after ?? ''}>
                        {tu('tool.sfmea.rpnAfter', { rpn: after ?? 0, reduction: before - (after ?? 0), percent: Math.floor(((before - (after ?? 0)) * 100) / before) })}
                        {isHighSeverity(row.after) && <strong class="tool-flag"> {tu('tool.sfmea.high')}</strong>}
                      </p>
                      <button
                        type="button"
                        class="button secondary"
                        data-rescore-off
                        onClick={() => {
                          set((d) => startRescore(d, row.id, false));
                          focusAfter(`[data-row="${row.id}"] [data-rescore]`);
                        }}
                      >
                        {tu('tool.sfmea.rescoreOff')}
                      </button>
                    </div>
                  ) : (
                    <button
                      type="button"
                      class="button secondary"
                      data-rescore
                      onClick={() => {
                        set((d) => startRescore(d, row.id, true));
                        focusAfter(`[data-row="${row.id}"] [data-after] select`);
                      }}
                    >
                      {tu('tool.sfmea.rescore')}
                    </button>
                  )}
                  <RowActions
                    index={i}
                    count={rows.length}
                    name={name}
                    onMove={(direction) => {
                      set((d) => ({ ...d, rows: [...moveRow(d.rows, row.id, direction)] }));
                      focusAfter(`[data-row="${row.id}"] [data-move="${direction}"]`, `[data-row="${row.id}"] [data-move]:not([disabled])`);
                    }}
                    onRemove={() => {
                      const next = rows[i + 1] ?? rows[i - 1];
                      set((d) => ({ ...d, rows: [...removeRow(d.rows, row.id)] }));
                      focusAfter(next ? `[data-row="${next.id}"] [data-field="step"]` : '[data-add]');
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
          aria-describedby={full ? 'sf-full' : undefined}
          onClick={() => {
            let added: string | undefined;
            set((d) => {
              const next = appendRow(d.rows, { step: '', failure: '', effect: '', scores: { s: 5, o: 5, d: 5 }, countermeasure: '', after: null });
              added = next.full ? undefined : next.rows[next.rows.length - 1]?.id;
              return { ...d, rows: [...next.rows] };
            });
            if (added) focusAfter(`[data-row="${added}"] [data-field="step"]`);
          }}
        >
          {tu('tool.sfmea.add')}
        </button>
        {full && (
          <p id="sf-full" class="tool-note" data-rows-full>
            {tu('tool.rowsFull', { max: TOOL_ROWS_MAX })}
          </p>
        )}
      </section>

      <section aria-labelledby="sf-table-title" data-sfmea-result>
        <H id="sf-table-title">{tu('tool.sfmea.tableTitle')}</H>
        <p aria-live="polite" data-sfmea-summary>
          {top
            ? fillNodes(tu('tool.sfmea.summary', { count: table.length, max: top.rpnAfter ?? top.rpnBefore, high: highCount }), { failure: top.row.failure ? <Text value={top.row.failure} /> : tu('tool.sfmea.untitled') })
            : tu('tool.empty')}
        </p>
        {table.length > 0 && (
          <div class="tool-scroll" tabIndex={0} role="region" aria-labelledby="sf-table-caption">
            <table class="tool-table" data-sfmea-table>
              <caption id="sf-table-caption">{tu('tool.sfmea.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{tw('tools.sfmea.col.rank')}</th>
                  <th scope="col">{tw('tools.sfmea.col.failure')}</th>
                  <th scope="col">{tw('tools.sfmea.col.s')}</th>
                  <th scope="col">{tw('tools.sfmea.col.o')}</th>
                  <th scope="col">{tw('tools.sfmea.col.d')}</th>
                  <th scope="col">{tw('tools.sfmea.col.rpn')}</th>
                  <th scope="col">{tw('tools.sfmea.col.high')}</th>
                  <th scope="col">{tw('tools.sfmea.col.rpn2')}</th>
                  <th scope="col">{tw('tools.sfmea.col.reduction')}</th>
                </tr>
              </thead>
              <tbody>
                {table.map((l) => (
                  <tr key={l.row.id} data-rank={l.rank} data-row-id={l.row.id}>
                    <td class="tool-num">{l.rank}</td>
                    <th scope="row" class="tool-label">
                      <span class="tool-pos">{l.row.step ? <Text value={l.row.step} /> : tu('tool.sfmea.untitled')}</span> {l.row.failure ? <Text value={l.row.failure} /> : tu('tool.sfmea.untitled')}
                    </th>
                    <td class="tool-num">{l.row.scores.s}</td>
                    <td class="tool-num">{l.row.scores.o}</td>
                    <td class="tool-num">{l.row.scores.d}</td>
                    <td class="tool-num" data-cell="rpn">
                      {l.rpnBefore}
                    </td>
                    <td data-cell="high">{l.highSeverity ? <strong class="tool-flag">{tw('tools.yes')}</strong> : none}</td>
                    <td class="tool-num" data-cell="rpn-after">
                      {l.rpnAfter ?? none}
                    </td>
                    <td class="tool-num" data-cell="reduction">
                      {l.reduction === null ? none : tu('tool.sfmea.reduction', { reduction: l.reduction, percent: l.reductionPercent ?? 0 })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

/** S03 SFMEA / RPN calculator: failure modes with S, O, D → live RPN, sorted table, high-severity flag, re-score (engine: sfmea.ts). */
export default function Sfmea({ lessonId, level = 3 }: Props) {
  useUiLanguage();
  return (
    <ToolFrame
      tool="sfmea"
      lessonId={lessonId}
      level={level}
      title={tu('tool.sfmea.title')}
      instructions={<p>{tu('tool.sfmea.intro')}</p>}
      presets={SFMEA_PRESET_IDS.map((p) => ({ id: p, label: exampleWord(`tools.sfmea.preset.${p}`), make: () => sfmeaPreset(p, exampleWord) }))}
      blank={() => ({ preset: null, rows: [] })}
      csv={(data) => ({ filename: `${lessonId}-sfmea.csv`, text: sfmeaCsv(data, csvHeader(), tw('tools.yes')) })}
      doneHint={tu('tool.sfmea.doneHint')}
    >
      {(data, set) => <Table data={data} set={set} level={level} />}
    </ToolFrame>
  );
}
