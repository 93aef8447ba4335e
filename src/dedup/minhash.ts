/**
 * @module Near-duplicate signatures: MinHash over word 5-shingles (lowercased word tokens, so
 * reflowed or re-punctuated copies hash the same), banded for LSH candidate lookup, and the
 * Jaccard estimate used to confirm a candidate. Deterministic: fixed seeds, no randomness.
 */

/** Number of hash functions in a signature. */
export const MINHASH_SIZE = 128;
/** Words per shingle: long enough that unrelated articles share almost none. */
export const SHINGLE_WORDS = 5;
/**
 * LSH bands × rows = MINHASH_SIZE. With 32 bands of 4 rows a pair with Jaccard 0.5 becomes a
 * candidate with probability 1-(1-0.5^4)^32 ≈ 0.87, at 0.6 ≈ 0.99, at 0.1 ≈ 0.003: candidates
 * are cheap to confirm with `estimateJaccard`, so the bands favour recall.
 */
export const LSH_BANDS = 32;
export const LSH_ROWS = MINHASH_SIZE / LSH_BANDS;
/**
 * Estimated Jaccard (over 5-shingles) at or above which two texts are near-duplicates: the same
 * article reflowed, trimmed, with boilerplate added or a paragraph edited stays above it, while
 * different articles (even on the same story) fall far below (`scripts/eval-dedup.ts`).
 */
export const NEAR_DUPLICATE_JACCARD = 0.5;

/** murmur3's 32-bit finaliser: a good avalanche mix. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed per-function seeds from a splitmix-style sequence. */
const SEEDS: readonly number[] = (() => {
  const out: number[] = [];
  let x = 0x9e3779b9;
  for (let i = 0; i < MINHASH_SIZE; i++) {
    x = (x + 0x9e3779b9) >>> 0;
    out.push(fmix32(x ^ (i * 0x632be5ab)));
  }
  return out;
})();

/** Lowercased word tokens (letters and digits), punctuation and whitespace ignored. */
export function dedupTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * FNV-1a 32-bit hash (UTF-16 code units) of `toks[i..i+k)` joined by single spaces, computed
 * without building the joined string.
 */
function shingleHash(toks: readonly string[], i: number, k: number): number {
  let h = 0x811c9dc5;
  for (let j = i; j < i + k; j++) {
    if (j > i) h = Math.imul(h ^ 0x20, 0x01000193);
    const t = toks[j];
    for (let c = 0; c < t.length; c++) h = Math.imul(h ^ t.charCodeAt(c), 0x01000193);
  }
  return h >>> 0;
}

/** Distinct shingle hashes of a text (a shorter single shingle when under SHINGLE_WORDS words). */
export function shingleHashes(text: string): Set<number> {
  const toks = dedupTokens(text);
  const k = Math.min(SHINGLE_WORDS, toks.length);
  const out = new Set<number>();
  for (let i = 0; i + k <= toks.length && k > 0; i++) out.add(shingleHash(toks, i, k));
  return out;
}

const SEEDS32 = Uint32Array.from(SEEDS);

/** MinHash signature (MINHASH_SIZE unsigned 32-bit values). Empty text → all 0xffffffff. */
export function minhashSignature(text: string): number[] {
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  const seeds = SEEDS32;
  for (const h of shingleHashes(text)) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      // fmix32(h ^ seeds[i]), inlined.
      let v = h ^ seeds[i];
      v ^= v >>> 16;
      v = Math.imul(v, 0x85ebca6b);
      v ^= v >>> 13;
      v = Math.imul(v, 0xc2b2ae35);
      v ^= v >>> 16;
      v >>>= 0;
      if (v < sig[i]) sig[i] = v;
    }
  }
  return Array.from(sig);
}

/** LSH band keys (`band:hash`): two signatures sharing any key are near-duplicate candidates. */
export function lshBands(sig: readonly number[]): string[] {
  const keys: string[] = [];
  const rows = Math.max(1, Math.floor(sig.length / LSH_BANDS));
  for (let b = 0; b * rows < sig.length && b < LSH_BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = b * rows; r < (b + 1) * rows && r < sig.length; r++) h = fmix32(Math.imul(h ^ sig[r], 0x01000193));
    keys.push(`${b}:${h.toString(16).padStart(8, '0')}`);
  }
  return keys;
}

/** Estimated Jaccard similarity: the share of positions where the signatures agree. */
export function estimateJaccard(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/** True when two signatures are near-duplicates by NEAR_DUPLICATE_JACCARD. */
export function isNearDuplicate(a: readonly number[], b: readonly number[]): boolean {
  return estimateJaccard(a, b) >= NEAR_DUPLICATE_JACCARD;
}
