/**
 * Controls the tool bodies share: a text and a number field that keep what the learner is typing
 * while the saved (bounded, trimmed) value moves on underneath, the row buttons (move up/down,
 * remove), and focus kept in a sensible place after a row is added, removed or moved.
 */
import type { InputHTMLAttributes } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { tu } from '../../i18n/zh-CN.tool-ui.ts';
import { textLang } from './words.tsx';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onInput' | 'onChange' | 'type'>;

/**
 * A text input whose every keystroke is saved (`commit`), but which shows the learner's own
 * keystrokes while focused (the saved label is trimmed and bounded: a space typed between two
 * words must not vanish). On leaving the field it shows the saved value, e.g. cut to 200 characters.
 * Its text (a preset line, the learner's words) is marked with its language (`textLang`).
 */
export function TextField({ value, commit, ...rest }: InputProps & { value: string; commit: (text: string) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      {...rest}
      type="text"
      value={draft ?? value}
      lang={textLang(draft ?? value)}
      onInput={(e) => {
        const text = (e.currentTarget as HTMLInputElement).value;
        setDraft(text);
        commit(text);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}

/** A number input saved while typing whenever what is typed is a number ("1." stays on screen until it is "1.5"). */
export function NumberField({ value, commit, ...rest }: InputProps & { value: number; commit: (n: number) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      {...rest}
      type="number"
      value={draft ?? String(value)}
      onInput={(e) => {
        const text = (e.currentTarget as HTMLInputElement).value;
        setDraft(text);
        const n = Number(text);
        if (text.trim() !== '' && Number.isFinite(n)) commit(n);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}

/**
 * Focus to move once the change has rendered: `request(selector)` names the element (inside `root`) that
 * should have focus once the list has re-rendered (the new row's first field, the next row after
 * a removal, the same button after a move).
 */
export function useFocusAfterRender(root: { current: HTMLElement | null }, data: unknown) {
  const wanted = useRef<{ selectors: string[]; renders: number } | null>(null);
  // Once the changed data has rendered (the store re-renders the island on a timer, so not at
  // once, and an earlier edit's render may come first: a few data renders are tried).
  useEffect(() => {
    const request = wanted.current;
    if (!request) return;
    for (const selector of request.selectors) {
      const el = root.current?.querySelector<HTMLElement>(selector);
      if (el && !(el as HTMLButtonElement).disabled) {
        wanted.current = null;
        el.focus();
        return;
      }
    }
    if (++request.renders >= 3) wanted.current = null;
  }, [data]);
  /** The first of `selectors` that exists and is enabled gets focus once the changed data has rendered. */
  return (...selectors: string[]) => {
    wanted.current = { selectors, renders: 0 };
  };
}

/** Move up / move down / remove buttons of one row (their names say which row: "上移：第 2 行"). */
export function RowActions({ index, count, name, onMove, onRemove }: { index: number; count: number; name: string; onMove: (direction: 'up' | 'down') => void; onRemove: () => void }) {
  return (
    <div class="tool-row-actions" role="group" aria-label={name}>
      <button type="button" data-move="up" disabled={index === 0} aria-label={tu('tool.rowAction', { action: tu('tool.moveUp'), row: name })} onClick={() => onMove('up')}>
        <span aria-hidden="true">↑</span>
      </button>
      <button type="button" data-move="down" disabled={index === count - 1} aria-label={tu('tool.rowAction', { action: tu('tool.moveDown'), row: name })} onClick={() => onMove('down')}>
        <span aria-hidden="true">↓</span>
      </button>
      <button type="button" data-remove aria-label={tu('tool.rowAction', { action: tu('tool.remove'), row: name })} onClick={onRemove}>
        {tu('tool.remove')}
      </button>
    </div>
  );
}
