/**
 * @module Seeded pseudo-random numbers for the benchmark corpus generator. Every value the
 * generator produces comes from here, so a seed number fully determines a corpus.
 */

/**
 * A 32-bit hash of a seed and any number of integer or string parts (FNV-1a mixed through
 * murmur3's finaliser), used to derive an independent stream per article, film or person.
 *
 * @param parts - seed number, entity kind, index...
 * @returns an unsigned 32-bit integer
 * @example hash32(42, 'film', 7)
 */
export function hash32(...parts: (number | string)[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    const s = typeof p === 'number' ? `#${p}` : `$${p}`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A small deterministic generator (mulberry32) with helpers for picking from lists. */
export class Rng {
  private state: number;

  /** @param seed - any 32-bit integer; derive it with {@link hash32} for independent streams. */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }

  /** `n` distinct elements of `xs` (fewer if `xs` is shorter), in random order. */
  sample<T>(xs: readonly T[], n: number): T[] {
    const copy = xs.slice();
    const out: T[] = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
}
