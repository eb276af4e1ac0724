/**
 * Which questions an attempt shows, in which order, and in which order their options appear.
 * Everything is a pure function of the attempt seed and the quiz data.
 */
import { derivedRandom, mulberry32, shuffle } from './random.ts';
import type { QuizRuntime, RuntimeQuestion } from './runtime.ts';

/** What a draw needs to know about a quiz. */
export type DrawPlan = Pick<QuizRuntime, 'pools' | 'limit'>;

/**
 * The question keys of an attempt, in display order: `count` from each pool, shuffled
 * together, then cut to `limit`.
 */
export function drawKeys(plan: DrawPlan, seed: number): string[] {
  const random = mulberry32(seed);
  const picked: string[] = [];
  for (const pool of plan.pools) picked.push(...shuffle(pool.keys, random).slice(0, pool.count));
  const order = shuffle(picked, random);
  return plan.limit === null ? order : order.slice(0, plan.limit);
}

/** The drawn questions themselves; keys missing from `questions` (content removed since) are skipped. */
export function drawQuestions(plan: DrawPlan, questions: readonly RuntimeQuestion[], seed: number): RuntimeQuestion[] {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  return drawKeys(plan, seed).flatMap((key) => byKey.get(key) ?? []);
}

/** Option ids of a choice, multiple-response or best-reply question in display order. */
export function optionOrder(question: RuntimeQuestion, seed: number): string[] {
  if (question.type === 'true-false') return ['true', 'false'];
  if (question.type === 'ordering') return question.items.map((i) => i.id);
  if (question.type === 'matching') return question.right.map((r) => r.id);
  const ids = question.options.map((o) => o.id);
  return question.shuffle ? shuffle(ids, derivedRandom(seed, `options:${question.key}`)) : ids;
}

/** The order an ordering question starts in: shuffled, and never already correct. */
export function initialOrder(question: Extract<RuntimeQuestion, { type: 'ordering' }>, seed: number): string[] {
  const correct = question.items.map((i) => i.id);
  const order = shuffle(correct, derivedRandom(seed, `order:${question.key}`));
  // A shuffle that happens to be the answer would give the point away: rotate it by one.
  return order.every((id, i) => id === correct[i]) ? [...order.slice(1), ...order.slice(0, 1)] : order;
}

/** Display order of a matching question's left items and right options. */
export function matchingLayout(question: Extract<RuntimeQuestion, { type: 'matching' }>, seed: number): { left: string[]; right: string[] } {
  const random = derivedRandom(seed, `match:${question.key}`);
  return { left: shuffle(question.left.map((l) => l.id), random), right: shuffle(question.right.map((r) => r.id), random) };
}
