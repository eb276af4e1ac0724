/**
 * The worst-case learner state of the WHOLE planned course (not just the lessons written so
 * far), for the suspend-data budget test and `npm run bench`.
 *
 * Model: all 56 units (O1, A1–A6, P01–P50, S01–S06) visited and ended; each unit's quiz at
 * its attempt limit with an attempt in progress that has 8 of 12 questions answered (option
 * ids a–e: single answers, multiple responses and orderings of 4); each unit's role-play
 * finished, with a 12-choice path, an ending, the five dimension scores and all four
 * complaint steps. Values come from a fixed pseudo-random sequence, so nothing in the model
 * repeats conveniently. Optionally the 8 part assessments and the course assessment are added,
 * each with a 20-question attempt in progress.
 *
 * Scenario ids of units not written yet are unknown; the model names them `<unit>-roleplay`
 * and adds them to the id table, as the committed table will hold every real id
 * (tests/unit/codec-ids.test.ts enforces it).
 */
import { encodeLearnerState, SCORM12_SUSPEND_LIMIT } from './codec.ts';
import { ID_TABLES, LESSON_IDS, type IdTables } from './codec-ids.ts';
import type { LearnerState, QuizAttemptState, QuizProgress, ScenarioProgress } from './learner-state.ts';

/** Attempt limit assumed for every quiz in the model (issue 4 makes it configurable). */
export const MODEL_MAX_ATTEMPTS = 5;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLANNED_UNITS = LESSON_IDS.slice(0, 63);

function shuffle<T>(items: T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function attempt(rnd: () => number, answered: number, pool: string[]): QuizAttemptState {
  const options = ['a', 'b', 'c', 'd', 'e'];
  const questions = shuffle(pool, rnd).slice(0, answered);
  const responses: Record<string, string[]> = {};
  for (const q of questions) {
    const kind = rnd();
    if (kind < 0.6) responses[q] = [options[Math.floor(rnd() * 5)] as string];
    else if (kind < 0.8) responses[q] = shuffle(options, rnd).slice(0, 2 + Math.floor(rnd() * 2)).sort();
    else responses[q] = shuffle(options.slice(0, 4), rnd);
  }
  return {
    seed: Math.floor(rnd() * 2 ** 32),
    position: answered - 1,
    responses,
    checked: [...questions],
    submitted: false,
    score: null,
  };
}

function quiz(rnd: () => number, answered: number, pool: string[]): QuizProgress {
  return { attempts: MODEL_MAX_ATTEMPTS, best: Math.floor(rnd() * 101), passed: rnd() < 0.5, current: attempt(rnd, answered, pool) };
}

/**
 * A 12-decision path. Authors number choices in conversation order (c1, c2… unique in the
 * scenario, see src/schemas/scenario.ts), three or so per decision, so decision k offers about
 * c(3k+1)…c(3k+3). `scattered` instead draws every id at random from c1…c36 (worst case).
 */
function path(rnd: () => number, scattered: boolean): string[] {
  return Array.from({ length: 12 }, (_, k) => `c${scattered ? 1 + Math.floor(rnd() * 36) : 3 * k + 1 + Math.floor(rnd() * 3)}`);
}

function scenario(rnd: () => number, scattered: boolean): ScenarioProgress {
  const score = () => Math.floor(rnd() * 101);
  return {
    plays: 3,
    best: score(),
    passed: rnd() < 0.5,
    current: null,
    last: {
      ending: ['end-good', 'end-ok', 'end-poor', 'end-escalated'][Math.floor(rnd() * 4)] as string,
      total: score(),
      dimensions: [score(), score(), score(), score(), score()],
      steps: shuffle(['listen', 'empathise', 'solve', 'follow-up'], rnd),
      path: path(rnd, scattered),
      passed: rnd() < 0.5,
    },
  };
}

/** The id tables as they will be once every planned unit's role-play exists. */
export function plannedCourseTables(): IdTables {
  return { ...ID_TABLES, scenarios: [...ID_TABLES.scenarios, ...PLANNED_UNITS.map((u) => `${u.toLowerCase()}-roleplay`)] };
}

export function maximalState(options: { assessments?: boolean; scatteredPaths?: boolean } = {}): LearnerState {
  const rnd = mulberry32(20250601);
  const bank = Array.from({ length: 12 }, (_, i) => `q${i + 1}`);
  const state: LearnerState = {
    location: 'S06',
    visited: [...PLANNED_UNITS],
    ended: [...PLANNED_UNITS],
    quizzes: {},
    scenarios: {},
  };
  for (const unit of PLANNED_UNITS) {
    state.quizzes[unit.toLowerCase()] = quiz(rnd, 8, bank);
    state.scenarios[`${unit.toLowerCase()}-roleplay`] = scenario(rnd, options.scatteredPaths ?? false);
  }
  if (options.assessments) {
    // Assessments draw from the lesson banks: question ids name their bank.
    const pool = PLANNED_UNITS.flatMap((u) => bank.map((q) => `${u.toLowerCase()}.${q}`));
    for (const id of [...Array.from({ length: 8 }, (_, i) => `part${i + 1}-assessment`), 'course-assessment'])
      state.quizzes[id] = quiz(rnd, 20, pool);
  }
  return state;
}

export interface MaximalStateReport {
  /** Characters (= bytes: the output is ASCII) of the 56-unit maximal state. */
  chars: number;
  /** Same, plus the 9 assessments with 20-question attempts in progress. */
  withAssessments: number;
  /** The 56-unit state with role-play paths of random, unordered choice ids (worst case). */
  scatteredPaths: number;
  /** The SCORM 1.2 limit both must fit. */
  limit: number;
}

/** Size in characters of the maximal whole-course state (what `npm run bench` prints). */
export function maximalStateSize(): number {
  return encodeLearnerState(maximalState(), plannedCourseTables()).length;
}

export function maximalStateReport(): MaximalStateReport {
  const tables = plannedCourseTables();
  return {
    chars: encodeLearnerState(maximalState(), tables).length,
    withAssessments: encodeLearnerState(maximalState({ assessments: true }), tables).length,
    scatteredPaths: encodeLearnerState(maximalState({ scatteredPaths: true }), tables).length,
    limit: SCORM12_SUSPEND_LIMIT,
  };
}
