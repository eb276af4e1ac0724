/**
 * The Part 8 tools' bounds and id lists as plain constants, without zod: the tool islands and the
 * engine code they load import these, so a tool page does not ship the schema library (src/schemas/
 * tools.ts builds its schemas from the same lists and re-exports the bounds).
 */

/** Longest label a tool keeps, in characters (code points). Longer input is cut and reported. */
export const TOOL_LABEL_MAX = 200;
/** Most rows (steps, failure modes, touchpoints, activities, cards, actions) one tool keeps. */
export const TOOL_ROWS_MAX = 50;
/** Longest minutes value of a pain-point step (one working day = 1,440). */
export const STEP_MINUTES_MAX = 1440;

/** The seven tools, in summary order (src/engine/tools/summary.ts). Never reorder: the LMS summary depends on it. */
export const TOOL_IDS = ['painpoints', 'journey', 'sfmea', 'blueprint', 'selfcheck', 'impact', 'roadmap'] as const;
export const SFMEA_PRESET_IDS = ['hotel-checkin', 'clinic-registration', 'ai-handoff'] as const;
/** P07's five stages 认知 → 评估 → 购买 → 体验 → 忠诚. */
export const JOURNEY_STAGE_IDS = ['awareness', 'evaluation', 'purchase', 'experience', 'loyalty'] as const;
/** The four blueprint layers, top to bottom. */
export const BLUEPRINT_LAYER_IDS = ['customer', 'front', 'back', 'support'] as const;
export const BLUEPRINT_PRESET_IDS = ['hotel-checkin', 'clinic-registration'] as const;
export const ASSESSED_BY_IDS = ['management', 'staff', 'customer-data', 'mystery-shopper'] as const;
export const LEVEL_IDS = ['high', 'low'] as const;
/** Roadmap phases 1–4: months 1–3, 4–9, 10–18, 18+. */
export const ROADMAP_PHASE_IDS = [1, 2, 3, 4] as const;
/** A self-check checkpoint id: p01.1 … p30.4. */
export const SELF_CHECK_ITEM_ID = /^p(0[1-9]|[12][0-9]|30)\.[1-4]$/;
