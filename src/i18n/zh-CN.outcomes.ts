/**
 * Names of the role-play outcomes and critical-reply kinds (src/schemas/scenario-vocabulary.ts),
 * one home for the words: the role-play dictionary and the LMS report (src/lms/readable.ts) take
 * them from here. A tiny file on its own so the SCORM runtime pulls in no island dictionary.
 */
export const OUTCOME_NAMES = {
  loyal: '挽回并成为忠实客户',
  resolved: '问题解决',
  escalated: '升级投诉',
  lost: '客户流失',
} as const;

export const CRITICAL_NAMES = {
  compliance: '违规操作',
  'false-promise': '虚假承诺',
  blame: '指责客户',
  privacy: '泄露隐私',
} as const;
