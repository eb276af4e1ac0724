/**
 * Formats of the SCORM data models (pure functions, unit-tested against each spec's patterns).
 * 1.2: RTE 1.2 §3.4 (CMITimespan, CMITime, CMIIdentifier, CMIFeedback). 2004 4th Ed: RTE 4.1
 * (timeinterval, time, long_identifier_type, the [,] and [.] response delimiters).
 */

/** CMITimespan HHHH:MM:SS.SS (1.2 session_time and latency). */
export function timespan12(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(cs / 360000));
  const minutes = Math.floor((cs % 360000) / 6000);
  const seconds = Math.floor((cs % 6000) / 100);
  const frac = cs % 100;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(hours)}:${two(minutes)}:${two(seconds)}${frac ? `.${two(frac)}` : ''}`;
}

/** CMITime HH:MM:SS (1.2 interaction time of day, in the learner's local time). */
export function time12(iso: string): string {
  const d = new Date(iso);
  const valid = !Number.isNaN(d.getTime());
  const two = (n: number) => String(n).padStart(2, '0');
  return valid ? `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}` : '00:00:00';
}

/** ISO 8601 duration with at most two decimals of seconds, never empty (2004 session_time, latency). */
export function duration2004(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(cs / 360000);
  const minutes = Math.floor((cs % 360000) / 6000);
  const seconds = (cs % 6000) / 100;
  let out = 'PT';
  if (hours) out += `${hours}H`;
  if (minutes) out += `${minutes}M`;
  if (seconds || out === 'PT') out += `${Number(seconds.toFixed(2))}S`;
  return out;
}

/** 2004 time(second,10,0): YYYY-MM-DDThh:mm:ss.s with a UTC designator (TZD only after a fraction). */
export function timestamp2004(iso: string): string {
  const d = new Date(iso);
  const t = Number.isNaN(d.getTime()) ? new Date(0) : d;
  return `${t.toISOString().slice(0, 19)}.${Math.floor(t.getUTCMilliseconds() / 100)}Z`;
}

/**
 * The strictest identifier any LMS we know accepts for ids that travel in an interaction:
 * Moodle validates 2004 short identifiers (response and pattern ids) with `^[\w.]{1,250}$`, so
 * `follow-up` is refused (406) there. Every character outside [A-Za-z0-9_.] becomes "_"
 * (`follow-up` → `follow_up`); tests/unit/lms-format.test.ts checks that no two ids of one
 * question in quizzes/ collide.
 */
export const SAFE_IDENTIFIER = /^[\w.]{1,250}$/;
export function safeIdentifier(id: string): string {
  return id.replace(/[^A-Za-z0-9_.]/g, '_').slice(0, 250) || '_';
}

/** 1.2 CMIIdentifier (no whitespace, ≤ 255), in the strict form above. */
export function identifier12(id: string): string {
  return safeIdentifier(id);
}

/** 2004 long_identifier_type (≤ 4000), in the strict form above (some LMSs check ids as short ones). */
export function identifier2004(id: string): string {
  return safeIdentifier(id);
}

/** 2004 short_identifier_type for response ids. */
const shortId = safeIdentifier;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max);
}

/** Decimal to at most 4 places, no exponent ("0.6667"). */
export function decimal(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}

/** Truthy spellings of a true/false answer's option id. */
const TRUE_IDS = new Set(['true', 't', '1', 'yes', 'y', '对', '正确']);

export type InteractionType = 'choice' | 'true-false' | 'sequencing' | 'matching' | 'other';

/** "left:right" pairs of a matching response. */
function pairs(response: string[]): [string, string][] {
  return response.map((p) => {
    const at = p.indexOf(':');
    return at < 0 ? [p, ''] : [p.slice(0, at), p.slice(at + 1)];
  });
}

/** 1.2 response formats (CMIFeedback, ≤ 255): t/f, "a,b", "1.a,2.b"; role-plays as a performance path. */
export function response12(type: InteractionType, response: string[]): string {
  switch (type) {
    case 'true-false':
      return TRUE_IDS.has((response[0] ?? '').toLowerCase()) ? 't' : 'f';
    case 'matching':
      return clip(pairs(response).map(([l, r]) => `${identifier12(l)}.${identifier12(r)}`).join(','), 255);
    default:
      return clip(response.map(identifier12).join(','), 255);
  }
}

/** 2004 response formats: true/false, "a[,]b", "1[.]a[,]2[.]b"; role-plays (other) as text. */
export function response2004(type: InteractionType, response: string[]): string {
  switch (type) {
    case 'true-false':
      return TRUE_IDS.has((response[0] ?? '').toLowerCase()) ? 'true' : 'false';
    case 'choice':
      return [...new Set(response.map(shortId))].join('[,]');
    case 'sequencing':
      return response.map(shortId).join('[,]');
    case 'matching':
      return pairs(response).map(([l, r]) => `${shortId(l)}[.]${shortId(r)}`).join('[,]');
    default:
      return clip(response.join(','), 4000);
  }
}

/** Interaction result from the credit 0–1: correct, wrong/incorrect, or the partial credit as a number. */
export function result(version: '1.2' | '2004', credit: number): string {
  if (credit >= 1) return 'correct';
  if (credit <= 0) return version === '1.2' ? 'wrong' : 'incorrect';
  return decimal(credit);
}
