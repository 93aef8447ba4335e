/**
 * @module `ingestParallel`: the same ingest as `Engine.ingest` (same summary, same database
 * content), with the per-article processing spread over worker threads and the commits kept on
 * the calling thread in input order.
 */
import { readPaths } from '../read/index.js';
import type { Engine } from '../engine/engine.js';
import type { IngestOptions, IngestSummary } from '../engine/types.js';
import type { ReadError } from '../read/types.js';
import { processOrdered, type ParallelOptions } from './parallel.js';

export interface ParallelIngestOptions extends IngestOptions {
  /** Worker threads (0 = process on this thread through the same code path). */
  workers: number;
  batchSize?: ParallelOptions['batchSize'];
}

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
  for await (const r of items) {
    if (opts.signal?.aborted) break;
    let path: string;
    if ('readError' in r) {
      fail(r.readError);
      path = r.readError.path;
    } else {
      path = r.raw.path;
      if (r.skipped) summary.documents.unchanged++;
      else if (r.error !== undefined) fail({ path, message: r.error });
      else {
        try {
          const out = engine.commit(r.processed);
          if (out.status === 'unchanged') summary.documents.unchanged++;
          else {
            summary.documents.added++;
            if (out.status === 'duplicate') summary.documents.duplicates!++;
            summary.added!.push(out.documentId);
          }
        } catch (e) {
          fail({ path, message: (e as Error).message });
        }
      }
    }
    done++;
    opts.onProgress?.({ done, added: summary.documents.added, failed: summary.documents.failed, path });
  }
  const after = store.counts();
  summary.claims = after.claims - before.claims;
  summary.entities = after.entities - before.entities;
  summary.seconds = Math.round(performance.now() - t0) / 1000;
  return summary;
}
