/**
 * Scoring of the six question types. A response is a list of ids (see QuizAttemptState):
 * chosen option ids; "true"/"false"; item ids in the learner's order; "left:right" pairs.
 * Credit is 0–1 per question; an attempt's score is the mean credit as a whole percent.
 */
import type { QuestionResponse } from '../learner-state.ts';
import { initialOrder } from './draw.ts';
import type { RuntimeQuestion } from './runtime.ts';

export type Verdict = 'correct' | 'partial' | 'incorrect';

/** The right response in the same form as the learner's. */
export function correctResponse(question: RuntimeQuestion): string[] {
  switch (question.type) {
    case 'single-choice':
    case 'multiple-response':
      return question.options.filter((o) => o.correct).map((o) => o.id);
    case 'best-reply':
      return question.options.filter((o) => o.credit === 1).map((o) => o.id);
    case 'true-false':
      return [String(question.answer)];
    case 'ordering':
      return question.items.map((i) => i.id);
    case 'matching':
      return question.left.map((l) => `${l.id}:${l.match}`);
  }
}

/** Parses matching pairs into left id → right id (the last pair for a left item wins). */
export function pairsOf(response: QuestionResponse): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of response) {
    const at = pair.indexOf(':');
    if (at > 0) map.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return map;
}

/** Credit 0–1 for a response. Malformed responses (unknown ids, duplicates) earn what they can, never more. */
export function scoreQuestion(question: RuntimeQuestion, response: QuestionResponse): number {
  switch (question.type) {
    case 'single-choice': {
      const right = question.options.find((o) => o.correct)?.id;
      return response.length === 1 && response[0] === right ? 1 : 0;
    }
    case 'best-reply': {
      if (response.length !== 1) return 0;
      const credit = question.options.find((o) => o.id === response[0])?.credit ?? 0;
      return Math.min(1, Math.max(0, credit));
    }
    case 'true-false':
      return response.length === 1 && response[0] === String(question.answer) ? 1 : 0;
    case 'multiple-response': {
      const right = new Set(question.options.filter((o) => o.correct).map((o) => o.id));
      const known = new Set(question.options.map((o) => o.id));
      const chosen = new Set(response.filter((id) => known.has(id)));
      let hits = 0;
      for (const id of chosen) if (right.has(id)) hits++;
      const misses = chosen.size - hits;
      if (hits === right.size && misses === 0) return 1;
      return question.partial ? Math.max(0, (hits - misses) / right.size) : 0;
    }
    case 'ordering': {
      const ids = question.items.map((i) => i.id);
      const isPermutation = response.length === ids.length && ids.every((id) => response.includes(id));
      if (!isPermutation) return 0;
      const inPlace = ids.filter((id, i) => response[i] === id).length;
      if (inPlace === ids.length) return 1;
      return question.partial ? inPlace / ids.length : 0;
    }
    case 'matching': {
      const pairs = pairsOf(response);
      const right = question.left.filter((l) => pairs.get(l.id) === l.match).length;
      if (right === question.left.length) return 1;
      return question.partial ? right / question.left.length : 0;
    }
  }
}

export function verdictOf(credit: number): Verdict {
  return credit >= 1 ? 'correct' : credit > 0 ? 'partial' : 'incorrect';
}

/**
 * What to show as the learner's current response: the stored one, or for an ordering question
 * not touched yet, its shuffled start order. (Only stored responses count as answers.)
 */
export function effectiveResponse(question: RuntimeQuestion, responses: Record<string, QuestionResponse>, seed: number): QuestionResponse {
  const stored = responses[question.key];
  if (stored) return stored;
  return question.type === 'ordering' ? initialOrder(question, seed) : [];
}

/**
 * Whether a stored response is complete enough to check or submit. An ordering question counts
 * once the learner has moved something (its start order is never the answer).
 */
export function isAnswered(question: RuntimeQuestion, response: QuestionResponse | undefined): boolean {
  if (!response) return false;
  if (question.type === 'ordering') return response.length === question.items.length;
  if (question.type === 'matching') {
    const pairs = pairsOf(response);
    return question.left.every((l) => pairs.has(l.id));
  }
  return response.length > 0;
}

/** Score 0–100 of an attempt: mean credit over the drawn questions, unanswered ones counting 0. */
export function scoreAttempt(questions: readonly RuntimeQuestion[], responses: Record<string, QuestionResponse>): number {
  if (questions.length === 0) return 0;
  const total = questions.reduce((sum, q) => sum + scoreQuestion(q, responses[q.key] ?? []), 0);
  return Math.round((total / questions.length) * 100);
}
