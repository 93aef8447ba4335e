/**
 * @module Parallel ingest gives exactly the single-threaded results: the same processed
 * articles in the same order, and the same knowledge base (documents, entities, claims).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPaths } from '../read/index.js';
import type { RawArticle } from '../read/types.js';
import { createEngine, type Engine } from '../engine/engine.js';
import { writeCorpus } from '../bench/corpus.js';
import { processInWorkers, type ProcessedOrError } from './parallel.js';
import { ingestParallel } from './ingest.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples', 'articles');
/** Enough articles for several batches per worker, small enough to keep the test quick. */
const GENERATED = 60;

async function* articles(paths: string[]): AsyncGenerator<RawArticle> {
  for await (const item of readPaths(paths)) if ('article' in item) yield item.article;
}

async function collect(paths: string[], workers: number, batchSize?: number): Promise<ProcessedOrError[]> {
  const out: ProcessedOrError[] = [];
  for await (const r of processInWorkers(articles(paths), { workers, batchSize })) out.push(r);
  return out;
}

/** Everything in a knowledge base that must not depend on how it was built. */
function snapshot(e: Engine): unknown {
  const claims = e.facts({}).map((c) => JSON.stringify(c)).sort();
  return { counts: e.store.counts(), claims };
}

test('processInWorkers: same results, same order, single-threaded vs 2 workers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'par-'));
  try {
    writeCorpus({ count: GENERATED, seed: 99, out: join(dir, 'gen'), format: 'jsonl', shardSize: 25 });
    const paths = [EXAMPLES, join(dir, 'gen')];
    const single = await collect(paths, 0);
    const parallel = await collect(paths, 2, 3); // small batches: many interleavings
    assert.ok(single.length >= GENERATED + 11); // examples/articles: 11 articles
    assert.deepEqual(parallel.map((r) => r.raw.path), single.map((r) => r.raw.path));
    assert.deepEqual(parallel, single);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ingestParallel builds the same knowledge base as Engine.ingest', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'par-'));
  try {
    writeCorpus({ count: GENERATED, seed: 5, out: join(dir, 'gen'), format: 'txt' });
    const paths = [EXAMPLES, join(dir, 'gen')];
    const a = createEngine({ db: join(dir, 'a.db') });
    const b = createEngine({ db: join(dir, 'b.db') });
    try {
      const sa = await a.ingest(paths);
      const sb = await ingestParallel(b, paths, { workers: 2, batchSize: 4, commitBatch: 7 });
      assert.deepEqual({ ...sb, seconds: 0 }, { ...sa, seconds: 0 });
      assert.ok(sa.documents.added > GENERATED / 2);
      assert.deepEqual(snapshot(b), snapshot(a));
      // Re-ingesting through workers adds nothing.
      const again = await ingestParallel(b, paths, { workers: 2 });
      assert.equal(again.documents.added, 0);
    } finally {
      a.close();
      b.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a document failing inside a commit batch rolls back alone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'par-'));
  try {
    writeCorpus({ count: 20, seed: 12, out: join(dir, 'gen'), format: 'txt' });
    const e = createEngine({ db: join(dir, 'c.db') });
    try {
      const commit = e.commit.bind(e);
      // Writes the document, then fails: its savepoint must be rolled back, the batch kept.
      e.commit = (p) => {
        const out = commit(p);
        if (p.path.endsWith('0000003.txt')) throw new Error('injected failure');
        return out;
      };
      const s = await ingestParallel(e, [join(dir, 'gen')], { workers: 0, commitBatch: 8 });
      assert.equal(s.documents.failed, 1);
      assert.match(s.errors[0].message, /injected failure/);
      assert.equal(e.store.counts().documents, s.documents.added);
      assert.equal(s.documents.added + s.documents.unchanged, 19);
    } finally {
      e.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
