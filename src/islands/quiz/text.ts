/** How answers read on screen: option labels, a response as a line, verdict icons. */
import type { QuestionResponse } from '../../engine/learner-state.ts';
import type { RuntimeQuestion } from '../../engine/quiz/runtime.ts';
import { tq } from '../../i18n/zh-CN.quiz.ts';
import { matchingPairs } from '../../state/quiz-view.ts';

export type Q = RuntimeQuestion;
export const ICON = { correct: '✓', partial: '◐', incorrect: '✗' } as const;

/** Text of one option/item id of a question, for review lines. */
export function labelOf(q: Q, id: string): string {
  if (q.type === 'true-false') return tq(id === 'true' ? 'quiz.true' : 'quiz.false');
  if (q.type === 'ordering') return q.items.find((i) => i.id === id)?.text ?? id;
  if (q.type === 'matching') return q.right.find((r) => r.id === id)?.text ?? id;
  return q.options.find((o) => o.id === id)?.text ?? id;
}

/** A response as a readable line: choices joined, an order with arrows, pairs with arrows. */
export function describe(q: Q, response: QuestionResponse): string {
  if (response.length === 0) return tq('quiz.noAnswer');
  if (q.type === 'ordering') return response.map((id, i) => `${i + 1}. ${labelOf(q, id)}`).join(' → ');
  if (q.type === 'matching') {
    const pairs = matchingPairs(response);
    return q.left.map((l) => `${l.text} → ${pairs.has(l.id) ? labelOf(q, pairs.get(l.id) as string) : tq('quiz.noAnswer')}`).join('；');
  }
  return response.map((id) => labelOf(q, id)).join('；');
}
