/**
 * @module Our extractors on hand-made pages: split article bodies are joined, the chosen
 * container is never pruned away by its own class, navigation lists and captions are dropped.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from './dom.js';
import { extractContainer, extractReadability, isNavList } from './extractors.js';

const P = (s: string) => `<p>${s} ${'The film was shot on location over nine weeks with a small crew and a cast of newcomers. '.repeat(3)}</p>`;

test('container: a body split around an ad is joined in order; teasers outside it are not', () => {
  const doc = parseDocument(`<html><body><main>
    <div class="article-body">${P('First part.')}</div><div class="ad">Buy</div><div class="article-body">${P('Second part.')}</div>
    <aside><article><h3>Teaser</h3><p>Another story entirely.</p></article></aside></main></body></html>`);
  const c = extractContainer(doc)!;
  assert.ok(c.text.indexOf('First part.') >= 0 && c.text.indexOf('First part.') < c.text.indexOf('Second part.'));
  assert.ok(!c.text.includes('Another story') && !c.text.includes('Buy'));
});

test('container: a root whose class looks like boilerplate ("post-meta-wrapper") is still read', () => {
  const doc = parseDocument(`<html><body><article class="meta-wrapper">${P('Body one.')}${P('Body two.')}<div class="share">Share this</div></article></body></html>`);
  const c = extractContainer(doc)!;
  assert.ok(c.text.includes('Body one.') && c.text.includes('Body two.'));
  assert.ok(!c.text.includes('Share this'));
});

test('navigation lists are recognised; a list of real items is not', () => {
  const nav = parseDocument('<ul><li><a href="/">Home</a></li><li><a href="/n">News</a></li><li><a href="/s">Sports</a></li><li><a href="/b">Business</a></li></ul>');
  assert.ok(isNavList(nav.querySelector('ul')!));
  const items = parseDocument('<ul><li>Best actress: Lina Okafor for Salt Roads</li><li>Best screenplay: Tom Baird</li><li>Best film: <a href="/x">Glass Orchard</a></li><li>Best debut: Noor Haddad</li></ul>');
  assert.ok(!isNavList(items.querySelector('ul')!));
});

test('readability candidate: captions and share bars pruned, headings and quotes kept as blocks', () => {
  const doc = parseDocument(`<html><head><title>T</title></head><body><article><h1>T</h1>
    ${P('Opening paragraph.')}<figure><img src="a.jpg"><figcaption>The cast at the premiere</figcaption></figure>
    <h2>A section heading</h2>${P('Middle paragraph.')}<blockquote><p>"A quoted line," she said.</p></blockquote>
    <div class="social-share"><a href="#">Facebook</a> <a href="#">Twitter</a></div>${P('Closing paragraph.')}</article></body></html>`);
  const c = extractReadability(doc)!;
  const tags = c.blocks.map((b) => b.tag);
  assert.ok(tags.includes('h2') && tags.includes('p'));
  assert.ok(c.text.includes('"A quoted line," she said.'));
  assert.ok(!c.text.includes('The cast at the premiere'));
  assert.ok(!c.text.includes('Facebook'));
  assert.ok(/Opening paragraph\.[^]*\n\nA section heading\n\n[^]*Middle paragraph\./.test(c.text));
});
