/**
 * The seven Part 8 tools, in summary order (src/engine/tools/summary.ts). Never reorder: the LMS
 * summary depends on it. Plain data without zod, so the LMS runtime and the page shell can read
 * the summary without carrying the schema library; src/schemas/tools.ts builds its enum from it.
 */
export const TOOL_IDS = ['painpoints', 'journey', 'sfmea', 'blueprint', 'selfcheck', 'impact', 'roadmap'] as const;
