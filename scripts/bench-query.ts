/**
 * @module Child process of `npm run bench`: query latency (p50/p95/p99) for ask, search, entity
 * page and timeline over a knowledge base built from a generated corpus. Questions and names come
 * from the corpus's own world (same seed), so they hit real entities.
 *
 * `node --import tsx scripts/bench-query.ts --db FILE --seed S --count N [--queries 200]`
 */
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine/engine.js';
import { createGenerator } from '../src/bench/generate.js';
import { percentile } from '../src/bench/measure.js';
import { hash32, Rng } from '../src/bench/random.js';

export interface LatencyStats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  /** Share of ask calls with an answer (ask only): checks the benchmark measures real answers. */
  answered?: number;
}

/** Queries run before timing (JIT, SQLite page cache). */
const WARMUP = 20;
/** Productions in the news for the first N articles: matches the generator (20 + N / 6). */
const productionsFor = (count: number): number => 20 + Math.floor(count / 6);

function stats(ms: number[], answered?: number): LatencyStats {
  const r = (x: number): number => Math.round(x * 100) / 100;
  return { n: ms.length, p50: r(percentile(ms, 50)), p95: r(percentile(ms, 95)), p99: r(percentile(ms, 99)), mean: r(ms.reduce((a, b) => a + b, 0) / ms.length), answered };
}

function time<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const v = fn();
  return [performance.now() - t0, v];
}

function main(): void {
  const { values } = parseArgs({ options: { db: { type: 'string' }, seed: { type: 'string', default: '1' }, count: { type: 'string' }, queries: { type: 'string', default: '200' } } });
  if (!values.db || !values.count) throw new Error('usage: bench-query --db FILE --seed S --count N [--queries Q]');
  const seed = Number(values.seed);
  const n = Number(values.queries);
  const world = createGenerator(seed).world;
  const r = new Rng(hash32(seed, 'queries'));
  const prods = productionsFor(Number(values.count));
  const questions: string[] = [];
  const names: string[] = [];
  while (questions.length < n + WARMUP) {
    const p = world.production(r.int(0, prods - 1));
    const c = r.pick(p.cast);
    const forms = [
      `Who plays ${c.character} in ${p.title}?`,
      `Who directed ${p.title}?`,
      `When did ${p.title} premiere?`,
      `Who is in ${p.title}?`,
      p.novel ? `What is ${p.title} based on?` : `Who stars in ${p.title}?`,
      p.songs[0] ? `Who sang ${p.songs[0].title}?` : `Who directed ${p.title}?`,
    ];
    questions.push(r.pick(forms));
    names.push(r.chance(0.5) ? p.title : c.person.name);
  }
  const engine = createEngine({ db: values.db });
  const ask: number[] = [];
  let answered = 0;
  questions.forEach((q, i) => {
    const [ms, res] = time(() => engine.ask(q));
    if (i >= WARMUP) {
      ask.push(ms);
      if (res.answer) answered++;
    }
  });
  const search: number[] = [];
  names.forEach((q, i) => {
    const [ms] = time(() => engine.search(q, 10));
    if (i >= WARMUP) search.push(ms);
  });
  // Entity page and timeline take an id (as the HTTP API and web UI do); resolve names first, untimed.
  const ids = names.map((q) => engine.findEntity(q)[0]?.id).filter((x): x is string => !!x);
  const page: number[] = [];
  const timeline: number[] = [];
  ids.forEach((id, i) => {
    const [a] = time(() => engine.entityPage(id));
    const [b] = time(() => engine.timeline(id));
    if (i >= WARMUP) {
      page.push(a);
      timeline.push(b);
    }
  });
  engine.close();
  const out = {
    ask: stats(ask, Math.round((answered / ask.length) * 1000) / 1000),
    search: stats(search),
    entityPage: stats(page),
    timeline: stats(timeline),
    resolvedNames: ids.length / names.length,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

main();
