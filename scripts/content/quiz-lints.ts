/**
 * Item lints: the parts of the content standard's "Questions" section a program can check
 * (../shared/CONTENT-STANDARD.md, issue 12). They run on every practice bank and assessment pool
 * in `npm run check:content` and the build. Every message names the item(s) and the rule in
 * brackets, e.g. `question q3 → [tf-absolute] …`; the caller prefixes the file.
 *
 * The numbers behind the lints are exported (`quizFigures`) so scripts/quiz-report.ts prints the
 * same shares the lints judge.
 */
import type { Question, QuestionFile, Quiz } from '../../src/schemas/quiz.ts';
import { resolveDraw } from '../../src/engine/quiz/props.ts';
import { voiceProblems } from './voice.ts';

/** Most items of a file whose keyed option is (one of) the longest: 40 %. */
export const MAX_KEY_LONGEST_SHARE = 0.4;
/** True/false keys: 40–60 % true per file (small files: |true − false| ≤ 1). */
export const TF_TRUE_SHARE = { min: 0.4, max: 0.6 } as const;
/** Least share of a pool's items set in a new situation (`transfer: true`). */
export const MIN_TRANSFER_SHARE = 0.6;
/** Least items in an assessment pool. */
export const MIN_POOL_ITEMS = 6;
/** Questions per knowledge-check attempt (CONTENT-STANDARD: "a check of 4–6 questions"). */
export const CHECK_DRAW = { min: 4, max: 6 } as const;

/** Length of an option as the eye measures it: every non-space character. */
export function visibleLength(text: string): number {
  return text.replace(/\s/g, '').length;
}

/**
 * Whether the keyed option of a single-choice or best-reply item is the longest (ties count as
 * longest); null for other types. Best reply: the key is any reply with credit 1.
 */
export function keyIsLongest(q: Question): boolean | null {
  if (q.type === 'single-choice') {
    const key = q.options.filter((o) => o.correct);
    const others = q.options.filter((o) => !o.correct);
    if (key.length === 0 || others.length === 0) return null;
    return Math.max(...key.map((o) => visibleLength(o.text))) >= Math.max(...others.map((o) => visibleLength(o.text)));
  }
  if (q.type === 'best-reply') {
    const key = q.options.filter((o) => o.credit === 1);
    const others = q.options.filter((o) => o.credit !== 1);
    if (key.length === 0 || others.length === 0) return null;
    return Math.max(...key.map((o) => visibleLength(o.text))) >= Math.max(...others.map((o) => visibleLength(o.text)));
  }
  return null;
}

/**
 * Absolute wording a true/false statement gives away (a sweeping claim is almost always false):
 * 只要…就, 一定 (not 一定程度/一定的, which mean "some", nor the hedge 不一定), 从不, 越…越 (越来越 included).
 */
const ABSOLUTE_STEMS: { label: string; pattern: RegExp }[] = [
  { label: '只要…就', pattern: /只要[^。！？；]*?就/ },
  { label: '一定', pattern: /(?<!不)一定(?!程度|的|数量|比例|范围|时间|条件)/ },
  { label: '从不', pattern: /从不/ },
  { label: '越…越', pattern: /越[^。！？；]{0,15}?越/ },
];

export function absoluteStem(prompt: string): string | null {
  return ABSOLUTE_STEMS.find((s) => s.pattern.test(prompt))?.label ?? null;
}

/** A figure: a percentage, "N 倍", "N 成", or 百分之…. */
const FIGURE = /\d+(?:\.\d+)?\s*[%％]|\d+(?:\.\d+)?\s*(?:倍|成(?![本功员为绩交果立]))|百分之/;
/** A prompt that asks about a figure itself ("这个数字说明什么", "比例是多少"). */
const ASKS_ABOUT_FIGURE =
  /(?:这|该|此|上述|以上|两)(?:个|组|些|一|项|两个)?(?:数字|数据|数值|比例|百分比|统计|发现|调研结果|调查结果)|多少\s*[%％]|比例是|占多少|多少倍|百分之几|哪个数字|哪一个数字|哪个比例/;
/** A prompt that asks for the reading of what it quoted ("最能说明什么", "最重要的启示"). */
const INTERPRET = /启示|结论|说明什么|最能说明|说明了什么|理解最|解读|意味着|告诉我们|反映了/;
/** A statement that cites research for its figure ("据行业调研，76%…"). */
const CITED = /据[^，。]{0,8}(?:调研|研究|调查|数据|统计)|(?:调研|研究|调查|数据|统计)(?:显示|表明|发现)/;

/**
 * Why an item's answer is a statistic, or null. Catches "what does this figure mean" and "which
 * figure goes with which claim" items, not items that merely mention a number in their case:
 *  - the prompt asks about a figure (这个数字/这组数据/比例是/多少%…) and quotes one, or quotes a
 *    researched figure (据…调研, 数据显示…) and asks for its reading (启示, 结论, 最能说明…);
 *  - a keyed option (single-choice, multiple-response, best-reply) is or contains a figure;
 *  - a true/false statement quotes a researched figure (据…调研, 数据显示…): marking it tests recall of the number.
 */
export function statisticAnswer(q: Question): string | null {
  const text = q.type === 'best-reply' ? `${q.customer} ${q.prompt}` : q.prompt;
  if (ASKS_ABOUT_FIGURE.test(text) && (FIGURE.test(text) || /多少|几/.test(text))) return 'the prompt asks what a figure means or which figure applies';
  if (q.type !== 'true-false' && FIGURE.test(text) && CITED.test(text) && INTERPRET.test(text)) return 'the prompt quotes a researched figure and asks what it means';
  if (q.type === 'single-choice' || q.type === 'multiple-response') {
    const keyed = q.options.filter((o) => o.correct && FIGURE.test(o.text));
    if (keyed.length) return `the keyed option ${keyed.map((o) => o.id).join(', ')} is a figure`;
  }
  if (q.type === 'best-reply') {
    const keyed = q.options.filter((o) => o.credit === 1 && FIGURE.test(o.text));
    if (keyed.length) return `the keyed reply ${keyed.map((o) => o.id).join(', ')} is a figure`;
  }
  if (q.type === 'true-false' && FIGURE.test(q.prompt) && CITED.test(q.prompt)) return 'the statement quotes a researched figure, so marking it tests recall of the number';
  return null;
}

/** Every text of an item a learner reads. */
function learnerTexts(q: Question): string[] {
  const texts = [q.prompt, q.explanation];
  if (q.type === 'best-reply') texts.push(q.customer);
  if (q.type === 'true-false') texts.push(q.feedbackTrue ?? '', q.feedbackFalse ?? '');
  if (q.type === 'ordering') texts.push(...q.items.map((i) => i.text));
  if (q.type === 'matching') texts.push(...q.left.map((l) => l.text), ...q.right.map((r) => r.text));
  if (q.type === 'single-choice' || q.type === 'multiple-response' || q.type === 'best-reply')
    for (const o of q.options) texts.push(o.text, o.feedback ?? '');
  return texts.filter(Boolean);
}

/** What the report prints and the lints judge, per bank or pool. */
export interface QuizFigures {
  items: number;
  /** Single-choice + best-reply items, and how many of them have the key as the longest option. */
  keyed: number;
  keyLongest: string[];
  trueFalse: number;
  tfTrue: number;
  transfer: number;
}

export function quizFigures(file: QuestionFile): QuizFigures {
  const keyed = file.questions.filter((q) => keyIsLongest(q) !== null);
  const tf = file.questions.filter((q): q is Extract<Question, { type: 'true-false' }> => q.type === 'true-false');
  return {
    items: file.questions.length,
    keyed: keyed.length,
    keyLongest: keyed.filter((q) => keyIsLongest(q)).map((q) => q.id),
    trueFalse: tf.length,
    tfTrue: tf.filter((q) => q.answer).length,
    transfer: file.questions.filter((q) => q.transfer).length,
  };
}

const pct = (n: number, d: number) => `${Math.round((n / d) * 100)} %`;
const list = (ids: string[]) => (ids.length === 1 ? `question ${ids[0]}` : `questions ${ids.join(', ')}`);

/** Whether a file's true/false keys are balanced. */
export function tfBalanced(trueCount: number, total: number): boolean {
  if (total === 0) return true;
  if (total <= 4) return Math.abs(trueCount - (total - trueCount)) <= 1;
  const share = trueCount / total;
  return share >= TF_TRUE_SHARE.min && share <= TF_TRUE_SHARE.max;
}

/** Whether a check of `draw` questions with pass mark `passMark` % still passes with one miss. */
export function passesWithOneMiss(draw: number, passMark: number): boolean {
  return draw < 5 || ((draw - 1) / draw) * 100 >= passMark;
}

/** Problems of one bank or pool, each "<where> → [rule] reason" (the caller prefixes the file). */
export function lintQuestionFile(file: QuestionFile): string[] {
  const out: string[] = [];
  const f = quizFigures(file);

  const allowed = Math.floor(f.keyed * MAX_KEY_LONGEST_SHARE);
  if (f.keyed > 0 && f.keyLongest.length > allowed)
    out.push(
      `${list(f.keyLongest)} → [key-longest] the keyed option is the longest (or tied) in ${f.keyLongest.length} of ${f.keyed} ` +
        `single-choice/best-reply items (${pct(f.keyLongest.length, f.keyed)}); at most 40 % (${allowed}) may be: ` +
        `shorten the key or give a distractor the same detail in ${f.keyLongest.length - allowed} of them`,
    );

  if (!tfBalanced(f.tfTrue, f.trueFalse)) {
    const tfIds = file.questions.filter((q) => q.type === 'true-false').map((q) => q.id);
    out.push(
      `${list(tfIds)} → [tf-balance] ${f.tfTrue} of ${f.trueFalse} true/false keys are true (${pct(f.tfTrue, f.trueFalse)}); ` +
        (f.trueFalse <= 4 ? 'with 4 or fewer, true and false may differ by at most one' : 'keep 40–60 % true'),
    );
  }

  for (const q of file.questions) {
    if (q.type === 'true-false') {
      const stem = absoluteStem(q.prompt);
      if (stem) out.push(`question ${q.id} → [tf-absolute] the statement uses the absolute stem ${stem}, which gives the answer away; state the condition instead`);
    }
    const statistic = statisticAnswer(q);
    if (statistic) out.push(`question ${q.id} → [statistic] ${statistic}; ask what the learner would do, not what a number says`);
    for (const p of new Set(learnerTexts(q).flatMap(voiceProblems))) out.push(`question ${q.id} → ${p}`);
  }

  if (file.kind === 'bank') {
    const draw = file.draw ?? file.questions.length;
    if (!passesWithOneMiss(draw, file.passMark))
      out.push(
        `draw → [pass-with-one-miss] ${draw} questions with passMark ${file.passMark}: one miss scores ${Math.floor(((draw - 1) / draw) * 100)} % and fails; ` +
          `lower passMark to ${Math.floor(((draw - 1) / draw) * 100)} or less`,
      );
    if (draw < CHECK_DRAW.min || draw > CHECK_DRAW.max)
      out.push(`draw → [check-size] the knowledge check draws ${draw} questions; a check has 4–6`);
  } else {
    if (f.items < MIN_POOL_ITEMS) out.push(`questions → [pool-size] the pool has ${f.items} items; a pool needs at least ${MIN_POOL_ITEMS}`);
    const need = Math.ceil(f.items * MIN_TRANSFER_SHARE);
    if (f.transfer < need) {
      const recall = file.questions.filter((q) => !q.transfer).map((q) => q.id);
      out.push(
        `${list(recall)} → [pool-transfer] ${f.transfer} of ${f.items} items are transfer items (${pct(f.transfer, f.items)}); at least 60 % (${need}) ` +
          'must put the learner in a new situation (not the lesson\'s case, dialogue or role-play) and carry transfer: true',
      );
    }
  }
  return out;
}

/**
 * Lints every bank and pool of the course, and (given the lessons in course order) checks that
 * each assessment finds at least one pool to draw from.
 */
export function lintQuizzes(quizzes: readonly { file: string; data: Quiz }[], lessons?: readonly { id: string; part: string }[]): string[] {
  const pools = quizzes.flatMap(({ data }) => (data.kind === 'pool' ? [data] : []));
  return quizzes.flatMap(({ file, data }) => {
    if (data.kind !== 'assessment') return lintQuestionFile(data).map((p) => `${file}: ${p}`);
    if (!lessons || resolveDraw(data, pools, lessons).length > 0) return [];
    return [`${file}: draw → [no-pools] no assessment pool (quizzes/pNN-pool.yaml, kind: pool) matches these rules, so the assessment has no questions`];
  });
}
