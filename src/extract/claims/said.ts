/**
 * @module Quote claims: predicate `said`, subject the speaker, object the quoted words, qualifiers
 * outlet and date, from the quotes layer. The span is the quotation (with its attribution when it
 * lies in the same sentence); the sentence span covers every sentence the quotation runs over.
 */
import { attributions } from '../quotes/index.js';
import type { PatternModule } from './context.js';
import { stringLiteral } from './helpers.js';

/** `said` claims from attributed quotes. */
export const saidPatterns: PatternModule = (ctx) => {
  for (const q of ctx.doc.get('quotes')) {
    if (!q.speaker) continue;
    const speaker = ctx.mentions.find((m) => m.id === q.speaker);
    // a speaker is a person or an organisation ("a BBC spokesman said"); a title or a place never speaks
    if (!speaker || (speaker.type !== 'person' && speaker.type !== 'organization')) continue;
    const attr = attributions.get(q) ?? { start: q.start, end: q.end };
    const first = ctx.views.findIndex((v) => attr.start >= v.sentence.start && attr.start < v.sentence.end);
    if (first < 0) continue;
    let last = first;
    while (last + 1 < ctx.views.length && ctx.views[last].sentence.end < attr.end) last++;
    const v = ctx.views[first];
    const sentence = { ...v.sentence, end: ctx.views[last].sentence.end };
    const qualifiers: Record<string, string> = {};
    if (q.outlet) qualifiers.outlet = q.outlet;
    if (q.date) qualifiers.date = q.date;
    ctx.emit({ ...v, sentence }, { predicate: 'said', subject: ctx.arg(speaker), object: stringLiteral(q.text), qualifiers, modality: 'asserted', confidence: 0.8, start: attr.start, end: attr.end });
  }
};
