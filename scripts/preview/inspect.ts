/**
 * The inspector's summary card (issue 18 point 3): what the LMS holds for the learner, as a
 * person reads it — completion, success, score and time, a row per lesson (status, best check
 * score, the role-play's outcome and five scores) and the suspend data decoded by the course's
 * own codec (src/persistence/suspend/, imported here the way the preview already runs course
 * code: the server imports it; nothing is copied into the player).
 *
 * The player posts the few CMI values it shows to /api/inspect; the server answers with the
 * card's HTML (words from src/i18n/zh-CN.preview.ts). The decoded record scrolls, so it takes
 * the keyboard focus (a named region) like the rest of the inspector should.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { lessonStatus, type LessonStatus } from '../../src/engine/completion.ts';
import { DIMENSIONS, type LearnerState } from '../../src/engine/learner-state.ts';
import { DIMENSION_NAMES } from '../../src/i18n/zh-CN.dimensions.ts';
import { previewUi, tp, type PreviewUiKey } from '../../src/i18n/zh-CN.preview.ts';
import { roleplayUi } from '../../src/i18n/zh-CN.roleplay.ts';
import { decodeLearnerState } from '../../src/persistence/suspend/versions.ts';
import { scopeCourse, type CourseData } from '../../src/state/course.ts';

/** The CMI values the card shows, as the player reads them from the live runtime. */
export interface InspectFields {
  suspendData: string;
  completion: string;
  success: string;
  score: string;
  /** Total time the LMS holds and this session's time (as the version writes them). */
  totalTime: string;
  sessionTime: string;
}

export interface LessonRow {
  id: string;
  title: string;
  status: LessonStatus;
  best: number | null;
  /** null: the lesson has no role-play. */
  roleplay: RoleplayCell | null;
  /** The team-lead role-play (optional); null: the lesson has none. */
  leadRoleplay: RoleplayCell | null;
}

type RoleplayCell = { played: false } | { played: true; outcome: string; total: number; passed: boolean; dimensions: number[] };

export interface InspectSummary {
  fields: InspectFields;
  lessons: LessonRow[];
  suspend: { state: LearnerState; version: number | undefined } | { state: null; reason: string | undefined };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The course data a package's page embeds (`#course-data`), scoped by its `course-scope` meta. */
export function courseFromPage(html: string): CourseData | null {
  const data = /<script type="application\/json" id="course-data"[^>]*>([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (!data) return null;
  try {
    const scope = /<meta name="course-scope" content="([^"]*)"/.exec(html)?.[1];
    return scopeCourse(JSON.parse(data) as CourseData, scope);
  } catch {
    return null;
  }
}

/** The outcome (loyal, resolved, …) of a scenario's ending, read from scenarios/<id>.yaml; null when unknown. */
export function endingOutcomes(root: string): (scenario: string, ending: string) => string | null {
  const cache = new Map<string, Map<string, string>>();
  return (scenario, ending) => {
    if (!/^[\w-]+$/.test(scenario)) return null;
    let endings = cache.get(scenario);
    if (!endings) {
      endings = new Map();
      try {
        const doc = parse(readFileSync(join(root, 'scenarios', `${scenario}.yaml`), 'utf8')) as { endings?: { id: string; outcome: string }[] };
        for (const e of doc.endings ?? []) endings.set(e.id, e.outcome);
      } catch {
        // unknown scenario: the card shows the ending id
      }
      cache.set(scenario, endings);
    }
    return endings.get(ending) ?? null;
  };
}

export function inspectSummary(fields: InspectFields, course: CourseData | null, outcomeOf: (scenario: string, ending: string) => string | null): InspectSummary {
  const decoded = decodeLearnerState(fields.suspendData, undefined, () => {}, course ? { courseId: course.courseId } : {});
  const state = decoded.state;
  const cell = (scenario: string | undefined): RoleplayCell | null => {
    if (!scenario) return null;
    const last = state?.scenarios[scenario]?.last;
    return last
      ? { played: true, outcome: outcomeOf(scenario, last.ending) ?? last.ending, total: last.total, passed: last.passed, dimensions: [...last.dimensions] }
      : { played: false };
  };
  const lessons = (course?.lessons ?? []).map((lesson): LessonRow => {
    const quiz = lesson.quiz && state ? state.quizzes[lesson.quiz] : undefined;
    return {
      id: lesson.id,
      title: lesson.title,
      status: state ? lessonStatus(lesson, state) : 'not-started',
      best: quiz?.best ?? null,
      roleplay: cell(lesson.scenario),
      leadRoleplay: cell(lesson.leadScenario),
    };
  });
  return {
    fields,
    lessons,
    suspend: state ? { state, version: decoded.version } : { state: null, reason: decoded.reason },
  };
}

const outcomeName = (outcome: string) => (roleplayUi as Record<string, string>)[`roleplay.outcome.${outcome}`] ?? outcome;

function roleplayCell(row: LessonRow): string {
  const lead = row.leadRoleplay ? `<p class="lead-play">${esc(tp('preview.summary.leadRoleplay'))}${playText(row.leadRoleplay)}</p>` : '';
  return `${playText(row.roleplay)}${lead}`;
}

function playText(r: RoleplayCell | null): string {
  if (!r) return esc(tp('preview.summary.noRoleplay'));
  if (!r.played) return esc(tp('preview.summary.notPlayed'));
  const head = tp('preview.summary.play', { outcome: outcomeName(r.outcome), total: r.total, verdict: tp(r.passed ? 'preview.summary.passed' : 'preview.summary.failed') });
  const dims = DIMENSIONS.map((d, i) => `<li>${esc(tp('preview.summary.dimension', { name: DIMENSION_NAMES[d], score: r.dimensions[i] ?? 0 }))}</li>`).join('');
  return `${esc(head)}<ul class="dims">${dims}</ul>`;
}

/** A CMI status word in Chinese with the stored value after it; other values as they are. */
export function cmiWord(value: string): string {
  const key = `preview.summary.cmi.${value}`;
  return key in previewUi ? tp('preview.summary.cmiWord', { word: tp(key as PreviewUiKey), value }) : value;
}

/** Seconds in a SCORM 1.2 timespan (HHHH:MM:SS.SS) or a SCORM 2004 duration (PnYnMnDTnHnMnS); null for anything else. */
export function durationSeconds(text: string): number | null {
  const v12 = /^(\d{2,4}):(\d{2}):(\d{2})(\.\d{1,2})?$/.exec(text);
  if (v12) return Number(v12[1]) * 3600 + Number(v12[2]) * 60 + Number(v12[3]) + Number(v12[4] ?? 0);
  const iso = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!iso || text === 'P' || text.endsWith('T')) return null;
  const [, y, mo, d, h, mi, s] = iso.map((x) => Number(x ?? 0));
  return (y ?? 0) * 365 * 86400 + (mo ?? 0) * 30 * 86400 + (d ?? 0) * 86400 + (h ?? 0) * 3600 + (mi ?? 0) * 60 + (s ?? 0);
}

/** A stored time as a person reads it, "1 小时 5 分 3 秒（PT1H5M3S）"; unreadable values as they are. */
export function readableDuration(text: string): string {
  const total = durationSeconds(text);
  if (total === null) return text;
  const whole = Math.round(total);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const parts = [h ? tp('preview.summary.hours', { n: h }) : '', h || m ? tp('preview.summary.minutes', { n: m }) : '', tp('preview.summary.seconds', { n: s })].filter(Boolean);
  return tp('preview.summary.cmiWord', { word: parts.join(' '), value: text });
}

/** The card's HTML (a section with a heading, a list of the four values, the lesson table, the decoded record). */
export function summaryHtml(summary: InspectSummary): string {
  const none = tp('preview.summary.none');
  const value = (v: string) => esc(v === '' ? none : v);
  const facts = (
    [
      ['preview.summary.completion', cmiWord(summary.fields.completion)],
      ['preview.summary.success', cmiWord(summary.fields.success)],
      ['preview.summary.score', summary.fields.score],
      [
        'preview.summary.time',
        summary.fields.totalTime || summary.fields.sessionTime
          ? tp('preview.summary.timeValue', { total: summary.fields.totalTime ? readableDuration(summary.fields.totalTime) : none, session: summary.fields.sessionTime ? readableDuration(summary.fields.sessionTime) : none })
          : '',
      ],
    ] as [PreviewUiKey, string][]
  )
    .map(([key, v]) => `<div><dt>${esc(tp(key))}</dt><dd>${value(v)}</dd></div>`)
    .join('');
  const rows = summary.lessons
    .map(
      (row) =>
        `<tr data-lesson="${esc(row.id)}"><th scope="row">${esc(row.id)} ${esc(row.title)}</th><td>${esc(tp(`preview.summary.status.${row.status}`))}</td><td>${row.best === null ? esc(none) : row.best}</td><td>${roleplayCell(row)}</td></tr>`,
    )
    .join('');
  const table = `<table class="lessons"><caption>${esc(tp('preview.summary.lessons'))}</caption><thead><tr><th scope="col">${esc(tp('preview.summary.lesson'))}</th><th scope="col">${esc(tp('preview.summary.status'))}</th><th scope="col">${esc(tp('preview.summary.best'))}</th><th scope="col">${esc(tp('preview.summary.roleplay'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
  const s = summary.suspend;
  const decoded = s.state
    ? `<p>${esc(tp('preview.summary.suspendLength', { chars: summary.fields.suspendData.length, version: s.version ?? none }))}</p><pre data-testid="suspend-decoded" role="region" tabindex="0" aria-label="${esc(tp('preview.summary.suspend'))}">${esc(JSON.stringify(s.state, null, 1))}</pre>`
    : `<p data-testid="suspend-decoded">${esc(summary.fields.suspendData ? tp('preview.summary.suspendUnreadable', { reason: s.reason ?? none }) : tp('preview.summary.suspendEmpty'))}</p>`;
  return `<h2 id="summary-title">${esc(tp('preview.summary.title'))}</h2><dl class="facts">${facts}</dl>${table}<details open><summary>${esc(tp('preview.summary.suspend'))}</summary>${decoded}</details><p class="hint">${esc(tp('preview.summary.rawCmi'))}</p>`;
}
