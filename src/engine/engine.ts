/**
 * @module The Engine facade: the one object the CLI, the HTTP server and the web UI call.
 * Ingest = read → process (clean + extract, pure) → near-duplicate check → resolve → store,
 * committed 64 documents per transaction with a savepoint each; queries delegate to src/query.
 */
import { readPaths } from '../read/index.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { openMemoryStore } from '../store/memory/index.js';
import { resolveDocument } from '../resolve/index.js';
import { aliasKey } from '../resolve/normalize.js';
import { answerQuestion } from '../query/ask/index.js';
import { buildDocumentView, buildEntityPage, buildGraph, buildTimeline, evidenceDocument } from '../query/entity-page.js';
import { estimateJaccard, NEAR_DUPLICATE_JACCARD } from '../dedup/minhash.js';
import { processArticle, rawArticleHash, toDocument, type ProcessedArticle } from './process.js';
import { dropLayers, TRANSIENT_LAYERS } from '../ingest/layers.js';
import { FIRST_COMMIT_BATCH, nextCommitBatch, yieldToEventLoop } from '../ingest/commit-batch.js';
import { truncationWarning } from '../extract/text.js';
import { openCorrections, withCorrections } from '../curate/corrections.js';
import { findConflicts, conflictsForEntity } from '../curate/conflicts.js';
import { runCorrection, type CorrectionRequest } from '../curate/commands.js';
import type { CorrectionRecord } from '../curate/correction-types.js';
import type { Store } from '../store/store.js';
import { isMarqueeError } from '../errors.js';
import type { RawArticle, ReadError } from '../read/types.js';
import type { Claim, EntityRef } from '../model/types.js';
import type {
  AskResult, DocumentView, EngineApi, EntityPage, FactsQuery, Graph, Health, IngestOneResult,
  IngestOptions, IngestSummary, SearchHit, TimelineEvent,
} from './types.js';

export const VERSION = '0.1.0';

export interface EngineOptions {
  /** SQLite database file (created if missing). Default: $MARQUEE_DB or ./marquee.db. */
  db?: string;
  /** Use this store instead (tests, `extract`). */
  store?: Store;
}

export function defaultDbPath(): string {
  return process.env.MARQUEE_DB || 'marquee.db';
}

/** What committing one processed article did; `warning` is a caveat about an added document. */
type Outcome = { status: 'added' | 'unchanged' | 'duplicate'; documentId: string; claims: number; entities: number; warning?: string };

/** Storage failures that will fail every following document too: stop the ingest at the first. */
const FATAL_STORAGE_CODES = new Set(['E306', 'E307', 'E309', 'E310']);


/** An item read by `Engine.ingest`, waiting for its batch to be committed. */
type Pending =
  | { kind: 'failed'; path: string; message: string }
  | { kind: 'unchanged'; path: string }
  | { kind: 'commit'; path: string; processed: ProcessedArticle };

/** Thrown inside a batch transaction to roll the whole batch back. */
class BatchAbort extends Error {}

function isFatalStorage(e: unknown): boolean {
  return isMarqueeError(e) && FATAL_STORAGE_CODES.has(e.code);
}

/** A SQLite error (raw inside a savepoint, or mapped to a MarqueeError E3xx at the outermost level). */
function isStorageError(e: unknown): boolean {
  if (isMarqueeError(e)) return /^E3\d\d$/.test(e.code);
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}

export class Engine implements EngineApi {
  readonly store: Store;

  constructor(opts: EngineOptions = {}) {
    // Corrections view: retracted claims disappear from facts, answers, pages and exports.
    this.store = withCorrections(opts.store ?? openSqliteStore(opts.db ?? defaultDbPath()));
  }

  /** Write one processed article: skip known text, mark near-duplicates, resolve, store atomically. */
  commit(p: ProcessedArticle): Outcome {
    const doc = toDocument(p);
    if (this.store.hasDocument(doc.textHash)) return { status: 'unchanged', documentId: doc.id, claims: 0, entities: 0 };
    let duplicateOf: string | null = null;
    for (const cand of this.store.findByBands(p.bands)) {
      if (estimateJaccard(p.minhash, cand.minhash) >= NEAR_DUPLICATE_JACCARD) {
        duplicateOf = cand.id;
        break;
      }
    }
    const write = resolveDocument(doc, this.store);
    write.document.rawHash = p.rawHash;
    write.document.duplicateOf = duplicateOf;
    const full = { ...write, minhash: p.minhash, bands: duplicateOf ? [] : p.bands };
    const added = this.store.putDocument(full);
    if (!added) return { status: 'unchanged', documentId: doc.id, claims: 0, entities: 0 };
    const out: Outcome = { status: duplicateOf ? 'duplicate' : 'added', documentId: doc.id, claims: write.claims.length, entities: write.newEntities.length };
    const warning = truncationWarning(p.text.length);
    if (warning !== null) out.warning = warning;
    return out;
  }

  async ingest(paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
    if (opts.workers && opts.workers > 0) {
      const { ingestParallel } = await import('../ingest/ingest.js');
      const summary = await ingestParallel(this, paths, { ...opts, workers: opts.workers });
      if (summary.documents.added > 0) openCorrections(this.store).reapply();
      return summary;
    }
    const t0 = performance.now();
    const summary: IngestSummary = { documents: { added: 0, unchanged: 0, failed: 0, duplicates: 0 }, claims: 0, entities: 0, errors: [], added: [] };
    let done = 0;
    let stopped = false;
    const stopHint = () =>
      summary.errors.push({ path: paths.join(' '), message: 'Ingest stopped: the database cannot be written. Fix the cause above and run the same command again; what was stored is kept and skipped.' });
    /** Record one item's outcome in input order (counts, errors, progress). */
    const record = (o: Pending, out: Outcome | { error: unknown } | null): void => {
      if (o.kind === 'failed') {
        summary.errors.push({ path: o.path, message: o.message });
        summary.documents.failed++;
      } else if (o.kind === 'unchanged') summary.documents.unchanged++;
      else if (out && 'error' in out) {
        summary.errors.push({ path: o.path, message: (out.error as Error).message });
        summary.documents.failed++;
        if (isFatalStorage(out.error)) {
          stopHint();
          stopped = true;
        }
      } else if (out) {
        if (out.status === 'unchanged') summary.documents.unchanged++;
        else {
          // This run's own work (other processes may be ingesting into the same file).
          summary.claims += out.claims;
          summary.entities += out.entities;
          summary.documents.added++;
          if (out.status === 'duplicate') summary.documents.duplicates!++;
          summary.added!.push(out.documentId);
          if (out.warning !== undefined) (summary.warnings ??= []).push({ path: o.path, message: out.warning });
        }
      }
      done++;
      opts.onProgress?.({ done, added: summary.documents.added, failed: summary.documents.failed, path: o.path });
    };
    /** One document in its own transaction (or savepoint, inside a batch). */
    const commitOne = (p: ProcessedArticle): Outcome | { error: unknown } => {
      try {
        return this.store.transaction(() => this.commit(p));
      } catch (e) {
        return { error: e };
      }
    };
    /**
     * Commit the pending documents: one transaction for a batch (64 documents first, then up to 256: src/ingest/commit-batch.ts), a
     * savepoint for each, so a failing document rolls back alone and the commit cost is paid once.
     * A storage error (disk full, read-only, I/O, locked…) rolls the whole batch back and the batch
     * is redone one transaction per document, so the failure is reported exactly as before and
     * the documents before it are kept.
     */
    const flush = (buf: Pending[]): void => {
      if (buf.length === 0) return;
      let outs: (Outcome | { error: unknown } | null)[] | null = null;
      if (buf.some((o) => o.kind === 'commit')) {
        try {
          outs = this.store.transaction(() =>
            buf.map((o) => {
              if (o.kind !== 'commit') return null;
              const out = commitOne(o.processed);
              if ('error' in out && isStorageError(out.error)) throw new BatchAbort();
              return out;
            }),
          );
        } catch {
          outs = null;
        }
      } else outs = buf.map(() => null);
      if (outs) {
        for (let i = 0; i < buf.length; i++) record(buf[i], outs[i]);
        return;
      }
      for (const o of buf) {
        record(o, o.kind === 'commit' ? commitOne(o.processed) : null);
        if (stopped) return;
      }
    };
    let buf: Pending[] = [];
    let toCommit = 0;
    let batchSize = FIRST_COMMIT_BATCH;
    for await (const item of readPaths(paths, { fields: opts.fields })) {
      // Let signal handlers run (Ctrl-C sets `signal`): reading may never wait on I/O.
      await yieldToEventLoop();
      if (opts.signal?.aborted) break;
      if ('error' in item) buf.push({ kind: 'failed', path: item.error.path, message: item.error.message });
      else {
        const raw = item.article;
        try {
          const rawHash = rawArticleHash(raw);
          if (this.store.hasRawHash(rawHash)) buf.push({ kind: 'unchanged', path: raw.path });
          else {
            // Held until the batch commits: without the layers committing never reads (tokens are the largest).
            buf.push({ kind: 'commit', path: raw.path, processed: dropLayers(processArticle(raw, rawHash), TRANSIENT_LAYERS) });
            toCommit++;
          }
        } catch (e) {
          buf.push({ kind: 'failed', path: raw.path, message: (e as Error).message });
          if (isFatalStorage(e)) {
            flush(buf.slice(0, -1));
            if (!stopped) {
              record(buf[buf.length - 1], null);
              stopHint();
              stopped = true;
            }
            buf = [];
            break;
          }
        }
      }
      if (toCommit >= batchSize || buf.length >= 4 * batchSize) {
        flush(buf);
        buf = [];
        toCommit = 0;
        batchSize = nextCommitBatch(batchSize);
        if (stopped) break;
      }
    }
    if (!stopped) flush(buf);
    // Corrections (merges, retractions…) survive re-ingest: re-apply them to what was added.
    if (summary.documents.added > 0) openCorrections(this.store).reapply();
    summary.seconds = Math.round(performance.now() - t0) / 1000;
    return summary;
  }

  ingestArticle(article: RawArticle): IngestOneResult {
    try {
      const p = processArticle(article);
      const out = this.commit(p);
      const result: IngestOneResult = { status: out.status, documentId: out.documentId, claims: this.store.claims({ docId: out.documentId, limit: 5000 }) };
      if (out.warning !== undefined) result.warnings = [out.warning];
      return result;
    } catch (e) {
      return { status: 'failed', documentId: null, claims: [], error: (e as Error).message };
    }
  }

  extract(article: RawArticle): Claim[] {
    const scratch = new Engine({ store: openMemoryStore() });
    try {
      const out = scratch.commit(processArticle(article));
      return scratch.store.claims({ docId: out.documentId, limit: 100000 });
    } finally {
      scratch.close();
    }
  }

  ask(question: string, opts: { explain?: boolean } = {}): AskResult {
    return answerQuestion(this.store, question, opts);
  }

  search(query: string, limit = 20): SearchHit[] {
    const hits = this.store.searchSentences(query, limit);
    const docs = new Map<string, ReturnType<Store['getDocument']>>();
    const out: SearchHit[] = [];
    for (const h of hits) {
      if (!docs.has(h.docId)) docs.set(h.docId, this.store.getDocument(h.docId));
      const d = docs.get(h.docId);
      if (!d) continue;
      const document = evidenceDocument(d);
      out.push({ document, score: h.score, snippet: { document, start: h.start, end: h.end, quote: h.text, sentence: h.text, sentenceStart: h.start } });
    }
    return out;
  }

  facts(q: FactsQuery): Claim[] {
    const limit = q.limit ?? 1_000_000;
    const offset = q.offset ?? 0;
    if (q.entity) {
      const ents = this.findEntity(q.entity);
      if (ents.length === 0) return [];
      return this.store.claims({ predicate: q.predicate, entityId: ents[0].id, limit, offset });
    }
    return this.store.claims({ predicate: q.predicate, limit, offset });
  }

  entities(prefix: string, limit = 10): EntityRef[] {
    return this.store.searchEntities(prefix, limit).map(toRef);
  }

  findEntity(nameOrId: string): EntityRef[] {
    const s = nameOrId.trim();
    if (!s) return [];
    if (s.startsWith('ent_')) {
      const e = this.store.getEntity(s);
      return e ? [toRef(e)] : [];
    }
    const exact = this.store.findEntitiesByAlias(aliasKey(s)).sort((a, b) => b.mentionCount - a.mentionCount);
    if (exact.length) return exact.map(toRef);
    return this.store.searchEntities(s, 5).map(toRef);
  }

  entityPage(id: string): EntityPage | null {
    const page = buildEntityPage(this.store, id);
    if (page) page.conflicts = conflictsForEntity(this.store, id);
    return page;
  }

  /** Facts the sources disagree on, for one entity or all. */
  conflicts(entityId?: string) {
    return findConflicts(this.store, entityId ? { entityId } : {});
  }

  /** Apply a correction (merge, split, rename, retract, assert, undo), recorded in the audit log. */
  correct(req: CorrectionRequest, who: string): CorrectionRecord {
    return runCorrection(this.store, req, who);
  }

  corrections(): CorrectionRecord[] {
    return openCorrections(this.store).list();
  }

  timeline(id: string): TimelineEvent[] | null {
    return buildTimeline(this.store, id);
  }

  graph(id: string, depth: 1 | 2): Graph | null {
    return buildGraph(this.store, id, depth);
  }

  document(id: string): DocumentView | null {
    return buildDocumentView(this.store, id);
  }

  health(): Health {
    const c = this.store.counts();
    return { ok: true, version: VERSION, documents: c.documents, entities: c.entities, claims: c.claims };
  }

  close(): void {
    this.store.close();
  }
}

function toRef(e: EntityRef): EntityRef {
  return { id: e.id, name: e.name, type: e.type, subtype: e.subtype ?? null };
}

/** Open an engine over a SQLite file (or a given store). */
export function createEngine(opts: EngineOptions = {}): Engine {
  return new Engine(opts);
}
