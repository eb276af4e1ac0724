/**
 * Version 2 of the suspend-data format (`S2.` + 2 checksum characters + a bit-packed payload in
 * base64url), frozen: the current build still reads it (a learner who saved under a v2 build
 * resumes under a newer one) and tests write it to check that migration. Do not change anything
 * here: strings in learners' LMS records depend on every bit of it.
 *
 * Layout: committed tables (lessons, quizzes, scenarios, steps) are referenced with fixed widths
 * (7/8/8/3 bits, all-ones escapes to a literal); question, option, choice and ending ids are
 * written in full on first use and as growing back-references after that; scores 0–100 take
 * 7 bits; counts are Elias-gamma; numbered choice paths are delta/Rice coded; seeds take 32 bits.
 */
import { BitReader, BitWriter, checksum12, CodecError, widthFor } from './bits.ts';
import type { IdTables } from './ids.ts';
import {
  DIMENSIONS,
  type LearnerState,
  type QuizAttemptState,
  type QuizProgress,
  type ScenarioProgress,
  type ScenarioResult,
} from '../../engine/learner-state.ts';

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
 * width, so appending ids to ids.ts never changes how older strings read; the all-ones
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

/** The body of an `S2.` string (checksum + payload) for a state: the version-2 encoder, kept for migration tests. */
export function encodeV2Body(state: LearnerState, tables: IdTables): string {
  const payload = writePayload(state, tables);
  const w = new BitWriter();
  w.write(checksum12(payload), 12);
  return `${w.toText()}${payload}`;
}

/** Reads the body of an `S2.` string. Throws CodecError on damaged data (the codec logs it). */
export function decodeV2Body(body: string, tables: IdTables): LearnerState {
  const sum = body.slice(0, 2);
  const payload = body.slice(2);
  const expected = checksum12(payload);
  const c = new BitReader(sum);
  if (sum.length !== 2 || c.read(12) !== expected) throw new CodecError('checksum mismatch (damaged or truncated)');
  return readPayload(payload, tables);
}
