/**
 * @module `scripts/gen-corpus.ts --count N --seed S --out DIR [--format txt|jsonl] [--shard-size N]`:
 * writes a reproducible synthetic entertainment-news corpus (see src/bench/generate.ts).
 */
import { parseArgs } from 'node:util';
import { writeCorpus, type CorpusFormat } from '../src/bench/corpus.js';

const USAGE = 'usage: gen-corpus --count N --seed S --out DIR [--format txt|jsonl] [--shard-size N] [--start I]';

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        count: { type: 'string' },
        seed: { type: 'string', default: '1' },
        start: { type: 'string', default: '0' },
        out: { type: 'string' },
        format: { type: 'string' },
        'shard-size': { type: 'string' },
      },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const count = Number(values.count);
  const seed = Number(values.seed);
  const format = values.format as CorpusFormat | undefined;
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(seed) || !values.out || (format && format !== 'txt' && format !== 'jsonl')) {
    console.error(USAGE);
    return 2;
  }
  const t0 = performance.now();
  const m = writeCorpus({
    count,
    seed,
    start: Number(values.start),
    out: values.out,
    format,
    shardSize: values['shard-size'] ? Number(values['shard-size']) : undefined,
    onProgress: (n) => process.stderr.write(`\r${n}/${count}`),
  });
  const s = (performance.now() - t0) / 1000;
  process.stderr.write('\r');
  console.log(JSON.stringify({ ...m, out: values.out, seconds: Math.round(s * 100) / 100 }));
  return 0;
}

process.exitCode = main();
