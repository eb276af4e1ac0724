/**
 * Voice rules for learner text (lessons and quiz items), from the content standard's "Evidence":
 * no authoring notes that mention source documents, and one attribution for the seeds'
 * unsourced figures: 据行业调研.
 */

/** Words that point at a source document the learner never sees. */
const SOURCE_DOCUMENT = /资料/;

/**
 * Attributions that imply a study the seeds do not name. The one allowed wording is 据行业调研
 * (a named source such as "2024年第三季度消费者满意度调查" stays as the seed gives it).
 */
const OTHER_ATTRIBUTION =
  /行业研究|行业调查|行业数据|行业报告|行业统计|调研显示|调研表明|调研发现|调查显示|调查表明|研究显示|研究表明|研究发现|有研究|据研究|据调查|据统计|据数据|相关研究|数据表明/;

/** Problems of one piece of learner text, without location: "[rule] reason". */
export function voiceProblems(text: string): string[] {
  const out: string[] = [];
  const doc = SOURCE_DOCUMENT.exec(text);
  if (doc)
    out.push(`[voice-source-doc] "${excerpt(text, doc.index)}" mentions ${doc[0]}; learner text never refers to a source document (turn a gap into a 你来诊断 prompt)`);
  const attribution = OTHER_ATTRIBUTION.exec(text);
  if (attribution)
    out.push(`[voice-attribution] "${excerpt(text, attribution.index)}" attributes a figure with ${attribution[0]}; unsourced figures are attributed only as 据行业调研`);
  return out;
}

/** A few characters around a match, so the author can find it. */
export function excerpt(text: string, at: number, radius = 8): string {
  return text.slice(Math.max(0, at - radius), at + radius).replace(/\s+/g, ' ').trim();
}
