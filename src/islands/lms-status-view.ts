/**
 * Loaded by src/islands/lms-status.ts only once an LMS API was found (with the SCORM runtime), so
 * the standalone course and every page's first load do not carry it.
 *
 * Binds the server-rendered LMS status (src/components/shell/LmsStatus.astro) to `$lmsStatus`:
 * a discreet indicator of where progress is saved, a polite non-blocking banner when the LMS
 * stops accepting commits, a one-time notice about unreadable or recovered data, and the Exit
 * button that ends the LMS session once. Plain DOM code, like the rest of the shell, so pages
 * without a quiz or role-play load no framework.
 */
import { $lmsStatus, type LmsStatus } from '../lms/status.ts';
import { fill } from '../i18n/format.ts';
import { noticeAttribute, saveNotice, type SaveFacts } from '../persistence/save-notice.ts';
import { finishSession } from '../state/persistence.ts';

let noticeDismissed = false;
/** The learner pressed 退出课程: the course shows its final screen and nothing else. */
let exitedByButton = false;

function show(element: HTMLElement | null, text: string | null): void {
  if (!element) return;
  element.hidden = !text;
  if (text !== null && element.textContent !== text) element.textContent = text;
}

/** A save notice's words, read from the banner (server-rendered with every notice), or null. */
function saveNoticeWords(banner: HTMLElement | null, facts: SaveFacts): string | null {
  const notice = saveNotice(facts);
  return notice ? fill(banner?.getAttribute(noticeAttribute(notice.key)) ?? '', notice.vars, '') : null;
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
    // The words always say what the dot shows: exited, saving failed, no LMS, or connected.
    if (status.finished && inLms) {
      mode.textContent = m.exited ?? '';
      hint.textContent = h.exited ?? '';
    } else if (status.commitFailing && inLms) {
      mode.textContent = m.failing ?? '';
      hint.textContent = h.failing ?? '';
    } else if (status.lmsUnavailable) {
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
  if (dot) dot.dataset.state = !inLms || status.lmsUnavailable ? 'local' : status.finished ? 'off' : status.commitFailing ? 'failing' : 'ok';

  const exit = root.querySelector<HTMLButtonElement>('[data-lms-exit]');
  if (exit) exit.hidden = !(inLms && !status.finished);

  const banner = document.querySelector<HTMLElement>('[data-lms-banner]');
  const b = banner?.dataset ?? {};
  show(
    banner,
    status.finished && inLms
      ? (b.done ?? '')
      : status.commitFailing
        ? // Only what is true: a browser copy is claimed only when this browser can keep one.
          saveNoticeWords(banner, { mode: 'lms', browserStorage: status.browserCopy, lastCommitOk: false, unsavedSince: status.unsavedSince, now: Date.now() })
        : status.lmsUnavailable
          ? (saveNoticeWords(banner, { mode: 'no-session', browserStorage: status.browserCopy, lastCommitOk: false, unsavedSince: null, now: Date.now() }) ?? b.unavailable ?? '')
          : null,
  );

  const notice = document.querySelector<HTMLElement>('[data-lms-notice]');
  const noticeText = status.foreignData ? notice?.dataset.foreign : status.corruptData ? notice?.dataset.corrupt : status.recovered ? notice?.dataset.recovered : undefined;
  if (notice) {
    notice.hidden = !noticeText || noticeDismissed;
    const text = notice.querySelector('[data-lms-notice-text]');
    if (text && noticeText) text.textContent = noticeText;
  }
  const interactionsOff = document.querySelector<HTMLElement>('[data-lms-interactions-off]');
  if (interactionsOff) interactionsOff.hidden = !(status.interactionsOff && inLms && !noticeDismissed);
  const tooLong = document.querySelector<HTMLElement>('[data-lms-too-long]');
  if (tooLong) tooLong.hidden = !(status.suspendTooLong && inLms);

  // Exit means exit: a final screen, and the page behind it can no longer be used.
  const final = document.querySelector<HTMLElement>('[data-lms-final]');
  const closed = exitedByButton && status.finished;
  if (final && final.hidden === closed) {
    final.hidden = !closed;
    for (const part of document.querySelectorAll<HTMLElement>('body > :not([data-lms-final])')) part.inert = closed;
    if (closed) final.querySelector<HTMLElement>('h2')?.focus();
  }
}

function dismissNotice(): void {
  noticeDismissed = true;
  render($lmsStatus.get());
}

function bind(): void {
  const root = document.querySelector<HTMLElement>('[data-lms-status]');
  root?.querySelector('[data-lms-exit]')?.addEventListener('click', () => {
    exitedByButton = true;
    finishSession();
  });
  document.querySelector('[data-lms-dismiss]')?.addEventListener('click', dismissNotice);
  render($lmsStatus.get());
}

// Escape dismisses a notice from anywhere on the page (the 知道了 button works by keyboard too).
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || noticeDismissed) return;
  const notice = document.querySelector<HTMLElement>('[data-lms-notice]');
  if (notice && !notice.hidden) dismissNotice();
});

$lmsStatus.listen(render);
// Loaded after the first page load: bind now, then after every ClientRouter page swap.
bind();
document.addEventListener('astro:page-load', bind);
