import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAndCheckContent } from '../../scripts/lib/content-check.ts';
import { drawKeys } from '../../src/engine/quiz/draw.ts';
import { assessmentHref, quizIslandProps } from '../../src/engine/quiz/props.ts';
import { attemptLength } from '../../src/engine/quiz/runtime.ts';
import { QUESTION_TYPES, type QuizBank, type QuizPool } from '../../src/schemas/quiz.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { content, problems } = loadAndCheckContent(root);
const quizzes = content.quizzes.map((q) => q.data);
const banks = quizzes.filter((q): q is QuizBank => q.kind === 'bank');
const lessons = content.lessons.map((l) => l.data);

describe('the course quizzes', () => {
  it('pass the content check', () => {
    expect(problems.filter((p) => p.startsWith('quizzes/'))).toEqual([]);
  });

  it('have a bank of ≥ 6 questions and ≥ 3 types for P01–P03, using all six types between them', () => {
    const used = new Set<string>();
    for (const id of ['p01', 'p02', 'p03']) {
      const bank = banks.find((b) => b.id === id);
      expect(bank, `quizzes/${id}.yaml`).toBeDefined();
      if (!bank) continue;
      expect(bank.lesson).toBe(id.toUpperCase());
      expect(bank.questions.length).toBeGreaterThanOrEqual(6);
      const types = new Set(bank.questions.map((q) => q.type));
      expect(types.size).toBeGreaterThanOrEqual(3);
      for (const t of types) used.add(t);
      // The knowledge check draws a subset, so attempts differ.
      expect(bank.draw ?? bank.questions.length).toBeLessThan(bank.questions.length);
    }
    expect([...used].sort()).toEqual([...QUESTION_TYPES].sort());
  });

  it('explain every question and give feedback on every best reply', () => {
    for (const bank of banks)
      for (const q of bank.questions) {
        expect(q.explanation.length, `${bank.id} ${q.id}`).toBeGreaterThan(15);
        if (q.type === 'best-reply') for (const o of q.options) expect(o.feedback, `${bank.id} ${q.id} ${o.id}`).toBeDefined();
      }
  });

  it('build island props for every bank and assessment (pools are only drawn from)', () => {
    for (const quiz of quizzes.filter((q) => q.kind !== 'pool')) {
      const props = quizIslandProps(quiz.id, content.quizzes, lessons);
      expect(props.quiz.id).toBe(quiz.id);
      expect(props.questions.length).toBeGreaterThan(0);
      expect(drawKeys(props.quiz, 1)).toHaveLength(attemptLength(props.quiz));
      // Props cross into the browser as JSON.
      expect(JSON.parse(JSON.stringify(props))).toEqual(props);
    }
  });

  it('lets the knowledge check know its lesson and keys questions by their ids', () => {
    const props = quizIslandProps('p01', content.quizzes);
    expect(props.lessonId).toBe('P01');
    expect(props.quiz).toMatchObject({ kind: 'bank', feedback: 'immediate', limit: null, pools: [{ bank: 'p01', count: 5 }] });
    expect(props.questions.map((q) => q.key)).toEqual(props.questions.map((q) => q.id));
  });

  it('draws the course assessment from every lesson pool, and the part assessment from its part: never from a practice bank', () => {
    const pools = quizzes.filter((q): q is QuizPool => q.kind === 'pool');
    // Every lesson with a practice bank has an assessment pool (issue 12).
    expect(pools.map((p) => p.lesson).sort()).toEqual(banks.map((b) => b.lesson).sort());
    const course = quizIslandProps('course-assessment', content.quizzes, lessons);
    expect(course.quiz.pools.map((p) => p.bank).sort()).toEqual(pools.map((p) => p.id).sort());
    expect(new Set(course.questions.map((q) => q.key)).size).toBe(course.questions.length);
    for (const q of course.questions) expect(q.key).toBe(`${q.bank}.${q.id}`);
    const part1 = quizIslandProps('part1-assessment', content.quizzes, lessons);
    const part1Pools = pools.filter((p) => lessons.find((l) => l.id === p.lesson)?.part === 'part1').map((p) => p.id);
    expect(part1.quiz.pools.map((p) => p.bank).sort()).toEqual(part1Pools.sort());
    expect(assessmentHref('course-assessment')).toBe('assessment-course.html');
  });

  it('picks up a pool added later without editing the assessments, and ignores practice banks', () => {
    const extra: QuizPool = { id: 'p04-pool', kind: 'pool', lesson: 'P04', title: '测评题库', questions: (banks[0] as QuizBank).questions };
    const withExtra = [...quizzes.filter((q) => q.kind !== 'pool'), extra];
    const more = [...lessons, { id: 'P04', part: 'part1' }];
    expect(quizIslandProps('course-assessment', withExtra, more).quiz.pools.map((p) => p.bank)).toEqual(['p04-pool']);
    expect(quizIslandProps('part1-assessment', withExtra, more).quiz.pools.map((p) => p.bank)).toEqual(['p04-pool']);
    expect(() => quizIslandProps('part1-assessment', quizzes.filter((q) => q.kind !== 'pool'), lessons)).toThrow(
      'quizzes/part1-assessment.yaml: draw → no assessment pool (kind: pool) matches these rules yet, so the assessment has no questions',
    );
    expect(() => quizIslandProps('p04-pool', withExtra, more)).toThrow('an assessment pool is never shown as a quiz');
  });

  it('fails the build with the file name when a quiz is broken or missing', () => {
    expect(() => quizIslandProps('nope', content.quizzes)).toThrow('quiz "nope" not found (no quizzes/nope.yaml)');
    const bad: QuizBank = { ...(banks[0] as QuizBank), questions: [{ ...(banks[0] as QuizBank).questions.find((q) => q.type === 'single-choice')!, options: [] } as never] };
    expect(() => quizIslandProps(bad.id, [bad])).toThrow(/^quizzes\/[a-z]\d+\.yaml: question q\d+ → no option is marked correct/);
    expect(() => quizIslandProps('course-assessment', content.quizzes)).toThrow('drawing by part needs the lesson list');
  });
});
