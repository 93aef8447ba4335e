/**
 * @module Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time by function and by
 * source file, top N, so hotspots can be reported without opening DevTools.
 *
 * `node --import tsx scripts/bench-hotspots.ts <file.cpuprofile> [--top 25]`
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { markdownTable } from '../src/bench/measure.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Path of a source URL relative to the repository (node_modules/<pkg> kept short). */
function shortUrl(url: string): string {
  if (!url) return '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length).split('/').slice(0, 2).join('/');
  const src = url.search(/\/(src|scripts)\//);
  return src >= 0 ? url.slice(src + 1) : url.replace(/^file:\/\//, '');
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
  if (positionals.length !== 1) throw new Error('usage: bench-hotspots <file.cpuprofile> [--top N]');
  const prof = JSON.parse(readFileSync(positionals[0], 'utf8')) as Profile;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  prof.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const file = shortUrl(n.callFrame.url);
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${file}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  const top = Number(values.top);
  const rows = (m: Map<string, number>): (string | number)[][] =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => [k, (us / 1000).toFixed(0), `${((us / total) * 100).toFixed(1)}%`]);
  console.log(`Total sampled: ${(total / 1e6).toFixed(1)} s\n`);
  console.log('Self time by file\n');
  console.log(markdownTable(['file', 'self ms', 'share'], rows(byFile)));
  console.log('\nSelf time by function\n');
  console.log(markdownTable(['function', 'self ms', 'share'], rows(byFn)));
}

main();
