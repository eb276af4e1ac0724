/**
 * What the LMS says about how this learner wants to learn: SCORM 1.2 `cmi.student_preference.*`
 * and SCORM 2004 `cmi.learner_preference.*`. Both are optional for an LMS (most never set them;
 * an unsupported element answers '' with an error), so every field falls back to "no preference".
 *
 * What the course does with them (README "Learner preferences from the LMS"):
 * - slower delivery → the role-play reply timer defaults to the extended limit, unless the
 *   learner chose a timing on this device;
 * - language → kept for the interface language (the lesson text is zh-CN whatever it says);
 * - captions → nothing to switch: the course has no audio, every word is on screen.
 */
export interface LearnerPreferences {
  /** Language code the LMS set (lower-case primary tag, e.g. "en", "zh-cn"); '' when none or not a code. */
  language: string;
  /** The learner asked for slower delivery: 1.2 speed below 0 (−100…100), 2004 delivery_speed below 1. */
  slower: boolean;
  /** Text for audio: true on, false off, null no preference (1.2 `text`, 2004 `audio_captioning`: −1 / 0 / 1). */
  captions: boolean | null;
}

export const NO_PREFERENCES: LearnerPreferences = { language: '', slower: false, captions: null };

/** A language code as RFC 5646 shapes it ("en", "en-US", "zh-Hans-CN"); free text such as "English" is not one. */
function languageCode(raw: string): string {
  const value = raw.trim();
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(value) ? value.toLowerCase() : '';
}

function number(raw: string): number | null {
  const value = raw.trim();
  if (value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function captions(raw: string): boolean | null {
  const n = number(raw);
  return n === 1 ? true : n === -1 ? false : null;
}

export function preferences12(get: (element: string) => string): LearnerPreferences {
  const speed = number(get('cmi.student_preference.speed'));
  return {
    language: languageCode(get('cmi.student_preference.language')),
    slower: speed !== null && speed < 0 && speed >= -100,
    captions: captions(get('cmi.student_preference.text')),
  };
}

export function preferences2004(get: (element: string) => string): LearnerPreferences {
  const speed = number(get('cmi.learner_preference.delivery_speed'));
  return {
    language: languageCode(get('cmi.learner_preference.language')),
    slower: speed !== null && speed >= 0 && speed < 1,
    captions: captions(get('cmi.learner_preference.audio_captioning')),
  };
}
