/**
 * @module Core value types shared by every layer of Marquee: spans, mentions, claims, evidence.
 * Offsets are half-open [start, end) ranges of UTF-16 code units into a Document's cleaned text.
 */

/** Half-open [start, end) range of UTF-16 code units in Document.text (JS string indices). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type EntityType = 'person' | 'work' | 'character' | 'organization' | 'place' | 'award' | 'event';

/** Finer kinds. Works: film, series, novel, book, song, album, soundtrack, music_video, play, game.
 *  Organizations: studio, streaming_service, network, record_label, outlet, band, company. */
export type EntitySubtype = string;

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'work', 'character', 'organization', 'place', 'award', 'event'];

export interface Sentence extends Span {
  readonly index: number;
}

export interface Token extends Span {
  readonly text: string;
  /** Universal POS tag from wink-nlp (PROPN, NOUN, VERB, ...). */
  readonly pos: string;
  /** Index of the sentence the token belongs to. */
  readonly sentence: number;
}

/** A name or description in the text that refers to an entity. */
export interface Mention extends Span {
  /** Stable within the document: `m0`, `m1`, ... in text order. */
  readonly id: string;
  readonly text: string;
  readonly type: EntityType;
  readonly subtype?: EntitySubtype;
  /** Name used for resolution (full name after in-document coreference, e.g. "Carson" → "Sofia Carson"). */
  readonly canonical: string;
  /** Which detector produced it (`names`, `title-quoted`, `title-context`, `coref-pronoun`, ...). */
  readonly detector: string;
  readonly confidence: number;
}

export type DatePrecision = 'day' | 'month' | 'year' | 'decade';

export interface DateMention extends Span {
  readonly text: string;
  /** ISO value at the text's own precision: `2022-07-29`, `2021-10`, `2017`. */
  readonly value: string;
  readonly precision: DatePrecision;
  /** True when anchored to the article's date ("five years ago", "out July 29", "last Friday"). */
  readonly relative: boolean;
}

/** A direct quotation with its attribution. */
export interface Quote extends Span {
  /** The quoted words, without the quote marks. */
  readonly text: string;
  /** Mention id of the speaker, when attributed. */
  readonly speaker?: string;
  readonly speakerName?: string;
  readonly outlet?: string;
  readonly date?: string;
}

export type Modality = 'asserted' | 'reported' | 'speculative' | 'negated';

export type LiteralDatatype = 'date' | 'quantity' | 'string' | 'url';

export interface Literal {
  readonly value: string;
  readonly datatype: LiteralDatatype;
}

/** One side of a claim inside a document, before resolution to entities. */
export interface ClaimArg {
  /** Mention id in the document, when the argument is a mention. */
  readonly mention?: string;
  /** Canonical name (resolution key). */
  readonly name: string;
  readonly type: EntityType;
  readonly subtype?: EntitySubtype;
}

export type QualifierValue = string | number | boolean;
export type Qualifiers = Record<string, QualifierValue>;

/** A claim as one document makes it (document layer `claims`). */
export interface DocClaim {
  readonly predicate: string;
  readonly subject: ClaimArg;
  readonly object: ClaimArg | Literal;
  readonly qualifiers: Qualifiers;
  readonly modality: Modality;
  readonly confidence: number;
  /** The supporting text span (evidence). */
  readonly span: Span;
  /** The sentence that contains the span. */
  readonly sentence: Span;
  /** Registered name of the extractor: `claims.patterns.v1`. */
  readonly extractor: string;
}

export function isLiteral(x: ClaimArg | Literal): x is Literal {
  return (x as Literal).datatype !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Result types shared by the CLI (--json), the HTTP API and the web UI.

export interface EvidenceDocument {
  readonly id: string;
  readonly title: string;
  readonly source: string | null;
  readonly url: string | null;
  readonly date: string | null;
}

/** Where a claim comes from: `quote === text.slice(start, end)` of the document's cleaned text. */
export interface Evidence {
  readonly document: EvidenceDocument;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  /** The full sentence that contains the quote. */
  readonly sentence: string;
  readonly sentenceStart?: number;
}

export interface EntityRef {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  readonly subtype?: EntitySubtype | null;
}

/** A stored claim, its arguments resolved to entities (the `facts` JSON Lines row). */
export interface Claim {
  readonly id: string;
  readonly predicate: string;
  readonly wikidata?: string;
  readonly subject: EntityRef;
  readonly object: EntityRef | Literal;
  readonly qualifiers: Qualifiers;
  readonly modality: Modality;
  readonly confidence: number;
  readonly evidence: Evidence[];
}

export function isEntityRef(x: EntityRef | Literal): x is EntityRef {
  return (x as EntityRef).id !== undefined;
}
