/**
 * Suspend-data versions: the `S<version>.` header, the decoder of every version ever written
 * (v1 in v1.ts, v2 in v2.ts, v3 and v4 in format.ts) and the migrations between them.
 *
 * Version 4 = version 3's payload behind a course tag: `S4.` + 2 characters of course identity
 * (a 12-bit hash of COURSE_ID) + 2 checksum characters + the v3 payload. Data whose tag names
 * another course is refused (`foreign: true`); v1–v3 data has no tag and is read as before.
 * Version 5 = version 4 with the self-assessment ratings after the v3 fields and the counts
 * (attempts, answers, plays, path lengths, choice offsets…) coded in unary steps of adaptive
 * binary models (payload layout 5 in format.ts); v1–v4 data has no ratings and reads as before.
 * Version 6 = version 5 followed, when the learner has used a Part 8 tool, by `.` and the tools'
 * compact summary (src/engine/tools/summary.ts: [0-9A-Za-z], ≤ 46 characters; `.` is outside the
 * payload's base64url alphabet); the checksum covers both. v1–v5 data has no tools and reads as before.
 * Whatever is decoded then passes validate.ts (every field checked) and is proven to re-encode,
 * so stored data can never leave the course with a state it cannot save. `UPGRADES[n]`
 * lifts a version-n state to version n + 1, so a learner who saved under an old build resumes
 * under a new one. Decoding never throws: garbage, truncated, foreign or unknown-version data
 * returns `{ state: null, reason }` and the reason is logged.
 */
import type { LearnerState } from '../../engine/learner-state.ts';
import { isLearnerState } from '../../engine/learner-state-guard.ts';
import { BitReader, BitWriter, checksum12, CodecError } from './bits.ts';
import { readPayload, writePayload, type PayloadLayout } from './format.ts';
import { COURSE_ID, ID_TABLES, type IdTables } from './ids.ts';
import { sanitizeLearnerState } from './validate.ts';
import { decodeV1Body, upgradeV1, type V1State } from './v1.ts';
import { decodeV2Body } from './v2.ts';

export const CODEC_VERSION = 6;

const HEADER = /^S(\d{1,4})\.(.*)$/s;

function checksumText(payload: string): string {
  const w = new BitWriter();
  w.write(checksum12(payload), 12);
  return w.toText();
}

/** The 2-character tag of a course id carried by version-4 data. */
export function courseTag(courseId: string): string {
  return checksumText(`course:${courseId}`);
}

/** Thrown by the v4 decoder when the data names another course. */
class ForeignCourseError extends CodecError {}

function readChecked(body: string, tables: IdTables, layout: PayloadLayout = 3): LearnerState {
  const sum = body.slice(0, 2);
  const payload = body.slice(2);
  if (sum.length !== 2 || new BitReader(sum).read(12) !== checksum12(payload)) throw new CodecError('checksum mismatch (damaged or truncated)');
  return readPayload(payload, tables, layout);
}

interface DecodeContext {
  tables: IdTables;
  /** Course the data must belong to. */
  course: string;
}

/** Decoders of every version ever written, each returning that version's own shape. */
const DECODERS: Record<number, (body: string, ctx: DecodeContext) => unknown> = {
  1: (body) => decodeV1Body(body),
  2: (body, { tables }) => decodeV2Body(body, tables),
  3: (body, { tables }) => readChecked(body, tables),
  4: (body, { tables, course }) => {
    if (body.slice(0, 2) !== courseTag(course)) throw new ForeignCourseError('written by another course (course tag does not match)');
    return readChecked(body.slice(2), tables);
  },
  5: (body, { tables, course }) => {
    if (body.slice(0, 2) !== courseTag(course)) throw new ForeignCourseError('written by another course (course tag does not match)');
    return readChecked(body.slice(2), tables, 5);
  },
  6: (body, { tables, course }) => {
    if (body.slice(0, 2) !== courseTag(course)) throw new ForeignCourseError('written by another course (course tag does not match)');
    const checked = body.slice(2);
    const sum = checked.slice(0, 2);
    const rest = checked.slice(2);
    if (sum.length !== 2 || new BitReader(sum).read(12) !== checksum12(rest)) throw new CodecError('checksum mismatch (damaged or truncated)');
    const dot = rest.indexOf(TOOLS_SEPARATOR);
    const state = readPayload(dot < 0 ? rest : rest.slice(0, dot), tables, 5);
    // An unreadable summary is dropped by validate.ts (named in `dropped`), never the whole state.
    return dot < 0 ? state : { ...state, tools: rest.slice(dot + 1) };
  },
};

/** Separates format v6's payload from the tools' summary (not in the payload's alphabet). */
const TOOLS_SEPARATOR = '.';

/** UPGRADES[n] lifts a version-n state to version n + 1. */
const UPGRADES: Record<number, (old: unknown) => unknown> = {
  1: (old) => upgradeV1(old as V1State),
  // v2–v6 hold the same LearnerState (v5 adds the optional self ratings, v6 the tools' summary); only the encoding changed.
  2: (old) => old,
  3: (old) => old,
  4: (old) => old,
  5: (old) => old,
};

/** Writes the state in the current version. Throws only on a state that breaks the contract. */
export function encodeLearnerState(state: LearnerState, tables: IdTables = ID_TABLES, courseId: string = COURSE_ID): string {
  return encodeAtVersion(state, CODEC_VERSION, tables, courseId);
}

/**
 * Writes the state as build `version` (3–6) did, for tests of the migrations: v3 and v4 have no
 * self-assessment ratings, v3–v5 no tools' summary (they are left out).
 */
export function encodeAtVersion(state: LearnerState, version: 3 | 4 | 5 | 6, tables: IdTables = ID_TABLES, courseId: string = COURSE_ID): string {
  if (!isLearnerState(state)) throw new TypeError('codec: not a LearnerState');
  const payload = writePayload(state, tables, version >= 5 ? 5 : 3);
  const tag = version === 3 ? '' : courseTag(courseId);
  const body = version === 6 && state.tools ? `${payload}${TOOLS_SEPARATOR}${state.tools}` : payload;
  return `S${version}.${tag}${checksumText(body)}${body}`;
}

export interface DecodeResult {
  /** The state, or null when the data is empty or unusable. */
  state: LearnerState | null;
  /** Why the state is null (absent for empty data, i.e. a first launch). */
  reason?: string;
  /** Format version found in the data. */
  version?: number;
  /** True when the data was written by another course (the learner is told; nothing is read). */
  foreign?: boolean;
  /** Values dropped or repaired because they could not be trusted (the rest was kept). */
  dropped?: string[];
}

export interface DecodeOptions {
  /** Course whose data this must be (default COURSE_ID). */
  courseId?: string;
}

/** Reads suspend data of any known version. Never throws; logs why unusable data was ignored. */
export function decodeLearnerState(
  text: string | null | undefined,
  tables: IdTables = ID_TABLES,
  log: (message: string) => void = (m) => console.warn(m),
  options: DecodeOptions = {},
): DecodeResult {
  if (text === null || text === undefined || text === '') return { state: null };
  const fail = (reason: string, version?: number, foreign = false): DecodeResult => {
    log(`[codec] stored progress ignored: ${reason}`);
    const result: DecodeResult = version === undefined ? { state: null, reason } : { state: null, reason, version };
    if (foreign) result.foreign = true;
    return result;
  };
  if (typeof text !== 'string') return fail('not a string');
  const match = HEADER.exec(text);
  if (!match) return fail(`not this course's format (starts with ${JSON.stringify(text.slice(0, 12))})`);
  const version = Number(match[1]);
  const decoder = DECODERS[version];
  if (!decoder) return fail(`unknown format version ${version} (this build reads 1–${CODEC_VERSION})`, version);
  let value: unknown;
  try {
    value = decoder(match[2] as string, { tables, course: options.courseId ?? COURSE_ID });
    for (let v = version; v < CODEC_VERSION; v++) {
      const upgrade = UPGRADES[v];
      if (!upgrade) return fail(`no migration from version ${v}`, version);
      value = upgrade(value);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(`version ${version} data unreadable: ${message}`, version, error instanceof ForeignCourseError);
  }
  const dropped: string[] = [];
  const state = sanitizeLearnerState(value, (reason) => dropped.push(reason));
  if (!state) return fail(`version ${version} data does not describe a learner state`, version);
  for (const reason of dropped) log(`[codec] stored value dropped: ${reason}`);
  // Proof that what the course resumes from can be saved again (never 0 commits from a bad record).
  try {
    encodeLearnerState(state, tables);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(`version ${version} data cannot be written back: ${message}`, version);
  }
  return dropped.length ? { state, version, dropped } : { state, version };
}
