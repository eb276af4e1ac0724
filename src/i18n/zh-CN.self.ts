import { activeLookup } from './active.ts';
import { DIMENSION_NAMES } from './zh-CN.dimensions.ts';

/**
 * Strings of the five-dimension self-assessment island (src/islands/self-assessment/). Keys are
 * prefixed `self.`; the dimension names come from zh-CN.dimensions.ts, as the role-play's do, so
 * this island does not load the role-play's words.
 */
export const selfUi = {
  'self.loading': '正在读取你的自评记录…',
  'self.kind': '自评',
  'self.scale': '出现频率',
  'self.rating.1': '很少',
  'self.rating.2': '有时',
  'self.rating.3': '经常',
  'self.rating.4': '总是',
  'self.progress': '已评 {rated} / {total} 项',
  'self.incomplete': '还有 {left} 项未评。全部评完后显示你的五维度雷达图。',
  'self.saved': '已保存：{dimension}第 {n} 条，“{rating}”。',
  'self.resultTitle': '你的五维度画像',
  'self.selfChart': '自评雷达图',
  'self.selfChartDesc': '每个维度 0–100 分：该维度各条的平均频率，很少 = 0，有时 ≈ 33，经常 ≈ 67，总是 = 100。',
  'self.shownChart': '情景演练表现雷达图',
  'self.shownChartDesc': '每个维度 0–100 分：你完成的各个情景演练在该维度得到的分数占可得分数的比例，取平均值；每个演练按最近一次完成的结果计。',
  'self.tableCaption': '自评与演练表现对照（0–100 分）',
  'self.colDimension': '维度',
  'self.colSelf': '自评',
  'self.colShown': '演练表现',
  'self.colGap': '差距',
  'self.none': '—',
  'self.noRolePlay': '完成任意一个情景演练后，这里会并排显示你在演练中的实际表现，方便和自评对照。',
  'self.basis': '演练表现来自你已完成的 {count} 个情景演练。',
  'self.compare.higher': '你对{list}的自评明显高于演练中的表现，下次演练时请重点留意。',
  'self.compare.lower': '你对{list}的自评低于演练中的表现，你做得比自己以为的更好。',
  'self.compare.close': '{list}的自评与演练表现基本一致。',
  'self.compare.allClose': '五个维度的自评与演练表现基本一致：你对自己的判断比较准确。',
  'self.listJoin': '、',
  'self.dim.response': DIMENSION_NAMES.response,
  'self.dim.professionalism': DIMENSION_NAMES.professionalism,
  'self.dim.memory': DIMENSION_NAMES.memory,
  'self.dim.proactivity': DIMENSION_NAMES.proactivity,
  'self.dim.empathy': DIMENSION_NAMES.empathy,
} as const;

export type SelfUiKey = keyof typeof selfUi;

/** In the interface language (src/i18n/active.ts): English once the learner's page has switched. */
export const ts = activeLookup(selfUi);
