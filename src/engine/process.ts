/**
 * @module Per-article processing, the CPU-heavy pure part of ingest: clean → Document → extraction
 * layers → near-duplicate signature. It touches no store, so it can run in worker threads; its
 * result is plain data (structured-clone safe).
 */
import { createHash } from 'node:crypto';
import { cleanArticle } from '../clean/index.js';
import { Document, type ArticleMeta, type Layers } from '../doc/document.js';
import { extractDocument } from '../extract/index.js';
import { lshBands, minhashSignature } from '../dedup/minhash.js';
import type { RawArticle } from '../read/types.js';

/** What processArticle returns: enough to rebuild the Document and write it. */
export interface ProcessedArticle {
  path: string;
  rawHash: string;
  text: string;
  meta: ArticleMeta;
  layers: Partial<{ [K in keyof Layers]: Layers[K] }>;
  minhash: number[];
  bands: string[];
}

/** sha256 over the raw input's content fields: identical inputs are skipped before any work. */
export function rawArticleHash(raw: RawArticle): string {
  const h = createHash('sha256');
  for (const k of ['text', 'html', 'title', 'url', 'date', 'source'] as const) {
    h.update(k).update('\u0000').update(String(raw[k] ?? '')).update('\u0001');
  }
  return h.digest('hex');
}

/** Clean and extract one article. Throws MarqueeError for an article with no usable text. */
export function processArticle(raw: RawArticle, rawHash = rawArticleHash(raw)): ProcessedArticle {
  const { text, meta } = cleanArticle(raw);
  const doc = extractDocument(new Document(text, { ...meta, path: meta.path ?? raw.path }));
  const layers: ProcessedArticle['layers'] = {};
  for (const name of doc.layerNames()) (layers as Record<string, unknown>)[name] = doc.get(name);
  const minhash = minhashSignature(text);
  return { path: raw.path, rawHash, text, meta: doc.meta, layers, minhash, bands: lshBands(minhash) };
}

/** Rebuild the Document (with its layers) from a ProcessedArticle. */
export function toDocument(p: ProcessedArticle): Document {
  const doc = new Document(p.text, p.meta);
  for (const [name, value] of Object.entries(p.layers)) doc.set(name as keyof Layers, value as never);
  return doc;
}
