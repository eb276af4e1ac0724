/**
 * Opening a SCORM session: Initialize (continuing a session a reload left open), read what the
 * LMS holds back (learner, mastery score, interaction and objective counts, suspend data,
 * bookmark), recover from the browser mirror what the LMS lost, and claim "incomplete" on a
 * first launch so closing the window on page 1 never reads as completed.
 */
import { emptyLearnerState, parseBookmark, type LearnerState } from '../engine/learner-state.ts';
import { mergeLearnerStates } from '../persistence/merge.ts';
import { mirrorKey, PENDING_LEARNER, readMirror, storageWorks } from '../persistence/mirror.ts';
import { decodeLearnerState } from '../persistence/suspend/versions.ts';
import type { ScormDriver } from './scorm-api.ts';
import type { StatusSink } from './status.ts';
import type { ScormProfile } from './types.ts';

export interface OpenedSession {
  /** False when the LMS refused the session. */
  connected: boolean;
  learnerKey: string;
  mastery: number | null;
  interactionsOff: boolean;
  interactionCount: number;
  objectivesOff: boolean;
  /** Lesson id → objective index, as the LMS already holds them. */
  objectiveIndex: Map<string, number>;
  state: LearnerState | null;
}

export interface OpenOptions {
  driver: ScormDriver;
  profile: ScormProfile;
  storage: Storage | undefined;
  /** course/package: scopes the mirror. */
  scope: string;
  log: (message: string) => void;
  status: StatusSink;
}

/** A rough measure of how much work a state holds, to tell whether the mirror added any. */
function amount(state: LearnerState | null): number {
  if (!state) return 0;
  let n = state.visited.length + 10 * state.ended.length;
  for (const q of Object.values(state.quizzes)) n += 3 * q.attempts + (q.best ?? 0) + Object.keys(q.current?.responses ?? {}).length;
  for (const s of Object.values(state.scenarios)) n += 3 * s.plays + (s.best ?? 0) + (s.current?.length ?? 0);
  return n;
}

export function openSession(options: OpenOptions): OpenedSession {
  const { driver, profile, storage, scope, log, status } = options;
  const get = (element: string): string => driver.get(element).value;
  const fail = (what: string) => {
    const e = driver.lastError();
    log(`[lms] ${profile.kind} ${what} failed: ${e.code} ${e.message}${e.diagnostic ? ` (${e.diagnostic})` : ''}`);
    return e;
  };
  const session: OpenedSession = {
    connected: false,
    learnerKey: PENDING_LEARNER,
    mastery: null,
    interactionsOff: true,
    interactionCount: 0,
    objectivesOff: profile.objectives === null,
    objectiveIndex: new Map(),
    state: null,
  };

  let initialized = driver.initialize();
  if (!initialized) {
    const error = fail('Initialize');
    // "Already initialized" (1.2 has only the generic 101, 2004 says 103), e.g. after a reload
    // that skipped pagehide: keep using the open session if it answers.
    initialized = (error.code === 101 || error.code === 103) && driver.get(profile.learnerId).error === 0;
    if (initialized) log(`[lms] ${profile.kind} session was already open; continuing it`);
  }
  if (!initialized) {
    // No session, no learner: the work goes to the pending slot (src/persistence/mirror.ts),
    // offered to the next identified learner, who confirms it is theirs or discards it.
    session.learnerKey = PENDING_LEARNER;
    status({ kind: profile.kind, lmsUnavailable: true, browserCopy: storageWorks(storage) });
    session.state = readMirror(storage, mirrorKey(scope, session.learnerKey));
    return session;
  }
  session.connected = true;
  session.learnerKey = get(profile.learnerId) || 'anonymous';
  session.mastery = profile.masteryScore(get);

  const count = driver.get(profile.interactionsCount);
  session.interactionsOff = count.error !== 0 || !/^\d+$/.test(count.value);
  session.interactionCount = session.interactionsOff ? 0 : Number(count.value);
  if (session.interactionsOff) log(`[lms] ${profile.kind} LMS does not support interactions (${profile.interactionsCount}: error ${count.error}); answers are not reported one by one`);
  if (profile.objectives) {
    const objectives = driver.get(profile.objectives.count);
    session.objectivesOff = objectives.error !== 0 || !/^\d+$/.test(objectives.value);
    for (let n = 0; !session.objectivesOff && n < Number(objectives.value); n++) {
      const id = get(profile.objectives.id(n));
      if (id && !session.objectiveIndex.has(id)) session.objectiveIndex.set(id, n);
    }
  }

  const stored = decodeLearnerState(get(profile.suspendData), undefined, (m) => log(m));
  const fromMirror = readMirror(storage, mirrorKey(scope, session.learnerKey));
  let state = stored.state;
  // The LMS copy is passed as the newer one so its bookmark wins; progress merges both ways.
  if (state && fromMirror) state = mergeLearnerStates(fromMirror, state);
  else state ??= fromMirror;
  // The bookmark holds the spot within the lesson; alone it still helps when the suspend data is empty or unreadable.
  const bookmark = parseBookmark(get(profile.location));
  if (bookmark && (!state?.location || state.location === bookmark.location)) {
    state = { ...(state ?? emptyLearnerState()), ...bookmark };
  }
  const recovered = fromMirror !== null && amount(state) > amount(stored.state);
  status({
    kind: profile.kind,
    learnerName: get(profile.learnerName),
    preferences: profile.preferences(get),
    corruptData: stored.reason !== undefined && !stored.foreign && fromMirror === null,
    foreignData: stored.foreign === true,
    browserCopy: storageWorks(storage),
    recovered,
    interactionsOff: session.interactionsOff,
  });
  if (recovered) log(`[lms] ${profile.kind} progress missing from the LMS was recovered from this browser`);

  const first = profile.notStartedStatuses(get);
  if (first.length > 0) {
    for (const [element, value] of first) if (!driver.set(element, value)) fail(`SetValue("${element}")`);
    if (!driver.commit()) fail('Commit');
  }
  session.state = state;
  return session;
}
