/**
 * The suspend-data codec: LearnerState ⇄ a short ASCII string for `cmi.suspend_data`.
 *
 * Text layout: `S<version>.<payload>`. Version 2 (current) is `S2.` + 2 checksum characters +
 * a bit-packed payload in base64url (see codec-bits.ts). Why it stays small and survives content
 * edits:
 * - Ids are never stored as positions in the content. Lesson, quiz, scenario and step ids are
 *   written as their index in the committed, append-only tables of codec-ids.ts (an inserted
 *   lesson gets a new index at the end; existing indices never move). An id missing from the
 *   table is written out in full and still round-trips.
 * - Question, option, choice and ending ids are local to their quiz or scenario; each one is
 *   written in full the first time it appears in a state and as a back-reference (a few bits)
 *   after that, so "q3", "b" or "c2" cost 2–5 bits per use.
 * - Scores 0–100 take 7 bits, counts take an Elias-gamma code (1 bit for 0), the order of
 *   `ended` and `checked` is written as a bit mask over `visited` / the answered questions
 *   whenever it follows them (it normally does).
 *
 * Versions: every version ever written has a decoder here, and `UPGRADES[n]` lifts a version-n
 * state to version n + 1, so a learner who saved under an old build resumes under a new one.
 * Decoding never throws: garbage, truncated, foreign or unknown-version data returns
 * `{ state: null, reason }` and the reason is logged.
 */
import { BitReader, BitWriter, checksum12, CodecError, widthFor } from './codec-bits.ts';
import { ID_TABLES, type IdTables } from './codec-ids.ts';
import { decodeV1Body, upgradeV1, type V1State } from './codec-v1.ts';
import {
  DIMENSIONS,
  isLearnerState,
  type LearnerState,
  type QuizAttemptState,
  type QuizProgress,
  type ScenarioProgress,
  type ScenarioResult,
} from './learner-state.ts';

export const CODEC_VERSION = 2;

/** Suspend-data budget for SCORM 1.2 (CMIString4096); 2004 4th Ed allows 64,000. */
export const SCORM12_SUSPEND_LIMIT = 4096;
export const SCORM2004_SUSPEND_LIMIT = 64000;

/** Upper bound on any list length while decoding, so garbage cannot make us allocate wildly. */
const MAX_ITEMS = 5000;
const MAX_STRING = 4000;

// ---------------------------------------------------------------------------------------------
// Symbols: ids written as table references, or in full on first use.

/** 6-bit character codes for ids; code 63 escapes to a full 16-bit UTF-16 unit. */
const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789-:_.ABCDEFGHIJKLMNOPQRSTUVW';
const ID_CHAR_INDEX = new Map([...ID_CHARS].map((c, i) => [c, i]));
const ESCAPE = 63;

/**
 * A symbol table. Committed tables (lessons, quizzes, scenarios, steps) use a FIXED reference
 * width, so appending ids to codec-ids.ts never changes how older strings read; the all-ones
 * value escapes to a literal. Per-state tables (questions, options, choices, endings) start
 * empty and grow as the state is written, so their width follows their size.
 */
class Symbols {
  private readonly list: string[];
  private readonly index = new Map<string, number>();
  /** Fixed width in bits, or null for a per-state table. */
  private readonly fixed: number | null;
  constructor(primed: readonly string[] = [], fixedWidth: number | null = null) {
    this.fixed = fixedWidth;
    const capacity = fixedWidth === null ? Infinity : 2 ** fixedWidth - 1;
    this.list = primed.slice(0, capacity);
    this.list.forEach((s, i) => {
      if (!this.index.has(s)) this.index.set(s, i);
    });
  }
  private get escape(): number {
    return this.fixed === null ? this.list.length : 2 ** this.fixed - 1;
  }
  private get width(): number {
    return this.fixed ?? widthFor(this.list.length);
  }
  private add(s: string): void {
    if (this.list.length >= this.escape && this.fixed !== null) return; // full: later uses stay literal
    if (!this.index.has(s)) this.index.set(s, this.list.length);
    this.list.push(s);
  }
  has(s: string): boolean {
    return this.index.has(s);
  }
  get size(): number {
    return this.list.length;
  }
  write(w: BitWriter, s: string): void {
    const i = this.index.get(s);
    if (i !== undefined) {
      w.write(i, this.width);
      return;
    }
    w.write(this.escape, this.width);
    w.uint(s.length);
    for (let k = 0; k < s.length; k++) {
      const code = ID_CHAR_INDEX.get(s[k] as string);
      if (code !== undefined) w.write(code, 6);
      else {
        w.write(ESCAPE, 6);
        w.write(s.charCodeAt(k), 16);
      }
    }
    this.add(s);
  }
  read(r: BitReader): string {
    const i = r.read(this.width);
    if (i === this.escape) {
      const length = r.uint();
      if (length > MAX_STRING) throw new CodecError('id too long');
      let s = '';
      for (let k = 0; k < length; k++) {
        const code = r.read(6);
        s += code === ESCAPE ? String.fromCharCode(r.read(16)) : (ID_CHARS[code] as string);
      }
      this.add(s);
      return s;
    }
    if (i >= this.list.length) throw new CodecError('reference to an unknown id');
    return this.list[i] as string;
  }
}

/** Reference widths of the committed tables in format v2 (capacity 2^w − 1 ids each). */
const V2_WIDTHS = { lessons: 7, quizzes: 8, scenarios: 8, steps: 3 } as const;

interface Namespaces {
  lessons: Symbols;
  quizzes: Symbols;
  scenarios: Symbols;
  steps: Symbols;
  questions: Symbols;
  options: Symbols;
  choices: Symbols;
  /** Prefixes of numbered choice ids (the "c" of c1, c2…). */
  choicePrefixes: Symbols;
  endings: Symbols;
  /** Every score in this state is an integer 0–100 (7 bits each, no per-score flag). */
  smallScores: boolean;
}

function namespaces(tables: IdTables): Namespaces {
  return {
    lessons: new Symbols(tables.lessons, V2_WIDTHS.lessons),
    quizzes: new Symbols(tables.quizzes, V2_WIDTHS.quizzes),
    scenarios: new Symbols(tables.scenarios, V2_WIDTHS.scenarios),
    steps: new Symbols(tables.steps, V2_WIDTHS.steps),
    questions: new Symbols(),
    options: new Symbols(),
    choices: new Symbols(),
    choicePrefixes: new Symbols(['c']),
    endings: new Symbols(),
    smallScores: true,
  };
}

/** Every score of a state, to decide whether all of them fit 7 bits. */
function allScores(state: LearnerState): number[] {
  const scores: number[] = [];
  for (const q of Object.values(state.quizzes)) {
    if (q.best !== null) scores.push(q.best);
    if (q.current && q.current.score !== null) scores.push(q.current.score);
  }
  for (const p of Object.values(state.scenarios)) {
    if (p.best !== null) scores.push(p.best);
    if (p.last) scores.push(p.last.total, ...p.last.dimensions);
  }
  return scores;
}

// ---------------------------------------------------------------------------------------------
// Field codecs (write/read pairs, in payload order).

// -0 is not small: it takes the exact (float64) path so it round-trips as -0.
const isSmallScore = (v: number) => Number.isInteger(v) && v >= 0 && v <= 100 && !Object.is(v, -0);

function writeScore(w: BitWriter, v: number, ns: Namespaces): void {
  const small = isSmallScore(v);
  if (!ns.smallScores) w.bit(!small);
  if (small) w.write(v, 7);
  else w.float64(v);
}
function readScore(r: BitReader, ns: Namespaces): number {
  if (!ns.smallScores && r.bit()) return r.float64();
  const v = r.read(7);
  if (v > 100) throw new CodecError('score out of range');
  return v;
}
function writeNullableScore(w: BitWriter, v: number | null, ns: Namespaces): void {
  w.bit(v !== null);
  if (v !== null) writeScore(w, v, ns);
}
function readNullableScore(r: BitReader, ns: Namespaces): number | null {
  return r.bit() ? readScore(r, ns) : null;
}

function writeList(w: BitWriter, items: readonly string[], ns: Symbols): void {
  w.uint(items.length);
  for (const item of items) ns.write(w, item);
}
function readCount(r: BitReader): number {
  const n = r.uint();
  if (n > MAX_ITEMS) throw new CodecError('list too long');
  return n;
}
function readList(r: BitReader, ns: Symbols): string[] {
  const n = readCount(r);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(ns.read(r));
  return out;
}

/**
 * A list that is usually an in-order subset of `base` (ended ⊆ visited, checked ⊆ answered):
 * written as one bit per base item when it is, else in full.
 */
function writeSubset(w: BitWriter, items: readonly string[], base: readonly string[], ns: Symbols): void {
  const baseUnique = new Set(base).size === base.length;
  let at = -1;
  const asMask =
    baseUnique &&
    items.every((id) => {
      const i = base.indexOf(id);
      if (i <= at) return false;
      at = i;
      return true;
    });
  w.bit(asMask);
  if (asMask) for (const id of base) w.bit(items.includes(id));
  else writeList(w, items, ns);
}
function readSubset(r: BitReader, base: readonly string[], ns: Symbols): string[] {
  if (!r.bit()) return readList(r, ns);
  return base.filter(() => r.bit());
}

/** Option lists: most answers pick one option, so "exactly one" costs a single bit. */
function writeOptions(w: BitWriter, items: readonly string[], ns: Symbols): void {
  w.bit(items.length === 1);
  if (items.length === 1) ns.write(w, items[0] as string);
  else writeList(w, items, ns);
}
function readOptions(r: BitReader, ns: Symbols): string[] {
  return r.bit() ? [ns.read(r)] : readList(r, ns);
}

const NUMBERED = /^([a-z]+)(0|[1-9][0-9]{0,8})$/;
const gammaBits = (n: number) => 2 * Math.floor(Math.log2(n + 1)) + 1;
const zigzag = (d: number) => (d >= 0 ? 2 * d : -2 * d - 1);
const unzigzag = (z: number) => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

/** Rice code: quotient in Elias gamma, remainder in k bits; k is chosen per list. */
const riceBits = (v: number, k: number) => gammaBits(Math.floor(v / 2 ** k)) + k;
function bestRiceParameter(values: number[]): number {
  let best = 0;
  let bestCost = Infinity;
  for (let k = 0; k < 8; k++) {
    const cost = values.reduce((sum, v) => sum + riceBits(v, k), 0);
    if (cost < bestCost) [best, bestCost] = [k, cost];
  }
  return best;
}
function writeRice(w: BitWriter, v: number, k: number): void {
  w.uint(Math.floor(v / 2 ** k));
  w.write(v % 2 ** k, k);
}
function readRice(r: BitReader, k: number): number {
  return r.uint() * 2 ** k + r.read(k);
}

/**
 * Choice paths. Authors number choices in conversation order (c1, c2…), so a path of numbered
 * ids with one prefix is written as the first number and then signed differences (a few bits
 * each) whenever that is shorter than back-references; any other ids go through the table.
 */
function writeChoices(w: BitWriter, items: readonly string[], ns: Namespaces): void {
  const parts = items.map((id) => NUMBERED.exec(id));
  const prefix = parts[0]?.[1];
  let numeric = items.length >= 2 && parts.every((m) => m !== null && m[1] === prefix);
  if (numeric) {
    const numbers = parts.map((m) => Number((m as RegExpExecArray)[2]));
    const deltas = numbers.slice(1).map((n, i) => zigzag(n - (numbers[i] as number)));
    const k = bestRiceParameter(deltas);
    const deltaCost = gammaBits(numbers[0] as number) + 3 + deltas.reduce((sum, d) => sum + riceBits(d, k), 0);
    const seen = new Set<string>();
    let tableCost = 0;
    for (const id of items) {
      tableCost += widthFor(ns.choices.size + seen.size) + (ns.choices.has(id) || seen.has(id) ? 0 : 8 + 6 * id.length);
      seen.add(id);
    }
    numeric = deltaCost < tableCost;
    w.bit(numeric);
    if (numeric) {
      w.uint(numbers.length);
      ns.choicePrefixes.write(w, prefix as string);
      w.uint(numbers[0] as number);
      w.write(k, 3);
      for (const d of deltas) writeRice(w, d, k);
      return;
    }
  } else w.bit(false);
  writeList(w, items, ns.choices);
}
function readChoices(r: BitReader, ns: Namespaces): string[] {
  if (!r.bit()) return readList(r, ns.choices);
  const n = readCount(r);
  const prefix = ns.choicePrefixes.read(r);
  let value = r.uint();
  const k = r.read(3);
  const out = [`${prefix}${value}`];
  for (let i = 1; i < n; i++) {
    value += unzigzag(readRice(r, k));
    if (value < 0) throw new CodecError('negative choice number');
    out.push(`${prefix}${value}`);
  }
  return out;
}

function writeSeed(w: BitWriter, seed: number): void {
  const u32 = Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32 && !Object.is(seed, -0);
  w.bit(!u32);
  if (u32) w.write(seed, 32);
  else w.float64(seed);
}
function readSeed(r: BitReader): number {
  return r.bit() ? r.float64() : r.read(32);
}

function writeAttempt(w: BitWriter, a: QuizAttemptState, ns: Namespaces): void {
  writeSeed(w, a.seed);
  w.uint(a.position);
  const keys = Object.keys(a.responses);
  w.uint(keys.length);
  for (const key of keys) {
    ns.questions.write(w, key);
    writeOptions(w, a.responses[key] as string[], ns.options);
  }
  writeSubset(w, a.checked, keys, ns.questions);
  w.bit(a.submitted);
  writeNullableScore(w, a.score, ns);
}
function readAttempt(r: BitReader, ns: Namespaces): QuizAttemptState {
  const seed = readSeed(r);
  const position = r.uint();
  const n = readCount(r);
  const entries: [string, string[]][] = [];
  for (let i = 0; i < n; i++) entries.push([ns.questions.read(r), readOptions(r, ns.options)]);
  const keys = entries.map(([k]) => k);
  const checked = readSubset(r, keys, ns.questions);
  return { seed, position, responses: Object.fromEntries(entries), checked, submitted: r.bit(), score: readNullableScore(r, ns) };
}

function writeQuiz(w: BitWriter, q: QuizProgress, ns: Namespaces): void {
  w.uint(q.attempts);
  writeNullableScore(w, q.best, ns);
  w.bit(q.passed);
  w.bit(q.current !== null);
  if (q.current) writeAttempt(w, q.current, ns);
}
function readQuiz(r: BitReader, ns: Namespaces): QuizProgress {
  const attempts = r.uint();
  const best = readNullableScore(r, ns);
  const passed = r.bit();
  return { attempts, best, passed, current: r.bit() ? readAttempt(r, ns) : null };
}

function writeResult(w: BitWriter, s: ScenarioResult, ns: Namespaces): void {
  ns.endings.write(w, s.ending);
  writeScore(w, s.total, ns);
  for (const d of s.dimensions) writeScore(w, d, ns);
  writeList(w, s.steps, ns.steps);
  writeChoices(w, s.path, ns);
  w.bit(s.passed);
}
function readResult(r: BitReader, ns: Namespaces): ScenarioResult {
  const ending = ns.endings.read(r);
  const total = readScore(r, ns);
  const dimensions = DIMENSIONS.map(() => readScore(r, ns));
  const steps = readList(r, ns.steps);
  const path = readChoices(r, ns);
  return { ending, total, dimensions, steps, path, passed: r.bit() };
}

function writeScenario(w: BitWriter, s: ScenarioProgress, ns: Namespaces): void {
  w.uint(s.plays);
  writeNullableScore(w, s.best, ns);
  w.bit(s.passed);
  w.bit(s.current !== null);
  if (s.current) writeChoices(w, s.current, ns);
  w.bit(s.last !== null);
  if (s.last) writeResult(w, s.last, ns);
}
function readScenario(r: BitReader, ns: Namespaces): ScenarioProgress {
  const plays = r.uint();
  const best = readNullableScore(r, ns);
  const passed = r.bit();
  const current = r.bit() ? readChoices(r, ns) : null;
  return { plays, best, passed, current, last: r.bit() ? readResult(r, ns) : null };
}

function writePayload(state: LearnerState, tables: IdTables): string {
  const ns = namespaces(tables);
  const w = new BitWriter();
  ns.smallScores = allScores(state).every(isSmallScore);
  w.bit(ns.smallScores);

  w.bit(state.location !== null);
  if (state.location !== null) ns.lessons.write(w, state.location);
  writeList(w, state.visited, ns.lessons);
  writeSubset(w, state.ended, state.visited, ns.lessons);
  const quizzes = Object.entries(state.quizzes);
  w.uint(quizzes.length);
  for (const [id, q] of quizzes) {
    ns.quizzes.write(w, id);
    writeQuiz(w, q, ns);
  }
  const scenarios = Object.entries(state.scenarios);
  w.uint(scenarios.length);
  for (const [id, s] of scenarios) {
    ns.scenarios.write(w, id);
    writeScenario(w, s, ns);
  }
  return w.toText();
}

function readPayload(payload: string, tables: IdTables): LearnerState {
  const ns = namespaces(tables);
  const r = new BitReader(payload);
  ns.smallScores = r.bit();

  const location = r.bit() ? ns.lessons.read(r) : null;
  const visited = readList(r, ns.lessons);
  const ended = readSubset(r, visited, ns.lessons);
  const quizzes: [string, QuizProgress][] = [];
  for (let i = 0, n = readCount(r); i < n; i++) quizzes.push([ns.quizzes.read(r), readQuiz(r, ns)]);
  const scenarios: [string, ScenarioProgress][] = [];
  for (let i = 0, n = readCount(r); i < n; i++) scenarios.push([ns.scenarios.read(r), readScenario(r, ns)]);
  r.assertEnd();
  return { location, visited, ended, quizzes: Object.fromEntries(quizzes), scenarios: Object.fromEntries(scenarios) };
}

// ---------------------------------------------------------------------------------------------
// Versions and migrations.

const HEADER = /^S(\d{1,4})\.(.*)$/s;

/** Decoders of every version ever written, each returning that version's own shape. */
const DECODERS: Record<number, (body: string, tables: IdTables) => unknown> = {
  1: (body) => decodeV1Body(body),
  2: (body, tables) => {
    const sum = body.slice(0, 2);
    const payload = body.slice(2);
    const expected = checksum12(payload);
    const c = new BitReader(sum);
    if (sum.length !== 2 || c.read(12) !== expected) throw new CodecError('checksum mismatch (damaged or truncated)');
    return readPayload(payload, tables);
  },
};

/** UPGRADES[n] lifts a version-n state to version n + 1. */
const UPGRADES: Record<number, (old: unknown) => unknown> = {
  1: (old) => upgradeV1(old as V1State),
};

/** Writes the state in the current version. Throws only on a state that breaks the contract. */
export function encodeLearnerState(state: LearnerState, tables: IdTables = ID_TABLES): string {
  if (!isLearnerState(state)) throw new TypeError('codec: not a LearnerState');
  const payload = writePayload(state, tables);
  const w = new BitWriter();
  w.write(checksum12(payload), 12);
  return `S${CODEC_VERSION}.${w.toText()}${payload}`;
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

// ---------------------------------------------------------------------------------------------
// Budget: what to drop, in order, when the state must fit a small limit (SCORM 1.2: 4,096).

const REDUCTIONS: { what: string; apply: (s: LearnerState) => LearnerState }[] = [
  {
    what: 'role-play paths of finished plays',
    apply: (s) => ({
      ...s,
      scenarios: Object.fromEntries(
        Object.entries(s.scenarios).map(([id, p]) => [id, p.last ? { ...p, last: { ...p.last, path: [], steps: [] } } : p]),
      ),
    }),
  },
  {
    what: 'review data of submitted quiz attempts',
    apply: (s) => ({
      ...s,
      quizzes: Object.fromEntries(Object.entries(s.quizzes).map(([id, q]) => [id, q.current?.submitted ? { ...q, current: null } : q])),
    }),
  },
  {
    what: 'results of finished role-plays',
    apply: (s) => ({
      ...s,
      scenarios: Object.fromEntries(Object.entries(s.scenarios).map(([id, p]) => [id, { ...p, last: null }])),
    }),
  },
  {
    what: 'quiz attempts and role-plays in progress',
    apply: (s) => ({
      ...s,
      quizzes: Object.fromEntries(Object.entries(s.quizzes).map(([id, q]) => [id, { ...q, current: null }])),
      scenarios: Object.fromEntries(Object.entries(s.scenarios).map(([id, p]) => [id, { ...p, current: null }])),
    }),
  },
];

export interface BudgetedEncoding {
  text: string;
  /** What had to be left out to fit, in order (empty when everything fit). */
  dropped: string[];
  /** False when even the essentials (completion, best scores) do not fit. */
  fits: boolean;
}

/**
 * Encodes within `maxChars`, leaving out non-essential detail step by step if needed. Lesson
 * completion, visits, attempt counts, best scores and passes are never dropped.
 */
export function encodeWithinBudget(state: LearnerState, maxChars: number, tables: IdTables = ID_TABLES): BudgetedEncoding {
  let current = state;
  let text = encodeLearnerState(current, tables);
  const dropped: string[] = [];
  for (const reduction of REDUCTIONS) {
    if (text.length <= maxChars) break;
    current = reduction.apply(current);
    dropped.push(reduction.what);
    text = encodeLearnerState(current, tables);
  }
  return { text, dropped, fits: text.length <= maxChars };
}
