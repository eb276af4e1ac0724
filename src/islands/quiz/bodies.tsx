/**
 * The answer area of each question type. Handlers read the stored response (latestResponse),
 * not this render's props: two quick key presses may share one render.
 */
import type { QuestionResponse } from '../../engine/learner-state.ts';
import { tq } from '../../i18n/zh-CN.quiz.ts';
import { latestResponse, matchingPairs, type QuestionView } from '../../state/quiz-view.ts';
import { Mark } from './Feedback.tsx';
import { ICON, labelOf, type Q } from './text.ts';

export interface BodyProps {
  quizId: string;
  q: Q;
  view: QuestionView;
  /** Input name and id prefix, unique on the page. */
  name: string;
  showFeedback: boolean;
  set: (next: QuestionResponse) => void;
  onAnnounce: (text: string) => void;
  onFocus: (id: string) => void;
}

/** Ordering: move up / move down buttons, no dragging. */
export function OrderBody({ quizId, q, view, name, set, onAnnounce, onFocus }: BodyProps) {
  const { response, locked } = view;
  const moveItem = (id: string, delta: number) => {
    const next = [...latestResponse(quizId, q)];
    const index = next.indexOf(id);
    const to = index + delta;
    if (locked || index < 0 || to < 0 || to >= next.length) return;
    [next[index], next[to]] = [next[to] as string, id];
    set(next);
    onAnnounce(tq('quiz.moved', { item: labelOf(q, id), n: to + 1 }));
    onFocus(`${name}-${id}-${delta < 0 ? 'up' : 'down'}`);
  };
  return (
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
            <span class="quiz-order-text" lang="zh-CN">{text}</span>
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
}

/** Matching: one select per left item. */
export function MatchBody({ quizId, q, view, name, showFeedback, set }: BodyProps) {
  if (q.type !== 'matching') return null;
  const pairs = matchingPairs(view.response);
  const choose = (leftId: string, rightId: string) => {
    const next = matchingPairs(latestResponse(quizId, q));
    if (rightId) next.set(leftId, rightId);
    else next.delete(leftId);
    set(q.left.flatMap((l) => (next.has(l.id) ? [`${l.id}:${next.get(l.id)}`] : [])));
  };
  return (
    <div class="quiz-match">
      {view.leftIds.map((leftId) => {
        const left = q.left.find((l) => l.id === leftId);
        if (!left) return null;
        const id = `${name}-${leftId}`;
        const chosen = pairs.get(leftId) ?? '';
        const right = chosen === left.match;
        return (
          <div key={leftId} class="quiz-match-row">
            <label for={id} lang="zh-CN">{left.text}</label>
            <select id={id} value={chosen} disabled={view.locked} onChange={(e) => choose(leftId, (e.currentTarget as HTMLSelectElement).value)}>
              <option value="">{tq('quiz.choose')}</option>
              {view.optionIds.map((rightId) => (
                <option key={rightId} value={rightId} lang="zh-CN">
                  {labelOf(q, rightId)}
                </option>
              ))}
            </select>
            {showFeedback && (
              <span class="quiz-mark" data-mark={right ? 'right' : 'wrong'}>
                <span aria-hidden="true">{right ? ICON.correct : ICON.incorrect} </span>
                {right ? tq('quiz.verdict.correct') : `${tq('quiz.rightAnswer')}${tq('quiz.colon')}${labelOf(q, left.match)}`}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** Single choice, true/false and best reply (radios), multiple response (checkboxes). */
export function ChoiceBody({ quizId, q, view, name, showFeedback, set }: BodyProps) {
  const multiple = q.type === 'multiple-response';
  const toggle = (id: string, on: boolean) => {
    if (q.type !== 'multiple-response') return set([id]);
    const chosen = new Set(latestResponse(quizId, q));
    if (on) chosen.add(id);
    else chosen.delete(id);
    // Authored order: a response is a set, and a stable order keeps LMS reports comparable.
    set(q.options.map((o) => o.id).filter((o) => chosen.has(o)));
  };
  return (
    <div class="quiz-options">
      {view.optionIds.map((id) => {
        const chosen = view.response.includes(id);
        return (
          <label key={id} class="quiz-option" data-chosen={chosen ? 'true' : undefined}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              value={id}
              checked={chosen}
              disabled={view.locked}
              onChange={(e) => toggle(id, (e.currentTarget as HTMLInputElement).checked)}
            />
            <span class="quiz-option-text" lang={q.type === 'true-false' ? undefined : 'zh-CN'}>{labelOf(q, id)}</span>
            {showFeedback && <Mark q={q} id={id} chosen={chosen} />}
          </label>
        );
      })}
    </div>
  );
}
