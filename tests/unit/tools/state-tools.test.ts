/**
 * Issue 17: src/state/tools.ts, the only code that writes a tool's work: browser storage beside
 * the learner's mirror, the compact summary in `$learner.tools`, bounded reads of tampered data,
 * and working on in memory when storage fails.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InteractionRecord } from '../../../src/engine/learner-state.ts';
import { SELF_CHECK_ITEMS } from '../../../src/engine/tools/selfcheck.ts';
import { emptyLearnerState } from '../../../src/engine/learner-state.ts';
import { painPreset } from '../../../src/engine/tools/painpoints.ts';
import { decodeToolSummaries, toolDone } from '../../../src/engine/tools/summary.ts';
import { exampleWord } from '../../../src/i18n/zh-CN.tools.ts';
import type { PainData, PainStep } from '../../../src/schemas/tools.ts';
import { $browserCopy } from '../../../src/state/persistence.ts';
import { $hydrated, $learner, hydrateLearner, onInteraction } from '../../../src/state/progress.ts';
import { toolKey } from '../../../src/persistence/mirror.ts';
import { clearTool, dismissCuts, readToolEntry, resetToolsForTests, saveTool, toolData, toolStore } from '../../../src/state/tools.ts';

class MemoryStorage implements Storage {
  data = new Map<string, string>();
  get length() { return this.data.size; }
  clear() { this.data.clear(); }
  getItem(key: string) { return this.data.get(key) ?? null; }
  key(index: number) { return [...this.data.keys()][index] ?? null; }
  removeItem(key: string) { this.data.delete(key); }
  setItem(key: string, value: string) { this.data.set(key, value); }
}

/** Storage that refuses every write (Safari private mode, a full quota). */
class FullStorage extends MemoryStorage {
  override setItem(): void {
    throw new DOMException('quota', 'QuotaExceededError');
  }
}

const MIRROR = 'spc:test/full:learner-1';
const step = (id: string, label: string, extra: Partial<PainStep> = {}): PainStep => ({
  id, label, minutes: 5, wait: false, repeat: false, unnecessary: false, severity: 3, ...extra,
});
const three: PainData = { steps: [step('r1', '排队', { wait: true }), step('r2', '填表', { repeat: true }), step('r3', '等房卡', { severity: 5 })] };

let storage: MemoryStorage;
let stop: (() => void) | undefined;

beforeEach(() => {
  storage = new MemoryStorage();
  $hydrated.set(false);
  $browserCopy.set(null);
  resetToolsForTests();
  hydrateLearner(emptyLearnerState());
  $browserCopy.set({ storage, key: MIRROR });
});
afterEach(() => {
  stop?.();
  stop = undefined;
});

describe('saveTool / toolStore', () => {
  it('round trip: saved work is stored under the mirror key and read back by a fresh load', () => {
    const store = toolStore('painpoints');
    stop = store.listen(() => {});
    expect(store.get()).toMatchObject({ ready: true, data: null, fromLms: null, saved: true });
    saveTool('painpoints', three);
    const raw = storage.getItem(toolKey(MIRROR, 'painpoints'));
    expect(raw).not.toBeNull();
    expect(JSON.parse(raw as string)).toEqual({ v: 1, data: three });
    expect(store.get().data).toEqual(three);
    // A new page: nothing held, the store reads the entry again.
    stop();
    resetToolsForTests();
    $browserCopy.set(null);
    $browserCopy.set({ storage, key: MIRROR });
    stop = store.listen(() => {});
    expect(store.get().data).toEqual(three);
    expect(toolData('painpoints')).toEqual(three);
  });

  it('writes the tool summary into $learner.tools and removes it on clear', () => {
    saveTool('painpoints', three);
    expect(toolDone($learner.get().tools, 'painpoints')).toBe(true);
    expect(decodeToolSummaries($learner.get().tools ?? '').summaries.painpoints?.values).toEqual({ problems: 3, flaggedMinutes: 10 });
    saveTool('painpoints', { steps: three.steps.slice(0, 2) });
    expect(toolDone($learner.get().tools, 'painpoints')).toBe(false);
    clearTool('painpoints');
    expect($learner.get().tools).toBeUndefined();
    expect('tools' in $learner.get()).toBe(false);
    expect(storage.getItem(toolKey(MIRROR, 'painpoints'))).toBeNull();
  });

  it('keeps other tools’ summaries and does not touch $learner when the summary is unchanged', () => {
    saveTool('sfmea', { preset: null, rows: [{ id: 'r1', step: 'a', failure: 'b', effect: 'c', scores: { s: 9, o: 2, d: 3 }, countermeasure: '', after: null }] });
    saveTool('painpoints', three);
    const before = $learner.get();
    saveTool('painpoints', { steps: three.steps.map((s) => (s.id === 'r1' ? { ...s, label: '排队等候' } : s)) });
    expect($learner.get()).toBe(before);
    expect(Object.keys(decodeToolSummaries(before.tools ?? '').summaries)).toEqual(['painpoints', 'sfmea']);
  });

  it('bounds what it saves: a 2,000-character label and 500 rows, with the cuts reported until dismissed', () => {
    const store = toolStore('painpoints');
    stop = store.listen(() => {});
    const huge = { steps: Array.from({ length: 500 }, (_, i) => step(`r${i + 1}`, i === 0 ? '长'.repeat(2000) : `步骤${i}`)) };
    const saved = saveTool('painpoints', huge);
    expect(saved.steps).toHaveLength(50);
    expect(Array.from(saved.steps[0]?.label ?? '')).toHaveLength(200);
    expect(store.get().cuts).toEqual({ labelsShortened: 1, charsRemoved: 1800, rowsDropped: 450 });
    saveTool('painpoints', saved);
    expect(store.get().cuts.rowsDropped).toBe(450);
    dismissCuts('painpoints');
    expect(store.get().cuts).toEqual({ labelsShortened: 0, charsRemoved: 0, rowsDropped: 0 });
  });

  it('keeps pasted HTML as text', () => {
    const html = '<img src=x onerror=alert(1)>';
    const saved = saveTool('painpoints', { steps: [step('r1', html)] });
    expect(saved.steps[0]?.label).toBe(html);
  });
});

describe('reading stored data', () => {
  it('tampered entries are bounded and the cut is reported', () => {
    const key = toolKey(MIRROR, 'painpoints');
    storage.setItem(key, JSON.stringify({ v: 1, data: { steps: [{ id: 'r1', label: 'x'.repeat(5000), minutes: 99999, severity: 42, wait: 'yes' }, ...Array.from({ length: 80 }, () => ({ label: 'y' }))] } }));
    const read = readToolEntry(storage, key, 'painpoints');
    expect(read?.data.steps).toHaveLength(50);
    expect(read?.data.steps[0]).toMatchObject({ minutes: 1440, severity: 5 });
    expect(read?.cuts).toMatchObject({ labelsShortened: 1, rowsDropped: 31 });
    // The page connects (the browser copy becomes known) with the tampered entry in storage.
    $browserCopy.set({ storage, key: MIRROR });
    const store = toolStore('painpoints');
    stop = store.listen(() => {});
    expect(store.get().data?.steps).toHaveLength(50);
    expect(store.get().cuts.rowsDropped).toBe(31);
  });

  it('garbage, another version or non-JSON reads as nothing (never throws)', () => {
    const key = toolKey(MIRROR, 'journey');
    for (const text of ['not json', '{"v":2,"data":{}}', 'null', '[1,2]', '{"v":1}']) {
      storage.setItem(key, text);
      const read = readToolEntry(storage, key, 'journey');
      if (text === '{"v":1}') expect(read?.data).toEqual({ persona: '', touchpoints: [] });
      else expect(read).toBeNull();
    }
  });

  it('shows the LMS summary when this browser holds nothing (another device), and not once data is here', () => {
    hydrateLearner({ ...emptyLearnerState(), tools: '1P03000f' });
    const store = toolStore('painpoints');
    stop = store.listen(() => {});
    expect(store.get().data).toBeNull();
    expect(store.get().fromLms).toMatchObject({ done: true, values: { problems: 3 } });
    saveTool('painpoints', painPreset(exampleWord));
    expect(store.get().fromLms).toBeNull();
  });

  it('puts the summary of the work this browser holds back into the learner state once it is loaded (the LMS came back without it)', () => {
    storage.setItem(toolKey(MIRROR, 'painpoints'), JSON.stringify({ v: 1, data: three }));
    $hydrated.set(false);
    $browserCopy.set({ storage, key: MIRROR });
    const store = toolStore('painpoints');
    stop = store.listen(() => {});
    expect($learner.get().tools).toBeUndefined();
    hydrateLearner(emptyLearnerState());
    expect(toolDone($learner.get().tools, 'painpoints')).toBe(true);
    expect(store.get().summary?.done).toBe(true);
  });

  it('is not ready before the stored state is loaded', () => {
    $hydrated.set(false);
    const store = toolStore('sfmea');
    stop = store.listen(() => {});
    expect(store.get().ready).toBe(false);
    $hydrated.set(true);
    expect(store.get().ready).toBe(true);
  });
});

describe('storage unavailable', () => {
  it('a refused write keeps the work in memory, says saved: false, and still updates the summary', () => {
    $browserCopy.set({ storage: new FullStorage(), key: MIRROR });
    const store = toolStore('painpoints');
    stop = store.listen(() => {});
    saveTool('painpoints', three);
    expect(store.get()).toMatchObject({ data: three, saved: false });
    expect(toolDone($learner.get().tools, 'painpoints')).toBe(true);
    expect(toolData('painpoints')).toEqual(three);
  });

  it('no browser copy at all (no storage): works in memory', () => {
    $browserCopy.set(null);
    const store = toolStore('painpoints');
    stop = store.listen(() => {});
    saveTool('painpoints', three);
    expect(store.get()).toMatchObject({ data: three, saved: false });
    expect(toolData('painpoints')).toEqual(three);
  });

  it('a storage that throws on read reads as nothing', () => {
    const broken = new MemoryStorage();
    broken.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    expect(readToolEntry(broken, toolKey(MIRROR, 'painpoints'), 'painpoints')).toBeNull();
  });
});

describe('another tab', () => {
  it('a storage event for the tool’s key refreshes the store', () => {
    const target = new EventTarget();
    const g = globalThis as unknown as Record<string, unknown>;
    const saved = { add: g.addEventListener, remove: g.removeEventListener };
    g.addEventListener = target.addEventListener.bind(target);
    g.removeEventListener = target.removeEventListener.bind(target);
    try {
      resetToolsForTests();
      const store = toolStore('journey');
      stop = store.listen(() => {});
      expect(store.get().data).toBeNull();
      const key = toolKey(MIRROR, 'journey');
      const other = { persona: '商务客人', touchpoints: [{ id: 'r1', stage: 'awareness', label: '同事推荐', emotion: 1 }] };
      storage.setItem(key, JSON.stringify({ v: 1, data: other }));
      const event = new Event('storage');
      Object.defineProperty(event, 'key', { value: key });
      target.dispatchEvent(event);
      expect(store.get().data).toEqual(other);
      const unrelated = new Event('storage');
      Object.defineProperty(unrelated, 'key', { value: `${MIRROR}:tool:sfmea` });
      storage.removeItem(key);
      target.dispatchEvent(unrelated);
      expect(store.get().data).toEqual(other);
    } finally {
      stop?.();
      stop = undefined;
      g.addEventListener = saved.add;
      g.removeEventListener = saved.remove;
    }
  });
});

describe('the finished self-check is reported to the LMS once (issue 17 point 4)', () => {
  it('records one interaction with the per-part result when the self-check becomes done, none before or after', async () => {
    const records: InteractionRecord[] = [];
    const stopListening = onInteraction((r) => records.push(r));
    try {
      const all = Object.fromEntries(SELF_CHECK_ITEMS.map((id, i) => [id, (i % 3) as 0 | 1 | 2]));
      const { [SELF_CHECK_ITEMS[0] as string]: _first, ...missingOne } = all;
      saveTool('selfcheck', { assessedBy: 'management', answers: missingOne });
      saveTool('selfcheck', { assessedBy: 'management', answers: all });
      await vi.waitFor(() => expect(records).toHaveLength(1));
      expect(records[0]).toMatchObject({ id: 'S06.check', type: 'other' });
      expect(records[0]?.response[0]).toMatch(/^total-\d+$/);
      saveTool('selfcheck', { assessedBy: 'staff', answers: all });
      // Any report would ride on the (already loaded) module's promise: let those settle, then count.
      await import('../../../src/lms/readable.ts');
      await Promise.resolve();
      expect(records).toHaveLength(1);
    } finally {
      stopListening();
    }
  });
});
