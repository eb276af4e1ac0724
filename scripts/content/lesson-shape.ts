/**
 * Lesson shape, the content standard's "Lessons" section as far as a program can check it:
 * front-line minutes (reading outside <ForManagers> at 350 CJK characters a minute, plus the
 * role-play and one minute per drawn check question), the manager extension's own minutes, one
 * printable <JobAid> as the lesson's last block, and the voice rules (voice.ts) and the
 * <KeyFigure> rule. Every message names the lesson file, the field or body line, and the rule.
 */
import { TOOL_MINUTES } from '../../src/engine/tools/minutes.ts';
import type { LessonFrontmatter } from '../../src/schemas/lesson.ts';
import { voiceProblems } from './voice.ts';

/** Careful reading of training text, a little under everyday reading speed. */
export const CJK_PER_MINUTE = 350;
/** Most front-line reading minutes (≈ 2,800 CJK characters). */
export const MAX_READING_MINUTES = 8;
/** Most front-line core minutes: reading + role-play + check. */
export const MAX_CORE_MINUTES = 18;
/** Kinds of job aid. */
export const JOB_AID_KINDS = ['script', 'checklist', 'template'] as const;

const CJK = /[\u4e00-\u9fff]/g;
const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---/;
const COMMENT = /\{\/\*[\s\S]*?\*\/\}/g;
const FOR_MANAGERS = /<ForManagers\b[^>]*>[\s\S]*?<\/ForManagers>/g;
const JOB_AID = /<JobAid\b([^>]*)>[\s\S]*?<\/JobAid>/g;

/** Replaces a match by blank text of the same line count, so line numbers stay true. */
const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/** The lesson body (frontmatter and MDX comments blanked out, line numbers kept). */
export function lessonBody(source: string): string {
  return source.replace(FRONTMATTER, blank).replace(COMMENT, blank);
}

export function cjkCount(text: string): number {
  return (text.match(CJK) ?? []).length;
}

/** Characters the front line reads (outside <ForManagers>) and the manager extension's characters. */
export function splitCharacters(source: string): { front: number; manager: number } {
  const body = lessonBody(source);
  const manager = (body.match(FOR_MANAGERS) ?? []).reduce((sum, block) => sum + cjkCount(block), 0);
  return { front: cjkCount(body) - manager, manager };
}

export const readingMinutes = (characters: number) => Math.ceil(characters / CJK_PER_MINUTE);

/** The minutes of a lesson as the check computes them. */
export interface LessonMinutes {
  frontCharacters: number;
  reading: number;
  rolePlay: number;
  check: number;
  /** reading + rolePlay + check: what `minutes` must say. */
  core: number;
  managerCharacters: number;
  /** Minutes of the team-lead role-play (0 without one). */
  leadRolePlay: number;
  /** Minutes of the lesson's core workplace tool (0 without one). */
  tool: number;
  /** Minutes of the manager extension's tools (0 without any). */
  leadTools: number;
  /** Reading minutes of the manager extension plus its team-lead role-play (0 without either): what `managerMinutes` must say. */
  manager: number;
}

export function lessonMinutes(source: string, rolePlay: number, check: number, leadRolePlay = 0, tool = 0, leadTools = 0): LessonMinutes {
  const { front, manager } = splitCharacters(source);
  const reading = readingMinutes(front);
  return {
    frontCharacters: front,
    reading,
    rolePlay,
    check,
    core: reading + rolePlay + tool + check,
    managerCharacters: manager,
    leadRolePlay,
    tool,
    leadTools,
    manager: (manager === 0 ? 0 : readingMinutes(manager)) + leadRolePlay + leadTools,
  };
}

/**
 * A lesson's minutes from its frontmatter and source: its role-plays' minutes (by scenario id), its
 * bank's draw (by quiz id) and its tools' minutes. The content check and the quiz report both use it.
 */
export function minutesOfLesson(
  source: string,
  data: Pick<LessonFrontmatter, 'scenario' | 'leadScenario' | 'quiz' | 'tool' | 'leadTools'>,
  scenarioMinutes: ReadonlyMap<string, number>,
  checkQuestions: ReadonlyMap<string, number>,
): LessonMinutes {
  return lessonMinutes(
    source,
    data.scenario ? (scenarioMinutes.get(data.scenario) ?? 0) : 0,
    data.quiz ? (checkQuestions.get(data.quiz) ?? 0) : 0,
    data.leadScenario ? (scenarioMinutes.get(data.leadScenario) ?? 0) : 0,
    data.tool ? TOOL_MINUTES[data.tool] : 0,
    (data.leadTools ?? []).reduce((sum, t) => sum + TOOL_MINUTES[t], 0),
  );
}

function attribute(attrs: string, name: string): string | undefined {
  return new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)')`).exec(attrs)?.slice(1).find((v) => v !== undefined);
}

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Job aid, KeyFigure and voice problems of a lesson's body and learner-facing frontmatter. */
export function lessonShapeProblems(source: string, data: Pick<LessonFrontmatter, 'title' | 'summary' | 'objectives'>): string[] {
  const out: string[] = [];
  const body = lessonBody(source);

  const aids = [...body.matchAll(JOB_AID)];
  if (aids.length === 0)
    out.push('body → [job-aid] no <JobAid title="…" kind="script|checklist|template"> block; each lesson ends with one printable job aid');
  if (aids.length > 1) out.push(`body line ${lineAt(body, aids[1]?.index ?? 0)} → [job-aid] ${aids.length} <JobAid> blocks; a lesson has exactly one`);
  for (const aid of aids) {
    const line = lineAt(body, aid.index ?? 0);
    const attrs = aid[1] ?? '';
    if (!attribute(attrs, 'title')) out.push(`body line ${line} → [job-aid] <JobAid> needs a title="…"`);
    const kind = attribute(attrs, 'kind');
    if (!kind || !(JOB_AID_KINDS as readonly string[]).includes(kind))
      out.push(`body line ${line} → [job-aid] <JobAid> kind is ${kind ? `"${kind}"` : 'missing'}; use script, checklist or template`);
  }
  for (const aid of aids)
    if (/^\s*[-*+]\s+\[[ xX]\]/m.test(aid[0]))
      out.push(
        `body line ${lineAt(body, aid.index ?? 0)} → [job-aid] a task list ("- [ ]") renders checkboxes without labels (an accessibility failure); ` +
          'write a plain list: a checklist job aid draws its own tick boxes',
      );
  const last = aids.at(-1);
  if (last && body.slice((last.index ?? 0) + last[0].length).trim() !== '')
    out.push(`body line ${lineAt(body, last.index ?? 0)} → [job-aid] the <JobAid> must be the last block of the lesson`);
  for (const block of body.matchAll(FOR_MANAGERS))
    if (/<JobAid\b/.test(block[0])) out.push(`body line ${lineAt(body, block.index ?? 0)} → [job-aid] the <JobAid> belongs to the front line, not inside <ForManagers>`);

  for (const figure of body.matchAll(/<KeyFigure\b([^>]*)\/?>/g)) {
    const line = lineAt(body, figure.index ?? 0);
    const value = attribute(figure[1] ?? '', 'value') ?? '';
    const hedge = /至少|大约|约|左右|以上|多达|近/.exec(value);
    if (hedge)
      out.push(
        `body line ${line} → [key-figure] <KeyFigure value="${value}"> carries the hedge ${hedge[0]}: an [ambiguous] or [order] figure is written in running text, never as a big number`,
      );
  }

  body.split('\n').forEach((text, i) => {
    for (const p of voiceProblems(text)) out.push(`body line ${i + 1} → ${p}`);
    for (const p of boldFlankingProblems(text)) out.push(`body line ${i + 1} → ${p}`);
  });
  const front: [string, string][] = [['title', data.title], ['summary', data.summary], ...data.objectives.map((o, i): [string, string] => [`objectives.${i}`, o])];
  for (const [field, text] of front) for (const p of voiceProblems(text)) out.push(`${field} → ${p}`);
  return out;
}

const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;

/**
 * Bold that Markdown will not render: CommonMark only closes `**` that is not preceded by
 * punctuation unless whitespace or punctuation follows it, and only opens `**` that is not followed
 * by punctuation unless whitespace or punctuation precedes it. Chinese has no spaces, so
 * `**不当众说。**不念…` prints its asterisks; the punctuation belongs outside the bold.
 */
export function boldFlankingProblems(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/\*\*([^*\n]+?)\*\*/g)) {
    const inner = m[1] ?? '';
    const start = m.index ?? 0;
    const before = start > 0 ? (line[start - 1] as string) : ' ';
    const after = line[start + m[0].length] ?? ' ';
    const opensBroken = PUNCT.test(inner[0] ?? '') && !SPACE.test(before) && !PUNCT.test(before);
    const closesBroken = PUNCT.test(inner.at(-1) ?? '') && !SPACE.test(after) && !PUNCT.test(after);
    if (opensBroken || closesBroken)
      out.push(
        `[bold] "**${inner.slice(0, 20)}${inner.length > 20 ? '…' : ''}**" will show its asterisks: move the ${opensBroken ? 'opening' : 'closing'} punctuation outside the bold`,
      );
  }
  return out;
}

/** Minutes problems: reading ≤ 8, core ≤ 18, and the frontmatter stating exactly what the check computes. */
export function lessonMinutesProblems(m: LessonMinutes, data: Pick<LessonFrontmatter, 'minutes' | 'managerMinutes'>): string[] {
  const out: string[] = [];
  const parts = `reading ${m.reading} (${m.frontCharacters} CJK characters outside <ForManagers> ÷ ${CJK_PER_MINUTE}) + role-play ${m.rolePlay}${m.tool ? ` + tool ${m.tool}` : ''} + check ${m.check}`;
  if (m.reading > MAX_READING_MINUTES)
    out.push(
      `body → [reading-minutes] front-line reading takes ${m.reading} minutes (${m.frontCharacters} CJK characters); at most ${MAX_READING_MINUTES} ` +
        `(${MAX_READING_MINUTES * CJK_PER_MINUTE} characters): cut, or move team-lead material into <ForManagers>`,
    );
  if (m.core > MAX_CORE_MINUTES) out.push(`minutes → [core-minutes] the front-line core is ${m.core} minutes (${parts}); at most ${MAX_CORE_MINUTES}`);
  if (data.minutes !== m.core) out.push(`minutes → [minutes] says ${data.minutes}, but the front-line core is ${m.core} (${parts}); write minutes: ${m.core}`);
  if (m.manager > 0 && data.managerMinutes !== m.manager)
    out.push(
      `managerMinutes → [manager-minutes] ${data.managerMinutes === undefined ? 'is missing' : `says ${data.managerMinutes}`}, but the <ForManagers> text ` +
        `(${m.managerCharacters} CJK characters)${m.leadRolePlay ? ` plus the team-lead role-play (${m.leadRolePlay})` : ''}${m.leadTools ? ` plus the manager tools (${m.leadTools})` : ''} takes ${m.manager}; write managerMinutes: ${m.manager}`,
    );
  if (m.manager === 0 && data.managerMinutes !== undefined)
    out.push(`managerMinutes → [manager-minutes] says ${data.managerMinutes}, but the lesson has no <ForManagers> text; remove it`);
  if (m.leadTools > 0 && m.managerCharacters === 0)
    out.push('leadTools → [manager-minutes] manager tools belong to the manager extension: the lesson needs a <ForManagers> section that introduces them');
  return out;
}
