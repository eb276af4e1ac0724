import { tq } from '../../i18n/zh-CN.quiz.ts';
import type { IntroView } from '../../state/quiz-view.ts';

/** Before the first attempt: what the quiz is and a start button. */
export function Intro({ view, intro, kind, onStart }: { view: IntroView; intro?: string | undefined; kind: string; onStart: () => void }) {
  return (
    <div class="quiz-intro">
      {intro && <p lang="zh-CN">{intro}</p>}
      <ul class="quiz-meta">
        <li>{tq('quiz.meta.count', { count: view.count })}</li>
        <li>{tq('quiz.meta.passMark', { passMark: view.passMark })}</li>
        <li>{view.maxAttempts === null ? tq('quiz.meta.unlimited') : tq('quiz.meta.attempts', { max: view.maxAttempts })}</li>
        <li>{tq(view.immediate ? 'quiz.meta.immediate' : 'quiz.meta.afterSubmit')}</li>
      </ul>
      <button type="button" class="quiz-button" onClick={onStart}>
        {tq('quiz.start', { kind })}
      </button>
    </div>
  );
}
