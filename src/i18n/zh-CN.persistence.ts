import { lookup } from './format.ts';

/**
 * Strings about where the learner's progress is kept: the pending-work question (work done
 * while no LMS session could be opened) and the save notices, which say only what is true.
 */
export const persistenceUi = {
  'pending.notice':
    '本浏览器中有一份学习进度（涉及 {lessons} 个课时），是在学习平台未能确认学员身份时留下的，目前没有记入任何人的学习记录。如果这是你的进度，可以合并到你的记录中；如果不是，请丢弃。',
  'pending.mine': '是我的，合并',
  'pending.notMine': '不是我的，丢弃',
  'pending.merged': '已合并到你的学习记录。',
  'pending.discarded': '已丢弃这份进度，你的学习记录没有变化。',
  // What a save notice may say, by what is actually true (see src/persistence/save-notice.ts).
  'save.lmsFailing.browserKeeps': '暂时无法把进度保存到学习平台。最近的进度已保存在本浏览器中，系统会自动重试；请先不要关闭此窗口。',
  'save.lmsFailing.nothingKeeps': '暂时无法保存进度：学习平台没有响应，本浏览器也无法保存。请保持此窗口打开，最近的进度尚未保存，系统会自动重试。',
  'save.lmsFailing.nothingKeepsFor': '暂时无法保存进度：学习平台没有响应，本浏览器也无法保存。请保持此窗口打开，最近 {minutes} 分钟的进度尚未保存，系统会自动重试。',
  'save.noSession.browserKeeps':
    '暂时无法连接学习平台，本次无法确认你的身份。你可以继续学习，进度先暂存在本浏览器中，不会记入任何人的记录；下次从学习平台打开课程时，会先询问这些进度是否属于你，确认后才会合并。',
  'save.noSession.nothingKeeps': '暂时无法连接学习平台，本浏览器也无法保存进度：关闭或刷新此窗口后，本次学习的进度将无法保留。',
  'save.standalone.nothingKeeps': '未连接学习平台，本浏览器也无法保存进度：关闭或刷新此窗口后，进度将无法保留。',
  'save.foreign': '学习平台中保存的记录属于另一门课程，已忽略；本课程从头开始，原记录不受影响。',
} as const;

export type PersistenceUiKey = keyof typeof persistenceUi;

export const tp = lookup(persistenceUi);
