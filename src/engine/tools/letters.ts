import type { ToolId } from '../../schemas/tools.ts';

/**
 * Each tool's letter in the LMS summary (summary.ts, format 1): upper case when the tool is done,
 * lower case when started. Part of format 1: never change a letter.
 */
export const TOOL_LETTERS: Readonly<Record<ToolId, string>> = { painpoints: 'p', journey: 'j', sfmea: 'f', blueprint: 'b', selfcheck: 's', impact: 'i', roadmap: 'r' };

/**
 * Whether the summary string marks the tool as done. Format 1 writes its fields in lower-case
 * base-36 digits and its version as `1`, so an upper-case letter can only be a done tool's letter:
 * a substring test is exact (tested against the full decoder), and keeps the decoder out of the
 * page shell, which needs this for every lesson's status.
 */
export const toolDoneIn = (summary: string | undefined, tool: ToolId): boolean => summary?.includes(TOOL_LETTERS[tool].toUpperCase()) === true;
