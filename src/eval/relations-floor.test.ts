/**
 * Quality floor for end-to-end relation extraction on the Re-DocRED entertainment dev documents
 * (../shared/bench/redocred-dev-entertainment.jsonl): micro precision, recall and F1 over the
 * supported properties may not fall below tests/gold/relations-floor.json. Skipped when the
 * shared benchmark file is absent.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluateRelations, type GoldDoc } from './relations.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BENCH = resolve(ROOT, '../shared/bench/redocred-dev-entertainment.jsonl');
const FLOORS = JSON.parse(readFileSync(resolve(ROOT, 'tests/gold/relations-floor.json'), 'utf8')) as { micro: { precision: number; recall: number; f1: number } };

describe('relation extraction floor (Re-DocRED entertainment dev)', () => {
  it('keeps micro precision, recall and F1 over the supported properties at or above the floors', { skip: !existsSync(BENCH) && 'benchmark file not found', timeout: 120_000 }, () => {
    const docs: GoldDoc[] = readFileSync(BENCH, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const { supported } = evaluateRelations(docs);
    const got = { precision: supported.precision, recall: supported.recall, f1: supported.f1 };
    for (const k of ['precision', 'recall', 'f1'] as const) {
      assert.ok(got[k] >= FLOORS.micro[k], `micro ${k} ${got[k].toFixed(3)} < floor ${FLOORS.micro[k]} (tp ${supported.tp}, fp ${supported.fp}, fn ${supported.fn})`);
    }
  });
});
