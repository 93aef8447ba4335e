/** @module Runs the Store contract against SQLite (in memory and in a file), plus SQLite-only checks. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { fixtureWrites, runStoreContract } from '../contract.js';
import { openSqliteStore } from './index.js';

runStoreContract({ name: 'sqlite', open: () => openSqliteStore(':memory:'), openAt: openSqliteStore });

describe('SQLite store specifics', () => {
  it('creates a WAL database at the latest schema version, and reopens it without re-migrating', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marquee-sqlite-'));
    try {
      const path = join(dir, 'kb.db');
      const s = openSqliteStore(path);
      for (const w of fixtureWrites()) s.putDocument(w);
      s.close();
      const raw = new Database(path);
      assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
      assert.ok((raw.pragma('user_version', { simple: true }) as number) >= 1);
      assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
      assert.deepEqual(raw.pragma('foreign_key_check'), []);
      raw.close();
      const again = openSqliteStore(path);
      assert.equal(again.counts().documents, 3);
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a database from a newer schema version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marquee-sqlite-'));
    try {
      const path = join(dir, 'future.db');
      const raw = new Database(path);
      raw.pragma('user_version = 999');
      raw.close();
      assert.throws(() => openSqliteStore(path), /E301/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a database path that cannot be opened', () => {
    assert.throws(() => openSqliteStore('/nonexistent-dir/for/sure/kb.db'), /E300/);
  });

  it('keeps the FTS index in step with sentences', () => {
    const s = openSqliteStore(':memory:');
    for (const w of fixtureWrites()) s.putDocument(w);
    const hits = s.searchSentences('Tess Wakefield novel', 3);
    assert.match(hits[0].text, /Tess Wakefield/);
    s.close();
  });
});
