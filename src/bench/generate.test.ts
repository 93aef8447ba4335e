/**
 * @module Tests for the benchmark corpus generator: determinism from the seed, prefix stability,
 * streaming output in both formats, and variety of the generated text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { countWords, createGenerator, renderJsonl, renderTxt } from './generate.js';
import { writeCorpus } from './corpus.js';

/** sha256 over every file under `dir` (sorted paths and contents). */
function hashTree(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string): void => {
    for (const n of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, n.name);
      if (n.isDirectory()) walk(p);
      else h.update(n.name).update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

test('same seed gives the same bytes; another seed gives different ones', () => {
  const root = mkdtempSync(join(tmpdir(), 'gen-'));
  try {
    for (const format of ['txt', 'jsonl'] as const) {
      const a = writeCorpus({ count: 300, seed: 7, out: join(root, `a-${format}`), format, shardSize: 100 });
      const b = writeCorpus({ count: 300, seed: 7, out: join(root, `b-${format}`), format, shardSize: 100 });
      const c = writeCorpus({ count: 300, seed: 8, out: join(root, `c-${format}`), format, shardSize: 100 });
      assert.deepEqual(a, b);
      assert.equal(hashTree(join(root, `a-${format}`)), hashTree(join(root, `b-${format}`)));
      assert.notEqual(hashTree(join(root, `a-${format}`)), hashTree(join(root, `c-${format}`)));
    }
    assert.equal(readdirSync(join(root, 'a-jsonl')).filter((f) => f.endsWith('.jsonl')).length, 3);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a smaller corpus is a prefix of a larger one with the same seed', () => {
  const g1 = createGenerator(3);
  const g2 = createGenerator(3);
  for (let i = 500; i >= 0; i -= 50) assert.deepEqual(g1.article(i), g2.article(i)); // any order
  const small = Array.from({ length: 20 }, (_, i) => renderTxt(createGenerator(3).article(i)));
  const big = createGenerator(3);
  small.forEach((s, i) => assert.equal(renderTxt(big.article(i)), s));
});

test('JSONL lines are valid articles with title, text, date, url and source', () => {
  const g = createGenerator(11);
  for (let i = 0; i < 200; i++) {
    const o = JSON.parse(renderJsonl(g.article(i))) as Record<string, string>;
    assert.ok(o.title.length > 5);
    assert.ok(o.text.length > 200);
    assert.match(o.date, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(o.url, /^https:\/\//);
    assert.ok(o.source.length > 0);
  }
});

test('articles vary: kinds, titles, sentences, lengths, boilerplate and date headers', () => {
  const g = createGenerator(5);
  const n = 2000;
  const kinds = new Set<string>();
  const titles = new Set<string>();
  const sentences = new Set<string>();
  let totalSentences = 0;
  let words = 0;
  let headers = 0;
  let related = 0;
  let comments = 0;
  let quotes = 0;
  const lengths: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = g.article(i);
    kinds.add(a.kind);
    titles.add(a.title);
    const txt = renderTxt(a);
    if (txt.startsWith(' date ')) headers++;
    if (a.body.includes('\n\nRelated: ')) related++;
    if (/Leave a Reply|Comments are closed|Notify of/.test(a.body)) comments++;
    if (/" \S+(?: \S+)? told [A-Z]/.test(a.body)) quotes++;
    for (const s of a.body.split(/(?<=[.!?])\s+/)) {
      sentences.add(s);
      totalSentences++;
    }
    const w = countWords(a.body);
    words += w;
    lengths.push(w);
  }
  assert.ok(kinds.size >= 12, `kinds: ${[...kinds].join(', ')}`);
  assert.ok(titles.size > n * 0.5, `distinct titles ${titles.size}`);
  assert.ok(sentences.size > totalSentences * 0.4, `distinct sentences ${sentences.size}/${totalSentences}`);
  const mean = words / n;
  assert.ok(mean > 180 && mean < 600, `mean words ${mean}`);
  lengths.sort((a, b) => a - b);
  assert.ok(lengths[Math.floor(n * 0.9)] - lengths[Math.floor(n * 0.1)] > 60, 'lengths should spread');
  for (const [name, count] of [['date headers', headers], ['Related lines', related], ['comment widgets', comments], ['quotes with outlet', quotes]] as const) {
    assert.ok(count > n * 0.1 && count < n, `${name}: ${count}`);
  }
});

test('countWords counts whitespace-separated words', () => {
  assert.equal(countWords(''), 0);
  assert.equal(countWords('  one two\n\nthree\tfour '), 4);
});
