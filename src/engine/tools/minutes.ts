import type { ToolId } from '../../schemas/tools.ts';

/**
 * Honest minutes for a learner to work through each tool once (its preset or a small case of
 * their own), counted in a lesson's `minutes` (the core tool) or `managerMinutes` (lead tools)
 * by the content check, like a role-play's minutes.
 */
export const TOOL_MINUTES: Record<ToolId, number> = {
  painpoints: 5,
  journey: 5,
  sfmea: 6,
  blueprint: 5,
  selfcheck: 20,
  impact: 4,
  roadmap: 5,
};
