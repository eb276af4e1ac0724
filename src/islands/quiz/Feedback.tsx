import type { QuestionResponse } from '../../engine/learner-state.ts';
import { tq } from '../../i18n/zh-CN.quiz.ts';
import { answerReview, optionMark } from '../../state/quiz-view.ts';
import { describe, ICON, type Q } from './text.ts';

/** The verdict, the learner's and the right answer, the chosen options' feedback and the explanation. */
export function Feedback({ q, response, focusId }: { q: Q; response: QuestionResponse; focusId?: string }) {
  const review = answerReview(q, response);
  const { verdict } = review;
  return (
    <div class="quiz-feedback" data-verdict={verdict} tabIndex={focusId ? -1 : undefined} data-focus={focusId}>
      <p class="quiz-verdict">
        <span aria-hidden="true">{ICON[verdict]} </span>
        {tq(`quiz.verdict.${verdict}`, { percent: Math.round(review.credit * 100) })}
      </p>
      <dl class="quiz-answers">
        <dt>{tq('quiz.yourAnswer')}</dt>
        <dd>{describe(q, response)}</dd>
        {verdict !== 'correct' && (
          <>
            <dt>{tq('quiz.rightAnswer')}</dt>
            <dd>{describe(q, review.correct)}</dd>
          </>
        )}
      </dl>
      {review.chosenFeedback.map((text) => (
        <p class="quiz-option-feedback" lang="zh-CN">{text}</p>
      ))}
      <p class="quiz-why">
        <strong>
          {tq('quiz.why')}
          {tq('quiz.colon')}
        </strong>
        <span lang="zh-CN">{q.explanation}</span>
      </p>
    </div>
  );
}

/** Tag after an option once the answer is locked: never colour alone, always words. */
export function Mark({ q, id, chosen }: { q: Q; id: string; chosen: boolean }) {
  const mark = optionMark(q, id, chosen);
  if (!mark) return null;
  const { kind } = mark;
  let text: string;
  if (mark.best) {
    text = tq(kind === 'right' ? 'quiz.mark.best' : kind === 'partial' ? 'quiz.mark.partialReply' : 'quiz.mark.poorReply');
    if (chosen) text = `${tq('quiz.mark.chosen')} · ${text}`;
  } else {
    text = [chosen ? tq('quiz.mark.chosen') : '', kind === 'right' ? tq('quiz.mark.right') : ''].filter(Boolean).join(' · ');
  }
  return (
    <span class="quiz-mark" data-mark={kind}>
      <span aria-hidden="true">{kind === 'right' ? ICON.correct : kind === 'partial' ? ICON.partial : ICON.incorrect} </span>
      {text}
    </span>
  );
}
