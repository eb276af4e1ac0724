/**
 * The compact summary of the Part 8 tools for the LMS (see the storage decision in index.ts):
 * per tool a done flag and one or a few headline numbers, a few ASCII characters each, so that
 * all seven tools together stay within SUMMARY_MAX_CHARS however large their data is.
 *
 * Format 1: `1` then, in tool order (toolIdSchema), one entry per tool that has a summary: its
 * letter (upper case = done, lower case = started) and its fields, each a fixed number of
 * base-36 digits (0-9a-z). Fixed widths need no separators. The all-`z` value of a field means
 * "none" (null); larger numbers are capped one below it. The decoder never throws: it returns
 * what it could read and a problem list.
 */
import { TOOL_IDS } from '../../schemas/tool-constants.ts';
import type { ToolId } from '../../schemas/tools.ts';

export const SUMMARY_VERSION = '1';
/** The most characters the summaries of all seven tools take together (size-bound test). */
export const SUMMARY_MAX_CHARS = 60;

const LETTERS: Record<ToolId, string> = { painpoints: 'p', journey: 'j', sfmea: 'f', blueprint: 'b', selfcheck: 's', impact: 'i', roadmap: 'r' };

/**
 * The fields of each tool's summary and their widths in base-36 digits (w digits hold 0 … 36^w − 2).
 * Every width holds the field's largest value under the tools' bounds (50 rows: 50 × 1,440
 * flagged minutes = 72,000 < 36⁴; RPN 1,000 < 36²; counts ≤ 50, percentages ≤ 100 < 36²), so no
 * real value is ever capped (tested with the worst case). Part of format 1: change only via a new version.
 */
export const SUMMARY_FIELDS = {
  /** Problems (steps with a flag or severity 4–5), minutes of the flagged steps. */
  painpoints: [['problems', 2], ['flaggedMinutes', 4]],
  /** The stage with the lowest mean emotion (1–5, null when none), touchpoints. */
  journey: [['lowestStage', 1], ['touchpoints', 2]],
  /** Highest current RPN (after countermeasures where re-scored), failure modes with S ≥ 9. */
  sfmea: [['maxRpn', 2], ['highSeverity', 2]],
  /** Share of the answer key matched, percent (null for the learner's own process). */
  blueprint: [['percent', 2]],
  /** Total percent, items answered, percent of each Part 1–6 (null where nothing was answered). */
  selfcheck: [['total', 2], ['answered', 2], ['part1', 2], ['part2', 2], ['part3', 2], ['part4', 2], ['part5', 2], ['part6', 2]],
  /** Cards in "do first", in "plan". */
  impact: [['doFirst', 2], ['plan', 2]],
  /** Actions placed, phases used as a 4-bit mask (phase 1 = 1 … phase 4 = 8). */
  roadmap: [['actions', 2], ['phases', 1]],
} as const satisfies Record<ToolId, readonly (readonly [string, number])[]>;

type FieldName<T extends ToolId> = (typeof SUMMARY_FIELDS)[T][number][0];

/** One tool's summary: done, and its headline numbers (null = none). */
export interface ToolSummary<T extends ToolId = ToolId> {
  done: boolean;
  values: Record<FieldName<T>, number | null>;
}

export type ToolSummaries = { [T in ToolId]?: ToolSummary<T> };

const nullCode = (width: number) => 36 ** width - 1;

function encodeField(value: number | null, width: number): string {
  const code = value === null || !Number.isFinite(value) ? nullCode(width) : Math.min(nullCode(width) - 1, Math.max(0, Math.round(value)));
  return code.toString(36).padStart(width, '0');
}

/** The summary string of the tools given (tools without a summary are left out). */
export function encodeToolSummaries(summaries: ToolSummaries): string {
  let out = SUMMARY_VERSION;
  for (const tool of TOOL_IDS) {
    const summary = summaries[tool] as ToolSummary | undefined;
    if (!summary) continue;
    const letter = LETTERS[tool];
    out += summary.done ? letter.toUpperCase() : letter;
    for (const [name, width] of SUMMARY_FIELDS[tool]) out += encodeField((summary.values as Record<string, number | null>)[name] ?? null, width);
  }
  return out;
}

/** Reads a summary string. Never throws: an unknown version or a malformed entry ends the reading with a problem. */
export function decodeToolSummaries(text: string): { summaries: ToolSummaries; problems: string[] } {
  const summaries: Record<string, ToolSummary> = {};
  const problems: string[] = [];
  if (typeof text !== 'string' || text === '') return { summaries: {}, problems: text === '' ? [] : ['not a string'] };
  if (text[0] !== SUMMARY_VERSION) return { summaries: {}, problems: [`unknown summary version "${text[0]}"`] };
  const byLetter = new Map(TOOL_IDS.map((t) => [LETTERS[t], t]));
  let i = 1;
  let lastOrder = -1;
  while (i < text.length) {
    const letter = text[i] as string;
    const tool = byLetter.get(letter.toLowerCase());
    const order = tool ? TOOL_IDS.indexOf(tool) : -1;
    if (!tool || order <= lastOrder) {
      problems.push(`unexpected "${letter}" at ${i}`);
      break;
    }
    lastOrder = order;
    i += 1;
    const values: Record<string, number | null> = {};
    let ok = true;
    for (const [name, width] of SUMMARY_FIELDS[tool]) {
      const digits = text.slice(i, i + width);
      if (digits.length < width || !/^[0-9a-z]+$/.test(digits)) {
        ok = false;
        break;
      }
      const code = parseInt(digits, 36);
      values[name] = code === nullCode(width) ? null : code;
      i += width;
    }
    if (!ok) {
      problems.push(`${tool}: truncated or malformed fields`);
      break;
    }
    summaries[tool] = { done: letter !== letter.toLowerCase(), values };
  }
  return { summaries: summaries as ToolSummaries, problems };
}

/** The longest a summary string can be: every tool present (the size bound). */
export const SUMMARY_WORST_CHARS = SUMMARY_VERSION.length + TOOL_IDS.reduce((n, t) => n + 1 + SUMMARY_FIELDS[t].reduce((w, [, width]) => w + width, 0), 0);

/**
 * The summary string with one tool's summary replaced (null: the tool holds nothing, so it leaves
 * the string). Other tools' entries are kept as they were; undefined when no tool remains.
 */
export function withToolSummary(text: string | undefined, tool: ToolId, summary: ToolSummary | null): string | undefined {
  const { summaries } = decodeToolSummaries(text ?? '');
  const next: Record<string, ToolSummary> = { ...(summaries as Record<string, ToolSummary>) };
  if (summary) next[tool] = summary;
  else delete next[tool];
  return Object.keys(next).length ? encodeToolSummaries(next as ToolSummaries) : undefined;
}

/** Whether the summary string marks a tool as done. */
export const toolDone = (text: string | undefined, tool: ToolId): boolean => decodeToolSummaries(text ?? '').summaries[tool]?.done === true;
