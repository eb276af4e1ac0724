/**
 * Binds the server-rendered LMS status (src/components/shell/LmsStatus.astro) to `$lmsStatus`:
 * a discreet indicator of where progress is saved, a polite non-blocking banner when the LMS
 * stops accepting commits, a one-time notice about unreadable or recovered data, and the Exit
 * button that ends the LMS session once. Plain DOM code, like the rest of the shell, so pages
 * without a quiz or role-play load no framework.
 */
import { $lmsStatus, type LmsStatus } from '../lms/status.ts';
import { saveNoticeText } from '../persistence/save-notice.ts';
import { finishSession } from '../state/persistence.ts';

let noticeDismissed = false;

function show(element: HTMLElement | null, text: string | null): void {
  if (!element) return;
  element.hidden = !text;
  if (text !== null && element.textContent !== text) element.textContent = text;
}

function render(status: LmsStatus): void {
  const root = document.querySelector<HTMLElement>('[data-lms-status]');
  if (!root) return;
  const inLms = status.kind === 'scorm12' || status.kind === 'scorm2004';
  root.dataset.lmsKind = status.kind;

  const mode = root.querySelector<HTMLElement>('.lms-mode-text');
  const hint = root.querySelector<HTMLElement>('.lms-mode-hint');
  const dot = root.querySelector<HTMLElement>('.lms-dot');
  if (mode && hint) {
    const m = mode.dataset;
    const h = hint.dataset;
    if (status.lmsUnavailable) {
      mode.textContent = m.unavailable ?? '';
      hint.textContent = h.unavailable ?? '';
    } else if (status.kind === 'standalone') {
      mode.textContent = m.standalone ?? '';
      hint.textContent = h.standalone ?? '';
    } else if (inLms) {
      mode.textContent = m.lms ?? '';
      hint.textContent = (status.kind === 'scorm2004' ? h.scorm2004 : h.scorm12) ?? '';
    } else {
      mode.textContent = m.connecting ?? '';
      hint.textContent = '';
    }
    mode.parentElement?.setAttribute('title', hint.textContent);
  }
  if (dot) dot.dataset.state = inLms && !status.commitFailing ? 'ok' : 'local';

  const exit = root.querySelector<HTMLButtonElement>('[data-lms-exit]');
  if (exit) exit.hidden = !(inLms && !status.finished);

  const banner = root.querySelector<HTMLElement>('[data-lms-banner]');
  const b = banner?.dataset ?? {};
  show(
    banner,
    status.finished && inLms
      ? (b.done ?? '')
      : status.commitFailing
        ? // Only what is true: a browser copy is claimed only when this browser can keep one.
          saveNoticeText({ mode: 'lms', browserStorage: status.browserCopy, lastCommitOk: false, unsavedSince: status.unsavedSince, now: Date.now() })
        : status.lmsUnavailable
          ? (saveNoticeText({ mode: 'no-session', browserStorage: status.browserCopy, lastCommitOk: false, unsavedSince: null, now: Date.now() }) ?? b.unavailable ?? '')
          : null,
  );

  const notice = root.querySelector<HTMLElement>('[data-lms-notice]');
  const noticeText = status.foreignData ? notice?.dataset.foreign : status.corruptData ? notice?.dataset.corrupt : status.recovered ? notice?.dataset.recovered : undefined;
  if (notice) {
    notice.hidden = !noticeText || noticeDismissed;
    const text = notice.querySelector('[data-lms-notice-text]');
    if (text && noticeText) text.textContent = noticeText;
  }
  const interactionsOff = root.querySelector<HTMLElement>('[data-lms-interactions-off]');
  if (interactionsOff) interactionsOff.hidden = !(status.interactionsOff && inLms && !noticeDismissed);
  const tooLong = root.querySelector<HTMLElement>('[data-lms-too-long]');
  if (tooLong) tooLong.hidden = !(status.suspendTooLong && inLms);
}

function bind(): void {
  const root = document.querySelector<HTMLElement>('[data-lms-status]');
  root?.querySelector('[data-lms-exit]')?.addEventListener('click', () => finishSession());
  root?.querySelector('[data-lms-dismiss]')?.addEventListener('click', () => {
    noticeDismissed = true;
    render($lmsStatus.get());
  });
  render($lmsStatus.get());
}

$lmsStatus.listen(render);
// Fires on the first load and after every ClientRouter page swap.
document.addEventListener('astro:page-load', bind);
