/**
 * @module End-to-end test of the "Sources disagree" card in a real browser: the seeds plus the
 * deliberately conflicting article in tests/fixtures/conflict/ (another premiere date, a
 * confirmed sequel). The Purple Hearts film page must show both premiere dates and both sequel
 * statuses with their quotes, titles and dates, mark "confirmed" as current, and link every quote
 * to the article view. Saves artifacts/conflicts-entity.png.
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
const CONFLICT = resolve(ROOT, 'tests/fixtures/conflict');
const ARTIFACTS = join(ROOT, 'artifacts');

describe('conflicts on the entity page in Chromium', { skip: SKIP }, () => {
  let dir: string;
  let engine: EngineApi;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    if (!HAS_CHROMIUM) throw new Error(`Chromium is required in CI but was not found at ${CHROMIUM}`);
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'marquee-browser-conflicts-'));
    engine = createEngine({ db: join(dir, 'kb.db') });
    await engine.ingest([SEEDS, CONFLICT]);
    server = await startServer({ engine, port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === new URL(server.url).host) return route.continue();
      problems.push(`off-host request: ${url.href}`);
      return route.abort();
    });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    engine?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the disputed premiere date and the sequel status with both sides and their quotes', async () => {
    const film = engine.entities('Purple Hearts', 20).find((e) => e.name === 'Purple Hearts' && e.type === 'work' && e.subtype === 'film');
    assert.ok(film, 'the film entity exists');
    await page.goto(`${server.url}/#/entity/${encodeURIComponent(film.id)}`);
    await page.waitForSelector('h1.entity-name');
    const card = page.locator('section.conflicts');
    await card.waitFor();
    assert.match(await card.locator('.card-title').innerText(), /Disputed[\s\S]*Sources disagree/i);

    const release = card.locator('.conflict[data-predicate=publication_date]');
    const releaseText = await release.innerText();
    assert.match(releaseText, /29 Jul 2022/);
    assert.match(releaseText, /5 Aug 2022/);
    assert.deepEqual((await release.locator('.side-value').evaluateAll((els) => els.map((e) => e.getAttribute('data-value')))).sort(), ['2022-07-29', '2022-08-05']);
    assert.match(releaseText, /premiered on July 29, 2022/);
    assert.match(releaseText, /premiered on August 5, 2022/);
    assert.match(releaseText, /Netflix Confirms "Purple Hearts" Sequel/);

    const sequel = card.locator('.conflict[data-predicate=sequel]');
    assert.equal(await sequel.locator('.conflict-side').count(), 2);
    const current = sequel.locator('.conflict-side.is-current');
    assert.equal(await current.count(), 1);
    assert.match(await current.innerText(), /confirmed[\s\S]*Current/);
    assert.match(await current.innerText(), /14 Mar 2025/);
    const past = sequel.locator('.conflict-side:not(.is-current)');
    assert.match(await past.innerText(), /in talks[\s\S]*24 Dec 2024/);
    assert.match(await past.innerText(), /might be in the works/);

    // Every quote links to the article view at its span.
    const links = card.locator('a.evidence-title');
    const n = await links.count();
    assert.ok(n >= 4, `at least one quote per side (${n})`);
    for (let i = 0; i < n; i++) assert.match((await links.nth(i).getAttribute('href')) ?? '', /^#\/doc\/doc_[0-9a-f]+\?start=\d+&end=\d+$/);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'conflicts-entity.png'), fullPage: true });
    // The card alone, clipped from the full page so the sticky header does not cover it.
    const box = await card.boundingBox();
    const scrollY = await page.evaluate(() => window.scrollY);
    if (box) await page.screenshot({ path: join(ARTIFACTS, 'conflicts-card.png'), fullPage: true, clip: { x: box.x - 8, y: box.y + scrollY - 8, width: box.width + 16, height: box.height + 16 } });

    // Following a quote opens the article with the span highlighted.
    await sequel.locator('.conflict-side.is-current a.evidence-title').first().click();
    await page.waitForFunction(() => location.hash.startsWith('#/doc/'));
    await page.waitForSelector('main .loading', { state: 'detached' });
    assert.match(await page.locator('main').innerText(), /officially in development/);
    assert.deepEqual(problems, []);
  });
});
