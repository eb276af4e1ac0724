// @ts-check
/**
 * How Moodle 5.0 derives a SCORM 2004 SCO's cmi.scaled_passing_score from imsmanifest.xml, for
 * the preview's `moodle` quirk profile (../shared/research: issue 10 item 9). Moodle reads every
 * objective of the item (primary and others, in document order) and stores its
 * minNormalizedMeasure, 1.0 when the objective has none; the last one it reads becomes
 * cmi.scaled_passing_score. So one declared objective without a measure turns an 80 % pass mark
 * into 100 %. Plain JS (runs in the player page and in unit tests), no DOM needed.
 */

/**
 * @param {string} manifestXml the package's imsmanifest.xml
 * @returns {string | null} the value Moodle would give cmi.scaled_passing_score, or null when
 *   the manifest declares no objective (Moodle then leaves it empty)
 */
export function moodleScaledPassingScore(manifestXml) {
  /** @type {string | null} */
  let value = null;
  const objective = /<imsss:(primaryObjective|objective)\b[^>]*?(\/>|>([\s\S]*?)<\/imsss:\1>)/g;
  for (const match of manifestXml.matchAll(objective)) {
    const measure = /<imsss:minNormalizedMeasure>\s*([^<\s]+)\s*<\/imsss:minNormalizedMeasure>/.exec(match[3] ?? '');
    value = measure ? String(Number(measure[1])) : '1';
  }
  return value;
}
