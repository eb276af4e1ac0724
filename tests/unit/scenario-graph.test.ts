import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintScenario } from '../../scripts/content/scenario-lints.ts';
import { loadAndCheckContent } from '../../scripts/lib/content-check.ts';
import { analyseScenario } from '../../src/engine/scenario/graph.ts';
import { rolePlayIslandProps } from '../../src/engine/scenario/props.ts';
import { scenarioSchema, type Scenario } from '../../src/schemas/scenario.ts';
import { loadFixture } from '../fixtures/scenario/load.ts';

const checkScenario = (scenario: Scenario): string[] => analyseScenario(scenario).problems;

describe('scenario graph analysis', () => {
  it('accepts a sound scenario and derives its scoring', () => {
    const { problems, derived } = analyseScenario(loadFixture('valid'));
    expect(problems).toEqual([]);
    expect(derived).not.toBeNull();
    // response 2+1, professionalism 2, memory 2, proactivity 1+2, empathy 2
    expect(derived?.max).toEqual([3, 2, 2, 3, 2]);
    expect(derived?.maxTotal).toBe(12);
    expect(derived?.best).toEqual(['c1', 'c3', 'c5']);
    expect(derived?.longest).toBe(3);
    expect(derived?.endings).toEqual(['e-loyal', 'e-resolved', 'e-escalated', 'e-lost']);
  });

  it('reports a node nothing leads to', () => {
    expect(checkScenario(loadFixture('broken-unreachable'))).toEqual(['node n2 → unreachable: no route from the start (n1) leads here']);
  });

  it('reports a dead end', () => {
    expect(checkScenario(loadFixture('broken-dead-end'))).toContain(
      'node n2 → dead end: it has no choices and is not an ending (add choices, or end the conversation with next: end)',
    );
  });

  it('reports a loop without an exit, naming the cycle', () => {
    const problems = checkScenario(loadFixture('broken-loop'));
    expect(problems.some((p) => p.startsWith('node n2 → loop without exit n2 → n3 → n2'))).toBe(true);
    expect(problems.join('\n')).toMatch(/can never end/);
  });

  it('reports a self-loop as well', () => {
    const s = loadFixture('broken-loop');
    const n3 = s.nodes.find((n) => n.id === 'n3');
    if (!n3) throw new Error('fixture changed');
    n3.choices = n3.choices.filter((c) => c.id === 'c5'); // n3 only points at itself now
    const problems = checkScenario(s);
    expect(problems.some((p) => p.startsWith('node n3 → loop without exit n3 → n3'))).toBe(true);
  });

  it('rejects a loop even when it has an exit (plays must move forward)', () => {
    const problems = checkScenario(loadFixture('broken-loop-exit'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^node n1 → loop n1 → n2 → n1: a conversation must move forward/);
  });

  it('reports dangling targets of choices and branches', () => {
    const problems = checkScenario(loadFixture('broken-dangling'));
    expect(problems).toContain('node n1 → choice c2 points to unknown node n9');
    expect(problems).toContain('node n1 → choice c2 → branch 1 points to unknown node e-gone');
  });

  it('reports mood branches that never apply and the ending only they reach', () => {
    const problems = checkScenario(loadFixture('broken-branch'));
    expect(problems).toContain(
      'ending e-great → unreachable: no reachable end of the conversation matches its when rule (requires fixed; mood ≥ 90) [ending-unreachable]',
    );
    expect(problems).toContain('node n1 → choice c1 → branch 1 (mood ≥ 90) never applies: after this reply the mood is always 40');
  });

  it('reports repeated choice ids', () => {
    expect(checkScenario(loadFixture('broken-ids'))).toEqual([
      "node n2 → choice c1 → id is also used in node n1; choice ids must be unique in the scenario (the learner's path stores them)",
    ]);
  });

  it('requires the best-scoring path to end well', () => {
    expect(checkScenario(loadFixture('broken-best-path'))).toEqual([
      'best path → the highest-scoring replies (c1) end in e-bad (lost); the best replies must lead to resolved or loyal',
    ]);
  });

  it('reports a dimension no reply can earn', () => {
    const s = loadFixture('valid');
    for (const node of s.nodes) for (const c of node.choices) c.points.memory = 0;
    expect(checkScenario(s)).toContain('scoring → no reply on any path earns memory points; every role-play is scored on all five dimensions');
  });

  it('reports a bad start and a timer without a timeout reply', () => {
    const s = loadFixture('valid');
    s.start = 'n0';
    const n1 = s.nodes[0];
    if (!n1) throw new Error('fixture changed');
    delete n1.timeout;
    const problems = checkScenario(s);
    expect(problems).toContain('start → points to unknown node n0');
    expect(problems).toContain('node n1 → timeLimit needs a timeout reply (the reply taken when the time runs out)');
  });

  it('fails the page build with the file name when a scenario is broken', () => {
    expect(() => rolePlayIslandProps(loadFixture('broken-dangling'))).toThrow(
      'scenarios/broken-dangling.yaml: node n1 → choice c2 points to unknown node n9',
    );
    expect(rolePlayIslandProps(loadFixture('valid'), 'P01')).toMatchObject({ lessonId: 'P01', scenario: { id: 'valid', derived: { maxTotal: 12 } } });
  });

  it('content check prefixes every problem with the file, and explains schema errors by field', () => {
    const root = mkdtempSync(join(tmpdir(), 'scenario-check-'));
    mkdirSync(join(root, 'scenarios'));
    const fixtures = new URL('../fixtures/scenario/', import.meta.url).pathname;
    for (const name of ['broken-dangling', 'broken-schema', 'lint-clean']) copyFileSync(join(fixtures, `${name}.yaml`), join(root, 'scenarios', `${name}.yaml`));
    const problems = loadAndCheckContent(root).problems.filter((p) => p.startsWith('scenarios/'));
    expect(problems).toContain('scenarios/broken-dangling.yaml: node n1 → choice c2 points to unknown node n9');
    const schema = problems.filter((p) => p.startsWith('scenarios/broken-schema.yaml'));
    expect(schema.some((p) => p.startsWith('scenarios/broken-schema.yaml: persona.mood →'))).toBe(true);
    expect(schema.some((p) => p.startsWith('scenarios/broken-schema.yaml: nodes.0.choices.0.points.empathy → points are 0, 1 or 2'))).toBe(true);
    expect(schema.some((p) => p.startsWith('scenarios/broken-schema.yaml: nodes.0.choices.0 →') && p.includes('nxt'))).toBe(true);
    expect(schema.some((p) => p.startsWith('scenarios/broken-schema.yaml: endings.0.outcome →'))).toBe(true);
    expect(problems.some((p) => p.startsWith('scenarios/lint-clean.yaml'))).toBe(false);
  });
});

describe('scenarios/README.md', () => {
  it('its minimal example is a valid scenario', () => {
    const readme = readFileSync(new URL('../../scenarios/README.md', import.meta.url), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const scenario = scenarioSchema.parse(parse(example ?? ''));
    const analysis = analyseScenario(scenario);
    expect(analysis.problems).toEqual([]);
    expect(lintScenario(scenario, analysis)).toEqual([]);
  });
});
