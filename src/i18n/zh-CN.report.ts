import { lookup } from './format.ts';

/**
 * Words of what the course stores in the LMS for a report to read (src/lms/readable.ts; issue 18
 * point 2): a finished role-play and the A2 self-assessment objectives. Its own small file so the
 * SCORM runtime carries only these words.
 */
export const reportUi = {
  'lms.report.playDescription': '角色扮演「{title}」，结局：{outcome}',
  'lms.report.total': '总分 {total}，{verdict}',
  'lms.report.passed': '通过',
  'lms.report.failed': '未通过',
  'lms.report.dimension': '{name} {score}',
  'lms.report.critical': '关键失误：{list}',
  'lms.report.criticalItem': '{kind}（{choice}）',
  'lms.report.replies': '所选回复：{list}',
  'lms.report.reply': '{id} {label}',
  'lms.report.part': '；',
  'lms.report.list': '，',
  'lms.report.path': ' → ',
  'lms.report.more': '…',
  // SCORM 2004 objectives of the A2 self-assessment (one per dimension).
  'lms.report.selfObjective': 'A2 自评：{name}',
  'lms.report.selfCheckPart': '服务雷区自查：第 {part} 部分得分率',
  'lms.report.selfCheckTotal': '服务雷区自查：总得分率（已答 {answered}/120 项）',
} as const;

export type ReportUiKey = keyof typeof reportUi;

export const tReport = lookup(reportUi);
