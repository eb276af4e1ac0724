import { beforeEach, describe, expect, it } from 'vitest';
import { maximalState } from '../../src/persistence/suspend/bench.ts';
import { decodeLearnerState } from '../../src/persistence/suspend/versions.ts';
import { emptyLearnerState, type InteractionRecord, type LearnerState } from '../../src/engine/learner-state.ts';
import { PENDING_LEARNER } from '../../src/persistence/mirror.ts';
import { $lmsStatus, initialLmsStatus } from '../../src/lms/status.ts';
import type { CourseData } from '../../src/state/course.ts';
import { summarize } from '../../src/state/summary.ts';
import { launch, MemoryStorage, startSession, type Faults, type Launch, type LmsStore, type Session, type Version } from './helpers/lms-harness.ts';

const course: CourseData = {
  courseId: 'service-pitfalls',
  title: '服务行业雷区',
  parts: [],
  lessons: [
    { id: 'P01', title: '一', part: 'part1', minutes: 15, href: 'p01.html', quiz: 'p01' },
    { id: 'P02', title: '二', part: 'part1', minutes: 15, href: 'p02.html' },
  ],
};

const answer: InteractionRecord = {
  id: 'p01.q3',
  type: 'choice',
  description: '客户说“你们上次也这么说”，最好的回应是？',
  response: ['b'],
  correct: ['b'],
  credit: 1,
  latencyMs: 12_340,
  timestamp: '2025-03-04T05:06:07.890Z',
  objective: 'P01',
};
const ordering: InteractionRecord = { ...answer, id: 'p01.q4', type: 'sequencing', response: ['c', 'a', 'b'], correct: ['a', 'b', 'c'], credit: 0 };
const matching: InteractionRecord = { ...answer, id: 'p01.q5', type: 'matching', response: ['1:a', '2:b'], correct: ['1:a', '2:c'], credit: 0.5 };
const truefalse: InteractionRecord = { ...answer, id: 'p01.q6', type: 'true-false', response: ['true'], correct: ['false'], credit: 0 };
const roleplay: InteractionRecord = { ...answer, id: 'rp.p01-broadband-install', type: 'other', response: ['c1', 'c4', 'c8'], correct: [], credit: 0.72 };

function p01Done(): LearnerState {
  return {
    ...emptyLearnerState(),
    location: 'P02',
    visited: ['P01', 'P02'],
    ended: ['P01'],
    quizzes: { p01: { attempts: 1, best: 90, passed: true, current: null } },
  };
}


function start(version: Version, store: LmsStore, storage: Storage, options: { profile?: string; faults?: Faults } = {}): Session {
  return startSession(version, store, storage, course.courseId, options);
}

const save = (s: Session, state: LearnerState) => s.adapter.save(state, summarize(course, state));
const finish = (s: Session, state: LearnerState) => s.adapter.finish(state, summarize(course, state));
const failedCalls = (l: Launch) => l.calls.filter((c) => c.result === 'false' || (c.error !== 0 && !c.name.includes('Get')));
const stored = (store: LmsStore, key: string): unknown => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], store.cmi);

beforeEach(() => $lmsStatus.set({ ...initialLmsStatus }));

describe.each(['1.2', '2004'] as const)('SCORM %s adapter with scorm-again', (version) => {
  const v12 = version === '1.2';

  it('launch → work → finish → relaunch resumes, with the CMI an LMS needs', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const storage = new MemoryStorage();
    const s1 = start(version, store, storage);
    expect(await s1.adapter.load()).toBeNull();
    // First launch claims "incomplete" at once (Moodle would otherwise complete a 1.2 SCO on exit).
    expect(stored(store, v12 ? 'core.lesson_status' : 'completion_status')).toBe('incomplete');

    const state = p01Done();
    save(s1, state);
    s1.adapter.report(answer);
    s1.clock.advance(10_000);
    s1.clock.time += 65_000; // the learner stays a while
    finish(s1, state);
    finish(s1, state); // a second exit is ignored
    expect(s1.lms.calls.filter((c) => c.name === (v12 ? 'LMSFinish' : 'Terminate'))).toHaveLength(1);
    expect(failedCalls(s1.lms)).toEqual([]);

    if (v12) {
      expect(stored(store, 'core.lesson_location')).toBe('P02');
      // scorm-again 1.2 applies "mastery score overrides status" on LMSFinish, like Moodle can:
      // with no raw score sent yet, it cannot turn the unfinished course into "passed".
      expect(stored(store, 'core.lesson_status')).toBe('incomplete');
      expect(stored(store, 'core.score.raw')).toBe('');
      expect(stored(store, 'core.exit')).toBe('suspend');
      expect(stored(store, 'core.total_time')).toMatch(/^00:01:1\d/);
      expect(stored(store, 'interactions.0.id')).toBe('p01.q3');
      expect(stored(store, 'interactions.0.student_response')).toBe('b');
      expect(stored(store, 'interactions.0.result')).toBe('correct');
      expect(stored(store, 'interactions.0.latency')).toBe('00:00:12.34');
    } else {
      expect(stored(store, 'location')).toBe('P02');
      expect(stored(store, 'completion_status')).toBe('incomplete');
      // No score until every lesson is done, so an LMS cannot pass or fail the learner half-way.
      expect(stored(store, 'success_status')).toBe('unknown');
      expect(stored(store, 'score.scaled')).toBe('');
      expect(stored(store, 'progress_measure')).toBe('0.5');
      expect(stored(store, 'exit')).toBe('suspend');
      expect(stored(store, 'session_time')).toMatch(/^PT1M1\d(\.\d+)?S$/);
      expect(stored(store, 'objectives.0.id')).toBe('P01');
      expect(stored(store, 'objectives.0.completion_status')).toBe('completed');
      expect(stored(store, 'objectives.0.success_status')).toBe('passed');
      expect(stored(store, 'objectives.0.score.scaled')).toBe('0.9');
      expect(stored(store, 'objectives.1.id')).toBe('P02');
      expect(stored(store, 'interactions.0.learner_response')).toBe('b');
      expect(stored(store, 'interactions.0.timestamp')).toBe('2025-03-04T05:06:07.8Z');
      expect(stored(store, 'interactions.0.latency')).toBe('PT12.34S');
      expect(stored(store, 'interactions.0.description')).toContain('最好的回应');
    }

    // Relaunch: a fresh browser (no mirror), so everything comes from the LMS.
    const s2 = start(version, store, new MemoryStorage());
    expect(await s2.adapter.load()).toEqual(state);
    expect(s2.lms.api[v12 ? 'LMSGetValue' : 'GetValue']?.(v12 ? 'cmi.core.entry' : 'cmi.entry')).toBe('resume');
    expect($lmsStatus.get()).toMatchObject({ kind: v12 ? 'scorm12' : 'scorm2004', corruptData: false, recovered: false });
  });

  it('completes, passes and scores once the whole package is done; exit becomes normal', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const s = start(version, store, new MemoryStorage());
    await s.adapter.load();
    const done: LearnerState = { ...p01Done(), ended: ['P01', 'P02'] };
    finish(s, done);
    if (v12) {
      expect(stored(store, 'core.lesson_status')).toBe('passed');
      expect(stored(store, 'core.score.raw')).toBe('90');
      expect(stored(store, 'core.score.max')).toBe('100');
      expect(stored(store, 'core.exit')).toBe('');
    } else {
      expect(stored(store, 'completion_status')).toBe('completed');
      expect(stored(store, 'success_status')).toBe('passed');
      expect(stored(store, 'score.scaled')).toBe('0.9');
      expect(stored(store, 'score.raw')).toBe('90');
      expect(stored(store, 'exit')).toBe('normal');
    }
  });

  it('reports every interaction type in the version’s own format, without LMS errors', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const s = start(version, store, new MemoryStorage(), { profile: 'strict' });
    await s.adapter.load();
    save(s, p01Done());
    for (const record of [answer, ordering, matching, truefalse, roleplay]) s.adapter.report(record);
    s.clock.advance(10_000);
    expect(failedCalls(s.lms)).toEqual([]);
    finish(s, p01Done());
    const get = (k: string) => stored(store, `interactions.${k}`);
    if (v12) {
      expect([get('1.type'), get('1.student_response'), get('1.result')]).toEqual(['sequencing', 'c,a,b', 'wrong']);
      expect([get('2.student_response'), get('2.result')]).toEqual(['1.a,2.b', '0.5']);
      expect([get('3.type'), get('3.student_response')]).toEqual(['true-false', 't']);
      expect([get('4.type'), get('4.student_response'), get('4.result')]).toEqual(['performance', 'c1,c4,c8', '0.72']);
    } else {
      expect([get('1.type'), get('1.learner_response'), get('1.result')]).toEqual(['sequencing', 'c[,]a[,]b', 'incorrect']);
      expect(get('1.correct_responses.0.pattern')).toBe('a[,]b[,]c');
      expect([get('2.learner_response'), get('2.result')]).toEqual(['1[.]a[,]2[.]b', '0.5']);
      expect([get('3.type'), get('3.learner_response')]).toEqual(['true-false', 'true']);
      expect([get('4.type'), get('4.learner_response'), get('4.result')]).toEqual(['other', 'c1,c4,c8', '0.72']);
    }
  });

  it('batches rapid changes into one commit (a slow LMS freezes the page once per commit)', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const s = start(version, store, new MemoryStorage());
    await s.adapter.load();
    const before = s.lms.calls.length;
    let state = p01Done();
    for (let i = 0; i < 10; i++) {
      state = { ...state, visited: [...state.visited, `X${i}`] };
      save(s, state);
      s.clock.advance(200);
    }
    s.clock.advance(1_500);
    const during = s.lms.calls.slice(before);
    expect(during.filter((c) => c.name.endsWith('Commit'))).toHaveLength(1);
    // Only changed values are written again.
    save(s, state);
    s.clock.advance(1_500);
    const again = s.lms.calls.slice(before + during.length).filter((c) => c.name.endsWith('SetValue'));
    expect(again).toEqual([]);
  });

  it('retries a failing commit with backoff, tells the learner after 3 failures, recovers when the LMS does', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const faults: Faults = { commitFails: false, initializeFails: false, slow: false };
    const storage = new MemoryStorage();
    const s = start(version, store, storage, { faults });
    await s.adapter.load();
    faults.commitFails = true;
    save(s, p01Done());
    s.clock.advance(1_000); // first try
    expect($lmsStatus.get().commitFailing).toBe(false);
    s.clock.advance(2_000 + 4_000); // two retries
    expect($lmsStatus.get().commitFailing).toBe(true);
    expect(s.logs.some((m) => m.includes('Commit failed') && m.includes(v12 ? '101' : '391') && m.includes('fault switch'))).toBe(true);
    // The learner keeps working meanwhile; nothing is lost in the browser copy.
    const more = { ...p01Done(), visited: ['P01', 'P02', 'P03'] };
    save(s, more);
    faults.commitFails = false;
    s.clock.advance(8_000);
    expect($lmsStatus.get().commitFailing).toBe(false);
    expect(stored(store, v12 ? 'core.lesson_location' : 'location')).toBe('P02');
    finish(s, more);
    const s2 = start(version, store, new MemoryStorage());
    expect(await s2.adapter.load()).toEqual(more);
  });

  it('opens fresh with a notice on corrupt suspend data, never throwing', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const s1 = start(version, store, new MemoryStorage());
    await s1.adapter.load();
    finish(s1, p01Done());
    if (v12) (store.cmi as { suspend_data: string }).suspend_data = 'S2.%%%garbage';
    else (store.cmi as { suspend_data: string }).suspend_data = '{"not":"ours"}';
    const s2 = start(version, store, new MemoryStorage());
    await expect(s2.adapter.load()).resolves.toMatchObject({ location: 'P02', ended: [] });
    expect($lmsStatus.get().corruptData).toBe(true);
    expect(s2.logs.some((m) => m.includes('[codec] stored progress ignored'))).toBe(true);
  });

  it('recovers from the browser copy what an LMS that keeps nothing lost', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const storage = new MemoryStorage();
    const s1 = start(version, store, storage, { profile: 'commit-keeps-nothing' });
    await s1.adapter.load();
    save(s1, p01Done());
    s1.clock.advance(5_000);
    finish(s1, p01Done());
    expect(store.cmi).toBeNull();
    const s2 = start(version, store, storage, { profile: 'commit-keeps-nothing' });
    expect(await s2.adapter.load()).toEqual(p01Done());
    expect($lmsStatus.get()).toMatchObject({ recovered: true, corruptData: false });
  });

  it('never un-completes or lowers a best score when merging the LMS copy with the browser copy', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const storage = new MemoryStorage();
    const s1 = start(version, store, storage);
    await s1.adapter.load();
    finish(s1, p01Done());
    // Later, elsewhere, the LMS got an older state; this browser still has the newer one.
    const older: LearnerState = { ...emptyLearnerState(), location: 'P01', visited: ['P01'], quizzes: { p01: { attempts: 1, best: 40, passed: false, current: null } } };
    const s2 = start(version, store, new MemoryStorage());
    await s2.adapter.load();
    finish(s2, older);
    const s3 = start(version, store, storage);
    const merged = await s3.adapter.load();
    expect(merged?.ended).toContain('P01');
    expect(merged?.quizzes.p01).toMatchObject({ best: 90, passed: true });
  });

  it('degrades without interactions when the LMS lacks cmi.interactions._count', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const s = start(version, store, new MemoryStorage(), { profile: 'no-interactions-count' });
    await s.adapter.load();
    expect($lmsStatus.get().interactionsOff).toBe(true);
    save(s, p01Done());
    s.adapter.report(answer);
    s.clock.advance(5_000);
    finish(s, p01Done());
    expect(s.lms.calls.filter((c) => c.name.endsWith('SetValue') && String(c.args[0]).startsWith('cmi.interactions'))).toEqual([]);
    expect(stored(store, v12 ? 'core.lesson_location' : 'location')).toBe('P02');
  });

  it('never guesses a learner when Initialize fails: the last learner\'s progress is not shown, and says so', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const storage = new MemoryStorage();
    const s1 = start(version, store, storage);
    await s1.adapter.load();
    save(s1, p01Done());
    finish(s1, p01Done());
    $lmsStatus.set({ ...initialLmsStatus });
    const s2 = start(version, { cmi: null, commits: 0 }, storage, { faults: { commitFails: false, initializeFails: true, slow: false } });
    // Issue 9 item 2: this used to resume learner u1's progress (the "last learner" of this browser).
    expect(await s2.adapter.load()).toBeNull();
    expect(s2.adapter.learnerKey).toBe(PENDING_LEARNER);
    expect($lmsStatus.get().lmsUnavailable).toBe(true);
    expect(s2.logs.some((m) => m.includes('Initialize failed'))).toBe(true);
  });
});

describe('SCORM 1.2 suspend-data budget', () => {
  it('keeps the whole course within 4,096 characters on a strict LMS', async () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const s = start('1.2', store, new MemoryStorage(), { profile: 'strict' });
    await s.adapter.load();
    const huge = maximalState({ assessments: true });
    // Ids outside the codec's tables are written out in full, so this state is over 4,096
    // characters by construction, whatever the tables hold.
    for (let i = 0; i < 150; i++) {
      huge.quizzes[`unlisted-quiz-${i}`] = {
        attempts: 2,
        best: i % 101,
        passed: false,
        current: { seed: i, position: 0, responses: { [`unlisted-question-${i}`]: ['a'] }, checked: [], submitted: false, score: null },
      };
    }
    finish(s, huge);
    expect(failedCalls(s.lms)).toEqual([]);
    const suspend = stored(store, 'suspend_data') as string;
    expect(suspend.length).toBeLessThanOrEqual(4096);
    expect(s.logs.some((m) => m.includes('suspend data over 4096'))).toBe(true);
    // What was dropped to fit is detail, never progress: completions and best scores survive.
    const kept = decodeLearnerState(suspend).state;
    expect(kept?.ended).toEqual(huge.ended);
    for (const [id, quiz] of Object.entries(huge.quizzes)) expect(kept?.quizzes[id]?.best, id).toBe(quiz.best);
  });
});
