/** Shared helpers of the role-play components: UI text and heading levels. */
import { createContext, h, type ComponentChildren } from 'preact';
import { word } from '../../i18n/active.ts';
import { fillNodes } from '../fill-nodes.ts';
import { roleplayUi, tr, type RoleplayUiKey } from '../../i18n/zh-CN.roleplay.ts';

export const t = tr;
export const moodWord = (band: number) => t(`roleplay.mood.${band}` as RoleplayUiKey);
export const delta = (n: number) => (n > 0 ? t('roleplay.up', { n }) : n < 0 ? t('roleplay.down', { n: -n }) : t('roleplay.same'));
export const outcomeText = (outcome: string) => t(`roleplay.outcome.${outcome}` as RoleplayUiKey);
export const dimText = (d: string) => t(`roleplay.dim.${d}` as RoleplayUiKey);
export const stepText = (s: string) => t(`roleplay.step.${s}` as RoleplayUiKey);
export const criticalText = (kind: string) => t(`roleplay.critical.${kind}` as RoleplayUiKey);

/** Heading tags below the role-play's title: sections, then subsections of the end screen. */
export const Levels = createContext({ H: 'h3' as 'h2' | 'h3', HH: 'h4' as 'h3' | 'h4' });

/**
 * A dictionary word whose `{placeholders}` hold course text (a scenario title, a persona's name,
 * a tone): each value is marked `lang="zh-CN"`, so under an English interface a screen reader
 * reads "Role-play: <title>" with the title in Chinese.
 */
export function withCourseText(key: RoleplayUiKey, values: Readonly<Record<string, string>>): ComponentChildren {
  const marked = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, h('span', { lang: 'zh-CN' }, value)]));
  return fillNodes(word(key, roleplayUi[key]), marked);
}
