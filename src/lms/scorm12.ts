/**
 * SCORM 1.2 data-model mapping. Facts this relies on (../shared/research/scorm.md a.2–a.8):
 * - lesson_status is one field for completion and success; the SCO may never write
 *   "not attempted", and Moodle turns a 1.2 "not attempted" into "completed" on LMSFinish, so
 *   the first launch writes "incomplete" at once.
 * - score.raw is what Moodle's gradebook shows as-is: report 0–100 with min 0 and max 100.
 * - suspend_data is CMIString4096 and lesson_location CMIString255. scorm-again and Moodle
 *   accept far more, strict LMSs do not: the budget is enforced here, not by the LMS.
 * - interactions.n.* are write-only, so the adapter keeps its own count; `other` does not
 *   exist in 1.2 (role-plays report as `performance`, the response in words within
 *   CMIFeedback's 255 characters: src/lms/readable.ts). 1.2 has no interaction description.
 * - exit is "suspend" while the course is unfinished and "" (normal) once it is finished.
 */
import { SCORM12_SUSPEND_LIMIT } from '../persistence/suspend/budget.ts';
import type { InteractionRecord } from '../engine/learner-state.ts';
import { preferences12 } from './preferences.ts';
import { clip, decimal, identifier12, response12, result, time12, timespan12 } from './cmi-format.ts';
import { playResponse } from './readable.ts';
import type { LmsSummary, ScormProfile } from './types.ts';

export function lessonStatus12(summary: LmsSummary): string {
  if (summary.report === 'completed-incomplete') return summary.courseCompleted ? 'completed' : 'incomplete';
  // Every lesson done and the pass mark missed (e.g. the assessment failed): failed, never passed.
  if (!summary.courseCompleted) return summary.passed === false ? 'failed' : 'incomplete';
  if (summary.passed === true) return 'passed';
  if (summary.passed === false) return 'failed';
  return 'completed';
}

export const scorm12Profile: ScormProfile = {
  kind: 'scorm12',
  suspendLimit: SCORM12_SUSPEND_LIMIT,
  learnerId: 'cmi.core.student_id',
  learnerName: 'cmi.core.student_name',
  suspendData: 'cmi.suspend_data',
  location: 'cmi.core.lesson_location',
  locationLimit: 255,
  interactionsCount: 'cmi.interactions._count',
  notStartedStatuses: (get) => {
    const status = get('cmi.core.lesson_status');
    return status === '' || status === 'not attempted' ? [['cmi.core.lesson_status', 'incomplete']] : [];
  },
  masteryScore: (get) => {
    const raw = get('cmi.student_data.mastery_score');
    const n = Number(raw);
    return raw !== '' && Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
  },
  preferences: preferences12,
  statusValues: (summary) => {
    const values: [string, string][] = [['cmi.core.lesson_status', lessonStatus12(summary)]];
    if (summary.score !== null) {
      values.push(['cmi.core.score.raw', decimal(summary.score)], ['cmi.core.score.min', '0'], ['cmi.core.score.max', '100']);
    }
    return values;
  },
  objectives: null,
  exit: (summary) => ['cmi.core.exit', summary.courseCompleted ? '' : 'suspend'],
  sessionTime: (ms) => ['cmi.core.session_time', timespan12(ms)],
  interaction: (n: number, record: InteractionRecord) => {
    const at = `cmi.interactions.${n}`;
    const type = record.type === 'other' ? 'performance' : record.type;
    const values: [string, string][] = [
      [`${at}.id`, identifier12(record.id)],
      [`${at}.type`, type],
    ];
    if (record.objective) values.push([`${at}.objectives.0.id`, identifier12(record.objective)]);
    values.push([`${at}.time`, time12(record.timestamp)]);
    if (record.correct.length > 0) values.push([`${at}.correct_responses.0.pattern`, response12(record.type, record.correct)]);
    values.push(
      [`${at}.student_response`, record.play ? playResponse(record.play, 255) : clip(response12(record.type, record.response), 255)],
      [`${at}.result`, result('1.2', record.credit)],
      [`${at}.latency`, timespan12(record.latencyMs)],
    );
    return values;
  },
};
