/**
 * The five service-attitude dimensions' names (course-outline.md §4.2), one home for the words:
 * the role-play, self-assessment and certificate dictionaries take them from here, so a rename
 * reaches every screen. A tiny file on its own so an island's dictionary pulls in nothing else.
 */
export const DIMENSION_NAMES = {
  response: '响应速度',
  professionalism: '专业度',
  memory: '记忆力',
  proactivity: '主动性',
  empathy: '情感共鸣',
} as const;
