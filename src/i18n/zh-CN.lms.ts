import { lookup } from './format.ts';
import { persistenceUi } from './zh-CN.persistence.ts';

/** Strings of the LMS status indicator, banners and Exit button (merged into `ui` by the lead). */
export const lmsUi = {
  'lms.mode.standalone': '单机模式',
  'lms.mode.standaloneHint': '未连接学习平台，进度保存在本浏览器中。',
  'lms.mode.scorm12': '已连接学习平台',
  'lms.mode.scorm2004': '已连接学习平台',
  'lms.mode.lmsHint': '进度会自动保存到学习平台（{version}）。',
  'lms.mode.connecting': '正在连接…',
  'lms.mode.unavailable': '学习平台未响应',
  'lms.mode.unavailableHint': '学习平台没有接受本次会话，无法确认学员身份；进度暂存在本浏览器中，不记入任何人的记录。',
  'lms.banner.commitFailing': '暂时无法把进度保存到学习平台。你的进度已保存在本浏览器中，系统会自动重试；请先不要关闭此窗口。',
  // Issue 9 item 2: no learner is guessed; the work waits for the next learner to claim it.
  'lms.banner.unavailable': persistenceUi['save.noSession.browserKeeps'],
  'lms.notice.corrupt': '之前保存的学习记录无法读取，课程已从头开始。',
  'lms.notice.recovered': '已从本浏览器恢复学习平台未保存的进度。',
  'lms.notice.dismiss': '知道了',
  'lms.exit': '退出课程',
  'lms.exit.done': '已安全退出，进度已保存。现在可以关闭此窗口。',
  'lms.interactionsOff': '本学习平台不记录逐题作答，只记录成绩与完成情况。',
  'lms.suspendTooLong': '本学习平台能保存的学习记录长度有限，目前的进度无法完整保存到平台；课程的完成状态和成绩仍会照常上报。',
  'lms.mode.failing': '保存失败，稍后重试',
  'lms.mode.failingHint': '暂时无法把进度保存到学习平台，系统会自动重试。',
  'lms.mode.exited': '已退出',
  'lms.mode.exitedHint': '本次学习已结束，进度已保存到学习平台。',
  'lms.final.title': '你已退出课程',
} as const;

export type LmsUiKey = keyof typeof lmsUi;

export const tl = lookup(lmsUi);
