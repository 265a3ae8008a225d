/**
 * A small seeded PRNG (mulberry32) and the draws the generator needs. Deterministic: the same
 * seed always gives the same sequence, on every platform (only 32-bit integer arithmetic).
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  /** Pick by weights (same length as items). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  chance(p: number): boolean;
  /** Heavy-tailed count: log-normal around `median` with spread `sigma`, rounded. */
  heavy(median: number, sigma: number, max?: number): number;
  /** Split `total` into integer parts proportional to noisy weights (sums exactly to total). */
  split(total: number, weights: readonly number[]): number[];
}

/** Mix a seed and an index into a new 32-bit seed (one independent stream per report). */
export function mixSeed(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (index + 0x7f4a7c15), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    const u = Math.max(next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  const r: Rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (items, weights) => {
      const sum = weights.reduce((s, w) => s + w, 0);
      let x = next() * sum;
      for (let i = 0; i < items.length; i++) if ((x -= weights[i]) < 0) return items[i];
      return items[items.length - 1];
    },
    chance: (p) => next() < p,
    heavy: (median, sigma, max = 5_000_000) => Math.min(max, Math.max(0, Math.round(median * Math.exp(sigma * normal())))),
    split: (total, weights) => {
      const out = weights.map(() => 0);
      if (total <= 0) return out;
      const noisy = weights.map((w) => w * (0.2 + next() * 1.6));
      const sum = noisy.reduce((s, w) => s + w, 0) || 1;
      let given = 0;
      noisy.forEach((w, i) => {
        out[i] = Math.floor((total * w) / sum);
        given += out[i];
      });
      // The remainder goes to the parts by weight (largest weights first).
      const order = noisy.map((w, i) => [w, i] as const).sort((x, y) => y[0] - x[0]);
      for (let k = 0; given < total; k = (k + 1) % order.length, given++) out[order[k][1]]++;
      return out;
    },
  };
  return r;
}
