/**
 * @module With/without gold sets (trafilatura's format) for the seeds and our own fixtures: every
 * `with` string survives cleaning, every `without` string is gone, titles and dates are right,
 * and every seed line that is not boilerplate survives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readPaths } from '../read/index.js';
import { cleanArticle } from './index.js';
import { normaliseWhitespace } from './boilerplate.js';

interface Gold {
  file: string;
  title?: string;
  date?: string;
  with: string[];
  without: string[];
}

async function cleanFile(file: string) {
  for await (const item of readPaths([file])) {
    if ('error' in item) assert.fail(`${file}: ${item.error.message}`);
    return cleanArticle(item.article);
  }
  return assert.fail(`${file}: nothing read`);
}

for (const goldFile of ['tests/gold/clean-seeds.json', 'tests/gold/clean-fixtures.json']) {
  const golds = JSON.parse(readFileSync(goldFile, 'utf8')) as Gold[];
  for (const g of golds) {
    test(`${goldFile}: ${g.file}`, async () => {
      const r = await cleanFile(g.file);
      for (const w of g.with) assert.ok(r.text.includes(w), `missing from clean text: ${JSON.stringify(w)}`);
      for (const w of g.without) {
        const lines = r.text.split('\n');
        const gone = w.trim().length <= 12 ? !lines.some((l) => l.trim() === w.trim()) : !r.text.includes(w);
        assert.ok(gone, `boilerplate left in clean text: ${JSON.stringify(w)}`);
      }
      if (g.title) assert.equal(r.meta.title, g.title);
      if (g.date) assert.equal(r.meta.date, g.date);
      if (g.title && !g.date) assert.ok(!r.text.startsWith(g.title), 'title repeated as the first body line');
    });
  }
}

test('every non-boilerplate line of every seed survives cleaning', async () => {
  const golds = JSON.parse(readFileSync('tests/gold/clean-seeds.json', 'utf8')) as Gold[];
  for (const g of golds) {
    const r = await cleanFile(g.file);
    const src = readFileSync(g.file, 'utf8').replace(/^\s?date \d{4}-\d{2}-\d{2}\s*/, '');
    for (const line of normaliseWhitespace(src).split('\n')) {
      if (!line || line === g.title) continue;
      if (g.without.some((w) => line.includes(w.trim()) || w.includes(line))) continue;
      if (line.endsWith('Let us know in the comments!')) {
        assert.ok(r.text.includes(line.replace(/\s*Let us know in the comments!$/, '')), line);
        continue;
      }
      assert.ok(r.text.includes(line), `${g.file}: article line lost: ${JSON.stringify(line)}`);
    }
  }
});
