/**
 * @module Worker-thread side of parallel ingest: receives batches of raw articles, runs the pure
 * per-article work (`processArticle`: clean + NLP + extraction + near-duplicate signature) and
 * posts back plain results in the same order. It never touches the store.
 */
import { parentPort } from 'node:worker_threads';
import { processArticle } from '../engine/process.js';
import type { BatchRequest, BatchResponse, ReadyMessage, WorkerResult } from './protocol.js';
import { dropLayers } from './layers.js';

if (!parentPort) throw new Error('src/ingest/worker.ts must run in a worker thread');
const port = parentPort;

port.on('message', (req: BatchRequest) => {
  const results: WorkerResult[] = req.items.map(({ raw, rawHash }) => {
    try {
      return { processed: dropLayers(processArticle(raw, rawHash), req.dropLayers) };
    } catch (e) {
      return { error: (e as Error).message ?? String(e) };
    }
  });
  const res: BatchResponse = { id: req.id, results };
  port.postMessage(res);
});

const ready: ReadyMessage = { ready: true };
port.postMessage(ready);
