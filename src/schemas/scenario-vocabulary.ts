/**
 * The role-play vocabulary shared by the schema (src/schemas/scenario.ts) and the engine
 * (src/engine/scenario/). Plain constants, no zod: the browser island imports them.
 */

/** The complaint model's four steps (倾听 → 表达理解 → 提供解决方案 → 跟进反馈), in model order. */
export const COMPLAINT_STEPS = ['listen', 'empathise', 'solve', 'follow-up'] as const;

/** Endings from best to worst: 挽回并成为忠实客户 / 问题解决 / 升级投诉 / 客户流失. */
export const OUTCOMES = ['loyal', 'resolved', 'escalated', 'lost'] as const;

/** The best outcome: a play with a critical reply can never reach it. */
export const BEST_OUTCOME = 'loyal';

/**
 * Kinds of critical reply (a breach that caps the play: it cannot pass or reach the best
 * ending): a compliance breach, a false promise, blaming the customer, leaking private data.
 */
export const CRITICAL_KINDS = ['compliance', 'false-promise', 'blame', 'privacy'] as const;

/** The reserved reply target that ends the conversation; the ending is then chosen by the endings' `when` rules. */
export const END = 'end';
