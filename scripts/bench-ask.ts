/**
 * @module `npm run bench:ask`-style benchmark (run: `node --import tsx scripts/bench-ask.ts
 * [--count 10000] [--seed 1] [--db FILE] [--queries 400]`): p50/p95 latency of `ask` per question
 * kind on a knowledge base of generated articles (src/bench, the same world as the corpus, so the
 * questions name real entities). The knowledge base is built once through the engine (real
 * pipeline) and reused when `--db` points at an existing file. A benchmark, not a timed test.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine/engine.js';
import { writeCorpus } from '../src/bench/corpus.js';
import { createGenerator } from '../src/bench/generate.js';
import { percentile } from '../src/bench/measure.js';
import { hash32, Rng } from '../src/bench/random.js';
import type { Production } from '../src/bench/world.js';

/** Questions run before timing (JIT warm-up, SQLite page cache). */
const WARMUP = 30;
/** Productions in the news for the first N articles (the generator's 20 + N / 6). */
const productionsFor = (count: number): number => 20 + Math.floor(count / 6);

/** One question form per kind, built from a production of the generated world. */
const KINDS: Record<string, (p: Production) => string> = {
  'who-plays': (p) => `Who plays ${p.cast[0].character} in ${p.title}?`,
  cast: (p) => `Who's in ${p.title}?`,
  director: (p) => `Who directed ${p.title}?`,
  date: (p) => `When did ${p.title} premiere?`,
  'based-on': (p) => `What is ${p.title} based on?`,
  performer: (p) => (p.songs[0] ? `Who sang ${p.songs[0].title}?` : `Who directed ${p.title}?`),
  songs: (p) => `What songs are in ${p.title}?`,
  'other-works': (p) => `What else has ${p.cast[0].person.name} been in?`,
  metric: (p) => `How many views did ${p.title} get?`,
  status: (p) => `Is there a sequel to ${p.title}?`,
  quote: (p) => `What did ${p.director.name} say about ${p.title}?`,
  'yes-no': (p) => `Does ${p.cast[0].character} sing in ${p.title}?`,
  'yes-no-role': (p) => `Was ${p.cast[0].person.name} a producer of ${p.title}?`,
  unknown: () => 'Who directed Zebulon Quaternary Nightfall?',
  retrieval: (p) => `Where was ${p.title} filmed?`,
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' }, db: { type: 'string' }, queries: { type: 'string', default: '450' } },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  const work = mkdtempSync(join(tmpdir(), 'marquee-bench-ask-'));
  const db = values.db ?? join(work, 'kb.db');
  try {
    const engine = createEngine({ db });
    if (!existsSync(db) || engine.health().documents < count) {
      const corpus = join(work, 'corpus');
      writeCorpus({ count, seed, out: corpus, format: 'jsonl' });
      const t0 = performance.now();
      let last = 0;
      await engine.ingest([corpus], {
        onProgress: (p) => {
          if (p.done - last >= 500) {
            last = p.done;
            process.stderr.write(`\ringested ${p.done}/${count}`);
          }
        },
      });
      process.stderr.write(`\ringest ${count} articles: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    }
    const health = engine.health();
    const world = createGenerator(seed).world;
    const rng = new Rng(hash32(seed, 'bench-ask'));
    const prods = productionsFor(count);
    const kinds = Object.keys(KINDS);
    const n = Number(values.queries);
    const questions: { kind: string; q: string }[] = [];
    for (let i = 0; i < n + WARMUP; i++) {
      const kind = kinds[i % kinds.length];
      questions.push({ kind, q: KINDS[kind](world.production(rng.int(0, prods - 1))) });
    }
    const times: Record<string, number[]> = {};
    const answered: Record<string, number> = {};
    const all: number[] = [];
    questions.forEach(({ kind, q }, i) => {
      const t0 = performance.now();
      const r = engine.ask(q);
      const ms = performance.now() - t0;
      if (i < WARMUP) return;
      (times[kind] ??= []).push(ms);
      all.push(ms);
      if (r.answer !== null && r.verdict !== 'no-evidence') answered[kind] = (answered[kind] ?? 0) + 1;
    });
    engine.close();
    const r2 = (x: number) => Math.round(x * 100) / 100;
    const row = (xs: number[]) => ({ n: xs.length, p50: r2(percentile(xs, 50)), p95: r2(percentile(xs, 95)), max: r2(Math.max(...xs)) });
    const out = {
      knowledgeBase: { documents: health.documents, entities: health.entities, claims: health.claims },
      overall: row(all),
      byKind: Object.fromEntries(kinds.map((k) => [k, { ...row(times[k] ?? [0]), answered: `${answered[k] ?? 0}/${times[k]?.length ?? 0}` }])),
    };
    console.log(JSON.stringify(out, null, 2));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
