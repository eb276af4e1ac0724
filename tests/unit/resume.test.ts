import { describe, expect, it } from 'vitest';
import { resumeSpot, resumeTarget, type LessonRef } from '../../src/engine/completion.ts';
import { bookmarkText, emptyLearnerState, parseBookmark, type LearnerState } from '../../src/engine/learner-state.ts';
import { isLearnerState } from '../../src/engine/learner-state-guard.ts';
import { mergeLearnerStates } from '../../src/persistence/merge.ts';

const lessons: LessonRef[] = [{ id: 'P01' }, { id: 'P02' }, { id: 'P03' }];
const state = (over: Partial<LearnerState>): LearnerState => ({ ...emptyLearnerState(), ...over });

describe('resume at the spot, not the lesson (issue 10 item 4)', () => {
  it('offers the lesson the learner left, at the section they left', () => {
    const s = state({ location: 'P02', spot: '分析不一致从哪里来', visited: ['P01', 'P02'], ended: ['P01'] });
    expect(resumeTarget(lessons, s)).toBe('P02');
    expect(resumeSpot(lessons, s)).toBe('分析不一致从哪里来');
  });

  it('never points back to a finished lesson when a later one is unfinished', () => {
    // P02 finished last (location), P01 done, P03 in progress from an earlier visit.
    const s = state({ location: 'P02', spot: 'x', visited: ['P01', 'P03', 'P02'], ended: ['P01', 'P02'] });
    expect(resumeTarget(lessons, s)).toBe('P03');
    expect(resumeSpot(lessons, s)).toBeNull();
  });

  it('falls back to the first unfinished lesson, and to none when all are done', () => {
    expect(resumeTarget(lessons, state({ location: 'P03', ended: ['P02', 'P03'] }))).toBe('P01');
    expect(resumeTarget(lessons, state({ location: 'P09' }))).toBe('P01');
    expect(resumeTarget(lessons, state({ location: 'P02', ended: ['P01', 'P02', 'P03'] }))).toBeNull();
  });

  it('keeps the spot in the LMS bookmark and reads it back', () => {
    expect(bookmarkText(state({ location: 'P02', spot: 'quiz' }))).toBe('P02#quiz');
    expect(bookmarkText(state({ location: 'P02' }))).toBe('P02');
    expect(bookmarkText(state({}))).toBeNull();
    expect(parseBookmark('P02#quiz')).toEqual({ location: 'P02', spot: 'quiz' });
    expect(parseBookmark('P02')).toEqual({ location: 'P02' });
    expect(parseBookmark('')).toBeNull();
  });

  it('a merge keeps the spot only with the location it belongs to', () => {
    const lms = state({ location: 'P02' });
    const browser = state({ location: 'P02', spot: 'roleplay' });
    // The LMS copy is the newer one at launch: its bookmark wins; the browser's spot fills in for the same lesson.
    expect(mergeLearnerStates(browser, lms).spot).toBe('roleplay');
    expect(mergeLearnerStates(browser, state({ location: 'P03' })).spot).toBeUndefined();
    expect(isLearnerState(browser)).toBe(true);
    expect(isLearnerState({ ...browser, spot: 3 })).toBe(false);
  });
});
