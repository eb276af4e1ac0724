import { beforeEach, describe, expect, it } from 'vitest';
import { $lmsStatus, initialLmsStatus } from '../../src/lms/status.ts';
import { NO_PREFERENCES, preferences12, preferences2004 } from '../../src/lms/preferences.ts';
import { $replyTiming, setReplyTiming } from '../../src/state/scenario.ts';
import { MemoryStorage, startSession, type LmsStore } from './helpers/lms-harness.ts';

const reader = (values: Record<string, string>) => (element: string) => values[element] ?? '';

describe('learner preferences as the LMS gives them', () => {
  it('SCORM 1.2: negative speed is slower, a language code is kept, text −1 / 1 is captions off / on', () => {
    expect(preferences12(reader({ 'cmi.student_preference.speed': '-50', 'cmi.student_preference.language': 'en-US', 'cmi.student_preference.text': '1' }))).toEqual({
      language: 'en-us',
      slower: true,
      captions: true,
    });
    expect(preferences12(reader({ 'cmi.student_preference.speed': '0', 'cmi.student_preference.text': '-1' }))).toEqual({ language: '', slower: false, captions: false });
    expect(preferences12(reader({ 'cmi.student_preference.speed': '40' })).slower).toBe(false);
  });

  it('SCORM 2004: delivery_speed below 1 is slower, audio_captioning 0 is no preference', () => {
    expect(preferences2004(reader({ 'cmi.learner_preference.delivery_speed': '0.5', 'cmi.learner_preference.language': 'zh-CN', 'cmi.learner_preference.audio_captioning': '0' }))).toEqual({
      language: 'zh-cn',
      slower: true,
      captions: null,
    });
    expect(preferences2004(reader({ 'cmi.learner_preference.delivery_speed': '1' })).slower).toBe(false);
    expect(preferences2004(reader({ 'cmi.learner_preference.delivery_speed': '2.5' })).slower).toBe(false);
  });

  it('an LMS that sets nothing, or sets nonsense, means no preference', () => {
    expect(preferences12(reader({}))).toEqual(NO_PREFERENCES);
    expect(preferences2004(reader({}))).toEqual(NO_PREFERENCES);
    expect(preferences12(reader({ 'cmi.student_preference.speed': 'fast', 'cmi.student_preference.language': 'English', 'cmi.student_preference.text': '7' }))).toEqual(NO_PREFERENCES);
    expect(preferences2004(reader({ 'cmi.learner_preference.delivery_speed': '-1', 'cmi.learner_preference.language': '<b>en</b>' }))).toEqual(NO_PREFERENCES);
  });
});

describe.each(['1.2', '2004'] as const)('SCORM %s: preferences reach the course at launch', (version) => {
  beforeEach(() => $lmsStatus.set({ ...initialLmsStatus }));

  const slowerLearner = (): LmsStore => ({
    cmi:
      version === '1.2'
        ? { core: { student_name: '王小明' }, student_preference: { speed: '-50', language: 'en', text: '1' } }
        : { learner_name: '王小明', learner_preference: { delivery_speed: '0.5', language: 'en', audio_captioning: '1' } },
    commits: 0,
  });

  it('the status carries what the LMS set', async () => {
    const session = startSession(version, slowerLearner(), new MemoryStorage(), 'service-pitfalls');
    await session.adapter.load();
    expect($lmsStatus.get().preferences).toEqual({ language: 'en', slower: true, captions: true });
  });

  it('an LMS without preferences leaves the standard timing', async () => {
    const session = startSession(version, { cmi: null, commits: 0 }, new MemoryStorage(), 'service-pitfalls');
    await session.adapter.load();
    expect($lmsStatus.get().preferences).toEqual(NO_PREFERENCES);
  });
});

describe('the role-play reply timing follows the LMS until the learner chooses', () => {
  beforeEach(() => $lmsStatus.set({ ...initialLmsStatus }));

  it('slower delivery makes the extended reply time the default; the learner\'s own choice wins', async () => {
    expect($replyTiming.get()).toBe('standard');
    const session = startSession('2004', { cmi: { learner_preference: { delivery_speed: '0.5' } }, commits: 0 }, new MemoryStorage(), 'service-pitfalls');
    await session.adapter.load();
    expect($replyTiming.get()).toBe('extended');
    setReplyTiming('off');
    expect($replyTiming.get()).toBe('off');
    setReplyTiming('standard');
    expect($replyTiming.get(), 'a chosen standard timing is kept, not replaced by the LMS default').toBe('standard');
  });
});
