import type { ToolUiKey } from '../../i18n/zh-CN.tool-ui.ts';
import type { ToolId } from '../../schemas/tools.ts';

/**
 * The tools that have an island (src/components/tools/ToolActivity.astro renders them), in
 * course order. The standalone pages `tool-<id>.html` (src/pages/tool-[tool].astro) list these.
 * Each helper appends its tools on its own line.
 */
export const TOOLS_WITH_ISLANDS: readonly ToolId[] = [
  // S01–S03 (Helper A)
  'painpoints',
  'journey',
  'sfmea',
  // S04, S06 (Helper B)
  'blueprint', 'selfcheck', 'impact', 'roadmap',
];

/** Each tool's title word (its entry in a lesson's section index, its page). */
export const TOOL_TITLE_KEYS = {
  painpoints: 'tool.pain.title',
  journey: 'tool.journey.title',
  sfmea: 'tool.sfmea.title',
  blueprint: 'tool.bp.title',
  selfcheck: 'tool.sc.title',
  impact: 'tool.ie.title',
  roadmap: 'tool.rm.title',
} as const satisfies Record<ToolId, ToolUiKey>;
