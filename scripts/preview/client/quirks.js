// @ts-check
/**
 * LMS quirk profiles and fault switches, wrapped around a real scorm-again API object. Runs in
 * the preview's player page (browser) and in unit tests (Node). Plain JS so the browser can
 * load it without a build step.
 *
 * Profiles (what real LMSs do; see ../shared/research/lms-notes.md):
 * - clean: scorm-again as is.
 * - strict: the spec to the letter where scorm-again is lenient: SCORM 1.2 suspend_data ≤ 4,096
 *   and CMIString255 fields ≤ 255, CMIIdentifier without spaces, nothing after LMSFinish (301);
 *   scorm-again already enforces 1.2 write-only interaction fields, 2004 `type` before
 *   `learner_response` (408) and 2004 calls after Terminate (123/133/143).
 * - no-interactions-count: the LMS does not implement cmi.interactions (401 on _count and on
 *   every interactions field).
 * - commit-keeps-nothing: Commit/Terminate return "true" but nothing reaches the LMS store.
 * - slow: Initialize/Commit/Terminate block for `slowMs` (default 2,000 ms), Get/SetValue 30 ms.
 * - slow-every-call: every API call blocks for `slowMs` (the worst LMS seen: 2 s per call).
 * - truncate-255 / truncate-4096: suspend_data is silently cut to 255 / 4,096 characters
 *   (SetValue answers "true"; GetValue and the store return the cut value), as some LMSs do.
 * - moodle: Moodle 5.0's own validation and launch data: in SCORM 2004 every id in a choice, sequencing or
 *   matching learner_response or correct_responses pattern must match `^[\w.]{1,250}$`, else
 *   SetValue returns "false" with error 406. Rules live in PROFILE_RULES: add one there.
 *   SCORM 2004 cmi.scaled_passing_score is derived from the
 *   manifest's objectives the way Moodle does it (moodle-passing-score.js, used by player.js).
 *
 * Fault switches (live, from the inspector): commitFails (Commit returns "false", error 391 in
 * 2004 / 101 in 1.2), terminateFails (Terminate/LMSFinish return "false" too), initializeFails
 * (Initialize returns "false", 102 / 101), outage (every SetValue and Commit refused: 351 / 101),
 * slow. "Offline" (the commit request never reaches the
 * server) lives in the player's HTTP service, not here.
 */

export const PROFILES = ['clean', 'strict', 'no-interactions-count', 'commit-keeps-nothing', 'slow', 'slow-every-call', 'truncate-255', 'truncate-4096', 'moodle'];

/** Moodle 2004 short identifier (mod/scorm/datamodels/scorm_13.js CMIShortIdentifier, as seen in 5.0). */
const MOODLE_SHORT_ID = /^[\w.]{1,250}$/;

/**
 * Extra SetValue rules per profile: `set(element, value, ctx)` returns a refusal
 * `[code, message, diagnostic]` or null. `ctx.types` maps interaction index → type written.
 * @type {Record<string, { set?: (element: string, value: string, ctx: { v12: boolean, types: Map<string, string> }) => [number, string, string] | null, truncate?: number }>}
 */
export const PROFILE_RULES = {
  moodle: {
    set(element, value, ctx) {
      if (ctx.v12) return null;
      const m = /^cmi\.interactions\.(\d+)\.(learner_response|correct_responses\.\d+\.pattern)$/.exec(element);
      if (!m) return null;
      const type = ctx.types.get(/** @type {string} */ (m[1]));
      if (type !== 'choice' && type !== 'sequencing' && type !== 'matching') return null;
      const ids = value.split('[,]').flatMap((part) => (type === 'matching' ? part.split('[.]') : [part]));
      const bad = ids.find((id) => !MOODLE_SHORT_ID.test(id));
      return bad === undefined ? null : [406, 'Data Model Element Type Mismatch', `${element}: "${bad}" is not a short identifier`];
    },
  },
  'truncate-255': { truncate: 255 },
  'truncate-4096': { truncate: 4096 },
};

/** @param {number} ms */
function block(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // A synchronous LMS call: the page cannot do anything else meanwhile.
  }
}

const CMI_STRING_255_12 = new Set(['cmi.core.lesson_location', 'cmi.comments_from_lms']);

/**
 * @typedef {{ commitFails: boolean, initializeFails: boolean, slow: boolean, slowMs?: number, terminateFails?: boolean, outage?: boolean }} Faults
 * @typedef {{ profile: string, faults: Faults, onCall?: (name: string, args: unknown[], result: unknown, error: number) => void }} QuirkOptions
 */

/**
 * @param {any} inner scorm-again Scorm12API or Scorm2004API
 * @param {'1.2' | '2004'} version
 * @param {QuirkOptions} options
 */
export function wrapApi(inner, version, options) {
  const v12 = version === '1.2';
  const name = v12
    ? { init: 'LMSInitialize', finish: 'LMSFinish', commit: 'LMSCommit', get: 'LMSGetValue', set: 'LMSSetValue', err: 'LMSGetLastError', str: 'LMSGetErrorString', diag: 'LMSGetDiagnostic' }
    : { init: 'Initialize', finish: 'Terminate', commit: 'Commit', get: 'GetValue', set: 'SetValue', err: 'GetLastError', str: 'GetErrorString', diag: 'GetDiagnostic' };
  /** @type {{ code: number, message: string, diagnostic: string } | null} */
  let override = null;
  let state = 'new'; // new | running | ended
  const profile = options.profile;
  const slowMs = () => options.faults.slowMs ?? 2000;
  const isSlow = () => profile === 'slow' || profile === 'slow-every-call' || options.faults.slow;
  const callMs = () => (profile === 'slow-every-call' ? slowMs() : 30);
  const rules = PROFILE_RULES[profile] ?? {};
  /** Interaction index → type, for rules that depend on it. */
  const types = new Map();

  /** @param {number} code @param {string} message @param {string} diagnostic */
  const refuse = (code, message, diagnostic, value = 'false') => {
    override = { code, message, diagnostic };
    return value;
  };
  /** @param {string} method @param {unknown[]} args @param {unknown} result */
  const report = (method, args, result) => {
    options.onCall?.(method, args, result, Number(/** @type {any} */ (api)[name.err]()));
    return result;
  };

  /** @param {string} element @param {string} value */
  function strictSet12(element, value) {
    if (element === 'cmi.suspend_data' && value.length > 4096) return refuse(405, 'Incorrect Data Type', `suspend_data is CMIString4096; got ${value.length} characters`);
    if (CMI_STRING_255_12.has(element) && value.length > 255) return refuse(405, 'Incorrect Data Type', `${element} is CMIString255`);
    if (/^cmi\.interactions\.\d+\.(student_response|correct_responses\.\d+\.pattern)$/.test(element) && value.length > 255)
      return refuse(405, 'Incorrect Data Type', `${element} is CMIFeedback (255)`);
    if (/^cmi\.(interactions|objectives)\.\d+\.(id|objectives\.\d+\.id)$/.test(element) && (/\s/.test(value) || value.length > 255 || value === ''))
      return refuse(405, 'Incorrect Data Type', `${element} is a CMIIdentifier (no spaces, ≤ 255)`);
    return null;
  }

  const api = {
    /** @param {string} param */
    [name.init](param) {
      override = null;
      if (isSlow()) block(slowMs());
      if (options.faults.initializeFails) return report(name.init, [param], refuse(v12 ? 101 : 102, 'General Initialization Failure', 'fault switch: Initialize fails'));
      if (profile === 'strict' && v12 && state === 'ended') return report(name.init, [param], refuse(101, 'General Exception', 'LMSInitialize after LMSFinish'));
      const result = inner[name.init](param);
      if (result === 'true' || result === true) state = 'running';
      return report(name.init, [param], result);
    },
    /** @param {string} param */
    [name.finish](param) {
      override = null;
      if (isSlow()) block(slowMs());
      if (profile === 'strict' && v12 && state !== 'running') return report(name.finish, [param], refuse(301, 'Not initialized', 'LMSFinish outside a session'));
      if (options.faults.terminateFails) return report(name.finish, [param], refuse(v12 ? 101 : 391, 'General Termination Failure', 'fault switch: Commit and Terminate fail'));
      const result = inner[name.finish](param);
      if (result === 'true' || result === true) state = 'ended';
      return report(name.finish, [param], result);
    },
    /** @param {string} param */
    [name.commit](param) {
      override = null;
      if (isSlow()) block(slowMs());
      if (profile === 'strict' && v12 && state !== 'running') return report(name.commit, [param], refuse(301, 'Not initialized', 'LMSCommit outside a session'));
      if (options.faults.commitFails || options.faults.terminateFails || options.faults.outage) return report(name.commit, [param], refuse(v12 ? 101 : 391, 'General Commit Failure', 'fault switch: Commit fails'));
      if (profile === 'commit-keeps-nothing') return report(name.commit, [param], 'true');
      return report(name.commit, [param], inner[name.commit](param));
    },
    /** @param {string} element */
    [name.get](element) {
      override = null;
      if (isSlow()) block(callMs());
      if (profile === 'strict' && v12 && state !== 'running') return report(name.get, [element], refuse(301, 'Not initialized', 'LMSGetValue outside a session', ''));
      if (profile === 'no-interactions-count' && element.startsWith('cmi.interactions'))
        return report(name.get, [element], refuse(401, v12 ? 'Not implemented error' : 'Undefined Data Model Element', 'this LMS does not support interactions', ''));
      return report(name.get, [element], inner[name.get](element));
    },
    /** @param {string} element @param {string} value */
    [name.set](element, value) {
      override = null;
      if (isSlow()) block(callMs());
      if (profile === 'strict' && v12) {
        if (state !== 'running') return report(name.set, [element, value], refuse(301, 'Not initialized', 'LMSSetValue outside a session'));
        const refused = strictSet12(element, String(value));
        if (refused) return report(name.set, [element, value], refused);
      }
      if (profile === 'no-interactions-count' && element.startsWith('cmi.interactions'))
        return report(name.set, [element, value], refuse(401, v12 ? 'Not implemented error' : 'Undefined Data Model Element', 'this LMS does not support interactions'));
      if (options.faults.outage) return report(name.set, [element, value], refuse(v12 ? 101 : 351, v12 ? 'General Exception' : 'General Set Failure', 'fault switch: the LMS refuses every write'));
      const refused = rules.set?.(element, String(value), { v12, types });
      if (refused) return report(name.set, [element, value], refuse(...refused));
      const typed = /^cmi\.interactions\.(\d+)\.type$/.exec(element);
      if (typed) types.set(typed[1], String(value));
      const kept = rules.truncate !== undefined && element === 'cmi.suspend_data' ? String(value).slice(0, rules.truncate) : value;
      return report(name.set, [element, value], inner[name.set](element, kept));
    },
    [name.err]() {
      return override ? String(override.code) : inner[name.err]();
    },
    /** @param {string} code */
    [name.str](code) {
      return override && String(override.code) === String(code) ? override.message : inner[name.str](code);
    },
    /** @param {string} code */
    [name.diag](code) {
      return override && String(override.code) === String(code) ? override.diagnostic : inner[name.diag](code);
    },
  };
  return api;
}
