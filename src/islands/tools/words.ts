/**
 * The engine's words (zh-CN.tools.ts: scale descriptors, column headings, preset lines) looked up
 * in the active interface language: Chinese until English words exist for them (the preset lines
 * are course text and stay Chinese). Preset lines go through `toolWord` (the key itself when missing).
 */
import { activeLookup } from '../../i18n/active.ts';
import { toolsUi } from '../../i18n/zh-CN.tools.ts';

export const tw = activeLookup(toolsUi);
export { toolWord } from '../../i18n/zh-CN.tools.ts';
