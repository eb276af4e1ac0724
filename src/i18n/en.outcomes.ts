import type { CRITICAL_NAMES, OUTCOME_NAMES } from './zh-CN.outcomes.ts';

/** Role-play outcomes and critical-reply kinds in English: the same keys as zh-CN.outcomes.ts. */
export const OUTCOME_NAMES_EN = {
  loyal: 'Won back as a loyal customer',
  resolved: 'Problem resolved',
  escalated: 'Complaint escalated',
  lost: 'Customer lost',
} as const satisfies Record<keyof typeof OUTCOME_NAMES, string>;

export const CRITICAL_NAMES_EN = {
  compliance: 'Breach of rules',
  'false-promise': 'False promise',
  blame: 'Blaming the customer',
  privacy: 'Privacy leak',
} as const satisfies Record<keyof typeof CRITICAL_NAMES, string>;
