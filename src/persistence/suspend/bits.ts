/**
 * Bit-level reader/writer for the suspend-data codec. Bits are packed six at a time into the
 * base64url alphabet, so the output is plain ASCII (one byte per character in UTF-8 and in
 * UTF-16): an LMS that counts bytes and one that counts characters see the same length, and
 * nothing in it needs escaping in JSON, XML, URLs or SQL.
 */

export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ALPHABET_INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Raised while reading damaged data; the codec turns it into a logged reason. */
export class CodecError extends Error {}

export class BitWriter {
  private readonly bits: number[] = [];

  /** Writes `value` (0 ≤ value < 2^width, width ≤ 32) most significant bit first. */
  write(value: number, width: number): void {
    for (let i = width - 1; i >= 0; i--) this.bits.push(Math.floor(value / 2 ** i) % 2);
  }

  bit(flag: boolean): void {
    this.bits.push(flag ? 1 : 0);
  }

  /** Elias-gamma code of n + 1: 1 bit for 0, 3 for 1–2, 5 for 3–6… Small counts stay small. */
  uint(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) throw new TypeError(`codec: expected a non-negative integer, got ${n}`);
    const v = n + 1;
    const width = Math.floor(Math.log2(v)) + 1;
    for (let i = 1; i < width; i++) this.bits.push(0);
    if (width <= 32) this.write(v, width);
    else {
      // Beyond 32 bits: split so `write` never exceeds its width limit.
      const high = Math.floor(v / 2 ** 32);
      this.write(high, width - 32);
      this.write(v % 2 ** 32, 32);
    }
  }

  /** IEEE-754 double, for the rare non-integer score. */
  float64(value: number): void {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, value);
    for (let i = 0; i < 8; i++) this.write(view.getUint8(i), 8);
  }

  get length(): number {
    return this.bits.length;
  }

  /** The bits as base64url characters; the last character is zero-padded. */
  toText(): string {
    let out = '';
    for (let i = 0; i < this.bits.length; i += 6) {
      let v = 0;
      for (let j = 0; j < 6; j++) v = v * 2 + (this.bits[i + j] ?? 0);
      out += ALPHABET[v];
    }
    return out;
  }
}

export class BitReader {
  private readonly bits: number[] = [];
  private pos = 0;

  constructor(text: string) {
    for (const c of text) {
      const v = ALPHABET_INDEX.get(c);
      if (v === undefined) throw new CodecError(`character "${c}" is not in the base64url alphabet`);
      for (let j = 5; j >= 0; j--) this.bits.push((v >> j) & 1);
    }
  }

  read(width: number): number {
    if (this.pos + width > this.bits.length) throw new CodecError('data ends early (truncated)');
    let v = 0;
    for (let i = 0; i < width; i++) v = v * 2 + (this.bits[this.pos++] as number);
    return v;
  }

  bit(): boolean {
    return this.read(1) === 1;
  }

  uint(): number {
    let zeros = 0;
    while (this.read(1) === 0) {
      zeros++;
      if (zeros > 52) throw new CodecError('number too large');
    }
    let v = 1;
    for (let i = 0; i < zeros; i++) v = v * 2 + this.read(1);
    return v - 1;
  }

  float64(): number {
    const view = new DataView(new ArrayBuffer(8));
    for (let i = 0; i < 8; i++) view.setUint8(i, this.read(8));
    return view.getFloat64(0);
  }

  /** Only zero padding (fewer than 6 bits) may remain after the last field. */
  assertEnd(): void {
    const rest = this.bits.length - this.pos;
    if (rest >= 6 || this.bits.slice(this.pos).some((b) => b !== 0)) throw new CodecError('unexpected data after the end');
  }
}

/** Width in bits needed to write values 0…max. */
export function widthFor(max: number): number {
  return max <= 0 ? 0 : Math.floor(Math.log2(max)) + 1;
}

/** 12-bit checksum (FNV-1a folded) of the payload, to tell damaged or truncated data from ours. */
export function checksum12(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return ((h >>> 12) ^ h) & 0xfff;
}

// ---------------------------------------------------------------------------------------------
// Mixed-radix packing with modelled symbols (format v3 onwards).

const TWO_48 = 2 ** 48;
const big = (n: number | bigint): bigint => (typeof n === 'bigint' ? n : BigInt(n));

/**
 * Writes a sequence of symbols as ONE number in base 64, so no field is rounded up to whole
 * bits. A plain digit (a score is a digit in radix 101, a choice among 3 a digit in radix 3)
 * costs log2(radix) bits. A modelled symbol takes a share `freq` of `total` (see Frequencies
 * below: a flag that is nearly always the same costs a small fraction of a bit) and costs
 * log2(total / freq) bits: this is range coding done exactly, on a BigInt (rANS: the state x
 * becomes ⌊x / freq⌋·total + x mod freq + low, a plain digit being the case freq = 1).
 *
 * The first symbol written is decoded first; the state starts at 1 (a sentinel) so the reader
 * can tell a truncated string, and must be back at 1 after the last symbol. Binary codes
 * (flags, Elias gamma) are digits in radix 2.
 */
export class RadixWriter {
  private readonly lows: (number | bigint)[] = [];
  private readonly freqs: number[] = [];
  private readonly totals: (number | bigint)[] = [];
  /** Information written so far, in bits (for cost estimates and tests). */
  bits = 0;

  /** Writes `value` (0 ≤ value < radix). A digit of radix 1 takes no space. */
  digit(value: number | bigint, radix: number | bigint): void {
    const ok =
      typeof value === 'bigint' || typeof radix === 'bigint'
        ? big(value) >= 0n && big(value) < big(radix)
        : Number.isSafeInteger(value) && Number.isSafeInteger(radix) && value >= 0 && value < radix;
    if (!ok) throw new TypeError(`codec: digit ${value} does not fit radix ${radix}`);
    if (big(radix) === 1n) return;
    this.lows.push(value);
    this.freqs.push(1);
    this.totals.push(radix);
    this.bits += typeof radix === 'bigint' ? log2Big(radix) : Math.log2(radix);
  }

  /** A modelled symbol: the slots low…low+freq−1 of 0…total−1. */
  symbol(low: number, freq: number, total: number): void {
    if (!(Number.isSafeInteger(low) && Number.isSafeInteger(freq) && Number.isSafeInteger(total) && low >= 0 && freq >= 1 && low + freq <= total))
      throw new TypeError(`codec: bad symbol ${low}+${freq}/${total}`);
    if (freq === total) return;
    this.lows.push(low);
    this.freqs.push(freq);
    this.totals.push(total);
    this.bits += Math.log2(total / freq);
  }

  bit(flag: boolean): void {
    this.digit(flag ? 1 : 0, 2);
  }

  /** `value` in `width` bits (width ≤ 48). */
  write(value: number, width: number): void {
    this.digit(value, 2 ** width);
  }

  /** Elias-gamma code of n + 1: 1 bit for 0, 3 for 1–2, 5 for 3–6… Small counts stay small. */
  uint(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) throw new TypeError(`codec: expected a non-negative integer, got ${n}`);
    const v = n + 1;
    const width = Math.floor(Math.log2(v)) + 1;
    for (let i = 1; i < width; i++) this.bit(false);
    for (let i = width - 1; i >= 0; i--) this.digit(Math.floor(v / 2 ** i) % 2, 2);
  }

  /** IEEE-754 double, for the rare non-integer score or seed. */
  float64(value: number): void {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, value);
    for (let i = 0; i < 8; i++) this.digit(view.getUint8(i), 256);
  }

  /** The number in base64url, most significant character first. */
  toText(): string {
    let x = 1n; // the sentinel
    let accValue = 0;
    let accRadix = 1;
    const flush = () => {
      if (accRadix > 1) x = x * BigInt(accRadix) + BigInt(accValue);
      accValue = 0;
      accRadix = 1;
    };
    // Last symbol first (decoding starts from the other end). Runs of small plain digits are
    // combined in a double (exact below 2^53) before they touch the BigInt.
    for (let i = this.lows.length - 1; i >= 0; i--) {
      const total = this.totals[i] as number | bigint;
      const low = this.lows[i] as number | bigint;
      const freq = this.freqs[i] as number;
      if (freq === 1 && typeof total === 'number' && typeof low === 'number') {
        if (accRadix * total <= TWO_48) {
          accValue = accValue * total + low;
          accRadix *= total;
          continue;
        }
        flush();
        if (total <= TWO_48) {
          accValue = low;
          accRadix = total;
          continue;
        }
      }
      flush();
      if (freq === 1) x = x * big(total) + big(low);
      else {
        const f = BigInt(freq);
        x = (x / f) * big(total) + (x % f) + big(low);
      }
    }
    flush();
    let binary = x.toString(2);
    binary = '0'.repeat((6 - (binary.length % 6)) % 6) + binary;
    let out = '';
    for (let i = 0; i < binary.length; i += 6) out += ALPHABET[parseInt(binary.slice(i, i + 6), 2)];
    return out;
  }
}

/** Reads what RadixWriter wrote, symbol by symbol with the same radices and models. */
export class RadixReader {
  private x: bigint;

  constructor(text: string) {
    if (text.length === 0) throw new CodecError('no payload');
    let binary = '';
    for (const c of text) {
      const v = ALPHABET_INDEX.get(c);
      if (v === undefined) throw new CodecError(`character "${c}" is not in the base64url alphabet`);
      binary += v.toString(2).padStart(6, '0');
    }
    // The writer never emits a leading zero character (the sentinel is above everything).
    if (text[0] === ALPHABET[0]) throw new CodecError('payload does not start like ours');
    this.x = BigInt(`0b${binary}`);
  }

  digit(radix: number): number {
    return Number(this.bigDigit(BigInt(radix)));
  }

  bigDigit(radix: bigint): bigint {
    if (radix === 1n) return 0n;
    // The state at a plain digit is (state after it) × radix + digit, and states are ≥ 1.
    if (this.x < radix) throw new CodecError('data ends early (truncated)');
    const v = this.x % radix;
    this.x /= radix;
    return v;
  }

  private pending: { total: number; quotient: bigint; slot: number } | null = null;

  /** The slot (0…total−1) of the next modelled symbol; the caller finds its symbol, then calls take(). */
  slot(total: number): number {
    const t = BigInt(total);
    const slot = Number(this.x % t);
    this.pending = { total, quotient: this.x / t, slot };
    return slot;
  }

  /** Consumes the modelled symbol occupying slots low…low+freq−1 (the slot() just read lies in it). */
  take(low: number, freq: number, total: number): void {
    const p = this.pending;
    this.pending = null;
    if (!p || p.total !== total || p.slot < low || p.slot >= low + freq) throw new Error('codec: take() without its slot()');
    if (freq === total) return;
    this.x = BigInt(freq) * p.quotient + BigInt(p.slot - low);
  }

  bit(): boolean {
    return this.digit(2) === 1;
  }

  read(width: number): number {
    return this.digit(2 ** width);
  }

  uint(): number {
    let zeros = 0;
    while (!this.bit()) {
      zeros++;
      if (zeros > 52) throw new CodecError('number too large');
    }
    let v = 1;
    for (let i = 0; i < zeros; i++) v = v * 2 + this.digit(2);
    return v - 1;
  }

  float64(): number {
    const view = new DataView(new ArrayBuffer(8));
    for (let i = 0; i < 8; i++) view.setUint8(i, this.digit(256));
    return view.getFloat64(0);
  }

  /** After the last field only the sentinel may remain. */
  assertEnd(): void {
    if (this.x !== 1n) throw new CodecError('unexpected data after the end');
  }
}

/**
 * An adaptive model of a symbol 0…size−1: each symbol's share starts at 1 and grows by 2 each
 * time it occurs (the Krichevsky–Trofimov estimator), so after n equal flags another one costs
 * about log2((2n + 2) / (2n + 1)) bits. Writer and reader update it identically.
 */
export class Frequencies {
  private readonly counts: number[];
  private total: number;

  constructor(size: number) {
    this.counts = new Array<number>(Math.max(1, size)).fill(1);
    this.total = this.counts.length;
  }

  get size(): number {
    return this.counts.length;
  }

  write(w: RadixWriter, v: number): void {
    if (!Number.isInteger(v) || v < 0 || v >= this.counts.length) throw new TypeError(`codec: symbol ${v} outside 0…${this.counts.length - 1}`);
    let low = 0;
    for (let i = 0; i < v; i++) low += this.counts[i] as number;
    w.symbol(low, this.counts[v] as number, this.total);
    this.update(v);
  }

  read(r: RadixReader): number {
    const slot = r.slot(this.total);
    let low = 0;
    let v = 0;
    while (low + (this.counts[v] as number) <= slot) low += this.counts[v++] as number;
    r.take(low, this.counts[v] as number, this.total);
    this.update(v);
    return v;
  }

  /** Cost in bits of coding `v` now (without coding it). */
  cost(v: number): number {
    return Math.log2(this.total / (this.counts[v] ?? 1));
  }

  private update(v: number): void {
    this.counts[v] = (this.counts[v] as number) + 2;
    this.total += 2;
  }
}

/** log2 of a positive BigInt (approximate, for cost estimates). */
export function log2Big(n: bigint): number {
  const bits = n.toString(2).length;
  if (bits <= 50) return Math.log2(Number(n));
  return bits - 50 + Math.log2(Number(n >> BigInt(bits - 50)));
}

const binomials = new Map<string, bigint>();
/** C(n, k) as a BigInt (memoised). */
export function binomial(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  k = Math.min(k, n - k);
  const key = `${n},${k}`;
  const hit = binomials.get(key);
  if (hit !== undefined) return hit;
  let c = 1n;
  for (let i = 1; i <= k; i++) c = (c * BigInt(n - k + i)) / BigInt(i);
  binomials.set(key, c);
  return c;
}

/** Rank of an ascending subset of 0…n−1 among all subsets of its size (combinatorial number system). */
export function subsetRank(members: readonly number[]): bigint {
  let rank = 0n;
  members.forEach((c, i) => {
    rank += binomial(c, i + 1);
  });
  return rank;
}

/** The ascending subset of 0…n−1 with `size` members and this rank. */
export function subsetUnrank(rank: bigint, size: number, n: number): number[] {
  const out: number[] = new Array(size);
  let c = n;
  for (let i = size; i >= 1; i--) {
    c--;
    while (c >= 0 && binomial(c, i) > rank) c--;
    if (c < 0) throw new CodecError('bad subset rank');
    out[i - 1] = c;
    rank -= binomial(c, i);
  }
  return out;
}
