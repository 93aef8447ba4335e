/**
 * @module readPaths over real files in temp folders: every format, folder walking, and the clear
 * per-input errors of bad inputs (the rest still reads).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readPaths, SYNC_READ_MAX_BYTES } from './index.js';
import type { RawArticle, ReadError, ReadItem, ReadOptions } from './types.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'marquee-read-'));

async function collect(paths: string[], opts?: ReadOptions): Promise<{ articles: RawArticle[]; errors: ReadError[]; items: ReadItem[] }> {
  const items: ReadItem[] = [];
  for await (const it of readPaths(paths, opts)) items.push(it);
  return {
    items,
    articles: items.flatMap((i) => ('article' in i ? [i.article] : [])),
    errors: items.flatMap((i) => ('error' in i ? [i.error] : [])),
  };
}

const BODY = 'Ada Moss stars in the new film Paper Crown, which premiered on July 29, 2022.';

test('txt: first line is the title; date header is metadata and the title is the first sentence', async () => {
  const d = tmp();
  writeFileSync(join(d, 'a.txt'), `Paper Crown premieres\n\n${BODY}\n`);
  writeFileSync(join(d, 'b.txt'), ` date 2021-10-15 That's a wrap! Ada Moss has finished filming.\n\nMore text here.\n`);
  const { articles, errors } = await collect([d]);
  assert.equal(errors.length, 0);
  assert.equal(articles[0].title, 'Paper Crown premieres');
  assert.ok(articles[0].text?.includes(BODY));
  assert.ok(!articles[0].text?.includes('Paper Crown premieres'));
  assert.equal(articles[1].date, '2021-10-15');
  assert.equal(articles[1].dateSource, 'header');
  assert.equal(articles[1].title, "That's a wrap!");
  assert.ok(articles[1].text?.startsWith("That's a wrap! Ada Moss"));
  assert.ok(!articles[1].text?.includes('date 2021'));
});

test('folders: recursive, sorted, hidden and unsupported files skipped; symlink loops safe', async () => {
  const d = tmp();
  mkdirSync(join(d, 'sub dir', 'déjà'), { recursive: true });
  writeFileSync(join(d, 'z.txt'), `Z title\n${BODY}`);
  writeFileSync(join(d, 'a.txt'), `A title\n${BODY}`);
  writeFileSync(join(d, 'sub dir', 'déjà', 'ç.md'), `# Md title\n\n${BODY}`);
  writeFileSync(join(d, '.hidden.txt'), `Hidden\n${BODY}`);
  writeFileSync(join(d, 'notes.docx'), 'not ours');
  symlinkSync(d, join(d, 'sub dir', 'loop'));
  const { articles, errors } = await collect([d]);
  assert.deepEqual(errors, []);
  assert.deepEqual(articles.map((a) => a.title), ['A title', 'Md title', 'Z title']);
});

test('symlinks in a folder are followed (file and folder); a dangling link to an input is an error', async () => {
  const d = tmp();
  const outside = tmp();
  mkdirSync(join(outside, 'more'));
  writeFileSync(join(outside, 'linked.txt'), `Linked file\n${BODY}`);
  writeFileSync(join(outside, 'more', 'inner.txt'), `Inner file\n${BODY}`);
  writeFileSync(join(d, 'b.txt'), `Plain file\n${BODY}`);
  symlinkSync(join(outside, 'linked.txt'), join(d, 'a-link.txt'));
  symlinkSync(join(outside, 'more'), join(d, 'c-folder'));
  symlinkSync(join(outside, 'missing.txt'), join(d, 'd-dangling.txt'));
  symlinkSync(join(outside, 'missing.bin'), join(d, 'e-dangling.bin'));
  const { articles, errors } = await collect([d]);
  assert.deepEqual(articles.map((a) => a.title), ['Linked file', 'Plain file', 'Inner file']);
  assert.equal(errors.length, 1);
  assert.ok(errors[0].path.endsWith('d-dangling.txt') && /no such file/.test(errors[0].message), errors[0].message);
});

test('a file above the synchronous-read size is read all the same', async () => {
  const d = tmp();
  const big = `Big file\n${'Words of a long article body go on and on. '.repeat(Math.ceil((SYNC_READ_MAX_BYTES + 1000) / 44))}`;
  writeFileSync(join(d, 'big.txt'), big);
  const { articles, errors } = await collect([d]);
  assert.deepEqual(errors, []);
  assert.equal(articles[0].title, 'Big file');
  assert.equal(articles[0].text?.length, big.length - 'Big file\n'.length);
});

test('bad inputs each give a clear error naming the path, the rest still reads', async () => {
  const d = tmp();
  writeFileSync(join(d, 'empty.txt'), '');
  writeFileSync(join(d, 'blank.txt'), '  \n\n ');
  writeFileSync(join(d, 'image.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(join(d, 'nul.txt'), Buffer.from('abc\u0000def'));
  writeFileSync(join(d, 'doc.txt'), Buffer.from('%PDF-1.7\n...'));
  writeFileSync(join(d, 'bad-utf8.txt'), Buffer.from([0x48, 0x69, 0x0a, 0xc3, 0x28, 0x41]));
  writeFileSync(join(d, 'good.txt'), `Good\n${BODY}`);
  writeFileSync(join(d, 'shape.json'), '42');
  writeFileSync(join(d, 'broken.json'), '{"text": ');
  writeFileSync(join(d, 'trunc.txt.gz'), gzipSync(Buffer.from(`T\n${BODY.repeat(50)}`)).subarray(0, 40));
  const { articles, errors } = await collect([d]);
  assert.deepEqual(articles.map((a) => a.title), ['Good']);
  const byFile = (name: string) => errors.find((e) => e.path.endsWith(name))?.message ?? '';
  assert.match(byFile('empty.txt'), /empty/);
  assert.match(byFile('blank.txt'), /no text|empty/);
  assert.match(byFile('image.html'), /PNG/);
  assert.match(byFile('nul.txt'), /binary/);
  assert.match(byFile('doc.txt'), /PDF/);
  assert.match(byFile('bad-utf8.txt'), /invalid UTF-8/);
  assert.match(byFile('shape.json'), /expected an article/);
  assert.match(byFile('broken.json'), /invalid JSON/);
  assert.match(byFile('trunc.txt.gz'), /truncated or corrupt/);
  for (const e of errors) assert.ok(e.message.includes(e.path), `message names its path: ${e.message}`);
});

test('explicitly named unsupported file and missing path are errors', async () => {
  const d = tmp();
  writeFileSync(join(d, 'x.docx'), 'hello');
  const { errors } = await collect([join(d, 'x.docx'), join(d, 'nope.txt')]);
  assert.equal(errors.length, 2);
  assert.match(errors[0].message, /unsupported file type/);
  assert.match(errors[1].message, /no such file/);
});

test('unreadable file gives a permission error', { skip: process.getuid?.() === 0 && 'root can read anything' }, async () => {
  const d = tmp();
  const p = join(d, 'locked.txt');
  writeFileSync(p, `T\n${BODY}`);
  chmodSync(p, 0o000);
  const { errors } = await collect([p]);
  assert.match(errors[0].message, /permission denied/);
});

test('encodings: UTF-16 with BOM, UTF-8 BOM, Latin-1 HTML with a charset meta', async () => {
  const d = tmp();
  const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Café title\n${BODY}`, 'utf16le')]);
  writeFileSync(join(d, 'a-u16le.txt'), u16);
  const be = Buffer.from(`Naïve title\n${BODY}`, 'utf16le').swap16();
  writeFileSync(join(d, 'b-u16be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
  writeFileSync(join(d, 'c-bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`Bom title\n${BODY}`)]));
  writeFileSync(join(d, 'd-latin1.html'), Buffer.from(`<html><head><meta charset="ISO-8859-1"><title>x</title></head><body><p>Pel\xedcula de Jos\xe9 \xab premi\xe8re \xbb</p></body></html>`, 'latin1'));
  const { articles, errors } = await collect([d]);
  assert.deepEqual(errors, []);
  assert.equal(articles[0].title, 'Café title');
  assert.equal(articles[1].title, 'Naïve title');
  assert.equal(articles[2].title, 'Bom title');
  assert.ok(articles[3].html?.includes('Película de José « première »'));
});

test('jsonl: one article a line, malformed line reported with its number, field mapping, gz', async () => {
  const d = tmp();
  const lines = [
    JSON.stringify({ title: 'One', text: BODY, date: '2022-07-29T10:00:00Z', url: 'https://x.example/1', source: 'X' }),
    '{"title": "Broken", "text": ',
    '',
    JSON.stringify({ title: 'Two', html: `<p>${BODY}</p>`, published: 'Fri, 29 Jul 2022 23:30:00 -0500' }),
    JSON.stringify({ title: 'Three', body: BODY }),
    JSON.stringify({ title: 'No text' }),
    JSON.stringify([1, 2]),
  ];
  writeFileSync(join(d, 'dump.jsonl'), lines.join('\n') + '\n');
  const { articles, errors } = await collect([join(d, 'dump.jsonl')]);
  assert.deepEqual(articles.map((a) => a.title), ['One', 'Two', 'Three']);
  assert.equal(articles[0].date, '2022-07-29');
  assert.equal(articles[0].dateSource, 'field');
  assert.equal(articles[0].path, `${join(d, 'dump.jsonl')}#1`);
  assert.equal(articles[1].html, `<p>${BODY}</p>`);
  assert.equal(articles[1].date, '2022-07-29');
  assert.equal(articles[2].text, BODY);
  assert.deepEqual(errors.map((e) => e.path), [`${join(d, 'dump.jsonl')}:2`, `${join(d, 'dump.jsonl')}:6`, `${join(d, 'dump.jsonl')}:7`]);
  assert.match(errors[0].message, /malformed JSON line/);

  writeFileSync(join(d, 'mapped.ndjson.gz'), gzipSync(JSON.stringify({ headline_text: 'Mapped', content_body: BODY, published_at: '2020-01-02' }) + '\n'));
  const m = await collect([join(d, 'mapped.ndjson.gz')], { fields: { title: 'headline_text', text: 'content_body', date: 'published_at' } });
  assert.deepEqual(m.errors, []);
  assert.equal(m.articles[0].title, 'Mapped');
  assert.equal(m.articles[0].date, '2020-01-02');
});

test('json: one article or an array; html files; gz by inner extension', async () => {
  const d = tmp();
  writeFileSync(join(d, 'one.json'), JSON.stringify({ title: 'Solo', text: BODY }));
  writeFileSync(join(d, 'many.json'), JSON.stringify([{ title: 'A', text: BODY }, { nope: 1 }, { title: 'C', html: `<p>${BODY}</p>` }]));
  writeFileSync(join(d, 'page.html.gz'), gzipSync(`<html><body><p>${BODY}</p></body></html>`));
  const { articles, errors } = await collect([join(d, 'one.json'), join(d, 'many.json'), join(d, 'page.html.gz')]);
  assert.deepEqual(articles.map((a) => a.title ?? null), ['Solo', 'A', 'C', null]);
  assert.equal(articles[0].path, join(d, 'one.json'));
  assert.equal(articles[1].path, `${join(d, 'many.json')}#1`);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].path, `${join(d, 'many.json')}#2`);
  assert.ok(articles[3].html?.includes(BODY));
});

test('feeds: RSS content:encoded preferred, Atom content, dates and titles', async () => {
  const { articles, errors } = await collect(['tests/fixtures/read/feed.rss', 'tests/fixtures/read/feed.atom']);
  assert.deepEqual(errors, []);
  assert.deepEqual(articles.map((a) => a.title), ['Echo Lane tops the singles chart', 'Director & star reunite for sequel', 'Opera house names new director']);
  assert.ok(articles[0].html?.includes('Paper Crown') && !articles[0].html.includes('teaser'));
  assert.equal(articles[0].date, '2022-07-29');
  assert.equal(articles[0].author, 'Jo Patel');
  assert.equal(articles[0].path, 'tests/fixtures/read/feed.rss#1');
  assert.ok(articles[1].html?.includes('<p>Director Kim Hale'));
  assert.equal(articles[2].date, '2021-03-09');
  assert.equal(articles[2].url, 'https://atom.example/opera');
  assert.ok(articles[2].html?.includes('Mira Solberg'));
});

test('jsonl streams: a file of many lines reads without loading it whole', async () => {
  const d = tmp();
  const line = JSON.stringify({ title: 'T', text: BODY }) + '\n';
  writeFileSync(join(d, 'big.jsonl'), line.repeat(20000));
  let n = 0;
  for await (const it of readPaths([join(d, 'big.jsonl')])) if ('article' in it) n++;
  assert.equal(n, 20000);
});

test('a truncated .jsonl.gz yields the lines before the cut, then a clear error', async () => {
  const d = tmp();
  const line = JSON.stringify({ title: 'T', text: BODY }) + '\n';
  const gz = gzipSync(Buffer.from(line.repeat(2000)));
  writeFileSync(join(d, 'cut.jsonl.gz'), gz.subarray(0, Math.floor(gz.length / 2)));
  const { articles, errors } = await collect([join(d, 'cut.jsonl.gz')]);
  assert.ok(articles.length > 0 && articles.length < 2000);
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /truncated or corrupt/);
});

/** One WARC record (we write the bytes ourselves: header, blank line, block, blank line). */
function warcRecord(type: string, uri: string, contentType: string, block: Buffer): Buffer {
  const head = `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: ${contentType}\r\nContent-Length: ${block.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), block, Buffer.from('\r\n\r\n')]);
}
const httpResponse = (headers: string, body: Buffer) => Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\n${headers}\r\n\r\n`, 'latin1'), body]);

test('warc: HTML responses become articles (chunked, gzip, charset), other records are skipped; .warc.gz too', async () => {
  const d = tmp();
  const page = (t: string) => Buffer.from(`<html><head><title>${t}</title></head><body><article><p>${BODY}</p></article></body></html>`);
  const chunked = (b: Buffer) => Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n0\r\n\r\n')]);
  const records = [
    warcRecord('warcinfo', '', 'application/warc-fields', Buffer.from('software: test\r\n')),
    warcRecord('request', 'https://a.example/1', 'application/http; msgtype=request', Buffer.from('GET /1 HTTP/1.1\r\n\r\n')),
    warcRecord('response', 'https://a.example/1', 'application/http; msgtype=response', httpResponse('Content-Type: text/html; charset=utf-8', page('One'))),
    warcRecord('response', 'https://a.example/img.png', 'application/http; msgtype=response', httpResponse('Content-Type: image/png', Buffer.from([0x89, 0x50]))),
    warcRecord('response', 'https://a.example/2', 'application/http; msgtype=response', httpResponse('Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip', chunked(gzipSync(page('Two'))))),
    warcRecord('response', 'https://a.example/3', 'application/http; msgtype=response', httpResponse('Content-Type: text/html; charset=iso-8859-1', Buffer.from('<html><body><p>Caf\xe9 na\xefve</p></body></html>', 'latin1'))),
  ];
  writeFileSync(join(d, 'crawl.warc'), Buffer.concat(records));
  writeFileSync(join(d, 'crawl2.warc.gz'), Buffer.concat(records.map((r) => gzipSync(r))));
  for (const f of ['crawl.warc', 'crawl2.warc.gz']) {
    const { articles, errors } = await collect([join(d, f)]);
    assert.deepEqual(errors, [], f);
    assert.deepEqual(articles.map((a) => a.url), ['https://a.example/1', 'https://a.example/2', 'https://a.example/3']);
    assert.equal(articles[0].path, `${join(d, f)}#3`);
    assert.ok(articles[1].html?.includes('<title>Two</title>'));
    assert.ok(articles[2].html?.includes('Café naïve'));
  }
  writeFileSync(join(d, 'cut.warc'), Buffer.concat(records).subarray(0, 700));
  const cut = await collect([join(d, 'cut.warc')]);
  assert.match(cut.errors.at(-1)?.message ?? '', /truncated/);
  writeFileSync(join(d, 'fake.warc'), `not a warc\r\n\r\n${'x'.repeat(100)}`);
  assert.match((await collect([join(d, 'fake.warc')])).errors[0].message, /not a WARC/);
});

test('txt without a title line: a long first paragraph stays in the text, the title is its first sentence', async () => {
  const d = tmp();
  const para = `${BODY} ${'The film was shot in Cornwall over nine weeks and features twelve original songs. '.repeat(4)}`;
  writeFileSync(join(d, 'no-title.txt'), `${para}\n\nSecond paragraph.\n`);
  const { articles } = await collect([d]);
  assert.equal(articles[0].title, BODY);
  assert.ok(articles[0].text?.startsWith(BODY));
});

test('markdown: markup goes, words stay', async () => {
  const d = tmp();
  writeFileSync(join(d, 'a.md'), `# Paper Crown premieres #\n\nAda Moss **stars** in [Paper Crown](https://x.example/pc), out *Friday*.\n\n![poster](p.jpg)\n> "I loved it," she said.\n`);
  const { articles } = await collect([d]);
  assert.equal(articles[0].title, 'Paper Crown premieres');
  assert.ok(articles[0].text?.includes('Ada Moss stars in Paper Crown, out Friday.'));
  assert.ok(articles[0].text?.includes('"I loved it," she said.'));
  assert.ok(!/[#*[\]!]/.test(articles[0].text ?? ''));
});

test('the assets folder of a saved page (Page_files/ beside Page.html) is skipped', async () => {
  const d = tmp();
  mkdirSync(join(d, 'Premiere_files'));
  writeFileSync(join(d, 'Premiere.html'), `<html><head><title>Premiere</title></head><body><p>${BODY}</p></body></html>`);
  writeFileSync(join(d, 'Premiere_files', 'ad-frame.html'), '<html><body><p>Buy now</p></body></html>');
  mkdirSync(join(d, 'orphan_files'));
  writeFileSync(join(d, 'orphan_files', 'kept.txt'), `Kept\n${BODY}`);
  const { articles } = await collect([d]);
  assert.deepEqual(articles.map((a) => a.path), [join(d, 'Premiere.html'), join(d, 'orphan_files', 'kept.txt')]);
});
