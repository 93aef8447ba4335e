/**
 * @module Building Claim objects (with their Evidence) from stored rows, shared by both stores so
 * they return identical shapes: the quote is always `text.slice(start, end)` of the stored text.
 */
import { MarqueeError } from '../errors.js';
import { wikidataId } from '../model/predicates.js';
import type { Claim, EntityRef, EntityType, EvidenceDocument, Literal, LiteralDatatype, Modality, Qualifiers } from '../model/types.js';

/** A stored claim with its document and entity refs, before evidence is sliced out of the text. */
export interface ClaimRow {
  id: string;
  predicate: string;
  subject: EntityRef;
  object: EntityRef | Literal;
  qualifiers: Qualifiers;
  modality: Modality;
  confidence: number;
  start: number;
  end: number;
  sentenceStart: number;
  sentenceEnd: number;
  document: EvidenceDocument;
}

/** An EntityRef in the one shape both stores return (subtype always present, null when unknown). */
export function entityRef(id: string, name: string, type: string, subtype: string | null): EntityRef {
  return { id, name, type: type as EntityType, subtype };
}

export function literal(value: string, datatype: string): Literal {
  return { value, datatype: datatype as LiteralDatatype };
}

/** The Claim for `row`, its evidence sliced out of `text` (the document's stored text). */
export function toClaim(row: ClaimRow, text: string): Claim {
  if (row.end > text.length || row.sentenceEnd > text.length) {
    throw new MarqueeError('E305', `Claim ${row.id} points past the end of document ${row.document.id}; the database is inconsistent.`);
  }
  const wikidata = wikidataId(row.predicate);
  const claim: Claim = {
    id: row.id,
    predicate: row.predicate,
    ...(wikidata !== undefined ? { wikidata } : {}),
    subject: row.subject,
    object: row.object,
    qualifiers: row.qualifiers,
    modality: row.modality,
    confidence: row.confidence,
    evidence: [
      {
        document: row.document,
        start: row.start,
        end: row.end,
        quote: text.slice(row.start, row.end),
        sentence: text.slice(row.sentenceStart, row.sentenceEnd),
        sentenceStart: row.sentenceStart,
      },
    ],
  };
  return claim;
}
