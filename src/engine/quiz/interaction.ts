/**
 * Maps a submitted answer to the SCORM-neutral InteractionRecord the LMS adapters report.
 * SCORM has no "best reply" type: it reports as choice, with the full-credit replies as the
 * correct pattern and the reply's credit as the result.
 */
import type { InteractionRecord, QuestionResponse } from '../learner-state.ts';
import type { QuestionType } from '../../schemas/quiz.ts';
import { correctResponse, scoreQuestion } from './score.ts';
import type { RuntimeQuestion } from './runtime.ts';

const TYPE_MAP: Record<QuestionType, InteractionRecord['type']> = {
  'single-choice': 'choice',
  'multiple-response': 'choice',
  'best-reply': 'choice',
  'true-false': 'true-false',
  ordering: 'sequencing',
  matching: 'matching',
};

export function interactionType(type: QuestionType): InteractionRecord['type'] {
  return TYPE_MAP[type];
}

/** SCORM 2004 caps descriptions at 250 characters. */
const DESCRIPTION_MAX = 250;

export function questionDescription(question: RuntimeQuestion): string {
  const text = question.type === 'best-reply' ? `“${question.customer}” ${question.prompt}` : question.prompt;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > DESCRIPTION_MAX ? `${flat.slice(0, DESCRIPTION_MAX - 1)}…` : flat;
}

/** Rounds credit to 4 decimals so 2/3 reports as 0.6667, not 0.6666666666666666. */
const round4 = (n: number) => Math.round(n * 10000) / 10000;

export interface AnswerReport {
  quizId: string;
  question: RuntimeQuestion;
  response: QuestionResponse;
  latencyMs: number;
  /** Milliseconds since the epoch when the answer was submitted. */
  at: number;
}

export function toInteraction({ quizId, question, response, latencyMs, at }: AnswerReport): InteractionRecord {
  return {
    id: `${quizId}.${question.key}`,
    type: interactionType(question.type),
    description: questionDescription(question),
    response: [...response],
    correct: correctResponse(question),
    credit: round4(scoreQuestion(question, response)),
    latencyMs: Math.max(0, Math.round(latencyMs)),
    timestamp: new Date(at).toISOString(),
    objective: question.lesson,
  };
}
