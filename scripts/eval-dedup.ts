/**
 * @module Near-duplicate detection quality on a test set built from the BBC corpus: each article
 * against perturbed copies of itself (reflowed, trimmed, boilerplate added, one paragraph
 * replaced, and all at once) as positives, and pairs of different articles as negatives (random
 * pairs plus each article's most similar other article: the hard cases). Signatures are computed
 * on cleaned text, as at ingest. Prints precision/recall per perturbation; writes nothing.
 * Usage: node --import tsx scripts/eval-dedup.ts [--sweep]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanArticle } from '../src/clean/index.js';
import { parseTextArticle } from '../src/read/text.js';
import { estimateJaccard, lshBands, minhashSignature, NEAR_DUPLICATE_JACCARD } from '../src/dedup/minhash.js';

const DIR = join('..', 'shared', 'corpus', 'bbc-entertainment');
const META = join('..', 'shared', 'corpus', 'bbc-entertainment.metadata.jsonl');
/** Random negative pairs drawn (fixed seed). */
const RANDOM_NEGATIVES = 5000;

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20240601);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const dupOf = new Map<string, string>();
for (const line of readFileSync(META, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const m = JSON.parse(line) as { file: string; exact_duplicate_of: string | null };
  if (m.exact_duplicate_of) dupOf.set(m.file, m.exact_duplicate_of);
}
const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
const originals = files.filter((f) => !dupOf.has(f));
const raw = new Map(files.map((f) => [f, readFileSync(join(DIR, f), 'utf8')]));

const clean = (path: string, text: string): string => {
  try {
    return cleanArticle(parseTextArticle(text, path)).text;
  } catch {
    return '';
  }
};
const paragraphs = (text: string): string[] => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

type Perturb = (text: string, self: string) => string;
const BOILER_TOP = '×\nCookies help us deliver our Services. By using our Services, you agree to our use of cookies.\n\nSkip to content\n\n';
const BOILER_END = '\n\nRelated: More entertainment news from this week\n\nShare this article\n\nBe the first to comment\n\nLeave a Reply\n\nYour email address will not be published.\n';
/** Sentence boundaries inside a paragraph (BBC paragraphs often hold several sentences). */
const sentences = (p: string): string[] => p.split(/(?<=[.!?]["”]?)\s+(?=["“]?[A-Z])/);
/** Share of the text a "trimmed" copy loses from its end (cut at a sentence boundary). */
const TRIM_SHARE = 0.15;
const perturbations: Record<string, Perturb> = {
  reflowed: (t) => t.split(/\s+/).reduce((acc, w, i) => acc + (i === 0 ? '' : i % 11 === 0 ? '\n' : ' ') + w, ''),
  trimmed: (t) => {
    const keep = Math.floor(t.length * (1 - TRIM_SHARE));
    const cut = Math.max(t.lastIndexOf('. ', keep), t.lastIndexOf('.\n', keep));
    return t.slice(0, cut > t.length / 2 ? cut + 1 : keep);
  },
  'last-paragraph-dropped (heavy)': (t) => {
    const ps = paragraphs(t);
    return ps.length > 2 ? ps.slice(0, -1).join('\n\n') : t;
  },
  'boilerplate-added': (t) => {
    const [title, ...rest] = t.split('\n');
    return `${BOILER_TOP}${title}\n${rest.join('\n')}${BOILER_END}`;
  },
  // One paragraph edited: one of its sentences replaced by a sentence of another article, and a
  // word inserted into another of its sentences.
  'paragraph-edited': (t, self) => {
    const ps = paragraphs(t);
    if (ps.length < 2) return t;
    const i = 1 + Math.floor(rand() * (ps.length - 1));
    let other = self;
    while (other === self) other = pick(originals);
    const ss = sentences(ps[i]);
    const j = Math.floor(rand() * ss.length);
    ss[j] = pick(sentences(pick(paragraphs(raw.get(other)!).slice(1)) ?? 'A new sentence.'));
    const k = (j + 1) % ss.length;
    if (k !== j) ss[k] = ss[k].replace(/ (\w+) /, ' $1 reportedly ');
    ps[i] = ss.join(' ');
    return ps.join('\n\n');
  },
  'paragraph-replaced (heavy)': (t, self) => {
    const ps = paragraphs(t);
    if (ps.length < 3) return t;
    const i = 2 + Math.floor(rand() * (ps.length - 2));
    let other = self;
    while (other === self) other = pick(originals);
    ps[i] = pick(paragraphs(raw.get(other)!).slice(1)) ?? ps[i];
    return ps.join('\n\n');
  },
};
perturbations['all-at-once'] = (t, self) =>
  perturbations.reflowed(perturbations['boilerplate-added'](perturbations['paragraph-edited'](perturbations.trimmed(t, self), self), self), self);
/** Perturbations beyond what we call a near-duplicate: reported, not counted in the headline. */
const HEAVY = /\(heavy\)/;

const sigOf = new Map<string, number[]>();
for (const f of originals) sigOf.set(f, minhashSignature(clean(f, raw.get(f)!)));

const detected = (a: number[], b: number[], threshold: number): boolean => {
  const ba = new Set(lshBands(a));
  return lshBands(b).some((k) => ba.has(k)) && estimateJaccard(a, b) >= threshold;
};

interface Pair {
  kind: string;
  a: number[];
  b: number[];
  positive: boolean;
}
const pairs: Pair[] = [];
for (const [kind, fn] of Object.entries(perturbations)) {
  for (const f of originals) pairs.push({ kind, a: sigOf.get(f)!, b: minhashSignature(clean(`${f}~${kind}`, fn(raw.get(f)!, f))), positive: true });
}
/**
 * Natural near-duplicates in the corpus: revised versions of the same BBC story (found as each
 * article's most similar other article, then labelled by reading both). Positives.
 */
const NATURAL_NEAR_DUPLICATES: ReadonlyArray<[string, string]> = [
  ['051.txt', '069.txt'], ['058.txt', '348.txt'], ['062.txt', '370.txt'], ['079.txt', '331.txt'],
  ['102.txt', '341.txt'], ['142.txt', '229.txt'], ['179.txt', '216.txt'],
];
const natural = new Set(NATURAL_NEAR_DUPLICATES.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
for (const [a, b] of NATURAL_NEAR_DUPLICATES) pairs.push({ kind: 'revised story (corpus)', a: sigOf.get(a)!, b: sigOf.get(b)!, positive: true });
for (const [copy, orig] of dupOf) pairs.push({ kind: 'exact-copy (corpus)', a: sigOf.get(orig) ?? minhashSignature(clean(orig, raw.get(orig)!)), b: minhashSignature(clean(copy, raw.get(copy)!)), positive: true });
for (let n = 0; n < RANDOM_NEGATIVES; n++) {
  const x = pick(originals);
  let y = x;
  while (y === x) y = pick(originals);
  pairs.push({ kind: 'different (random)', a: sigOf.get(x)!, b: sigOf.get(y)!, positive: false });
}
for (const x of originals) {
  let best = '';
  let bestJ = -1;
  for (const y of originals) {
    if (y === x) continue;
    const j = estimateJaccard(sigOf.get(x)!, sigOf.get(y)!);
    if (j > bestJ) [best, bestJ] = [y, j];
  }
  if (natural.has(`${x}|${best}`)) continue;
  pairs.push({ kind: 'different (most similar)', a: sigOf.get(x)!, b: sigOf.get(best)!, positive: false });
}

const report = (threshold: number, verbose: boolean) => {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const byKind = new Map<string, { n: number; hit: number; positive: boolean }>();
  for (const p of pairs) {
    const hit = detected(p.a, p.b, threshold);
    const k = byKind.get(p.kind) ?? { n: 0, hit: 0, positive: p.positive };
    k.n++;
    if (hit) k.hit++;
    byKind.set(p.kind, k);
    if (HEAVY.test(p.kind)) continue;
    if (hit && p.positive) tp++;
    else if (hit) fp++;
    else if (p.positive) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  if (verbose) {
    console.log(`near-duplicate detection, threshold ${threshold} (LSH candidate + estimated Jaccard), ${originals.length} BBC originals`);
    console.log('pairs                          n      flagged');
    for (const [kind, k] of byKind) console.log(`${kind.padEnd(30)} ${String(k.n).padEnd(6)} ${(k.hit / k.n).toFixed(3)}${k.positive ? (HEAVY.test(kind) ? '  (recall; not in headline)' : '  (recall)') : '  (false-positive rate)'}`);
  }
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  console.log(`threshold ${threshold.toFixed(2)}  precision ${precision.toFixed(4)}  recall ${recall.toFixed(4)}  F1 ${f1.toFixed(4)}`);
};
report(NEAR_DUPLICATE_JACCARD, true);
if (process.argv.includes('--sweep')) for (const t of [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) report(t, false);
