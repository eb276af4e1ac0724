/**
 * Marks words Astro renders from a dictionary, so the page can switch its interface language in
 * the browser (src/i18n/dom.ts, src/islands/language.ts) without shipping a dictionary to
 * Chinese learners: `<a {...i18n('nav.next')}>{t('nav.next')}</a>`,
 * `<button {...i18nAttr({ 'aria-label': 'nav.toc' })}>`. Course text is never marked: it stays
 * zh-CN, and `zhCN()` marks it as such for screen readers under an English page.
 */
import type { LmsUiKey } from '../i18n/zh-CN.lms.ts';
import type { PersistenceUiKey } from '../i18n/zh-CN.persistence.ts';
import type { RoleplayUiKey } from '../i18n/zh-CN.roleplay.ts';
import type { UiKey } from '../i18n/zh-CN.ts';
import type { ToolUiKey } from '../i18n/zh-CN.tool-ui.ts';
import type { Vars } from '../i18n/format.ts';

export type AnyUiKey = UiKey | RoleplayUiKey | LmsUiKey | PersistenceUiKey | ToolUiKey;

/** The text of this element is the word of `key` (with `vars` filled in). */
export function i18n(key: AnyUiKey, vars?: Vars): Record<string, string> {
  return vars && Object.keys(vars).length ? { 'data-i18n': key, 'data-i18n-vars': JSON.stringify(vars) } : { 'data-i18n': key };
}

/** These attributes of this element are words (`data-*` templates included; `vars` by attribute name). */
export function i18nAttr(attributes: Record<string, AnyUiKey>, vars?: Record<string, Vars>): Record<string, string> {
  const marks = { 'data-i18n-attr': Object.entries(attributes).map(([name, key]) => `${name}:${key}`).join(';') };
  return vars ? { ...marks, 'data-i18n-attr-vars': JSON.stringify(vars) } : marks;
}

/** Both: the element's text and some of its attributes are words. */
export function i18nBoth(key: AnyUiKey, attributes: Record<string, AnyUiKey>, vars?: Vars): Record<string, string> {
  return { ...i18n(key, vars), ...i18nAttr(attributes) };
}

/**
 * Course content (lesson text, titles, questions, lines): always Chinese. A new object each time:
 * Astro adds a component's scoped class to the object it spreads, so one shared object gathered
 * every component's class and carried them onto every later element (index.html grew by 588 KB).
 */
export function zhCN(): { lang: 'zh-CN' } {
  return { lang: 'zh-CN' };
}
