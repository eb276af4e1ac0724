/**
 * Reconciling two copies of a learner's state: the LMS's and the browser mirror's at launch,
 * the live state and what another tab stored, a pending (unidentified) session and the next
 * identified one. Pure: no storage, no clock.
 *
 * Progress only moves forward, and the merge is per answer, not per object:
 * - a visited or ended lesson stays so (union);
 * - attempt and play counters, best scores and passes never go backwards (max / or);
 * - two copies of the SAME quiz attempt (same attempt number and seed) are merged question by
 *   question: an answer given in either copy survives (answers made while commits failed are not
 *   lost to an LMS copy with the same attempt count), a checked (locked) answer wins over an
 *   unchecked one, and a submitted attempt stays submitted;
 * - a newer attempt (higher count) replaces an older one; two different attempts with the same
 *   count (two tabs each started one) keep the one with more work in it;
 * - role-play plays: the copy with more finished plays holds the newer result and the newer
 *   play in progress; with equal counts the better result is kept and the longer path in
 *   progress (when one extends the other, or on a tie by a fixed order).
 *
 * - self-assessment ratings (opinions, not progress): every rated item from either copy; an
 *   item rated differently in the two keeps `newer`'s rating (the learner's latest choice).
 *
 * Every rule except the bookmark and a re-rated self-assessment item is symmetric: merge(a, b)
 * and merge(b, a) hold the same progress (list order aside: first-seen order, `a` first). The
 * bookmark (location) is the most recent one: `newer`'s when it has one.
 */
import { mergeToolSummaries } from '../engine/tools/summary.ts';
import type { LearnerState, QuizAttemptState, QuizProgress, ScenarioProgress, ScenarioResult } from '../engine/learner-state.ts';

function union(a: readonly string[], b: readonly string[]): string[] {
  const out = [...a];
  const seen = new Set(a);
  for (const id of b) {
    if (!seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  }
  return out;
}

function maxNullable(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/** A fixed total order on JSON-able values, to break ties the same way whichever side they come from. */
function order(a: unknown, b: unknown): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Two copies of one attempt: every answer from either side; a checked answer beats an unchecked one. */
function mergeSameAttempt(a: QuizAttemptState, b: QuizAttemptState): QuizAttemptState {
  const checked = union(a.checked, b.checked);
  const locked = new Set(checked);
  const responses: [string, string[]][] = [];
  for (const id of union(Object.keys(a.responses), Object.keys(b.responses))) {
    const x = Object.hasOwn(a.responses, id) ? a.responses[id] : undefined;
    const y = Object.hasOwn(b.responses, id) ? b.responses[id] : undefined;
    let pick: string[];
    if (x === undefined) pick = y as string[];
    else if (y === undefined || sameList(x, y)) pick = x;
    else if (locked.has(id) && a.checked.includes(id) !== b.checked.includes(id)) pick = a.checked.includes(id) ? x : y;
    // Both locked or both open with different answers: the submitted side, else a fixed order.
    else if (a.submitted !== b.submitted) pick = a.submitted ? x : y;
    else pick = order(x, y) >= 0 ? x : y;
    responses.push([id, [...pick]]);
  }
  const submitted = a.submitted || b.submitted;
  const score = a.submitted && b.submitted ? maxNullable(a.score, b.score) : a.submitted ? a.score : b.submitted ? b.score : maxNullable(a.score, b.score);
  return {
    seed: a.seed,
    position: Math.max(a.position, b.position),
    responses: Object.fromEntries(responses),
    checked,
    submitted,
    score,
  };
}

/** How much work an attempt holds, to choose between two different attempts of the same number. */
function attemptWeight(a: QuizAttemptState): [number, number, number, number] {
  return [a.submitted ? 1 : 0, a.checked.length, Object.keys(a.responses).length, a.score ?? -1];
}

function compareTuples(x: readonly number[], y: readonly number[]): number {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return 0;
}

function mergeQuiz(a: QuizProgress, b: QuizProgress): QuizProgress {
  let current: QuizAttemptState | null;
  if (a.attempts !== b.attempts) current = (a.attempts > b.attempts ? a : b).current;
  else if (!a.current || !b.current) current = a.current ?? b.current;
  else if (a.current.seed === b.current.seed) current = mergeSameAttempt(a.current, b.current);
  else {
    const c = compareTuples(attemptWeight(a.current), attemptWeight(b.current)) || order(a.current, b.current);
    current = c >= 0 ? a.current : b.current;
  }
  const best = maxNullable(maxNullable(a.best, b.best), current?.submitted ? current.score : null);
  return {
    attempts: Math.max(a.attempts, b.attempts),
    best,
    passed: a.passed || b.passed,
    current,
  };
}

function betterResult(a: ScenarioResult | null, b: ScenarioResult | null): ScenarioResult | null {
  if (!a || !b) return a ?? b;
  const c = compareTuples([a.passed ? 1 : 0, a.total], [b.passed ? 1 : 0, b.total]) || order(a, b);
  return c >= 0 ? a : b;
}

function longerPath(a: string[] | null, b: string[] | null): string[] | null {
  if (!a || !b) return a ?? b;
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return order(a, b) >= 0 ? a : b;
}

function mergeScenario(a: ScenarioProgress, b: ScenarioProgress): ScenarioProgress {
  let current: string[] | null;
  let last: ScenarioResult | null;
  if (a.plays !== b.plays) {
    const newer = a.plays > b.plays ? a : b;
    const older = newer === a ? b : a;
    current = newer.current;
    // A copy whose detail was left out to fit the budget still has the older copy's result.
    last = newer.last ?? older.last;
  } else {
    current = longerPath(a.current, b.current);
    last = betterResult(a.last, b.last);
  }
  return {
    plays: Math.max(a.plays, b.plays),
    best: maxNullable(maxNullable(a.best, b.best), last?.total ?? null),
    passed: a.passed || b.passed || (last?.passed ?? false),
    current: current ? [...current] : null,
    last,
  };
}

function mergeRecords<T>(a: Record<string, T>, b: Record<string, T>, merge: (x: T, y: T) => T): Record<string, T> {
  const entries: [string, T][] = [];
  for (const id of union(Object.keys(a), Object.keys(b))) {
    const x = Object.hasOwn(a, id) ? a[id] : undefined;
    const y = Object.hasOwn(b, id) ? b[id] : undefined;
    entries.push([id, x === undefined ? (y as T) : y === undefined ? x : merge(x, y)]);
  }
  // fromEntries defines own properties: an id such as "__proto__" stays data, never a prototype.
  return Object.fromEntries(entries);
}

/**
 * Merges two copies of a learner's state; nothing completed, answered or scored in either is
 * lost. `newer` is the more recent copy (the live state, or the copy just read back from
 * another tab): it wins the bookmark. Everything else is symmetric.
 */
export function mergeLearnerStates(older: LearnerState, newer: LearnerState): LearnerState {
  // The section within the lesson travels with the lesson it belongs to.
  const from = newer.location !== null ? newer : older;
  const other = from === newer ? older : newer;
  const spot = from.spot ?? (other.location === from.location ? other.spot : undefined);
  const selfRatings = mergeRecords(older.selfRatings ?? {}, newer.selfRatings ?? {}, (_older, latest) => latest);
  const tools = mergeToolSummaries(older.tools, newer.tools);
  return {
    location: from.location,
    ...(spot ? { spot } : {}),
    visited: union(older.visited, newer.visited),
    ended: union(older.ended, newer.ended),
    quizzes: mergeRecords(older.quizzes, newer.quizzes, mergeQuiz),
    scenarios: mergeRecords(older.scenarios, newer.scenarios, mergeScenario),
    ...(Object.keys(selfRatings).length ? { selfRatings } : {}),
    ...(tools ? { tools } : {}),
  };
}

/** True when `merged` holds progress that `state` lacks (so a store holding `state` should take it). */
export function addsProgress(state: LearnerState, merged: LearnerState): boolean {
  return JSON.stringify(canonical(state)) !== JSON.stringify(canonical(mergeLearnerStates(state, merged)));
}

/** A form that ignores list order and the bookmark, for comparing the progress two states hold. */
export function canonical(state: LearnerState): unknown {
  const sortKeys = <T>(r: Record<string, T>, f: (v: T) => unknown) =>
    Object.keys(r)
      .sort()
      .map((k) => [k, f(r[k] as T)]);
  return {
    visited: [...state.visited].sort(),
    ended: [...state.ended].sort(),
    quizzes: sortKeys(state.quizzes, (q) => ({
      ...q,
      current: q.current && {
        ...q.current,
        checked: [...q.current.checked].sort(),
        responses: sortKeys(q.current.responses, (r) => r),
      },
    })),
    scenarios: sortKeys(state.scenarios, (s) => s),
    selfRatings: sortKeys(state.selfRatings ?? {}, (r) => r),
    tools: state.tools ?? '',
  };
}
