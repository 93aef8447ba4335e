/**
 * @module Pipeline: build-time contract check, per-document run, and the stage-major batch run,
 * which must give every document exactly the layers `run` gives it and isolate failures.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Document } from '../doc/document.js';
import { MarqueeError } from '../errors.js';
import { createExtractionPipeline } from '../extract/index.js';
import { Pipeline } from './pipeline.js';
import type { Stage } from './stage.js';

const SEEDS = '../shared/corpus/seeds';
const BBC = '../shared/corpus/bbc-entertainment';
const meta = (date: string | null) => ({ title: '', source: null, url: null, date });

function layersOf(d: Document): Record<string, unknown> {
  return Object.fromEntries(d.layerNames().map((n) => [n, d.get(n)]));
}

test('runBatch gives every document exactly the layers run gives it (seeds and 30 BBC articles)', () => {
  const texts = [
    ...readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(SEEDS, f), 'utf8')),
    ...readdirSync(BBC).filter((f) => f.endsWith('.txt')).sort().slice(0, 30).map((f) => readFileSync(join(BBC, f), 'utf8')),
  ];
  const dates = texts.map((_, i) => (i % 2 === 0 ? '2022-07-29' : null));
  const single = createExtractionPipeline();
  const expected = texts.map((t, i) => layersOf(single.run(new Document(t, meta(dates[i])))));
  const batched = createExtractionPipeline().runBatch(texts.map((t, i) => new Document(t, meta(dates[i]))));
  assert.equal(batched.length, texts.length);
  batched.forEach((d, i) => {
    assert.ok(d instanceof Document, `document ${i} failed`);
    assert.deepEqual(layersOf(d), expected[i], `document ${i}`);
  });
});

test('a failing document is left out of later stages; the others are unaffected', () => {
  const seen: string[] = [];
  const first: Stage = {
    name: 'first.v1', requires: ['doc.text'], assigns: ['doc.sentences'],
    run(doc) {
      if (doc.text.includes('boom')) throw new Error('exploded');
      doc.set('sentences', [{ index: 0, start: 0, end: doc.text.length }]);
    },
  };
  const second: Stage = {
    name: 'second.v1', requires: ['doc.sentences'], assigns: ['doc.tokens'],
    run(doc) {
      seen.push(doc.text);
      if (doc.text !== 'lazy') doc.set('tokens', []);
    },
  };
  const p = new Pipeline([first, second]);
  const out = p.runBatch(['one', 'boom', 'lazy', 'two'].map((t) => new Document(t, meta(null))));
  assert.deepEqual(seen, ['one', 'lazy', 'two']);
  assert.ok(out[0] instanceof Document && out[0].has('tokens'));
  assert.ok(out[1] instanceof MarqueeError && out[1].code === 'E202' && /first\.v1.*exploded/.test(out[1].message));
  assert.ok(out[2] instanceof MarqueeError && out[2].code === 'E203');
  assert.ok(out[3] instanceof Document && out[3].has('tokens'));
  assert.ok(p.timings.has('first.v1') && p.timings.has('second.v1'));
  // run() reports the same failures by throwing
  assert.throws(() => p.run(new Document('boom', meta(null))), (e: MarqueeError) => e.code === 'E202');
  assert.throws(() => p.run(new Document('lazy', meta(null))), (e: MarqueeError) => e.code === 'E203');
});

test('a pipeline with an unmet requirement is refused at build time (E201)', () => {
  const needsTokens: Stage = { name: 'needs.v1', requires: ['doc.tokens'], assigns: ['doc.claims'], run() {} };
  assert.throws(() => new Pipeline([needsTokens]), (e: MarqueeError) => e.code === 'E201');
});
