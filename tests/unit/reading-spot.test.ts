/**
 * The learner's spot in a lesson (src/site/reading-spot.ts, measured by the shell after each
 * scroll). An LMS that hides the course's frame on exit leaves every position at 0: measured
 * then, the learner was put at the lesson's last anchor (the check), and the LMS stored
 * "P02#quiz" for a learner who had just opened P02 (seen in lms-quirks, SCORM 2004 · slow).
 */
import { describe, expect, it } from 'vitest';
import { spotOf } from '../../src/site/reading-spot.ts';

const at = (scrolled: number) =>
  ([['identify', 300], ['analyse', 900], ['quiz', 2400]] as const).map(([id, top]) => ({ id, getBoundingClientRect: () => ({ top: top - scrolled }) }));

describe('spotOf', () => {
  it('is the last anchor scrolled past the sticky header (24 px of slack), none at the top', () => {
    expect(spotOf(800, 60, at(0))).toBeUndefined();
    expect(spotOf(800, 60, at(250))).toBe('identify');
    expect(spotOf(800, 60, at(900))).toBe('analyse');
    expect(spotOf(800, 60, at(2400))).toBe('quiz');
  });

  it('tells nothing when the page has no layout (a hidden frame: every position reads 0)', () => {
    const collapsed = at(0).map(({ id }) => ({ id, getBoundingClientRect: () => ({ top: 0 }) }));
    expect(spotOf(0, 0, collapsed)).toBeNull();
  });
});
