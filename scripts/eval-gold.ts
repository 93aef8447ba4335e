/**
 * Score extraction against tests/gold/claims.json over the seeds; with --speed, also measure
 * processing throughput (words per CPU-second: cleaning, extraction, MinHash) against wink-nlp's
 * bare tokenisation and its default pipeline on the BBC corpus in the same run.
 * Usage: npm run eval:gold [-- --json] [-- --speed] [-- --verbose]
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { cleanArticle } from '../src/clean/index.js';
import { lshBands, minhashSignature } from '../src/dedup/minhash.js';
import { Document } from '../src/doc/document.js';
import { processArticle } from '../src/engine/process.js';
import { readPaths } from '../src/read/index.js';
import type { RawArticle } from '../src/read/types.js';
import { scoreGold } from '../src/extract/eval/gold.js';
import { createExtractionPipeline } from '../src/extract/index.js';
import { getWink } from '../src/nlp/wink.js';

const args = new Set(process.argv.slice(2));
const SEEDS = '../shared/corpus/seeds';
const BBC = '../shared/corpus/bbc-entertainment';

const report = scoreGold('tests/gold/claims.json', SEEDS);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

let speed: Record<string, number> | undefined;
if (args.has('--speed')) speed = await measureSpeed();

/**
 * Processing throughput on the BBC corpus, all in CPU time (process.cpuUsage) so that a shared
 * machine's waits do not count: processArticle one by one (clean + extraction + MinHash), the
 * same work in stage-major batches of 64 (Pipeline.runBatch), and per stage (each stage over all
 * documents in turn); against wink-nlp bare tokenisation (`winkNLP(model, [])`, the issue's
 * ceiling) and wink's default pipeline, measured in the same rounds. Best of three rounds each.
 */
async function measureSpeed(): Promise<Record<string, number>> {
  const raws: RawArticle[] = [];
  for await (const it of readPaths([BBC])) if ('article' in it) raws.push(it.article);
  const texts = raws.map((r) => cleanArticle(r).text);
  const words = texts.reduce((n, t) => n + (t.match(/\S+/g) ?? []).length, 0);
  const bare = winkNLP(model, []);
  const full = getWink();
  const pipeline = createExtractionPipeline();
  const cpuMs = (since: NodeJS.CpuUsage): number => {
    const d = process.cpuUsage(since);
    return (d.user + d.system) / 1000;
  };
  const best: Record<string, number> = {};
  const keep = (k: string, v: number) => { best[k] = Math.min(best[k] ?? Infinity, v); };
  let claims = 0;
  // round 0 warms up (model loading, JIT) and is not kept
  for (let round = 0; round <= 3; round++) {
    const m: Record<string, number> = {};
    let c = process.cpuUsage();
    for (const t of texts) bare.readDoc(t).tokens().out();
    m.bare = cpuMs(c);
    c = process.cpuUsage();
    for (const t of texts) full.readDoc(t).tokens().out();
    m.winkDefault = cpuMs(c);
    c = process.cpuUsage();
    claims = 0;
    for (const r of raws) claims += processArticle(r).layers.claims?.length ?? 0;
    m.process = cpuMs(c);
    c = process.cpuUsage();
    for (let i = 0; i < raws.length; i += 64) {
      const batch = raws.slice(i, i + 64);
      const docs = batch.map((r) => {
        const { text, meta } = cleanArticle(r);
        return new Document(text, { ...meta, path: meta.path ?? r.path });
      });
      for (const d of pipeline.runBatch(docs)) if (d instanceof Document) lshBands(minhashSignature(d.text));
    }
    m.processBatch = cpuMs(c);
    // per stage: each stage over every document in turn (one CPU reading per stage)
    c = process.cpuUsage();
    const docs = raws.map((r) => {
      const { text, meta } = cleanArticle(r);
      return new Document(text, { ...meta, path: meta.path ?? r.path });
    });
    m['ms:clean'] = cpuMs(c);
    for (const stage of pipeline.stages) {
      c = process.cpuUsage();
      for (const d of docs) stage.run(d, {});
      m[`ms:${stage.name}`] = cpuMs(c);
    }
    c = process.cpuUsage();
    for (const d of docs) lshBands(minhashSignature(d.text));
    m['ms:minhash'] = cpuMs(c);
    if (round > 0) for (const [k, v] of Object.entries(m)) keep(k, v);
  }
  const wps = (ms: number) => Math.round(words / (ms / 1000));
  return {
    documents: raws.length,
    words,
    claims,
    bareWordsPerSecond: wps(best.bare),
    winkDefaultWordsPerSecond: wps(best.winkDefault),
    pipelineWordsPerSecond: wps(best.process),
    batchWordsPerSecond: wps(best.processBatch),
    ratio: Number((best.bare / best.process).toFixed(3)),
    batchRatio: Number((best.bare / best.processBatch).toFixed(3)),
    ratioVsDefault: Number((best.winkDefault / best.process).toFixed(3)),
    ...Object.fromEntries(Object.entries(best).filter(([k]) => k.startsWith('ms:')).map(([k, v]) => [k, Math.round(v)])),
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
    console.log(`\nprocessing throughput on ${speed.documents} BBC articles (${speed.words} words), per CPU-second: processArticle ${speed.pipelineWordsPerSecond} words/s, in batches of 64 ${speed.batchWordsPerSecond} words/s; wink bare tokenisation ${speed.bareWordsPerSecond} words/s, wink default pipeline ${speed.winkDefaultWordsPerSecond} words/s`);
    console.log(`processing = ${pct(speed.ratio)} of bare tokenisation (batches: ${pct(speed.batchRatio)}), ${pct(speed.ratioVsDefault)} of wink's default pipeline`);
    console.log(`CPU ms per stage: ${Object.entries(speed).filter(([k]) => k.startsWith('ms:')).map(([k, v]) => `${k.slice(3)} ${v}`).join(', ')}`);
  }
}
