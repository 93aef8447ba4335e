/**
 * @module `marquee read` support: metadata and clean text of one file, trace on --explain, clear
 * errors for unreadable inputs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMarqueeError } from '../errors.js';
import { readForDisplay } from './display.js';

test('a seed with a date header: date from the header, boilerplate gone', async () => {
  const r = await readForDisplay('../shared/corpus/seeds/003_e8542945cb846a57.txt');
  assert.equal(r.date, '2021-10-15');
  assert.equal(r.dateSource, 'header');
  assert.ok(!r.text.includes('Scroll through our gallery'));
  assert.deepEqual(Object.keys(r).slice(0, 7), ['title', 'date', 'author', 'source', 'url', 'language', 'text']);
  assert.equal(r.trace, undefined);
});

test('an HTML page with --explain carries the cascade trace', async () => {
  const r = await readForDisplay('tests/fixtures/read/festival.html', { explain: true });
  assert.equal(r.source, 'Reel Weekly');
  assert.equal(r.author, 'Sam Ferris');
  assert.equal(r.language, 'en-GB');
  assert.ok(r.trace?.some((e) => e.event === 'chose'));
});

test('an empty or binary file is a MarqueeError naming the path', async () => {
  const d = mkdtempSync(join(tmpdir(), 'marquee-display-'));
  writeFileSync(join(d, 'e.txt'), '');
  writeFileSync(join(d, 'b.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 1, 2, 0, 0]));
  for (const f of ['e.txt', 'b.txt', 'missing.txt']) {
    await assert.rejects(readForDisplay(join(d, f)), (e: unknown) => isMarqueeError(e) && e.message.includes(join(d, f)));
  }
});
