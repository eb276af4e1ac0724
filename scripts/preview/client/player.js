// @ts-check
/**
 * The LMS side of the preview, in the parent window of the course iframe: scorm-again (loaded
 * as vendor/scorm-again.min.js, which defines window.Scorm12API / Scorm2004API) provides the
 * API the course discovers by walking up from its frame, as in any LMS.
 *
 * - Launch: the learner's stored CMI for this package is loaded (entry "resume") or a fresh
 *   record (entry "ab-initio"), with student id, credit, mode and the package's mastery score.
 * - Commits go to the preview server (sync XHR, sendBeacon on terminate) and are written to
 *   .preview-data/<learner>/<package>.json.
 * - The window.API object stays the same for the whole visit; if the course frame reloads and
 *   calls Initialize after Terminate, a new session starts from the stored record, like an LMS
 *   relaunching the SCO (Moodle allows LMSInitialize after LMSFinish for 1.2 SCOs).
 */
import { LEARNER_ID } from './ids.js';
import { moodleScaledPassingScore } from './moodle-passing-score.js';
import { PROFILES, wrapApi } from './quirks.js';

const params = new URLSearchParams(location.search);
const pkg = params.get('pkg') ?? '';
const learner = LEARNER_ID.test(params.get('learner') ?? '') ? /** @type {string} */ (params.get('learner')) : 'learner-1';
// The learner's display name (LMSs send "Last, First" and anything else): any text, up to 100 characters.
const learnerName = (params.get('name') ?? '').slice(0, 100) || learner;
const profile = PROFILES.includes(params.get('profile') ?? '') ? /** @type {string} */ (params.get('profile')) : 'clean';
// Learner preferences an LMS may set (most never do): `slower=1` asks for slower delivery, `lang=` a language code.
const slower = params.get('slower') === '1';
const language = (params.get('lang') ?? '').slice(0, 20);
const query = `learner=${encodeURIComponent(learner)}&pkg=${encodeURIComponent(pkg)}`;
const packageId = pkg.replace(/\.zip$/, '');

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @param {string} method @param {string} url @param {string | null} body */
function syncRequest(method, url, body = null) {
  const xhr = new XMLHttpRequest();
  xhr.open(method, url, false);
  if (body !== null) xhr.setRequestHeader('Content-Type', 'application/json');
  xhr.send(body);
  return xhr;
}

const packages = JSON.parse(syncRequest('GET', 'api/packages').responseText);
const entry = packages.find((/** @type {{file: string}} */ p) => p.file === pkg);
if (!entry) {
  document.body.innerHTML = `<main class="launcher"><p role="alert">未找到课程包 ${pkg.replace(/[<>&"]/g, '')}。<a href="./">返回列表</a></p></main>`;
  throw new Error(`unknown package ${pkg}`);
}
/** @type {'1.2' | '2004'} */
const version = entry.version;
$('title').textContent = `${entry.title} · SCORM ${version} · 学员 ${learner}`;
$('profile').textContent = `LMS 行为：${profile}`;

// Fault switches live across relaunches of this tab (Initialize failure applies to the next launch).
const faultKey = `preview-faults:${packageId}`;
/** @type {{ commitFails: boolean, initializeFails: boolean, slow: boolean, terminateFails: boolean, outage: boolean, offline: boolean, storage: boolean }} */
const faults = {
  commitFails: false,
  initializeFails: false,
  slow: false,
  terminateFails: false,
  outage: false,
  offline: false,
  storage: false,
  ...JSON.parse(sessionStorage.getItem(faultKey) ?? '{}'),
};
/** The server makes the course's localStorage throw while this cookie is set (see server.ts). */
const storageCookie = () => {
  document.cookie = `preview-fault-storage=${faults.storage ? '1' : '0'}; path=/; SameSite=Strict`;
};
storageCookie();
for (const [id, key] of /** @type {const} */ ([
  ['fault-commit', 'commitFails'],
  ['fault-init', 'initializeFails'],
  ['fault-slow', 'slow'],
  ['fault-terminate', 'terminateFails'],
  ['fault-outage', 'outage'],
  ['fault-offline', 'offline'],
  ['fault-storage', 'storage'],
])) {
  const box = /** @type {HTMLInputElement} */ ($(id));
  box.checked = faults[key];
  box.addEventListener('change', () => {
    faults[key] = box.checked;
    sessionStorage.setItem(faultKey, JSON.stringify(faults));
    storageCookie();
  });
}

/** The record the LMS store holds (what a relaunch gets). */
let persisted = JSON.parse(syncRequest('GET', `api/cmi?${query}`).responseText);

/** SCORM 2004 pass mark as this LMS gives it: the index's value, or Moodle's derivation from the manifest. */
function scaledPassingScore() {
  if (profile !== 'moodle') return String(entry.masteryScore / 100);
  const manifest = syncRequest('GET', `content/${encodeURIComponent(pkg)}/1/imsmanifest.xml`);
  return (manifest.status === 200 ? moodleScaledPassingScore(manifest.responseText) : null) ?? '';
}

/** What an LMS sets before Initialize (scorm-again reads none of it from the manifest). */
function initialCmi() {
  const saved = persisted ? structuredClone(persisted) : null;
  if (version === '1.2') {
    const core = { ...(saved?.core ?? {}), student_id: learner, student_name: learnerName, entry: saved ? 'resume' : 'ab-initio', credit: 'credit', lesson_mode: 'normal' };
    // A completed-incomplete package declares no mastery score, so the LMS has none to give.
    const mastery = entry.report === 'completed-incomplete' ? '' : String(entry.masteryScore);
    const student_preference = { ...(saved?.student_preference ?? {}), ...(slower ? { speed: '-50' } : {}), ...(language ? { language } : {}) };
    return { ...(saved ?? {}), core, student_data: { ...(saved?.student_data ?? {}), mastery_score: mastery }, student_preference };
  }
  return {
    ...(saved ?? {}),
    learner_id: learner,
    learner_name: learnerName,
    entry: saved ? 'resume' : 'ab-initio',
    credit: 'credit',
    mode: 'normal',
    scaled_passing_score: scaledPassingScore(),
    learner_preference: { ...(saved?.learner_preference ?? {}), ...(slower ? { delivery_speed: '0.5' } : {}), ...(language ? { language } : {}) },
  };
}

const commitUrl = `api/commit?${query}`;
/** Chromium's keepalive quota for a beacon: 64 KiB of body (UTF-8 bytes), with a margin. */
const BEACON_LIMIT = 60_000;
let injecting = false;
/**
 * Set when this player closes the course frame: the course's last calls then arrive while its
 * page is being dismissed, when browsers refuse synchronous requests (a Commit on the course's
 * visibilitychange would fail with 391 under a slow LMS whose earlier commit is still queued), so
 * every commit from then on leaves as the final one does. A player that closes the frame itself
 * knows this; the course cannot tell a tab switch from a close when it flushes.
 */
let closing = false;
const httpService = {
  updateSettings() {},
  /** @param {string} url @param {{ cmi: unknown }} params @param {boolean} immediate */
  processHttpRequest(url, params, immediate) {
    if (faults.offline) return { result: 'false', errorCode: 391 }; // the request never leaves the browser
    if (injecting) return { result: 'true', errorCode: 0 }; // the course's last commit must not overwrite the sample
    if (profile === 'commit-keeps-nothing') return { result: 'true', errorCode: 0 };
    const body = JSON.stringify(params);
    if (immediate || closing) {
      // Terminate: browsers block synchronous requests while a page is being dismissed, so a
      // beacon. Chromium refuses beacons over 64 KB, and a whole course's SCORM 2004 record with
      // every interaction is larger: then an ordinary request from this player page, which lives on
      // after the course frame closes (only closing the player's own tab would cut it short).
      const blob = new Blob([body], { type: 'text/plain;charset=UTF-8' });
      if (blob.size < BEACON_LIMIT && navigator.sendBeacon(url, blob)) {
        persisted = structuredClone(params.cmi);
        return { result: 'true', errorCode: 0 };
      }
      const cmi = structuredClone(params.cmi);
      fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
        .then(async (response) => {
          if (!response.ok || (await response.json()).result !== true) throw new Error(`HTTP ${response.status}`);
          persisted = cmi;
        })
        .catch((error) => console.warn(`final commit not stored: ${error}`));
      return { result: 'true', errorCode: 0 };
    }
    try {
      const xhr = syncRequest('POST', url, body);
      const ok = xhr.status === 200 && JSON.parse(xhr.responseText).result === true;
      if (ok) persisted = structuredClone(params.cmi);
      return { result: ok ? 'true' : 'false', errorCode: ok ? 0 : 391 };
    } catch {
      return { result: 'false', errorCode: 391 };
    }
  },
};

/** @type {{ text: string, fail: boolean }[]} */
const calls = [];
let renderQueued = false;
/** @type {any} */
let inner = null;
/** @type {Record<string, (...args: string[]) => string>} */
let wrapped = {};
let ended = false;

/**
 * scorm-again's log, as its default handler writes it, except the failed commits a fault switch
 * causes on purpose (the course reports those itself): they are warnings here, not errors.
 * @param {unknown} level @param {string} message
 */
function onLogMessage(level, message) {
  const error = level === 4 || level === '4' || level === 'ERROR';
  if (error && !(faults.offline && /\b391\b/.test(message))) console.error(message);
  else console.warn(message);
}

function newSession() {
  const Api = version === '1.2' ? /** @type {any} */ (window).Scorm12API : /** @type {any} */ (window).Scorm2004API;
  inner = new Api({ lmsCommitUrl: commitUrl, httpService, logLevel: 4, autocommit: false, onLogMessage });
  inner.loadFromJSON(initialCmi());
  wrapped = /** @type {any} */ (wrapApi(inner, version, {
    profile,
    faults,
    onCall: (name, args, result, error) => {
      const shown = args.map((a) => JSON.stringify(String(a).length > 80 ? `${String(a).slice(0, 80)}…` : a)).join(', ');
      calls.unshift({ text: `${name}(${shown}) → ${JSON.stringify(result)}${error ? ` [${error}]` : ''}`, fail: result === 'false' || result === false });
      calls.length = Math.min(calls.length, 150);
      scheduleRender();
    },
  }));
  ended = false;
}

/**
 * The summary card above the raw CMI (issue 18 point 3): the values a person reads first, sent to
 * the server, which decodes the suspend data with the course's own codec and answers the card's
 * HTML (scripts/preview/inspect.ts). Asked again only when one of them changed.
 */
let summaryKey = '';
function updateSummary() {
  if (!inner) return;
  /** @type {any} */
  const cmi = JSON.parse(JSON.stringify(inner.cmi));
  const core = cmi.core ?? {};
  const fields =
    version === '1.2'
      ? { suspendData: cmi.suspend_data ?? '', completion: core.lesson_status ?? '', success: '', score: core.score?.raw ?? '', totalTime: core.total_time ?? '', sessionTime: core.session_time ?? '' }
      : {
          suspendData: cmi.suspend_data ?? '',
          completion: cmi.completion_status ?? '',
          success: cmi.success_status ?? '',
          score: cmi.score?.raw ?? '',
          totalTime: cmi.total_time ?? '',
          sessionTime: cmi.session_time ?? '',
        };
  const key = JSON.stringify(fields);
  if (key === summaryKey) return;
  summaryKey = key;
  fetch(`api/inspect?pkg=${encodeURIComponent(pkg)}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: key })
    .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((html) => {
      if (summaryKey === key) $('summary').innerHTML = html;
    })
    .catch((error) => {
      summaryKey = '';
      console.warn(`summary card not updated: ${error}`);
    });
}

function scheduleRender() {
  if (renderQueued) return;
  renderQueued = true;
  setTimeout(() => {
    renderQueued = false;
    $('cmi').textContent = inner ? JSON.stringify(inner.cmi, null, 1) : '';
    updateSummary();
    $('stored').textContent = JSON.stringify(persisted, null, 1);
    const list = $('calls');
    list.replaceChildren(
      ...calls.map((c) => {
        const li = document.createElement('li');
        li.textContent = c.text;
        if (c.fail) li.className = 'fail';
        return li;
      }),
    );
  }, 250);
}

const names =
  version === '1.2'
    ? ['LMSInitialize', 'LMSFinish', 'LMSCommit', 'LMSGetValue', 'LMSSetValue', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']
    : ['Initialize', 'Terminate', 'Commit', 'GetValue', 'SetValue', 'GetLastError', 'GetErrorString', 'GetDiagnostic'];
/** @type {Record<string, (...args: string[]) => string>} */
const facade = {};
for (const name of names) {
  facade[name] = (...args) => {
    if (name === names[0] && ended) newSession(); // the course frame was reloaded after Terminate
    const result = /** @type {(...a: string[]) => string} */ (wrapped[name])(...args);
    if (name === names[1] && (result === 'true' || /** @type {unknown} */ (result) === true)) ended = true;
    return result;
  };
}

newSession();
/** @type {any} */ (window)[version === '1.2' ? 'API' : 'API_1484_11'] = facade;
/** For tests and curious authors: the live runtime, the store copy and the call log. */
/** @type {any} */ (window).preview = { get api() { return inner; }, get stored() { return persisted; }, calls, faults, version, learner, profile };

const frame = /** @type {HTMLIFrameElement} */ ($('sco'));
frame.src = `content/${encodeURIComponent(pkg)}/1/index.html`;
scheduleRender();

$('close').addEventListener('click', () => {
  // Like an LMS closing the course window: the course gets pagehide and terminates.
  closing = true;
  frame.src = 'about:blank';
  frame.hidden = true;
  $('closed').hidden = false;
  setTimeout(scheduleRender, 300);
});
$('relaunch').addEventListener('click', () => location.reload());
// Writes a sample suspend data (garbage, old format, another course's) into the stored record;
// "重新启动" then launches on it (or open the package in another browser to see it without this browser's copy).
for (const button of document.querySelectorAll('[data-inject]')) {
  button.addEventListener('click', () => {
    const sample = JSON.parse(syncRequest('GET', 'api/samples').responseText)[/** @type {HTMLElement} */ (button).dataset.inject ?? ''];
    // The course is closed first (its last commit dropped), so the sample stays until a relaunch reads it.
    injecting = true;
    frame.src = 'about:blank';
    frame.hidden = true;
    $('closed').hidden = false;
    setTimeout(() => {
      persisted = { ...(persisted ?? {}), suspend_data: sample };
      syncRequest('PUT', `api/cmi?${query}`, JSON.stringify(persisted));
      scheduleRender();
    }, 300);
  });
}
/** @type {HTMLAnchorElement} */ ($('second-window')).href = location.href;
$('reset').addEventListener('click', () => {
  syncRequest('POST', `api/reset?${query}`, '{}');
  // The course's browser copy of this learner's progress goes too, or it would be recovered.
  for (const key of Object.keys(localStorage)) if (key.startsWith('spc:') && key.includes(`/${packageId}:`)) localStorage.removeItem(key);
  location.reload();
});
