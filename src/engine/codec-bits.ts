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
