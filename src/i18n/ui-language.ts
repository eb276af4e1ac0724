/**
 * Which language the interface speaks (issue 18 point 7). Only the interface: lesson text,
 * questions, role-play lines, glossary and cases are zh-CN whatever this says.
 *
 * The LMS's learner preference wins when it names English or Chinese; otherwise the browser's
 * languages decide (the first English or Chinese entry); otherwise Chinese.
 */
export const UI_LANGUAGES = ['zh-CN', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Where the choice is remembered per device, so the next page can switch at once. */
export const UI_LANGUAGE_KEY = 'spc-ui:language';

/** The interface language a language code asks for, or null when it names neither. */
export function languageOf(code: string | null | undefined): UiLanguage | null {
  const value = (code ?? '').trim().toLowerCase();
  if (/^en(-|$)/.test(value)) return 'en';
  if (/^zh(-|$)/.test(value)) return 'zh-CN';
  return null;
}

export function chooseUiLanguage(lmsLanguage: string | null | undefined, browserLanguages: readonly string[] = []): UiLanguage {
  const fromLms = languageOf(lmsLanguage);
  if (fromLms) return fromLms;
  for (const code of browserLanguages) {
    const fromBrowser = languageOf(code);
    if (fromBrowser) return fromBrowser;
  }
  return 'zh-CN';
}

/** A remembered choice read back from storage: only a known language counts. */
export function rememberedLanguage(value: string | null | undefined): UiLanguage | null {
  return (UI_LANGUAGES as readonly string[]).includes(value ?? '') ? (value as UiLanguage) : null;
}
