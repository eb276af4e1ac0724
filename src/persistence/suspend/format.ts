/**
 * The suspend-data codec: LearnerState ⇄ a short ASCII string for `cmi.suspend_data`.
 *
 * Text layout: `S<version>.<body>`. Version 3 (current) is `S3.` + 2 checksum characters + the
 * payload: every field is a symbol with its own radix or adaptive model, and the whole sequence
 * is ONE number written in base64url (RadixWriter in bits.ts). A score 0–100 costs
 * log2(101) ≈ 6.66 bits, a choice among 3 1.58 bits, and nothing is rounded up to whole bits;
 * flags and small categories go through adaptive models (Frequencies), so a flag that is the
 * same all over the state (submitted, has a result…) costs a small fraction of a bit. Why it
 * stays small and survives content edits:
 * - Ids are never stored as positions in the content. Lesson, quiz, scenario, complaint-step and
 *   ending ids, and the item sets of ordering/matching questions, are written as their index in
 *   the committed, append-only tables of ids.ts (an inserted lesson gets a new index at the
 *   end; existing indices never move). The radix of a table is written once per state (the
 *   largest index it uses + 1), so tables can grow without limit and older strings still read.
 *   An id missing from a table is written out in full (then back-referenced) and round-trips.
 * - Patterned local ids are numbers: question ids q<n> (the attempt's questions as a partial
 *   permutation of the bank's numbers; <bank>.q<n> in assessments), single-letter option ids
 *   (a modelled symbol; a multiple response is a bit mask), true/false (a modelled flag), choice
 *   ids c<n> (each as its offset in the block of choices expected next: authors number the
 *   choices of a decision consecutively, in conversation order). An ordering answer is a
 *   permutation index into its item set, a matching answer an arrangement of the right items.
 *   Any other id is written in full, once.
 * - Counts that are the same all over a state (20 attempts, 4 answers, paths of 10 choices) are
 *   coded relative to a per-state base through a model: nearly free when they equal it.
 * - Sets are combinations: the 63 lessons visited in course order cost a few bits, not 63×7.
 *   Quizzes and scenarios are written in table order (their key order in the decoded records is
 *   that order; Records are unordered and nothing depends on it).
 * - A best score is coded relative to the latest score (best ≥ latest); pass flags are modelled
 *   in the context of the default pass rules, so a predictable flag costs almost nothing. Quiz
 *   seeds are 16 bits (src/state/quiz.ts draws them below 2^16; older 32-bit seeds escape).
 *
 * Every detail of the field order, the models (their names, sizes and update rule), the
 * choice-block rule and the response kinds is part of format 3: changing any of it needs a new
 * version (tests/unit/persistence/suspend.test.ts decodes a committed v3 string and fails first).
 *
 * Versions, migrations and the never-throwing decoder live in versions.ts; the budget (what
 * to leave out to fit 4,096 characters) in budget.ts.
 */
import {
  binomial,
  CodecError,
  Frequencies,
  RadixReader,
  RadixWriter,
  subsetRank,
  subsetUnrank,
} from './bits.ts';
import { parseItemSet, type IdTables, type ItemSet } from './ids.ts';
import {
  DIMENSIONS,
  isSelfRating,
  SELF_RATING_MAX,
  type LearnerState,
  type QuizAttemptState,
  type QuizProgress,
  type ScenarioProgress,
  type ScenarioResult,
} from '../../engine/learner-state.ts';

/** Upper bound on any list length while decoding, so garbage cannot make us allocate wildly. */
const MAX_ITEMS = 5000;
const MAX_STRING = 4000;
/** Largest |value| of a relative count (attempts, positions, choice steps…). */
const MAX_COUNT = 2 ** 40;

type Writer = RadixWriter;
type Reader = RadixReader;

// ---------------------------------------------------------------------------------------------
// Per-state parameters. The encoder runs twice: the first pass records what the state needs
// (largest index per table, the counts…), the second writes with parameters fitted to it. Each
// parameter is written the first time it is used, so a small state pays only for what it has.

/** Per-state sizes: a table's used length, the letters a…, the question numbers q0…, the steps. */
type SizeName = 'lessons' | 'quizzes' | 'scenarios' | 'steps' | 'endings' | 'letters' | 'questions' | 'selfItems';

/**
 * Counts coded relative to a per-state base (the commonest value): the zigzagged difference
 * 0…15 through an adaptive model (layouts 3: one 17-symbol model per count; layout 5: unary
 * steps, one adaptive binary model per step, see Env.unaryCounts), larger ones escaped to Elias
 * gamma. A count that is the same all over the state (20 attempts, 4 answers, 10-choice paths)
 * costs almost nothing.
 */
const COUNTS = ['attempts', 'answers', 'position', 'plays', 'pathLength', 'choice', 'itemStep'] as const;
type CountName = (typeof COUNTS)[number];
const COUNT_SYMBOLS = 16;

const zigzag = (d: number) => (d >= 0 ? 2 * d : -2 * d - 1);
const unzigzag = (z: number) => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

/** The commonest value (the smallest of equals). */
function commonest(values: readonly number[]): number {
  const frequency = new Map<number, number>();
  for (const v of values) frequency.set(v, (frequency.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [v, n] of frequency) if (n > bestCount || (n === bestCount && Math.abs(v) < Math.abs(best))) [best, bestCount] = [v, n];
  return best;
}

/** Empirical cost in bits of coding `values` with an order-0 model (what an adaptive model approaches). */
function entropyBits(values: readonly number[]): number {
  const frequency = new Map<number, number>();
  for (const v of values) frequency.set(v, (frequency.get(v) ?? 0) + 1);
  let bits = 0;
  for (const n of frequency.values()) bits += n * Math.log2(values.length / n);
  return bits + 4 * frequency.size;
}

/**
 * Choice paths are coded against blocks: authors number the choices of each decision
 * consecutively (c1–c3, c4–c6…), so each choice is written as its offset from the start of the
 * block expected next, and the next block starts after the chosen one. `step` (the usual number
 * of choices per decision) is fitted per state.
 */
function choiceOffsets(numbers: readonly number[], step: number): number[] {
  let start = 1;
  return numbers.map((n) => {
    const offset = n - start;
    start += step * (Math.floor(offset / step) + 1);
    return offset;
  });
}

/**
 * Per-state parameters and adaptive models. The encoder runs twice: the first pass records
 * what the state needs (largest index per table, the counts, the paths…), the second writes
 * with parameters fitted to it. Each parameter is written the first time it is used, so a small
 * state pays only for what it has. How parameters are FITTED may change freely (they are written
 * into the string); how they are USED, the models' names, sizes and update rule, is format.
 */
class Env {
  private readonly needed = new Map<SizeName, number>();
  private readonly samples = new Map<CountName, number[]>();
  private readonly paths: number[][] = [];
  private readonly sizes = new Map<SizeName, number>();
  private readonly bases = new Map<CountName, number>();
  private block = 3;
  private readonly models = new Map<string, Frequencies>();
  private readonly done = new Set<string>();
  readonly mode: 'record' | 'write' | 'read';
  /** Record mode: sizes large enough for anything (each table's full length…). Read mode: limits. */
  readonly bounds: Record<SizeName, number>;
  /**
   * Layout 5: a count's zigzagged difference is coded in unary, each step `> k` a flag through
   * its own adaptive binary model (`<count>>k`), instead of one 17-symbol model. A model learns
   * only the steps that occur, so a count always equal to its base costs ~4 bits over 63 uses
   * instead of ~36, and 3 uniform choice offsets ~1.6 bits each with two binary models.
   */
  readonly unaryCounts: boolean;

  constructor(mode: 'record' | 'write' | 'read', bounds: Record<SizeName, number>, unaryCounts = false) {
    this.mode = mode;
    this.bounds = bounds;
    this.unaryCounts = unaryCounts;
  }

  /** Record mode: this state needs size `name` to be at least `n`. */
  need(name: SizeName, n: number): void {
    if (this.mode === 'record') this.needed.set(name, Math.max(this.needed.get(name) ?? 0, n));
  }

  /** The parameters fitted to what the record pass saw, for the writing pass. */
  plan(): Env {
    const env = new Env('write', this.bounds, this.unaryCounts);
    for (const [name, n] of this.needed) env.sizes.set(name, n);
    for (const [name, values] of this.samples) if (name !== 'choice') env.bases.set(name, commonest(values));
    let bestCost = Infinity;
    for (let step = 1; step <= 8; step++) {
      const offsets = this.paths.flatMap((p) => choiceOffsets(p, step));
      const cost = entropyBits(offsets);
      if (cost < bestCost) [env.block, bestCost] = [step, cost];
    }
    env.bases.set('choice', commonest(this.paths.flatMap((p) => choiceOffsets(p, env.block))));
    return env;
  }

  private model(name: string, size: number): Frequencies {
    const key = `${name}/${size}`;
    let m = this.models.get(key);
    if (!m) this.models.set(key, (m = new Frequencies(size)));
    return m;
  }

  /** A flag through its own adaptive model (flags that rarely change cost a fraction of a bit). */
  flag(w: Writer, name: string, value: boolean): void {
    this.model(name, 2).write(w, value ? 1 : 0);
  }
  readFlag(r: Reader, name: string): boolean {
    return this.model(name, 2).read(r) === 1;
  }

  /** A symbol 0…size−1 through its own adaptive model. */
  choose(w: Writer, name: string, size: number, v: number): void {
    this.model(name, size).write(w, v);
  }
  readChoose(r: Reader, name: string, size: number): number {
    return this.model(name, size).read(r);
  }

  writeSize(w: Writer, name: SizeName): number {
    if (this.mode === 'record') return this.bounds[name];
    const size = this.sizes.get(name) ?? 0;
    if (!this.done.has(name)) {
      w.uint(size);
      this.done.add(name);
    }
    return size;
  }

  readSize(r: Reader, name: SizeName): number {
    if (!this.done.has(name)) {
      const size = r.uint();
      if (size > this.bounds[name]) throw new CodecError(`${name}: index beyond the id table (older build?)`);
      this.sizes.set(name, size);
      this.done.add(name);
    }
    return this.sizes.get(name) as number;
  }

  writeCount(w: Writer, name: CountName, v: number): void {
    if (!Number.isSafeInteger(v) || Math.abs(v) > MAX_COUNT) throw new TypeError(`codec: ${name} must be an integer, got ${v}`);
    if (this.mode === 'record') {
      const list = this.samples.get(name) ?? [];
      list.push(v);
      this.samples.set(name, list);
    }
    const base = this.bases.get(name) ?? 0;
    if (this.mode === 'write' && !this.done.has(name)) {
      w.uint(zigzag(base));
      this.done.add(name);
    }
    const z = zigzag(v - base);
    if (this.unaryCounts) for (let k = 0; k < COUNT_SYMBOLS && k <= z; k++) this.flag(w, `${name}>${k}`, z > k);
    else this.choose(w, name, COUNT_SYMBOLS + 1, Math.min(z, COUNT_SYMBOLS));
    if (z >= COUNT_SYMBOLS) w.uint(z - COUNT_SYMBOLS);
  }

  /** The zigzagged difference 0…COUNT_SYMBOLS (the top value: read the rest after it). */
  private readCountSymbol(r: Reader, name: CountName): number {
    if (!this.unaryCounts) return this.readChoose(r, name, COUNT_SYMBOLS + 1);
    let z = 0;
    while (z < COUNT_SYMBOLS && this.readFlag(r, `${name}>${z}`)) z++;
    return z;
  }

  readCount(r: Reader, name: CountName): number {
    if (!this.done.has(name)) {
      const base = unzigzag(r.uint());
      if (Math.abs(base) > MAX_COUNT) throw new CodecError('count base out of range');
      this.bases.set(name, base);
      this.done.add(name);
    }
    let z = this.readCountSymbol(r, name);
    if (z === COUNT_SYMBOLS) z += r.uint();
    const v = unzigzag(z) + (this.bases.get(name) as number);
    if (!Number.isSafeInteger(v) || Math.abs(v) > MAX_COUNT) throw new CodecError('count out of range');
    return v;
  }

  /** Record mode: a numbered path, to fit the block step. */
  recordPath(numbers: number[]): void {
    if (this.mode === 'record') this.paths.push(numbers);
  }

  writeBlock(w: Writer): number {
    if (this.mode === 'write' && !this.done.has('block')) {
      w.digit(this.block - 1, 8);
      this.done.add('block');
    }
    return this.block;
  }
  readBlock(r: Reader): number {
    if (!this.done.has('block')) {
      this.block = r.digit(8) + 1;
      this.done.add('block');
    }
    return this.block;
  }
}

// ---------------------------------------------------------------------------------------------
// Symbols: ids as table references, or in full.

/** 6-bit character codes for literal ids; code 63 escapes to a full 16-bit UTF-16 unit. */
const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789-:_.ABCDEFGHIJKLMNOPQRSTUVW';
const ID_CHAR_INDEX = new Map([...ID_CHARS].map((c, i) => [c, i]));
const ESCAPE = 63;

/** Ids outside every table: written in full on first use, as a back-reference after that. */
class Literals {
  private readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  write(w: Writer, s: string): void {
    const i = this.index.get(s);
    w.digit(i ?? this.list.length, this.list.length + 1);
    if (i !== undefined) return;
    w.uint(s.length);
    for (let k = 0; k < s.length; k++) {
      const code = ID_CHAR_INDEX.get(s[k] as string);
      if (code !== undefined) w.digit(code, 64);
      else {
        w.digit(ESCAPE, 64);
        w.digit(s.charCodeAt(k), 65536);
      }
    }
    this.add(s);
  }

  read(r: Reader): string {
    const i = r.digit(this.list.length + 1);
    if (i < this.list.length) return this.list[i] as string;
    const length = r.uint();
    if (length > MAX_STRING) throw new CodecError('id too long');
    let s = '';
    for (let k = 0; k < length; k++) {
      const code = r.digit(64);
      s += code === ESCAPE ? String.fromCharCode(r.digit(65536)) : (ID_CHARS[code] as string);
    }
    this.add(s);
    return s;
  }

  private add(s: string): void {
    if (!this.index.has(s)) this.index.set(s, this.list.length);
    this.list.push(s);
  }
}

/** A committed table: index digits in radix (per-state size + 1); the top value escapes to a literal. */
class Table {
  readonly index = new Map<string, number>();
  readonly extra = new Literals();
  readonly name: SizeName;
  readonly list: readonly string[];
  constructor(name: SizeName, list: readonly string[]) {
    this.name = name;
    this.list = list;
    list.forEach((id, i) => {
      if (!this.index.has(id)) this.index.set(id, i);
    });
  }

  /** `modelled`: through an adaptive model (for ids that repeat, such as endings), else a plain digit. */
  write(w: Writer, env: Env, id: string, modelled = false): void {
    const i = this.index.get(id);
    if (i !== undefined) env.need(this.name, i + 1);
    const size = env.writeSize(w, this.name);
    const v = i !== undefined && i < size ? i : size;
    if (modelled) env.choose(w, this.name, size + 1, v);
    else w.digit(v, size + 1);
    if (v === size) this.extra.write(w, id);
  }

  read(r: Reader, env: Env, modelled = false): string {
    const size = env.readSize(r, this.name);
    const i = modelled ? env.readChoose(r, this.name, size + 1) : r.digit(size + 1);
    return i < size ? (this.list[i] as string) : this.extra.read(r);
  }
}

interface Ctx {
  env: Env;
  lessons: Table;
  quizzes: Table;
  scenarios: Table;
  steps: Table;
  endings: Table;
  /** Self-assessment item ids (format v5 onwards). */
  selfItems: Table;
  items: ItemSet[];
  /** Index of the item set used last (item sets are coded as steps from it: banks are in table order). */
  lastItem: number;
  questions: Literals;
  options: Literals;
  choices: Literals;
  /** Every score in this state is an integer 0–100 (no per-score escape). */
  smallScores: boolean;
  /** Every seed in this state is an integer 0–65535 (no per-seed escape). */
  seed16: boolean;
}

function context(env: Env, tables: IdTables): Ctx {
  return {
    env,
    lessons: new Table('lessons', tables.lessons),
    quizzes: new Table('quizzes', tables.quizzes),
    scenarios: new Table('scenarios', tables.scenarios),
    steps: new Table('steps', tables.steps),
    endings: new Table('endings', tables.endings ?? []),
    selfItems: new Table('selfItems', tables.selfItems ?? []),
    items: (tables.items ?? []).map(parseItemSet),
    lastItem: -1,
    questions: new Literals(),
    options: new Literals(),
    choices: new Literals(),
    smallScores: true,
    seed16: true,
  };
}

function bounds(tables: IdTables): Record<SizeName, number> {
  return {
    lessons: tables.lessons.length,
    quizzes: tables.quizzes.length,
    scenarios: tables.scenarios.length,
    steps: tables.steps.length,
    endings: tables.endings?.length ?? 0,
    selfItems: tables.selfItems?.length ?? 0,
    letters: 26,
    questions: 1000,
  };
}

// ---------------------------------------------------------------------------------------------
// Lists, sets and permutations.

function readCountOfItems(r: Reader): number {
  const n = r.uint();
  if (n > MAX_ITEMS) throw new CodecError('list too long');
  return n;
}

/**
 * Digits of an arrangement of distinct members of 0…size−1: each member's rank among those not
 * used yet, in radix size, size−1, … (a permutation index when all members are used).
 */
function writeArrangement(w: Writer, picks: readonly number[], size: number): void {
  picks.forEach((p, i) => {
    let rank = p;
    for (let j = 0; j < i; j++) if ((picks[j] as number) < p) rank--;
    w.digit(rank, size - i);
  });
}
function readArrangement(r: Reader, count: number, size: number): number[] {
  if (count > size) throw new CodecError('arrangement longer than its set');
  const out: number[] = [];
  const used: number[] = []; // ascending
  for (let i = 0; i < count; i++) {
    let v = r.digit(size - i);
    let at = 0;
    while (at < used.length && (used[at] as number) <= v) {
      v++;
      at++;
    }
    used.splice(at, 0, v);
    out.push(v);
  }
  return out;
}

/** An ascending set of members of 0…size−1: its size, then its rank among sets of that size. */
function writeCombination(w: Writer, members: readonly number[], size: number): void {
  w.digit(members.length, size + 1);
  w.digit(subsetRank(members), binomial(size, members.length));
}
function readCombination(r: Reader, size: number): number[] {
  const n = r.digit(size + 1);
  return subsetUnrank(r.bigDigit(binomial(size, n)), n, size);
}

function isAscending(values: readonly (number | undefined)[]): values is number[] {
  return values.every((v, i) => v !== undefined && (i === 0 || v > (values[i - 1] as number)));
}

/** Lessons in order (visited): a combination when they follow the table order, else one by one. */
function writeIdList(w: Writer, ctx: Ctx, ids: readonly string[], table: Table): void {
  const indices = ids.map((id) => table.index.get(id));
  const ascending = ids.length > 0 && isAscending(indices);
  w.bit(ascending);
  if (ascending) {
    ctx.env.need(table.name, (indices.at(-1) as number) + 1);
    writeCombination(w, indices as number[], ctx.env.writeSize(w, table.name));
  } else {
    w.uint(ids.length);
    for (const id of ids) table.write(w, ctx.env, id);
  }
}
function readIdList(r: Reader, ctx: Ctx, table: Table): string[] {
  if (r.bit()) return readCombination(r, ctx.env.readSize(r, table.name)).map((i) => table.list[i] as string);
  const n = readCountOfItems(r);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(table.read(r, ctx.env));
  return out;
}

/**
 * A list that is usually `base` itself or a part of it (ended ⊆ visited, checked ⊆ answered):
 * equal (almost free when usual), an in-order part (a combination), distinct members of `base`
 * in another order (an arrangement: answers checked in another order than given), or item by item.
 */
function writePartOf(w: Writer, ctx: Ctx, name: string, items: readonly string[], base: readonly string[], writeItem: (id: string) => void): void {
  const equal = items.length === base.length && items.every((id, i) => id === base[i]);
  const positions = items.map((id) => base.indexOf(id));
  const members = new Set(base).size === base.length && positions.every((p) => p >= 0) && new Set(positions).size === positions.length;
  const how = equal ? 0 : members && isAscending(positions) ? 1 : members ? 2 : 3;
  ctx.env.choose(w, name, 4, how);
  if (how === 1) writeCombination(w, positions, base.length);
  if (how === 2) {
    w.digit(items.length, base.length + 1);
    writeArrangement(w, positions, base.length);
  }
  if (how === 3) {
    w.uint(items.length);
    items.forEach(writeItem);
  }
}
function readPartOf(r: Reader, ctx: Ctx, name: string, base: readonly string[], readItem: () => string): string[] {
  const how = ctx.env.readChoose(r, name, 4);
  if (how === 0) return [...base];
  if (how === 1) return readCombination(r, base.length).map((i) => base[i] as string);
  if (how === 2) return readArrangement(r, r.digit(base.length + 1), base.length).map((i) => base[i] as string);
  const n = readCountOfItems(r);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(readItem());
  return out;
}

/** Record keys (quiz and scenario ids): the known ones as a combination, then the others in full. */
function writeKeys(w: Writer, ctx: Ctx, keys: readonly string[], table: Table): string[] {
  const known = keys.filter((k) => table.index.has(k)).sort((a, b) => (table.index.get(a) as number) - (table.index.get(b) as number));
  const unknown = keys.filter((k) => !table.index.has(k));
  const indices = known.map((k) => table.index.get(k) as number);
  ctx.env.need(table.name, (indices.at(-1) ?? -1) + 1);
  writeCombination(w, indices, ctx.env.writeSize(w, table.name));
  w.uint(unknown.length);
  for (const k of unknown) table.extra.write(w, k);
  return [...known, ...unknown];
}
function readKeys(r: Reader, ctx: Ctx, table: Table): string[] {
  const known = readCombination(r, ctx.env.readSize(r, table.name)).map((i) => table.list[i] as string);
  const n = readCountOfItems(r);
  for (let i = 0; i < n; i++) known.push(table.extra.read(r));
  return known;
}

// ---------------------------------------------------------------------------------------------
// Scores and seeds.

// -0 is not small: it takes the exact (float64) path so it round-trips as -0.
const isSmallScore = (v: number) => Number.isInteger(v) && v >= 0 && v <= 100 && !Object.is(v, -0);

function writeScore(w: Writer, ctx: Ctx, v: number): void {
  const small = isSmallScore(v);
  if (!ctx.smallScores) w.bit(!small);
  if (small) w.digit(v, 101);
  else w.float64(v);
}
function readScore(r: Reader, ctx: Ctx): number {
  if (!ctx.smallScores && r.bit()) return r.float64();
  return r.digit(101);
}
function writeNullableScore(w: Writer, ctx: Ctx, name: string, v: number | null): void {
  ctx.env.flag(w, name, v !== null);
  if (v !== null) writeScore(w, ctx, v);
}
function readNullableScore(r: Reader, ctx: Ctx, name: string): number | null {
  return ctx.env.readFlag(r, name) ? readScore(r, ctx) : null;
}

/**
 * A best score after the latest score it bounds (best ≥ latest, as the engines keep it): the
 * difference in radix (101 − latest) + 1, the extra value escaping to a plain nullable score.
 */
function writeBest(w: Writer, ctx: Ctx, name: string, best: number | null, latest: number | null): void {
  if (latest !== null && isSmallScore(latest)) {
    const room = 101 - latest;
    if (best !== null && isSmallScore(best) && best >= latest) {
      w.digit(best - latest, room + 1);
      return;
    }
    w.digit(room, room + 1);
  }
  writeNullableScore(w, ctx, name, best);
}
function readBest(r: Reader, ctx: Ctx, name: string, latest: number | null): number | null {
  if (latest !== null && isSmallScore(latest)) {
    const room = 101 - latest;
    const d = r.digit(room + 1);
    if (d < room) return latest + d;
  }
  return readNullableScore(r, ctx, name);
}

const isU16 = (v: number) => Number.isInteger(v) && v >= 0 && v < 2 ** 16 && !Object.is(v, -0);
const isU32 = (v: number) => Number.isInteger(v) && v >= 0 && v < 2 ** 32 && !Object.is(v, -0);

/** Seeds: 16 bits (what src/state/quiz.ts draws); older 32-bit and odd seeds escape. */
function writeSeed(w: Writer, ctx: Ctx, seed: number): void {
  if (!ctx.seed16) {
    const kind = isU16(seed) ? 0 : isU32(seed) ? 1 : 2;
    ctx.env.choose(w, 'seedKind', 3, kind);
    if (kind === 1) w.digit(seed, 2 ** 32);
    if (kind === 2) w.float64(seed);
    if (kind !== 0) return;
  }
  w.digit(seed, 2 ** 16);
}
function readSeed(r: Reader, ctx: Ctx): number {
  if (!ctx.seed16) {
    const kind = ctx.env.readChoose(r, 'seedKind', 3);
    if (kind === 1) return r.digit(2 ** 32);
    if (kind === 2) return r.float64();
  }
  return r.digit(2 ** 16);
}

// ---------------------------------------------------------------------------------------------
// Quiz attempts.

const QUESTION = /^q(0|[1-9][0-9]{0,2})$/;
const BANK_QUESTION = /^(.+)\.q(0|[1-9][0-9]{0,2})$/;
const LETTER = /^[a-z]$/;
const letterIndex = (id: string) => id.charCodeAt(0) - 97;
const letterOf = (i: number) => String.fromCharCode(97 + i);

/** One question key outside a plain q<n> list: q<n>, <bank>.q<n> (assessments) or a literal. */
function writeQuestion(w: Writer, ctx: Ctx, key: string): void {
  const plain = QUESTION.exec(key);
  const banked = plain ? null : BANK_QUESTION.exec(key);
  const m = plain ?? banked;
  ctx.env.choose(w, 'questionKind', 3, plain ? 0 : banked ? 1 : 2);
  if (banked) ctx.quizzes.write(w, ctx.env, banked[1] as string);
  if (m) {
    const n = Number(m[plain ? 1 : 2]);
    ctx.env.need('questions', n + 1);
    w.digit(n, ctx.env.writeSize(w, 'questions'));
  } else ctx.questions.write(w, key);
}
function readQuestion(r: Reader, ctx: Ctx): string {
  const kind = ctx.env.readChoose(r, 'questionKind', 3);
  if (kind === 2) return ctx.questions.read(r);
  const bank = kind === 1 ? `${ctx.quizzes.read(r, ctx.env)}.` : '';
  return `${bank}q${r.digit(ctx.env.readSize(r, 'questions'))}`;
}

/** The attempt's question keys: a partial permutation of q0…q(N−1) when they are all q<n>. */
function writeQuestionKeys(w: Writer, ctx: Ctx, keys: readonly string[]): void {
  const numbers = keys.map((k) => QUESTION.exec(k)?.[1]);
  const plain = numbers.every((n) => n !== undefined);
  ctx.env.flag(w, 'plainKeys', plain);
  if (plain) {
    const picks = numbers.map(Number);
    ctx.env.need('questions', Math.max(0, ...picks.map((n) => n + 1)));
    writeArrangement(w, picks, ctx.env.writeSize(w, 'questions'));
  } else for (const k of keys) writeQuestion(w, ctx, k);
}
function readQuestionKeys(r: Reader, ctx: Ctx, n: number): string[] {
  if (ctx.env.readFlag(r, 'plainKeys')) return readArrangement(r, n, ctx.env.readSize(r, 'questions')).map((i) => `q${i}`);
  return Array.from({ length: n }, () => readQuestion(r, ctx));
}

/** Response kinds (an adaptive symbol: the state's own mix of question types decides their cost). */
const KIND = {
  /** One option a…z. */
  letter: 0,
  /** "true" / "false". */
  bool: 1,
  /** Several distinct letters (a multiple response). */
  letters: 2,
  /** An ordering or matching answer over an ITEM_SETS entry. */
  items: 3,
  /** Anything else, id by id. */
  other: 4,
} as const;

/** How a response fits an item set: the entry and its digits, or null. */
interface ItemFit {
  entry: number;
  write: (w: Writer) => void;
}

function fitItems(ctx: Ctx, response: readonly string[]): ItemFit | null {
  if (response.length === 0 || new Set(response).size !== response.length) return null;
  const pairs = response.every((x) => x.includes(':'))
    ? response.map((x) => [x.slice(0, x.indexOf(':')), x.slice(x.indexOf(':') + 1)] as const)
    : null;
  // Nearest entry after the last one used first: banks are coded in table order.
  const order = ctx.items.map((_, i) => i).sort((a, b) => Math.abs(a - ctx.lastItem - 1) - Math.abs(b - ctx.lastItem - 1));
  for (const entry of order) {
    const set = ctx.items[entry] as ItemSet;
    if (set.kind === 'ordering' && !pairs) {
      const picks = response.map((id) => set.items.indexOf(id));
      if (picks.some((p) => p < 0)) continue;
      const size = set.items.length;
      return {
        entry,
        write: (w) => {
          ctx.env.flag(w, 'fullOrder', picks.length === size);
          if (picks.length < size) w.digit(picks.length, size);
          writeArrangement(w, picks, size);
        },
      };
    }
    if (set.kind === 'matching' && pairs) {
      const lefts = pairs.map(([l]) => set.left.indexOf(l));
      const rights = pairs.map(([, r]) => set.right.indexOf(r));
      if (!isAscending(lefts.map((l) => (l < 0 ? undefined : l))) || rights.some((x) => x < 0)) continue;
      // Usually every left item is matched, each to a different right item: an arrangement.
      const oneToOne = lefts.length === set.left.length && new Set(rights).size === rights.length;
      return {
        entry,
        write: (w) => {
          ctx.env.flag(w, 'oneToOne', oneToOne);
          if (oneToOne) writeArrangement(w, rights, set.right.length);
          else
            set.left.forEach((_, l) => {
              const at = lefts.indexOf(l);
              w.digit(at < 0 ? 0 : (rights[at] as number) + 1, set.right.length + 1);
            });
        },
      };
    }
  }
  return null;
}

function readItems(r: Reader, ctx: Ctx, set: ItemSet): string[] {
  if (set.kind === 'ordering') {
    const size = set.items.length;
    const count = ctx.env.readFlag(r, 'fullOrder') ? size : r.digit(size);
    return readArrangement(r, count, size).map((i) => set.items[i] as string);
  }
  if (ctx.env.readFlag(r, 'oneToOne'))
    return readArrangement(r, set.left.length, set.right.length).map((ri, l) => `${set.left[l] as string}:${set.right[ri] as string}`);
  const out: string[] = [];
  for (const left of set.left) {
    const d = r.digit(set.right.length + 1);
    if (d > 0) out.push(`${left}:${set.right[d - 1] as string}`);
  }
  return out;
}

function writeResponse(w: Writer, ctx: Ctx, response: readonly string[]): void {
  const letters = response.every((x) => LETTER.test(x)) && new Set(response).size === response.length;
  if (response.length === 1 && letters) {
    ctx.env.choose(w, 'kind', 5, KIND.letter);
    const i = letterIndex(response[0] as string);
    ctx.env.need('letters', i + 1);
    ctx.env.choose(w, 'letter', ctx.env.writeSize(w, 'letters'), i);
    return;
  }
  if (response.length === 1 && (response[0] === 'true' || response[0] === 'false')) {
    ctx.env.choose(w, 'kind', 5, KIND.bool);
    ctx.env.flag(w, 'true', response[0] === 'true');
    return;
  }
  if (response.length >= 2 && letters) {
    ctx.env.choose(w, 'kind', 5, KIND.letters);
    const picks = response.map(letterIndex);
    ctx.env.need('letters', Math.max(...picks) + 1);
    const size = ctx.env.writeSize(w, 'letters');
    const ascending = isAscending(picks);
    ctx.env.flag(w, 'ascending', ascending);
    if (ascending) w.digit(picks.reduce((mask, p) => mask + 2 ** p, 0), 2 ** size);
    else {
      w.digit(response.length, size + 1);
      writeArrangement(w, picks, size);
    }
    return;
  }
  const fit = fitItems(ctx, response);
  if (fit) {
    ctx.env.choose(w, 'kind', 5, KIND.items);
    ctx.env.writeCount(w, 'itemStep', fit.entry - ctx.lastItem);
    ctx.lastItem = fit.entry;
    fit.write(w);
    return;
  }
  ctx.env.choose(w, 'kind', 5, KIND.other);
  w.uint(response.length);
  for (const x of response) ctx.options.write(w, x);
}

function readResponse(r: Reader, ctx: Ctx): string[] {
  switch (ctx.env.readChoose(r, 'kind', 5)) {
    case KIND.letter:
      return [letterOf(ctx.env.readChoose(r, 'letter', ctx.env.readSize(r, 'letters')))];
    case KIND.bool:
      return [ctx.env.readFlag(r, 'true') ? 'true' : 'false'];
    case KIND.letters: {
      const size = ctx.env.readSize(r, 'letters');
      if (ctx.env.readFlag(r, 'ascending')) {
        const mask = r.digit(2 ** size);
        return Array.from({ length: size }, (_, i) => i).filter((i) => Math.floor(mask / 2 ** i) % 2 === 1).map(letterOf);
      }
      return readArrangement(r, r.digit(size + 1), size).map(letterOf);
    }
    case KIND.items: {
      const entry = ctx.lastItem + ctx.env.readCount(r, 'itemStep');
      const set = ctx.items[entry];
      if (!set) throw new CodecError('item set beyond the table (older build?)');
      ctx.lastItem = entry;
      return readItems(r, ctx, set);
    }
    default: {
      const n = readCountOfItems(r);
      return Array.from({ length: n }, () => ctx.options.read(r));
    }
  }
}

function writeAttempt(w: Writer, ctx: Ctx, a: QuizAttemptState): void {
  writeSeed(w, ctx, a.seed);
  const keys = Object.keys(a.responses);
  ctx.env.writeCount(w, 'answers', keys.length);
  writeQuestionKeys(w, ctx, keys);
  for (const key of keys) writeResponse(w, ctx, a.responses[key] as string[]);
  writePartOf(w, ctx, 'checked', a.checked, keys, (k) => writeQuestion(w, ctx, k));
  if (!Number.isSafeInteger(a.position) || a.position < 0) throw new TypeError(`codec: bad position ${a.position}`);
  // Usually on the last answered question (or the next one).
  ctx.env.writeCount(w, 'position', a.position - keys.length + 1);
  ctx.env.flag(w, 'submitted', a.submitted);
  writeNullableScore(w, ctx, 'attemptScore', a.score);
}
function readAttempt(r: Reader, ctx: Ctx): QuizAttemptState {
  const seed = readSeed(r, ctx);
  const n = ctx.env.readCount(r, 'answers');
  if (n < 0 || n > MAX_ITEMS) throw new CodecError('bad answer count');
  const keys = readQuestionKeys(r, ctx, n);
  const entries = keys.map((k): [string, string[]] => [k, readResponse(r, ctx)]);
  const checked = readPartOf(r, ctx, 'checked', keys, () => readQuestion(r, ctx));
  const position = ctx.env.readCount(r, 'position') + n - 1;
  if (position < 0) throw new CodecError('negative position');
  const submitted = ctx.env.readFlag(r, 'submitted');
  return { seed, position, responses: Object.fromEntries(entries), checked, submitted, score: readNullableScore(r, ctx, 'attemptScore') };
}

function nonNegative(v: number, what: string): number {
  if (v < 0) throw new CodecError(`negative ${what}`);
  return v;
}

/** Context of a pass flag: whether the best score reaches the default pass mark (80). */
const quizPassContext = (best: number | null) => `quizPassed${best !== null && best >= 80 ? 1 : 0}`;

function writeQuiz(w: Writer, ctx: Ctx, q: QuizProgress): void {
  if (!Number.isSafeInteger(q.attempts) || q.attempts < 0) throw new TypeError(`codec: bad attempt count ${q.attempts}`);
  ctx.env.writeCount(w, 'attempts', q.attempts);
  ctx.env.flag(w, 'hasAttempt', q.current !== null);
  if (q.current) writeAttempt(w, ctx, q.current);
  writeBest(w, ctx, 'quizBest', q.best, q.current?.score ?? null);
  ctx.env.flag(w, quizPassContext(q.best), q.passed);
}
function readQuiz(r: Reader, ctx: Ctx): QuizProgress {
  const attempts = nonNegative(ctx.env.readCount(r, 'attempts'), 'attempt count');
  const current = ctx.env.readFlag(r, 'hasAttempt') ? readAttempt(r, ctx) : null;
  const best = readBest(r, ctx, 'quizBest', current?.score ?? null);
  return { attempts, best, passed: ctx.env.readFlag(r, quizPassContext(best)), current };
}

// ---------------------------------------------------------------------------------------------
// Role-plays.

const CHOICE = /^c(0|[1-9][0-9]{0,5})$/;

/** Choice paths: c<n> ids as offsets from the block expected next (see choiceOffsets). */
function writeChoices(w: Writer, ctx: Ctx, ids: readonly string[]): void {
  ctx.env.writeCount(w, 'pathLength', ids.length);
  if (ids.length === 0) return;
  const numbers = ids.map((id) => CHOICE.exec(id)?.[1]).map((n) => (n === undefined ? undefined : Number(n)));
  const numeric = numbers.every((n) => n !== undefined);
  ctx.env.flag(w, 'numberedPath', numeric);
  if (numeric) {
    ctx.env.recordPath(numbers as number[]);
    for (const offset of choiceOffsets(numbers as number[], ctx.env.writeBlock(w))) ctx.env.writeCount(w, 'choice', offset);
  } else for (const id of ids) ctx.choices.write(w, id);
}
function readChoices(r: Reader, ctx: Ctx): string[] {
  const n = ctx.env.readCount(r, 'pathLength');
  if (n < 0 || n > MAX_ITEMS) throw new CodecError('bad path length');
  if (n === 0) return [];
  if (!ctx.env.readFlag(r, 'numberedPath')) return Array.from({ length: n }, () => ctx.choices.read(r));
  const step = ctx.env.readBlock(r);
  let start = 1;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const offset = ctx.env.readCount(r, 'choice');
    const value = start + offset;
    if (value < 0 || value > 999999) throw new CodecError('choice number out of range');
    out.push(`c${value}`);
    start += step * (Math.floor(offset / step) + 1);
  }
  return out;
}

/** Complaint steps: each once, in the order performed, so an arrangement of the step table. */
function writeSteps(w: Writer, ctx: Ctx, steps: readonly string[]): void {
  const picks = steps.map((s) => ctx.steps.index.get(s));
  const arranged = picks.every((p) => p !== undefined) && new Set(picks).size === picks.length;
  ctx.env.flag(w, 'stepsArranged', arranged);
  if (arranged) {
    ctx.env.need('steps', Math.max(0, ...(picks as number[]).map((p) => p + 1)));
    const size = ctx.env.writeSize(w, 'steps');
    ctx.env.choose(w, 'stepCount', size + 1, picks.length);
    writeArrangement(w, picks as number[], size);
  } else {
    w.uint(steps.length);
    for (const s of steps) ctx.steps.write(w, ctx.env, s);
  }
}
function readSteps(r: Reader, ctx: Ctx): string[] {
  if (ctx.env.readFlag(r, 'stepsArranged')) {
    const size = ctx.env.readSize(r, 'steps');
    return readArrangement(r, ctx.env.readChoose(r, 'stepCount', size + 1), size).map((i) => ctx.steps.list[i] as string);
  }
  const n = readCountOfItems(r);
  return Array.from({ length: n }, () => ctx.steps.read(r, ctx.env));
}

/** Context of a role-play's pass flag: whether the default rule (total ≥ 70, every dimension ≥ 40, a good ending) holds. */
const resultPassContext = (s: Pick<ScenarioResult, 'ending' | 'total' | 'dimensions'>) =>
  `resultPassed${s.total >= 70 && s.dimensions.every((d) => d >= 40) && (s.ending === 'e-loyal' || s.ending === 'e-resolved') ? 1 : 0}`;

function writeResult(w: Writer, ctx: Ctx, s: ScenarioResult): void {
  ctx.endings.write(w, ctx.env, s.ending, true);
  writeScore(w, ctx, s.total);
  for (const d of s.dimensions) writeScore(w, ctx, d);
  writeSteps(w, ctx, s.steps);
  writeChoices(w, ctx, s.path);
  ctx.env.flag(w, resultPassContext(s), s.passed);
}
function readResult(r: Reader, ctx: Ctx): ScenarioResult {
  const ending = ctx.endings.read(r, ctx.env, true);
  const total = readScore(r, ctx);
  const dimensions = DIMENSIONS.map(() => readScore(r, ctx));
  const steps = readSteps(r, ctx);
  const path = readChoices(r, ctx);
  return { ending, total, dimensions, steps, path, passed: ctx.env.readFlag(r, resultPassContext({ ending, total, dimensions })) };
}

function writeScenario(w: Writer, ctx: Ctx, s: ScenarioProgress): void {
  if (!Number.isSafeInteger(s.plays) || s.plays < 0) throw new TypeError(`codec: bad play count ${s.plays}`);
  ctx.env.writeCount(w, 'plays', s.plays);
  ctx.env.flag(w, 'playing', s.current !== null);
  if (s.current) writeChoices(w, ctx, s.current);
  ctx.env.flag(w, 'hasResult', s.last !== null);
  if (s.last) writeResult(w, ctx, s.last);
  writeBest(w, ctx, 'scenarioBest', s.best, s.last?.total ?? null);
  // A pass is never lost: after a passed last play, `passed` is (nearly) always true.
  ctx.env.flag(w, `scenarioPassed${s.last?.passed ? 1 : 0}`, s.passed);
}
function readScenario(r: Reader, ctx: Ctx): ScenarioProgress {
  const plays = nonNegative(ctx.env.readCount(r, 'plays'), 'play count');
  const current = ctx.env.readFlag(r, 'playing') ? readChoices(r, ctx) : null;
  const last = ctx.env.readFlag(r, 'hasResult') ? readResult(r, ctx) : null;
  const best = readBest(r, ctx, 'scenarioBest', last?.total ?? null);
  return { plays, best, passed: ctx.env.readFlag(r, `scenarioPassed${last?.passed ? 1 : 0}`), current, last };
}

// ---------------------------------------------------------------------------------------------
// The whole state.

/**
 * Format v5's trailing section: the self-assessment ratings. The rated item ids as record keys
 * of the committed SELF_ITEM_IDS table (a combination: 15 rated items cost a few bits), then
 * each rating 1…4 through one adaptive model, in key order.
 */
function writeSelfRatings(w: Writer, ctx: Ctx, ratings: Readonly<Record<string, number>>): void {
  for (const key of writeKeys(w, ctx, Object.keys(ratings), ctx.selfItems)) {
    const rating = ratings[key] as number;
    if (!isSelfRating(rating)) throw new TypeError(`codec: self rating ${key} must be 1–${SELF_RATING_MAX}, got ${rating}`);
    ctx.env.choose(w, 'selfRating', SELF_RATING_MAX, rating - 1);
  }
}
function readSelfRatings(r: Reader, ctx: Ctx): Record<string, number> {
  const keys = readKeys(r, ctx, ctx.selfItems);
  return Object.fromEntries(keys.map((key) => [key, ctx.env.readChoose(r, 'selfRating', SELF_RATING_MAX) + 1]));
}

/**
 * Payload layouts: 3 (formats v3 and v4) and 5 (v3's fields with counts coded in unary steps,
 * then the self-assessment ratings).
 */
export type PayloadLayout = 3 | 5;

function writeState(w: Writer, ctx: Ctx, state: LearnerState, layout: PayloadLayout): void {
  w.bit(ctx.smallScores);
  w.bit(ctx.seed16);
  w.bit(state.location !== null);
  if (state.location !== null) ctx.lessons.write(w, ctx.env, state.location);
  writeIdList(w, ctx, state.visited, ctx.lessons);
  writePartOf(w, ctx, 'ended', state.ended, state.visited, (id) => ctx.lessons.write(w, ctx.env, id));
  for (const key of writeKeys(w, ctx, Object.keys(state.quizzes), ctx.quizzes)) writeQuiz(w, ctx, state.quizzes[key] as QuizProgress);
  for (const key of writeKeys(w, ctx, Object.keys(state.scenarios), ctx.scenarios))
    writeScenario(w, ctx, state.scenarios[key] as ScenarioProgress);
  if (layout === 5) writeSelfRatings(w, ctx, state.selfRatings ?? {});
}

function readState(r: Reader, ctx: Ctx, layout: PayloadLayout): LearnerState {
  ctx.smallScores = r.bit();
  ctx.seed16 = r.bit();
  const location = r.bit() ? ctx.lessons.read(r, ctx.env) : null;
  const visited = readIdList(r, ctx, ctx.lessons);
  const ended = readPartOf(r, ctx, 'ended', visited, () => ctx.lessons.read(r, ctx.env));
  const quizzes = readKeys(r, ctx, ctx.quizzes).map((key): [string, QuizProgress] => [key, readQuiz(r, ctx)]);
  const scenarios = readKeys(r, ctx, ctx.scenarios).map((key): [string, ScenarioProgress] => [key, readScenario(r, ctx)]);
  const selfRatings = layout === 5 ? readSelfRatings(r, ctx) : {};
  r.assertEnd();
  const state: LearnerState = { location, visited, ended, quizzes: Object.fromEntries(quizzes), scenarios: Object.fromEntries(scenarios) };
  if (Object.keys(selfRatings).length) state.selfRatings = selfRatings;
  return state;
}

/** Every score of a state, to decide whether all of them fit radix 101. */
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

/** The payload of a state (without the `S<version>.` header and checksum): layout 3 for v3/v4, 5 for v5. */
export function writePayload(state: LearnerState, tables: IdTables, layout: PayloadLayout = 3): string {
  const smallScores = allScores(state).every(isSmallScore);
  const seed16 = Object.values(state.quizzes).every((q) => !q.current || isU16(q.current.seed));
  const pass = (env: Env) => {
    const w = new RadixWriter();
    writeState(w, { ...context(env, tables), smallScores, seed16 }, state, layout);
    return w;
  };
  const record = new Env('record', bounds(tables), layout === 5);
  pass(record);
  return pass(record.plan()).toText();
}

/** Reads a payload of the given layout; throws CodecError on anything it cannot read. */
export function readPayload(payload: string, tables: IdTables, layout: PayloadLayout = 3): LearnerState {
  return readState(new RadixReader(payload), context(new Env('read', bounds(tables), layout === 5), tables), layout);
}
