import { useStore } from '@nanostores/preact';
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { QuestionResponse, QuizAttemptState } from '../engine/learner-state.ts';
import { attemptsLeft, canStart } from '../engine/quiz/attempt.ts';
import { drawQuestions, matchingLayout, optionOrder } from '../engine/quiz/draw.ts';
import { attemptLength, type QuizIslandProps, type RuntimeQuestion } from '../engine/quiz/runtime.ts';
import { correctResponse, effectiveResponse, isAnswered, pairsOf, scoreQuestion, verdictOf } from '../engine/quiz/score.ts';
import { tq } from '../i18n/zh-CN.quiz.ts';
import { $hydrated, $learner } from '../state/progress.ts';
import { answer, check, markShown, move, startAttempt, submit } from '../state/quiz.ts';
import './Quiz.css';

type Props = QuizIslandProps & {
  /** Heading level of the quiz title: 2 inside a lesson (default), 1 when the quiz is the page. */
  headingLevel?: 1 | 2;
};

type Q = RuntimeQuestion;
const ICON = { correct: '✓', partial: '◐', incorrect: '✗' } as const;

/** Text of one option/item id of a question, for review lines. */
function labelOf(q: Q, id: string): string {
  if (q.type === 'true-false') return tq(id === 'true' ? 'quiz.true' : 'quiz.false');
  if (q.type === 'ordering') return q.items.find((i) => i.id === id)?.text ?? id;
  if (q.type === 'matching') return q.right.find((r) => r.id === id)?.text ?? id;
  return q.options.find((o) => o.id === id)?.text ?? id;
}

/** A response as a readable line: choices joined, an order with arrows, pairs with arrows. */
function describe(q: Q, response: QuestionResponse): string {
  if (response.length === 0) return tq('quiz.noAnswer');
  if (q.type === 'ordering') return response.map((id, i) => `${i + 1}. ${labelOf(q, id)}`).join(' → ');
  if (q.type === 'matching') {
    const pairs = pairsOf(response);
    return q.left.map((l) => `${l.text} → ${pairs.has(l.id) ? labelOf(q, pairs.get(l.id) as string) : tq('quiz.noAnswer')}`).join('；');
  }
  return response.map((id) => labelOf(q, id)).join('；');
}

/** Feedback texts of what the learner chose (option feedback, true/false feedback). */
function chosenFeedback(q: Q, response: QuestionResponse): string[] {
  if (q.type === 'true-false') {
    const text = response[0] === 'true' ? q.feedbackTrue : response[0] === 'false' ? q.feedbackFalse : undefined;
    return text ? [text] : [];
  }
  if (q.type === 'ordering' || q.type === 'matching') return [];
  return q.options.filter((o) => response.includes(o.id) && o.feedback).map((o) => o.feedback as string);
}

function Feedback({ q, response, focusId }: { q: Q; response: QuestionResponse; focusId?: string }) {
  const credit = scoreQuestion(q, response);
  const verdict = verdictOf(credit);
  return (
    <div class="quiz-feedback" data-verdict={verdict} tabIndex={focusId ? -1 : undefined} data-focus={focusId}>
      <p class="quiz-verdict">
        <span aria-hidden="true">{ICON[verdict]} </span>
        {tq(`quiz.verdict.${verdict}`, { percent: Math.round(credit * 100) })}
      </p>
      <dl class="quiz-answers">
        <dt>{tq('quiz.yourAnswer')}</dt>
        <dd>{describe(q, response)}</dd>
        {verdict !== 'correct' && (
          <>
            <dt>{tq('quiz.rightAnswer')}</dt>
            <dd>{describe(q, correctResponse(q))}</dd>
          </>
        )}
      </dl>
      {chosenFeedback(q, response).map((text) => (
        <p class="quiz-option-feedback">{text}</p>
      ))}
      <p class="quiz-why">
        <strong>{tq('quiz.why')}：</strong>
        {q.explanation}
      </p>
    </div>
  );
}

/** Tag after an option once the answer is locked: never colour alone, always words. */
function Mark({ q, id, chosen }: { q: Q; id: string; chosen: boolean }) {
  let text = '';
  let kind: 'right' | 'wrong' | 'partial' = 'right';
  if (q.type === 'best-reply') {
    const credit = q.options.find((o) => o.id === id)?.credit ?? 0;
    kind = credit >= 1 ? 'right' : credit > 0 ? 'partial' : 'wrong';
    text = tq(kind === 'right' ? 'quiz.mark.best' : kind === 'partial' ? 'quiz.mark.partialReply' : 'quiz.mark.poorReply');
    if (chosen) text = `${tq('quiz.mark.chosen')} · ${text}`;
  } else {
    const right = correctResponse(q).includes(id);
    if (!right && !chosen) return null;
    kind = right ? 'right' : 'wrong';
    text = [chosen ? tq('quiz.mark.chosen') : '', right ? tq('quiz.mark.right') : ''].filter(Boolean).join(' · ');
  }
  return (
    <span class="quiz-mark" data-mark={kind}>
      <span aria-hidden="true">{kind === 'right' ? ICON.correct : kind === 'partial' ? ICON.partial : ICON.incorrect} </span>
      {text}
    </span>
  );
}

interface QuestionViewProps {
  quizId: string;
  q: Q;
  n: number;
  total: number;
  attempt: QuizAttemptState;
  locked: boolean;
  showFeedback: boolean;
  heading: 'h2' | 'h3';
  onAnnounce: (text: string) => void;
  onFocus: (id: string) => void;
  /** Re-renders at once: useStore batches store updates with a timer, too late for fast key presses. */
  refresh: () => void;
  children?: ComponentChildren;
}

function QuestionView({ quizId, q, n, total, attempt, locked, showFeedback, heading: H, onAnnounce, onFocus, refresh, children }: QuestionViewProps) {
  const response = effectiveResponse(q, attempt.responses, attempt.seed);
  const name = `${quizId}-${q.key}`;
  // Handlers read the store, not this render's props: two quick key presses may share one render.
  const latest = () => effectiveResponse(q, $learner.get().quizzes[quizId]?.current?.responses ?? {}, attempt.seed);
  const set = (next: QuestionResponse) => {
    answer(quizId, q.key, next);
    refresh();
  };
  let body: ComponentChildren;

  if (q.type === 'ordering') {
    const moveItem = (id: string, delta: number) => {
      const next = [...latest()];
      const index = next.indexOf(id);
      const to = index + delta;
      if (locked || index < 0 || to < 0 || to >= next.length) return;
      [next[index], next[to]] = [next[to] as string, id];
      set(next);
      onAnnounce(tq('quiz.moved', { item: labelOf(q, id), n: to + 1 }));
      onFocus(`${name}-${id}-${delta < 0 ? 'up' : 'down'}`);
    };
    body = (
      <ol class="quiz-order">
        {response.map((id, i) => {
          const text = labelOf(q, id);
          const button = (delta: number, dir: 'up' | 'down') => {
            const blocked = locked || (delta < 0 ? i === 0 : i === response.length - 1);
            return (
              <button
                type="button"
                class="quiz-move"
                aria-label={tq(dir === 'up' ? 'quiz.moveUpLabel' : 'quiz.moveDownLabel', { item: text })}
                aria-disabled={blocked ? 'true' : undefined}
                data-focus={`${name}-${id}-${dir}`}
                onClick={() => moveItem(id, delta)}
              >
                <span aria-hidden="true">{dir === 'up' ? '↑' : '↓'}</span> {tq(dir === 'up' ? 'quiz.moveUp' : 'quiz.moveDown')}
              </button>
            );
          };
          return (
            <li key={id} class="quiz-order-item" data-item={id}>
              <span class="quiz-order-text">{text}</span>
              {!locked && (
                <span class="quiz-order-buttons">
                  {button(-1, 'up')}
                  {button(1, 'down')}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    );
  } else if (q.type === 'matching') {
    const layout = matchingLayout(q, attempt.seed);
    const pairs = pairsOf(response);
    const choose = (leftId: string, rightId: string) => {
      const next = pairsOf(latest());
      if (rightId) next.set(leftId, rightId);
      else next.delete(leftId);
      set(q.left.flatMap((l) => (next.has(l.id) ? [`${l.id}:${next.get(l.id)}`] : [])));
    };
    body = (
      <div class="quiz-match">
        {layout.left.map((leftId) => {
          const left = q.left.find((l) => l.id === leftId);
          if (!left) return null;
          const id = `${name}-${leftId}`;
          const chosen = pairs.get(leftId) ?? '';
          return (
            <div key={leftId} class="quiz-match-row">
              <label for={id}>{left.text}</label>
              <select id={id} value={chosen} disabled={locked} onChange={(e) => choose(leftId, (e.currentTarget as HTMLSelectElement).value)}>
                <option value="">{tq('quiz.choose')}</option>
                {layout.right.map((rightId) => (
                  <option key={rightId} value={rightId}>
                    {labelOf(q, rightId)}
                  </option>
                ))}
              </select>
              {showFeedback && (
                <span class="quiz-mark" data-mark={chosen === left.match ? 'right' : 'wrong'}>
                  <span aria-hidden="true">{chosen === left.match ? ICON.correct : ICON.incorrect} </span>
                  {chosen === left.match ? tq('quiz.verdict.correct') : `${tq('quiz.rightAnswer')}：${labelOf(q, left.match)}`}
                </span>
              )}
            </div>
          );
        })}
      </div>
    );
  } else {
    const multiple = q.type === 'multiple-response';
    const toggle = (id: string, on: boolean) => {
      if (q.type !== 'multiple-response') return set([id]);
      const chosen = new Set(latest());
      if (on) chosen.add(id);
      else chosen.delete(id);
      // Authored order: a response is a set, and a stable order keeps LMS reports comparable.
      set(q.options.map((o) => o.id).filter((o) => chosen.has(o)));
    };
    body = (
      <div class="quiz-options">
        {optionOrder(q, attempt.seed).map((id) => {
          const chosen = response.includes(id);
          return (
            <label key={id} class="quiz-option" data-chosen={chosen ? 'true' : undefined}>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={name}
                value={id}
                checked={chosen}
                disabled={locked}
                onChange={(e) => toggle(id, (e.currentTarget as HTMLInputElement).checked)}
              />
              <span class="quiz-option-text">{labelOf(q, id)}</span>
              {showFeedback && <Mark q={q} id={id} chosen={chosen} />}
            </label>
          );
        })}
      </div>
    );
  }

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
              {tq('quiz.customerSays')}“{q.customer}”
            </span>
          )}
          <span class="quiz-prompt">{q.prompt}</span>
        </legend>
        {body}
      </fieldset>
      {showFeedback && <Feedback q={q} response={response} focusId={`fb-${q.key}`} />}
      {children}
    </div>
  );
}

/**
 * A knowledge check or an assessment. Reads the attempt from `$learner` (so a reload resumes
 * at the same question with the same draw) and writes only through src/state/quiz.ts actions.
 */
export default function Quiz({ quiz, questions, lessonId, headingLevel = 2 }: Props) {
  // The server renders the loading note; the first client render must match it exactly
  // (Preact's hydration keeps server attributes), so the real content waits one effect.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const hydrated = useStore($hydrated) && mounted;
  const progress = useStore($learner).quizzes[quiz.id];
  const attempt = progress?.current ?? null;
  const seed = attempt?.seed;
  const drawn = useMemo(() => (seed === undefined ? [] : drawQuestions(quiz, questions, seed)), [seed, quiz, questions]);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [live, setLive] = useState('');
  const [alert, setAlert] = useState('');
  const [reviewOpen, setReviewOpen] = useState(false);
  const [, setTick] = useState(0);
  const refresh = () => setTick((n) => n + 1);
  const root = useRef<HTMLElement>(null);
  const kind = tq(quiz.kind === 'bank' ? 'quiz.kind.bank' : 'quiz.kind.assessment');
  const immediate = quiz.feedback === 'immediate';
  const one = quiz.display === 'one';
  const H1 = headingLevel === 1 ? 'h1' : 'h2';
  const H2 = headingLevel === 1 ? 'h2' : 'h3';
  const titleId = `quiz-${quiz.id}-title`;

  // Layout effect: focus must land before the next key press (a held ↑ moves the same item on).
  useLayoutEffect(() => {
    if (!focusId) return;
    root.current?.querySelector<HTMLElement>(`[data-focus="${focusId}"]`)?.focus();
    setFocusId(null);
  });

  const open = !!attempt && !attempt.submitted;
  const position = Math.min(attempt?.position ?? 0, Math.max(0, drawn.length - 1));
  const visible = open ? (one ? drawn.slice(position, position + 1) : drawn) : [];
  const visibleKeys = visible.map((q) => q.key).join(',');
  useEffect(() => {
    for (const q of visible) markShown(quiz.id, q.key);
  }, [visibleKeys, seed]);

  const begin = () => {
    setAlert('');
    setReviewOpen(false);
    if (startAttempt(quiz)) {
      setLive('');
      setFocusId(`q-${drawQuestions(quiz, questions, $learner.get().quizzes[quiz.id]?.current?.seed ?? 0)[0]?.key}`);
    }
  };

  const finish = () => {
    // The store, not this render: an answer given a moment ago may not be rendered yet.
    const responses = $learner.get().quizzes[quiz.id]?.current?.responses ?? {};
    const missing = drawn.flatMap((q, i) => (isAnswered(q, responses[q.key]) ? [] : [i + 1]));
    if (missing.length) {
      setAlert(tq('quiz.unanswered', { count: missing.length, list: missing.map((n) => tq('quiz.question', { n })).join('、') }));
      if (one) move(quiz, questions, (missing[0] as number) - 1);
      setFocusId(`q-${drawn[(missing[0] as number) - 1]?.key}`);
      return;
    }
    setAlert('');
    const score = submit(quiz, questions);
    if (score === null) return;
    const passed = score >= quiz.passMark;
    setLive(`${tq('quiz.score', { score })} ${tq(passed ? 'quiz.passed' : 'quiz.failed', { passMark: quiz.passMark })}`);
    setFocusId('results');
  };

  const doCheck = (q: Q) => {
    if (!check(quiz, questions, q.key)) {
      setAlert(tq('quiz.needAnswer'));
      return;
    }
    setAlert('');
    setFocusId(`fb-${q.key}`);
  };

  const go = (to: number) => {
    setAlert('');
    move(quiz, questions, to);
    setFocusId(`q-${drawn[to]?.key}`);
  };

  let content: ComponentChildren;
  if (!hydrated) {
    content = <p class="quiz-note">{tq('quiz.loading')}</p>;
  } else if (!attempt) {
    const count = attemptLength(quiz);
    content = (
      <div class="quiz-intro">
        {quiz.intro && <p>{quiz.intro}</p>}
        <ul class="quiz-meta">
          <li>{tq('quiz.meta.count', { count })}</li>
          <li>{tq('quiz.meta.passMark', { passMark: quiz.passMark })}</li>
          <li>{quiz.maxAttempts === null ? tq('quiz.meta.unlimited') : tq('quiz.meta.attempts', { max: quiz.maxAttempts })}</li>
          <li>{tq(immediate ? 'quiz.meta.immediate' : 'quiz.meta.afterSubmit')}</li>
        </ul>
        <button type="button" class="quiz-button" onClick={begin}>
          {tq('quiz.start', { kind })}
        </button>
      </div>
    );
  } else if (open) {
    const checked = (q: Q) => attempt.checked.includes(q.key);
    const allChecked = drawn.every(checked);
    const answered = drawn.filter((q) => isAnswered(q, attempt.responses[q.key])).length;
    const last = position >= drawn.length - 1;
    content = (
      <>
        <p class="quiz-status">
          {tq('quiz.answeredCount', { answered: immediate ? attempt.checked.length : answered, total: drawn.length })}
        </p>
        <progress class="quiz-progress" max={drawn.length} value={immediate ? attempt.checked.length : answered} aria-hidden="true" />
        {visible.map((q) => {
          const n = drawn.indexOf(q) + 1;
          const locked = checked(q);
          return (
            <QuestionView
              key={q.key}
              quizId={quiz.id}
              q={q}
              n={n}
              total={one ? drawn.length : 1}
              attempt={attempt}
              locked={locked}
              showFeedback={immediate && locked}
              heading={H2}
              onAnnounce={setLive}
              onFocus={setFocusId}
              refresh={refresh}
            >
              {immediate && !locked && (
                <div class="quiz-actions">
                  <button type="button" class="quiz-button" onClick={() => doCheck(q)}>
                    {tq('quiz.check')}
                  </button>
                </div>
              )}
              {immediate && locked && one && !last && (
                <div class="quiz-actions">
                  <button type="button" class="quiz-button" onClick={() => go(position + 1)}>
                    {tq('quiz.next')}
                  </button>
                </div>
              )}
            </QuestionView>
          );
        })}
        {alert && (
          <p class="quiz-alert" role="alert">
            {alert}
          </p>
        )}
        <div class="quiz-actions quiz-nav">
          {!immediate && one && position > 0 && (
            <button type="button" class="quiz-button secondary" onClick={() => go(position - 1)}>
              {tq('quiz.prev')}
            </button>
          )}
          {!immediate && one && !last && (
            <button type="button" class="quiz-button" onClick={() => go(position + 1)}>
              {tq('quiz.next')}
            </button>
          )}
          {!immediate && (!one || last) && (
            <button type="button" class="quiz-button" onClick={finish}>
              {tq('quiz.submit', { kind })}
            </button>
          )}
          {immediate && allChecked && (!one || last) && (
            <button type="button" class="quiz-button" onClick={finish}>
              {tq('quiz.finish')}
            </button>
          )}
        </div>
      </>
    );
  } else {
    const score = attempt.score ?? 0;
    const passed = score >= quiz.passMark;
    const left = attemptsLeft(progress, quiz.maxAttempts);
    content = (
      <>
        <div class="quiz-results" data-passed={passed ? 'true' : 'false'}>
          <H2 class="quiz-results-title" tabIndex={-1} data-focus="results">
            {tq('quiz.results', { kind })}
          </H2>
          <p class="quiz-score">
            <span aria-hidden="true">{passed ? ICON.correct : ICON.incorrect} </span>
            {tq('quiz.score', { score })} {tq(passed ? 'quiz.passed' : 'quiz.failed', { passMark: quiz.passMark })}
          </p>
          <ul class="quiz-meta">
            <li>{tq('quiz.best', { best: progress?.best ?? score })}</li>
            <li>
              {quiz.maxAttempts === null
                ? tq('quiz.attemptsUsedUnlimited', { used: progress?.attempts ?? 1 })
                : tq('quiz.attemptsUsed', { used: progress?.attempts ?? 1, max: quiz.maxAttempts })}
            </li>
          </ul>
          {left === 0 && <p>{tq('quiz.noAttemptsLeft')}</p>}
          <div class="quiz-actions">
            <button
              type="button"
              class="quiz-button secondary"
              aria-expanded={reviewOpen ? 'true' : 'false'}
              aria-controls={`quiz-${quiz.id}-review`}
              onClick={() => setReviewOpen(!reviewOpen)}
            >
              {tq(reviewOpen ? 'quiz.hideReview' : 'quiz.review')}
            </button>
            {canStart(progress, quiz.maxAttempts) && (
              <button type="button" class="quiz-button" onClick={begin}>
                {tq('quiz.retry')}
              </button>
            )}
          </div>
        </div>
        <div id={`quiz-${quiz.id}-review`} class="quiz-review" hidden={!reviewOpen}>
          {reviewOpen && (
            <>
              <H2>{tq('quiz.reviewTitle')}</H2>
              <ol class="quiz-review-list">
                {drawn.map((q) => (
                  <li key={q.key} data-qkey={q.key}>
                    <p class="quiz-review-prompt">
                      {q.type === 'best-reply' && `${tq('quiz.customerSays')}“${q.customer}” `}
                      {q.prompt}
                    </p>
                    <Feedback q={q} response={attempt.responses[q.key] ?? []} />
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      </>
    );
  }

  return (
    <section class="quiz" aria-labelledby={titleId} data-quiz={quiz.id} data-lesson={lessonId} ref={root}>
      <H1 id={titleId} class="quiz-title">
        {quiz.title}
      </H1>
      {content}
      <p class="visually-hidden" aria-live="polite">
        {live}
      </p>
    </section>
  );
}
