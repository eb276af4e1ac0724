import { atom } from 'nanostores';
import { NO_PREFERENCES, type LearnerPreferences } from './preferences.ts';
import type { LmsKind } from './types.ts';

/**
 * What the learner may need to know about the connection to the LMS. Written only by the
 * adapters and `src/state/persistence.ts`; read by the LmsStatus island. Learner progress
 * itself never lives here.
 */
export interface LmsStatus {
  /** Runtime in use; `connecting` until the adapter has loaded the stored state. */
  kind: LmsKind | 'connecting';
  /** True after repeated failed SetValue/Commit calls; cleared by the next successful commit. */
  commitFailing: boolean;
  /** True when the LMS API was found but refused the session (Initialize failed). */
  lmsUnavailable: boolean;
  /** Stored suspend data could not be read: the course started fresh (or from the browser copy). */
  corruptData: boolean;
  /** Progress the LMS had lost was recovered from this browser's copy. */
  recovered: boolean;
  /** The LMS does not support interactions; answers are not reported individually. */
  interactionsOff: boolean;
  /** The LMS cuts suspend data shorter than even the essentials need: some progress is kept only in this browser. */
  suspendTooLong: boolean;
  /** Writing to this browser's copy works (false: private mode, blocked or full storage). */
  browserCopy: boolean;
  /** While commits fail: when the oldest change not yet in the LMS was made (ms), else null. */
  unsavedSince: number | null;
  /** The LMS holds suspend data of another course: ignored, this course started fresh. */
  foreignData: boolean;
  /** The session has been ended (Exit button or page hide); no more calls to the LMS. */
  finished: boolean;
  /** The learner's name from the LMS ('' without one); for the certificate. */
  learnerName: string;
  /** What the LMS says about how the learner wants to learn (slower delivery, language). */
  preferences: LearnerPreferences;
}

export const initialLmsStatus: LmsStatus = {
  kind: 'connecting',
  commitFailing: false,
  lmsUnavailable: false,
  corruptData: false,
  recovered: false,
  interactionsOff: false,
  suspendTooLong: false,
  browserCopy: true,
  unsavedSince: null,
  foreignData: false,
  finished: false,
  learnerName: '',
  preferences: NO_PREFERENCES,
};

export const $lmsStatus = atom<LmsStatus>({ ...initialLmsStatus });

export function patchLmsStatus(patch: Partial<LmsStatus>): void {
  const current = $lmsStatus.get();
  const changed = (Object.keys(patch) as (keyof LmsStatus)[]).some((key) => current[key] !== patch[key]);
  if (changed) $lmsStatus.set({ ...current, ...patch });
}

/** Where an adapter reports what the learner may need to know (injected; `patchLmsStatus` in the course). */
export type StatusSink = (patch: Partial<LmsStatus>) => void;
