import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAndCheckContent } from '../../scripts/lib/content-check.ts';
import { checkQuiz, quizSchema, type Quiz } from '../../src/schemas/quiz.ts';

const brokenRoot = fileURLToPath(new URL('../fixtures/quiz/broken/', import.meta.url));
const loaded = loadAndCheckContent(brokenRoot);
const { content } = loaded;
// The item and lesson lints (tagged "→ [rule]") have their own fixtures in quiz-lints.test.ts and
// lesson-shape.test.ts; here only the structural checks count.
const problems = loaded.problems.filter((p) => !/ → \[[a-z-]+\] /.test(p));
const problemsOf = (file: string) => problems.filter((p) => p.startsWith(`quizzes/${file}.yaml: `));

describe('quiz schema: broken fixtures give author-readable messages', () => {
  it('accepts a valid bank with one question of each type, and a valid pool', () => {
    expect(problemsOf('good')).toEqual([]);
    expect(problemsOf('good-pool')).toEqual([]);
    expect(content.quizzes.find((q) => q.data.id === 'good')).toBeDefined();
    expect(content.quizzes.find((q) => q.data.id === 'good-pool')?.data).toMatchObject({ kind: 'pool', questions: [{ transfer: true }] });
  });

  it('names file, question and reason when no answer is correct', () => {
    expect(problemsOf('no-correct')).toEqual([
      'quizzes/no-correct.yaml: question q2 → no option is marked correct',
      'quizzes/no-correct.yaml: question q3 → every option is marked correct; add at least one wrong option',
      'quizzes/no-correct.yaml: question q4 → 2 options are marked correct; a single-choice question has exactly one (use multiple-response)',
    ]);
  });

  it('reports duplicate question and option ids', () => {
    expect(problemsOf('duplicate-ids')).toEqual([
      'quizzes/duplicate-ids.yaml: question q1 → question id "q1" is used twice',
      'quizzes/duplicate-ids.yaml: question q1 → option id "a" is used twice',
    ]);
  });

  it('keeps best-reply credit within 0–1 and requires a full-credit reply', () => {
    expect(problemsOf('bad-credit')).toEqual([
      'quizzes/bad-credit.yaml: question q1 → reply a has credit 1.5; credit must be between 0 and 1 (1 full, 0.5 half, 0 none)',
      'quizzes/bad-credit.yaml: question q1 → reply b has credit -0.5; credit must be between 0 and 1 (1 full, 0.5 half, 0 none)',
      'quizzes/bad-credit.yaml: question q1 → no reply has credit 1; mark the best reply with credit: 1',
    ]);
  });

  it('checks that ordering and matching questions are well formed', () => {
    expect(problemsOf('bad-structure')).toEqual([
      'quizzes/bad-structure.yaml: question q1 → item id "one" is used twice',
      'quizzes/bad-structure.yaml: question q2 → left item l2 matches unknown right item "r9"',
      'quizzes/bad-structure.yaml: question q2 → right item "r1" is the match of more than one left item; each pair must be unique',
      'quizzes/bad-structure.yaml: draw → 5 questions per attempt, but the bank has only 2',
    ]);
  });

  it('reports shape errors with the field path', () => {
    expect(problemsOf('bad-shape')).toEqual([
      "quizzes/bad-shape.yaml: questions.0.type → Invalid discriminator value. Expected 'single-choice' | 'multiple-response' | 'true-false' | 'ordering' | 'matching' | 'best-reply'",
      'quizzes/bad-shape.yaml: questions.1.explanation → is required',
      'quizzes/bad-shape.yaml: questions.1.items → needs at least 3 items',
    ]);
  });

  it('reports dangling lesson and pool references, and an assessment drawing from a practice bank', () => {
    expect(problemsOf('unknown-lesson')).toEqual(['quizzes/unknown-lesson.yaml: lesson → unknown lesson "P09" (no content/lessons/P09.mdx)']);
    expect(problemsOf('bad-assessment')).toEqual([
      'quizzes/bad-assessment.yaml: draw.0.pool → unknown pool "nope" (no quizzes/nope.yaml with kind: pool)',
      'quizzes/bad-assessment.yaml: draw.1.pool → "good" is a practice bank; assessments draw only from assessment pools (kind: pool)',
      'quizzes/bad-assessment.yaml: draw.3.pool → pool "good-pool" is already drawn from by an earlier rule',
    ]);
    expect(problemsOf('misnamed')).toEqual([
      'quizzes/misnamed.yaml: id → is "other-name" but the file is named "misnamed"; name the file after its id',
    ]);
  });

  it('fails on nothing it was not asked to (every problem belongs to a broken fixture)', () => {
    for (const p of problems) expect(p).toMatch(/^quizzes\/(no-correct|duplicate-ids|bad-credit|bad-structure|bad-shape|unknown-lesson|bad-assessment|misnamed)\.yaml: /);
    expect(problems).toHaveLength(20);
  });
});

describe('checkQuiz directly', () => {
  const assessment = quizSchema.parse({ id: 'a', kind: 'assessment', title: '测评', draw: [{ part: 'part9', perPool: 1 }] }) as Quiz;

  it('checks part ids when the caller knows them', () => {
    expect(checkQuiz(assessment, { quizzes: [], lessonIds: new Set() })).toEqual([]);
    expect(checkQuiz(assessment, { quizzes: [], lessonIds: new Set(), partIds: new Set(['part1']) })).toEqual([
      'draw.0.part → unknown part "part9" (not in content/parts.yaml; use a part id or all)',
    ]);
  });

  it('requires exactly one of part and pool in a draw rule', () => {
    const both = quizSchema.safeParse({ id: 'a', kind: 'assessment', title: '测评', draw: [{ part: 'all', pool: 'p01-pool', perPool: 1 }] });
    const neither = quizSchema.safeParse({ id: 'a', kind: 'assessment', title: '测评', draw: [{ perPool: 1 }] });
    for (const r of [both, neither]) {
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]).toMatchObject({ path: ['draw', 0], message: 'give exactly one of part (a part id, or all) and pool' });
    }
  });

  it('applies the documented defaults', () => {
    const bank = quizSchema.parse({
      id: 'b',
      kind: 'bank',
      lesson: 'P01',
      title: '题库',
      questions: [{ id: 'q1', type: 'multiple-response', prompt: '题', explanation: '解析', options: [{ id: 'a', text: '一', correct: true }, { id: 'b', text: '二' }, { id: 'c', text: '三' }] }],
    });
    expect(bank).toMatchObject({ passMark: 80, display: 'one', feedback: 'immediate', questions: [{ partial: true, shuffle: true, options: [{ correct: true }, { correct: false }, { correct: false }] }] });
    expect(assessment).toMatchObject({ passMark: 80, display: 'one', feedback: 'after-submit' });
  });
});
