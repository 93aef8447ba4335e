/**
 * @module What exports read from a Store, in a streaming-friendly order: the entities that take
 * part in claims, the facts of each subject (aggregated, contested ones marked), and documents.
 * Only ids are held for the whole knowledge base; facts are built one subject at a time.
 */
import { factsWithConflicts } from '../curate/conflicts.js';
import { storeDocumentLookup, type DocumentLookup, type Fact } from '../curate/facts.js';
import { claimEntityIds } from '../curate/scan.js';
import { correctionsView, rawStore } from '../curate/corrections.js';
import { sqliteHandle } from '../store/sqlite/corrections.js';
import type { Entity, Store, StoredDocument } from '../store/store.js';

/** The Store methods exports use. */
export type ExportStore = Pick<Store, 'claims' | 'getDocument' | 'getEntity' | 'entityAliases' | 'listDocuments'>;

export interface ExportEntity extends Entity {
  /** Other names of the entity (not including `name`). */
  aliases: string[];
}

/**
 * On SQLite, entity ids straight from the tables (no claim objects built): every entity with a
 * mention or a claim, most mentioned first, and the subjects of claims. Null for other stores.
 */
function sqliteEntityIds(store: ExportStore): { all: string[]; subjects: Set<string> } | null {
  const raw = rawStore(store as Store);
  if (raw.kind !== 'sqlite') return null;
  const db = sqliteHandle(raw);
  const all = (db.prepare('SELECT id FROM entities ORDER BY mention_count DESC, id').pluck().all() as string[]);
  const subjects = new Set(db.prepare('SELECT DISTINCT subject_id FROM claims').pluck().all() as string[]);
  return { all, subjects };
}

/** Documents read per page. */
const DOCUMENT_PAGE_SIZE = 200;
/** Claims of one subject read at once (a subject's facts are aggregated in memory). */
const MAX_SUBJECT_CLAIMS = 1_000_000;

/** A walk over one knowledge base for an export. */
export class KnowledgeBaseWalk {
  readonly entityIds: readonly string[];
  readonly subjectIds: ReadonlySet<string>;
  private readonly docs: DocumentLookup;

  constructor(private readonly store: ExportStore) {
    const fast = sqliteEntityIds(store);
    if (fast) {
      this.entityIds = fast.all;
      this.subjectIds = fast.subjects;
    } else {
      const ids = claimEntityIds(store);
      this.entityIds = ids.all;
      this.subjectIds = ids.subjects;
    }
    this.docs = storeDocumentLookup(store);
  }

  /** Every entity that is the subject or object of a claim, with its aliases. */
  *entities(): Generator<ExportEntity> {
    for (const id of this.entityIds) {
      const e = this.store.getEntity(id);
      if (!e) continue;
      yield { ...e, subtype: e.subtype ?? null, aliases: this.store.entityAliases(id).filter((a) => a !== e.name) };
    }
  }

  /** The facts whose subject is `id` (contested ones marked). */
  factsOf(id: string): Fact[] {
    if (!this.subjectIds.has(id)) return [];
    return factsWithConflicts(this.store.claims({ subjectId: id, limit: MAX_SUBJECT_CLAIMS }), this.docs).facts;
  }

  /** Facts of every subject, one subject at a time. */
  *facts(): Generator<Fact> {
    for (const id of this.entityIds) yield* this.factsOf(id);
  }

  /**
   * Every stored document, a page at a time. Through a corrections view the raw store is paged and
   * hidden documents (notes of undone assertions) skipped, so paging stays linear.
   */
  *documents(): Generator<StoredDocument> {
    const view = correctionsView(this.store);
    const source = view ? view.raw : this.store;
    for (let offset = 0; ; offset += DOCUMENT_PAGE_SIZE) {
      const page = source.listDocuments({ limit: DOCUMENT_PAGE_SIZE, offset });
      for (const d of page) if (!view || !view.hiddenDocuments.has(d.id)) yield d;
      if (page.length < DOCUMENT_PAGE_SIZE) return;
    }
  }
}

/** Counts reported by every export. */
export interface ExportStats {
  format: string;
  entities: number;
  facts: number;
  evidence: number;
  documents: number;
  /** Characters written (all files for csv). */
  chars: number;
  /** Files written (csv), or the single output. */
  files?: string[];
}
