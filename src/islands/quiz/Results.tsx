import { tq } from '../../i18n/zh-CN.quiz.ts';
import type { ResultsView } from '../../state/quiz-view.ts';
import { Feedback } from './Feedback.tsx';
import { ICON } from './text.ts';

interface Props {
  quizId: string;
  view: ResultsView;
  kind: string;
  passMark: number;
  heading: 'h2' | 'h3';
  reviewOpen: boolean;
  onToggleReview: () => void;
  onRetry: () => void;
}

/** A submitted attempt: score, pass or not, attempts, and the review of every answer. */
export function Results({ quizId, view, kind, passMark, heading: H, reviewOpen, onToggleReview, onRetry }: Props) {
  const { score, passed } = view;
  return (
    <>
      <div class="quiz-results" data-passed={passed ? 'true' : 'false'}>
        <H class="quiz-results-title" tabIndex={-1} data-focus="results">
          {tq('quiz.results', { kind })}
        </H>
        <p class="quiz-score">
          <span aria-hidden="true">{passed ? ICON.correct : ICON.incorrect} </span>
          {tq('quiz.score', { score })} {tq(passed ? 'quiz.passed' : 'quiz.failed', { passMark })}
        </p>
        <ul class="quiz-meta">
          <li>{tq('quiz.best', { best: view.best })}</li>
          <li>
            {view.maxAttempts === null
              ? tq('quiz.attemptsUsedUnlimited', { used: view.used })
              : tq('quiz.attemptsUsed', { used: view.used, max: view.maxAttempts })}
          </li>
        </ul>
        {view.noneLeft && <p>{tq('quiz.noAttemptsLeft')}</p>}
        <div class="quiz-actions">
          <button type="button" class="quiz-button secondary" aria-expanded={reviewOpen ? 'true' : 'false'} aria-controls={`quiz-${quizId}-review`} onClick={onToggleReview}>
            {tq(reviewOpen ? 'quiz.hideReview' : 'quiz.review')}
          </button>
          {view.canRetry && (
            <button type="button" class="quiz-button" onClick={onRetry}>
              {tq('quiz.retry')}
            </button>
          )}
        </div>
      </div>
      <div id={`quiz-${quizId}-review`} class="quiz-review" hidden={!reviewOpen}>
        {reviewOpen && (
          <>
            <H>{tq('quiz.reviewTitle')}</H>
            <ol class="quiz-review-list">
              {view.drawn.map((q) => (
                <li key={q.key} data-qkey={q.key}>
                  <p class="quiz-review-prompt">
                    {q.type === 'best-reply' && <>{tq('quiz.customerSays')}<span lang="zh-CN">“{q.customer}” </span></>}
                    <span lang="zh-CN">{q.prompt}</span>
                  </p>
                  <Feedback q={q} response={view.attempt.responses[q.key] ?? []} />
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </>
  );
}
