/**
 * @module Where single-threaded ingest time goes: CPU seconds in `processArticle` (clean + NLP +
 * extraction + MinHash, the part workers take) versus committing (near-duplicate check, resolution,
 * SQLite writes, the part that stays on the main thread), and committing one transaction per
 * document versus batches of 64 with a savepoint each.
 *
 * `node --import tsx scripts/bench-split.ts [--dir bench-data/corpus/seed1-1000-txt] [--batch 64]`
 */
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPaths } from '../src/read/index.js';
import { processArticle, type ProcessedArticle } from '../src/engine/process.js';
import { createEngine } from '../src/engine/engine.js';
import type { RawArticle } from '../src/read/types.js';

/** Articles processed untimed first (JIT, model loading). */
const WARMUP = 30;

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since);
  return Math.round((c.user + c.system) / 1e4) / 100;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dir: { type: 'string', default: 'bench-data/corpus/seed1-1000-txt' }, batch: { type: 'string', default: '64' } } });
  const raws: RawArticle[] = [];
  for await (const it of readPaths([values.dir])) if ('article' in it) raws.push(it.article);
  for (const r of raws.slice(0, WARMUP)) processArticle(r);
  let c = process.cpuUsage();
  const processed: ProcessedArticle[] = raws.map((r) => processArticle(r));
  const processCpu = cpuSeconds(c);
  const tmp = mkdtempSync(join(tmpdir(), 'bench-split-'));
  try {
    const one = createEngine({ db: join(tmp, 'one.db') });
    c = process.cpuUsage();
    for (const p of processed) one.commit(p);
    const commitCpu = cpuSeconds(c);
    one.close();
    const batch = Number(values.batch);
    const many = createEngine({ db: join(tmp, 'batched.db') });
    c = process.cpuUsage();
    for (let i = 0; i < processed.length; i += batch) {
      many.store.transaction(() => {
        for (const p of processed.slice(i, i + batch)) many.store.transaction(() => many.commit(p));
      });
    }
    const batchedCpu = cpuSeconds(c);
    many.close();
    const per1k = (s: number): number => Math.round((s / raws.length) * 1000 * 100) / 100;
    console.log(JSON.stringify({ articles: raws.length, processCpuPer1k: per1k(processCpu), commitCpuPer1k: per1k(commitCpu), batchedCommitCpuPer1k: per1k(batchedCpu), batch }));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
