/**
 * What an LMS report shows, in words an HR admin reads without our code (issue 18 point 2;
 * README "What HR sees in the LMS report"). Pure functions over the records the course reports:
 *
 * - a finished role-play: its description (title, outcome, critical replies; 2004 only, 250
 *   characters) and its response (total and verdict, the five dimension scores, the critical
 *   replies, then each reply taken as its id and the first words said, shortened until the whole
 *   fits the version's limit: 1.2 student_response 255, 2004 learner_response of type other 4000);
 * - the self-reports (A2 self-assessment) as one SCORM 2004 objective per dimension, and the
 *   Part 8 self-check as one per part and its total (a compact interaction in 1.2).
 *
 * Text is one line (scorm-again's string patterns stop at a line break) and never starts with
 * "{" (2004 would read it as a {lang=…} delimiter): every text starts with a dictionary word.
 */
import { DIMENSIONS, type InteractionRecord, type LearnerState, type PlayReport } from '../engine/learner-state.ts';
import { selfScores, type SelfItemRef } from '../engine/self-assessment.ts';
import { DIMENSION_NAMES } from '../i18n/zh-CN.dimensions.ts';
import { CRITICAL_NAMES, OUTCOME_NAMES } from '../i18n/zh-CN.outcomes.ts';
import { tReport as tl } from '../i18n/zh-CN.report.ts';
import { SELF_ITEM_IDS } from '../persistence/suspend/ids.ts';
import { decodeToolSummaries, type ToolSummary } from '../engine/tools/summary.ts';

/** Longest reply label (characters; the gist of a reply, and the whole-course 2004 record stays small); labels shrink to LABEL_MIN, then only ids remain. */
export const LABEL_MAX = 14;
const LABEL_MIN = 4;

const kindName = (kind: string) => (CRITICAL_NAMES as Record<string, string>)[kind] ?? kind;
const outcomeName = (outcome: string) => (OUTCOME_NAMES as Record<string, string>)[outcome] ?? outcome;

/** One line, single spaces. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** At most `max` characters, the cut marked with "…". */
export function shorten(text: string, max: number): string {
  const t = flat(text);
  if (t.length <= max) return t;
  const more = tl('lms.report.more');
  return max <= more.length ? t.slice(0, Math.max(0, max)) : `${t.slice(0, max - more.length)}${more}`;
}

function criticalText(play: PlayReport): string {
  if (play.critical.length === 0) return '';
  const list = play.critical.map((c) => tl('lms.report.criticalItem', { kind: kindName(c.kind), choice: c.choice })).join(tl('lms.report.list'));
  return tl('lms.report.critical', { list });
}

/** The 2004 description of a play: title and outcome, then the critical replies (kept whole: the title gives way). */
export function playDescription(play: PlayReport, max = 250): string {
  const crit = criticalText(play);
  const tail = crit ? `${tl('lms.report.part')}${crit}` : '';
  const head = (title: string) => tl('lms.report.playDescription', { title, outcome: outcomeName(play.outcome) });
  const whole = `${head(flat(play.title))}${tail}`;
  if (whole.length <= max) return whole;
  const room = Math.max(LABEL_MIN, flat(play.title).length - (whole.length - max));
  return shorten(`${head(shorten(play.title, room))}${tail}`, max);
}

/** The response of a play within `max` characters: scores first, then the replies as long as they fit. */
export function playResponse(play: PlayReport, max: number): string {
  const part = tl('lms.report.part');
  const verdict = tl(play.passed ? 'lms.report.passed' : 'lms.report.failed');
  const scores = [
    tl('lms.report.total', { total: play.total, verdict }),
    DIMENSIONS.map((d, i) => tl('lms.report.dimension', { name: DIMENSION_NAMES[d], score: play.dimensions[i] ?? 0 })).join(tl('lms.report.list')),
    criticalText(play),
  ].filter(Boolean);
  const head = scores.join(part);
  const withReplies = (items: string[]) => `${head}${part}${tl('lms.report.replies', { list: items.join(tl('lms.report.path')) })}`;
  for (let label = LABEL_MAX; label >= LABEL_MIN; label--) {
    const text = withReplies(play.replies.map((r) => tl('lms.report.reply', { id: r.id, label: shorten(r.text, label) })));
    if (text.length <= max) return text;
  }
  const ids = play.replies.map((r) => r.id);
  for (let keep = ids.length; keep > 0; keep--) {
    const text = withReplies(keep === ids.length ? ids : [...ids.slice(0, keep), tl('lms.report.more')]);
    if (text.length <= max) return text;
  }
  return shorten(head, max);
}

/** One self-reported score per dimension, as a SCORM 2004 objective. */
export interface SelfObjective {
  /** Objective id, e.g. "A2.self.empathy" (a safe identifier in every LMS). */
  id: string;
  description: string;
  /** Every item of the dimension is rated. */
  complete: boolean;
  /** Self score 0–100 once complete, else null. */
  score: number | null;
}

/** A self-report the learner fills in: its objective prefix, its item ids and where its ratings are kept. */
interface SelfReportSource {
  prefix: string;
  /** Item ids `<dimension>-<n>` (the schema's rule; src/schemas/self-assessment.ts). */
  items: readonly string[];
  ratings(state: LearnerState): Readonly<Record<string, number>> | undefined;
}

/** The self-reports the learner rates item by item, reported as objectives (the Part 8 self-check follows them). */
const SELF_REPORTS: readonly SelfReportSource[] = [{ prefix: 'A2', items: SELF_ITEM_IDS, ratings: (state) => state.selfRatings }];

/** Objectives of the self-reports, a dimension from its first rated item on (none before). */
export function selfObjectives(state: LearnerState): SelfObjective[] {
  return [...selfRatingObjectives(state), ...selfCheckObjectives(state)];
}

/**
 * The Part 8 self-check (120 checkpoints, Parts 1–6) as one objective per part with answers,
 * then the total: read from the tools' summary the learner state carries (the answers themselves
 * stay in the browser), complete once the whole self-check is done, scored by the part's percent.
 */
export function selfCheckObjectives(state: LearnerState): SelfObjective[] {
  const summary = selfCheckSummaryOf(state);
  if (!summary) return [];
  const { values, done } = summary;
  const parts = SELF_CHECK_PARTS.flatMap((key, i) => {
    const score = percent(values[key]);
    return score === null ? [] : [{ id: `${SELF_CHECK_PREFIX}.${key}`, description: tl('lms.report.selfCheckPart', { part: i + 1 }), complete: done, score }];
  });
  const totalScore = percent(values.total);
  const total = totalScore === null ? [] : [{ id: `${SELF_CHECK_PREFIX}.total`, description: tl('lms.report.selfCheckTotal', { answered: values.answered ?? 0 }), complete: done, score: totalScore }];
  return [...parts, ...total];
}

/** The self-check's entry in the learner state's tools summary, if it has one. */
const selfCheckSummaryOf = (state: LearnerState): ToolSummary<'selfcheck'> | undefined => decodeToolSummaries(state.tools ?? '').summaries.selfcheck;

/** A stored percentage, or null when it is none or out of range (a summary field holds up to 1,294; a score never more than 100). */
const percent = (value: number | null): number | null => (value !== null && value >= 0 && value <= 100 ? value : null);

/** Objective ids of the self-check: "S06.check.part1" … "S06.check.total" (safe identifiers in every LMS). */
const SELF_CHECK_PREFIX = 'S06.check';
const SELF_CHECK_PARTS = ['part1', 'part2', 'part3', 'part4', 'part5', 'part6'] as const;

/**
 * The Part 8 self-check's result as one compact SCORM 1.2 interaction response (1.2 has no
 * objective descriptions an admin could read): "total-71,part1-80,…" (1.2 writes it "total_71,part1_80,…"), parts without
 * answers left out. Reported once, when the self-check is done (src/state/tools.ts).
 */
export function selfCheckResponse(state: LearnerState): string[] {
  const summary = selfCheckSummaryOf(state);
  return summary ? responseOf(summary) : [];
}

function responseOf({ values }: ToolSummary<'selfcheck'>): string[] {
  return (['total', ...SELF_CHECK_PARTS] as const).flatMap((key) => {
    const value = percent(values[key]);
    return value === null ? [] : [`${key}-${value}`];
  });
}

/**
 * The interaction reported when the self-check is finished: in SCORM 1.2 the only place an admin
 * sees its per-part result (its response), in 2004 a journal entry beside the objectives.
 * Credit is the total percent (the self-check has no right answer; 1.2 records it as a number).
 */
export function selfCheckRecord(state: LearnerState, timestamp: string): InteractionRecord | null {
  const summary = selfCheckSummaryOf(state);
  if (!summary?.done) return null;
  return {
    id: SELF_CHECK_PREFIX,
    type: 'other',
    description: tl('lms.report.selfCheckTotal', { answered: summary.values.answered ?? 0 }),
    response: responseOf(summary),
    correct: [],
    credit: (percent(summary.values.total) ?? 0) / 100,
    latencyMs: 0,
    timestamp,
  };
}

function selfRatingObjectives(state: LearnerState): SelfObjective[] {
  return SELF_REPORTS.flatMap((source) => {
    const ratings = source.ratings(state) ?? {};
    const items: SelfItemRef[] = source.items.flatMap((id) => {
      const dimension = DIMENSIONS.find((d) => id.startsWith(`${d}-`));
      return dimension ? [{ id, dimension }] : [];
    });
    const scores = selfScores(items, ratings);
    return DIMENSIONS.flatMap((dimension, i) => {
      const started = items.some((item) => item.dimension === dimension && Object.hasOwn(ratings, item.id));
      if (!started) return [];
      const score = scores[i] ?? null;
      return [{ id: `${source.prefix}.self.${dimension}`, description: tl('lms.report.selfObjective', { name: DIMENSION_NAMES[dimension] }), complete: score !== null, score }];
    });
  });
}
