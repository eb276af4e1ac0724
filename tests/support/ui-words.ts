/**
 * The interface's words in each language, for e2e assertions (never literal UI strings): the
 * dictionaries themselves, with a lookup per language, and a pattern for a template whose
 * placeholders the page fills (any value).
 */
import { fill, type Vars } from '../../src/i18n/format.ts';
import { englishWords } from '../../src/i18n/en.words.ts';
import { lmsUi } from '../../src/i18n/zh-CN.lms.ts';
import { persistenceUi } from '../../src/i18n/zh-CN.persistence.ts';
import { quizUi } from '../../src/i18n/zh-CN.quiz.ts';
import { roleplayUi } from '../../src/i18n/zh-CN.roleplay.ts';
import { selfUi } from '../../src/i18n/zh-CN.self.ts';
import { ui } from '../../src/i18n/zh-CN.ts';

export const chineseWords: Readonly<Record<string, string>> = { ...ui, ...quizUi, ...roleplayUi, ...lmsUi, ...persistenceUi, ...selfUi };
export type AnyKey = keyof typeof chineseWords & string;

/** The word of `key` in `language`, placeholders filled. */
export function word(language: 'en' | 'zh-CN', key: string, vars: Vars = {}): string {
  const table = language === 'en' ? englishWords : chineseWords;
  const template = table[key];
  if (template === undefined) throw new Error(`no word "${key}" in ${language}`);
  return fill(template, vars);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern matching `key`'s word in `language` with any values in its placeholders. */
export function wordPattern(language: 'en' | 'zh-CN', key: string): RegExp {
  const template = (language === 'en' ? englishWords : chineseWords)[key] ?? '';
  return new RegExp(template.split(/\{\w+\}/).map(escape).join('.+?'));
}

export { fill };
