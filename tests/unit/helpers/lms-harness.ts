/**
 * A SCORM LMS in Node for adapter tests: scorm-again (the real runtime the preview uses) with
 * an in-memory "server", wrapped in the same quirk profiles and fault switches as the preview.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { wrapApi } from '../../../scripts/preview/client/quirks.js';
import { createScormAdapter, type Clock } from '../../../src/lms/scorm-adapter.ts';
import { driver12, driver2004, type RawApi12, type RawApi2004 } from '../../../src/lms/scorm-api.ts';
import { scorm12Profile } from '../../../src/lms/scorm12.ts';
import { scorm2004Profile } from '../../../src/lms/scorm2004.ts';
import { patchLmsStatus } from '../../../src/lms/status.ts';
import type { LmsAdapter } from '../../../src/lms/types.ts';

export class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, String(value));
  }
}

export class FakeClock implements Clock {
  time = 1_000_000;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private next = 1;
  now() {
    return this.time;
  }
  setTimeout(fn: () => void, ms: number) {
    const id = this.next++;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  /** Moves time forward, running due timers in order. */
  advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const due = this.timers[0];
      if (!due || due.at > end) break;
      this.timers.shift();
      this.time = due.at;
      due.fn();
    }
    this.time = end;
  }
  get pending() {
    return this.timers.length;
  }
}

export type Version = '1.2' | '2004';
export interface Faults {
  commitFails: boolean;
  initializeFails: boolean;
  slow: boolean;
  slowMs?: number;
  /** Commit and Terminate answer "false" (the whole way out fails). */
  terminateFails?: boolean;
  /** The commit request never reaches the server (scorm-again's own Commit then fails). */
  offline?: boolean;
  /** The LMS refuses every SetValue and Commit. */
  outage?: boolean;
}

/** What the LMS stored between launches (the last committed CMI object). */
export interface LmsStore {
  cmi: Record<string, unknown> | null;
  commits: number;
}

export interface Launch {
  api: Record<string, (...args: string[]) => string>;
  inner: InstanceType<typeof Scorm12API> | InstanceType<typeof Scorm2004API>;
  calls: { name: string; args: unknown[]; result: unknown; error: number }[];
}

/** Launches a SCO session like an LMS: loads the stored CMI (entry resume/ab-initio) into scorm-again. */
export function launch(version: Version, store: LmsStore, options: { profile?: string; faults?: Faults; learner?: string; mastery?: number } = {}): Launch {
  const faults = options.faults ?? { commitFails: false, initializeFails: false, slow: false };
  const profile = options.profile ?? 'clean';
  const httpService = {
    updateSettings() {},
    processHttpRequest(_url: string, params: { cmi: Record<string, unknown> }) {
      if (faults.offline) return { result: 'false', errorCode: 391 };
      if (profile !== 'commit-keeps-nothing') {
        store.cmi = structuredClone(params.cmi);
        store.commits++;
      }
      return { result: 'true', errorCode: 0 };
    },
  };
  const settings = { lmsCommitUrl: '/commit', httpService, logLevel: 5 as const };
  const inner = version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
  const learner = options.learner ?? 'u1';
  const saved = store.cmi ? structuredClone(store.cmi) : null;
  if (version === '1.2') {
    const core = { ...((saved?.core as object) ?? {}), student_id: learner, entry: saved ? 'resume' : 'ab-initio', credit: 'credit', lesson_mode: 'normal' };
    inner.loadFromJSON({ ...(saved ?? {}), core, student_data: { mastery_score: String(options.mastery ?? 80) } });
  } else {
    inner.loadFromJSON({ ...(saved ?? {}), learner_id: learner, entry: saved ? 'resume' : 'ab-initio', credit: 'credit', mode: 'normal', scaled_passing_score: String((options.mastery ?? 80) / 100) });
  }
  const calls: Launch['calls'] = [];
  const api = wrapApi(inner, version, { profile, faults, onCall: (name, args, result, error) => calls.push({ name, args, result, error }) });
  return { api: api as Launch['api'], inner, calls };
}

/** An adapter session against a scorm-again LMS of the given version (the shape both LMS suites use). */
export interface Session {
  adapter: LmsAdapter;
  lms: Launch;
  clock: FakeClock;
  logs: string[];
}

export function startSession(
  version: Version,
  store: LmsStore,
  storage: Storage | undefined,
  courseId: string,
  options: { profile?: string; faults?: Faults; clock?: FakeClock } = {},
): Session {
  const lms = launch(version, store, options);
  const clock = options.clock ?? new FakeClock();
  const logs: string[] = [];
  const adapter = createScormAdapter({
    driver: version === '1.2' ? driver12(lms.api as unknown as RawApi12) : driver2004(lms.api as unknown as RawApi2004),
    profile: version === '1.2' ? scorm12Profile : scorm2004Profile,
    courseId,
    packageId: `course-scorm${version === '1.2' ? '12' : '2004'}`,
    storage,
    clock,
    status: patchLmsStatus,
    log: (m) => logs.push(m),
  });
  return { adapter, lms, clock, logs };
}
