/**
 * @module MinHash signatures: deterministic, tolerant of reflowing, close to the true Jaccard.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateJaccard, isNearDuplicate, lshBands, minhashSignature, MINHASH_SIZE, shingleHashes, LSH_BANDS } from './minhash.js';

const A = 'Sofia Carson stars as Cassie in the Netflix film Purple Hearts, which premiered on July 29, 2022. The film is based on the 2017 novel by Tess Wakefield and was directed by Elizabeth Allen Rosenbaum. Nicholas Galitzine plays Luke, a troubled Marine, and the two agree to marry for military benefits.';
const B = 'The Northgate Opera House has named conductor Mira Solberg as its new artistic director, starting in September, after a search that lasted more than a year and drew candidates from across Europe and North America.';

test('signatures are deterministic and of the documented size', () => {
  const s = minhashSignature(A);
  assert.equal(s.length, MINHASH_SIZE);
  assert.deepEqual(s, minhashSignature(A));
  assert.ok(s.every((v) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff));
  assert.equal(lshBands(s).length, LSH_BANDS);
  assert.deepEqual(lshBands(s), lshBands(minhashSignature(A)));
});

test('reflowed and re-punctuated copies are identical; unrelated texts are far apart', () => {
  const reflowed = A.replace(/ /g, '\n  ').replace(/,/g, ' ,').toUpperCase();
  assert.equal(estimateJaccard(minhashSignature(A), minhashSignature(reflowed)), 1);
  assert.ok(estimateJaccard(minhashSignature(A), minhashSignature(B)) < 0.1);
  assert.ok(!isNearDuplicate(minhashSignature(A), minhashSignature(B)));
});

test('the estimate tracks the true Jaccard of shingle sets', () => {
  const edited = A.replace('directed by Elizabeth Allen Rosenbaum', 'filmed in Malibu by a small crew');
  const sa = shingleHashes(A);
  const sb = shingleHashes(edited);
  const inter = [...sa].filter((h) => sb.has(h)).length;
  const truth = inter / (sa.size + sb.size - inter);
  const est = estimateJaccard(minhashSignature(A), minhashSignature(edited));
  assert.ok(Math.abs(est - truth) < 0.15, `estimate ${est} vs true ${truth}`);
});

test('empty and tiny texts do not throw', () => {
  assert.equal(minhashSignature('').length, MINHASH_SIZE);
  assert.equal(estimateJaccard(minhashSignature('Hi there'), minhashSignature('hi, there!')), 1);
  assert.equal(estimateJaccard([], []), 0);
});
