/**
 * @module Page metadata in order of trust (JSON-LD, meta tags, <time>, bylines, URL), with the
 * date's source recorded; malformed inputs never break extraction.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from './dom.js';
import { canonicalLanguage, extractPageMeta } from './metadata.js';
import { dateFromUrl, normalizeDate } from '../read/dates.js';

const page = (head: string, body = '<p>Text.</p>') => parseDocument(`<html lang="en_us"><head>${head}</head><body>${body}</body></html>`);
const LD = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
const META = '<meta property="article:published_time" content="2021-05-06T10:00:00Z"><meta property="og:title" content="OG title"><meta property="og:site_name" content="Site">';
const TIME = '<time datetime="2020-01-02">2 Jan</time>';

test('JSON-LD beats meta beats <time> beats the URL', () => {
  const all = extractPageMeta(page(`${LD({ '@type': 'NewsArticle', headline: 'LD title', datePublished: '2022-07-29T23:00:00-05:00', author: [{ name: 'A B' }, { name: 'C D' }], publisher: { name: 'Pub' } })}${META}`, TIME), 'https://x.example/2019/03/04/a');
  assert.deepEqual([all.title, all.date, all.dateSource, all.author, all.source], ['LD title', '2022-07-29', 'jsonld', 'A B, C D', 'Pub']);
  const meta = extractPageMeta(page(META, TIME), 'https://x.example/2019/03/04/a');
  assert.deepEqual([meta.title, meta.date, meta.dateSource, meta.source], ['OG title', '2021-05-06', 'meta', 'Site']);
  const time = extractPageMeta(page('', `<article>${TIME}<p>x</p></article>`), 'https://x.example/2019/03/04/a');
  assert.deepEqual([time.date, time.dateSource], ['2020-01-02', 'time']);
  const url = extractPageMeta(page('<title>Plain title | Some Site</title>'), 'https://x.example/2019/03/04/a');
  assert.deepEqual([url.date, url.dateSource, url.title], ['2019-03-04', 'url', 'Plain title']);
  assert.equal(url.language, 'en-US');
});

test('@graph, arrays of types, bylines, canonical links; malformed JSON-LD is ignored', () => {
  const m = extractPageMeta(
    page(`<script type="application/ld+json">{broken</script>${LD({ '@graph': [{ '@type': 'WebSite', name: 'W' }, { '@type': ['Article', 'NewsArticle'], headline: 'G', dateCreated: '2018-02-03' }] })}<link rel="canonical" href="https://c.example/x">`, '<div class="byline">By Jo Patel</div>'),
  );
  assert.deepEqual([m.title, m.date, m.dateSource, m.author, m.url], ['G', '2018-02-03', 'jsonld', 'Jo Patel', 'https://c.example/x']);
});

test('dates normalise at their precision, keeping the calendar date as written', () => {
  assert.equal(normalizeDate('Fri, 29 Jul 2022 23:30:00 -0500'), '2022-07-29');
  assert.equal(normalizeDate('July 29, 2022'), '2022-07-29');
  assert.equal(normalizeDate('2021-10'), '2021-10');
  assert.equal(normalizeDate('2017'), '2017');
  assert.equal(normalizeDate('2022-02-30'), null);
  assert.equal(normalizeDate('garbage'), null);
  assert.equal(dateFromUrl('https://x.example/news/20191119/story'), '2019-11-19');
  assert.equal(dateFromUrl('not a url at all'), null);
  assert.equal(canonicalLanguage('EN_gb'), 'en-GB');
  assert.equal(canonicalLanguage('zh-hant-tw'), 'zh-Hant-TW');
  assert.equal(canonicalLanguage('??'), null);
});
