import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { scoreGold } from './eval/gold.js';

const floors = JSON.parse(readFileSync('tests/gold/claims-floors.json', 'utf8')) as {
  micro: { precision: number; recall: number };
  maxForbiddenHits: number;
  recall: Record<string, number>;
};

describe('extraction gold (tests/gold/claims.json over the seeds)', () => {
  const report = scoreGold('tests/gold/claims.json', '../shared/corpus/seeds');

  it('keeps micro precision and recall at or above the pinned floors', () => {
    assert.ok(report.micro.precision >= floors.micro.precision, `precision ${report.micro.precision.toFixed(3)} < floor ${floors.micro.precision}; false positives: ${JSON.stringify(report.falsePositives)}`);
    assert.ok(report.micro.recall >= floors.micro.recall, `recall ${report.micro.recall.toFixed(3)} < floor ${floors.micro.recall}; misses: ${JSON.stringify(report.misses)}`);
  });

  it('extracts no forbidden claim', () => {
    assert.ok(report.forbiddenHits.length <= floors.maxForbiddenHits, JSON.stringify(report.forbiddenHits));
  });

  for (const [predicate, floor] of Object.entries(floors.recall)) {
    it(`keeps ${predicate} recall >= ${floor}`, () => {
      const p = report.perPredicate.find((x) => x.predicate === predicate);
      assert.ok(p, `no ${predicate} claims at all`);
      assert.ok(p.recall >= floor, `${predicate} recall ${p.recall.toFixed(3)} < ${floor}`);
    });
  }
});
