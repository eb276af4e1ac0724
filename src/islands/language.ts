/**
 * The interface language on a page (issue 18 point 7). Imported by the shell right after each
 * page opens, so a Chinese learner's page loads no part of it at first paint, and never the
 * English words: those come in ../i18n/en.words.ts, imported only when the interface is English.
 *
 * The LMS's language preference decides, then the browser's languages (src/i18n/ui-language.ts).
 * Until the LMS has answered, the choice remembered on this device stands, so an English page
 * switches at once. Switching rewrites the words Astro rendered (src/i18n/dom.ts), sets
 * `<html lang>`, and has every island and shell view read the active words again; course text
 * is marked `lang="zh-CN"` where it is rendered and is never touched.
 */
import { $uiLanguage, addEnglish } from '../i18n/active.ts';
import { translate } from '../i18n/dom.ts';
import { chooseUiLanguage, rememberedLanguage, UI_LANGUAGE_KEY, type UiLanguage } from '../i18n/ui-language.ts';
import { $lmsStatus } from '../lms/status.ts';
import { browserStorage } from '../persistence/browser-storage.ts';

let words: Readonly<Record<string, string>> | null = null;
let applied: UiLanguage = 'zh-CN';
const switchedListeners = new Set<() => void>();

/**
 * The shell writes words from the page into the page itself: it renders again after a switch.
 * (Preact islands follow `$uiLanguage`; the LMS status views and the certificate are told through
 * `$lmsStatus`, below.)
 */
export function onLanguageSwitched(listener: () => void): void {
  switchedListeners.add(listener);
}

function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
}

function remembered(): UiLanguage | null {
  try {
    return rememberedLanguage(browserStorage()?.getItem(UI_LANGUAGE_KEY));
  } catch {
    return null;
  }
}

function wanted(): UiLanguage {
  const status = $lmsStatus.get();
  if (status.kind === 'connecting') return remembered() ?? chooseUiLanguage('', browserLanguages());
  return chooseUiLanguage(status.preferences.language, browserLanguages());
}

function write(document: Document, language: UiLanguage): void {
  // A page that was never English is already right as rendered.
  if (words) translate(document, language === 'en' ? words : null);
  document.documentElement.lang = language;
  // The words hidden before the first paint (src/components/shell/FirstPaintScript.astro) are right now.
  delete document.documentElement.dataset.uiPending;
}

async function apply(): Promise<void> {
  const language = wanted();
  if (language === 'en' && !words) {
    try {
      words = (await import('../i18n/en.words.ts')).englishWords;
    } catch {
      // The English words did not load (offline, say): the page stays as rendered, in Chinese.
      write(document, 'zh-CN');
      return;
    }
    addEnglish(words);
    if (wanted() !== 'en') return;
  }
  const changed = language !== applied;
  applied = language;
  write(document, language);
  $uiLanguage.set(language);
  if ($lmsStatus.get().kind !== 'connecting') {
    try {
      browserStorage()?.setItem(UI_LANGUAGE_KEY, language);
    } catch {
      // Private mode or full storage: the next page decides again, a moment later.
    }
  }
  if (changed) {
    for (const listener of switchedListeners) listener();
    // The views that follow the LMS status (its indicator on every page, the certificate) write
    // words from the page too: the same status, announced again, has them write them anew. (The
    // indicator's page budget has no room for a listener of its own.)
    $lmsStatus.notify();
  }
}

// Imported by the shell on a page load: decide now, and again on every later page.
void apply();
document.addEventListener('astro:page-load', () => void apply());

let decided = $lmsStatus.get().kind;
$lmsStatus.listen((status) => {
  // Only the LMS's first answer (and a language it sets) can change the choice.
  if (status.kind === decided && wanted() === applied) return;
  decided = status.kind;
  void apply();
});

// A ClientRouter navigation: the next page arrives in Chinese; rewrite it before it is shown.
document.addEventListener('astro:before-swap', (event) => {
  if (applied === 'en' && words) write((event as Event & { newDocument: Document }).newDocument, 'en');
});
