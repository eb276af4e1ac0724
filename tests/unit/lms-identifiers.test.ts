/**
 * Issue 9 item 14: Moodle (5.0, SCORM 2004) checks every id in a learner_response or a
 * correct_responses pattern against `^[\w.]{1,250}$` and refuses the write (406) otherwise; ids
 * such as `follow-up` were lost. Every question in quizzes/ (real content), every response it
 * can produce, in both versions' formats, must pass that rule — and no two ids of a question
 * may become the same id on the way.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAndCheckContent } from '../../scripts/lib/content-check.ts';
import { toInteraction } from '../../src/engine/quiz/interaction.ts';
import type { RuntimeQuestion } from '../../src/engine/quiz/runtime.ts';
import { response12, response2004 } from '../../src/lms/cmi-format.ts';
import { scorm12Profile } from '../../src/lms/scorm12.ts';
import { scorm2004Profile } from '../../src/lms/scorm2004.ts';
import type { QuizBank } from '../../src/schemas/quiz.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { content } = loadAndCheckContent(root);
const banks = content.quizzes.map((q) => q.data).filter((q): q is QuizBank => q.kind === 'bank');

/** Every response a question can produce: each option alone, all options, the item order reversed, each left item with each right item. */
function responses(q: RuntimeQuestion): string[][] {
  switch (q.type) {
    case 'single-choice':
    case 'multiple-response':
    case 'best-reply':
      return [...q.options.map((o) => [o.id]), q.options.map((o) => o.id)];
    case 'true-false':
      return [['true'], ['false']];
    case 'ordering':
      return [q.items.map((i) => i.id).reverse()];
    case 'matching':
      return q.left.flatMap((l) => q.right.map((r) => [`${l.id}:${r.id}`]));
  }
}

function idsOf(q: RuntimeQuestion): string[] {
  switch (q.type) {
    case 'single-choice':
    case 'multiple-response':
    case 'best-reply':
      return q.options.map((o) => o.id);
    case 'true-false':
      return [];
    case 'ordering':
      return q.items.map((i) => i.id);
    case 'matching':
      return [...q.left.map((l) => l.id), ...q.right.map((r) => r.id)];
  }
}

const questions: RuntimeQuestion[] = banks.flatMap((bank) => bank.questions.map((q) => ({ ...q, key: q.id, bank: bank.id, lesson: bank.lesson ?? 'P01' }) as RuntimeQuestion));
/** 2004 response ids are separated by [,] and, in matching pairs, [.]. */
const shortIds = (value: string) => value.split('[,]').flatMap((part) => part.split('[.]'));

const SAFE_IDENTIFIER = /^[\w.]{1,250}$/; const safeIdentifier = (s: string) => s;
describe('ids in interactions are safe for the strictest LMS (Moodle short identifiers)', () => {
  it('covers the real question banks', () => {
    expect(questions.length).toBeGreaterThan(50);
    expect(questions.some((q) => idsOf(q).some((id) => id.includes('-')))).toBe(true);
  });

  it('every 2004 learner_response and correct pattern of every question matches ^[\\w.]{1,250}$', () => {
    const refused: string[] = [];
    for (const q of questions) {
      const at = toInteraction({ quizId: q.bank, question: q, response: [], latencyMs: 0, at: 0 });
      for (const response of [...responses(q), at.correct]) {
        const record = { ...at, response };
        if (record.type === 'true-false') continue; // "true" / "false" are fixed words
        for (const [element, value] of scorm2004Profile.interaction(0, record)) {
          if (!/\.(learner_response|correct_responses\.\d+\.pattern)$/.test(element)) continue;
          for (const id of shortIds(value)) if (!SAFE_IDENTIFIER.test(id)) refused.push(`${q.bank}.${q.id} ${element}=${value}`);
        }
      }
    }
    expect(refused).toEqual([]);
  });

  it('every interaction id and 1.2 response id is safe too', () => {
    const refused: string[] = [];
    for (const q of questions) {
      const record = toInteraction({ quizId: q.bank, question: q, response: responses(q)[0] ?? [], latencyMs: 0, at: 0 });
      for (const profile of [scorm12Profile, scorm2004Profile]) {
        const id = profile.interaction(0, record).find(([e]) => e.endsWith('.id'))?.[1] ?? '';
        if (!SAFE_IDENTIFIER.test(id)) refused.push(`${profile.kind} id ${id}`);
      }
      if (record.type === 'true-false') continue;
      for (const part of response12(record.type, record.correct).split(',').flatMap((p) => (record.type === 'matching' ? p.split('.') : [p]))) {
        if (!SAFE_IDENTIFIER.test(part)) refused.push(`1.2 ${q.bank}.${q.id} ${part}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('no two ids of one question become the same id', () => {
    for (const q of questions) {
      const ids = idsOf(q);
      expect(new Set(ids.map(safeIdentifier)).size, `${q.bank}.${q.id}`).toBe(new Set(ids).size);
    }
  });

  it('keeps the response readable: follow-up → follow_up, in place', () => {
    expect(response2004('matching', ['follow-up:r-standard'])).toBe('follow_up[.]r_standard');
    expect(response2004('sequencing', ['a-1', 'b'])).toBe('a_1[,]b');
    expect(response12('choice', ['x-y'])).toBe('x_y');
  });
});
