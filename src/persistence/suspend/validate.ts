/**
 * Field-by-field validation of a learner state read back from storage (suspend data of any
 * version, the browser mirror, a pending slot). Stored data is never trusted: every field is
 * checked, and a value that cannot be trusted is dropped — or, for a counter, replaced by the
 * least value the rest of the record proves — with a logged reason. What comes out always
 * satisfies the encoder's contract (whole, non-negative counts; scores 0–100; finite seeds;
 * string ids), so one bad field can never stop every later save.
 */
import { decodeToolSummaries, encodeToolSummaries, SUMMARY_WORST_CHARS } from '../../engine/tools/summary.ts';
import { DIMENSIONS, isSelfRating, type LearnerState, type QuizAttemptState, type QuizProgress, type ScenarioProgress, type ScenarioResult } from '../../engine/learner-state.ts';

/** Largest counter we believe (attempts, plays, a question position): far above any real learner. */
export const MAX_TRUSTED_COUNT = 1_000_000;
/** Longest id we believe; content ids are a few characters. */
export const MAX_ID_LENGTH = 200;

type Log = (reason: string) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_ID_LENGTH;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= MAX_TRUSTED_COUNT;
const isScore = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;
const show = (v: unknown) => {
  try {
    return JSON.stringify(v)?.slice(0, 40) ?? String(v);
  } catch {
    return String(v);
  }
};

function ids(v: unknown, where: string, log: Log): string[] {
  if (!Array.isArray(v)) {
    log(`${where}: not a list (${show(v)}); dropped`);
    return [];
  }
  const out = v.filter(isId);
  if (out.length !== v.length) log(`${where}: ${v.length - out.length} entr${v.length - out.length === 1 ? 'y' : 'ies'} not an id; dropped`);
  return out;
}

function nullableScore(v: unknown, where: string, log: Log): number | null {
  if (v === null || isScore(v)) return v;
  log(`${where}: score ${show(v)} outside 0–100; dropped`);
  return null;
}

function flag(v: unknown, where: string, log: Log): boolean {
  if (typeof v === 'boolean') return v;
  log(`${where}: ${show(v)} is not true/false; taken as false`);
  return false;
}

function entries(v: unknown, where: string, log: Log): [string, unknown][] {
  if (!isObject(v)) {
    log(`${where}: not a record (${show(v)}); dropped`);
    return [];
  }
  return Object.entries(v).filter(([key]) => {
    if (isId(key)) return true;
    log(`${where}: id too long; dropped`);
    return false;
  });
}

function attempt(v: unknown, where: string, log: Log): QuizAttemptState | null {
  if (v === null) return null;
  if (!isObject(v)) {
    log(`${where}: attempt ${show(v)} is not a record; dropped`);
    return null;
  }
  const seed = v.seed;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    log(`${where}: attempt seed ${show(seed)} unusable, the attempt cannot be rebuilt; dropped`);
    return null;
  }
  const responses: [string, string[]][] = [];
  for (const [id, value] of entries(v.responses, `${where}.responses`, log)) {
    if (Array.isArray(value) && value.every(isId)) responses.push([id, [...value]]);
    else log(`${where}.responses.${id}: ${show(value)} is not a list of option ids; dropped`);
  }
  let position = v.position;
  if (!isCount(position)) {
    log(`${where}: position ${show(position)} is not a whole number 0–${MAX_TRUSTED_COUNT}; reset to 0`);
    position = 0;
  }
  return {
    seed,
    position: position as number,
    responses: Object.fromEntries(responses),
    checked: ids(v.checked, `${where}.checked`, log),
    submitted: flag(v.submitted, `${where}.submitted`, log),
    score: nullableScore(v.score, `${where}.score`, log),
  };
}

function quiz(v: unknown, where: string, log: Log): QuizProgress | null {
  if (!isObject(v)) {
    log(`${where}: ${show(v)} is not a quiz record; dropped`);
    return null;
  }
  const current = attempt(v.current ?? null, `${where}.current`, log);
  const best = nullableScore(v.best, `${where}.best`, log);
  let attempts = v.attempts;
  if (!isCount(attempts)) {
    // The least count the rest proves: an attempt on record or a best score means at least one.
    const least = current !== null || best !== null ? 1 : 0;
    log(`${where}: attempt count ${show(attempts)} is not a whole number 0–${MAX_TRUSTED_COUNT}; set to ${least}`);
    attempts = least;
  }
  return { attempts: attempts as number, best, passed: flag(v.passed, `${where}.passed`, log), current };
}

function result(v: unknown, where: string, log: Log): ScenarioResult | null {
  if (v === null) return null;
  const ok =
    isObject(v) &&
    isId(v.ending) &&
    isScore(v.total) &&
    Array.isArray(v.dimensions) &&
    v.dimensions.length === DIMENSIONS.length &&
    v.dimensions.every(isScore) &&
    typeof v.passed === 'boolean';
  if (!ok) {
    log(`${where}: result ${show(v)} incomplete or out of range; dropped`);
    return null;
  }
  return {
    ending: v.ending as string,
    total: v.total as number,
    dimensions: [...(v.dimensions as number[])],
    steps: ids(v.steps, `${where}.steps`, log),
    path: ids(v.path, `${where}.path`, log),
    passed: v.passed as boolean,
  };
}

function scenario(v: unknown, where: string, log: Log): ScenarioProgress | null {
  if (!isObject(v)) {
    log(`${where}: ${show(v)} is not a role-play record; dropped`);
    return null;
  }
  const last = result(v.last ?? null, `${where}.last`, log);
  const best = nullableScore(v.best, `${where}.best`, log);
  let plays = v.plays;
  if (!isCount(plays)) {
    const least = last !== null || best !== null ? 1 : 0;
    log(`${where}: play count ${show(plays)} is not a whole number 0–${MAX_TRUSTED_COUNT}; set to ${least}`);
    plays = least;
  }
  const current = v.current === null || v.current === undefined ? null : ids(v.current, `${where}.current`, log);
  return { plays: plays as number, best, passed: flag(v.passed, `${where}.passed`, log), current, last };
}

/**
 * A trustworthy LearnerState from anything read back, or null when it does not even look like
 * one (no visited/ended lists, no quiz/role-play records). `log` receives one line per dropped or repaired value.
 */
export function sanitizeLearnerState(value: unknown, log: Log = () => {}): LearnerState | null {
  // The skeleton must be there: a record without it is foreign data, not a damaged state.
  if (!isObject(value) || !Array.isArray(value.visited) || !Array.isArray(value.ended) || !isObject(value.quizzes) || !isObject(value.scenarios)) {
    log(`not a learner state (${show(value)})`);
    return null;
  }
  let location: string | null = null;
  if (isId(value.location)) location = value.location;
  else if (value.location !== null && value.location !== undefined) log(`location ${show(value.location)} is not a lesson id; dropped`);
  const quizzes: [string, QuizProgress][] = [];
  for (const [id, q] of entries(value.quizzes, 'quizzes', log)) {
    const clean = quiz(q, `quizzes.${id}`, log);
    if (clean) quizzes.push([id, clean]);
  }
  const scenarios: [string, ScenarioProgress][] = [];
  for (const [id, s] of entries(value.scenarios, 'scenarios', log)) {
    const clean = scenario(s, `scenarios.${id}`, log);
    if (clean) scenarios.push([id, clean]);
  }
  const state: LearnerState = {
    location,
    visited: ids(value.visited, 'visited', log),
    ended: ids(value.ended, 'ended', log),
    // fromEntries defines own data properties: an id such as "__proto__" never becomes a prototype.
    quizzes: Object.fromEntries(quizzes),
    scenarios: Object.fromEntries(scenarios),
  };
  const selfRatings = ratings(value.selfRatings, log);
  if (selfRatings) state.selfRatings = selfRatings;
  const tools = toolsSummary(value.tools, log);
  if (tools) state.tools = tools;
  return state;
}

/**
 * The tools' summary: kept only when it reads back completely (decodeToolSummaries) and
 * re-encodes to itself, so a damaged summary is dropped and never confuses completion.
 */
function toolsSummary(v: unknown, log: Log): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string' || v.length > SUMMARY_WORST_CHARS) {
    log(`tools: ${show(v)} is not a tools summary; dropped`);
    return null;
  }
  const { summaries, problems } = decodeToolSummaries(v);
  if (problems.length || encodeToolSummaries(summaries) !== v) {
    log(`tools: ${show(v)} is not a readable tools summary (${problems.join('; ') || 'does not re-encode'}); dropped`);
    return null;
  }
  return Object.keys(summaries).length ? v : null;
}

/** Self-assessment ratings: each an integer 1–4 under an id; others dropped. Null when none is left. */
function ratings(v: unknown, log: Log): Record<string, number> | null {
  if (v === undefined || v === null) return null;
  if (!isObject(v)) {
    log(`selfRatings: not a record (${show(v)}); dropped`);
    return null;
  }
  const kept: [string, number][] = [];
  for (const [id, rating] of Object.entries(v)) {
    if (isId(id) && isSelfRating(rating)) kept.push([id, rating]);
    else log(`selfRatings.${id.slice(0, 40)}: ${show(rating)} is not a rating 1–4; dropped`);
  }
  return kept.length ? Object.fromEntries(kept) : null;
}
