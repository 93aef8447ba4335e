/**
 * @module `npm run eval:read`: body-extraction quality on ../shared/bench/article-extraction-dev/
 * for our cascade and for Readability alone, with the benchmark's shingle metric. Prints a table
 * to stdout and writes nothing. `--pages` also lists the worst pages of our cascade.
 */
import { BENCH_DIR, runExtractionBench } from '../src/clean/bench.js';

const run = runExtractionBench(BENCH_DIR);
const f = (x: number) => x.toFixed(3);
console.log(`article-extraction-dev: ${run.pages.length} pages, ${(run.ms / 1000).toFixed(1)} s`);
console.log('extractor                 precision  recall  F1');
console.log(`marquee cascade           ${f(run.ours.precision)}      ${f(run.ours.recall)}   ${f(run.ours.f1)}`);
console.log(`readability (alone)       ${f(run.readability.precision)}      ${f(run.readability.recall)}   ${f(run.readability.f1)}`);
if (process.argv.includes('--pages')) {
  const rows = run.pages
    .map((p) => {
      const s = p.oursScore;
      const pr = s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : 0;
      const rc = s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : 0;
      const r = p.readabilityScore;
      const rpr = r.tp + r.fp > 0 ? r.tp / (r.tp + r.fp) : 0;
      const rrc = r.tp + r.fn > 0 ? r.tp / (r.tp + r.fn) : 0;
      return { id: p.id.slice(0, 10), pr, rc, rpr, rrc, url: p.url };
    })
    .sort((a, b) => a.pr + a.rc - (b.pr + b.rc));
  for (const r of rows.slice(0, 30)) console.log(`${r.id}  P ${f(r.pr)} R ${f(r.rc)}  | rd P ${f(r.rpr)} R ${f(r.rrc)}  ${r.url}`);
}
