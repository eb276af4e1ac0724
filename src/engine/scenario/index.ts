/** The role-play engine: graph analysis, scoring, the runner and reporting. Pure TS. */
export * from './model.ts';
export { analyseScenario, explore, scoreExploration, type Exploration, type NodeState, type ScenarioAnalysis, type TerminalState } from './graph.ts';
export { band, normalise, normaliseTotal, passes, resonance, type Band, type Resonance } from './score.ts';
export { allowedReplies, applyChoice, currentNode, endingOf, replayPath, startPlay, stepsInOrder, turnsOf, type PlayState, type Turn } from './runner.ts';
export { interactionId, interactionRecord, playResonance, scenarioResult, type InteractionContext } from './result.ts';
export { rolePlayIslandProps, type RolePlayIslandProps } from './props.ts';
