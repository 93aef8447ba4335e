/** @module Runs the Store contract against SQLite (in memory and in a file), plus SQLite-only checks. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { buildWrite, fixtureWrites, runStoreContract } from '../contract.js';
import { openSqliteStore, sqliteConnection } from './index.js';

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

  it('indexes for search, once per outermost transaction, exactly the sentences that were committed', () => {
    const s = openSqliteStore(':memory:');
    const db = sqliteConnection(s)!;
    // (count(*) on an external-content FTS5 table counts the content rows: ask the index itself.)
    const indexed = (word: string): number => db.prepare('SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH ?').pluck().get(word) as number;
    const checkIndex = (): void => void db.prepare("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)").run();
    const sentenceRows = (): number => (db.prepare('SELECT count(*) AS n FROM sentences').get() as { n: number }).n;
    // A batch: one transaction, one savepoint per document; the middle document fails and rolls back.
    s.transaction(() => {
      s.transaction(() => s.putDocument(buildWrite({ text: 'Zephyrine Oduya joined the cast. Filming starts soon.' })));
      assert.throws(() =>
        s.transaction(() => {
          s.putDocument(buildWrite({ text: 'Quillon Marsh left the project. Nobody knows why.' }));
          throw new Error('this document fails');
        }),
      );
      s.transaction(() => s.putDocument(buildWrite({ text: 'Brannagh Tull will direct. The studio agreed.' })));
      // Not indexed yet: the whole batch is indexed just before it commits.
      assert.equal(indexed('zephyrine'), 0);
    });
    assert.equal(indexed('zephyrine'), 1);
    checkIndex(); // throws SQLITE_CORRUPT_VTAB when index and sentences differ
    assert.equal(sentenceRows(), 4);
    assert.match(s.searchSentences('Zephyrine', 5)[0]?.text ?? '', /Zephyrine Oduya/);
    assert.match(s.searchSentences('Brannagh', 5)[0]?.text ?? '', /Brannagh Tull/);
    assert.deepEqual(s.searchSentences('Quillon', 5), []);
    // A failed outer transaction indexes nothing, and the next one is not confused by it.
    assert.throws(() =>
      s.transaction(() => {
        s.putDocument(buildWrite({ text: 'Ysolde Fenn signed on. It was announced today.' }));
        throw new Error('the whole batch fails');
      }),
    );
    s.putDocument(buildWrite({ text: 'Ottoline Vask wrote the score. Critics loved it.' }));
    checkIndex();
    assert.equal(sentenceRows(), 6);
    assert.deepEqual(s.searchSentences('Ysolde', 5), []);
    assert.match(s.searchSentences('Ottoline', 5)[0]?.text ?? '', /Ottoline Vask/);
    s.close();
  });

  it('upgrades a version-51 database (sentences indexed by trigger) without losing search', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marquee-sqlite-'));
    try {
      const path = join(dir, 'v51.db');
      const raw = new Database(path);
      for (const f of ['001-init.sql', '050-corrections.sql', '051-compact-resolutions.sql']) {
        raw.exec(readFileSync(new URL(`./migrations/${f}`, import.meta.url), 'utf8'));
      }
      raw.pragma('user_version = 51');
      raw.prepare(`INSERT INTO documents (id, text_hash, title, text, added_at) VALUES ('doc_1', 'h1', 'T', 'Pellam Voss sang.', '2024-01-01')`).run();
      raw.prepare(`INSERT INTO sentences (doc_id, idx, char_start, char_end, text) VALUES ('doc_1', 0, 0, 17, 'Pellam Voss sang.')`).run();
      raw.close();
      const s = openSqliteStore(path);
      const db = sqliteConnection(s)!;
      assert.equal(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name = 'sentences_ai'").pluck().get(), 0);
      assert.match(s.searchSentences('Pellam', 5)[0]?.text ?? '', /Pellam Voss/);
      s.putDocument(buildWrite({ text: 'Corvina Holt danced. The crowd cheered.' }));
      assert.match(s.searchSentences('Corvina', 5)[0]?.text ?? '', /Corvina Holt/);
      db.prepare("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)").run();
      s.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
