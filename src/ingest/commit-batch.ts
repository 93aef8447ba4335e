/**
 * @module Pacing of the ingest loops: how many documents are committed per SQLite transaction
 * (each in its own savepoint), and yielding to the event loop between articles.
 * Every commit writes each index page its documents touched to the WAL, so bigger batches cost
 * less per document (on 10k generated articles, 256 per transaction took ~7% less commit CPU than
 * 64, after the full-text index stopped writing a segment per document). The first batch stays
 * small, so an ingest's first documents become visible (to readers, and to an interrupted run)
 * soon; each following batch doubles, up to {@link MAX_COMMIT_BATCH}. A crash loses at most the
 * open batch, which the next run adds again (ingest is idempotent by content hash).
 */

/** Documents in the first transaction of an ingest. */
export const FIRST_COMMIT_BATCH = 64;
/** Most documents in one transaction. */
export const MAX_COMMIT_BATCH = 256;

/** Size of the batch after one of `size` documents: double, up to {@link MAX_COMMIT_BATCH}. */
export function nextCommitBatch(size: number): number {
  return Math.min(MAX_COMMIT_BATCH, Math.max(size, size * 2));
}

/**
 * Resolves on the next turn of the event loop. Ingest loops await it before each item: files are
 * read synchronously and processed on this thread, so without it a SIGINT handler (which aborts
 * the ingest) would only run once everything is done. Costs microseconds per article.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
