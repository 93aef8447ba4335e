/**
 * @module The extraction pipeline: `nlp.wink.v1` → `mentions.v1` → `dates.chrono.v1` →
 * `quotes.v1` → `claims.patterns.v1`. `extractDocument` runs one shared pipeline instance (the
 * wink model and the gazetteer load once per process).
 */
import type { Document } from '../doc/document.js';
import { Pipeline } from '../pipeline/pipeline.js';
import { nlpWinkStage } from '../nlp/stage.js';
import { claimsStage } from './claims/index.js';
import { datesStage } from './dates/index.js';
import { mentionsStage } from './mentions/index.js';
import { quotesStage } from './quotes/index.js';

/** A new pipeline made of the extraction stages, in order. */
export function createExtractionPipeline(): Pipeline {
  return new Pipeline([nlpWinkStage, mentionsStage, datesStage, quotesStage, claimsStage]);
}

let shared: Pipeline | null = null;

/**
 * Run the extraction stages on `doc` (layers sentences, tokens, mentions, dates, quotes, claims).
 * @returns the same document.
 * @example extractDocument(new Document(text, { title, source: null, url: null, date: '2022-07-29' })).get('claims')
 */
export function extractDocument(doc: Document): Document {
  if (!shared) shared = createExtractionPipeline();
  return shared.run(doc);
}

export { extractClaims, PATTERN_MODULES } from './claims/index.js';
export { findMentions } from './mentions/index.js';
