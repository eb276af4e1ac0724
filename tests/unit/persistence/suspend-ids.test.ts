import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAndCheckContent } from '../../../scripts/lib/content-check.ts';
import { MODEL } from '../../../src/persistence/suspend/bench.ts';
import { ID_TABLES, itemSetLine, type ItemSet } from '../../../src/persistence/suspend/ids.ts';
import { deriveScoring } from '../../../src/engine/scenario/graph.ts';
import { bankSchema, type QuestionFile, type QuizBank } from '../../../src/schemas/quiz.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const { content } = loadAndCheckContent(root);
const banks = content.quizzes.map((q) => q.data).filter((q): q is QuizBank => q.kind === 'bank');
/** Banks and assessment pools: every file whose answers learners give. */
const questionFiles = content.quizzes.map((q) => q.data).filter((q): q is QuestionFile => q.kind !== 'assessment');

/** Ids missing from a table, as the lines an author should append to src/persistence/suspend/ids.ts. */
function missing(table: readonly string[], ids: string[]): string[] {
  return [...new Set(ids.filter((id) => !table.includes(id)))].map((id) => `  '${id}',`);
}

/** The item set of every ordering and matching question, with where it comes from. */
function itemSets(): { line: string; where: string }[] {
  return questionFiles.flatMap((bank) =>
    bank.questions.flatMap((q) => {
      const set: ItemSet | null =
        q.type === 'ordering'
          ? { kind: 'ordering', items: q.items.map((i) => i.id) }
          : q.type === 'matching'
            ? { kind: 'matching', left: q.left.map((l) => l.id), right: q.right.map((r) => r.id) }
            : null;
      return set ? [{ line: itemSetLine(set), where: `${bank.id}.${q.id}` }] : [];
    }),
  );
}

describe('codec id tables (src/persistence/suspend/ids.ts)', () => {
  it('have no duplicates', () => {
    for (const [name, table] of Object.entries(ID_TABLES)) expect(new Set(table).size, name).toBe(table.length);
  });

  it('list every lesson, quiz, scenario and ending id and every item set of the content (append missing ones at the end)', () => {
    const report = {
      LESSON_IDS: missing(ID_TABLES.lessons, content.lessons.map((l) => l.data.id)),
      QUIZ_IDS: missing(ID_TABLES.quizzes, content.quizzes.map((q) => q.data.id)),
      SCENARIO_IDS: missing(ID_TABLES.scenarios, content.scenarios.map((s) => s.data.id)),
      ENDING_IDS: missing(ID_TABLES.endings ?? [], content.scenarios.flatMap((s) => s.data.endings.map((e) => e.id))),
      ITEM_SETS: itemSets()
        .filter(({ line }) => !(ID_TABLES.items ?? []).includes(line))
        .map(({ line, where }) => `  '${line}', // ${where}`),
    };
    expect(report, 'append these lines to the tables in src/persistence/suspend/ids.ts (never reorder)').toEqual({
      LESSON_IDS: [],
      QUIZ_IDS: [],
      SCENARIO_IDS: [],
      ENDING_IDS: [],
      ITEM_SETS: [],
    });
  });
});

describe('the budget model (src/persistence/suspend/bench.ts) matches the real course', () => {
  it('knowledge checks: draw, bank size and attempts', () => {
    for (const bank of banks) {
      expect(bank.draw ?? bank.questions.length, `${bank.id}: questions per attempt`).toBeLessThanOrEqual(MODEL.draw);
      expect(bank.questions.length, `${bank.id}: bank size`).toBeLessThanOrEqual(MODEL.bankSize);
      expect(bank.attempts ?? MODEL.attempts, `${bank.id}: attempts`).toBeLessThanOrEqual(MODEL.attempts);
    }
    // Banks omit `attempts` (unlimited); the model takes the schema's maximum.
    const attempts = bankSchema.shape.attempts.unwrap();
    expect(attempts.maxValue).toBe(MODEL.attempts);
  });

  it('assessments: attempts and questions per attempt', () => {
    for (const quiz of content.quizzes.map((q) => q.data)) {
      if (quiz.kind !== 'assessment') continue;
      expect(quiz.attempts ?? Infinity, `${quiz.id}: attempts`).toBeLessThanOrEqual(MODEL.assessment.attempts);
      const cap = quiz.id === 'course-assessment' ? MODEL.assessment.course : MODEL.assessment.part;
      expect(quiz.limit ?? Infinity, `${quiz.id}: limit`).toBeLessThanOrEqual(cap);
    }
  });

  // One test per role-play: each explores its whole graph, so each gets its own timeout as the course grows.
  it.each(content.scenarios.map((s) => [s.data.id, s.data] as const))('role-play %s: no real path is longer than the model path', (_id, scenario) => {
    expect(deriveScoring(scenario).longest).toBeLessThanOrEqual(MODEL.pathLength);
  });

  it('question types: the model has at least the content’s share of the costly types', () => {
    const costly = ['multiple-response', 'ordering', 'matching'];
    const questions = banks.flatMap((b) => b.questions);
    const contentShare = questions.filter((q) => costly.includes(q.type)).length / questions.length;
    const weights = Object.entries(MODEL.types);
    const modelShare = weights.filter(([t]) => costly.includes(t)).reduce((a, [, w]) => a + w, 0) / weights.reduce((a, [, w]) => a + w, 0);
    expect(modelShare).toBeGreaterThanOrEqual(contentShare - 0.05);
  });
});
