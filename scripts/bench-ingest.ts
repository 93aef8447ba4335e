/**
 * @module Child process of `npm run bench`: ingests paths into a database and prints one JSON
 * object with timings, per-1k-article times as the database grows, peak RSS and database size.
 * Run in its own process so that peak RSS belongs to this ingest only.
 *
 * `node --import tsx scripts/bench-ingest.ts --db FILE --workers N [--every 1000] <paths...>`
 * (`--workers 0` = `Engine.ingest`, the single-threaded path; N ≥ 1 = `ingestParallel`).
 */
import { parseArgs } from 'node:util';
import { existsSync, statSync } from 'node:fs';
import { createEngine } from '../src/engine/engine.js';
import { ingestParallel } from '../src/ingest/ingest.js';
import { RssSampler } from '../src/bench/measure.js';
import type { IngestOptions } from '../src/engine/types.js';

export interface IngestRun {
  workers: number;
  items: number;
  added: number;
  unchanged: number;
  failed: number;
  claims: number;
  entities: number;
  seconds: number;
  /** CPU seconds (user + system) of the whole process, worker threads included. */
  cpuSeconds: number;
  /** Milliseconds for each consecutive block of `every` inputs (flat = no growth with DB size). */
  blockMs: number[];
  /** CPU milliseconds (process-wide) for the same blocks: robust to other load on the machine. */
  blockCpuMs: number[];
  every: number;
  peakRssBytes: number;
  dbBytes: number;
  firstErrors: { path: string; message: string }[];
}

/** Database file plus its WAL and shared-memory files. */
export function dbBytes(db: string): number {
  return [db, `${db}-wal`, `${db}-shm`].reduce((s, f) => s + (existsSync(f) ? statSync(f).size : 0), 0);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { db: { type: 'string' }, workers: { type: 'string', default: '0' }, every: { type: 'string', default: '1000' } },
  });
  if (!values.db || positionals.length === 0) throw new Error('usage: bench-ingest --db FILE --workers N <paths...>');
  const workers = Number(values.workers);
  const every = Number(values.every);
  const rss = new RssSampler().start();
  const engine = createEngine({ db: values.db });
  const blockMs: number[] = [];
  const blockCpuMs: number[] = [];
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const onProgress: IngestOptions['onProgress'] = (p) => {
    if (p.done % 100 === 0) rss.sample();
    if (p.done % every === 0) {
      const now = performance.now();
      blockMs.push(Math.round(now - last));
      last = now;
      const cpu = process.cpuUsage(lastCpu);
      blockCpuMs.push(Math.round((cpu.user + cpu.system) / 1000));
      lastCpu = process.cpuUsage();
      // One line per block on stderr: partial figures survive a run stopped before the end.
      process.stderr.write(`  [block] ${workers ? `${workers} workers` : 'single'} done=${p.done} wallMs=${blockMs[blockMs.length - 1]} cpuMs=${blockCpuMs[blockCpuMs.length - 1]} rssMb=${Math.round(rss.sample() / 2 ** 20)}\n`);
    }
  };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const s = workers > 0 ? await ingestParallel(engine, positionals, { workers, onProgress }) : await engine.ingest(positionals, { onProgress });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  engine.close();
  const run: IngestRun = {
    workers,
    items: s.documents.added + s.documents.unchanged + s.documents.failed,
    added: s.documents.added,
    unchanged: s.documents.unchanged,
    failed: s.documents.failed,
    claims: s.claims,
    entities: s.entities,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    blockMs,
    blockCpuMs,
    every,
    peakRssBytes: rss.stop(),
    dbBytes: dbBytes(values.db),
    firstErrors: s.errors.slice(0, 5),
  };
  process.stdout.write(JSON.stringify(run) + '\n');
}

await main();
