/**
 * @module XSS test of the web UI in a real browser: hostile articles written for this test
 * (tests/fixtures/xss: `<script>`, `<img onerror>`, `javascript:` links, `"><svg onload>` in
 * titles, bodies and metadata) are ingested next to the seeds and rendered in every view. No
 * payload may run: the `window.__pwned` canary stays undefined, no dialog opens, no element or
 * attribute from article data appears in the DOM, and the payloads show up as plain text.
 *
 * Chromium missing: fails in CI (process.env.CI), skipped locally with the reason.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_ARGS, HAS_CHROMIUM, SKIP } from './chromium.js';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createEngine } from '../../src/engine/engine.js';
import type { EngineApi } from '../../src/engine/types.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SEEDS = resolve(ROOT, '../shared/corpus/seeds');
const XSS = resolve(ROOT, 'tests/fixtures/xss');
const ARTIFACTS = join(ROOT, 'artifacts');

describe('hostile article content renders inert in every view', { skip: SKIP }, () => {
  let dir: string;
  let engine: EngineApi;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let xssDocs: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];

  before(async () => {
    if (!HAS_CHROMIUM) throw new Error(`Chromium is required for the browser tests in CI but was not found at ${CHROMIUM}; install it with apt-get install chromium (.ci/run does).`);
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'marquee-xss-'));
    engine = createEngine({ db: join(dir, 'kb.db') });
    const seeds = await engine.ingest([SEEDS]);
    assert.equal(seeds.documents.added, 5);
    const hostile = await engine.ingest(['xss-title.txt', 'xss-meta.json', 'xss-escaped.html'].map((f) => join(XSS, f)));
    assert.equal(hostile.documents.failed, 0, JSON.stringify(hostile.errors));
    xssDocs = hostile.added ?? [];
    assert.equal(xssDocs.length, 3, 'three hostile articles ingested');
    server = await startServer({ engine, port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route('**/*', (route) => (new URL(route.request().url()).host === new URL(server.url).host ? route.continue() : route.abort()));
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    engine?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Open a route, wait for it to render, and check that nothing ran and nothing was injected. */
  async function visit(hash: string): Promise<void> {
    await page.goto(`${server.url}/${hash}`);
    await page.waitForSelector('main > *:not(.loading)');
    await page.waitForSelector('main .loading', { state: 'detached' });
    await page.waitForTimeout(150); // let any (wrongly) injected handler fire
    await assertInert(hash);
  }

  async function assertInert(where: string): Promise<void> {
    const state = await page.evaluate(() => {
      const w = window as unknown as { __pwned?: unknown };
      const all = Array.from(document.querySelectorAll('*'));
      return {
        pwned: w.__pwned,
        scripts: Array.from(document.scripts).map((s) => s.src || 'inline'),
        handlers: all.filter((el) => Array.from(el.attributes).some((a) => a.name.startsWith('on'))).map((el) => el.outerHTML.slice(0, 120)),
        jsLinks: Array.from(document.querySelectorAll('[href]')).map((a) => a.getAttribute('href') ?? '').filter((h) => !/^(#|\/|https?:)/i.test(h)),
        injected: Array.from(document.querySelectorAll('main svg, main img, main iframe, main object, main embed, main b, main script, main style')).map((el) => el.outerHTML.slice(0, 120)),
        // Cytoscape positions its canvases through element.style (CSSOM, allowed by the CSP).
        styleAttrs: Array.from(document.querySelectorAll('main [style]')).filter((el) => !el.closest('.graph-canvas')).length,
      };
    });
    assert.equal(state.pwned, undefined, `${where}: a payload ran (window.__pwned = ${String(state.pwned)})`);
    assert.deepEqual(dialogs, [], `${where}: a dialog opened`);
    assert.deepEqual(state.scripts.filter((s) => !s.endsWith('/app.js')), [], `${where}: unexpected scripts`);
    assert.deepEqual(state.handlers, [], `${where}: event-handler attributes in the DOM`);
    assert.deepEqual(state.jsLinks, [], `${where}: non-http(s) links`);
    assert.deepEqual(state.injected, [], `${where}: elements from article data`);
    assert.equal(state.styleAttrs, 0, `${where}: style attributes`);
    assert.deepEqual(errors, [], `${where}: page errors`);
  }

  it('article views show the payloads as text', async () => {
    for (const [i, id] of xssDocs.entries()) {
      await visit(`#/doc/${encodeURIComponent(id)}`);
      const title = await page.locator('h1.article-title').innerText();
      const text = await page.locator('[data-testid=article-text]').innerText();
      assert.ok(title.length > 0);
      await page.screenshot({ path: join(ARTIFACTS, `xss-article-${i}.png`), fullPage: true });
      if (/Nightjar Premiere Recap/.test(title)) {
        assert.match(title, /<svg onload=alert\(1\)>/, 'the title payload is visible as text');
        assert.ok(text.includes("<script>window.__pwned='script'</script>"), 'the body payload is visible as text');
      }
    }
  });

  it('external links with javascript: URLs are not links', async () => {
    const meta = xssDocs.find((id) => /Odile Brennan on Nightjar/.test(engine.document(id)?.document.title ?? ''));
    assert.ok(meta, 'the JSON fixture was ingested');
    await visit(`#/doc/${encodeURIComponent(meta)}`);
    assert.equal(await page.locator('.article-meta a').count(), 0, 'no link to the original');
    // Stored as given (readers keep metadata verbatim): the UI shows that a link was withheld.
    if (engine.document(meta)?.document.url?.startsWith('javascript:')) assert.equal(await page.locator('.article-meta .ext-link-disabled').count(), 1);
  });

  it('answers, search hits, typeahead, entity pages, timelines and graphs stay inert', async () => {
    await visit(`#/ask?q=${encodeURIComponent('Who plays Ada Vance in Nightjar?')}`);
    await visit(`#/ask?q=${encodeURIComponent('window.__pwned script onerror')}`);
    await page.screenshot({ path: join(ARTIFACTS, 'xss-search.png'), fullPage: true });
    // Typeahead over hostile names.
    await visit('#/');
    for (const prefix of ['Nightjar', 'Marlowe', '<img', '"><', 'Ashes']) {
      const input = page.locator('.hero .search-input');
      await input.fill('');
      await input.pressSequentially(prefix, { delay: 10 });
      await page.waitForTimeout(300);
      await assertInert(`typeahead "${prefix}"`);
    }
    // Every entity mentioned in the hostile articles: page, timeline, graph.
    const ids = new Set<string>();
    for (const d of xssDocs) for (const m of engine.document(d)?.mentions ?? []) ids.add(m.entity.id);
    assert.ok(ids.size > 0);
    for (const id of ids) {
      const e = encodeURIComponent(id);
      await visit(`#/entity/${e}`);
      await visit(`#/entity/${e}/timeline`);
      await visit(`#/entity/${e}/graph`);
      await page.waitForTimeout(100);
      await assertInert(`graph of ${id}`);
    }
  });
});
