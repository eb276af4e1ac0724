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
  if (problems.length > 0 || !derived) {
    const file = `scenarios/${scenario.id}.yaml`;
    throw new Error(`Role-play check failed:\n${problems.map((p) => `  ✗ ${file}: ${p}`).join('\n')}`);
  }
  return { scenario: { ...scenario, derived }, ...(lessonId ? { lessonId } : {}) };
}
