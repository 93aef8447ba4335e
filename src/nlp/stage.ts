/**
 * @module Stage `nlp.wink.v1`: sentences and tokens from wink-nlp. Requires doc.text; assigns
 * doc.sentences, doc.tokens (and the extra layer doc.numerics: wink's DATE/CARDINAL/MONEY/...
 * entities, declared here by declaration merging).
 */
import type { Stage } from '../pipeline/stage.js';
import { workText } from '../extract/text.js';
import { segment, type NumericEntity } from './segment.js';

declare module '../doc/document.js' {
  interface Layers {
    /** wink-nlp's numeric and date entities with document offsets. */
    numerics: readonly NumericEntity[];
  }
}

/** Sentences, tokens and numeric entities from wink-nlp. */
export const nlpWinkStage: Stage = {
  name: 'nlp.wink.v1',
  requires: ['doc.text'],
  assigns: ['doc.sentences', 'doc.tokens', 'doc.numerics'],
  run(doc) {
    const seg = segment(workText(doc));
    doc.set('sentences', seg.sentences);
    doc.set('tokens', seg.tokens);
    doc.set('numerics', seg.entities);
  },
};
