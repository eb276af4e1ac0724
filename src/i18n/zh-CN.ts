import { fill } from './format.ts';

/**
 * The UI dictionary. Every string the interface shows (not lesson text) lives here, so an
 * English edition only needs a sibling file with the same keys.
 */
export const ui = {
  'course.title': '服务行业雷区',
  'course.tagline': '识别、分析并避开服务中最常见的35个雷区',
  'nav.skip': '跳到正文',
  'nav.home': '课程首页',
  'nav.toc': '目录',
  'nav.tocTitle': '课程目录',
  'nav.close': '关闭',
  'nav.prev': '上一课',
  'nav.next': '下一课',
  'nav.backHome': '返回课程首页',
  'nav.practice': '情景练习',
  'progress.label': '课程进度',
  'progress.summary': '已完成 {completed} / {total} 课',
  'status.not-started': '未开始',
  'status.in-progress': '学习中',
  'status.completed': '已完成',
  'home.parts': '课程地图',
  'home.minutes': '{minutes} 分钟',
  'home.lessonCount': '{count} 课 · 约 {minutes} 分钟',
  'home.comingSoon': '本部分课程正在编写中，即将上线。',
  'home.practiceHint': '三个完整的投诉处理情景，可反复练习。',
  'home.paths': '按岗位学习',
  'home.pathsIntro': '人力资源或培训负责人可以按岗位为新员工指派以下学习路径。',
  'home.pathLessons': '已上线 {ready} 课，规划 {planned} 课',
  'resume.title': '欢迎回来',
  'resume.firstTitle': '从这里开始',
  'resume.continue': '继续学习：{lesson}',
  'resume.start': '开始学习：{lesson}',
  'resume.done': '你已完成全部课程，可以随时回顾任意一课。',
  'lesson.objectives': '学完本课，你将能够',
  'lesson.minutes': '约 {minutes} 分钟',
  'lesson.illustrative': '本课案例为教学示例，用于说明原理，并非真实企业数据。',
  'lesson.endReached': '本课已读完。',
  'lesson.completed': '本课已完成。',
  'lesson.remaining': '还差一步：完成本课的{items}后即可完成本课。',
  'lesson.remainingQuiz': '知识检查',
  'lesson.remainingScenario': '情景演练',
  'lesson.and': '和',
  'lesson.endMarker': '本课结束',
  'lesson.of': '第 {n} 课',
  'case.label': '案例',
  'case.illustrative': '示例案例',
  'case.situation': '发生了什么',
  'case.impact': '代价',
  'case.turnaround': '如何扭转',
  'case.insight': '启示',
  'case.numbers': '关键数字',
  'figure.source': '来源：{source}',
  'steps.label': '模型',
  'dodont.do': '这样做',
  'dodont.dont': '避免这样做',
  'spot.title': '如何发现这个雷区',
  'takeaways.title': '要点回顾',
  'callout.tip': '提示',
  'callout.note': '说明',
  'callout.warning': '注意',
  'dialogue.customer': '客户',
  'dialogue.staff': '员工',
  'dialogue.good': '较好的回应',
  'dialogue.poor': '欠妥的回应',
  'part.lessons': '本部分课程',
  'part.assessment': '本部分测评',
  'part.open': '查看本部分',
  'footer.note': '课程内容基于行业调研资料编写，案例均已匿名处理。',
} as const;

export type UiKey = keyof typeof ui;

/** Looks up a UI string and fills `{name}` placeholders. */
export function t(key: UiKey, vars: Record<string, string | number> = {}): string {
  return fill(ui[key], vars);
}
