import { describe, expect, it } from 'vitest';
import { findApi, MAX_HOPS, type WindowLike } from '../../src/lms/discovery.ts';
import { pickAdapter } from '../../src/runtime/launch.ts';
import type { CourseData } from '../../src/state/course.ts';

const api12 = { LMSInitialize: () => 'true' };
const api2004 = { Initialize: () => 'true' };

/** A chain of frames: [sco, parent, grandparent…]; each window's parent is the next, the last is its own parent. */
function chain(length: number): WindowLike[] {
  const wins: WindowLike[] = Array.from({ length }, () => ({}));
  wins.forEach((w, i) => {
    w.parent = wins[i + 1] ?? w;
    w.top = wins[length - 1];
  });
  return wins;
}

describe('SCORM API discovery', () => {
  it('finds the API in the SCO window itself', () => {
    const [sco] = chain(1) as [WindowLike];
    sco.API_1484_11 = api2004;
    expect(findApi(sco, 'API_1484_11')).toBe(api2004);
  });

  it('walks up the parents to the LMS frame', () => {
    const wins = chain(4);
    (wins[3] as WindowLike).API = api12;
    expect(findApi(wins[0] as WindowLike, 'API')).toBe(api12);
    expect(findApi(wins[0] as WindowLike, 'API_1484_11')).toBeNull();
  });

  it('treats a cross-origin window (SecurityError) as "not here" and keeps going via the opener', () => {
    const wins = chain(2);
    Object.defineProperty(wins[1], 'API_1484_11', { get: () => { throw new DOMException('Blocked', 'SecurityError'); } });
    const opener = chain(2);
    (opener[1] as WindowLike).API_1484_11 = api2004;
    (wins[0] as WindowLike).opener = opener[0];
    expect(findApi(wins[0] as WindowLike, 'API_1484_11')).toBe(api2004);
  });

  it('looks at top.opener (popup launched from an LMS frame)', () => {
    const wins = chain(3);
    const lms = chain(1);
    (lms[0] as WindowLike).API = api12;
    (wins[2] as WindowLike).opener = lms[0];
    expect(findApi(wins[0] as WindowLike, 'API')).toBe(api12);
  });

  it('gives up after the hop limit (7 for 1.2)', () => {
    const wins = chain(MAX_HOPS.API + 3);
    (wins.at(-1) as WindowLike).API = api12;
    expect(findApi(wins[0] as WindowLike, 'API')).toBeNull();
    const near = chain(MAX_HOPS.API);
    (near.at(-1) as WindowLike).API = api12;
    expect(findApi(near[0] as WindowLike, 'API')).toBe(api12);
  });

  it('ignores objects that are not an API', () => {
    const [sco] = chain(1) as [WindowLike];
    sco.API = { LMSInitialize: 'nope' };
    expect(findApi(sco, 'API')).toBeNull();
  });
});

describe('pickAdapter', () => {
  const course: CourseData = { courseId: 'c', title: 't', parts: [], lessons: [] };
  it('a package built for one version only looks for that version', async () => {
    const [sco] = chain(1) as [WindowLike];
    sco.API = { ...api12, LMSFinish: () => 'true' };
    expect((await pickAdapter(course, { scorm: '2004', masteryScore: 80 }, sco)).kind).toBe('standalone');
    expect((await pickAdapter(course, { scorm: '1.2', masteryScore: 80 }, sco)).kind).toBe('scorm12');
  });
  it('the plain web build prefers 2004, then 1.2, else standalone', async () => {
    const [sco] = chain(1) as [WindowLike];
    expect((await pickAdapter(course, { masteryScore: 80 }, sco)).kind).toBe('standalone');
    sco.API = api12;
    expect((await pickAdapter(course, { masteryScore: 80 }, sco)).kind).toBe('scorm12');
    sco.API_1484_11 = api2004;
    expect((await pickAdapter(course, { masteryScore: 80 }, sco)).kind).toBe('scorm2004');
  });
});
