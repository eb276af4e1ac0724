import { describe, expect, it } from 'vitest';
import { drawKeys, drawQuestions, initialOrder, matchingLayout, optionOrder } from '../../src/engine/quiz/draw.ts';
import { hashString, mulberry32, shuffle } from '../../src/engine/quiz/random.ts';
import { attemptLength } from '../../src/engine/quiz/runtime.ts';
import { bestReply, matching, ordering, pool, rq, runtime, single } from './quiz-helpers.ts';

const SEEDS = Array.from({ length: 50 }, (_, i) => (i * 2654435761) >>> 0);

describe('seeded randomness', () => {
  it('repeats the same sequence for the same seed and differs across seeds', () => {
    const a = Array.from({ length: 5 }, mulberry32(42));
    const b = Array.from({ length: 5 }, mulberry32(42));
    const c = Array.from({ length: 5 }, mulberry32(43));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    for (const x of a) expect(x >= 0 && x < 1).toBe(true);
  });
  it('shuffles into a permutation without touching the input', () => {
    const input = [1, 2, 3, 4, 5, 6];
    const out = shuffle(input, mulberry32(1));
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...out].sort()).toEqual(input);
  });
  it('hashes strings stably', () => {
    expect(hashString('p01.q1')).toBe(hashString('p01.q1'));
    expect(hashString('p01.q1')).not.toBe(hashString('p01.q2'));
  });
});

describe('draws', () => {
  const bank = pool(8);
  const plan = runtime(bank, { pools: [{ bank: 'bank', count: 4, keys: bank.map((q) => q.key) }] });

  it('is deterministic per seed (a resumed attempt shows the same draw)', () => {
    for (const seed of SEEDS.slice(0, 10)) expect(drawKeys(plan, seed)).toEqual(drawKeys(plan, seed));
  });

  it('draws `count` distinct questions from the pool', () => {
    for (const seed of SEEDS) {
      const keys = drawKeys(plan, seed);
      expect(keys).toHaveLength(4);
      expect(new Set(keys).size).toBe(4);
      for (const k of keys) expect(bank.some((q) => q.key === k)).toBe(true);
    }
  });

  it('is distinct across seeds: many different sets and orders, every question used', () => {
    const draws = SEEDS.map((seed) => drawKeys(plan, seed).join(','));
    const sets = SEEDS.map((seed) => [...drawKeys(plan, seed)].sort().join(','));
    expect(new Set(draws).size).toBeGreaterThan(40);
    expect(new Set(sets).size).toBeGreaterThan(20);
    const used = new Set(SEEDS.flatMap((seed) => drawKeys(plan, seed)));
    expect(used.size).toBe(8);
  });

  it('takes `count` from each pool and mixes the pools', () => {
    const a = pool(6, 'a');
    const b = pool(6, 'b');
    const two = runtime([...a, ...b], {
      pools: [
        { bank: 'a', count: 2, keys: a.map((q) => q.key) },
        { bank: 'b', count: 3, keys: b.map((q) => q.key) },
      ],
    });
    expect(attemptLength(two)).toBe(5);
    let mixed = false;
    for (const seed of SEEDS) {
      const keys = drawKeys(two, seed);
      expect(keys.filter((k) => k.startsWith('a'))).toHaveLength(2);
      expect(keys.filter((k) => k.startsWith('b'))).toHaveLength(3);
      if (keys.slice(0, 2).some((k) => k.startsWith('b'))) mixed = true;
    }
    expect(mixed).toBe(true);
  });

  it('cuts the draw to `limit` and takes all of a pool smaller than its count', () => {
    const a = pool(3, 'a');
    const b = pool(6, 'b');
    const capped = runtime([...a, ...b], {
      pools: [
        { bank: 'a', count: 5, keys: a.map((q) => q.key) },
        { bank: 'b', count: 5, keys: b.map((q) => q.key) },
      ],
      limit: 6,
    });
    expect(attemptLength(capped)).toBe(6);
    for (const seed of SEEDS.slice(0, 10)) expect(drawKeys(capped, seed)).toHaveLength(6);
    const uncapped = { ...capped, limit: null };
    expect(drawKeys(uncapped, 1)).toHaveLength(8);
  });

  it('skips drawn keys whose questions no longer exist', () => {
    const questions = bank.filter((q) => q.key !== 't1' && q.key !== 't2');
    const seed = SEEDS.find((s) => drawKeys(plan, s).includes('t1')) as number;
    const drawn = drawQuestions(plan, questions, seed);
    expect(drawn.length).toBeLessThan(4);
    expect(drawn.every((q) => q.key !== 't1')).toBe(true);
  });
});

describe('option and item order', () => {
  it('shuffles options per seed, stably, and varies across seeds', () => {
    expect(optionOrder(bestReply, 5)).toEqual(optionOrder(bestReply, 5));
    const orders = new Set(SEEDS.map((s) => optionOrder(bestReply, s).join('')));
    expect(orders.size).toBeGreaterThan(3);
    expect([...optionOrder(bestReply, 5)].sort()).toEqual(['a', 'b', 'c']);
  });
  it('keeps the authored order when shuffle is false', () => {
    const fixed = rq({ ...single, shuffle: false });
    for (const s of SEEDS) expect(optionOrder(fixed, s)).toEqual(['a', 'b', 'c']);
  });
  it('never starts an ordering question in the right order', () => {
    const q = ordering as Extract<typeof ordering, { type: 'ordering' }>;
    const starts = SEEDS.map((s) => initialOrder(q, s));
    for (const start of starts) {
      expect(start.join()).not.toBe('listen,empathise,solve,follow-up');
      expect([...start].sort()).toEqual(['empathise', 'follow-up', 'listen', 'solve']);
    }
    expect(new Set(starts.map((s) => s.join())).size).toBeGreaterThan(5);
    expect(initialOrder(q, 9)).toEqual(initialOrder(q, 9));
  });
  it('shuffles both sides of a matching question', () => {
    const q = matching as Extract<typeof matching, { type: 'matching' }>;
    const layout = matchingLayout(q, 3);
    expect(layout).toEqual(matchingLayout(q, 3));
    expect([...layout.left].sort()).toEqual(['l1', 'l2', 'l3', 'l4']);
    expect([...layout.right].sort()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(new Set(SEEDS.map((s) => matchingLayout(q, s).right.join())).size).toBeGreaterThan(5);
  });
});
