import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boldFlankingProblems, lessonMinutes, lessonMinutesProblems, lessonShapeProblems, minutesOfLesson, splitCharacters } from '../../scripts/content/lesson-shape.ts';
import { readFrontmatter } from '../../scripts/lib/content-check.ts';
import { lessonMinutesFor } from '../../src/engine/lesson-minutes.ts';
import { lessonSchema } from '../../src/schemas/lesson.ts';

// One lesson per rule in tests/fixtures/lesson-shape; good.mdx passes them all.
const dir = join(import.meta.dirname, '..', 'fixtures', 'lesson-shape');
const source = (name: string) => readFileSync(join(dir, `${name}.mdx`), 'utf8');
const shape = (name: string) => lessonShapeProblems(source(name), lessonSchema.parse(readFrontmatter(source(name))));

describe('lesson shape: job aid, key figures, voice', () => {
  it('accepts a lesson with a manager extension, a clean key figure and one job aid at the end', () => {
    expect(shape('good')).toEqual([]);
  });

  it('job-aid: requires one', () => {
    expect(shape('no-job-aid')).toEqual(['body → [job-aid] no <JobAid title="…" kind="script|checklist|template"> block; each lesson ends with one printable job aid']);
  });

  it('job-aid: must be the last block', () => {
    expect(shape('job-aid-not-last')).toEqual(['body line 16 → [job-aid] the <JobAid> must be the last block of the lesson']);
  });

  it('job-aid: needs a title and a known kind', () => {
    expect(shape('job-aid-attributes')).toEqual([
      'body line 16 → [job-aid] <JobAid> needs a title="…"',
      'body line 16 → [job-aid] <JobAid> kind is "card"; use script, checklist or template',
    ]);
  });

  it('job-aid: no Markdown task list (its checkboxes have no labels); a checklist draws its own boxes', () => {
    expect(shape('job-aid-task-list')).toEqual([
      'body line 16 → [job-aid] a task list ("- [ ]") renders checkboxes without labels (an accessibility failure); write a plain list: a checklist job aid draws its own tick boxes',
    ]);
  });

  it('job-aid: exactly one, and never inside the manager extension', () => {
    expect(shape('two-job-aids')).toEqual([
      'body line 24 → [job-aid] 2 <JobAid> blocks; a lesson has exactly one',
      'body line 14 → [job-aid] the <JobAid> belongs to the front line, not inside <ForManagers>',
    ]);
  });

  it('key-figure: no big-number display for a hedged ([ambiguous]/[order]) figure', () => {
    expect(shape('key-figure')).toEqual([
      'body line 14 → [key-figure] <KeyFigure value="至少70%"> carries the hedge 至少: an [ambiguous] or [order] figure is written in running text, never as a big number',
    ]);
  });

  it('voice: no 资料 in body or frontmatter, and one attribution (据行业调研) for unsourced figures', () => {
    expect(shape('voice')).toEqual([
      'body line 14 → [voice-source-doc] "资料没有披露这家" mentions 资料; learner text never refers to a source document (turn a gap into a 你来诊断 prompt)',
      'body line 16 → [voice-attribution] "source="行业研究" />" attributes a figure with 行业研究; unsourced figures are attributed only as 据行业调研',
      'body line 18 → [voice-attribution] "据调查，噪音会降" attributes a figure with 据调查; unsourced figures are attributed only as 据行业调研',
      'summary → [voice-source-doc] "资料显示，期望管" mentions 资料; learner text never refers to a source document (turn a gap into a 你来诊断 prompt)',
    ]);
  });
});

describe('lesson minutes: front-line core = reading outside <ForManagers> + role-play + check', () => {
  it('leaves the manager extension and MDX comments out of the front-line characters', () => {
    const text = source('good');
    const { front, manager } = splitCharacters(text);
    expect(manager).toBe('每周看一次落差记录找出反复出现的源头'.length + '班组怎样复盘'.length);
    expect(front).toBe(['据行业调研多数客户愿意再给一次机会', '的客户愿意再给一次机会', '行业调研', '重设期望三句话', '真实情况替代方案时间承诺'].join('').length);
  });

  it('computes reading, core and manager minutes', () => {
    expect(lessonMinutes(source('good'), 6, 5)).toMatchObject({ reading: 1, rolePlay: 6, check: 5, core: 12, manager: 1 });
    const long = source('good').replace('正文', '') + '\n' + '客'.repeat(2801);
    expect(lessonMinutes(long, 0, 4)).toMatchObject({ reading: 9, core: 13 });
  });

  it('requires minutes to equal the computed front-line core, and managerMinutes to match the extension', () => {
    const m = lessonMinutes(source('good'), 6, 5);
    expect(lessonMinutesProblems(m, { minutes: 12, managerMinutes: 1 })).toEqual([]);
    expect(lessonMinutesProblems(m, { minutes: 15 })).toEqual([
      'minutes → [minutes] says 15, but the front-line core is 12 (reading 1 (51 CJK characters outside <ForManagers> ÷ 350) + role-play 6 + check 5); write minutes: 12',
      'managerMinutes → [manager-minutes] is missing, but the <ForManagers> text (24 CJK characters) takes 1; write managerMinutes: 1',
    ]);
    const noExtension = lessonMinutes(source('no-job-aid'), 0, 4);
    expect(lessonMinutesProblems(noExtension, { minutes: 5, managerMinutes: 2 })).toEqual([
      'managerMinutes → [manager-minutes] says 2, but the lesson has no <ForManagers> text; remove it',
    ]);
  });

  it('adds the team-lead role-play to managerMinutes, never to the front-line core', () => {
    const m = lessonMinutes(source('good'), 6, 5, 7);
    expect(m).toMatchObject({ core: 12, manager: 8, leadRolePlay: 7 });
    expect(lessonMinutesProblems(m, { minutes: 12, managerMinutes: 8 })).toEqual([]);
    expect(lessonMinutesProblems(m, { minutes: 12, managerMinutes: 1 })).toEqual([
      'managerMinutes → [manager-minutes] says 1, but the <ForManagers> text (24 CJK characters) plus the team-lead role-play (7) takes 8; write managerMinutes: 8',
    ]);
  });

  it('counts a core Part 8 tool in the front-line minutes and manager tools in managerMinutes (issue 17)', () => {
    const m = minutesOfLesson(source('good'), { quiz: 's06', tool: 'impact', leadTools: ['selfcheck', 'roadmap'] }, new Map(), new Map([['s06', 5]]));
    expect(m).toMatchObject({ tool: 4, check: 5, core: 1 + 4 + 5, leadTools: 25, manager: 1 + 25 });
    expect(lessonMinutesProblems(m, { minutes: 10, managerMinutes: 26 })).toEqual([]);
    expect(lessonMinutesProblems(m, { minutes: 6, managerMinutes: 1 })).toEqual([
      'minutes → [minutes] says 6, but the front-line core is 10 (reading 1 (51 CJK characters outside <ForManagers> ÷ 350) + role-play 0 + tool 4 + check 5); write minutes: 10',
      'managerMinutes → [manager-minutes] says 1, but the <ForManagers> text (24 CJK characters) plus the manager tools (25) takes 26; write managerMinutes: 26',
    ]);
  });

  it('finds bold that Markdown will not render next to Chinese punctuation', () => {
    expect(boldFlankingProblems('**不当众说别人的信息。**不念别的病人的名字')).toHaveLength(1);
    expect(boldFlankingProblems('**不当众说别人的信息**。不念别的病人的名字')).toEqual([]);
    expect(boldFlankingProblems('请**“先查后说”**这四个字')).toHaveLength(1);
    expect(boldFlankingProblems('请“**先查后说**”这四个字')).toEqual([]);
    expect(boldFlankingProblems('**我不做的三件事：**')).toEqual([]);
  });

  it('holds reading to 8 minutes and the core to 18', () => {
    const long = `${source('good')}\n${'客'.repeat(2800)}`;
    const m = lessonMinutes(long, 8, 5);
    expect(lessonMinutesProblems(m, { minutes: m.core, managerMinutes: 1 })).toEqual([
      'body → [reading-minutes] front-line reading takes 9 minutes (2851 CJK characters); at most 8 (2800 characters): cut, or move team-lead material into <ForManagers>',
      'minutes → [core-minutes] the front-line core is 22 minutes (reading 9 (2851 CJK characters outside <ForManagers> ÷ 350) + role-play 8 + check 5); at most 18',
    ]);
  });

  it('counts the manager extension only for paths whose audience leads a team', () => {
    const lesson = { minutes: 12, managerMinutes: 3 };
    expect(lessonMinutesFor(lesson, 'frontline')).toBe(12);
    expect(lessonMinutesFor(lesson, 'marketing')).toBe(12);
    expect(lessonMinutesFor(lesson, 'manager')).toBe(15);
    expect(lessonMinutesFor(lesson, 'hr')).toBe(15);
    expect(lessonMinutesFor(lesson)).toBe(15);
    expect(lessonMinutesFor({ minutes: 12 }, 'manager')).toBe(12);
  });
});
