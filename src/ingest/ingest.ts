/**
 * @module `ingestParallel`: the same ingest as `Engine.ingest` (same summary, same database
 * content), with the per-article processing spread over worker threads and the commits kept on
 * the calling thread in input order, batched: one transaction per batch of documents (64 first,
 * then up to 256: ./commit-batch.ts) with a savepoint for each.
 */
import { readPaths } from '../read/index.js';
import type { Engine } from '../engine/engine.js';
import type { IngestOptions, IngestSummary } from '../engine/types.js';
import type { ReadError } from '../read/types.js';
import { processOrdered, type OrderedItem, type ParallelOptions } from './parallel.js';
import { FIRST_COMMIT_BATCH, nextCommitBatch, yieldToEventLoop } from './commit-batch.js';

export interface ParallelIngestOptions extends IngestOptions {
  /** Worker threads (0 = process on this thread through the same code path). */
  workers: number;
  batchSize?: ParallelOptions['batchSize'];
  /**
   * Documents committed per SQLite transaction (each in its own savepoint, so one failure rolls
   * back only that document). Default: 64, doubling after each batch up to 256 (./commit-batch.ts);
   * a number fixes the size (1 = a transaction per document).
   */
  commitBatch?: number;
}

/** The first commit batch (kept for callers that named it; see ./commit-batch.ts). */
export const DEFAULT_COMMIT_BATCH = FIRST_COMMIT_BATCH;

/**
 * Ingest `paths` into `engine` with `opts.workers` worker threads.
 *
 * @param engine - the engine whose store receives the documents
 * @param paths - files and folders, as for `marquee ingest`
 * @param opts - worker count, progress callback, abort signal, field mapping
 * @returns the same summary `Engine.ingest` returns
 * @example await ingestParallel(createEngine({ db: 'kb.db' }), ['examples'], { workers: 2 })
 */
export async function ingestParallel(engine: Engine, paths: string[], opts: ParallelIngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  const store = engine.store;
  const before = store.counts();
  const summary: IngestSummary = { documents: { added: 0, unchanged: 0, failed: 0, duplicates: 0 }, claims: 0, entities: 0, errors: [], added: [] };
  const fail = (e: ReadError): void => {
    summary.errors.push(e);
    summary.documents.failed++;
  };
  let done = 0;
  const items = processOrdered(readPaths(paths, { fields: opts.fields }), {
    workers: opts.workers,
    batchSize: opts.batchSize,
    skip: (rawHash) => store.hasRawHash(rawHash),
  });
  const fixedBatch = opts.commitBatch !== undefined ? Math.max(1, opts.commitBatch) : null;
  let commitBatch = fixedBatch ?? FIRST_COMMIT_BATCH;
  type Outcome = { path: string; status: 'added' | 'duplicate' | 'unchanged' | 'failed'; id?: string; message?: string; warning?: string };
  /** Commit one item (each document in its own savepoint when inside a batch transaction). */
  const commitOne = (r: OrderedItem): Outcome => {
    if ('readError' in r) return { path: r.readError.path, status: 'failed', message: r.readError.message };
    const path = r.raw.path;
    if (r.skipped) return { path, status: 'unchanged' };
    if (r.error !== undefined) return { path, status: 'failed', message: r.error };
    try {
      // Nested in the batch transaction this is a savepoint: a throw undoes this document only.
      const out = store.transaction(() => engine.commit(r.processed));
      return { path, status: out.status, id: out.documentId, warning: out.warning };
    } catch (e) {
      return { path, status: 'failed', message: (e as Error).message };
    }
  };
  const record = (o: Outcome): void => {
    if (o.status === 'failed') fail({ path: o.path, message: o.message ?? 'failed' });
    else if (o.status === 'unchanged') summary.documents.unchanged++;
    else {
      summary.documents.added++;
      if (o.status === 'duplicate') summary.documents.duplicates!++;
      summary.added!.push(o.id!);
      if (o.warning !== undefined) (summary.warnings ??= []).push({ path: o.path, message: o.warning });
    }
    done++;
    opts.onProgress?.({ done, added: summary.documents.added, failed: summary.documents.failed, path: o.path });
  };
  const flush = (buf: OrderedItem[]): void => {
    if (buf.length === 0) return;
    let outcomes: Outcome[];
    try {
      // One transaction for the batch, a savepoint per document: a failing document rolls back
      // alone, and the commit cost (WAL frames for every touched index page) is paid once.
      outcomes = store.transaction(() => buf.map(commitOne));
    } catch {
      // The batch itself could not commit (e.g. disk full): everything was rolled back, so
      // retry document by document, each in its own transaction, to report precise failures.
      outcomes = buf.map(commitOne);
    }
    outcomes.forEach(record);
  };
  let buf: OrderedItem[] = [];
  for await (const r of items) {
    // Let signal handlers run (Ctrl-C sets `signal`): reading may never wait on I/O.
    await yieldToEventLoop();
    if (opts.signal?.aborted) break;
    buf.push(r);
    if (buf.length >= commitBatch) {
      flush(buf);
      buf = [];
      if (fixedBatch === null) commitBatch = nextCommitBatch(commitBatch);
    }
  }
  flush(buf);
  const after = store.counts();
  summary.claims = after.claims - before.claims;
  summary.entities = after.entities - before.entities;
  summary.seconds = Math.round(performance.now() - t0) / 1000;
  return summary;
}
