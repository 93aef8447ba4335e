/**
 * `npm run eval:relations [-- --json] [-- --file PATH]`: end-to-end relation extraction on
 * Re-DocRED's entertainment dev documents (../shared/bench/redocred-dev-entertainment.jsonl).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluateRelations, type GoldDoc, type PropertyScore } from '../src/eval/relations.js';

const args = process.argv.slice(2);
const fileArg = args.indexOf('--file');
const file = fileArg >= 0 ? args[fileArg + 1] : resolve(import.meta.dirname, '../../shared/bench/redocred-dev-entertainment.jsonl');
const docs: GoldDoc[] = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const report = evaluateRelations(docs);
if (args.includes('--json')) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const f = (x: number) => x.toFixed(3);
  const row = (s: PropertyScore) => `| ${s.property.padEnd(26)} | ${String(s.tp).padStart(4)} | ${String(s.fp).padStart(4)} | ${String(s.fn).padStart(4)} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} |`;
  console.log(`Re-DocRED entertainment dev: ${report.documents} documents, ${report.words} words, ${report.seconds.toFixed(2)} s (${Math.round(report.words / report.seconds)} words/s)\n`);
  console.log('| property                   |   tp |   fp |   fn | P     | R     | F1    |');
  console.log('|----------------------------|-----:|-----:|-----:|-------|-------|-------|');
  for (const s of report.perProperty) console.log(row(s) + (report.supportedProperties.includes(s.property) ? '' : ' (unsupported)'));
  console.log(row(report.supported));
  console.log(row(report.entertainment));
}
