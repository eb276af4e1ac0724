import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAndCheckContent } from '../../scripts/lib/content-check.ts';
import { ID_TABLES } from '../../src/engine/codec-ids.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { content } = loadAndCheckContent(root);

/** Ids missing from a table, as the lines an author should append to src/engine/codec-ids.ts. */
function missing(table: readonly string[], ids: string[]): string[] {
  return ids.filter((id) => !table.includes(id)).map((id) => `  '${id}',`);
}

describe('codec id tables (src/engine/codec-ids.ts)', () => {
  it('have no duplicates', () => {
    for (const [name, table] of Object.entries(ID_TABLES)) expect(new Set(table).size, name).toBe(table.length);
  });

  it('list every lesson, quiz and scenario id of the content (append missing ones at the end)', () => {
    const report = {
      LESSON_IDS: missing(ID_TABLES.lessons, content.lessons.map((l) => l.data.id)),
      QUIZ_IDS: missing(ID_TABLES.quizzes, content.quizzes.map((q) => q.data.id)),
      SCENARIO_IDS: missing(ID_TABLES.scenarios, content.scenarios.map((s) => s.data.id)),
    };
    expect(report, 'append these lines to the tables in src/engine/codec-ids.ts (never reorder)').toEqual({
      LESSON_IDS: [],
      QUIZ_IDS: [],
      SCENARIO_IDS: [],
    });
  });
});
