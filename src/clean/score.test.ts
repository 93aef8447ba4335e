/**
 * @module The benchmark scorer on tiny hand-made examples, computed by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchTokens, scorePage, shingleCounts, summarise } from './score.js';

test('tokens follow \\w+ with Unicode letters and digits, punctuation splits', () => {
  assert.deepEqual(benchTokens("Café-owner's 2nd_try: naïve!"), ['Café', 'owner', 's', '2nd_try', 'naïve']);
  assert.deepEqual(benchTokens(''), []);
});

test('shingles are 4-token multisets; short texts give one shorter shingle', () => {
  const c = shingleCounts('a b c d a b c d');
  assert.equal(c.size, 4); // abcd, bcda, cdab, dabc... abcd twice
  assert.equal([...c.values()].reduce((x, y) => x + y, 0), 5);
  assert.equal(shingleCounts('one two').size, 1);
});

test('identical texts score tp only; disjoint texts score no tp', () => {
  const same = scorePage('the cat sat on the mat', 'the cat sat on the mat');
  assert.deepEqual(same, { tp: 1, fp: 0, fn: 0 });
  const none = scorePage('the cat sat on the mat', 'dogs run in parks at noon');
  assert.equal(none.tp, 0);
  assert.ok(Math.abs(none.fp - 0.5) < 1e-12 && Math.abs(none.fn - 0.5) < 1e-12);
});

test('extra text lowers precision, missing text lowers recall, normalised per page', () => {
  // Expected: 6 tokens → 3 shingles. Predicted adds 2 tokens → 5 shingles, 3 shared.
  const s = scorePage('a b c d e f', 'a b c d e f g h');
  assert.ok(Math.abs(s.tp - 3 / 5) < 1e-12 && Math.abs(s.fp - 2 / 5) < 1e-12 && s.fn === 0);
  const r = scorePage('a b c d e f g h', 'a b c d e f');
  assert.ok(Math.abs(r.tp - 3 / 5) < 1e-12 && Math.abs(r.fn - 2 / 5) < 1e-12 && r.fp === 0);
  const sum = summarise([s, r]);
  assert.ok(Math.abs(sum.precision - (0.6 + 1) / 2) < 1e-12);
  assert.ok(Math.abs(sum.recall - (1 + 0.6) / 2) < 1e-12);
  assert.ok(Math.abs(sum.f1 - 0.8) < 1e-12);
});

test('pages with nothing predicted are left out of precision but count as zero recall', () => {
  const empty = scorePage('a b c d e', '');
  assert.deepEqual(empty, { tp: 0, fp: 0, fn: 1 });
  const sum = summarise([empty, scorePage('a b c d', 'a b c d')]);
  assert.equal(sum.precision, 1);
  assert.equal(sum.recall, 0.5);
});
