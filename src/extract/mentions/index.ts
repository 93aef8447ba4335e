/**
 * @module Stage `mentions.v1`: names of persons, works (with subtype), characters, organisations
 * (with subtype), places, awards and events, plus references resolved to them by in-document
 * coreference. Requires doc.text, doc.sentences, doc.tokens; assigns doc.mentions.
 */
import type { Document } from '../../doc/document.js';
import type { Mention } from '../../model/types.js';
import type { Stage } from '../../pipeline/stage.js';
import { findQuotations } from '../quotes/find.js';
import { resolveReferences } from './coref.js';
import { detectCandidates } from './detect.js';
import { workText } from '../text.js';

/**
 * Detect and resolve the mentions of a document that already has sentences and tokens.
 * @returns mentions in text order with ids `m0`, `m1`, ...
 */
export function findMentions(doc: Document): Mention[] {
  const sentences = doc.get('sentences');
  const tokens = doc.get('tokens');
  const text = workText(doc);
  const quotes = findQuotations(text);
  const cands = detectCandidates(text, sentences, tokens, quotes);
  const resolved = resolveReferences(text, sentences, quotes, cands);
  return resolved
    .filter((c) => c.canonical.trim() !== '')
    .map((c, i) => ({
      id: `m${i}`,
      start: c.start,
      end: c.end,
      text: doc.text.slice(c.start, c.end),
      type: c.type,
      ...(c.subtype ? { subtype: c.subtype } : {}),
      canonical: c.canonical,
      detector: c.background && c.type === 'work' ? 'title-credit' : c.detector,
      confidence: c.confidence,
    }));
}

/** Mentions with coreference. */
export const mentionsStage: Stage = {
  name: 'mentions.v1',
  requires: ['doc.text', 'doc.sentences', 'doc.tokens'],
  assigns: ['doc.mentions'],
  run(doc) {
    doc.set('mentions', findMentions(doc));
  },
};
