/**
 * The LMS status indicator (src/components/shell/LmsStatus.astro) in the page shell. Outside an
 * LMS it only has to say "standalone", so that is all this module does; everything that matters
 * inside an LMS (connection states, save notices, recovered-data notice, Exit button and final
 * screen) lives in ./lms-status-view.ts, imported once an LMS runtime reports in.
 */
import { $lmsStatus, type LmsStatus } from '../lms/status.ts';

let view: Promise<unknown> | null = null;

function render(status: LmsStatus): void {
  if (status.kind === 'scorm12' || status.kind === 'scorm2004' || status.lmsUnavailable) {
    view ??= import('./lms-status-view.ts');
    return;
  }
  const root = document.querySelector<HTMLElement>('[data-lms-status]');
  const mode = root?.querySelector<HTMLElement>('.lms-mode-text');
  const hint = root?.querySelector<HTMLElement>('.lms-mode-hint');
  if (!root || !mode || !hint) return;
  // Until a runtime reports in, "connecting" (written again in case the language has switched).
  if (status.kind !== 'standalone') {
    mode.textContent = mode.dataset.connecting ?? '';
    return;
  }
  root.dataset.lmsKind = status.kind;
  mode.textContent = mode.dataset.standalone ?? '';
  hint.textContent = hint.dataset.standalone ?? '';
  mode.parentElement?.setAttribute('title', hint.textContent);
}

$lmsStatus.listen(render);
// Fires on the first load and after every ClientRouter page swap (the view binds itself once loaded).
document.addEventListener('astro:page-load', () => {
  if (!view) render($lmsStatus.get());
});
