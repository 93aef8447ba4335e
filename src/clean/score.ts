/**
 * @module The article-extraction benchmark metric (scrapinghub/article-extraction-benchmark),
 * implemented from its description: `\w+` tokens, 4-token shingles as multisets, per-page
 * tp/fp/fn normalised to sum 1, precision and recall averaged over pages, F1 of the means.
 */

/** Shingle length used by the benchmark. */
export const SHINGLE_TOKENS = 4;

/** Unicode `\w` as Python's `re` defines it: letters, numbers and underscore (no marks). */
const WORD_RE = /[\p{L}\p{N}_]+/gu;

/** Tokens of `text` by the benchmark's `\w+` rule. */
export function benchTokens(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

/** Multiset of shingles; texts shorter than the shingle length give one shorter shingle. */
export function shingleCounts(text: string, n = SHINGLE_TOKENS): Map<string, number> {
  const toks = benchTokens(text);
  const k = Math.min(toks.length, n);
  const out = new Map<string, number>();
  if (k === 0) return out;
  for (let i = 0; i + k <= toks.length; i++) {
    const key = toks.slice(i, i + k).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Per-page counts, normalised so that tp + fp + fn = 1 (or all zero). */
export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
}

/** Score one predicted body against its expected body. */
export function scorePage(expected: string, predicted: string): PageScore {
  const t = shingleCounts(expected);
  const p = shingleCounts(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, tc] of t) {
    const pc = p.get(k) ?? 0;
    tp += Math.min(tc, pc);
    fn += Math.max(0, tc - pc);
  }
  for (const [k, pc] of p) fp += Math.max(0, pc - (t.get(k) ?? 0));
  const s = tp + fp + fn;
  return s > 0 ? { tp: tp / s, fp: fp / s, fn: fn / s } : { tp: 0, fp: 0, fn: 0 };
}

export interface BenchSummary {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

/** Mean precision over pages with tp+fp > 0, mean recall over pages with tp+fn > 0, F1 of both. */
export function summarise(pages: readonly PageScore[]): BenchSummary {
  const ps = pages.filter((p) => p.tp + p.fp > 0).map((p) => p.tp / (p.tp + p.fp));
  const rs = pages.filter((p) => p.tp + p.fn > 0).map((p) => p.tp / (p.tp + p.fn));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(ps);
  const recall = mean(rs);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, pages: pages.length };
}
