import { describe, expect, it } from 'vitest';
import { duration2004, identifier12, response12, response2004, result, time12, timespan12, timestamp2004 } from '../../src/lms/cmi-format.ts';

// Patterns from the specs as implemented by Moodle (1.2) and the RTE 4th Ed tables (2004).
const CMI_TIMESPAN = /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/;
const CMI_TIME = /^([0-2][0-9]):([0-5][0-9]):([0-5][0-9])(\.[0-9]{1,2})?$/;
const ISO_DURATION = /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;
const ISO_TIME_2004 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z$/;

describe('CMI formats', () => {
  it.each([0, 5, 999, 12_340, 61_000, 3_725_500, 360_000_000, 10 ** 12])('1.2 timespan and 2004 duration for %i ms', (ms) => {
    expect(timespan12(ms)).toMatch(CMI_TIMESPAN);
    const d = duration2004(ms);
    expect(d).toMatch(ISO_DURATION);
    expect(d).not.toBe('PT');
    expect(d).not.toBe('P');
  });

  it('writes the values an LMS expects', () => {
    expect(timespan12(3_725_500)).toBe('01:02:05.50');
    expect(duration2004(3_725_500)).toBe('PT1H2M5.5S');
    expect(duration2004(0)).toBe('PT0S');
    expect(timestamp2004('2025-03-04T05:06:07.890Z')).toBe('2025-03-04T05:06:07.8Z');
    expect(timestamp2004('garbage')).toMatch(ISO_TIME_2004);
    expect(time12('2025-03-04T05:06:07.890Z')).toMatch(CMI_TIME);
    expect(identifier12('p01 q 3\u00e9')).toBe('p01_q_3_');
  });

  it('formats responses per type and version', () => {
    expect(response12('choice', ['a', 'c'])).toBe('a,c');
    expect(response2004('choice', ['a', 'c', 'a'])).toBe('a[,]c');
    expect(response12('true-false', ['false'])).toBe('f');
    expect(response2004('true-false', ['t'])).toBe('true');
    expect(response12('matching', ['1:a', '2:b'])).toBe('1.a,2.b');
    expect(response2004('matching', ['1:a', '2:b'])).toBe('1[.]a[,]2[.]b');
    expect(response2004('sequencing', ['c', 'a'])).toBe('c[,]a');
    expect(response12('other', Array.from({ length: 200 }, (_, i) => `c${i}`)).length).toBeLessThanOrEqual(255);
    expect([result('1.2', 1), result('1.2', 0), result('2004', 0), result('2004', 2 / 3)]).toEqual(['correct', 'wrong', 'incorrect', '0.6667']);
  });
});
