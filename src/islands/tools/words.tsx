/**
 * The words of the tool islands' engine and the language of the text they show.
 * - Interface words (zh-CN.tools.ts `toolsUi`: scale descriptors, column and CSV headings, layer,
 *   stage, phase, quadrant and band names, notes) in the active interface language (`tw`); an island
 *   calls `useUiLanguage()` so that it renders again when the language changes.
 * - Text the interface did not write (a preset's title and lines: course text, zh-CN only, from
 *   `exampleWord`; the learner's own words; a self-check checkpoint) is marked with its language
 *   (`textLang`, `<Text>`), so an English page says where Chinese is.
 */
import { useStore } from '@nanostores/preact';
import { $uiLanguage, activeLookup } from '../../i18n/active.ts';
import type { UiLanguage } from '../../i18n/ui-language.ts';
import { toolsUi } from '../../i18n/zh-CN.tools.ts';

export const tw = activeLookup(toolsUi);
export { fillNodes } from '../fill-nodes.ts';
export { exampleWord } from '../../i18n/zh-CN.tools.ts';

/** Subscribes the calling island to the interface language (it renders again when it changes). */
export const useUiLanguage = () => useStore($uiLanguage);

const HAN = /\p{Script=Han}/u;
/**
 * The `lang` of text from outside the dictionaries: zh-CN when it holds Chinese characters;
 * otherwise the interface's language, said explicitly (an attribute Preact takes away on a later
 * render is left behind as lang="", "unknown language").
 */
export const textLang = (text: string): UiLanguage => (HAN.test(text) ? 'zh-CN' : $uiLanguage.get());

/** Text from outside the dictionaries (a preset line, a learner's label), marked with its language. */
export function Text({ value }: { value: string }) {
  return <span lang={textLang(value)}>{value}</span>;
}
