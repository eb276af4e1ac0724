/**
 * The largest learner states of the WHOLE planned course (not just the lessons written so far),
 * for the suspend-data budget tests and `npm run bench`.
 *
 * Maximal state (the issue's definition: "every lesson completed, every quiz at its maximum
 * attempts, every role-play finished"), with the real course parameters (MODEL below, checked
 * against the content by tests/unit/persistence/suspend-ids.test.ts):
 * - all 63 units (O1, A1–A6, P01–P50, S01–S06) visited and ended;
 * - every unit's knowledge check (one bank of 12 questions per unit; real banks have 8–9) at the
 *   schema's maximum of 20 attempts, the last one submitted and kept for its review screen:
 *   5 drawn questions, each answered (question types in the real content's proportions, real
 *   id patterns: options a–f, true/false, ordering and matching items from ITEM_SETS-style
 *   entries), its score, a best score ≥ it;
 * - every planned role-play (P01–P50, the attitude module's capstone, the 3 practice scenarios:
 *   54) finished twice, the last play with a 12-choice path (longer than the longest real path) through
 *   decisions of 3 choices numbered in conversation order, an ending, the five dimension
 *   scores, the complaint steps, a best total ≥ its total.
 * Worst case: the same with every knowledge check's last attempt and every role-play still in
 * progress (a previous play's result kept too), plus the 8 part assessments (15 questions) and
 * the course assessment (30 questions) at their 3rd attempt, in progress with every question
 * answered. It must fit SCORM 1.2's 4,096 characters through encodeWithinBudget.
 *
 * Values come from a fixed pseudo-random sequence (scores uniform 0–100, choices uniform among
 * the offered ones), so nothing in the model repeats conveniently. Ids of units, role-plays and
 * item sets not written yet are unknown; the model invents them and plannedCourseTables() adds
 * them to the id tables, as the committed tables will hold every real id
 * (tests/unit/persistence/suspend-ids.test.ts enforces it).
 */
import { toolIdSchema } from '../../schemas/tools.ts';
import { encodeToolSummaries, SUMMARY_FIELDS, type ToolSummaries } from '../../engine/tools/summary.ts';
import { mulberry32 } from '../../engine/quiz/random.ts';
import { encodeWithinBudget, SCORM12_SUSPEND_LIMIT } from './budget.ts';
import { ID_TABLES, LESSON_IDS, SCENARIO_IDS, SELF_ITEM_IDS, STEP_IDS, type IdTables } from './ids.ts';
import { encodeLearnerState } from './versions.ts';
import type { LearnerState, QuizAttemptState, QuizProgress, ScenarioProgress, ScenarioResult } from '../../engine/learner-state.ts';

/** The course parameters the model assumes. */
export const MODEL = {
  /** Planned units: O1, A1–A6, P01–P50, S01–S06, each with a knowledge check. */
  units: 63,
  /** Questions per bank (real banks: 8–9; `draw` may not exceed it). */
  bankSize: 12,
  /** Questions per knowledge-check attempt (quizzes/*.yaml `draw: 5`). */
  draw: 5,
  /** Attempt limit of a bank: `attempts` is omitted (unlimited); 20 is the schema's maximum. */
  attempts: 20,
  /** Decisions on the longest real role-play path (scenarios/*.yaml, deriveScoring().longest). */
  pathLength: 12,
  /** Choices offered per decision, numbered c1, c2… in conversation order. */
  choicesPerDecision: 3,
  /** Finished plays of each role-play (a replay, so best and last total differ). */
  plays: 2,
  /** Assessments: attempts allowed, questions of a part assessment and of the course assessment. */
  assessment: { attempts: 3, part: 15, course: 30 },
  /** Share of question types, as counted in quizzes/*.yaml (single-choice … matching). */
  types: { 'single-choice': 26, 'best-reply': 19, 'true-false': 15, 'multiple-response': 11, ordering: 7, matching: 8 },
} as const;

/** The SCORM 1.2 target for the maximal state (bench/run.mjs fails above it). */
export const MAXIMAL_TARGET = 1500;


const PLANNED_UNITS = LESSON_IDS.slice(0, MODEL.units);
/** Units with a lesson role-play (course-outline.md: every pitfall P01–P50). */
const ROLEPLAY_UNITS = PLANNED_UNITS.filter((u) => /^P\d\d$/.test(u));
/** Industry units (P31–P35) carry a second, team-lead role-play (a lesson's `leadScenario`). */
const LEAD_ROLEPLAY_UNITS = ROLEPLAY_UNITS.filter((u) => u >= 'P31' && u <= 'P35');

function shuffle<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)] as T;
const score = (rnd: () => number) => Math.floor(rnd() * 101);
/** A best score ≥ the latest one (the engines never lower it). */
const bestFrom = (latest: number, rnd: () => number) => latest + Math.floor(rnd() * (101 - latest));

function word(rnd: () => number): string {
  const letters = 'abcdefghiklmnoprstuvwy';
  return Array.from({ length: 4 + Math.floor(rnd() * 5) }, () => pick([...letters], rnd)).join('');
}

type QuestionType = keyof typeof MODEL.types;

/** A planned question: what its response can be made of. */
interface PlannedQuestion {
  key: string;
  type: QuestionType;
  /** Option ids (choice types), item ids (ordering) or left ids (matching). */
  ids: string[];
  /** Right ids (matching). */
  right: string[];
}

interface PlannedCourse {
  banks: { id: string; questions: PlannedQuestion[] }[];
  roleplays: string[];
  /** ITEM_SETS lines of the planned ordering and matching questions. */
  items: string[];
}

function plannedQuestion(key: string, rnd: () => number): PlannedQuestion {
  const total = Object.values(MODEL.types).reduce((a, b) => a + b, 0);
  let roll = rnd() * total;
  const type = (Object.keys(MODEL.types) as QuestionType[]).find((t) => (roll -= MODEL.types[t]) < 0) ?? 'single-choice';
  const letters = (n: number) => 'abcdef'.slice(0, n).split('');
  switch (type) {
    case 'single-choice':
      return { key, type, ids: letters(rnd() < 0.85 ? 4 : 5), right: [] };
    case 'best-reply':
      return { key, type, ids: letters(rnd() < 0.9 ? 4 : 3), right: [] };
    case 'true-false':
      return { key, type, ids: ['true', 'false'], right: [] };
    case 'multiple-response':
      return { key, type, ids: letters(rnd() < 0.5 ? 5 : 6), right: [] };
    case 'ordering':
      return { key, type, ids: Array.from({ length: 3 + Math.floor(rnd() * 3) }, () => word(rnd)), right: [] };
    case 'matching':
      return { key, type, ids: Array.from({ length: 4 }, () => word(rnd)), right: Array.from({ length: 5 }, () => `r-${word(rnd)}`) };
  }
}

let planned: PlannedCourse | null = null;

/** The planned course's banks, role-plays and item sets (fixed: same every call). */
function plannedCourse(): PlannedCourse {
  if (planned) return planned;
  const rnd = mulberry32(20250602);
  const banks = PLANNED_UNITS.map((u) => ({
    id: u.toLowerCase(),
    questions: Array.from({ length: MODEL.bankSize }, (_, i) => plannedQuestion(`q${i + 1}`, rnd)),
  }));
  const items = banks.flatMap((b) =>
    b.questions.flatMap((q) => (q.type === 'ordering' ? [q.ids.join(' ')] : q.type === 'matching' ? [`${q.ids.join(' ')} | ${q.right.join(' ')}`] : [])),
  );
  // Written role-plays keep their real ids (a unit's first and, for P31–P35, second role-play in
  // the table); the others get `<unit>-roleplay` and `<unit>-lead-roleplay`. The practice
  // scenarios are now lesson role-plays or retired, so none is counted on its own.
  const written = (u: string) => SCENARIO_IDS.filter((id) => id.slice(0, 3).toUpperCase() === u);
  const roleplays = [
    ...ROLEPLAY_UNITS.map((u) => written(u)[0] ?? `${u.toLowerCase()}-roleplay`),
    ...LEAD_ROLEPLAY_UNITS.map((u) => written(u)[1] ?? `${u.toLowerCase()}-lead-roleplay`),
    'a-capstone-roleplay',
  ];
  planned = { banks, roleplays, items };
  return planned;
}

/** The id tables as they will be once every planned unit's role-play and question exists. */
export function plannedCourseTables(): IdTables {
  const course = plannedCourse();
  return {
    ...ID_TABLES,
    scenarios: [...ID_TABLES.scenarios, ...course.roleplays.filter((id) => !ID_TABLES.scenarios.includes(id))],
    items: [...(ID_TABLES.items ?? []), ...course.items],
  };
}

function response(q: PlannedQuestion, rnd: () => number): string[] {
  switch (q.type) {
    case 'single-choice':
    case 'best-reply':
    case 'true-false':
      return [pick(q.ids, rnd)];
    case 'multiple-response': {
      const chosen = new Set(shuffle(q.ids, rnd).slice(0, 2 + Math.floor(rnd() * 3)));
      return q.ids.filter((id) => chosen.has(id)); // the island keeps the authored order
    }
    case 'ordering':
      return shuffle(q.ids, rnd);
    case 'matching': {
      const rights = shuffle(q.right, rnd);
      return q.ids.map((left, i) => `${left}:${rights[i] as string}`); // left items in authored order
    }
  }
}

function attempt(rnd: () => number, questions: PlannedQuestion[], submitted: boolean): QuizAttemptState {
  const responses: Record<string, string[]> = {};
  for (const q of questions) responses[q.key] = response(q, rnd);
  return {
    seed: Math.floor(rnd() * 2 ** 16),
    position: questions.length - 1,
    responses,
    checked: questions.map((q) => q.key),
    submitted,
    score: submitted ? score(rnd) : null,
  };
}

function quiz(rnd: () => number, attempts: number, questions: PlannedQuestion[], submitted: boolean): QuizProgress {
  const current = attempt(rnd, questions, submitted);
  const best = current.score === null ? score(rnd) : bestFrom(current.score, rnd);
  return { attempts, best, passed: best >= 80, current };
}

/** A path through `MODEL.pathLength` decisions; decision k offers c(3k+1)…c(3k+3). `scattered`: any of c1…c36. */
function path(rnd: () => number, length: number, scattered: boolean): string[] {
  const per = MODEL.choicesPerDecision;
  return Array.from({ length }, (_, k) => `c${scattered ? 1 + Math.floor(rnd() * 36) : per * k + 1 + Math.floor(rnd() * per)}`);
}

function result(rnd: () => number, scattered: boolean): ScenarioResult {
  const ending = pick(['e-loyal', 'e-resolved', 'e-escalated', 'e-lost'], rnd);
  const total = score(rnd);
  const dimensions = [score(rnd), score(rnd), score(rnd), score(rnd), score(rnd)];
  const steps = shuffle(STEP_IDS, rnd).slice(0, Math.floor(rnd() * (STEP_IDS.length + 1)));
  const passed = total >= 70 && dimensions.every((d) => d >= 40) && (ending === 'e-loyal' || ending === 'e-resolved');
  return { ending, total, dimensions, steps, path: path(rnd, MODEL.pathLength, scattered), passed };
}

function scenario(rnd: () => number, inProgress: boolean, scattered: boolean): ScenarioProgress {
  const last = result(rnd, scattered);
  const best = bestFrom(last.total, rnd);
  return {
    plays: MODEL.plays,
    best,
    passed: last.passed || rnd() < 0.5,
    current: inProgress ? path(rnd, MODEL.pathLength - 1, scattered) : null,
    last,
  };
}

export interface MaximalStateOptions {
  /**
   * The worst case: every knowledge-check attempt and role-play in progress, plus the 9
   * assessments in progress. (`assessments: true` is the older name of the same variant.)
   */
  worstCase?: boolean;
  assessments?: boolean;
  /** Role-play paths of random, unordered choice ids c1…c36 (a stress case for the path code). */
  scatteredPaths?: boolean;
}

export function maximalState(options: MaximalStateOptions = {}): LearnerState {
  const worst = options.worstCase ?? options.assessments ?? false;
  const scattered = options.scatteredPaths ?? false;
  const course = plannedCourse();
  const rnd = mulberry32(20250601);
  const state: LearnerState = {
    location: PLANNED_UNITS.at(-1) as string,
    visited: [...PLANNED_UNITS],
    ended: [...PLANNED_UNITS],
    quizzes: {},
    scenarios: {},
  };
  for (const bank of course.banks) {
    const drawn = shuffle(bank.questions, rnd).slice(0, MODEL.draw);
    state.quizzes[bank.id] = quiz(rnd, MODEL.attempts, drawn, !worst);
  }
  for (const id of course.roleplays) state.scenarios[id] = scenario(rnd, worst, scattered);
  // The A2 self-assessment, every item rated.
  state.selfRatings = Object.fromEntries(SELF_ITEM_IDS.map((id) => [id, 1 + Math.floor(rnd() * 4)]));
  // The seven Part 8 tools, every one used (the summary's longest form).
  state.tools = worstToolsSummary();
  if (worst) {
    // Assessments draw from the lesson banks: question keys name their bank ("p07.q3").
    const parts = [PLANNED_UNITS.filter((u) => /^[OA]/.test(u)), ...chunk(PLANNED_UNITS.filter((u) => /^[PS]/.test(u)), 7)];
    const drawFrom = (units: readonly string[], count: number) =>
      shuffle(
        units.flatMap((u) => {
          const bank = course.banks.find((b) => b.id === u.toLowerCase());
          return (bank?.questions ?? []).map((q) => ({ ...q, key: `${bank?.id}.${q.key}` }));
        }),
        rnd,
      ).slice(0, count);
    parts.slice(0, 8).forEach((units, i) => {
      state.quizzes[`part${i + 1}-assessment`] = quiz(rnd, MODEL.assessment.attempts, drawFrom(units, MODEL.assessment.part), false);
    });
    state.quizzes['course-assessment'] = quiz(rnd, MODEL.assessment.attempts, drawFrom(PLANNED_UNITS, MODEL.assessment.course), false);
  }
  return state;
}

function chunk<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, i) => items.slice(i * size, (i + 1) * size));
}

export interface MaximalStateReport {
  /** Characters (= bytes: the output is ASCII) of the maximal (finished) whole-course state. */
  chars: number;
  /** Characters of the worst case as it is, before any budget reduction. */
  worstCase: number;
  /** Characters of the worst case after encodeWithinBudget(…, limit). */
  worstCaseBudgeted: number;
  /** What encodeWithinBudget had to leave out of the worst case (empty when it fit as it is). */
  worstCaseDropped: string[];
  /** The maximal state with role-play paths of random, unordered choice ids. */
  scatteredPaths: number;
  /** Characters the Part 8 tools' summary adds at its longest (not part of `chars`). */
  tools: number;
  /** The target for the maximal state. */
  target: number;
  /** The SCORM 1.2 limit every state must fit. */
  limit: number;
}

/** The tools' summary at its longest: all seven tools, every field at its largest value. */
export function worstToolsSummary(): string {
  const summaries = Object.fromEntries(
    toolIdSchema.options.map((tool) => [tool, { done: true, values: Object.fromEntries(SUMMARY_FIELDS[tool].map(([name, width]) => [name, 36 ** width - 2])) }]),
  );
  return encodeToolSummaries(summaries as ToolSummaries);
}

/**
 * Size in characters of the maximal whole-course PROGRESS (what `npm run bench` holds to the
 * 1,500 target): the maximal state without the Part 8 tools' summary, which is counted apart
 * (maximalToolsChars) so that tool use can never eat into the room course progress needs.
 */
export function maximalStateSize(): number {
  const { tools: _tools, ...progress } = maximalState();
  return encodeLearnerState(progress, plannedCourseTables()).length;
}

/** What the tools' summary adds to the maximal state (its separator included). */
export function maximalToolsChars(): number {
  return encodeLearnerState(maximalState(), plannedCourseTables()).length - maximalStateSize();
}

export function maximalStateReport(): MaximalStateReport {
  const tables = plannedCourseTables();
  const worst = maximalState({ worstCase: true });
  const budgeted = encodeWithinBudget(worst, SCORM12_SUSPEND_LIMIT, tables);
  return {
    chars: maximalStateSize(),
    tools: maximalToolsChars(),
    worstCase: encodeLearnerState(worst, tables).length,
    worstCaseBudgeted: budgeted.text.length,
    worstCaseDropped: budgeted.dropped,
    scatteredPaths: encodeLearnerState(maximalState({ scatteredPaths: true }), tables).length,
    target: MAXIMAL_TARGET,
    limit: SCORM12_SUSPEND_LIMIT,
  };
}
