import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAndCheckContent } from '../../scripts/lib/content-check.ts';

const GOOD = join(import.meta.dirname, '..', 'fixtures', 'content', 'good');
const roots: string[] = [];

/** A copy of the good fixture with one file changed, so each test breaks exactly one thing. */
function brokenCopy(edit: (root: string) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'content-'));
  roots.push(root);
  cpSync(GOOD, root, { recursive: true });
  edit(root);
  return root;
}

function replaceIn(root: string, file: string, from: string | RegExp, to: string) {
  const path = join(root, file);
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('content check', () => {
  it('accepts the good fixture', () => {
    const { problems, content } = loadAndCheckContent(GOOD);
    expect(problems).toEqual([]);
    expect(content.lessons.map((l) => l.data.id)).toEqual(['P01']);
  });

  // Explores every role-play's reachable states: seconds of work, generous room on a loaded machine.
  it('accepts the real course content', { timeout: 180_000 }, () => {
    const { problems } = loadAndCheckContent(join(import.meta.dirname, '..', '..'));
    expect(problems).toEqual([]);
  });

  it('names file, field and reason for a lesson pointing at a missing part', () => {
    const root = brokenCopy((r) => replaceIn(r, 'content/lessons/P01.mdx', 'part: part1', 'part: part9'));
    expect(loadAndCheckContent(root).problems).toEqual([
      'content/lessons/P01.mdx: part → unknown part "part9" (not in content/parts.yaml)',
    ]);
  });

  it('reports a missing quiz and a missing scenario', () => {
    const root = brokenCopy((r) => {
      replaceIn(r, 'content/lessons/P01.mdx', 'quiz: p01', 'quiz: p99');
      replaceIn(r, 'content/lessons/P01.mdx', 'scenario: p01-demo', 'scenario: nowhere');
    });
    expect(loadAndCheckContent(root).problems).toEqual([
      'content/lessons/P01.mdx: quiz → unknown quiz "p99" (no quizzes/p99.yaml)',
      'content/lessons/P01.mdx: scenario → unknown scenario "nowhere" (no scenarios/nowhere.yaml)',
    ]);
  });

  it('reports a duplicate lesson id', () => {
    const root = brokenCopy((r) => {
      const copy = readFileSync(join(r, 'content/lessons/P01.mdx'), 'utf8').replace('order: 1', 'order: 2');
      writeFileSync(join(r, 'content/lessons/P02.mdx'), copy);
    });
    const { problems } = loadAndCheckContent(root);
    expect(problems).toContain('content/lessons/P02.mdx: id → duplicate lesson id "P01" (also in content/lessons/P01.mdx)');
  });

  it('reports a path naming a missing lesson', () => {
    const root = brokenCopy((r) => replaceIn(r, 'content/paths/new-hire.yaml', 'lessons: [P01]', 'lessons: [P01, P07]'));
    expect(loadAndCheckContent(root).problems).toEqual([
      'content/paths/new-hire.yaml: lessons.1 → unknown lesson "P07" (no content/lessons/P07.mdx); list unwritten units under planned',
    ]);
  });

  it('rewrites schema failures into file + field + reason', () => {
    const root = brokenCopy((r) => {
      replaceIn(r, 'content/lessons/P01.mdx', 'minutes: 10', 'minutes: many');
      replaceIn(r, 'content/lessons/P01.mdx', 'roles: [frontline]', 'roles: [chef]');
    });
    const problems = loadAndCheckContent(root).problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^content\/lessons\/P01\.mdx: minutes → .+/);
    expect(problems[1]).toMatch(/^content\/lessons\/P01\.mdx: roles\.0 → .+/);
  });

  it('reports a lesson whose file name differs from its id, and a reused order', () => {
    const root = brokenCopy((r) => {
      const copy = readFileSync(join(r, 'content/lessons/P01.mdx'), 'utf8').replace('id: P01', 'id: P03');
      writeFileSync(join(r, 'content/lessons/P02.mdx'), copy);
    });
    const problems = loadAndCheckContent(root).problems;
    expect(problems).toContain('content/lessons/P02.mdx: id → is "P03" but the file is named "P02"; name the file after its id');
    expect(problems).toContain('content/lessons/P02.mdx: order → 1 is already used in part "part1" by content/lessons/P01.mdx');
  });

  it('keeps industry lessons out of a path’s lists: the sector elective adds them (issue 16)', () => {
    const root = brokenCopy((r) => replaceIn(r, 'content/paths/new-hire.yaml', 'planned: [P02]', 'planned: [P02, P35]'));
    expect(loadAndCheckContent(root).problems).toEqual([
      'content/paths/new-hire.yaml: planned → P35 is an industry lesson: the path\'s sector elective adds it (sector: restaurant); HR picks another with --sector, so do not list it',
    ]);
  });

  it('requires a path’s sector elective to be a sector with an industry lesson', () => {
    const root = brokenCopy((r) => replaceIn(r, 'content/paths/new-hire.yaml', 'sector: restaurant', 'sector: telecom'));
    expect(loadAndCheckContent(root).problems).toEqual([
      'content/paths/new-hire.yaml: sector → Invalid option: expected one of "restaurant"|"hotel"|"finance"|"healthcare"|"ecommerce"',
    ]);
  });

  it('resolves a lesson’s team-lead role-play and keeps it apart from the front-line one', () => {
    const unknown = brokenCopy((r) => replaceIn(r, 'content/lessons/P01.mdx', /\nscenario: ([a-z0-9-]+)\n/, '\nscenario: $1\nleadScenario: p01-nowhere\n'));
    expect(loadAndCheckContent(unknown).problems).toEqual(['content/lessons/P01.mdx: leadScenario → unknown scenario "p01-nowhere" (no scenarios/p01-nowhere.yaml)']);
    const same = brokenCopy((r) => replaceIn(r, 'content/lessons/P01.mdx', /\nscenario: ([a-z0-9-]+)\n/, '\nscenario: $1\nleadScenario: $1\n'));
    expect(loadAndCheckContent(same).problems).toContainEqual(
      'content/lessons/P01.mdx: leadScenario → "p01-demo" is already the front-line scenario; the team-lead role-play is a different conversation',
    );
  });

  it('requires every role-play to be shown once: by one lesson, or on the practice page', () => {
    const orphan = brokenCopy((r) => {
      const text = readFileSync(join(r, 'scenarios/p01-demo.yaml'), 'utf8').replace(/^id: p01-demo$/m, 'id: p01-orphan');
      writeFileSync(join(r, 'scenarios/p01-orphan.yaml'), text);
    });
    expect(loadAndCheckContent(orphan).problems).toEqual([
      'scenarios/p01-orphan.yaml: id → no lesson names it (scenario or leadScenario) and it is not a practice scenario (practice: true), so no learner would see it',
    ]);
    const twice = brokenCopy((r) => replaceIn(r, 'scenarios/p01-demo.yaml', /^id: p01-demo$/m, 'id: p01-demo\npractice: true'));
    expect(loadAndCheckContent(twice).problems).toEqual([
      'scenarios/p01-demo.yaml: practice → true, but content/lessons/P01.mdx already shows it; a lesson role-play is not listed again as practice',
    ]);
  });

  it('holds lesson minutes to the computed front-line core (reading outside <ForManagers> + role-play + check)', () => {
    const root = brokenCopy((r) => replaceIn(r, 'content/lessons/P01.mdx', '正文。', `正文。${'客'.repeat(1400)}`));
    expect(loadAndCheckContent(root).problems).toEqual([
      'content/lessons/P01.mdx: minutes → [minutes] says 10, but the front-line core is 14 ' +
        '(reading 5 (1421 CJK characters outside <ForManagers> ÷ 350) + role-play 5 + check 4); write minutes: 14',
    ]);
  });

  it('reads only practice banks as knowledge checks, and lists every problem rather than stopping at the first', () => {
    const root = brokenCopy((r) => {
      replaceIn(r, 'content/lessons/P01.mdx', 'quiz: p01', 'quiz: p01-pool');
      replaceIn(r, 'quizzes/p01.yaml', 'answer: true', 'answer: false');
    });
    const problems = loadAndCheckContent(root).problems;
    expect(problems).toContain(
      'content/lessons/P01.mdx: quiz → "p01-pool" is not a practice bank (kind: bank); a lesson\'s knowledge check never shows an assessment pool',
    );
    expect(problems.some((p) => p.startsWith('quizzes/p01.yaml: questions q2, q3 → [tf-balance]'))).toBe(true);
  });

  it('reports a missing frontmatter block and a missing parts file', () => {
    const root = brokenCopy((r) => {
      writeFileSync(join(r, 'content/lessons/P01.mdx'), '# no frontmatter\n');
      rmSync(join(r, 'content/parts.yaml'));
    });
    const problems = loadAndCheckContent(root).problems;
    expect(problems).toContain('content/parts.yaml: (file) → missing; it lists the course parts');
    expect(problems.some((p) => p.startsWith('content/lessons/P01.mdx: (file) → cannot be read: no frontmatter'))).toBe(true);
  });
});
