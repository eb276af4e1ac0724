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

/** The lesson a tool belongs to by the course outline (names the CSV file when no lesson names the tool). */
export const TOOL_HOME_LESSON: Record<ToolId, string> = {
  painpoints: 'S01',
  journey: 'S02',
  sfmea: 'S03',
  blueprint: 'S04',
  selfcheck: 'S06',
  impact: 'S06',
  roadmap: 'S06',
};
