/**
 * The interface language in the browser (issue 18 point 7). The islands' dictionaries look words
 * up through `activeLookup`, so when src/islands/language.ts switches to English (after loading
 * the English tables, which Chinese learners never download) every island reads English, and the
 * islands that subscribe to `$uiLanguage` re-render. Lesson text is never looked up here.
 */
import { atom } from 'nanostores';
import { fill, type Vars } from './format.ts';
import type { UiLanguage } from './ui-language.ts';

export const $uiLanguage = atom<UiLanguage>('zh-CN');

/** The English words of every dictionary the pages use, merged (keys are unique across them). */
const english: Record<string, string> = {};

/** Makes English words available; `$uiLanguage` decides whether they are used. */
export function addEnglish(table: Readonly<Record<string, string>>): void {
  Object.assign(english, table);
}

/** The word of a key in the active language (zh-CN when the English word is not loaded). */
export function word(key: string, zh: string): string {
  return ($uiLanguage.get() === 'en' ? english[key] : undefined) ?? zh;
}

/** Like format.ts `lookup`, in the active language. */
export function activeLookup<K extends string>(table: Readonly<Record<K, string>>, missing?: string): (key: K, vars?: Vars) => string {
  return (key, vars = {}) => fill(word(key, table[key]), vars, missing);
}
