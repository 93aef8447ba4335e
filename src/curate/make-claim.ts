/**
 * @module Test support for the curate tests: a stored-looking Claim with one piece of evidence,
 * built by hand so facts and conflicts are tested without running the pipeline.
 */
import type { Claim, EntityRef, Literal, Modality, Qualifiers } from '../model/types.js';

let n = 0;
/** A claim as the store returns it, its evidence pointing into document `doc` dated `date`. */
export function makeClaim(doc: string, date: string | null, predicate: string, subject: EntityRef, object: EntityRef | Literal, opts: { modality?: Modality; qualifiers?: Qualifiers; confidence?: number; quote?: string } = {}): Claim {
  const quote = opts.quote ?? `${subject.name} ${predicate} ${'id' in object ? object.name : object.value}`;
  const start = (n++ % 50) * 10;
  return {
    id: `clm_${n}`,
    predicate,
    subject,
    object,
    qualifiers: opts.qualifiers ?? {},
    modality: opts.modality ?? 'asserted',
    confidence: opts.confidence ?? 0.9,
    evidence: [{ document: { id: doc, title: `Article ${doc}`, source: 'Outlet', url: null, date }, start, end: start + quote.length, quote, sentence: quote + '.' }],
  };
}

