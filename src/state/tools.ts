/**
 * The Part 8 tools' work (storage decision: src/engine/tools/index.ts): the only code that writes
 * a tool's data. Each tool's work is one browser-storage entry beside the learner's mirror
 * (`${$browserCopy.key}:tool:${tool}`, JSON `{"v":1,"data":…}`), validated by the tool's
 * normaliser when read, and the learner state carries only the compact summary (`tools`), which
 * is what the LMS keeps. Islands read `toolStore(tool)` and call `saveTool` / `clearTool`.
 */
import { atom, computed, onMount, type ReadableAtom, type WritableAtom } from 'nanostores';
import { decodeToolSummaries, withToolSummary, type ToolSummary } from '../engine/tools/summary.ts';
import { noCuts, type Cuts } from '../engine/tools/shared.ts';
import { normaliseTool, summariseTool } from '../engine/tools/index.ts';
import type { ToolData, ToolId } from '../schemas/tools.ts';
import { toolKey } from '../persistence/tool-key.ts';
import { $browserCopy } from './persistence.ts';
import { $hydrated, $learner, recordInteraction, updateLearner } from './progress.ts';
import { toolDoneIn } from '../engine/tools/letters.ts';

/** Format version of a stored tool entry. */
export const TOOL_STORE_VERSION = 1;

/** What an island sees of one tool. */
export interface ToolView<T extends ToolId> {
  /** False until the stored state is loaded (the island shows a loading note). */
  ready: boolean;
  /** The learner's work, null while nothing is stored (the frame then loads the first preset). */
  data: ToolData[T] | null;
  /** What bounding cut from the learner's input (or from stored data) since the notice was last dismissed. */
  cuts: Cuts;
  /** The LMS's summary of this tool when this browser holds no data for it (work done on another device). */
  fromLms: ToolSummary<T> | null;
  /** This tool's summary as the learner state now holds it (done flag, headline numbers). */
  summary: ToolSummary<T> | null;
  /** False when the last write could not reach browser storage (private mode, quota): the work lives in this page only. */
  saved: boolean;
}

interface Held {
  /** The storage key the data was read from / written to (null: none known yet). */
  key: string | null;
  data: unknown;
  cuts: Cuts;
  saved: boolean;
}

const held = new Map<ToolId, WritableAtom<Held>>();
const views = new Map<ToolId, ReadableAtom<ToolView<ToolId>>>();


const currentKey = (tool: ToolId) => {
  const copy = $browserCopy.get();
  return copy ? toolKey(copy.key, tool) : null;
};

/** Reads and validates a stored entry: null when absent or unreadable; oversized data comes back bounded with its cuts. */
export function readToolEntry<T extends ToolId>(storage: Storage | undefined, key: string, tool: T): { data: ToolData[T]; cuts: Cuts } | null {
  let text: string | null = null;
  try {
    text = storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
  if (text === null) return null;
  let entry: unknown;
  try {
    entry = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof entry !== 'object' || entry === null || (entry as { v?: unknown }).v !== TOOL_STORE_VERSION) return null;
  // The normaliser's output is valid by construction (tests/unit/tools: every normaliser's output passes its schema;
  // the schema itself is not used here, so a tool page does not ship zod).
  return (normaliseTool[tool] as (raw: unknown) => { data: ToolData[T]; cuts: Cuts })((entry as { data?: unknown }).data);
}

function load(tool: ToolId, store: WritableAtom<Held>): void {
  const key = currentKey(tool);
  const copy = $browserCopy.get();
  const read = key ? readToolEntry(copy?.storage, key, tool) : null;
  store.set({ key, data: read?.data ?? null, cuts: read?.cuts ?? noCuts(), saved: true });
}

function heldStore(tool: ToolId): WritableAtom<Held> {
  let store = held.get(tool);
  if (store) return store;
  const created = atom<Held>({ key: null, data: null, cuts: noCuts(), saved: true });
  store = created;
  held.set(tool, created);
  onMount(created, () => {
    // (Re)load when an island starts showing the tool and whenever the browser copy changes
    // (another learner), unless the work held here could not be stored (it lives only in memory).
    const stopCopy = $browserCopy.subscribe(() => {
      const h = created.get();
      if (h.key !== currentKey(tool) || h.saved) load(tool, created);
    });
    // Another tab of this course saved or cleared this tool: take its work in.
    const target = globalThis as unknown as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>;
    const onStorage = (event: StorageEvent) => {
      const key = currentKey(tool);
      if (key && (event.key === key || event.key === null)) load(tool, created);
    };
    target.addEventListener?.('storage', onStorage);
    // The learner state's summary follows the work this browser holds (e.g. the LMS came back
    // without it): once the stored state is loaded, and whenever the work is (re)read.
    const heal = () => {
      const h = created.get();
      if ($hydrated.get() && h.data !== null) writeSummary(tool, (summariseTool[tool] as (d: unknown) => ToolSummary | null)(h.data));
    };
    const stopHydrated = $hydrated.subscribe(heal);
    const stopHeld = created.listen(heal);
    return () => {
      stopCopy();
      stopHydrated();
      stopHeld();
      target.removeEventListener?.('storage', onStorage);
    };
  });
  return created;
}

/** The view of one tool's work (one store per tool, shared by every island that shows it). */
export function toolStore<T extends ToolId>(tool: T): ReadableAtom<ToolView<T>> {
  let view = views.get(tool);
  if (!view) {
    view = computed([$hydrated, $learner, heldStore(tool)], (hydrated, learner, h): ToolView<ToolId> => {
      const summary = (decodeToolSummaries(learner.tools ?? '').summaries[tool] as ToolSummary<ToolId> | undefined) ?? null;
      return {
        ready: hydrated,
        data: h.data as ToolData[ToolId] | null,
        cuts: h.cuts,
        fromLms: h.data === null ? summary : null,
        summary,
        saved: h.saved,
      };
    });
    views.set(tool, view);
  }
  return view as unknown as ReadableAtom<ToolView<T>>;
}

function writeSummary(tool: ToolId, summary: ToolSummary | null): void {
  updateLearner((s) => {
    const next = withToolSummary(s.tools, tool, summary);
    if (next === s.tools) return s;
    if (next === undefined) {
      const { tools: _gone, ...rest } = s;
      return rest;
    }
    return { ...s, tools: next };
  });
}

/**
 * Saves a tool's work: bounded by the tool's normaliser (what it cut is added to the view's
 * `cuts`), written to browser storage (when storage fails the work stays in memory and the view
 * says `saved: false`), and the tool's summary written into the learner state (the LMS's copy).
 * Returns the bounded data.
 */
export function saveTool<T extends ToolId>(tool: T, data: ToolData[T] | unknown): ToolData[T] {
  const store = heldStore(tool);
  // Before the store changes: a mounted store heals the summary as soon as it is set.
  const wasDone = toolDoneIn($learner.get().tools, tool);
  const { data: clean, cuts } = (normaliseTool[tool] as (raw: unknown) => { data: ToolData[T]; cuts: Cuts })(data);
  const key = currentKey(tool);
  const storage = $browserCopy.get()?.storage;
  let saved = false;
  if (key && storage) {
    try {
      storage.setItem(key, JSON.stringify({ v: TOOL_STORE_VERSION, data: clean }));
      saved = true;
    } catch {
      saved = false;
    }
  }
  const before = store.get();
  store.set({
    key,
    data: clean,
    cuts: {
      labelsShortened: before.cuts.labelsShortened + cuts.labelsShortened,
      charsRemoved: before.cuts.charsRemoved + cuts.charsRemoved,
      rowsDropped: before.cuts.rowsDropped + cuts.rowsDropped,
    },
    saved,
  });
  writeSummary(tool, (summariseTool[tool] as (d: ToolData[T]) => ToolSummary | null)(clean));
  if (tool === 'selfcheck' && !wasDone && toolDoneIn($learner.get().tools, tool)) reportSelfCheck();
  return clean;
}

/**
 * The finished self-check goes to the LMS as one interaction as well as its objectives: in SCORM
 * 1.2 it is the only place an admin reads its per-part result (src/lms/readable.ts). Loaded when
 * needed, so tool pages do not carry the report words.
 */
function reportSelfCheck(): void {
  void import('../lms/readable.ts').then(({ selfCheckRecord }) => {
    const record = selfCheckRecord($learner.get(), new Date().toISOString());
    if (record) recordInteraction(record);
  });
}

/** The learner has read the "input was cut" notice. */
export function dismissCuts(tool: ToolId): void {
  const store = heldStore(tool);
  store.set({ ...store.get(), cuts: noCuts() });
}

/** Removes a tool's work from this browser and its summary from the learner state. */
export function clearTool(tool: ToolId): void {
  const store = heldStore(tool);
  const key = currentKey(tool);
  let saved = true;
  if (key) {
    try {
      $browserCopy.get()?.storage?.removeItem(key);
    } catch {
      saved = false;
    }
  }
  store.set({ key, data: null, cuts: noCuts(), saved });
  writeSummary(tool, null);
}

/** Another tool's current work (e.g. the impact sorter reads the self-check's answers), null when none. */
export function toolData<T extends ToolId>(tool: T): ToolData[T] | null {
  const store = held.get(tool);
  const h = store?.get();
  if (h && h.key !== null && h.key === currentKey(tool)) return h.data as ToolData[T] | null;
  const key = currentKey(tool);
  return key ? (readToolEntry($browserCopy.get()?.storage, key, tool)?.data ?? null) : ((h?.data as ToolData[T] | null | undefined) ?? null);
}

/** Test hook: forget every tool's held work. */
export function resetToolsForTests(): void {
  for (const store of held.values()) store.set({ key: null, data: null, cuts: noCuts(), saved: true });
}
