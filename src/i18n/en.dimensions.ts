import type { DIMENSION_NAMES } from './zh-CN.dimensions.ts';

/** The five service-attitude dimensions in English: the same keys as zh-CN.dimensions.ts. */
export const DIMENSION_NAMES_EN = {
  response: 'Responsiveness',
  professionalism: 'Professionalism',
  memory: 'Memory',
  proactivity: 'Proactivity',
  empathy: 'Empathy',
} as const satisfies Record<keyof typeof DIMENSION_NAMES, string>;
