import { useStore } from '@nanostores/preact';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { hasCuts } from '../../engine/tools/shared.ts';
import { TOOL_LABEL_MAX, TOOL_ROWS_MAX } from '../../schemas/tool-constants.ts';
import type { ToolData, ToolId } from '../../schemas/tools.ts';
import { $uiLanguage } from '../../i18n/active.ts';
import { tu } from '../../i18n/zh-CN.tool-ui.ts';
import { clearTool, dismissCuts, saveTool, toolStore } from '../../state/tools.ts';
import { fillNodes, Text, textLang, tw } from './words.tsx';
import './Tools.css';

export interface ToolPreset<D> {
  id: string;
  /** The preset's name (course text, marked with its language where shown). */
  label: string;
  make: () => D;
}

/**
 * How a tool body changes its data: the next data, or (preferred) a function of the current data.
 * The function form always starts from the latest saved data: the body's `data` prop can be one
 * render behind (the store re-renders the island on a timer), so two quick changes never undo each other.
 */
export type ToolSet<D> = (next: D | ((current: D) => D)) => void;

export interface ToolFrameProps<T extends ToolId> {
  tool: T;
  lessonId: string;
  /** The tool's title and instructions (interface words). */
  title: string;
  instructions?: ComponentChildren;
  /** Examples from the engine; [0] is shown on first open (not saved until the learner changes it). */
  presets: readonly ToolPreset<ToolData[T]>[];
  /** "用我自己的流程": an empty sheet for the learner's own workplace. */
  blank: () => ToolData[T];
  /** The blank button's words where "用我自己的流程" does not fit (the self-check: start again); no presets → no preset button. */
  blankLabel?: string;
  /** The CSV file (text from the engine's *Csv function, BOM included). */
  csv: (data: ToolData[T]) => { filename: string; text: string };
  /** What is still missing before the tool counts as done (shown while it is not done). */
  doneHint?: string;
  /** Heading level of the title (default 3: under a lesson section). */
  level?: 2 | 3;
  children: (data: ToolData[T], set: ToolSet<ToolData[T]>) => ComponentChildren;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Downloads text as a file (Blob + a temporary `<a download>`). */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The chrome every Part 8 tool shares: title and instructions, the example/blank chooser (asking
 * in the page before it replaces the learner's own work), the notice of what bounding cut, where
 * the work is kept, the done state (from the tool's summary), and the two exports (CSV download
 * and a print layout of this tool alone). The tool's body is `children(data, set)`: every change
 * goes through `set`, which saves (src/state/tools.ts). Text is rendered as text, never as markup.
 */
export default function ToolFrame<T extends ToolId>(props: ToolFrameProps<T>) {
  const { tool, presets, blank, level = 3 } = props;
  // The server renders the loading note; the first client render must match it (hydration).
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const store = toolStore(tool);
  const stored = useStore(store);
  useStore($uiLanguage);
  const view = mounted && stored.ready ? stored : null;
  /** Which example is on show while nothing is stored (its data is not saved until edited). */
  const [presetIndex, setPresetIndex] = useState(0);
  const [choice, setChoice] = useState(0);
  /** A replacement waiting for the learner's yes. */
  const [pending, setPending] = useState<null | { kind: 'preset'; index: number } | { kind: 'blank' }>(null);
  const [live, setLive] = useState('');
  const [printDate, setPrintDate] = useState('');
  const [printing, setPrinting] = useState(false);
  /** Counts Print presses: each one prints once its heading (date) and markers have rendered. */
  const [printRequest, setPrintRequest] = useState(0);
  const root = useRef<HTMLElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const H = level === 2 ? 'h2' : 'h3';
  const uid = `tool-${tool}`;

  const fallback = presets[presetIndex] ?? presets[0];
  const data: ToolData[T] | null = view ? (view.data ?? (fallback ? fallback.make() : blank())) : null;
  const showingPreset = view !== null && view.data === null;
  /** The learner's own typing would be lost: stored data that is neither an example nor the blank sheet. */
  const ownWork = view?.data != null && !same(view.data, blank()) && !presets.some((p) => same(p.make(), view.data));

  useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);

  useEffect(() => {
    if (printRequest === 0) return;
    const end = () => {
      setPrinting(false);
      document.documentElement.removeAttribute('data-tool-printing');
    };
    addEventListener('afterprint', end, { once: true });
    document.documentElement.setAttribute('data-tool-printing', tool);
    window.print();
    return () => removeEventListener('afterprint', end);
  }, [printRequest]);

  const apply = (next: NonNullable<typeof pending>) => {
    if (next.kind === 'preset') {
      // An example is shown, not stored: the learner's first change saves it.
      clearTool(tool);
      setPresetIndex(next.index);
      setLive(tu('tool.loaded.preset', { name: presets[next.index]?.label ?? '' }));
    } else {
      saveTool(tool, blank());
      setLive(tu('tool.loaded.blank'));
    }
  };
  const ask = (next: NonNullable<typeof pending>, from: EventTarget | null) => {
    if (!ownWork) return apply(next);
    returnFocus.current = from as HTMLElement | null;
    setPending(next);
  };
  const answer = (yes: boolean) => {
    if (yes && pending) apply(pending);
    setPending(null);
    returnFocus.current?.focus();
  };
  const set: ToolSet<ToolData[T]> = (next) => {
    const current = (store.get().data ?? (fallback ? fallback.make() : blank())) as ToolData[T];
    saveTool(tool, typeof next === 'function' ? next(current) : next);
  };
  const exportCsv = () => {
    if (!data) return;
    const file = props.csv(data);
    downloadText(file.filename, file.text);
  };
  const print = () => {
    setPrintDate(new Date().toLocaleDateString($uiLanguage.get() === 'en' ? 'en' : 'zh-CN', { year: 'numeric', month: 'long', day: 'numeric' }));
    setPrinting(true);
    setPrintRequest((n) => n + 1);
  };

  const cuts = view?.cuts;
  const summary = view?.summary ?? null;
  return (
    <section class="tool" ref={root} data-tool-frame={tool} data-printing={printing ? '' : undefined} aria-labelledby={`${uid}-title`}>
      <p class="tool-kicker tool-noprint">{tu('tool.kind')}</p>
      <H id={`${uid}-title`} class="tool-title">
        {props.title}
      </H>
      <p class="tool-print-head">{tu('tool.printedOn', { date: printDate })}</p>
      {props.instructions && <div class="tool-instructions">{props.instructions}</div>}
      {!view && <p class="tool-note">{tu('tool.loading')}</p>}
      {view && data && (
        <>
          <div class="tool-start tool-noprint" role="group" aria-labelledby={`${uid}-start`}>
            <span id={`${uid}-start`} class="tool-start-label">
              {tu('tool.start')}
            </span>
            {presets.length > 1 ? (
              <>
                <label for={`${uid}-preset`}>{tu('tool.presetPick')}</label>
                <select id={`${uid}-preset`} value={String(choice)} onChange={(e) => setChoice(Number((e.currentTarget as HTMLSelectElement).value))}>
                  {presets.map((p, i) => (
                    <option key={p.id} value={String(i)} lang={textLang(p.label)}>
                      {p.label}
                    </option>
                  ))}
                </select>
              </>
            ) : null}
            {presets.length > 0 && (
              <button type="button" class="button secondary" data-tool-preset onClick={(e) => ask({ kind: 'preset', index: presets.length > 1 ? choice : 0 }, e.currentTarget)}>
                {presets.length === 1 ? fillNodes(tw('tools.named', { what: tu('tool.presetLoad') }), { name: <Text value={presets[0]?.label ?? ''} /> }) : tu('tool.presetLoad')}
              </button>
            )}
            <button type="button" class="button secondary" data-tool-blank onClick={(e) => ask({ kind: 'blank' }, e.currentTarget)}>
              {props.blankLabel ?? tu('tool.blank')}
            </button>
          </div>
          {pending && (
            <div class="tool-confirm tool-noprint" role="group" aria-labelledby={`${uid}-confirm`} data-tool-confirm>
              <p id={`${uid}-confirm`}>{tu('tool.confirm.text')}</p>
              <button type="button" class="button" ref={confirmRef} data-confirm-yes onClick={() => answer(true)}>
                {tu('tool.confirm.yes')}
              </button>
              <button type="button" class="button secondary" data-confirm-no onClick={() => answer(false)}>
                {tu('tool.confirm.no')}
              </button>
            </div>
          )}
          <p class="tool-note tool-noprint" data-tool-showing>
            {showingPreset && fallback ? fillNodes(tu('tool.showing.preset'), { name: <Text value={fallback.label} /> }) : tu('tool.showing.own')}
          </p>
          {view.fromLms && (
            <p class="tool-note tool-warn" data-tool-other-device>
              {tu('tool.otherDevice', { state: tu(view.fromLms.done ? 'tool.otherDevice.done' : 'tool.otherDevice.started') })}
            </p>
          )}
          {cuts && hasCuts(cuts) && (
            <div class="tool-cut tool-noprint" role="status" data-tool-cuts>
              <p>{tu('tool.cut.title')}</p>
              <ul>
                {cuts.labelsShortened > 0 && <li data-cut-labels={cuts.labelsShortened}>{tw('tools.cut.labels', { count: cuts.labelsShortened, max: TOOL_LABEL_MAX })}</li>}
                {cuts.rowsDropped > 0 && <li data-cut-rows={cuts.rowsDropped}>{tw('tools.cut.rows', { count: cuts.rowsDropped, max: TOOL_ROWS_MAX })}</li>}
              </ul>
              <button type="button" class="button secondary" onClick={() => dismissCuts(tool)}>
                {tu('tool.cut.dismiss')}
              </button>
            </div>
          )}
          <div class="tool-body">{props.children(data, set)}</div>
          <p class="tool-done" data-tool-done={summary?.done ? 'true' : 'false'}>
            {summary?.done ? tu('tool.done') : tu('tool.notDone', { hint: props.doneHint ?? '' })}
          </p>
          <div class="tool-export tool-noprint" role="group" aria-labelledby={`${uid}-export`}>
            <span id={`${uid}-export`} class="tool-start-label">
              {tu('tool.export')}
            </span>
            <button type="button" class="button secondary" data-tool-csv onClick={exportCsv}>
              {tu('tool.csv')}
            </button>
            <button type="button" class="button secondary" data-tool-print onClick={print}>
              {tu('tool.print')}
            </button>
            <p class="tool-note">{tu('tool.exportNote')}</p>
          </div>
          <p class={view.saved ? 'tool-note tool-noprint' : 'tool-note tool-warn tool-noprint'} data-tool-saved={view.saved ? 'true' : 'false'}>
            {view.saved ? tu('tool.where') : tu('tool.notSaved')}
          </p>
        </>
      )}
      <p class="visually-hidden" aria-live="polite" data-tool-live>
        {live}
      </p>
    </section>
  );
}
