/**
 * The fault matrix, Node half (issue 9): every fault that needs no browser, against scorm-again
 * (the runtime the preview uses) wrapped in the preview's quirk profiles and fault switches, in
 * both SCORM versions. Each case asserts the facts that survive — lessons complete, answers in
 * progress, role-play results, interactions in the LMS — and what the learner is told. The
 * browser half (two windows, a blocked localStorage, offline, closing a slow LMS early) is
 * tests/e2e/lms-faults.spec.ts; two tabs and Initialize failing without a browser are in
 * tests/unit/persistence/ (two-tabs, pending); README "Never lose a learner's work" lists both.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { maximalState } from '../../src/persistence/suspend/bench.ts';
import { saveNoticeText } from '../../src/persistence/save-notice.ts';
import { ID_TABLES } from '../../src/persistence/suspend/ids.ts';
import { encodeV2Body } from '../../src/persistence/suspend/v2.ts';
import { decodeLearnerState, encodeLearnerState } from '../../src/persistence/suspend/versions.ts';
import type { InteractionRecord, LearnerState, ScenarioResult } from '../../src/engine/learner-state.ts';
import { scorm12Profile } from '../../src/lms/scorm12.ts';
import { scorm2004Profile } from '../../src/lms/scorm2004.ts';
import { $lmsStatus, initialLmsStatus } from '../../src/lms/status.ts';
import type { CourseData } from '../../src/state/course.ts';
import { summarize } from '../../src/state/summary.ts';
import { FakeClock, launch, MemoryStorage, startSession, type Faults, type LmsStore, type Session, type Version } from './helpers/lms-harness.ts';

const course: CourseData = {
  courseId: 'service-pitfalls',
  title: '服务行业雷区',
  parts: [],
  lessons: [
    { id: 'P01', title: '一', part: 'part1', minutes: 15, href: 'p01.html', quiz: 'p01', scenario: 'p01-broadband-install' },
    { id: 'P02', title: '二', part: 'part1', minutes: 15, href: 'p02.html', quiz: 'p02' },
    { id: 'P03', title: '三', part: 'part1', minutes: 15, href: 'p03.html' },
  ],
};

const ROLEPLAY: ScenarioResult = { ending: 'e-calm', total: 84, dimensions: [80, 90, 70, 85, 95], steps: ['listen', 'empathise', 'solve'], path: ['c1', 'c4', 'c8'], passed: true };

/** A learner half-way: P01 finished (quiz passed, role-play done), P02's check in progress. */
function work(): LearnerState {
  return {
    location: 'P02',
    visited: ['P01', 'P02'],
    ended: ['P01'],
    quizzes: {
      p01: { attempts: 1, best: 90, passed: true, current: null },
      p02: { attempts: 1, best: null, passed: false, current: { seed: 7, position: 1, responses: { q1: ['a'], q2: ['true'] }, checked: ['q1'], submitted: false, score: null } },
    },
    scenarios: { 'p01-broadband-install': { plays: 1, best: 84, passed: true, current: null, last: ROLEPLAY } },
  };
}

const at = (id: string, extra: Partial<InteractionRecord> = {}): InteractionRecord => ({
  id,
  type: 'matching',
  description: '把客户的话和应对配对',
  response: ['follow-up:r-standard', 'listen:r-monitor'],
  correct: ['follow-up:r-standard', 'listen:r-channels'],
  credit: 0.5,
  latencyMs: 9_000,
  timestamp: '2026-03-04T05:06:07.890Z',
  objective: 'P01',
  ...extra,
});
const ANSWERS = [at('p01.q1'), at('p01.q2', { type: 'choice', response: ['b'], correct: ['b'], credit: 1 }), at('p02.q1', { type: 'sequencing', response: ['r-a', 'r-b'], correct: ['r-a', 'r-b'], credit: 1 })];
const ROLEPLAY_RECORD = at('rp.p01-broadband-install', { type: 'other', response: ['c1', 'c4', 'c8'], correct: [], credit: 0.84 });


const noFaults = (): Faults => ({ commitFails: false, initializeFails: false, slow: false });

function start(version: Version, store: LmsStore, storage: Storage | undefined, options: { profile?: string; faults?: Faults; clock?: FakeClock } = {}): Session {
  return startSession(version, store, storage, course.courseId, options);
}

const save = (s: Session, state: LearnerState) => s.adapter.save(state, summarize(course, state));
const finish = (s: Session, state: LearnerState) => s.adapter.finish(state, summarize(course, state));
const get = (store: LmsStore, key: string): unknown => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], store.cmi);

/** The facts a learner cares about, from a state. */
function facts(state: LearnerState | null) {
  return {
    ended: state?.ended ?? [],
    p01: state?.quizzes.p01?.best ?? null,
    p02Answers: state?.quizzes.p02?.current?.responses ?? null,
    roleplay: state?.scenarios['p01-broadband-install']?.last?.total ?? null,
  };
}
const WORK_FACTS = facts(work());

/** What the LMS record holds: the suspend data's facts and the interaction ids, in order. */
function lmsFacts(store: LmsStore) {
  const decoded = decodeLearnerState(String(get(store, 'suspend_data') ?? ''), undefined, () => {}).state;
  const interactions = (get(store, 'interactions') ?? {}) as Record<string, { id?: string }>;
  const ids = Object.keys(interactions)
    .filter((k) => /^\d+$/.test(k))
    .sort((a, b) => Number(a) - Number(b))
    // Ids compared as Moodle-safe (item 14 has its own case below), so the other cases test only their fault.
    .map((k) => (interactions[k]?.id ?? '').replace(/-/g, '_'));
  return { ...facts(decoded), interactions: ids };
}

/** Work, answers and the role-play, as the course produces them. */
function doWork(s: Session): void {
  save(s, work());
  for (const record of [...ANSWERS, ROLEPLAY_RECORD]) s.adapter.report(record);
}
const ALL_IDS = ['p01.q1', 'p01.q2', 'p02.q1', 'rp.p01_broadband_install'];

beforeEach(() => $lmsStatus.set({ ...initialLmsStatus }));

describe.each(['1.2', '2004'] as const)('fault matrix · SCORM %s', (version) => {
  it('tab closed without Exit right after the last answer: pagehide writes it all, a fresh browser resumes from the LMS', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const s1 = start(version, store, new MemoryStorage());
    await s1.adapter.load();
    doWork(s1);
    finish(s1, work()); // pagehide, before any timer ran
    expect(lmsFacts(store)).toEqual({ ...WORK_FACTS, interactions: ALL_IDS });
    const s2 = start(version, store, new MemoryStorage());
    expect(facts(await s2.adapter.load())).toEqual(WORK_FACTS);
  });

  it('reload without pagehide (only the visibilitychange flush): the next launch has everything', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const storage = new MemoryStorage();
    const s1 = start(version, store, storage);
    await s1.adapter.load();
    doWork(s1);
    s1.adapter.flush(); // page hidden; no Terminate follows
    expect(lmsFacts(store)).toEqual({ ...WORK_FACTS, interactions: ALL_IDS });
    const s2 = start(version, store, new MemoryStorage());
    expect(facts(await s2.adapter.load())).toEqual(WORK_FACTS);
  });

  it('Commit false all session: the learner is told, Terminate still saves it all', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const faults = noFaults();
    const s = start(version, store, new MemoryStorage(), { faults });
    await s.adapter.load();
    faults.commitFails = true;
    doWork(s);
    s.clock.advance(60_000);
    expect($lmsStatus.get().commitFailing).toBe(true);
    finish(s, work());
    expect(lmsFacts(store)).toEqual({ ...WORK_FACTS, interactions: ALL_IDS });
  });

  it('Commit and Terminate false: nothing reaches the LMS; the next launch in this browser recovers it all and says so, then saves it', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const storage = new MemoryStorage();
    const faults = noFaults();
    const s1 = start(version, store, storage, { faults });
    await s1.adapter.load();
    faults.terminateFails = true;
    doWork(s1);
    s1.clock.advance(60_000);
    expect($lmsStatus.get().commitFailing).toBe(true);
    finish(s1, work());
    expect(lmsFacts(store).ended).toEqual([]);
    const s2 = start(version, store, storage);
    const state = await s2.adapter.load();
    expect(facts(state)).toEqual(WORK_FACTS);
    expect($lmsStatus.get().recovered).toBe(true);
    finish(s2, state as LearnerState);
    expect(facts(decodeLearnerState(String(get(store, 'suspend_data'))).state)).toEqual(WORK_FACTS);
  });

  it('an LMS that keeps nothing: the browser copy recovers everything, with a notice', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const storage = new MemoryStorage();
    const s1 = start(version, store, storage, { profile: 'commit-keeps-nothing' });
    await s1.adapter.load();
    doWork(s1);
    s1.clock.advance(10_000);
    finish(s1, work());
    expect(store.cmi).toBeNull();
    const s2 = start(version, store, storage, { profile: 'commit-keeps-nothing' });
    expect(facts(await s2.adapter.load())).toEqual(WORK_FACTS);
    expect($lmsStatus.get().recovered).toBe(true);
  });

  it('offline between commits, then back: every answer and interaction arrives once (item 4: 4 before, 4 after, none twice)', async () => {
    // Clean run: how many interactions one session leaves.
    const clean: LmsStore = { cmi: null, commits: 0 };
    const c = start(version, clean, new MemoryStorage());
    await c.adapter.load();
    doWork(c);
    c.clock.advance(10_000);
    finish(c, work());
    const cleanIds = lmsFacts(clean).interactions;
    expect(cleanIds).toEqual(ALL_IDS);

    const store: LmsStore = { cmi: null, commits: 0 };
    const faults = noFaults();
    const s = start(version, store, new MemoryStorage(), { faults });
    await s.adapter.load();
    save(s, { ...work(), ended: [], quizzes: {}, scenarios: {} });
    s.adapter.report(ANSWERS[0] as InteractionRecord);
    s.clock.advance(10_000); // first answer committed
    faults.offline = true;
    doWork(s);
    s.adapter.report(ANSWERS[0] as InteractionRecord); // the same question answered again is a new record, as in a clean run
    s.clock.advance(20_000);
    expect($lmsStatus.get().commitFailing).toBe(true);
    faults.offline = false;
    s.clock.advance(60_000);
    expect($lmsStatus.get().commitFailing).toBe(false);
    // Still connected: committed without Terminate.
    expect(lmsFacts(store)).toEqual({ ...WORK_FACTS, interactions: ['p01.q1', ...ALL_IDS, 'p01.q1'] });
    finish(s, work());
    expect(lmsFacts(store).interactions).toEqual(['p01.q1', ...ALL_IDS, 'p01.q1']);
  });

  it('the LMS refuses every write for a while (item 4): answers given meanwhile reach it once it accepts writes, none twice', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const faults = noFaults();
    const s = start(version, store, new MemoryStorage(), { faults });
    await s.adapter.load();
    save(s, { ...work(), ended: [], quizzes: {}, scenarios: {} });
    s.adapter.report(ANSWERS[0] as InteractionRecord);
    s.clock.advance(10_000);
    faults.outage = true;
    doWork(s);
    s.clock.advance(10 * 60_000); // a long outage: many retries
    expect($lmsStatus.get().commitFailing).toBe(true);
    faults.outage = false;
    s.clock.advance(60_000);
    expect($lmsStatus.get().commitFailing).toBe(false);
    expect(lmsFacts(store)).toEqual({ ...WORK_FACTS, interactions: ['p01.q1', ...ALL_IDS] });
    finish(s, work());
    expect(lmsFacts(store).interactions).toEqual(['p01.q1', ...ALL_IDS]);
  });

  it('a slow LMS (2 s per call): the click path makes no LMS call, and a commit hands the page back after every call', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const clock = new FakeClock();
    const s = start(version, store, new MemoryStorage(), { clock });
    // Every API call takes 2 s of the (fake) clock, like a synchronous call to a slow server.
    for (const [name, fn] of Object.entries(s.lms.api)) s.lms.api[name] = (...args: string[]) => ((clock.time += 2_000), fn(...args));
    const perTask: number[] = [];
    const schedule = clock.setTimeout.bind(clock);
    clock.setTimeout = (fn, ms) =>
      schedule(() => {
        const before = s.lms.calls.length;
        fn();
        perTask.push(s.lms.calls.length - before);
      }, ms);
    await s.adapter.load();
    const beforeClick = s.lms.calls.length;
    doWork(s); // what a click does
    expect(s.lms.calls.length - beforeClick).toBe(0);
    clock.advance(600_000);
    expect(lmsFacts(store)).toEqual({ ...WORK_FACTS, interactions: ALL_IDS }); // still arrives
    expect(perTask.filter((n) => n > 0).length).toBeGreaterThan(10);
    expect(Math.max(...perTask)).toBe(1);
  });

  it('writes only what changed: one answer is the suspend data plus that interaction, and a retry after a failed commit resends only those', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const faults = noFaults();
    const s = start(version, store, new MemoryStorage(), { faults });
    await s.adapter.load();
    save(s, work());
    s.clock.advance(10_000);
    const sets = () => s.lms.calls.filter((c) => c.name.endsWith('SetValue')).map((c) => String(c.args[0]));
    const interactionFields = (version === '1.2' ? scorm12Profile : scorm2004Profile).interaction(0, ANSWERS[1] as InteractionRecord).length;

    let before = sets().length;
    const next = { ...work(), quizzes: { ...work().quizzes, p02: { ...work().quizzes.p02!, current: { ...work().quizzes.p02!.current!, responses: { q1: ['a'], q2: ['true'], q3: ['c'] } } } } };
    save(s, next);
    s.adapter.report(ANSWERS[1] as InteractionRecord);
    s.clock.advance(10_000);
    const one = sets().slice(before);
    expect(one.filter((e) => !e.startsWith('cmi.interactions.'))).toEqual(['cmi.suspend_data']);
    expect(one.filter((e) => e.startsWith('cmi.interactions.'))).toHaveLength(interactionFields);

    // The commit of the next answer fails once; the retry writes that answer again, nothing else.
    faults.commitFails = true;
    const third = { ...next, location: 'P01' };
    save(s, third);
    s.adapter.report(ANSWERS[2] as InteractionRecord);
    s.clock.advance(1_000);
    faults.commitFails = false;
    before = sets().length;
    s.clock.advance(10_000);
    const retry = sets().slice(before);
    expect(retry.filter((e) => !e.startsWith('cmi.interactions.'))).toEqual(['cmi.suspend_data', version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location']);
    expect(retry.filter((e) => e.startsWith('cmi.interactions.'))).toHaveLength((version === '1.2' ? scorm12Profile : scorm2004Profile).interaction(0, ANSWERS[2] as InteractionRecord).length);
  });

  it.each([255, 4096])('an LMS that cuts suspend data at %i: read back, switched to an encoding that fits, the next launch resumes', async (cap) => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const s = start(version, store, new MemoryStorage(), { profile: `truncate-${cap}` });
    await s.adapter.load();
    // More than the LMS keeps, but its essentials fit (in-progress detail is what gets left out).
    const big = work();
    const count = cap === 255 ? 40 : 150;
    for (let i = 3; i <= count; i++) {
      const id = cap === 255 ? `p${String(i).padStart(2, '0')}` : `unlisted-quiz-${i}`;
      big.quizzes[id] = { attempts: 2, best: 40 + (i % 50), passed: false, current: { seed: 1000 + i, position: 2, responses: { q1: ['a'], q2: ['b'], q3: ['c'], [`unlisted-question-${i}`]: ['a', 'b'] }, checked: ['q1'], submitted: false, score: null } };
    }
    save(s, big);
    s.clock.advance(30_000);
    finish(s, big);
    const kept = String(get(store, 'suspend_data'));
    expect(kept.length).toBeLessThanOrEqual(cap);
    const s2 = start(version, store, new MemoryStorage(), { profile: `truncate-${cap}` });
    const resumed = await s2.adapter.load();
    expect($lmsStatus.get().corruptData).toBe(false);
    expect(resumed?.ended).toEqual(['P01']);
    for (const [id, quiz] of Object.entries(big.quizzes)) expect(resumed?.quizzes[id]?.best, id).toBe(quiz.best);
    expect($lmsStatus.get().suspendTooLong).toBe(false);
  });

  it('an LMS that cuts at 255 when even the essentials need more: the learner is told', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const s = start(version, store, new MemoryStorage(), { profile: 'truncate-255' });
    await s.adapter.load();
    const huge = maximalState({ assessments: true });
    save(s, huge);
    s.clock.advance(30_000);
    expect($lmsStatus.get().suspendTooLong).toBe(true);
  });

  it('garbage suspend data: a notice, a fresh start on the stored bookmark, never a crash', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const s1 = start(version, store, new MemoryStorage());
    await s1.adapter.load();
    finish(s1, work());
    (store.cmi as { suspend_data: string }).suspend_data = 'S3.%%garbage%%';
    const s2 = start(version, store, new MemoryStorage());
    const state = await s2.adapter.load();
    expect(state).toMatchObject({ location: 'P02', ended: [] });
    expect($lmsStatus.get().corruptData).toBe(true);
  });

  it('old (format 2) suspend data resumes with every fact', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const s1 = start(version, store, new MemoryStorage());
    await s1.adapter.load();
    finish(s1, work());
    (store.cmi as { suspend_data: string }).suspend_data = `S2.${encodeV2Body(work(), ID_TABLES)}`;
    const s2 = start(version, store, new MemoryStorage());
    expect(facts(await s2.adapter.load())).toEqual(WORK_FACTS);
    expect($lmsStatus.get().corruptData).toBe(false);
  });

  it('localStorage that throws on every call: the course runs and the LMS gets everything', async () => {
    const broken = new Proxy(new MemoryStorage(), {
      get(target, key) {
        if (key === 'getItem' || key === 'setItem' || key === 'removeItem' || key === 'key' || key === 'clear') {
          return () => {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          };
        }
        return Reflect.get(target, key);
      },
    });
    const store: LmsStore = { cmi: null, commits: 0 };
    const s = start(version, store, broken);
    await s.adapter.load();
    doWork(s);
    s.clock.advance(10_000);
    finish(s, work());
    expect(lmsFacts(store)).toEqual({ ...WORK_FACTS, interactions: ALL_IDS });
  });

  it('suspend data of another course built with this codec: refused with its own notice, the course starts fresh', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const s1 = start(version, store, new MemoryStorage());
    await s1.adapter.load();
    finish(s1, { location: 'P01', visited: ['P01'], ended: [], quizzes: {}, scenarios: {} });
    const other = { location: 'P03', visited: ['P01', 'P02', 'P03'], ended: ['P01', 'P02', 'P03'], quizzes: {}, scenarios: {} };
    (store.cmi as { suspend_data: string }).suspend_data = encodeLearnerState(other, ID_TABLES, 'another-course');
    const s2 = start(version, store, new MemoryStorage());
    const state = await s2.adapter.load();
    expect(state?.ended ?? []).toEqual([]);
    expect($lmsStatus.get()).toMatchObject({ foreignData: true, corruptData: false });
  });

  it('localStorage throws and commits fail: the learner is told to keep the window open, never that the browser has it', async () => {
    const broken = new Proxy(new MemoryStorage(), {
      get(target, key) {
        if (key === 'setItem' || key === 'getItem') return () => { throw new DOMException('blocked', 'SecurityError'); };
        return Reflect.get(target, key);
      },
    });
    const store: LmsStore = { cmi: null, commits: 0 };
    const faults = noFaults();
    const s = start(version, store, broken, { faults });
    await s.adapter.load();
    faults.commitFails = true;
    doWork(s);
    s.clock.advance(3 * 60_000);
    const status = $lmsStatus.get();
    expect(status).toMatchObject({ commitFailing: true, browserCopy: false });
    const told = saveNoticeText({ mode: 'lms', browserStorage: status.browserCopy, lastCommitOk: false, unsavedSince: status.unsavedSince, now: s.clock.now() });
    expect(told).toContain('请保持此窗口打开');
    expect(told).toContain('最近 3 分钟');
    expect(told).not.toContain('已保存在本浏览器');
  });

  it('Moodle rejects short identifiers with a hyphen: every interaction field is accepted (item 14)', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const s = start(version, store, new MemoryStorage(), { profile: 'moodle' });
    await s.adapter.load();
    doWork(s);
    s.clock.advance(10_000);
    finish(s, work());
    expect(s.lms.calls.filter((c) => c.result === 'false' || c.result === false).map((c) => `${c.name}(${String(c.args[0])}) ${c.error}`)).toEqual([]);
    const response = get(store, `interactions.0.${version === '1.2' ? 'student_response' : 'learner_response'}`);
    expect(response).toBe(version === '1.2' ? 'follow_up.r_standard,listen.r_monitor' : 'follow_up[.]r_standard[,]listen[.]r_monitor');
  });
});
