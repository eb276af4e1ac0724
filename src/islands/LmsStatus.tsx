import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { tl } from '../i18n/zh-CN.lms.ts';
import { $lmsStatus, initialLmsStatus } from '../lms/status.ts';
import { finishSession } from '../state/persistence.ts';
import './LmsStatus.css';

/**
 * Header indicator of where progress is saved (discreet), a polite non-blocking banner when
 * the LMS stops accepting commits, a one-time notice when stored data was unreadable, and the
 * Exit button that ends the LMS session once.
 */
export default function LmsStatus() {
  const live = useStore($lmsStatus);
  // Preact's hydration keeps server-rendered attributes as they are, so the first client render
  // must match the server's ("connecting"); the real status follows right after mounting.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const status = mounted ? live : initialLmsStatus;
  const [noticeDismissed, setNoticeDismissed] = useState(false);
  const inLms = status.kind === 'scorm12' || status.kind === 'scorm2004';
  const version = status.kind === 'scorm2004' ? 'SCORM 2004' : 'SCORM 1.2';

  let label: string = tl('lms.mode.connecting');
  let hint = '';
  if (status.lmsUnavailable) {
    label = tl('lms.mode.unavailable');
    hint = tl('lms.mode.unavailableHint');
  } else if (status.kind === 'standalone') {
    label = tl('lms.mode.standalone');
    hint = tl('lms.mode.standaloneHint');
  } else if (inLms) {
    label = tl(status.kind === 'scorm2004' ? 'lms.mode.scorm2004' : 'lms.mode.scorm12');
    hint = tl('lms.mode.lmsHint', { version });
  }

  let banner = '';
  if (status.finished && inLms) banner = tl('lms.exit.done');
  else if (status.commitFailing) banner = tl('lms.banner.commitFailing');
  else if (status.lmsUnavailable) banner = tl('lms.banner.unavailable');

  const notice = status.corruptData ? tl('lms.notice.corrupt') : status.recovered ? tl('lms.notice.recovered') : '';

  return (
    <div class="lms-status" data-lms-kind={status.kind}>
      <span class="lms-mode" data-testid="lms-mode" title={hint}>
        <span class="lms-dot" aria-hidden="true" data-state={inLms && !status.commitFailing ? 'ok' : 'local'} />
        <span class="lms-mode-text">{label}</span>
        {hint && <span class="visually-hidden">{hint}</span>}
      </span>
      {inLms && !status.finished && (
        <button type="button" class="lms-exit" data-testid="lms-exit" onClick={() => finishSession()}>
          {tl('lms.exit')}
        </button>
      )}
      {/* The live regions always exist so screen readers announce changes to their content. */}
      <div class="lms-toasts">
        <div role="status" aria-live="polite" class="lms-region">
          {banner && (
            <p class="lms-banner" data-testid="lms-banner">
              {banner}
            </p>
          )}
        </div>
        <div role="status" aria-live="polite" class="lms-region">
          {notice && !noticeDismissed && (
            <p class="lms-notice" data-testid="lms-notice">
              <span>{notice}</span>
              <button type="button" class="lms-dismiss" onClick={() => setNoticeDismissed(true)}>
                {tl('lms.notice.dismiss')}
              </button>
            </p>
          )}
          {status.interactionsOff && !noticeDismissed && inLms && (
            <p class="lms-notice" data-testid="lms-interactions-off">
              <span>{tl('lms.interactionsOff')}</span>
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
