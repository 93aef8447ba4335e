/**
 * @module Property/fuzz tests over the readers and the cleaner: random bytes in every format,
 * random HTML-ish markup, random text. Nothing may throw anything but a MarqueeError, nothing
 * may hang (bounded runs), and huge or deeply nested HTML falls back to the linear extractor.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { isMarqueeError } from '../errors.js';
import { readPaths } from '../read/index.js';
import { cleanArticle } from './index.js';
import { MAX_DOM_DEPTH } from './dom.js';
import type { RawArticle } from '../read/types.js';

/** Runs per property: enough to shake out crashes, small enough for CI. */
const RUNS = 150;
/** Wall-clock cap per property (ms): a hang fails instead of blocking CI. */
const TIME_LIMIT_MS = 20_000;

const cleanOrMarqueeError = (raw: RawArticle): void => {
  try {
    const r = cleanArticle(raw, { explain: true });
    assert.equal(typeof r.text, 'string');
    assert.ok(r.text.trim().length > 0);
    assert.equal(typeof r.meta.title, 'string');
  } catch (e) {
    if (!isMarqueeError(e)) throw e;
  }
};

const TOKENS = [
  '<div>', '</div>', '<p>', '</p>', '<script>', '</script>', '<style>', '<!--', '-->', '<![CDATA[', ']]>', '<br>', '&amp;',
  '&#x1F600;', '&#xD800;', '&#99999999;', '<a href="x">', '</a>', '<article>', '</article>', '<h1>', '</h1>', '<li>', '<ul>',
  '<figure>', '<figcaption>', '<table><tr><td>', '<html>', '<body>', '<head>', '<title>', '</title>', '<meta charset="x">',
  '<meta property="og:title" content="T">', '<meta property="article:published_time" content="2020-13-45">',
  '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-02-30","author":[{"name":1}]}</script>',
  '<script type="application/ld+json">{"@graph":[[[[{"@type":"Article"}]]]]}</script>', '<time datetime="garbage">',
  '<div class="share comments related">', '<p style="display:none">', '<svg><g>', '<math>', '<template>', '\u0000', '\uFFFD',
  'Cookies help us deliver our Services.', 'Leave a Reply', 'by Jane Doe', 'sofia carson, purple hearts', '×', '\u00a0',
  ' date 2021-10-15 ', 'Related: x', 'Let us know in the comments!',
];
const htmlish = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 40 }), fc.lorem({ maxCount: 12 })), { maxLength: 120 }).map((xs) => xs.join(''));

test('cleaner: random HTML-ish markup returns text or throws a MarqueeError', () => {
  fc.assert(
    fc.property(htmlish, fc.option(fc.string({ maxLength: 30 })), (html, title) => cleanOrMarqueeError({ path: 'fuzz.html', html, title })),
    { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
  );
});

test('cleaner: random text returns text or throws a MarqueeError', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ maxLength: 200, unit: 'binary' }), htmlish), (text) => cleanOrMarqueeError({ path: 'fuzz.txt', text })),
    { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
  );
});

/** WARC-shaped bytes: real record headers with lengths that may not match the blocks. */
const warcish = fc
  .array(
    fc.tuple(fc.constantFrom('response', 'resource', 'request', 'warcinfo'), fc.integer({ min: -5, max: 4000 }), htmlish, fc.constantFrom('text/html', 'application/http; msgtype=response', 'image/png'), fc.boolean()),
    { maxLength: 4 },
  )
  .map((recs) =>
    new Uint8Array(
      Buffer.concat(
        recs.map(([type, len, body, ct, http]) => {
          const block = Buffer.from(http ? `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n${body}` : body);
          return Buffer.concat([Buffer.from(`WARC/1.0\r\nWARC-Type: ${type}\r\nContent-Type: ${ct}\r\nContent-Length: ${len < 0 ? block.length : len}\r\n\r\n`), block, Buffer.from('\r\n\r\n')]);
        }),
      ),
    ),
  );

test('readers: random bytes in every format yield articles or per-path errors, never a crash', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marquee-fuzz-'));
  const exts = ['.txt', '.md', '.html', '.json', '.jsonl', '.xml', '.rss', '.atom', '.warc', '.txt.gz', '.jsonl.gz', '.warc.gz'];
  let n = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(fc.uint8Array({ maxLength: 3000 }), warcish, htmlish.map((s) => new Uint8Array(Buffer.from(s))), fc.string({ maxLength: 500 }).map((s) => new Uint8Array(Buffer.from(`{"text":${JSON.stringify(s)}}\n{bad\n`)))),
      fc.constantFrom(...exts),
      fc.boolean(),
      async (bytes, ext, gzipped) => {
        const p = join(dir, `f${n++}${ext}`);
        writeFileSync(p, ext.endsWith('.gz') && gzipped ? gzipSync(bytes) : bytes);
        for await (const item of readPaths([p])) {
          if ('error' in item) {
            assert.ok(item.error.path.startsWith(p), item.error.path);
            assert.match(item.error.message, /^E1\d\d /);
          } else cleanOrMarqueeError(item.article);
        }
      },
    ),
    { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
  );
  rmSync(dir, { recursive: true, force: true });
});

test('50 MB of nested tags: no stack overflow, linear fallback, bounded time', () => {
  const n = Math.floor((50 * 1024 * 1024) / 11);
  const html = `${'<div>'.repeat(n)}<p>Ada Moss stars in Paper Crown.</p>${'</div>'.repeat(n)}`;
  const t0 = Date.now();
  const r = cleanArticle({ path: 'deep.html', html });
  assert.equal(r.text, 'Ada Moss stars in Paper Crown.');
  assert.ok(r.trace.some((e) => e.event === 'chose' && e.data.extractor === 'linear'));
  assert.ok(Date.now() - t0 < 20_000);
});

test('nesting just under the DOM limit goes through the DOM without overflow; just over falls back', () => {
  const body = '<p>Ada Moss stars in the film Paper Crown, which premiered on July 29, 2022, in London.</p>'.repeat(5);
  const under = MAX_DOM_DEPTH - 5;
  const r1 = cleanArticle({ path: 'u.html', html: `<html><body>${'<div>'.repeat(under)}${body}${'</div>'.repeat(under)}</body></html>` });
  assert.ok(r1.text.includes('Ada Moss stars'));
  assert.ok(!r1.trace.some((e) => e.data.extractor === 'linear'));
  const over = MAX_DOM_DEPTH + 50;
  const r2 = cleanArticle({ path: 'o.html', html: `${'<span>'.repeat(over)}${body}${'</span>'.repeat(over)}` });
  assert.ok(r2.text.includes('Ada Moss stars'));
  assert.ok(r2.trace.some((e) => e.data.extractor === 'linear'));
});

test('an HTML page with no body is a clear empty-article error', () => {
  assert.throws(() => cleanArticle({ path: 'nobody.html', html: '<html><head><title>T</title></head></html>' }), (e: unknown) => isMarqueeError(e) && e.code === 'E102');
});

test('a 200,000-word article cleans in bounded time', () => {
  const text = `${'Ada Moss stars in the film Paper Crown, which premiered in London last week. '.repeat(14)}\n\n`.repeat(1100);
  const t0 = Date.now();
  const r = cleanArticle({ path: 'long.txt', text, title: 'Long' });
  assert.ok(r.text.length > 1_000_000);
  assert.ok(Date.now() - t0 < 10_000);
});
