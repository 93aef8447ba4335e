/** The cached worker bundle: each module keeps its own import.meta.url, and any source edit rebuilds it. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { buildBundle } from './bundle.js';

test('bundles a module graph, keeps each module its own import.meta.url, and rebuilds after an edit', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marquee-bundle-'));
  try {
    const dep = join(dir, 'dep.ts');
    const entry = join(dir, 'entry.ts');
    const cache = pathToFileURL(join(dir, 'cache') + '/');
    writeFileSync(dep, "export const depUrl: string = import.meta.url;\nexport const version = 1;\n");
    writeFileSync(entry, "import { depUrl, version } from './dep.js';\nexport const entryUrl: string = import.meta.url;\nexport { depUrl, version };\n");
    const first = await buildBundle(pathToFileURL(entry), cache);
    assert.ok(first !== null);
    const m1 = (await import(first.href)) as { entryUrl: string; depUrl: string; version: number };
    assert.equal(m1.entryUrl, pathToFileURL(entry).href);
    assert.equal(m1.depUrl, pathToFileURL(dep).href);
    assert.equal(m1.version, 1);
    // Unchanged sources: the same cached file.
    assert.equal((await buildBundle(pathToFileURL(entry), cache))?.href, first.href);
    // An edited source: a new bundle with the new code.
    writeFileSync(dep, "export const depUrl: string = import.meta.url;\nexport const version = 2;\n");
    const second = await buildBundle(pathToFileURL(entry), cache);
    assert.ok(second !== null && second.href !== first.href);
    assert.equal(((await import(second.href)) as { version: number }).version, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('refuses to bundle a module that uses import.meta beyond its url (the caller then uses tsx)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marquee-bundle-'));
  try {
    const entry = join(dir, 'entry.ts');
    const cache = pathToFileURL(join(dir, 'cache') + '/');
    writeFileSync(entry, "export const dir: string = import.meta.dirname;\n");
    await assert.rejects(buildBundle(pathToFileURL(entry), cache), /import\.meta beyond/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the ingest worker itself bundles (else workers silently fall back to the slower tsx start-up)', async () => {
  const url = await buildBundle(new URL('./worker.ts', import.meta.url));
  assert.ok(url !== null && url.href.endsWith('.mjs'));
});
