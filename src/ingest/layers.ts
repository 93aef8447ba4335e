/**
 * @module Which processed-article layers travel from the workers to the committing thread.
 */
import type { ProcessedArticle } from '../engine/process.js';

/**
 * Layers that committing never reads (resolution uses mentions, claims and sentences; the store
 * keeps text, sentences, mentions and claims), so workers do not send them back: tokens are the
 * largest layer, and copying them between threads was most of the parallel overhead.
 */
export const TRANSIENT_LAYERS: readonly string[] = ['tokens', 'numerics'];

/** `p` without the named layers (a shallow copy; `p` is not modified). */
export function dropLayers(p: ProcessedArticle, names: readonly string[]): ProcessedArticle {
  if (names.length === 0) return p;
  const layers = { ...p.layers } as Record<string, unknown>;
  for (const n of names) delete layers[n];
  return { ...p, layers: layers as ProcessedArticle['layers'] };
}
