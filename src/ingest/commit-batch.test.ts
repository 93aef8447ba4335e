import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIRST_COMMIT_BATCH, MAX_COMMIT_BATCH, nextCommitBatch } from './commit-batch.js';

test('commit batches start small and double up to the maximum', () => {
  const sizes = [FIRST_COMMIT_BATCH];
  for (let i = 0; i < 5; i++) sizes.push(nextCommitBatch(sizes[sizes.length - 1]));
  assert.deepEqual(sizes, [64, 128, 256, 256, 256, 256]);
  assert.equal(nextCommitBatch(MAX_COMMIT_BATCH), MAX_COMMIT_BATCH);
  assert.equal(nextCommitBatch(1), 2);
});
