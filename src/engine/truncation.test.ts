/**
 * A document longer than extraction reads (MAX_EXTRACT_CHARS) is stored whole, and the ingest
 * summary says so by path instead of dropping the rest of the text silently.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createEngine } from './engine.js';
import { openMemoryStore } from '../store/memory/index.js';
import { ingestParallel } from '../ingest/ingest.js';
import { MAX_EXTRACT_CHARS, truncationWarning } from '../extract/text.js';

/** A plain-text article of at least `chars` characters. */
function longArticle(chars: number): string {
  const para = 'The weather stayed mild over the long weekend and the market was busy again.\n\n';
  return `Title: A very long dump\n\n${para.repeat(Math.ceil(chars / para.length))}`;
}

test('the truncation warning names the sizes, and is null for a text extraction reads whole', () => {
  assert.equal(truncationWarning(MAX_EXTRACT_CHARS), null);
  assert.equal(truncationWarning(10), null);
  const w = truncationWarning(MAX_EXTRACT_CHARS + 1234);
  assert.match(w ?? '', /first 500,000 of its 501,234 characters/);
  assert.match(w ?? '', /whole text is stored/);
});

test('ingest warns about a document longer than extraction reads, by path, and stores all of it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marquee-trunc-'));
  try {
    const long = join(dir, 'dump.txt');
    const short = join(dir, 'short.txt');
    writeFileSync(long, longArticle(MAX_EXTRACT_CHARS + 20_000));
    writeFileSync(short, 'Title: A short one\n\nMira Castell stars in the film Harbour Lights, the studio said on Monday.\n');
    for (const mode of ['single', 'workers'] as const) {
      const engine = createEngine({ store: openMemoryStore() });
      try {
        const s = mode === 'single' ? await engine.ingest([dir]) : await ingestParallel(engine, [dir], { workers: 1 });
        assert.equal(s.documents.added, 2, mode);
        assert.equal(s.warnings?.length, 1, `${mode}: ${JSON.stringify(s.warnings)}`);
        assert.equal(s.warnings![0].path, long);
        assert.match(s.warnings![0].message, /Only the first 500,000 of its \d{3},\d{3} characters were analysed/);
        const stored = engine.store.listDocuments().find((d) => d.path === long);
        assert.ok(stored !== undefined && stored.text.length > MAX_EXTRACT_CHARS, `${mode}: the whole text is stored`);
        // Nothing to say about documents read whole, nor on a re-run that adds nothing.
        const again = await engine.ingest([dir]);
        assert.equal(again.documents.unchanged, 2);
        assert.equal(again.warnings, undefined);
      } finally {
        engine.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
