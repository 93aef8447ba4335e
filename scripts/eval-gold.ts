/**
 * Score extraction against tests/gold/claims.json over the seeds; with --speed, also measure
 * throughput (words/s) of the whole extraction pipeline against wink-nlp's bare tokenisation
 * on the BBC corpus in the same run.
 * Usage: npm run eval:gold [-- --json] [-- --speed] [-- --verbose]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Document } from '../src/doc/document.js';
import { scoreGold } from '../src/extract/eval/gold.js';
import { createExtractionPipeline } from '../src/extract/index.js';
import { getWink } from '../src/nlp/wink.js';

const args = new Set(process.argv.slice(2));
const SEEDS = '../shared/corpus/seeds';
const BBC = '../shared/corpus/bbc-entertainment';

const report = scoreGold('tests/gold/claims.json', SEEDS);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

let speed: Record<string, number> | undefined;
if (args.has('--speed')) {
  const files = readdirSync(BBC).filter((f) => f.endsWith('.txt')).sort();
  const texts = files.map((f) => readFileSync(join(BBC, f), 'utf8'));
  const words = texts.reduce((n, t) => n + (t.match(/\S+/g) ?? []).length, 0);
  const nlp = getWink();
  nlp.readDoc('warm up');
  const pipeline = createExtractionPipeline();
  pipeline.run(new Document(texts[0], { title: 'warm', source: null, url: null, date: null }));
  // the machine is shared: alternate the two measurements and keep each one's best of three rounds
  const ROUNDS = 3;
  let bareMs = Infinity;
  let fullMs = Infinity;
  let claims = 0;
  for (let r = 0; r < ROUNDS; r++) {
    let t0 = performance.now();
    for (const t of texts) nlp.readDoc(t).tokens().out();
    bareMs = Math.min(bareMs, performance.now() - t0);
    pipeline.timings.clear();
    claims = 0;
    t0 = performance.now();
    for (const t of texts) claims += pipeline.run(new Document(t, { title: '', source: null, url: null, date: null })).get('claims').length;
    fullMs = Math.min(fullMs, performance.now() - t0);
  }
  speed = {
    documents: texts.length,
    words,
    claims,
    bareWordsPerSecond: Math.round(words / (bareMs / 1000)),
    pipelineWordsPerSecond: Math.round(words / (fullMs / 1000)),
    ratio: Number((bareMs / fullMs).toFixed(3)),
    ...Object.fromEntries([...pipeline.timings.entries()].map(([k, v]) => [`ms:${k}`, Math.round(v)])),
  };
}

if (args.has('--json')) {
  console.log(JSON.stringify({ micro: report.micro, perPredicate: report.perPredicate, forbiddenHits: report.forbiddenHits.length, speed }, null, 2));
} else {
  console.log('predicate                 tp  fp  fn  precision  recall');
  for (const p of report.perPredicate) {
    console.log(`${p.predicate.padEnd(24)} ${String(p.tp).padStart(3)} ${String(p.fp).padStart(3)} ${String(p.fn).padStart(3)}  ${pct(p.precision).padStart(9)}  ${pct(p.recall).padStart(6)}`);
  }
  const m = report.micro;
  console.log(`\nmicro: precision ${pct(m.precision)}  recall ${pct(m.recall)}  F1 ${pct(m.f1)}  (tp ${m.tp}, fp ${m.fp}, missed ${m.fn})`);
  console.log(`forbidden claims found: ${report.forbiddenHits.length}`);
  if (args.has('--verbose')) {
    for (const f of report.falsePositives) console.log(`  FP ${f.file} ${f.claim}`);
    for (const f of report.misses) console.log(`  MISS ${f.file} ${JSON.stringify(f.claim)}`);
    for (const f of report.forbiddenHits) console.log(`  FORBIDDEN ${f.file} ${JSON.stringify(f.claim)}`);
  }
  if (speed) {
    console.log(`\nthroughput on ${speed.documents} BBC articles (${speed.words} words): pipeline ${speed.pipelineWordsPerSecond} words/s, wink bare tokenisation ${speed.bareWordsPerSecond} words/s (pipeline = ${pct(speed.ratio)} of bare)`);
    console.log(Object.entries(speed).filter(([k]) => k.startsWith('ms:')).map(([k, v]) => `${k.slice(3)} ${v} ms`).join(', '));
  }
}
