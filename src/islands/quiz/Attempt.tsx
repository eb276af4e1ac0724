import { tq } from '../../i18n/zh-CN.quiz.ts';
import type { OpenView } from '../../state/quiz-view.ts';
import { QuestionCard } from './QuestionCard.tsx';
import type { Q } from './text.ts';

interface Props {
  quizId: string;
  view: OpenView;
  kind: string;
  heading: 'h2' | 'h3';
  alert: string;
  onCheck: (q: Q) => void;
  onGo: (to: number) => void;
  onFinish: () => void;
  onAnnounce: (text: string) => void;
  onFocus: (id: string) => void;
  refresh: () => void;
}

/** An open attempt: progress, the visible question(s) with their buttons, and the navigation. */
export function Attempt({ quizId, view, kind, heading, alert, onCheck, onGo, onFinish, onAnnounce, onFocus, refresh }: Props) {
  const { attempt, drawn, position, immediate, one, last } = view;
  return (
    <>
      <p class="quiz-status">{tq('quiz.answeredCount', { answered: view.done, total: drawn.length })}</p>
      <progress class="quiz-progress" max={drawn.length} value={view.done} aria-hidden="true" />
      {view.visible.map((q) => {
        const locked = attempt.checked.includes(q.key);
        return (
          <QuestionCard
            key={q.key}
            quizId={quizId}
            q={q}
            n={drawn.indexOf(q) + 1}
            total={one ? drawn.length : 1}
            attempt={attempt}
            showFeedback={immediate && locked}
            heading={heading}
            onAnnounce={onAnnounce}
            onFocus={onFocus}
            refresh={refresh}
          >
            {immediate && !locked && (
              <div class="quiz-actions">
                <button type="button" class="quiz-button" onClick={() => onCheck(q)}>
                  {tq('quiz.check')}
                </button>
              </div>
            )}
            {immediate && locked && one && !last && (
              <div class="quiz-actions">
                <button type="button" class="quiz-button" onClick={() => onGo(position + 1)}>
                  {tq('quiz.next')}
                </button>
              </div>
            )}
          </QuestionCard>
        );
      })}
      {alert && (
        <p class="quiz-alert" role="alert">
          {alert}
        </p>
      )}
      <div class="quiz-actions quiz-nav">
        {!immediate && one && position > 0 && (
          <button type="button" class="quiz-button secondary" onClick={() => onGo(position - 1)}>
            {tq('quiz.prev')}
          </button>
        )}
        {!immediate && one && !last && (
          <button type="button" class="quiz-button" onClick={() => onGo(position + 1)}>
            {tq('quiz.next')}
          </button>
        )}
        {!immediate && (!one || last) && (
          <button type="button" class="quiz-button" onClick={onFinish}>
            {tq('quiz.submit', { kind })}
          </button>
        )}
        {immediate && view.allChecked && (!one || last) && (
          <button type="button" class="quiz-button" onClick={onFinish}>
            {tq('quiz.finish')}
          </button>
        )}
      </div>
    </>
  );
}
