/**
 * Small pieces the S04/S06 tool bodies share: a text field that commits on change (so typing a
 * space is never trimmed away mid-word by the engine's bounding), the focus-after-render hook
 * (a moved row keeps the focus on the button pressed), and the polite live region.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { tu } from '../../i18n/zh-CN.tool-ui.ts';
import { TOOL_ROWS_MAX } from '../../schemas/tool-constants.ts';
import { textLang } from './words.tsx';

/** A text input that hands its value on when the learner commits it (change: Tab away or Enter); its text is marked with its language. */
export function TextField(props: { id: string; value: string; onCommit: (text: string) => void; label?: string; labelledBy?: string; focusKey?: string; class?: string }) {
  return (
    <input
      type="text"
      id={props.id}
      class={props.class ?? 'tool-text'}
      value={props.value}
      lang={textLang(props.value)}
      aria-label={props.label}
      aria-labelledby={props.labelledBy}
      data-focus={props.focusKey}
      onChange={(e) => props.onCommit((e.currentTarget as HTMLInputElement).value)}
    />
  );
}

/**
 * Focus management across re-renders: `focusLater(key)` focuses the element marked
 * `data-focus={key}` inside `root` right after the next render (a row moved to another list is a
 * new element, so the focus would otherwise fall to the page).
 */
export function useFocusAfterRender<T extends HTMLElement>() {
  const root = useRef<T>(null);
  const pending = useRef<{ keys: string[]; renders: number } | null>(null);
  const [, rerender] = useState(0);
  useLayoutEffect(() => {
    const want = pending.current;
    if (!want) return;
    for (const key of want.keys) {
      const el = root.current?.querySelector<HTMLElement>(`[data-focus="${key}"]`);
      if (el) {
        pending.current = null;
        el.focus();
        return;
      }
    }
    // The saved data reaches this body through the frame's store, possibly a render later: keep
    // waiting for a few renders, then give up (never steal the focus later).
    want.renders += 1;
    if (want.renders > 4) pending.current = null;
  });
  /** Focus the first of `keys` that exists after the next render. */
  const focusLater = (...keys: string[]) => {
    pending.current = { keys, renders: 0 };
    rerender((n) => n + 1);
  };
  return { root, focusLater };
}

/** The polite status line a body announces its changes in. */
export function Live({ text }: { text: string }): JSX.Element {
  return (
    <p class="tool-live" role="status" aria-live="polite" data-body-live>
      {text}
    </p>
  );
}

/**
 * The body's view of its data, always the latest: the frame's store re-renders the frame a tick
 * after a save (@nanostores/preact batches with a timeout), so two quick changes (two answers in a
 * row by keyboard) would otherwise both start from the same old data and the first would be lost.
 * `set` here updates this copy at once (and re-renders the body), then saves through the frame;
 * new data from the frame (a preset loaded, another tab) replaces the copy.
 */
export function useLatest<D>(data: D, save: (next: D) => void): [D, (next: D) => void] {
  const fromProps = useRef(data);
  const latest = useRef(data);
  const [, rerender] = useState(0);
  if (fromProps.current !== data) {
    fromProps.current = data;
    latest.current = data;
  }
  const set = (next: D) => {
    latest.current = next;
    save(next);
    rerender((n) => n + 1);
  };
  return [latest.current, set];
}

/**
 * The bar that adds a row (a blueprint activity, an impact card, a roadmap action): the text box
 * (Enter in it adds like the button, so the whole tool works from the keyboard), any further
 * fields of the new row (`children`), the add button, and a note once the tool holds its most rows.
 */
export function AddRowBar(props: {
  id: string;
  label: string;
  focusKey: string;
  value: string;
  onInput: (text: string) => void;
  onAdd: () => void;
  addLabel: string;
  rows: number;
  class?: string;
  children?: ComponentChildren;
}): JSX.Element {
  return (
    <>
      <div class={props.class ? `tool-add ${props.class}` : 'tool-add'}>
        <label class="tool-field tool-field-wide" for={props.id}>
          <span>{props.label}</span>
          <input
            type="text"
            id={props.id}
            class="tool-text"
            data-focus={props.focusKey}
            value={props.value}
            lang={textLang(props.value)}
            onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                props.onAdd();
              }
            }}
          />
        </label>
        {props.children}
        <button type="button" class="button secondary" onClick={props.onAdd}>
          {props.addLabel}
        </button>
      </div>
      {props.rows >= TOOL_ROWS_MAX && <p class="tool-note">{tu('tool.pl.full', { max: TOOL_ROWS_MAX })}</p>}
    </>
  );
}
