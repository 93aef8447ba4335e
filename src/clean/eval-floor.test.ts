/**
 * @module CI floor for body extraction: runs the article-extraction-dev benchmark (93 pages) and
 * fails when the cascade falls below the figures we measured, or below Readability alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { BENCH_DIR, runExtractionBench } from './bench.js';

/** Measured F1 of the cascade (`npm run eval:read`), minus a small epsilon for platform noise. */
export const F1_FLOOR = 0.9812 - 0.004;
/** Measured precision, minus the same epsilon. */
export const PRECISION_FLOOR = 0.9690 - 0.004;

/**
 * The run takes ~7 s on an idle machine (both extractors); this generous cap only catches a hang
 * or a pathological slowdown, since `npm test` runs test files in parallel on a shared machine.
 */
const MAX_BENCH_MS = 180_000;

test('cascade F1 and precision stay at or above the measured floor', { skip: !existsSync(BENCH_DIR) && 'benchmark data not present' }, () => {
  const run = runExtractionBench(BENCH_DIR);
  assert.equal(run.pages.length, 93);
  assert.ok(run.ours.f1 >= F1_FLOOR, `F1 ${run.ours.f1.toFixed(4)} < floor ${F1_FLOOR}`);
  assert.ok(run.ours.precision >= PRECISION_FLOOR, `precision ${run.ours.precision.toFixed(4)} < floor ${PRECISION_FLOOR}`);
  assert.ok(run.ours.f1 > run.readability.f1, 'cascade no better than Readability alone');
  assert.ok(run.ms < MAX_BENCH_MS, `benchmark took ${run.ms} ms`);
});
