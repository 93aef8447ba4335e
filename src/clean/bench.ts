/**
 * @module Runs the article-extraction benchmark (`../shared/bench/article-extraction-dev/`):
 * our cascade and Readability alone, scored with the benchmark's shingle metric.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { decodeText } from '../read/decode.js';
import { parseDocument } from './dom.js';
import { cleanArticle } from './index.js';
import { scorePage, summarise, type BenchSummary, type PageScore } from './score.js';

/** Default location of the benchmark, relative to the repository root. */
export const BENCH_DIR = join('..', 'shared', 'bench', 'article-extraction-dev');

export interface BenchPage {
  id: string;
  url: string;
  expected: string;
  ours: string;
  readability: string;
  oursScore: PageScore;
  readabilityScore: PageScore;
}

export interface BenchRun {
  ours: BenchSummary;
  readability: BenchSummary;
  pages: BenchPage[];
  ms: number;
}

/** Readability alone: its `textContent`, as Readability.js is usually scored. */
export function readabilityText(html: string): string {
  try {
    const r = new Readability(parseDocument(html) as never).parse();
    return r?.textContent ?? '';
  } catch {
    return '';
  }
}

/** Our cascade's text ('' when the cleaner finds nothing). */
export function oursText(html: string, url: string | null, id: string): string {
  try {
    return cleanArticle({ path: id, html, url }).text;
  } catch {
    return '';
  }
}

/** Score both extractors on every page of the benchmark folder. */
export function runExtractionBench(dir = BENCH_DIR, only?: (id: string) => boolean): BenchRun {
  const t0 = Date.now();
  const gt = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const files = new Set(readdirSync(join(dir, 'html')));
  const pages: BenchPage[] = [];
  for (const id of Object.keys(gt).sort()) {
    if (only && !only(id)) continue;
    const f = `${id}.html.gz`;
    if (!files.has(f)) continue;
    const html = decodeText(gunzipSync(readFileSync(join(dir, 'html', f))), f, { markup: true });
    const expected = gt[id].articleBody ?? '';
    const ours = oursText(html, gt[id].url ?? null, id);
    const rd = readabilityText(html);
    pages.push({ id, url: gt[id].url, expected, ours, readability: rd, oursScore: scorePage(expected, ours), readabilityScore: scorePage(expected, rd) });
  }
  return {
    ours: summarise(pages.map((p) => p.oursScore)),
    readability: summarise(pages.map((p) => p.readabilityScore)),
    pages,
    ms: Date.now() - t0,
  };
}
