/**
 * The README's first command: `npm start` builds a knowledge base from examples/ and answers the
 * sample questions with citations. Run here without the server (`--no-serve`).
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

it('npm start (demo) ingests the examples and answers their questions with sources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marquee-demo-'));
  try {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/marquee.js'), 'demo', '--no-serve', '--db', join(dir, 'demo.db')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Ingested \d+ new, 0 unchanged, 0 failed/);
    assert.match(r.stdout, /Delphine Okafor plays June Alder in Paper Lanterns\./);
    assert.match(r.stdout, /Marisol Vance/);
    assert.match(r.stdout, /Agnes Whitlock/);
    // Answers cite articles, never the examples' own documentation files.
    assert.doesNotMatch(r.stdout, /Questions the example articles answer/);
    assert.match(r.stdout, /— “[^”]+”/, 'each answer shows its source');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
