/**
 * Suspend-data versions: the `S<version>.` header, the decoder of every version ever written
 * (v1 in v1.ts, v2 in v2.ts, v3 in format.ts) and the migrations between them. `UPGRADES[n]`
 * lifts a version-n state to version n + 1, so a learner who saved under an old build resumes
 * under a new one. Decoding never throws: garbage, truncated, foreign or unknown-version data
 * returns `{ state: null, reason }` and the reason is logged.
 */
import { isLearnerState, type LearnerState } from '../../engine/learner-state.ts';
import { BitReader, BitWriter, checksum12, CodecError } from './bits.ts';
import { readPayload, writePayload } from './format.ts';
import { ID_TABLES, type IdTables } from './ids.ts';
import { decodeV1Body, upgradeV1, type V1State } from './v1.ts';
import { decodeV2Body } from './v2.ts';

export const CODEC_VERSION = 3;

const HEADER = /^S(\d{1,4})\.(.*)$/s;

function checksumText(payload: string): string {
  const w = new BitWriter();
  w.write(checksum12(payload), 12);
  return w.toText();
}

/** Decoders of every version ever written, each returning that version's own shape. */
const DECODERS: Record<number, (body: string, tables: IdTables) => unknown> = {
  1: (body) => decodeV1Body(body),
  2: (body, tables) => decodeV2Body(body, tables),
  3: (body, tables) => {
    const sum = body.slice(0, 2);
    const payload = body.slice(2);
    if (sum.length !== 2 || new BitReader(sum).read(12) !== checksum12(payload)) throw new CodecError('checksum mismatch (damaged or truncated)');
    return readPayload(payload, tables);
  },
};

/** UPGRADES[n] lifts a version-n state to version n + 1. */
const UPGRADES: Record<number, (old: unknown) => unknown> = {
  1: (old) => upgradeV1(old as V1State),
  // v2 and v3 hold the same LearnerState; only the encoding changed.
  2: (old) => old,
};

/** Writes the state in the current version. Throws only on a state that breaks the contract. */
export function encodeLearnerState(state: LearnerState, tables: IdTables = ID_TABLES): string {
  if (!isLearnerState(state)) throw new TypeError('codec: not a LearnerState');
  const payload = writePayload(state, tables);
  return `S${CODEC_VERSION}.${checksumText(payload)}${payload}`;
}

export interface DecodeResult {
  /** The state, or null when the data is empty or unusable. */
  state: LearnerState | null;
  /** Why the state is null (absent for empty data, i.e. a first launch). */
  reason?: string;
  /** Format version found in the data. */
  version?: number;
}

/** Reads suspend data of any known version. Never throws; logs why unusable data was ignored. */
export function decodeLearnerState(
  text: string | null | undefined,
  tables: IdTables = ID_TABLES,
  log: (message: string) => void = (m) => console.warn(m),
): DecodeResult {
  if (text === null || text === undefined || text === '') return { state: null };
  const fail = (reason: string, version?: number): DecodeResult => {
    log(`[codec] stored progress ignored: ${reason}`);
    return version === undefined ? { state: null, reason } : { state: null, reason, version };
  };
  if (typeof text !== 'string') return fail('not a string');
  const match = HEADER.exec(text);
  if (!match) return fail(`not this course's format (starts with ${JSON.stringify(text.slice(0, 12))})`);
  const version = Number(match[1]);
  const decoder = DECODERS[version];
  if (!decoder) return fail(`unknown format version ${version} (this build reads 1–${CODEC_VERSION})`, version);
  try {
    let value = decoder(match[2] as string, tables);
    for (let v = version; v < CODEC_VERSION; v++) {
      const upgrade = UPGRADES[v];
      if (!upgrade) return fail(`no migration from version ${v}`, version);
      value = upgrade(value);
    }
    if (!isLearnerState(value)) return fail(`version ${version} data does not describe a learner state`, version);
    return { state: value, version };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(`version ${version} data unreadable: ${message}`, version);
  }
}
