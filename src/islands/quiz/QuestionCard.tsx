import type { ComponentChildren } from 'preact';
import type { QuestionResponse, QuizAttemptState } from '../../engine/learner-state.ts';
import { tq } from '../../i18n/zh-CN.quiz.ts';
import { answer } from '../../state/quiz.ts';
import { questionView } from '../../state/quiz-view.ts';
import { ChoiceBody, MatchBody, OrderBody } from './bodies.tsx';
import { Feedback } from './Feedback.tsx';
import type { Q } from './text.ts';

interface Props {
  quizId: string;
  q: Q;
  n: number;
  total: number;
  attempt: QuizAttemptState;
  showFeedback: boolean;
  heading: 'h2' | 'h3';
  onAnnounce: (text: string) => void;
  onFocus: (id: string) => void;
  /** Re-renders at once: useStore batches store updates with a timer, too late for fast key presses. */
  refresh: () => void;
  children?: ComponentChildren;
}

/** One question: heading, prompt, answer area, feedback once checked, and the caller's buttons. */
export function QuestionCard({ quizId, q, n, total, attempt, showFeedback, heading: H, onAnnounce, onFocus, refresh, children }: Props) {
  const view = questionView(q, attempt);
  const name = `${quizId}-${q.key}`;
  const set = (next: QuestionResponse) => {
    answer(quizId, q.key, next);
    refresh();
  };
  const Body = q.type === 'ordering' ? OrderBody : q.type === 'matching' ? MatchBody : ChoiceBody;
  return (
    <div class="quiz-question" data-qkey={q.key} data-qtype={q.type}>
      <H class="quiz-qhead" tabIndex={-1} data-focus={`q-${q.key}`}>
        {total > 1 ? tq('quiz.progress', { n, total }) : tq('quiz.question', { n })}
      </H>
      <fieldset class="quiz-fieldset">
        <legend class="quiz-legend">
          <span class="quiz-type">{tq(`quiz.type.${q.type}`)}</span>
          {q.type === 'best-reply' && (
            <span class="quiz-customer">
              {tq('quiz.customerSays')}<span lang="zh-CN">“{q.customer}”</span>
            </span>
          )}
          <span class="quiz-prompt" lang="zh-CN">{q.prompt}</span>
        </legend>
        <Body quizId={quizId} q={q} view={view} name={name} showFeedback={showFeedback} set={set} onAnnounce={onAnnounce} onFocus={onFocus} />
      </fieldset>
      {showFeedback && <Feedback q={q} response={view.response} focusId={`fb-${q.key}`} />}
      {children}
    </div>
  );
}
