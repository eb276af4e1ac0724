/**
 * Readable LMS reports (issue 18 point 2): what lands in the LMS makes sense in its report
 * without our code. Every shipped role-play and every shipped question is mapped to both SCORM
 * versions and checked against the version's limits and types, then written through scorm-again
 * under the strict (1.2 to the letter) and Moodle (2004 short identifiers) profiles with no
 * refused call. A role-play play reads as words (total, five dimensions, critical replies, the
 * replies' own words), not "c1,c4,c8"; the A2 self-assessment becomes one 2004 objective per
 * dimension. UI words come from the dictionaries.
 */
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadAndCheckContent } from '../../scripts/lib/content-check.ts';
import { DIMENSIONS, emptyLearnerState, type InteractionRecord, type LearnerState } from '../../src/engine/learner-state.ts';
import { toInteraction } from '../../src/engine/quiz/interaction.ts';
import { quizIslandProps } from '../../src/engine/quiz/props.ts';
import { correctResponse } from '../../src/engine/quiz/score.ts';
import { analyseScenario } from '../../src/engine/scenario/graph.ts';
import type { RolePlayScenario } from '../../src/engine/scenario/model.ts';
import { scenarioResult } from '../../src/engine/scenario/result.ts';
import { allowedReplies, applyChoice, startPlay, type PlayState } from '../../src/engine/scenario/runner.ts';
import { DIMENSION_NAMES } from '../../src/i18n/zh-CN.dimensions.ts';
import { tReport as tl } from '../../src/i18n/zh-CN.report.ts';
import { roleplayUi } from '../../src/i18n/zh-CN.roleplay.ts';
import { LABEL_MAX, playDescription, playResponse, selfCheckRecord, selfCheckResponse, selfObjectives, shorten } from '../../src/lms/readable.ts';
import { encodeToolSummaries } from '../../src/engine/tools/summary.ts';
import { scorm12Profile } from '../../src/lms/scorm12.ts';
import { scorm2004Profile } from '../../src/lms/scorm2004.ts';
import { $lmsStatus, initialLmsStatus } from '../../src/lms/status.ts';
import { playInteraction } from '../../src/engine/scenario/result.ts';
import type { CourseData } from '../../src/state/course.ts';
import { summarize } from '../../src/state/summary.ts';
import { loadFixture, loadShippedScenarios } from '../fixtures/scenario/load.ts';
import { MemoryStorage, startSession, type Launch, type LmsStore, type Version } from './helpers/lms-harness.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cjk = /[\u4e00-\u9fff]/;
const MOODLE_SHORT_ID = /^[\w.]{1,250}$/;

function rolePlay(file: string | null, scenario = file ? loadFixture(file) : null): RolePlayScenario {
  if (!scenario) throw new Error('no scenario');
  const derived = analyseScenario(scenario).derived;
  if (!derived) throw new Error(`${scenario.id}: broken`);
  return { ...scenario, derived };
}

/** Plays to an ending, picking each reply with `pick` (index into the replies on offer). */
function walk(scenario: RolePlayScenario, pick: (offered: number, turn: number) => number): PlayState {
  let state = startPlay(scenario);
  for (let turn = 0; state.ending === null && turn < 200; turn++) {
    const offered = allowedReplies(scenario, state);
    state = applyChoice(scenario, state, (offered[pick(offered.length, turn)] ?? offered[0])!.id);
  }
  return state;
}

/** Deterministic pseudo-random picks (a small LCG), so a failure names a reproducible walk. */
function lcg(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x % n;
  };
}

function record(scenario: RolePlayScenario, state: PlayState): InteractionRecord {
  const result = scenarioResult(scenario, state);
  if (!result) throw new Error(`${scenario.id}: the walk did not end`);
  return playInteraction(scenario, state, result, { lessonId: 'P01', latencyMs: 65_000, at: new Date('2025-03-04T05:06:07Z') });
}

const field = (values: [string, string][], name: string) => values.find(([k]) => k.endsWith(`.${name}`))?.[1];
const outcomeName = (outcome: string) => (roleplayUi as Record<string, string>)[`roleplay.outcome.${outcome}`] as string;
const kindName = (kind: string) => (roleplayUi as Record<string, string>)[`roleplay.critical.${kind}`] as string;

/** The walks checked per shipped scenario: first reply always, last always, 12 seeded random ones. */
function walks(scenario: RolePlayScenario): PlayState[] {
  return [walk(scenario, () => 0), walk(scenario, (n) => n - 1), ...Array.from({ length: 12 }, (_, i) => walk(scenario, lcg(i + 1)))];
}

const shipped = loadShippedScenarios().map(({ scenario }) => rolePlay(null, scenario));

describe('a role-play play in the LMS report', () => {
  it.each(shipped.map((s) => [s.id, s] as const))('%s: every play fits both versions, in words', (_id, scenario) => {
    for (const state of walks(scenario)) {
      const r = record(scenario, state);
      const play = r.play!;
      expect(play.replies.map((x) => x.id)).toEqual(state.path);
      const v12 = scorm12Profile.interaction(0, r);
      const v2004 = scorm2004Profile.interaction(0, r);
      const response12 = field(v12, 'student_response') as string;
      const response2004 = field(v2004, 'learner_response') as string;
      const description = field(v2004, 'description') as string;
      // Types and limits: 1.2 performance / CMIFeedback 255; 2004 other / 4000, description 250.
      expect(field(v12, 'type')).toBe('performance');
      expect(field(v2004, 'type')).toBe('other');
      expect(response12.length).toBeLessThanOrEqual(255);
      expect(response2004.length).toBeLessThanOrEqual(4000);
      expect(description.length).toBeLessThanOrEqual(250);
      for (const text of [response12, response2004, description]) {
        expect(text).not.toMatch(/[\n\r]/);
        expect(text.startsWith('{')).toBe(false);
      }
      // Readable: the five dimensions by name, the verdict, the outcome, each critical reply.
      for (const text of [response12, response2004]) {
        expect(text).not.toBe(state.path.join(','));
        expect(text.startsWith(tl('lms.report.total', { total: play.total, verdict: tl(play.passed ? 'lms.report.passed' : 'lms.report.failed') }))).toBe(true);
        DIMENSIONS.forEach((d, i) => expect(text).toContain(tl('lms.report.dimension', { name: DIMENSION_NAMES[d], score: play.dimensions[i] as number })));
        for (const c of play.critical) expect(text).toContain(tl('lms.report.criticalItem', { kind: kindName(c.kind), choice: c.choice }));
      }
      expect(description).toContain(outcomeName(play.outcome));
      for (const c of play.critical) expect(description).toContain(tl('lms.report.criticalItem', { kind: kindName(c.kind), choice: c.choice }));
      // 2004 has room for every reply with its first words; 1.2 keeps at least the first reply's id.
      for (const reply of play.replies) expect(response2004).toContain(tl('lms.report.reply', { id: reply.id, label: shorten(reply.text, LABEL_MAX) }));
      expect(response12).toContain(play.replies[0]!.id);
    }
  });
});

describe('the readable texts', () => {
  const valid = rolePlay('valid');

  it('a critical play → its interaction values in both versions (not "c1,c3,c7")', () => {
    const state = ['c1', 'c3', 'c7'].reduce((s, id) => applyChoice(valid, s, id), startPlay(valid));
    const r = record(valid, state);
    expect(r.play).toMatchObject({ title: '测试用情景', total: 75, passed: false, critical: [{ choice: 'c7', kind: 'false-promise' }], outcome: 'lost' });
    const part = tl('lms.report.part');
    const crit = tl('lms.report.critical', { list: tl('lms.report.criticalItem', { kind: kindName('false-promise'), choice: 'c7' }) });
    const dims = DIMENSIONS.map((d, i) => tl('lms.report.dimension', { name: DIMENSION_NAMES[d], score: r.play!.dimensions[i] as number })).join(tl('lms.report.list'));
    const replies = r.play!.replies.map((x) => tl('lms.report.reply', { id: x.id, label: shorten(x.text, LABEL_MAX) })).join(tl('lms.report.path'));
    const expected = [tl('lms.report.total', { total: 75, verdict: tl('lms.report.failed') }), dims, crit, tl('lms.report.replies', { list: replies })].join(part);
    expect(field(scorm2004Profile.interaction(3, r), 'learner_response')).toBe(expected);
    // The fixture's replies are short: 1.2 has room for the same text.
    expect(expected.length).toBeLessThanOrEqual(255);
    expect(field(scorm12Profile.interaction(3, r), 'student_response')).toBe(expected);
    expect(field(scorm2004Profile.interaction(3, r), 'description')).toBe(`${tl('lms.report.playDescription', { title: '测试用情景', outcome: outcomeName('lost') })}${part}${crit}`);
    // What stays as it was: the id, the lesson objective, the credit as the result.
    expect(field(scorm12Profile.interaction(3, r), 'id')).toBe('rp.valid');
    expect(field(scorm2004Profile.interaction(3, r), 'result')).toBe('0.75');
    expect(scorm2004Profile.interaction(3, r)).toContainEqual(['cmi.interactions.3.objectives.0.id', 'P01']);
  });

  it('shortens the replies, never the scores, to fit 1.2’s 255 characters', () => {
    const play = { title: '长'.repeat(300), replies: Array.from({ length: 40 }, (_, i) => ({ id: `c${i + 1}`, text: `第${i}句`.repeat(20) })), total: 40, dimensions: [10, 20, 30, 40, 50], critical: [{ choice: 'c3', kind: 'privacy' }], outcome: 'escalated', passed: false };
    const text = playResponse(play, 255);
    expect(text.length).toBeLessThanOrEqual(255);
    expect(text).toContain(tl('lms.report.criticalItem', { kind: kindName('privacy'), choice: 'c3' }));
    expect(text).toContain('c1');
    expect(text.endsWith(tl('lms.report.more'))).toBe(true);
    const description = playDescription(play, 250);
    expect(description.length).toBeLessThanOrEqual(250);
    expect(description).toContain(tl('lms.report.criticalItem', { kind: kindName('privacy'), choice: 'c3' }));
    expect(shorten('  一二\n三四五六  ', 5)).toBe(`一二 三${tl('lms.report.more')}`);
  });
});

const { content } = loadAndCheckContent(root);
const lessons = content.lessons.map((l) => l.data);
const questions = content.quizzes.filter((q) => q.data.kind !== 'pool').flatMap((q) => quizIslandProps(q.data.id, content.quizzes, lessons).questions.map((question) => ({ quiz: q.data.id, question })));

describe('every shipped question in the LMS report', () => {
  it('has a Chinese description within 2004’s 250 characters and responses within both versions’ rules', () => {
    expect(questions.length).toBeGreaterThan(100);
    for (const { quiz, question } of questions) {
      const r = toInteraction({ quizId: quiz, question, response: correctResponse(question), latencyMs: 1000, at: 0 });
      const v2004 = scorm2004Profile.interaction(0, r);
      const description = field(v2004, 'description') as string;
      expect(description, r.id).toMatch(cjk);
      expect(description.length, r.id).toBeLessThanOrEqual(250);
      expect(field(scorm12Profile.interaction(0, r), 'student_response')!.length, r.id).toBeLessThanOrEqual(255);
      expect(field(scorm12Profile.interaction(0, r), 'id'), r.id).toMatch(MOODLE_SHORT_ID);
    }
  });
});

// ---- through scorm-again, under the strict and Moodle profiles ----

const course: CourseData = {
  courseId: 'service-pitfalls',
  title: '服务行业雷区',
  parts: [],
  lessons: [{ id: 'A2', title: '自评', part: 'part1', minutes: 15, href: 'a2.html' }],
};
const stored = (store: LmsStore, key: string): unknown => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], store.cmi);
const failedCalls = (l: Launch) => l.calls.filter((c) => c.result === 'false' || (c.error !== 0 && !c.name.includes('Get')));

beforeEach(() => $lmsStatus.set({ ...initialLmsStatus }));

describe.each([
  ['1.2', 'strict'],
  ['2004', 'strict'],
  ['2004', 'moodle'],
] as const)('SCORM %s through scorm-again (%s profile)', (version: Version, profile) => {
  it('stores every role-play play and every question without a refused call', () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const s = startSession(version, store, new MemoryStorage(), course.courseId, { profile });
    void s.adapter.load();
    const state: LearnerState = { ...emptyLearnerState(), location: 'A2', visited: ['A2'] };
    s.adapter.save(state, summarize(course, state));
    const records = [
      ...shipped.flatMap((scenario) => [record(scenario, walk(scenario, () => 0)), record(scenario, walk(scenario, (n) => n - 1))]),
      ...questions.map(({ quiz, question }) => toInteraction({ quizId: quiz, question, response: correctResponse(question), latencyMs: 1000, at: 0 })),
    ];
    for (const r of records) s.adapter.report(r);
    s.clock.advance(10_000);
    s.adapter.finish(state, summarize(course, state));
    expect(failedCalls(s.lms)).toEqual([]);
    const first = stored(store, 'interactions.0') as Record<string, unknown>;
    const response = (version === '1.2' ? first.student_response : first.learner_response) as string;
    expect(response).toBe(playResponse(records[0]!.play!, version === '1.2' ? 255 : 4000));
    expect(response).toMatch(cjk);
  });

  it(version === '1.2' ? 'writes no objectives for the A2 self-assessment (1.2 reports it nowhere)' : 'reports the A2 self-assessment as one objective per rated dimension', () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const s = startSession(version, store, new MemoryStorage(), course.courseId, { profile });
    void s.adapter.load();
    const ratings = { 'response-1': 4, 'response-2': 3, 'response-3': 2, 'empathy-1': 1 };
    const state: LearnerState = { ...emptyLearnerState(), location: 'A2', visited: ['A2'], selfRatings: ratings };
    s.adapter.save(state, summarize(course, state));
    s.clock.advance(10_000);
    s.adapter.finish(state, summarize(course, state));
    expect(failedCalls(s.lms)).toEqual([]);
    const objectives = Object.values((stored(store, 'objectives') ?? {}) as Record<string, Record<string, unknown>>).filter((o) => typeof o === 'object' && o !== null && 'id' in o);
    if (version === '1.2') {
      expect(objectives).toEqual([]);
      return;
    }
    const byId = new Map(objectives.map((o) => [o.id, o]));
    expect([...byId.keys()]).toEqual(['A2', 'A2.self.response', 'A2.self.empathy']);
    expect(byId.get('A2.self.response')).toMatchObject({
      completion_status: 'completed',
      success_status: 'unknown',
      description: tl('lms.report.selfObjective', { name: DIMENSION_NAMES.response }),
      score: { raw: '67', scaled: '0.67', min: '0', max: '100' },
    });
    expect(byId.get('A2.self.empathy')).toMatchObject({ completion_status: 'incomplete', success_status: 'unknown' });
    expect((byId.get('A2.self.empathy') as { score: { raw: string } }).score.raw).toBe('');
  });

  it(version === '1.2' ? 'writes no objectives for the Part 8 self-check (1.2 gets one compact interaction)' : 'reports the Part 8 self-check as one objective per answered part and its total', () => {
    const store: LmsStore = { cmi: null, commits: 0 };
    const s = startSession(version, store, new MemoryStorage(), course.courseId, { profile });
    void s.adapter.load();
    const tools = encodeToolSummaries({ selfcheck: { done: true, values: { total: 71, answered: 120, part1: 80, part2: 55, part3: 40, part4: 90, part5: 0, part6: 100 } } });
    const state: LearnerState = { ...emptyLearnerState(), location: 'S06', visited: ['S06'], tools };
    s.adapter.save(state, summarize(course, state));
    s.clock.advance(10_000);
    s.adapter.finish(state, summarize(course, state));
    expect(failedCalls(s.lms)).toEqual([]);
    const objectives = Object.values((stored(store, 'objectives') ?? {}) as Record<string, Record<string, unknown>>).filter((o) => typeof o === 'object' && o !== null && 'id' in o);
    if (version === '1.2') {
      expect(objectives).toEqual([]);
      expect(selfCheckResponse(state)).toEqual(['total-71', 'part1-80', 'part2-55', 'part3-40', 'part4-90', 'part5-0', 'part6-100']);
      const record = selfCheckRecord(state, new Date(0).toISOString());
      expect(record).not.toBeNull();
      const values = new Map(scorm12Profile.interaction(0, record!));
      expect(values.get('cmi.interactions.0.id')).toBe('S06.check');
      expect(values.get('cmi.interactions.0.type')).toBe('performance');
      expect(values.get('cmi.interactions.0.student_response')).toBe('total_71,part1_80,part2_55,part3_40,part4_90,part5_0,part6_100');
      expect(selfCheckRecord({ ...state, tools: undefined }, new Date(0).toISOString())).toBeNull();
      return;
    }
    const byId = new Map(objectives.map((o) => [o.id, o]));
    expect([...byId.keys()].filter((id) => String(id).startsWith('S06.check'))).toEqual([
      'S06.check.part1', 'S06.check.part2', 'S06.check.part3', 'S06.check.part4', 'S06.check.part5', 'S06.check.part6', 'S06.check.total',
    ]);
    expect(byId.get('S06.check.part2')).toMatchObject({
      completion_status: 'completed',
      description: tl('lms.report.selfCheckPart', { part: 2 }),
      score: { raw: '55', scaled: '0.55', min: '0', max: '100' },
    });
    expect(byId.get('S06.check.total')).toMatchObject({ description: tl('lms.report.selfCheckTotal', { answered: 120 }), score: { raw: '71' } });
    for (const id of byId.keys()) expect(String(id)).toMatch(MOODLE_SHORT_ID);
  });
});

describe('self objectives (pure)', () => {
  it('none before a rating; a dimension from its first rating; a score once every item is rated', () => {
    expect(selfObjectives(emptyLearnerState())).toEqual([]);
    const all = Object.fromEntries(DIMENSIONS.flatMap((d) => [1, 2, 3].map((n) => [`${d}-${n}`, 4])));
    const objectives = selfObjectives({ ...emptyLearnerState(), selfRatings: all });
    expect(objectives.map((o) => [o.id, o.complete, o.score])).toEqual(DIMENSIONS.map((d) => [`A2.self.${d}`, true, 100]));
    for (const o of objectives) expect(o.id).toMatch(MOODLE_SHORT_ID);
  });
});
