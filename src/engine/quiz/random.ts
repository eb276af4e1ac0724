/**
 * Seeded randomness for draws and shuffles. A quiz attempt keeps one uint32 seed in the
 * learner state (new attempts draw it below 2^16: see newSeed in src/state/quiz.ts);
 * everything random about the attempt is derived from it, so a resumed attempt (another page
 * load, another device via the LMS) shows exactly the same questions in the same order.
 */

/** mulberry32: a tiny, fast PRNG with good enough statistics for shuffling. Returns [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string to uint32; mixes a question key into the attempt seed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A PRNG for one purpose within an attempt (e.g. the option order of question q3). */
export function derivedRandom(seed: number, label: string): () => number {
  return mulberry32((seed ^ hashString(label)) >>> 0);
}

/** Fisher–Yates shuffle into a new array. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
