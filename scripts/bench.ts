/**
 * @module `npm run bench -- [--sizes 1000,10000] [--workers N] [--seed S] [--queries Q] [--no-bbc]`
 *
 * For each size: generate the corpus (cached under bench-data/), measure the bare wink-nlp
 * ceiling on the same texts, then ingest end to end (read → clean → NLP → claims → resolve →
 * store) single-threaded and with N worker threads, each in its own child process (for a clean
 * peak RSS), then query latency, then incremental ingest of 1,000 more articles into the largest
 * knowledge base. Also ingests ../shared/corpus/bbc-entertainment. Prints markdown tables and the
 * machine details, and writes the raw figures to bench-data/results/.
 */
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { existingCorpus, writeCorpus, type CorpusFormat, type CorpusManifest } from '../src/bench/corpus.js';
import { countWords, createGenerator } from '../src/bench/generate.js';
import { fmt, machineInfo, markdownTable, mb, percentile, winkCeiling, type CeilingResult } from '../src/bench/measure.js';
import type { IngestRun } from './bench-ingest.js';
import type { LatencyStats } from './bench-query.js';

const ROOT = resolve(import.meta.dirname, '..');
const DATA = join(ROOT, 'bench-data');
const BBC = resolve(ROOT, '..', 'shared', 'corpus', 'bbc-entertainment');
/** Articles whose text the wink ceiling is timed on (repeated to ≥ 3 s): a stable sample, quick to load. */
const CEILING_SAMPLE = 1000;
/** Size of the incremental batch added to the largest knowledge base. */
const INCREMENT = 1000;
/** Corpora above this size are written as JSONL shards. */
const TXT_MAX = 20_000;

interface SizeResult {
  label: string;
  articles: number;
  words: number;
  ceiling: CeilingResult;
  single: IngestRun;
  parallel: IngestRun | null;
  queries: Record<string, LatencyStats> | null;
  incremental: IngestRun | null;
}

function child<T>(script: string, args: string[], extraNode: string[] = []): T {
  const r = spawnSync(process.execPath, [...extraNode, '--import', 'tsx', join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 2 ** 20,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} failed with code ${r.status}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

function corpus(seed: number, count: number, start = 0): { dir: string; manifest: CorpusManifest } {
  const format: CorpusFormat = count > TXT_MAX ? 'jsonl' : 'txt';
  const dir = join(DATA, 'corpus', `seed${seed}-${start ? `from${start}-` : ''}${count}-${format}`);
  const have = existingCorpus(dir, count, seed, format, start);
  if (have) return { dir, manifest: have };
  rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`generating ${count} articles (seed ${seed}) into ${dir}\n`);
  return { dir, manifest: writeCorpus({ count, seed, start, out: dir, format }) };
}

/** Inputs per timing block: 1,000 (the unit reported), smaller for small corpora so growth is visible. */
function blockSize(articles: number): number {
  return articles >= 5000 ? 1000 : Math.max(50, Math.round(articles / 8 / 50) * 50);
}

function freshDb(name: string): string {
  const dir = join(DATA, 'db');
  mkdirSync(dir, { recursive: true });
  const db = join(dir, `${name}.db`);
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  return db;
}

function bbcTexts(): { texts: string[]; words: number } {
  const texts = readdirSync(BBC).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(BBC, f), 'utf8'));
  return { texts, words: texts.reduce((s, t) => s + countWords(t), 0) };
}

function measureSize(label: string, paths: string[], articles: number, words: number, ceiling: CeilingResult, workers: number, query: { seed: number; count: number; n: number } | null, increment: string | null, skipSingle = false): SizeResult {
  process.stderr.write(`\n== ${label}: ${fmt(articles)} articles, ${fmt(words)} words\n`);
  const every = String(blockSize(articles));
  let single: IngestRun | null = null;
  let dbQuery = '';
  if (!skipSingle) {
    dbQuery = freshDb(`${label}-single`);
    single = child<IngestRun>('bench-ingest.ts', ['--db', dbQuery, '--workers', '0', '--every', every, ...paths]);
    process.stderr.write(`  single: ${single.seconds.toFixed(1)} s\n`);
  }
  let parallel: IngestRun | null = null;
  if (workers > 0) {
    const dbPar = freshDb(`${label}-w${workers}`);
    parallel = child<IngestRun>('bench-ingest.ts', ['--db', dbPar, '--workers', String(workers), '--every', every, ...paths]);
    process.stderr.write(`  ${workers} workers: ${parallel.seconds.toFixed(1)} s\n`);
    if (single) rmSync(dbPar, { force: true });
    else dbQuery = dbPar;
  }
  const dbSingle = dbQuery;
  const queries = query ? child<Record<string, LatencyStats>>('bench-query.ts', ['--db', dbSingle, '--seed', String(query.seed), '--count', String(query.count), '--queries', String(query.n)]) : null;
  const incremental = increment ? child<IngestRun>('bench-ingest.ts', ['--db', dbSingle, '--workers', String(single ? 0 : workers), '--every', '250', increment]) : null;
  return { label, articles, words, ceiling, single: single ?? parallel!, parallel: single ? parallel : null, queries, incremental };
}

function report(results: SizeResult[], workers: number): string {
  const m = machineInfo();
  const out: string[] = [];
  out.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, ${m.os}`);
  out.push('');
  out.push('### Ingest throughput (end to end: read → clean → NLP → claims → resolve → store)');
  out.push('');
  const rows: (string | number)[][] = [];
  for (const r of results) {
    for (const run of [r.single, r.parallel]) {
      if (!run) continue;
      const wps = r.words / run.seconds;
      const wpcpu = r.words / run.cpuSeconds;
      rows.push([
        r.label,
        run.workers ? `${run.workers} workers` : '1 thread',
        fmt(run.items),
        run.seconds.toFixed(1),
        fmt(run.items / run.seconds, 1),
        fmt(wps),
        run.cpuSeconds.toFixed(1),
        fmt(run.items / run.cpuSeconds, 1),
        fmt(wpcpu),
        `${fmt((wpcpu / r.ceiling.tokenizeWordsPerCpuSec) * 100, 1)}%`,
        `${fmt((wpcpu / r.ceiling.fullWordsPerCpuSec) * 100, 1)}%`,
        mb(run.peakRssBytes),
        run.workers ? '' : `${fmt(run.dbBytes / 1024 / Math.max(1, run.added), 1)} KB`,
        run.failed,
      ]);
    }
  }
  out.push(markdownTable(['corpus', 'mode', 'articles', 'wall s', 'articles/s (wall)', 'words/s (wall)', 'CPU s', 'articles/CPU-s', 'words/CPU-s', 'vs wink tokenise (CPU)', 'vs wink full pipeline (CPU)', 'peak RSS', 'DB per article', 'failed'], rows));
  out.push('');
  out.push('Wall-clock rates depend on what else runs on the machine; per-CPU-second rates (user + system time of the ingest process, worker threads included) and the ceiling measured the same way are the comparable figures. For the worker runs, wall-clock speed-up over 1 thread and CPU overhead:');
  out.push('');
  out.push(markdownTable(['corpus', 'speed-up (wall)', 'CPU cost vs 1 thread'], results.filter((r) => r.parallel).map((r) => [r.label, `${(r.single.seconds / r.parallel!.seconds).toFixed(2)}x`, `${((r.parallel!.cpuSeconds / r.single.cpuSeconds) * 100).toFixed(0)}%`])));
  out.push('');
  out.push('### Ceiling: bare wink-nlp on the same texts, one thread');
  out.push('');
  out.push(markdownTable(['corpus', 'tokenise only (words/s wall)', 'tokenise only (words/CPU-s)', 'default pipeline (words/s wall)', 'default pipeline (words/CPU-s)'], results.map((r) => [r.label, fmt(r.ceiling.tokenizeWordsPerSec), fmt(r.ceiling.tokenizeWordsPerCpuSec), fmt(r.ceiling.fullWordsPerSec), fmt(r.ceiling.fullWordsPerCpuSec)])));
  out.push('');
  out.push('### Ingest time per 1,000 articles as the database grows (single thread, wall seconds per 1,000, at the article count reached)');
  out.push('');
  for (const r of results) {
    const b = r.single.blockMs;
    const c = r.single.blockCpuMs;
    if (b.length < 2) continue;
    const step = Math.max(1, Math.floor(b.length / 10));
    const per1k = 1000 / r.single.every;
    const shown = b.map((_, i) => i).filter((i) => i % step === 0 || i === b.length - 1);
    const cell = (xs: number[], i: number): string => ((xs[i] * per1k) / 1000).toFixed(1);
    out.push(`- ${r.label}, wall: ${shown.map((i) => `${fmt((i + 1) * r.single.every)}: ${cell(b, i)}`).join(', ')}`);
    out.push(`- ${r.label}, CPU: ${shown.map((i) => `${fmt((i + 1) * r.single.every)}: ${cell(c, i)}`).join(', ')} (CPU last/first block ${(c[c.length - 1] / c[0]).toFixed(2)}, last/median ${(c[c.length - 1] / percentile(c, 50)).toFixed(2)})`);
  }
  out.push('');
  const q = results.filter((r) => r.queries);
  if (q.length) {
    out.push('### Query latency (ms, warm, single thread)');
    out.push('');
    const qrows: (string | number)[][] = [];
    for (const r of q) {
      for (const [name, s] of Object.entries(r.queries!)) {
        if (typeof s !== 'object') continue;
        qrows.push([r.label, name, s.n, s.p50, s.p95, s.p99, s.answered === undefined ? '' : `${Math.round(s.answered * 100)}%`]);
      }
    }
    out.push(markdownTable(['corpus', 'query', 'n', 'p50', 'p95', 'p99', 'answered'], qrows));
    out.push('');
  }
  const inc = results.find((r) => r.incremental);
  if (inc && inc.incremental) {
    const per1k = 1000 / inc.single.every;
    const cpuBlocks = inc.single.blockCpuMs.map((x) => (x * per1k) / 1000);
    const first = cpuBlocks[0];
    const mean = cpuBlocks.reduce((a, b) => a + b, 0) / cpuBlocks.length;
    out.push('### Incremental ingest');
    out.push('');
    out.push(`Adding ${fmt(inc.incremental.items)} new articles to the ${inc.label} knowledge base: ${inc.incremental.seconds.toFixed(1)} s wall, ${inc.incremental.cpuSeconds.toFixed(1)} CPU s (process start and model loading included). While building it, the first 1,000 articles took ${first.toFixed(1)} CPU s and the mean 1,000 ${mean.toFixed(1)} CPU s.`);
    out.push('');
  }
  out.push(`Workers: ${workers}. Peak RSS is the whole process (worker threads share it), max of 100 ms samples and the kernel's high-water mark.`);
  return out.join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000' },
      workers: { type: 'string', default: String(availableParallelism()) },
      seed: { type: 'string', default: '1' },
      queries: { type: 'string', default: '200' },
      'no-bbc': { type: 'boolean', default: false },
      'no-incremental': { type: 'boolean', default: false },
      'skip-single': { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.replace(/k$/i, '000'))).filter((n) => n > 0);
  const workers = Number(values.workers);
  const seed = Number(values.seed);
  mkdirSync(join(DATA, 'results'), { recursive: true });
  const results: SizeResult[] = [];
  if (!values['no-bbc']) {
    const { texts, words } = bbcTexts();
    const ceiling = winkCeiling(texts);
    results.push(measureSize('bbc-386', [BBC], texts.length, words, ceiling, workers, null, null));
  }
  const largest = Math.max(...sizes);
  for (const n of sizes) {
    const { dir, manifest } = corpus(seed, n);
    const gen = createGenerator(seed);
    const sample = Array.from({ length: Math.min(n, CEILING_SAMPLE) }, (_, i) => {
      const a = gen.article(i);
      return `${a.title}\n\n${a.body}`;
    });
    const ceiling = winkCeiling(sample);
    const inc = n === largest && !values['no-incremental'] ? corpus(seed, INCREMENT, n).dir : null;
    results.push(measureSize(`gen-${n >= 1000 ? `${n / 1000}k` : n}`, [dir], manifest.count, manifest.words, ceiling, workers, { seed, count: n, n: Number(values.queries) }, inc, values['skip-single']));
  }
  const md = report(results, workers);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(join(DATA, 'results', `bench-${stamp}.json`), JSON.stringify({ machine: machineInfo(), argv: process.argv.slice(2), results }, null, 2));
  writeFileSync(join(DATA, 'results', `bench-${stamp}.md`), md + '\n');
  process.stdout.write(`\n${md}\n`);
}

main();
