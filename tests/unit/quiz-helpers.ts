// Shared builders for the quiz unit tests (not a test file itself: vitest only runs *.test.ts).
import type { RuntimeQuestion, QuizRuntime } from '../../src/engine/quiz/runtime.ts';
import { questionSchema, type Question } from '../../src/schemas/quiz.ts';

/** Parses a question through the real schema (so defaults apply) and adds runtime fields. */
export function rq(raw: Record<string, unknown>, bank = 'bank', lesson = 'P01'): RuntimeQuestion {
  const q: Question = questionSchema.parse({ prompt: '题目', explanation: '解析', ...raw });
  return { ...q, key: q.id, bank, lesson };
}

export const single = rq({
  id: 'q1',
  type: 'single-choice',
  options: [
    { id: 'a', text: '甲', correct: true },
    { id: 'b', text: '乙' },
    { id: 'c', text: '丙' },
  ],
});

export const multiple = rq({
  id: 'q2',
  type: 'multiple-response',
  options: [
    { id: 'a', text: '甲', correct: true },
    { id: 'b', text: '乙', correct: true },
    { id: 'c', text: '丙', correct: true },
    { id: 'd', text: '丁' },
    { id: 'e', text: '戊' },
  ],
});

export const trueFalse = rq({ id: 'q3', type: 'true-false', answer: false });

export const ordering = rq({
  id: 'q4',
  type: 'ordering',
  items: [
    { id: 'listen', text: '倾听' },
    { id: 'empathise', text: '理解' },
    { id: 'solve', text: '解决' },
    { id: 'follow-up', text: '跟进' },
  ],
});

export const matching = rq({
  id: 'q5',
  type: 'matching',
  left: [
    { id: 'l1', text: '左一', match: 'r1' },
    { id: 'l2', text: '左二', match: 'r2' },
    { id: 'l3', text: '左三', match: 'r3' },
    { id: 'l4', text: '左四', match: 'r4' },
  ],
  right: [
    { id: 'r1', text: '右一' },
    { id: 'r2', text: '右二' },
    { id: 'r3', text: '右三' },
    { id: 'r4', text: '右四' },
    { id: 'r5', text: '干扰' },
  ],
});

export const bestReply = rq({
  id: 'q6',
  type: 'best-reply',
  customer: '你们怎么又搞错了？',
  options: [
    { id: 'a', text: '最好', credit: 1 },
    { id: 'b', text: '一般', credit: 0.5 },
    { id: 'c', text: '欠妥', credit: 0 },
  ],
});

export const allTypes = [single, multiple, trueFalse, ordering, matching, bestReply];

/** A bank-like pool of n true/false questions (keys t1…tn). */
export function pool(n: number, prefix = 't'): RuntimeQuestion[] {
  return Array.from({ length: n }, (_, i) => rq({ id: `${prefix}${i + 1}`, type: 'true-false', answer: i % 2 === 0 }));
}

export function runtime(questions: RuntimeQuestion[], over: Partial<QuizRuntime> = {}): QuizRuntime {
  return {
    id: 'demo',
    kind: 'bank',
    title: '演示',
    passMark: 80,
    maxAttempts: null,
    display: 'one',
    feedback: 'immediate',
    pools: [{ bank: 'bank', count: questions.length, keys: questions.map((q) => q.key) }],
    limit: null,
    ...over,
  };
}
