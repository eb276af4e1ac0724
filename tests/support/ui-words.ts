/**
 * The interface's words in each language, for e2e assertions (never literal UI strings): the
 * dictionaries themselves, with a lookup per language, and a pattern for a template whose
 * placeholders the page fills (any value).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { fill, type Vars } from '../../src/i18n/format.ts';
import { englishWords } from '../../src/i18n/en.words.ts';
import { lmsUi } from '../../src/i18n/zh-CN.lms.ts';
import { persistenceUi } from '../../src/i18n/zh-CN.persistence.ts';
import { quizUi } from '../../src/i18n/zh-CN.quiz.ts';
import { roleplayUi } from '../../src/i18n/zh-CN.roleplay.ts';
import { selfUi } from '../../src/i18n/zh-CN.self.ts';
import { toolUi } from '../../src/i18n/zh-CN.tool-ui.ts';
import { toolExamples, toolsUi } from '../../src/i18n/zh-CN.tools.ts';
import { ui } from '../../src/i18n/zh-CN.ts';

/** The Chinese words (with the tools' preset examples, course text that has no English). */
export const chineseWords: Readonly<Record<string, string>> = { ...ui, ...quizUi, ...roleplayUi, ...lmsUi, ...persistenceUi, ...selfUi, ...toolUi, ...toolsUi, ...toolExamples };
export type AnyKey = keyof typeof chineseWords & string;

/** The word of `key` in `language`, placeholders filled. */
export function word(language: 'en' | 'zh-CN', key: string, vars: Vars = {}): string {
  const table = language === 'en' ? englishWords : chineseWords;
  const template = table[key];
  if (template === undefined) throw new Error(`no word "${key}" in ${language}`);
  return fill(template, vars);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern matching `key`'s word in `language`: placeholders in `vars` filled, any others any value. */
export function wordPattern(language: 'en' | 'zh-CN', key: string, vars: Vars = {}): RegExp {
  const template = (language === 'en' ? englishWords : chineseWords)[key];
  if (template === undefined) throw new Error(`no word "${key}" in ${language}`);
  const parts = template.split(/(\{\w+\})/);
  return new RegExp(parts.map((part) => (/^\{\w+\}$/.test(part) ? (part.slice(1, -1) in vars ? escape(String(vars[part.slice(1, -1)])) : '.+?') : escape(part))).join(''));
}

/** A Chinese interface word (the default language of the course and of the e2e browser). */
export const zh = (key: string, vars: Vars = {}) => word('zh-CN', key, vars);
/** Its pattern, as `wordPattern`. */
export const zhPattern = (key: string, vars: Vars = {}) => wordPattern('zh-CN', key, vars);
/** Any of these words, as one pattern. */
export const anyOf = (...patterns: RegExp[]) => new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'));

/** A lesson's frontmatter (title, summary…), read from content/lessons: course text is never copied into tests. */
export function lessonData(id: string): { title: string; summary: string } {
  return parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(`content/lessons/${id}.mdx`, 'utf8'))?.[1] ?? '') as { title: string; summary: string };
}

export { fill };
