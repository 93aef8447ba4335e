/**
 * @module Parallel ingest: the CPU-heavy per-article work (clean + NLP + extraction) runs in
 * worker threads, while the main thread keeps reading, and commits results (near-duplicate
 * check, resolution, store writes) single-threaded in input order. Output is identical to the
 * single-threaded path because commits happen in the same order on the same data.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { processArticle, rawArticleHash, type ProcessedArticle } from '../engine/process.js';
import type { RawArticle, ReadItem } from '../read/types.js';
import type { BatchRequest, BatchResponse, ReadyMessage, WorkerResult } from './protocol.js';
import { bundledModule } from './bundle.js';
import { dropLayers, TRANSIENT_LAYERS } from './layers.js';

/** One input's outcome, yielded in input order. */
export type ProcessedOrError =
  | { raw: RawArticle; rawHash: string; processed: ProcessedArticle; error?: undefined; skipped?: false }
  | { raw: RawArticle; rawHash: string; processed?: undefined; error: string; skipped?: false }
  /** `skip(rawHash)` said the article is already known: no work was done. */
  | { raw: RawArticle; rawHash: string; processed?: undefined; error?: undefined; skipped: true };

/** A read error passed through in order, or an article's outcome. */
export type OrderedItem = { readError: { path: string; message: string } } | ProcessedOrError;

export interface ParallelOptions {
  /** Worker threads; 0 processes on the calling thread (same code path, for tests and baselines). */
  workers: number;
  /** Articles sent to a worker per message: amortises messaging without hurting ordering latency. */
  batchSize?: number;
  /** Batches in flight per worker: keeps workers busy while bounding memory. */
  inflightPerWorker?: number;
  /** Return true to skip an article already known (e.g. `store.hasRawHash`); checked on the main thread. */
  skip?: (rawHash: string, raw: RawArticle) => boolean;
  /** Layers left out of results. Default {@link TRANSIENT_LAYERS} (never read by a commit); `[]` keeps all. */
  dropLayers?: readonly string[];
}

/** 16 articles (~5k words) per message: messaging cost is well under 1% of the work. */
export const DEFAULT_BATCH_SIZE = 16;
/** Two batches queued per worker: one running, one waiting, so a worker never idles on the main thread. */
export const DEFAULT_INFLIGHT_PER_WORKER = 2;

/** Worker threads worth starting on this machine for ingest: one per core, main thread included. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Process raw articles on worker threads and yield the results in input order.
 *
 * @param items - raw articles (e.g. from `readPaths`, errors filtered out)
 * @param opts - `workers` (0 = on this thread), batch size, in-flight bound, skip predicate
 * @returns an async generator of results in the same order as `items`
 * @example for await (const r of processInWorkers(articles, { workers: 2 })) if (r.processed) engine.commit(r.processed);
 */
export async function* processInWorkers(items: AsyncIterable<RawArticle>, opts: ParallelOptions): AsyncGenerator<ProcessedOrError> {
  async function* wrap(): AsyncGenerator<ReadItem> {
    for await (const article of items) yield { article };
  }
  for await (const r of processOrdered(wrap(), opts)) if (!('readError' in r)) yield r;
}

/**
 * Like {@link processInWorkers} over `readPaths` items: read errors are passed through as
 * `{ readError }` at their place in the order.
 */
export async function* processOrdered(items: AsyncIterable<ReadItem>, opts: ParallelOptions): AsyncGenerator<OrderedItem> {
  const drop = [...(opts.dropLayers ?? TRANSIENT_LAYERS)];
  if (opts.workers <= 0) {
    for await (const item of items) {
      if ('error' in item) {
        yield { readError: item.error };
        continue;
      }
      const raw = item.article;
      const rawHash = rawArticleHash(raw);
      if (opts.skip?.(rawHash, raw)) {
        yield { raw, rawHash, skipped: true };
        continue;
      }
      try {
        yield { raw, rawHash, processed: dropLayers(processArticle(raw, rawHash), drop) };
      } catch (e) {
        yield { raw, rawHash, error: (e as Error).message ?? String(e) };
      }
    }
    return;
  }
  const pool = await WorkerPool.start(opts.workers);
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const capacity = opts.workers * (opts.inflightPerWorker ?? DEFAULT_INFLIGHT_PER_WORKER);
  /** Output slots in input order; `value` is set when the outcome is known. */
  const queue: { value?: OrderedItem }[] = [];
  const inflight = new Set<Promise<void>>();
  let batch: { slot: { value?: OrderedItem }; raw: RawArticle; rawHash: string }[] = [];
  let failure: unknown = null;

  const dispatch = (): void => {
    if (batch.length === 0) return;
    const mine = batch;
    batch = [];
    const p = pool
      .run(mine.map(({ raw, rawHash }) => ({ raw, rawHash })), drop)
      .then((results) => {
        results.forEach((res, i) => {
          const { raw, rawHash, slot } = mine[i];
          slot.value = res.processed ? { raw, rawHash, processed: res.processed } : { raw, rawHash, error: res.error ?? 'unknown worker error' };
        });
      })
      .catch((e) => {
        failure ??= e;
      })
      .finally(() => inflight.delete(p));
    inflight.add(p);
  };

  try {
    for await (const item of items) {
      if ('error' in item) {
        queue.push({ value: { readError: item.error } });
      } else {
        const raw = item.article;
        const rawHash = rawArticleHash(raw);
        if (opts.skip?.(rawHash, raw)) queue.push({ value: { raw, rawHash, skipped: true } });
        else {
          const slot: { value?: OrderedItem } = {};
          queue.push(slot);
          batch.push({ slot, raw, rawHash });
          if (batch.length >= batchSize) {
            while (inflight.size >= capacity) await Promise.race(inflight);
            dispatch();
          }
        }
      }
      if (failure) throw failure;
      while (queue.length > 0 && queue[0].value) yield queue.shift()!.value!;
    }
    dispatch();
    while (queue.length > 0) {
      if (!queue[0].value) {
        if (inflight.size === 0) throw failure ?? new Error('parallel ingest lost a batch');
        await Promise.race(inflight);
        if (failure) throw failure;
        continue;
      }
      yield queue.shift()!.value!;
    }
  } finally {
    await pool.close();
  }
}

/** A started worker and its batches awaiting a reply. */
interface PoolWorker {
  worker: Worker;
  pending: Map<number, { resolve: (r: WorkerResult[]) => void; reject: (e: unknown) => void }>;
}

/** A fixed set of workers; each batch goes to the least-loaded one. */
class WorkerPool {
  private readonly workers: PoolWorker[] = [];
  private nextId = 0;

  /** Starts `n` workers at once and resolves when all of them are ready for batches. */
  static async start(n: number): Promise<WorkerPool> {
    const pool = new WorkerPool();
    const started = await Promise.allSettled(Array.from({ length: n }, () => startWorker()));
    for (const s of started) if (s.status === 'fulfilled') pool.add(s.value);
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed !== undefined) {
      await pool.close();
      throw failed.reason;
    }
    return pool;
  }

  private add(worker: Worker): void {
    const w: PoolWorker = { worker, pending: new Map() };
    const rejectAll = (e: unknown): void => {
      for (const p of w.pending.values()) p.reject(e);
      w.pending.clear();
    };
    w.worker.on('message', (m: BatchResponse) => {
      const p = w.pending.get(m.id);
      w.pending.delete(m.id);
      p?.resolve(m.results);
    });
    w.worker.on('error', rejectAll);
    w.worker.on('exit', (code) => {
      if (w.pending.size > 0) rejectAll(new Error(`ingest worker exited with code ${code} with ${w.pending.size} batches pending`));
    });
    this.workers.push(w);
  }

  run(items: BatchRequest['items'], dropLayers: string[]): Promise<WorkerResult[]> {
    const w = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise<WorkerResult[]>((resolve, reject) => {
      w.pending.set(id, { resolve, reject });
      const req: BatchRequest = { id, items, dropLayers };
      w.worker.postMessage(req);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/**
 * Start one worker running `worker.js` (compiled) or, from TypeScript sources, the cached bundle
 * of `worker.ts` (./bundle.ts: no tsx in the worker, half the start-up CPU). Without a bundle, or
 * if the bundled worker fails to start, the worker registers tsx itself and loads `worker.ts`
 * (loader hooks of the main thread do not reach workers on Node 20). Resolves once the worker
 * has loaded its modules and listens.
 */
async function startWorker(): Promise<Worker> {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return whenReady(new Worker(new URL('./worker.js', here)));
  const entry = new URL('./worker.ts', here);
  const bundle = await bundledModule(entry);
  if (bundle !== null) {
    try {
      return await whenReady(new Worker(bundle));
    } catch {
      // Fall through to tsx: same code, loaded the slow way.
    }
  }
  // The ESM build of tsx's API (createRequire would find the CommonJS one, which breaks in workers).
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return whenReady(new Worker(boot, { eval: true }));
}

/** `worker` once it posts {@link ReadyMessage}; rejects (and stops it) if it fails or exits first. */
function whenReady(worker: Worker): Promise<Worker> {
  return new Promise<Worker>((resolve, reject) => {
    const done = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (m: ReadyMessage): void => {
      if (m?.ready !== true) return;
      done();
      resolve(worker);
    };
    const onError = (e: unknown): void => {
      done();
      void worker.terminate();
      reject(e);
    };
    const onExit = (code: number): void => onError(new Error(`ingest worker exited with code ${code} while starting`));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
