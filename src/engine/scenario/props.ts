/**
 * Build-time helper for pages: turns a parsed scenario into the RolePlay island's props, with
 * the derived maximum scores and best path. Throws (failing the build) with an author-readable
 * message when the scenario's graph is broken, so a page never ships an unplayable role-play.
 */
import type { Scenario } from '../../schemas/scenario.ts';
import { analyseScenario } from './graph.ts';
import type { RolePlayScenario } from './model.ts';

export interface RolePlayIslandProps {
  scenario: RolePlayScenario;
  lessonId?: string;
}

/** Props for `<RolePlay client:visible {...rolePlayIslandProps(entry.data, 'P01')} />`. */
export function rolePlayIslandProps(scenario: Scenario, lessonId?: string): RolePlayIslandProps {
  const { problems, derived } = analyseScenario(scenario);
  // The page needs a playable scenario: structural problems fail it here. The v2 rules and
  // lints (messages ending in [rule]) fail the content check, which runs before every build.
  const structural = problems.filter((p) => !/\[[a-z-]+\]$/.test(p));
  if (structural.length > 0 || !derived) {
    const file = `scenarios/${scenario.id}.yaml`;
    throw new Error(`Role-play check failed:\n${(structural.length ? structural : problems).map((p) => `  ✗ ${file}: ${p}`).join('\n')}`);
  }
  // Replies are shown in an order fixed per node but unrelated to how they were authored, so
  // learners cannot learn "the good answer is always first" (the same on every build and replay).
  const nodes = scenario.nodes.map((node) => ({ ...node, choices: stableShuffle(node.choices, `${scenario.id}/${node.id}`) }));
  return { scenario: { ...scenario, nodes, derived }, ...(lessonId ? { lessonId } : {}) };
}

/** Deterministic order from a string key (FNV-1a hash seeding a small LCG, Fisher–Yates). */
export function stableShuffle<T>(items: readonly T[], key: string): T[] {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    hash = (Math.imul(hash, 1664525) + 1013904223) >>> 0;
    const j = hash % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
