/**
 * @module Stage `nlp.wink.v1`: sentences and tokens from wink-nlp. Requires doc.text; assigns
 * doc.sentences and doc.tokens.
 */
import type { Stage } from '../pipeline/stage.js';
import { workText } from '../extract/text.js';
import { segment } from './segment.js';

/** Sentences and tokens from wink-nlp. */
export const nlpWinkStage: Stage = {
  name: 'nlp.wink.v1',
  requires: ['doc.text'],
  assigns: ['doc.sentences', 'doc.tokens'],
  run(doc) {
    const seg = segment(workText(doc));
    doc.set('sentences', seg.sentences);
    doc.set('tokens', seg.tokens);
  },
};
