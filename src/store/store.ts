/**
 * @module The Store interface: one contract, two implementations (SQLite for real use, memory as
 * the reference), one shared contract test suite (store/contract.ts).
 *
 * Synchronous on purpose: better-sqlite3 is synchronous and faster that way; the memory store is
 * trivially so. A document is written whole in one transaction (document, sentences, mentions,
 * entities, claims) or not at all.
 */
import type { ArticleMeta } from '../doc/document.js';
import type { Claim, EntityRef, EntityType, Literal, Modality, Qualifiers, Sentence } from '../model/types.js';

export interface StoredDocument {
  id: string;
  textHash: string;
  /** sha256 of the raw input (before cleaning): re-reading the same bytes is a no-op. */
  rawHash: string | null;
  title: string;
  source: string | null;
  url: string | null;
  date: string | null;
  dateSource: string | null;
  author: string | null;
  language: string | null;
  path: string | null;
  text: string;
  addedAt: string;
  /** Id of the canonical document when this one is a near-duplicate copy. */
  duplicateOf: string | null;
}

export interface Entity extends EntityRef {
  /** Number of mentions across all documents. */
  mentionCount: number;
  documentCount: number;
}

/** A mention in a stored document, resolved to an entity. */
export interface StoredMention {
  docId: string;
  start: number;
  end: number;
  text: string;
  entityId: string;
}

/** A resolved claim ready to be written (ids computed by the caller). */
export interface NewClaim {
  id: string;
  predicate: string;
  subjectId: string;
  objectId: string | null;
  object: Literal | null;
  qualifiers: Qualifiers;
  modality: Modality;
  confidence: number;
  start: number;
  end: number;
  sentenceStart: number;
  sentenceEnd: number;
  extractor: string;
}

export interface NewEntity {
  id: string;
  name: string;
  type: EntityType;
  subtype: string | null;
}

/** Everything one document contributes, written atomically by `putDocument`. */
export interface DocumentWrite {
  document: Omit<StoredDocument, 'addedAt'>;
  sentences: readonly Sentence[];
  newEntities: readonly NewEntity[];
  /** (entityId, alias) pairs to add; duplicates are ignored. */
  aliases: readonly { entityId: string; alias: string }[];
  mentions: readonly Omit<StoredMention, 'docId'>[];
  claims: readonly NewClaim[];
  /** MinHash signature of the text (near-duplicate detection), and its LSH band keys. */
  minhash?: readonly number[];
  bands?: readonly string[];
  /** Entity-resolution decisions made for this document (kept for `marquee explain`). */
  resolutions?: readonly ResolutionRecord[];
  /** Changes to existing entities decided by resolution (a subtype learnt, a fuller name). */
  entityUpdates?: readonly EntityUpdate[];
}

/** How a mention group was resolved: an exact alias match, a single name token ("Carson"), or a new entity. */
export type ResolutionMethod = 'alias-exact' | 'alias-token' | 'new' | 'ambiguous';

/** One entity-resolution decision, kept with its document for `marquee explain`. */
export interface ResolutionRecord {
  /** Mention ids (in the document) resolved by this decision; empty for claim-only arguments. */
  mentionIds: readonly string[];
  /** The canonical name that was resolved, and its alias key. */
  name: string;
  key: string;
  type: EntityType;
  subtype: string | null;
  entityId: string;
  /** `ambiguous`: several candidates fit equally, so a separate entity was kept. */
  method: ResolutionMethod;
  /** 0..1: how sure the decision is. */
  score: number;
  /** Ids of the candidates that were considered. */
  candidates: readonly string[];
  reasons: readonly string[];
}

/** A change to an existing entity, applied inside `putDocument`'s transaction. */
export interface EntityUpdate {
  id: string;
  name?: string;
  subtype?: string | null;
}

export interface ClaimFilter {
  predicate?: string | readonly string[];
  subjectId?: string;
  objectId?: string;
  /** Claims where the entity is subject or object. */
  entityId?: string;
  docId?: string;
  limit?: number;
  offset?: number;
}

export interface SentenceHit {
  docId: string;
  start: number;
  end: number;
  text: string;
  /** Higher is better (negated BM25 on SQLite). */
  score: number;
}

export interface StoreCounts {
  documents: number;
  entities: number;
  claims: number;
  mentions: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'memory';

  /** Runs `fn` in one transaction; a throw rolls everything back. Nested calls join the outer one. */
  transaction<T>(fn: () => T): T;

  // documents
  hasDocument(textHash: string): boolean;
  hasRawHash(rawHash: string): boolean;
  /** Writes the whole document or nothing. Returns false (and writes nothing) when textHash exists. */
  putDocument(write: DocumentWrite): boolean;
  getDocument(id: string): StoredDocument | null;
  listDocuments(opts?: { limit?: number; offset?: number }): StoredDocument[];
  documentSentences(docId: string): Sentence[];
  documentMentions(docId: string): StoredMention[];
  /** The entity-resolution decisions stored with the document (`DocumentWrite.resolutions`). */
  documentResolutions(docId: string): ResolutionRecord[];
  /** Canonical documents sharing at least one LSH band key, with their MinHash signatures. */
  findByBands(bands: readonly string[]): { id: string; minhash: number[] }[];

  // entities
  getEntity(id: string): Entity | null;
  /** Entities with this exact normalised alias key (see resolve/normalize.ts `aliasKey`). */
  findEntitiesByAlias(aliasKey: string): Entity[];
  /**
   * Entities one of whose aliases contains this word key (see resolve/normalize.ts `nameTokens`):
   * `findEntitiesByToken('carson')` finds "Sofia Carson". Most mentioned first, at most 100;
   * `type` keeps only entities of that type.
   */
  findEntitiesByToken(token: string, type?: EntityType): Entity[];
  /** Typeahead: entities whose name or alias starts with / contains `prefix` (case-insensitive), most mentioned first. */
  searchEntities(prefix: string, limit: number): Entity[];
  entityAliases(id: string): string[];
  /** Documents that mention the entity, newest first. */
  entityDocuments(id: string, limit?: number): StoredDocument[];
  renameEntity(id: string, name: string): void;
  /** Moves every mention, alias and claim of `fromId` onto `intoId` and deletes `fromId`. */
  mergeEntities(intoId: string, fromId: string): void;

  // claims
  claims(filter: ClaimFilter): Claim[];
  getClaim(id: string): Claim | null;
  countClaims(filter: ClaimFilter): number;

  // search
  /**
   * Full-text search over sentences (FTS5 BM25 on SQLite), best first. `query` is user text, not
   * FTS syntax: its words are OR'ed; when no word matches whole, words are tried as prefixes.
   * Near-duplicate copies (`duplicateOf` set) are left out so one article is not returned twice.
   */
  searchSentences(query: string, limit: number): SentenceHit[];

  counts(): StoreCounts;
  close(): void;
}
