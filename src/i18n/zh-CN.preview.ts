import { lookup } from './format.ts';

/**
 * Words of the local LMS preview's inspector summary card (scripts/preview/inspect.ts; issue 18
 * point 3): what the LMS holds for the learner, as a person reads it, above the raw CMI.
 */
export const previewUi = {
  'preview.summary.title': '学习情况摘要',
  'preview.summary.completion': '完成状态',
  'preview.summary.success': '通过状态',
  'preview.summary.score': '成绩',
  'preview.summary.time': '学习时长',
  'preview.summary.timeValue': '累计 {total}，本次 {session}',
  'preview.summary.none': '—',
  /** A CMI status word as a person reads it, the value the LMS stores after it: 未完成（incomplete）. */
  'preview.summary.cmiWord': '{word}（{value}）',
  'preview.summary.cmi.completed': '已完成',
  'preview.summary.cmi.incomplete': '未完成',
  'preview.summary.cmi.not attempted': '未开始',
  'preview.summary.cmi.browsed': '已浏览',
  'preview.summary.cmi.passed': '通过',
  'preview.summary.cmi.failed': '未通过',
  'preview.summary.cmi.unknown': '未判定',
  'preview.summary.hours': '{n} 小时',
  'preview.summary.minutes': '{n} 分',
  'preview.summary.seconds': '{n} 秒',
  'preview.summary.lessons': '各课情况',
  'preview.summary.lesson': '课',
  'preview.summary.status': '状态',
  'preview.summary.best': '测验最高分',
  'preview.summary.roleplay': '角色扮演',
  'preview.summary.noRoleplay': '无',
  'preview.summary.notPlayed': '尚未完成',
  'preview.summary.leadRoleplay': '班组长演练（选做）：',
  'preview.summary.play': '{outcome}，总分 {total}，{verdict}',
  'preview.summary.passed': '通过',
  'preview.summary.failed': '未通过',
  'preview.summary.dimension': '{name} {score}',
  'preview.summary.status.not-started': '未开始',
  'preview.summary.status.in-progress': '学习中',
  'preview.summary.status.completed': '已完成',
  'preview.summary.suspend': '学习记录（suspend data 解码后）',
  'preview.summary.suspendLength': '共 {chars} 个字符，格式版本 {version}',
  'preview.summary.suspendEmpty': '尚无学习记录（首次启动）。',
  'preview.summary.suspendUnreadable': '无法解码：{reason}',
  'preview.summary.selfRatings': 'A2 自评',
  'preview.summary.rawCmi': '原始 CMI 与 API 调用见下方。',
} as const;

export type PreviewUiKey = keyof typeof previewUi;

export const tp = lookup(previewUi);
