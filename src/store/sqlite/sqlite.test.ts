/** @module Runs the Store contract against SQLite (in memory and in a file), plus SQLite-only checks. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { buildWrite, fixtureWrites, runStoreContract } from '../contract.js';
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

  it('keeps search bounded when a query word is in thousands of sentences, and still ranks by it', () => {
    const s = openSqliteStore(':memory:');
    for (const w of fixtureWrites()) s.putDocument(w);
    // 2,500 sentences with the common word "movie".
    const filler = Array.from({ length: 2500 }, (_, i) => `The movie number ${i} was fine.`).join(' ');
    s.putDocument(buildWrite({ text: `${filler} Galitzine was not in this movie. Galitzine smiled.` }));
    // The rare word finds the candidates; the common word only re-ranks them (its idf is tiny).
    const both = s.searchSentences('Galitzine movie', 10);
    assert.ok(both.length >= 2 && both.every((h) => /Galitzine/.test(h.text)));
    assert.ok(both.some((h) => h.text === 'Galitzine was not in this movie.'));
    assert.ok(both.every((h, i) => i === 0 || both[i - 1].score >= h.score));
    const common = s.searchSentences('movie fine', 5);
    assert.equal(common.length, 5);
    assert.ok(common.every((h) => /movie/.test(h.text) && /fine/.test(h.text)));
    const t0 = performance.now();
    s.searchSentences('Galitzine movie fine number', 10);
    assert.ok(performance.now() - t0 < 1000);
    s.close();
  });

  it('migrates a version-1 database, keeping its resolution decisions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marquee-sqlite-'));
    try {
      const path = join(dir, 'v1.db');
      const raw = new Database(path);
      raw.exec(readFileSync(new URL('./migrations/001-init.sql', import.meta.url), 'utf8'));
      raw.pragma('user_version = 1');
      raw.prepare(`INSERT INTO documents (id, text_hash, title, text, added_at) VALUES ('doc_1', 'h1', 'T', 'Carson sang.', '2024-01-01')`).run();
      const rec = { mentionIds: ['m0'], name: 'Carson', key: 'carson', type: 'person', subtype: null, entityId: 'ent_old', method: 'new', score: 1, candidates: [], reasons: ['r'] };
      raw.prepare(`INSERT INTO resolutions (doc_id, seq, entity_id, method, score, record) VALUES ('doc_1', 0, 'ent_new', 'new', 1, ?)`).run(JSON.stringify(rec));
      raw.close();
      const s = openSqliteStore(path);
      assert.deepEqual(s.documentResolutions('doc_1'), [{ ...rec, entityId: 'ent_new' }]);
      s.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says clearly when the database cannot be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marquee-sqlite-'));
    try {
      const path = join(dir, 'ro.db');
      openSqliteStore(path).close();
      const s = openSqliteStore(path, { readonly: true });
      assert.equal(s.counts().documents, 0);
      assert.throws(() => s.putDocument(fixtureWrites()[0]), /E307 The database is read-only/);
      s.close();
      assert.throws(() => openSqliteStore(join(dir, 'missing.db'), { readonly: true }), /E300/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
