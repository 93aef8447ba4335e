/**
 * @module Messages between the ingest main thread and its workers (structured-clone safe data).
 */
import type { ProcessedArticle } from '../engine/process.js';
import type { RawArticle } from '../read/types.js';

/** A batch of articles for one worker; `rawHash` is computed once, on the main thread. */
export interface BatchRequest {
  id: number;
  items: { raw: RawArticle; rawHash: string }[];
  /** Layers left out of the results (never read when committing): less to copy between threads. */
  dropLayers: string[];
}

/** One article's outcome inside a worker: the processed article or the error message. */
export type WorkerResult = { processed: ProcessedArticle; error?: undefined } | { processed?: undefined; error: string };

export interface BatchResponse {
  id: number;
  results: WorkerResult[];
}

/** Posted once by a worker when its modules are loaded and it listens for batches. */
export interface ReadyMessage {
  ready: true;
}
