/**
 * The preview inspector's summary card (issue 18 point 3): from the CMI values the player sends
 * and the package's embedded course data, a person reads completion, success, score, time, a row
 * per lesson (status, best check score, role-play outcome and five scores) and the suspend data
 * decoded by the course's own codec. Words come from the dictionaries.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cmiWord, courseFromPage, durationSeconds, endingOutcomes, inspectSummary, readableDuration, summaryHtml, type InspectFields } from '../../scripts/preview/inspect.ts';
import { DIMENSIONS, emptyLearnerState, type LearnerState } from '../../src/engine/learner-state.ts';
import { DIMENSION_NAMES } from '../../src/i18n/zh-CN.dimensions.ts';
import { tp } from '../../src/i18n/zh-CN.preview.ts';
import { roleplayUi } from '../../src/i18n/zh-CN.roleplay.ts';
import { encodeLearnerState } from '../../src/persistence/suspend/versions.ts';
import type { CourseData } from '../../src/state/course.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const course: CourseData = {
  courseId: 'service-pitfalls',
  title: '服务行业雷区',
  parts: [],
  lessons: [
    { id: 'P01', title: '第一课', part: 'part1', minutes: 15, href: 'p01.html', quiz: 'p01', scenario: 'p01-broadband-install' },
    { id: 'P02', title: '第二课', part: 'part1', minutes: 15, href: 'p02.html', quiz: 'p02' },
    { id: 'P03', title: '第三课', part: 'part1', minutes: 15, href: 'p03.html' },
  ],
};
const page = (scope?: string) =>
  `<!doctype html><html><head>${scope ? `<meta name="course-scope" content="${scope}">` : ''}</head><body><script type="application/json" id="course-data">${JSON.stringify(course)}</script></body></html>`;

const state: LearnerState = {
  ...emptyLearnerState(),
  location: 'P01',
  visited: ['P01', 'P02'],
  ended: ['P01'],
  quizzes: { p01: { attempts: 2, best: 80, passed: true, current: null } },
  scenarios: {
    'p01-broadband-install': {
      plays: 1,
      best: 62,
      passed: true,
      current: null,
      last: { ending: 'e-resolved', total: 62, dimensions: [70, 60, 50, 40, 90], steps: ['listen'], path: ['c1'], passed: true },
    },
  },
};
const fields = (over: Partial<InspectFields> = {}): InspectFields => ({
  suspendData: encodeLearnerState(state),
  completion: 'incomplete',
  success: 'unknown',
  score: '',
  totalTime: 'PT0S',
  sessionTime: 'PT1M5S',
  ...over,
});

describe('inspector summary card', () => {
  it('reads the course data a package page embeds, scoped like the course does', () => {
    expect(courseFromPage(page())?.lessons.map((l) => l.id)).toEqual(['P01', 'P02', 'P03']);
    expect(courseFromPage(page('P01,P03'))?.lessons.map((l) => l.id)).toEqual(['P01', 'P03']);
    expect(courseFromPage('<p>no data</p>')).toBeNull();
  });

  it('one row per lesson: status, best check score, the role-play outcome and five scores; the suspend data decoded', () => {
    const summary = inspectSummary(fields(), courseFromPage(page()), endingOutcomes(root));
    expect(summary.lessons.map((l) => [l.id, l.status, l.best])).toEqual([
      ['P01', 'completed', 80],
      ['P02', 'in-progress', null],
      ['P03', 'not-started', null],
    ]);
    expect(summary.lessons[0]?.roleplay).toEqual({ played: true, outcome: 'resolved', total: 62, passed: true, dimensions: [70, 60, 50, 40, 90] });
    expect(summary.lessons[1]?.roleplay).toBeNull();
    expect(summary.suspend.state).toEqual(state);

    const html = summaryHtml(summary);
    const p01 = /<tr data-lesson="P01">([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '';
    expect(p01).toContain(tp('preview.summary.status.completed'));
    expect(p01).toContain('<td>80</td>');
    expect(p01).toContain(tp('preview.summary.play', { outcome: roleplayUi['roleplay.outcome.resolved'], total: 62, verdict: tp('preview.summary.passed') }));
    DIMENSIONS.forEach((d, i) => expect(p01).toContain(tp('preview.summary.dimension', { name: DIMENSION_NAMES[d], score: [70, 60, 50, 40, 90][i] as number })));
    expect(html).toContain(tp('preview.summary.timeValue', { total: readableDuration('PT0S'), session: readableDuration('PT1M5S') }));
    expect(html).toContain('&#34;p01-broadband-install&#34;');
  });

  it('shows a lesson’s team-lead role-play beside the front-line one, and whether it was played', () => {
    const withLead: CourseData = {
      ...course,
      lessons: course.lessons.map((l) => (l.id === 'P02' ? { ...l, scenario: 'p02-delivery-chat', leadScenario: 'p01-broadband-install' } : l)),
    };
    const summary = inspectSummary(fields(), withLead, endingOutcomes(root));
    const p02 = summary.lessons[1];
    expect(p02?.roleplay).toEqual({ played: false });
    expect(p02?.leadRoleplay).toEqual({ played: true, outcome: 'resolved', total: 62, passed: true, dimensions: [70, 60, 50, 40, 90] });
    expect(summary.lessons[0]?.leadRoleplay).toBeNull();
    const row = /<tr data-lesson="P02">([\s\S]*?)<\/tr>/.exec(summaryHtml(summary))?.[1] ?? '';
    expect(row).toContain(tp('preview.summary.notPlayed'));
    expect(row).toContain(tp('preview.summary.leadRoleplay'));
    expect(row).toContain(tp('preview.summary.play', { outcome: roleplayUi['roleplay.outcome.resolved'], total: 62, verdict: tp('preview.summary.passed') }));
  });

  it('says when there is no record yet, and why a record cannot be read', () => {
    expect(summaryHtml(inspectSummary(fields({ suspendData: '' }), courseFromPage(page()), endingOutcomes(root)))).toContain(tp('preview.summary.suspendEmpty'));
    const broken = summaryHtml(inspectSummary(fields({ suspendData: 'S3.%%garbage%%' }), courseFromPage(page()), endingOutcomes(root)));
    expect(broken).toContain(tp('preview.summary.suspendUnreadable', { reason: '' }).replace(/：?$/, ''));
    expect(broken).not.toContain('<script');
  });

  it('escapes what it shows (values come from the course frame)', () => {
    const html = summaryHtml(inspectSummary(fields({ completion: '<img src=x onerror=alert(1)>' }), null, () => null));
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img');
  });

  it('status words and stored times read as a person would say them, with the stored value after', () => {
    expect(cmiWord('incomplete')).toBe(tp('preview.summary.cmiWord', { word: tp('preview.summary.cmi.incomplete'), value: 'incomplete' }));
    expect(cmiWord('not attempted')).toContain(tp('preview.summary.cmi.not attempted'));
    expect(cmiWord('something-else')).toBe('something-else');
    expect(durationSeconds('PT1H5M3S')).toBe(3903);
    expect(durationSeconds('PT0S')).toBe(0);
    expect(durationSeconds('P1DT2M')).toBe(86_520);
    expect(durationSeconds('0001:02:03.50')).toBe(3723.5);
    expect(durationSeconds('PT')).toBeNull();
    expect(durationSeconds('soon')).toBeNull();
    expect(readableDuration('PT1H5M3S')).toBe(
      tp('preview.summary.cmiWord', { word: [tp('preview.summary.hours', { n: 1 }), tp('preview.summary.minutes', { n: 5 }), tp('preview.summary.seconds', { n: 3 })].join(' '), value: 'PT1H5M3S' }),
    );
    expect(readableDuration('0000:00:42')).toBe(tp('preview.summary.cmiWord', { word: tp('preview.summary.seconds', { n: 42 }), value: '0000:00:42' }));
    const html = summaryHtml(inspectSummary(fields({ sessionTime: 'PT1M5S', totalTime: 'PT0S' }), courseFromPage(page()), endingOutcomes(root)));
    expect(html).toContain(tp('preview.summary.cmi.incomplete'));
    expect(html).toContain(tp('preview.summary.cmi.unknown'));
    expect(html).toContain(readableDuration('PT1M5S'));
    expect(html).not.toMatch(/<dd>PT/);
  });
});

