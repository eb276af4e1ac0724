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
import { $course } from '../state/course.ts';

let words: Readonly<Record<string, string>> | null = null;
let applied: UiLanguage = 'zh-CN';

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
}

async function apply(): Promise<void> {
  const language = wanted();
  if (language === 'en' && !words) {
    words = (await import('../i18n/en.words.ts')).englishWords;
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
    // The shell (src/islands/shell.ts), the LMS status views and the certificate read their words
    // from the page when they render: the same data in new objects has each render again. (The
    // shell's page budget has no room for a listener of its own.)
    $course.set({ ...$course.get() });
    $lmsStatus.set({ ...$lmsStatus.get() });
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
