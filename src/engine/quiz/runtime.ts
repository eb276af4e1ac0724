/**
 * The serialisable shapes the Quiz island receives as props. Built at build time by
 * `quizIslandProps` (props.ts) from the validated collection; the browser never sees zod or YAML.
 * Types only are imported from the schema, so nothing of zod reaches the bundle.
 */
import type { Question } from '../../schemas/quiz.ts';

/** A question as the island gets it: the authored question plus where it came from. */
export type RuntimeQuestion = Question & {
  /** Key within the attempt: the question id in a lesson bank, "bank.id" in an assessment (ids repeat across banks). */
  key: string;
  /** Id of the bank the question belongs to. */
  bank: string;
  /** Lesson id of that bank; LMS interactions count toward this lesson's objective. */
  lesson: string;
};

/** One source of questions for a draw: `count` questions taken at random from `keys`. */
export interface DrawPool {
  bank: string;
  count: number;
  keys: string[];
}

/** Everything the island needs to know about a quiz besides its questions. */
export interface QuizRuntime {
  id: string;
  kind: 'bank' | 'assessment';
  title: string;
  intro?: string;
  /** Percent 0–100 needed to pass. */
  passMark: number;
  /** Attempts allowed, or null for unlimited. */
  maxAttempts: number | null;
  display: 'one' | 'all';
  feedback: 'immediate' | 'after-submit';
  /** Pools in a fixed order; the seed picks from each and shuffles the union. */
  pools: DrawPool[];
  /** Most questions per attempt (the shuffled union is cut to this), or null for no cap. */
  limit: number | null;
}

/** Props of src/islands/Quiz.tsx. */
export interface QuizIslandProps {
  quiz: QuizRuntime;
  /** Every question the quiz may draw (the union of its pools). */
  questions: RuntimeQuestion[];
  /** Lesson id of the page, for a knowledge check. */
  lessonId?: string;
}

/** Number of questions in one attempt. */
export function attemptLength(quiz: Pick<QuizRuntime, 'pools' | 'limit'>): number {
  const drawn = quiz.pools.reduce((sum, pool) => sum + Math.min(pool.count, pool.keys.length), 0);
  return quiz.limit === null ? drawn : Math.min(drawn, quiz.limit);
}
