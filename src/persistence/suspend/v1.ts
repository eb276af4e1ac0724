/**
 * Version 1 of the suspend-data format: short-key JSON, base64url-encoded. It was the first,
 * simple layout (readable when debugging, but about four times larger than version 2), and it
 * stays decodable forever: `upgradeV1` turns it into the current LearnerState shape.
 *
 *   { l: location, v: visited, e: ended,
 *     q: { quizId: [attempts, best, passed 0|1, [seed, position, responses, checked, submitted 0|1, score] | 0] },
 *     s: { scenarioId: [plays, best, passed 0|1, current | 0, [ending, total, dims, steps, path, passed 0|1] | 0] } }
 */
import type { LearnerState, QuizAttemptState, QuizProgress, ScenarioProgress, ScenarioResult } from '../../engine/learner-state.ts';

type V1Attempt = [number, number, Record<string, string[]>, string[], 0 | 1, number | null];
type V1Quiz = [number, number | null, 0 | 1, V1Attempt | 0];
type V1Result = [string, number, number[], string[], string[], 0 | 1];
type V1Scenario = [number, number | null, 0 | 1, string[] | 0, V1Result | 0];
export interface V1State {
  l: string | null;
  v: string[];
  e: string[];
  q: Record<string, V1Quiz>;
  s: Record<string, V1Scenario>;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** Writes a state in the version-1 layout (kept for migration tests). */
export function encodeV1Body(state: LearnerState): string {
  const v1: V1State = {
    l: state.location,
    v: state.visited,
    e: state.ended,
    q: Object.fromEntries(
      Object.entries(state.quizzes).map(([id, q]) => [
        id,
        [
          q.attempts,
          q.best,
          q.passed ? 1 : 0,
          q.current
            ? [q.current.seed, q.current.position, q.current.responses, q.current.checked, q.current.submitted ? 1 : 0, q.current.score]
            : 0,
        ],
      ]),
    ),
    s: Object.fromEntries(
      Object.entries(state.scenarios).map(([id, s]) => [
        id,
        [
          s.plays,
          s.best,
          s.passed ? 1 : 0,
          s.current ?? 0,
          s.last ? [s.last.ending, s.last.total, s.last.dimensions, s.last.steps, s.last.path, s.last.passed ? 1 : 0] : 0,
        ],
      ]),
    ),
  };
  return toBase64Url(JSON.stringify(v1));
}

export function decodeV1Body(body: string): V1State {
  return JSON.parse(fromBase64Url(body)) as V1State;
}

/** Migration v1 → v2: expands the short keys into the LearnerState contract. */
export function upgradeV1(old: V1State): LearnerState {
  const attempt = (a: V1Attempt): QuizAttemptState => ({
    seed: a[0],
    position: a[1],
    responses: Object.fromEntries(Object.entries(a[2])),
    checked: a[3],
    submitted: a[4] === 1,
    score: a[5],
  });
  const result = (r: V1Result): ScenarioResult => ({
    ending: r[0],
    total: r[1],
    dimensions: r[2],
    steps: r[3],
    path: r[4],
    passed: r[5] === 1,
  });
  return {
    location: old.l,
    visited: old.v,
    ended: old.e,
    quizzes: Object.fromEntries(
      Object.entries(old.q).map(([id, q]): [string, QuizProgress] => [
        id,
        { attempts: q[0], best: q[1], passed: q[2] === 1, current: q[3] === 0 ? null : attempt(q[3]) },
      ]),
    ),
    scenarios: Object.fromEntries(
      Object.entries(old.s).map(([id, s]): [string, ScenarioProgress] => [
        id,
        { plays: s[0], best: s[1], passed: s[2] === 1, current: s[3] === 0 ? null : s[3], last: s[4] === 0 ? null : result(s[4]) },
      ]),
    ),
  };
}
