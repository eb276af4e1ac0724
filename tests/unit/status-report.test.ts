import { describe, expect, it } from 'vitest';
import { manifest12 } from '../../scripts/lib/manifest.ts';
import { lessonStatus12 } from '../../src/lms/scorm12.ts';
import type { LmsSummary } from '../../src/lms/types.ts';

const summary = (over: Partial<LmsSummary>): LmsSummary => ({
  completedLessons: 2,
  totalLessons: 2,
  progress: 1,
  courseCompleted: true,
  score: 93,
  passed: true,
  masteryScore: 80,
  lessons: [],
  ...over,
});

describe('SCORM 1.2 reporting chosen at packaging time (--report)', () => {
  it('passed-failed (the default) ends on passed or failed', () => {
    expect(lessonStatus12(summary({}))).toBe('passed');
    expect(lessonStatus12(summary({ passed: false, score: 60 }))).toBe('failed');
    expect(lessonStatus12(summary({ courseCompleted: false, score: null, passed: null }))).toBe('incomplete');
    // Every lesson done, the assessment failed: the package is not complete, and 1.2 says failed.
    expect(lessonStatus12(summary({ courseCompleted: false, score: 40, passed: false }))).toBe('failed');
  });

  it('completed-incomplete ends on completed, which Moodle\'s "Require status: Completed" accepts', () => {
    expect(lessonStatus12(summary({ report: 'completed-incomplete' }))).toBe('completed');
    expect(lessonStatus12(summary({ report: 'completed-incomplete', courseCompleted: false, score: null, passed: null }))).toBe('incomplete');
  });

  it('a completed-incomplete 1.2 manifest declares no mastery score for the LMS to override the status with', () => {
    const input = { name: 'x', title: 'x', lessons: ['P01'], files: ['index.html'] };
    expect(manifest12({ ...input, masteryScore: 80 })).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>');
    expect(manifest12({ ...input, masteryScore: undefined })).not.toContain('masteryscore');
  });
});
