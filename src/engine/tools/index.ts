/**
 * The Part 8 workplace tools (S01–S06, issue 17): pure logic, one module per tool.
 *
 * ## Storage decision: where a learner's tool work lives
 *
 * 1. **The work itself lives in browser storage**, per course and learner, beside the mirror
 *    (src/persistence/mirror.ts: `spc:<course>/<package>:<learner>`), one localStorage entry per
 *    tool, validated against its schema in src/schemas/tools.ts when read. Bounds keep it small
 *    (≤ 50 rows × ≤ 200-character labels: a full tool is at most a few tens of kB). It survives
 *    reload and relaunch on the same browser; work done without an LMS session goes to the
 *    pending slot of the package like the mirror's, never under another learner's key.
 * 2. **The LMS gets a compact summary per tool** (summary.ts): a done flag and a headline number
 *    or two, a few characters per tool, all seven ≤ 60 characters (tested). It rides in the
 *    suspend data (a later change to the suspend format: it has golden tests, not touched here)
 *    and never pushes course progress out of the SCORM 1.2 budget: progress is 1,500 characters at
 *    worst (bench), the summary adds at most 60 of the 4,096. Tool data NEVER goes into suspend
 *    data beyond this summary. Completing a tool (its done flag) counts toward the lesson's
 *    completion; the self-check's per-part percentages also go out as SCORM 2004 objectives (a
 *    compact interaction in 1.2) — wiring for the next session.
 * 3. **SCORM 2004** allows 64,000 characters of suspend data and could carry the tools' full data
 *    too; we do not rely on it for now (one storage path, the same in 1.2 and 2004), and keep the
 *    option open: the schemas here are the format such a copy would use.
 * 4. **On another device** (or after the browser's storage is cleared) the learner gets the
 *    summaries back from the LMS: which tools are done, the headline numbers (highest RPN, the
 *    self-check's total and six part percentages…) and lesson completion — but not the rows they
 *    typed. The tool opens blank or on its preset with a note that the detailed work stays in the
 *    browser where it was done, and that its CSV export / print is the way to take it along.
 *
 * Modules: shared.ts (bounding, CSV), summary.ts (LMS summary), painpoints.ts (S01), journey.ts
 * (S02), sfmea.ts (S03), blueprint.ts (S04), selfcheck.ts, impact.ts and roadmap.ts (S06).
 */
export * from './shared.ts';
export * from './summary.ts';
export * from './sfmea.ts';
export * from './painpoints.ts';
export * from './journey.ts';
export * from './blueprint.ts';
export * from './selfcheck.ts';
export * from './impact.ts';
export * from './roadmap.ts';
export * from './minutes.ts';

import { TOOL_IDS } from '../../schemas/tool-constants.ts';
import type { ToolData, ToolId } from '../../schemas/tools.ts';
import { blueprintSummary, normaliseBlueprint } from './blueprint.ts';
import { impactSummary, normaliseImpact } from './impact.ts';
import { journeySummary, normaliseJourney } from './journey.ts';
import { normalisePain, painSummary } from './painpoints.ts';
import { normaliseRoadmap, roadmapSummary } from './roadmap.ts';
import { normaliseSelfCheck, selfCheckSummary } from './selfcheck.ts';
import { normaliseSfmea, sfmeaSummary } from './sfmea.ts';
import type { Cuts } from './shared.ts';
import { encodeToolSummaries, type ToolSummaries, type ToolSummary } from './summary.ts';

/** Each tool's normaliser: raw stored or pasted data → valid, bounded data and what was cut. */
export const normaliseTool: { [T in ToolId]: (raw: unknown) => { data: ToolData[T]; cuts: Cuts } } = {
  painpoints: normalisePain,
  journey: normaliseJourney,
  sfmea: normaliseSfmea,
  blueprint: normaliseBlueprint,
  selfcheck: normaliseSelfCheck,
  impact: normaliseImpact,
  roadmap: normaliseRoadmap,
};

/** Each tool's summary (null while the tool holds nothing). */
export const summariseTool: { [T in ToolId]: (data: ToolData[T]) => ToolSummary<T> | null } = {
  painpoints: painSummary,
  journey: journeySummary,
  sfmea: sfmeaSummary,
  blueprint: blueprintSummary,
  selfcheck: selfCheckSummary,
  impact: impactSummary,
  roadmap: roadmapSummary,
};

/** The summaries of the tools a learner has data for. */
export function summariseTools(data: Partial<ToolData>): ToolSummaries {
  const out: Record<string, ToolSummary> = {};
  for (const tool of TOOL_IDS) {
    const d = data[tool];
    if (d === undefined) continue;
    const s = (summariseTool[tool] as (x: unknown) => ToolSummary | null)(d);
    if (s) out[tool] = s;
  }
  return out as ToolSummaries;
}

/** The LMS summary string of a learner's tools (format: summary.ts). */
export const toolSummaryText = (data: Partial<ToolData>) => encodeToolSummaries(summariseTools(data));
