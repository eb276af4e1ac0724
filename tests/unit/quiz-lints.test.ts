import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  absoluteStem,
  keyIsLongest,
  passesWithOneMiss,
  quizFigures,
  statisticAnswer,
  tfBalanced,
} from '../../scripts/content/quiz-lints.ts';
import { loadAndCheckContent } from '../../scripts/lib/content-check.ts';
import { questionSchema, type QuizBank } from '../../src/schemas/quiz.ts';

// One failing bank or pool per lint in tests/fixtures/quiz-lints/quizzes, plus clean.yaml, which
// passes them all.
const root = fileURLToPath(new URL('../fixtures/quiz-lints/', import.meta.url));
const { problems, content } = loadAndCheckContent(root);
const problemsOf = (file: string) => problems.filter((p) => p.startsWith(`quizzes/${file}.yaml: `));

describe('item lints on the fixtures: each failure names file, item and rule', () => {
  it('flag nothing in a sound bank, nor in the lesson that uses it', () => {
    expect(problemsOf('clean')).toEqual([]);
    expect(problems.filter((p) => p.startsWith('content/'))).toEqual([]);
  });

  it('key-longest: the keyed option is the longest (ties count) in more than 40 % of single-choice/best-reply items', () => {
    expect(problemsOf('key-longest')).toEqual([
      'quizzes/key-longest.yaml: questions q1, q2 → [key-longest] the keyed option is the longest (or tied) in 2 of 4 single-choice/best-reply items (50 %); ' +
        'at most 40 % (1) may be: shorten the key or give a distractor the same detail in 1 of them',
    ]);
  });

  it('tf-balance: true/false keys outside 40–60 % true', () => {
    expect(problemsOf('tf-balance')).toEqual([
      'quizzes/tf-balance.yaml: questions q1, q2, q3, q4 → [tf-balance] 0 of 4 true/false keys are true (0 %); with 4 or fewer, true and false may differ by at most one',
    ]);
  });

  it('tf-absolute: 只要…就, 一定, 从不, 越…越 in a true/false statement', () => {
    expect(problemsOf('tf-absolute')).toEqual(
      ['只要…就', '一定', '从不', '越…越'].map(
        (stem, i) =>
          `quizzes/tf-absolute.yaml: question q${i + 1} → [tf-absolute] the statement uses the absolute stem ${stem}, which gives the answer away; state the condition instead`,
      ),
    );
  });

  it('statistic: items whose answer is a figure or what a figure means, not items whose case mentions one', () => {
    const tail = '; ask what the learner would do, not what a number says';
    expect(problemsOf('statistic')).toEqual([
      `quizzes/statistic.yaml: question q1 → [statistic] the prompt asks what a figure means or which figure applies${tail}`,
      `quizzes/statistic.yaml: question q2 → [statistic] the keyed option a is a figure${tail}`,
      `quizzes/statistic.yaml: question q3 → [statistic] the statement quotes a researched figure, so marking it tests recall of the number${tail}`,
      `quizzes/statistic.yaml: question q4 → [statistic] the prompt quotes a researched figure and asks what it means${tail}`,
    ]);
  });

  it('pass-with-one-miss: a check of 5 or more must pass with one miss', () => {
    expect(problemsOf('pass-mark')).toEqual([
      'quizzes/pass-mark.yaml: draw → [pass-with-one-miss] 5 questions with passMark 90: one miss scores 80 % and fails; lower passMark to 80 or less',
    ]);
  });

  it('check-size: a knowledge check draws 4–6 questions', () => {
    expect(problemsOf('check-size')).toEqual(['quizzes/check-size.yaml: draw → [check-size] the knowledge check draws 3 questions; a check has 4–6']);
  });

  it('voice: no 资料 and only 据行业调研 in item text', () => {
    expect(problemsOf('voice')).toEqual([
      'quizzes/voice.yaml: question q1 → [voice-source-doc] "资料没有说明这家" mentions 资料; learner text never refers to a source document (turn a gap into a 你来诊断 prompt)',
      'quizzes/voice.yaml: question q2 → [voice-attribution] "据行业研究，确认能" attributes a figure with 行业研究; unsourced figures are attributed only as 据行业调研',
    ]);
  });

  it('pool-size and pool-transfer: at least 6 items, at least 60 % of them transfer items', () => {
    expect(problemsOf('pool-size')).toEqual(['quizzes/pool-size.yaml: questions → [pool-size] the pool has 5 items; a pool needs at least 6']);
    expect(problemsOf('pool-transfer')).toEqual([
      'quizzes/pool-transfer.yaml: questions q4, q5, q6 → [pool-transfer] 3 of 6 items are transfer items (50 %); at least 60 % (4) must put the learner ' +
        "in a new situation (not the lesson's case, dialogue or role-play) and carry transfer: true",
    ]);
  });

  it('pool-overlap: a pool item may not repeat a practice prompt or option set', () => {
    expect(problemsOf('pool-overlap')).toEqual([
      'quizzes/pool-overlap.yaml: question q1 → [pool-overlap] has the same prompt as practice item clean.q2; a pool item must be new to the learner',
      'quizzes/pool-overlap.yaml: question q2 → [pool-overlap] has the same options as practice item clean.q6; a pool item must be new to the learner',
    ]);
  });

  it('no-pools: an assessment whose rules match no pool', () => {
    expect(problemsOf('no-pools')).toEqual([
      'quizzes/no-pools.yaml: draw → [no-pools] no assessment pool (quizzes/pNN-pool.yaml, kind: pool) matches these rules, so the assessment has no questions',
    ]);
  });

  it('list every problem of the fixtures, none beyond those above', () => {
    expect(problems).toHaveLength(19);
  });
});

const q = (raw: Record<string, unknown>) => questionSchema.parse({ id: 'q1', prompt: '题目', explanation: '解析', ...raw });
const choice = (key: string, ...others: string[]) =>
  q({ type: 'single-choice', options: [{ id: 'k', text: key, correct: true }, ...others.map((text, i) => ({ id: `o${i}`, text }))] });

describe('lint rules', () => {
  it('measure option length without spaces, and count a tie as longest', () => {
    expect(keyIsLongest(choice('甲乙丙', '甲乙', '甲'))).toBe(true);
    expect(keyIsLongest(choice('甲乙', '丙丁'))).toBe(true);
    expect(keyIsLongest(choice('甲 乙', '丙丁戊'))).toBe(false);
    expect(keyIsLongest(q({ type: 'true-false', answer: true }))).toBeNull();
    const reply = q({ type: 'best-reply', customer: '客户', options: [{ id: 'a', text: '短', credit: 1 }, { id: 'b', text: '长一些', credit: 0.5 }] });
    expect(keyIsLongest(reply)).toBe(false);
  });

  it('balance true/false keys: |true − false| ≤ 1 up to 4 items, 40–60 % true above', () => {
    expect([tfBalanced(0, 0), tfBalanced(1, 1), tfBalanced(0, 1), tfBalanced(1, 2), tfBalanced(2, 4)]).toEqual([true, true, true, true, true]);
    expect([tfBalanced(0, 2), tfBalanced(3, 4), tfBalanced(1, 5), tfBalanced(4, 5)]).toEqual([false, false, false, false]);
    expect([tfBalanced(2, 5), tfBalanced(3, 5), tfBalanced(4, 10), tfBalanced(6, 10)]).toEqual([true, true, true, true]);
  });

  it('let one miss pass from a draw of 5: 5 × 80 passes, 5 × 90 and 6 × 85 do not', () => {
    expect(passesWithOneMiss(4, 100)).toBe(true);
    expect(passesWithOneMiss(5, 80)).toBe(true);
    expect(passesWithOneMiss(5, 90)).toBe(false);
    expect(passesWithOneMiss(6, 83)).toBe(true);
    expect(passesWithOneMiss(6, 85)).toBe(false);
  });

  it('leave 一定程度 / 一定的 (meaning "some"), the hedge 不一定 and a single 越 alone', () => {
    expect(absoluteStem('这在一定程度上有帮助。')).toBeNull();
    expect(absoluteStem('需要一定的时间准备。')).toBeNull();
    expect(absoluteStem('客户沉默不一定代表满意。')).toBeNull();
    expect(absoluteStem('客户越过柜台递来单据。')).toBeNull();
    expect(absoluteStem('问题越来越多。')).toBe('越…越');
  });

  it('do not flag a figure that is only part of the situation', () => {
    expect(statisticAnswer(choice('查看原因', '给店员定指标'))).toBeNull();
    expect(statisticAnswer(q({ type: 'single-choice', prompt: '数据显示，授权的员工能当场解决85%的问题。以下哪项改进最合适？', options: [{ id: 'a', text: '给一线授权', correct: true }, { id: 'b', text: '层层审批' }] }))).toBeNull();
    expect(statisticAnswer(q({ type: 'true-false', prompt: '客户排队超过20分钟时，应主动说明原因。', answer: true }))).toBeNull();
    expect(statisticAnswer(q({ type: 'single-choice', prompt: '成本最低的做法是？', options: [{ id: 'a', text: '约3成客户', correct: true }, { id: 'b', text: '没有' }] }))).not.toBeNull();
  });

  it('give the report its figures', () => {
    const bank = content.quizzes.find((f) => f.data.id === 'clean')?.data as QuizBank;
    expect(quizFigures(bank)).toEqual({ items: 6, keyed: 3, keyLongest: [], trueFalse: 2, tfTrue: 1, transfer: 0 });
  });
});
