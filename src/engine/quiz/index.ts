// The quiz engine: pure TypeScript, no DOM, no framework. Islands import the modules they need
// directly (random, draw, score, attempt, interaction); pages import props.ts at build time.
export * from './random.ts';
export * from './runtime.ts';
export * from './draw.ts';
export * from './score.ts';
export * from './attempt.ts';
export * from './interaction.ts';
export * from './props.ts';
