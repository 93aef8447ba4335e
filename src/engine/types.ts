/**
 * @module Result types of the Engine facade. The CLI's --json output, the HTTP API's bodies and
 * the web UI all use exactly these shapes.
 */
import type { Claim, EntityRef, Evidence, Literal } from '../model/types.js';
import type { ReadError } from '../read/types.js';

/** `marquee ingest --json` (contract: do not rename fields). */
export interface IngestSummary {
  documents: { added: number; unchanged: number; failed: number; duplicates?: number };
  claims: number;
  entities: number;
  errors: ReadError[];
  /**
   * Documents added with a caveat, by path: e.g. a text longer than extraction reads
   * (src/extract/text.ts MAX_EXTRACT_CHARS), stored whole but analysed only in part.
   */
  warnings?: ReadError[];
  /** Ids of documents added in this run. */
  added?: string[];
  seconds?: number;
}

export type NoAnswerReason = 'unknown-entity' | 'no-supporting-claims' | 'ambiguous-entity' | 'not-understood';

export interface AnswerItem {
  value: string;
  entity?: EntityRef;
  confidence: number;
  evidence: Evidence[];
  /** How the answer was found: from typed facts, or the best evidence sentence from retrieval. */
  support?: 'facts' | 'retrieval';
  /** Predicate behind the answer, and qualifiers (character, date, outlet...). */
  predicate?: string;
  qualifiers?: Record<string, string | number | boolean>;
}

export interface QueryPlan {
  intent: string;
  predicate?: string | string[];
  entities: { text: string; resolved: EntityRef[] }[];
  constraints?: Record<string, string>;
  factsUsed?: string[];
  notes?: string[];
}

/** `marquee ask --json` (contract). */
export interface AskResult {
  question: string;
  answer: string | null;
  answers: AnswerItem[];
  noAnswer?: NoAnswerReason;
  /** Human sentence explaining a no-answer. */
  reason?: string;
  /** yes / no / unknown for yes-no questions. */
  verdict?: 'yes' | 'no' | 'no-evidence';
  plan?: QueryPlan;
}

export interface SearchHit {
  document: Evidence['document'];
  score: number;
  snippet: Evidence;
}

export interface FactGroup {
  predicate: string;
  label: string;
  /** 'out': the entity is the subject; 'in': it is the object (inverse view, e.g. filmography). */
  direction: 'out' | 'in';
  claims: Claim[];
}

export interface EntityPage {
  entity: EntityRef & { mentionCount: number; documentCount: number };
  aliases: string[];
  facts: FactGroup[];
  quotes: Claim[];
  documents: Evidence['document'][];
  /** Facts about the entity that sources disagree on (src/curate/conflicts.ts). */
  conflicts?: import('../curate/conflicts.js').Conflict[];
}

export interface TimelineEvent {
  date: string;
  precision: string;
  kind: string;
  label: string;
  modality: string;
  claim: Claim;
}

export interface GraphNode extends EntityRef {
  degree: number;
}
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  predicate: string;
  label: string;
  claimIds: string[];
}
export interface Graph {
  center: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface DocumentView {
  document: Evidence['document'] & { text: string; author: string | null; language: string | null };
  mentions: { start: number; end: number; text: string; entity: EntityRef }[];
  claims: Claim[];
}

export interface Health {
  ok: boolean;
  version: string;
  documents: number;
  entities: number;
  claims: number;
}

export type { Claim, EntityRef, Evidence, Literal };

export interface IngestOptions {
  /** Called after each input item (article or error) with running totals. */
  onProgress?: (p: { done: number; added: number; failed: number; path: string }) => void;
  /** Stop cleanly after the current document (Ctrl-C). */
  signal?: AbortSignal;
  /** Field mapping for JSONL/JSON inputs: `{ text: 'body', date: 'published_at' }`. */
  fields?: Record<string, string>;
  /** Worker threads for cleaning and extraction (0 or absent: this thread). Results are identical. */
  workers?: number;
}

/** Result of ingesting one article (HTTP POST /api/documents). */
export interface IngestOneResult {
  status: 'added' | 'unchanged' | 'duplicate' | 'failed';
  documentId: string | null;
  claims: Claim[];
  error?: string;
  /** Caveats about an added document (see IngestSummary.warnings). */
  warnings?: string[];
}

export interface FactsQuery {
  predicate?: string;
  /** Entity name, alias or id. */
  entity?: string;
  limit?: number;
  offset?: number;
}

/** The facade that the CLI, the HTTP server and the web UI all call. */
export interface EngineApi {
  ingest(paths: string[], opts?: IngestOptions): Promise<IngestSummary>;
  /** Ingest one article given as data (title, text or html, url, date, source). */
  ingestArticle(article: import('../read/types.js').RawArticle): IngestOneResult;
  /** Extract claims from one article without storing it. */
  extract(article: import('../read/types.js').RawArticle): Claim[];
  ask(question: string, opts?: { explain?: boolean }): AskResult;
  search(query: string, limit?: number): SearchHit[];
  facts(query: FactsQuery): Claim[];
  /** Typeahead over names and aliases. */
  entities(prefix: string, limit?: number): EntityRef[];
  /** Resolve a name, alias or id to entities (best first). */
  findEntity(nameOrId: string): EntityRef[];
  entityPage(id: string): EntityPage | null;
  timeline(id: string): TimelineEvent[] | null;
  graph(id: string, depth: 1 | 2): Graph | null;
  document(id: string): DocumentView | null;
  health(): Health;
  /** Facts the sources disagree on (issue 9), for one entity or all. */
  conflicts?(entityId?: string): import('../curate/conflicts.js').Conflict[];
  /** Apply a correction, recorded in the audit log. */
  correct?(req: import('../curate/commands.js').CorrectionRequest, who: string): import('../curate/correction-types.js').CorrectionRecord;
  corrections?(): import('../curate/correction-types.js').CorrectionRecord[];
  close(): void;
}
