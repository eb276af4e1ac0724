/**
 * SCORM 2004 4th Edition data-model mapping (../shared/research/scorm.md a.2–a.9):
 * - completion_status and success_status are separate; the course sets both itself (the
 *   manifest's deliveryControls say so, or SuccessFactors completes on exit).
 * - score.scaled is score/100; the LMS compares it with cmi.scaled_passing_score (from the
 *   manifest's minNormalizedMeasure), which is also the pass mark the course uses.
 * - one objective per lesson in the package, with completion, success and score; one per
 *   dimension of the A2 self-assessment once rated (score = self score, success unknown).
 * - a role-play's learner_response (type other, 4000) and description (250) are in words
 *   (src/lms/readable.ts).
 * - an interaction's id is written first and its type before learner_response / correct
 *   responses (else error 408); timestamps carry a fraction before the "Z".
 * - exit "suspend" keeps the attempt open; "normal" once the course is finished.
 */
import { SCORM2004_SUSPEND_LIMIT } from '../persistence/suspend/budget.ts';
import type { InteractionRecord } from '../engine/learner-state.ts';
import { preferences2004 } from './preferences.ts';
import { clip, decimal, duration2004, identifier2004, response2004, result, timestamp2004 } from './cmi-format.ts';
import { playDescription, playResponse } from './readable.ts';
import type { LessonSummary, LmsSummary, ScormProfile } from './types.ts';

function successStatus(passed: boolean | null): string {
  return passed === null ? 'unknown' : passed ? 'passed' : 'failed';
}

function scoreValues(prefix: string, score: number | null): [string, string][] {
  if (score === null) return [];
  return [
    [`${prefix}.scaled`, decimal(score / 100)],
    [`${prefix}.raw`, decimal(score)],
    [`${prefix}.min`, '0'],
    [`${prefix}.max`, '100'],
  ];
}

const OBJECTIVE_COMPLETION: Record<LessonSummary['status'], string> = {
  'not-started': 'not attempted',
  'in-progress': 'incomplete',
  completed: 'completed',
};

export const scorm2004Profile: ScormProfile = {
  kind: 'scorm2004',
  suspendLimit: SCORM2004_SUSPEND_LIMIT,
  learnerId: 'cmi.learner_id',
  learnerName: 'cmi.learner_name',
  suspendData: 'cmi.suspend_data',
  location: 'cmi.location',
  locationLimit: 1000,
  interactionsCount: 'cmi.interactions._count',
  notStartedStatuses: (get) => {
    const status = get('cmi.completion_status');
    return status === '' || status === 'unknown' || status === 'not attempted' ? [['cmi.completion_status', 'incomplete']] : [];
  },
  masteryScore: (get) => {
    const raw = get('cmi.scaled_passing_score');
    const n = Number(raw);
    return raw !== '' && Number.isFinite(n) && n >= -1 && n <= 1 ? Math.max(0, n * 100) : null;
  },
  preferences: preferences2004,
  statusValues: (summary: LmsSummary) => [
    ['cmi.completion_status', summary.courseCompleted ? 'completed' : 'incomplete'],
    ['cmi.success_status', successStatus(summary.passed)],
    ['cmi.progress_measure', decimal(summary.progress)],
    ...scoreValues('cmi.score', summary.score),
  ],
  objectives: {
    count: 'cmi.objectives._count',
    id: (n) => `cmi.objectives.${n}.id`,
    values: (n, lesson) => {
      const at = `cmi.objectives.${n}`;
      return [
        [`${at}.completion_status`, OBJECTIVE_COMPLETION[lesson.status]],
        [`${at}.success_status`, successStatus(lesson.passed)],
        ...scoreValues(`${at}.score`, lesson.score),
      ];
    },
    self: (n, objective) => {
      const at = `cmi.objectives.${n}`;
      return [
        [`${at}.completion_status`, objective.complete ? 'completed' : 'incomplete'],
        [`${at}.success_status`, 'unknown'],
        ...scoreValues(`${at}.score`, objective.score),
        [`${at}.description`, clip(objective.description, 250)],
      ];
    },
  },
  exit: (summary) => ['cmi.exit', summary.courseCompleted ? 'normal' : 'suspend'],
  sessionTime: (ms) => ['cmi.session_time', duration2004(ms)],
  interaction: (n: number, record: InteractionRecord) => {
    const at = `cmi.interactions.${n}`;
    const values: [string, string][] = [
      [`${at}.id`, identifier2004(record.id)],
      [`${at}.type`, record.type],
    ];
    if (record.objective) values.push([`${at}.objectives.0.id`, identifier2004(record.objective)]);
    values.push([`${at}.timestamp`, timestamp2004(record.timestamp)]);
    if (record.correct.length > 0) values.push([`${at}.correct_responses.0.pattern`, response2004(record.type, record.correct)]);
    values.push(
      [`${at}.learner_response`, record.play ? playResponse(record.play, 4000) : response2004(record.type, record.response)],
      [`${at}.result`, result('2004', record.credit)],
      [`${at}.latency`, duration2004(record.latencyMs)],
    );
    const description = record.play ? playDescription(record.play, 250) : record.description;
    if (description) values.push([`${at}.description`, clip(description, 250)]);
    return values;
  },
};
