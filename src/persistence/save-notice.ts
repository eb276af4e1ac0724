/**
 * What the learner may be told about where their progress is, derived only from facts (issue 9
 * item 6: never "saved in this browser" when the browser cannot save). The LMS status banner
 * shows the text of the notice this returns; no notice means nothing needs saying.
 */
import { tp, type PersistenceUiKey } from '../i18n/zh-CN.persistence.ts';

export interface SaveFacts {
  /** Runtime: an LMS session, an LMS that refused the session (no learner known), or none at all. */
  mode: 'lms' | 'no-session' | 'standalone';
  /** Whether writing to the browser copy works (localStorage present and accepting writes). */
  browserStorage: boolean;
  /** Whether the last commit to the LMS succeeded (ignored outside an LMS session). */
  lastCommitOk: boolean;
  /** Time (ms) of the oldest change not yet kept anywhere, or null when everything is kept. */
  unsavedSince: number | null;
  /** Current time (ms), for "the last N minutes". */
  now: number;
}

export interface SaveNotice {
  key: PersistenceUiKey;
  vars: Record<string, number>;
  /** Urgent when work would be lost by closing the window. */
  urgent: boolean;
}

/** The one true thing to tell the learner, or null when their progress is kept and nothing is wrong. */
export function saveNotice(facts: SaveFacts): SaveNotice | null {
  const notice = (key: PersistenceUiKey, urgent: boolean, vars: Record<string, number> = {}): SaveNotice => ({ key, vars, urgent });
  switch (facts.mode) {
    case 'lms': {
      if (facts.lastCommitOk) return null;
      if (facts.browserStorage) return notice('save.lmsFailing.browserKeeps', false);
      if (facts.unsavedSince === null) return notice('save.lmsFailing.nothingKeeps', true);
      const minutes = Math.max(1, Math.ceil((facts.now - facts.unsavedSince) / 60_000));
      return notice('save.lmsFailing.nothingKeepsFor', true, { minutes });
    }
    case 'no-session':
      return facts.browserStorage ? notice('save.noSession.browserKeeps', false) : notice('save.noSession.nothingKeeps', true);
    case 'standalone':
      return facts.browserStorage ? null : notice('save.standalone.nothingKeeps', true);
  }
}

/**
 * The attribute of the LMS banner (src/components/shell/LmsNotices.astro) that carries a notice's
 * words, so the browser reads them from the page instead of shipping the dictionary in JavaScript.
 */
export function noticeAttribute(key: PersistenceUiKey): string {
  return `data-${key.replaceAll('.', '-').toLowerCase()}`;
}

/** The notice's text (zh-CN), or null. */
export function saveNoticeText(facts: SaveFacts): string | null {
  const notice = saveNotice(facts);
  return notice ? tp(notice.key, notice.vars) : null;
}
