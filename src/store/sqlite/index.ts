/**
 * @module The SQLite Store (better-sqlite3): WAL, numbered migrations tracked with
 * `PRAGMA user_version`, FTS5 (porter unicode61) over sentences, cached prepared statements, and
 * every document written in one transaction. All SQL is parameterised; user text reaches FTS5 only
 * as quoted tokens (store/search-query.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MarqueeError } from '../../errors.js';
import type { Claim, EntityType, EvidenceDocument, Qualifiers, Sentence } from '../../model/types.js';
import { aliasKey, nameTokens } from '../../resolve/normalize.js';
import { entityRef, literal, toClaim, type ClaimRow } from '../evidence.js';
import { ftsAllTerms, ftsAnyPrefix, ftsAnyTerm, queryTerms, roughStem, textWords } from '../search-query.js';
import type {
  ClaimFilter,
  DocumentWrite,
  Entity,
  ResolutionRecord,
  SentenceHit,
  Store,
  StoreCounts,
  StoredDocument,
  StoredMention,
} from '../store.js';
import { validateWrite } from '../validate-write.js';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const MIGRATION_FILE = /^(\d+)-[\w-]+\.sql$/;

/** Milliseconds a writer waits for another connection's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;
/** Page cache per connection, in KiB: holds the hot index pages of a large knowledge base (SQLite's default is 2 MB). */
const PAGE_CACHE_KIB = 32_768;
/** Documents whose text is kept in memory for slicing evidence: a page of claims touches few documents. */
const TEXT_CACHE_DOCUMENTS = 256;
/** Most entities `findEntitiesByToken` returns: a common word ("love") must not return thousands. */
const TOKEN_LOOKUP_LIMIT = 100;
/**
 * A search term found in at least this many sentences is "common": BM25 over an OR query must
 * score every sentence containing any term, so common terms are left out of the FTS query and only
 * re-rank the candidates the rarer terms find. Keeps search time bounded as the corpus grows.
 */
const COMMON_TERM_ROWS = 2000;
/**
 * When every query word is common and too few sentences contain them all, only the most recent
 * this-many sentences are ranked for "any of the words": BM25 reads a size record per matching
 * row, so ranking all of a huge corpus would take seconds. For news, recent text matters most.
 */
const ALL_COMMON_WINDOW_SENTENCES = 20_000;
/** Candidates fetched per requested hit when re-ranking with common terms. */
const RERANK_FACTOR = 5;
/** Most candidates fetched for re-ranking. */
const MAX_RERANK_CANDIDATES = 500;
/** Highest code point: `key + MAX_CHAR` bounds a prefix range scan on a BINARY-collated column. */
const MAX_CHAR = '\u{10ffff}';

interface DocumentRow {
  id: string;
  text_hash: string;
  raw_hash: string | null;
  title: string;
  source: string | null;
  url: string | null;
  date: string | null;
  date_source: string | null;
  author: string | null;
  language: string | null;
  path: string | null;
  text: string;
  added_at: string;
  duplicate_of: string | null;
}

interface EntityRow {
  id: string;
  name: string;
  type: string;
  subtype: string | null;
  mention_count: number;
  document_count: number;
}

interface ClaimJoinRow {
  id: string;
  doc_id: string;
  predicate: string;
  subject_id: string;
  object_id: string | null;
  object_value: string | null;
  object_datatype: string | null;
  qualifiers: string;
  modality: string;
  confidence: number;
  char_start: number;
  char_end: number;
  sentence_start: number;
  sentence_end: number;
  s_name: string;
  s_type: string;
  s_subtype: string | null;
  o_name: string | null;
  o_type: string | null;
  o_subtype: string | null;
  d_title: string;
  d_source: string | null;
  d_url: string | null;
  d_date: string | null;
}

const DOC_COLUMNS = 'id, text_hash, raw_hash, title, source, url, date, date_source, author, language, path, text, added_at, duplicate_of';

function toDocument(r: DocumentRow): StoredDocument {
  return {
    id: r.id,
    textHash: r.text_hash,
    rawHash: r.raw_hash,
    title: r.title,
    source: r.source,
    url: r.url,
    date: r.date,
    dateSource: r.date_source,
    author: r.author,
    language: r.language,
    path: r.path,
    text: r.text,
    addedAt: r.added_at,
    duplicateOf: r.duplicate_of,
  };
}

function toEntity(r: EntityRow): Entity {
  return {
    id: r.id,
    name: r.name,
    type: r.type as EntityType,
    subtype: r.subtype,
    mentionCount: r.mention_count,
    documentCount: r.document_count,
  };
}

/** Migrations shipped with this module, in order: `[version, sql]`. */
function readMigrations(): [number, string][] {
  return readdirSync(MIGRATIONS_DIR)
    .map((f) => [f, MIGRATION_FILE.exec(f)] as const)
    .filter((x): x is readonly [string, RegExpExecArray] => x[1] !== null)
    .map(([f, m]): [number, string] => [Number(m[1]), readFileSync(new URL(f, MIGRATIONS_DIR), 'utf8')])
    .sort((a, b) => a[0] - b[0]);
}

/** Applies every migration newer than the database's `user_version`, each in its own transaction. */
function migrate(db: Database.Database): void {
  const migrations = readMigrations();
  const latest = migrations.length > 0 ? migrations[migrations.length - 1][0] : 0;
  const version = (): number => db.pragma('user_version', { simple: true }) as number;
  if (version() > latest) {
    throw new MarqueeError('E301', `The database has schema version ${version()} but this Marquee knows only up to ${latest}; upgrade Marquee.`);
  }
  for (const [n, sql] of migrations) {
    // IMMEDIATE: two processes opening a new database at once serialise here; re-check inside.
    db.transaction(() => {
      if (version() >= n) return;
      db.exec(sql);
      db.pragma(`user_version = ${n}`);
    }).immediate();
  }
}

/** SQLite result codes that deserve their own message, and what to do about them. */
const STORAGE_ERRORS: Readonly<Record<string, [code: string, message: string]>> = {
  SQLITE_FULL: ['E306', 'The disk is full; free some space and run the same command again (nothing of this document was written).'],
  SQLITE_READONLY: ['E307', 'The database is read-only; check the file and folder permissions (nothing was written).'],
  SQLITE_BUSY: ['E308', 'The database is locked by another process; wait for it to finish and retry (nothing was written).'],
  SQLITE_IOERR: ['E309', 'The disk reported an I/O error; nothing of this document was written.'],
  SQLITE_CORRUPT: ['E310', 'The database file is corrupt; restore it from a backup or re-ingest into a new file.'],
  SQLITE_NOTADB: ['E310', 'The file is not a Marquee database (or is corrupt); give another --db path, or restore it from a backup.'],
};

/** A clear MarqueeError for storage failures (disk full, read-only, locked...); other errors unchanged. */
function storageError(e: unknown, path: string): unknown {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string') return e;
  const known = STORAGE_ERRORS[code] ?? STORAGE_ERRORS[code.replace(/_[A-Z0-9]+$/, '')];
  if (known === undefined) return e;
  return new MarqueeError(known[0], `${known[1]} (${path}: ${(e as Error).message})`, { cause: e, sqliteCode: code });
}

export interface SqliteStoreOptions {
  /** Open for reading only (a server that never writes): no migrations, every write fails with E307. */
  readonly?: boolean;
}

/** Opens (creating and migrating as needed) a SQLite knowledge base at `path` (':memory:' allowed). */
export function openSqliteStore(path: string, opts: SqliteStoreOptions = {}): Store {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: opts.readonly === true, fileMustExist: opts.readonly === true });
  } catch (e) {
    throw new MarqueeError('E300', `Cannot open database ${path}: ${(e as Error).message}`, { cause: e });
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    if (opts.readonly === true) {
      const latest = readMigrations().at(-1)?.[0] ?? 0;
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version !== latest) {
        throw new MarqueeError('E301', `The database has schema version ${version}, this Marquee expects ${latest}; open it once for writing to migrate it.`);
      }
    } else {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db);
    }
  } catch (e) {
    db.close();
    if (e instanceof MarqueeError) throw e;
    throw new MarqueeError('E300', `Cannot open database ${path}: ${(e as Error).message}`, { cause: e });
  }
  return new SqliteStore(db);
}

/**
 * The better-sqlite3 connection behind a SQLite store (for backends that share its transactions,
 * e.g. corrections), or null for any other store.
 */
export function sqliteConnection(store: Store): Database.Database | null {
  return store instanceof SqliteStore ? store.db : null;
}

class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly textCache = new Map<string, string>();
  /** Depth of `transaction` calls on this store (0 = none open). */
  private depth = 0;
  /**
   * Lowest `sentences.id` written in the open outermost transaction, or null: those sentences are
   * added to the FTS index just before it commits (see {@link SqliteStore.transaction}).
   */
  private ftsFrom: number | null = null;

  /** The connection (public for `sqliteConnection`; the field name `db` is relied on elsewhere). */
  constructor(readonly db: Database.Database) {}

  /** The prepared statement for `sql`, prepared once per connection. */
  private q(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (s === undefined) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  transaction<T>(fn: () => T): T {
    // The outermost of this store's transactions indexes the sentences written inside it for
    // full-text search just before committing: one FTS5 segment per transaction. (FTS5 flushes
    // its pending terms at every savepoint, so indexing inside each document's savepoint would
    // write a segment per document.) A rolled-back savepoint's sentences are gone by then.
    const outermost = this.depth === 0;
    const body = outermost
      ? (): T => {
          const out = fn();
          this.flushFts();
          return out;
        }
      : fn;
    this.depth++;
    try {
      // Nested: a savepoint inside the outer transaction. Outermost: BEGIN IMMEDIATE, so a writer
      // takes the write lock up front and waits (busy_timeout) instead of failing on lock upgrade.
      if (this.db.inTransaction) return this.db.transaction(body)();
      try {
        return this.db.transaction(body).immediate();
      } catch (e) {
        throw storageError(e, this.db.name);
      }
    } finally {
      this.depth--;
      if (outermost) this.ftsFrom = null;
    }
  }

  /** Adds the sentences written since `ftsFrom` to the FTS index (inside the open transaction). */
  private flushFts(): void {
    if (this.ftsFrom === null) return;
    this.q('INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id >= ?').run(this.ftsFrom);
    this.ftsFrom = null;
  }

  // ------------------------------------------------------------------------------------ documents

  hasDocument(textHash: string): boolean {
    return this.q('SELECT 1 FROM documents WHERE text_hash = ?').get(textHash) !== undefined;
  }

  hasRawHash(rawHash: string): boolean {
    return this.q('SELECT 1 FROM documents WHERE raw_hash = ? LIMIT 1').get(rawHash) !== undefined;
  }

  putDocument(write: DocumentWrite): boolean {
    return this.transaction(() => {
      const d = write.document;
      if (this.hasDocument(d.textHash)) return false;
      validateWrite(write, (id) => this.q('SELECT 1 FROM entities WHERE id = ?').get(id) !== undefined);
      this.q(
        `INSERT INTO documents (${DOC_COLUMNS}, minhash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        d.id, d.textHash, d.rawHash, d.title, d.source, d.url, d.date, d.dateSource, d.author, d.language, d.path, d.text,
        new Date().toISOString(), d.duplicateOf, write.minhash ? JSON.stringify(write.minhash) : null,
      );
      const insSentence = this.q('INSERT INTO sentences (doc_id, idx, char_start, char_end, text) VALUES (?, ?, ?, ?, ?)');
      for (const s of write.sentences) {
        const row = insSentence.run(d.id, s.index, s.start, s.end, d.text.slice(s.start, s.end)).lastInsertRowid;
        // Rowids only grow within a transaction (max + 1), so the first one bounds all the rest.
        if (this.ftsFrom === null) this.ftsFrom = Number(row);
      }

      const insEntity = this.q('INSERT OR IGNORE INTO entities (id, name, type, subtype) VALUES (?, ?, ?, ?)');
      for (const e of write.newEntities) {
        insEntity.run(e.id, e.name, e.type, e.subtype);
        this.addAlias(e.id, e.name);
      }
      for (const u of write.entityUpdates ?? []) {
        if (u.name !== undefined) {
          this.q('UPDATE entities SET name = ? WHERE id = ?').run(u.name, u.id);
          this.addAlias(u.id, u.name);
        }
        if (u.subtype !== undefined) this.q('UPDATE entities SET subtype = ? WHERE id = ?').run(u.subtype, u.id);
      }
      for (const a of write.aliases) this.addAlias(a.entityId, a.alias);

      const mentionsPer = new Map<string, number>();
      const insMention = this.q('INSERT OR IGNORE INTO mentions (doc_id, char_start, char_end, entity_id, text) VALUES (?, ?, ?, ?, ?)');
      for (const m of write.mentions) {
        const changed = insMention.run(d.id, m.start, m.end, m.entityId, m.text).changes;
        mentionsPer.set(m.entityId, (mentionsPer.get(m.entityId) ?? 0) + changed);
      }
      const insClaim = this.q(
        `INSERT OR IGNORE INTO claims (id, doc_id, predicate, subject_id, object_id, object_value, object_datatype, qualifiers,
           modality, confidence, char_start, char_end, sentence_start, sentence_end, extractor)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const c of write.claims) {
        const changed = insClaim.run(
          c.id, d.id, c.predicate, c.subjectId, c.objectId, c.object?.value ?? null, c.object?.datatype ?? null,
          JSON.stringify(c.qualifiers ?? {}), c.modality, c.confidence, c.start, c.end, c.sentenceStart, c.sentenceEnd, c.extractor,
        ).changes;
        if (changed === 0) continue;
        if (!mentionsPer.has(c.subjectId)) mentionsPer.set(c.subjectId, 0);
        if (c.objectId !== null && !mentionsPer.has(c.objectId)) mentionsPer.set(c.objectId, 0);
      }
      const bumpCounts = this.q('UPDATE entities SET mention_count = mention_count + ?, document_count = document_count + 1 WHERE id = ?');
      for (const [id, n] of mentionsPer) bumpCounts.run(n, id);

      const insBand = this.q('INSERT OR IGNORE INTO lsh_bands (band, doc_id) VALUES (?, ?)');
      for (const b of write.bands ?? []) insBand.run(b, d.id);

      if (write.resolutions !== undefined && write.resolutions.length > 0) {
        this.q('INSERT INTO document_resolutions (doc_id, records) VALUES (?, ?)').run(d.id, JSON.stringify(write.resolutions));
      }
      return true;
    });
  }

  /** Adds `alias` (and its word tokens) to the entity; existing keys are kept as they are. */
  private addAlias(entityId: string, alias: string): void {
    const key = aliasKey(alias);
    if (key.length === 0) return;
    const ins = this.q('INSERT OR IGNORE INTO entity_aliases (entity_id, kind, alias_key, alias) VALUES (?, ?, ?, ?)');
    ins.run(entityId, 'name', key, alias.trim());
    for (const t of nameTokens(alias)) ins.run(entityId, 'token', t, alias.trim());
  }

  getDocument(id: string): StoredDocument | null {
    const r = this.q(`SELECT ${DOC_COLUMNS} FROM documents WHERE id = ?`).get(id) as DocumentRow | undefined;
    return r ? toDocument(r) : null;
  }

  listDocuments(opts: { limit?: number; offset?: number } = {}): StoredDocument[] {
    const rows = this.q(`SELECT ${DOC_COLUMNS} FROM documents ORDER BY rowid LIMIT ? OFFSET ?`).all(
      opts.limit ?? -1,
      opts.offset ?? 0,
    ) as DocumentRow[];
    return rows.map(toDocument);
  }

  documentSentences(docId: string): Sentence[] {
    const rows = this.q('SELECT idx, char_start, char_end FROM sentences WHERE doc_id = ? ORDER BY idx').all(docId) as {
      idx: number;
      char_start: number;
      char_end: number;
    }[];
    return rows.map((r) => ({ index: r.idx, start: r.char_start, end: r.char_end }));
  }

  documentMentions(docId: string): StoredMention[] {
    const rows = this.q(
      'SELECT doc_id, char_start, char_end, text, entity_id FROM mentions WHERE doc_id = ? ORDER BY char_start, char_end, entity_id',
    ).all(docId) as { doc_id: string; char_start: number; char_end: number; text: string; entity_id: string }[];
    return rows.map((r) => ({ docId: r.doc_id, start: r.char_start, end: r.char_end, text: r.text, entityId: r.entity_id }));
  }

  documentResolutions(docId: string): ResolutionRecord[] {
    const r = this.q('SELECT records FROM document_resolutions WHERE doc_id = ?').get(docId) as { records: string } | undefined;
    return r ? (JSON.parse(r.records) as ResolutionRecord[]) : [];
  }

  findByBands(bands: readonly string[]): { id: string; minhash: number[] }[] {
    if (bands.length === 0) return [];
    const rows = this.q(
      `SELECT DISTINCT d.id, d.minhash FROM json_each(?) j
         JOIN lsh_bands b ON b.band = j.value
         JOIN documents d ON d.id = b.doc_id
       WHERE d.duplicate_of IS NULL AND d.minhash IS NOT NULL
       ORDER BY d.id`,
    ).all(JSON.stringify(bands)) as { id: string; minhash: string }[];
    return rows.map((r) => ({ id: r.id, minhash: JSON.parse(r.minhash) as number[] }));
  }

  // ------------------------------------------------------------------------------------- entities

  getEntity(id: string): Entity | null {
    const r = this.q('SELECT * FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
    return r ? toEntity(r) : null;
  }

  findEntitiesByAlias(key: string): Entity[] {
    const rows = this.q(
      `SELECT e.* FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
       WHERE a.alias_key = ? AND a.kind = 'name' ORDER BY e.mention_count DESC, e.id`,
    ).all(key) as EntityRow[];
    return rows.map(toEntity);
  }

  findEntitiesByToken(token: string, type?: EntityType): Entity[] {
    const rows = (
      type === undefined
        ? this.q(
            `SELECT e.* FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
             WHERE a.alias_key = ? AND a.kind = 'token' ORDER BY e.mention_count DESC, e.id LIMIT ?`,
          ).all(token, TOKEN_LOOKUP_LIMIT)
        : this.q(
            `SELECT e.* FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
             WHERE a.alias_key = ? AND a.kind = 'token' AND e.type = ? ORDER BY e.mention_count DESC, e.id LIMIT ?`,
          ).all(token, type, TOKEN_LOOKUP_LIMIT)
    ) as EntityRow[];
    return rows.map(toEntity);
  }

  searchEntities(prefix: string, limit: number): Entity[] {
    const key = aliasKey(prefix);
    if (key.length === 0) {
      return (this.q('SELECT * FROM entities ORDER BY mention_count DESC, id LIMIT ?').all(limit) as EntityRow[]).map(toEntity);
    }
    const rows = this.q(
      `SELECT e.* FROM entities e WHERE e.id IN (
         SELECT entity_id FROM entity_aliases WHERE alias_key >= ? AND alias_key < ?)
       ORDER BY e.mention_count DESC, e.id LIMIT ?`,
    ).all(key, key + MAX_CHAR, limit) as EntityRow[];
    return rows.map(toEntity);
  }

  entityAliases(id: string): string[] {
    const rows = this.q(`SELECT alias FROM entity_aliases WHERE entity_id = ? AND kind = 'name' ORDER BY alias_key`).all(id) as {
      alias: string;
    }[];
    return rows.map((r) => r.alias);
  }

  entityDocuments(id: string, limit = -1): StoredDocument[] {
    const rows = this.q(
      `SELECT ${DOC_COLUMNS} FROM documents WHERE id IN (
         SELECT doc_id FROM mentions WHERE entity_id = ?
         UNION SELECT doc_id FROM claims WHERE subject_id = ?
         UNION SELECT doc_id FROM claims WHERE object_id = ?)
       ORDER BY date IS NULL, date DESC, rowid DESC LIMIT ?`,
    ).all(id, id, id, limit) as DocumentRow[];
    return rows.map(toDocument);
  }

  renameEntity(id: string, name: string): void {
    this.transaction(() => {
      if (this.q('UPDATE entities SET name = ? WHERE id = ?').run(name, id).changes === 0) {
        throw new MarqueeError('E304', `No entity ${id} to rename.`);
      }
      this.addAlias(id, name);
    });
  }

  mergeEntities(intoId: string, fromId: string): void {
    if (intoId === fromId) return;
    this.transaction(() => {
      const into = this.getEntity(intoId);
      const from = this.getEntity(fromId);
      if (into === null || from === null) {
        throw new MarqueeError('E304', `Cannot merge ${fromId} into ${intoId}: ${into === null ? intoId : fromId} does not exist.`);
      }
      this.q(
        `INSERT OR IGNORE INTO entity_aliases (entity_id, kind, alias_key, alias)
         SELECT ?, kind, alias_key, alias FROM entity_aliases WHERE entity_id = ?`,
      ).run(intoId, fromId);
      this.q('DELETE FROM entity_aliases WHERE entity_id = ?').run(fromId);
      // Decisions that chose `fromId` now name `intoId` (ids are quoted JSON strings, unique tokens).
      this.q(
        `UPDATE document_resolutions SET records = replace(records, @from, @into)
         WHERE doc_id IN (SELECT doc_id FROM mentions WHERE entity_id = @fromId
                          UNION SELECT doc_id FROM claims WHERE subject_id = @fromId OR object_id = @fromId)`,
      ).run({ from: JSON.stringify(fromId), into: JSON.stringify(intoId), fromId });
      this.q('UPDATE claims SET subject_id = ? WHERE subject_id = ?').run(intoId, fromId);
      this.q('UPDATE claims SET object_id = ? WHERE object_id = ?').run(intoId, fromId);
      this.q('UPDATE OR IGNORE mentions SET entity_id = ? WHERE entity_id = ?').run(intoId, fromId);
      this.q('DELETE FROM mentions WHERE entity_id = ?').run(fromId);
      if (into.subtype === null && from.subtype !== null) {
        this.q('UPDATE entities SET subtype = ? WHERE id = ?').run(from.subtype, intoId);
      }
      this.q('DELETE FROM entities WHERE id = ?').run(fromId);
      this.q(
        `UPDATE entities SET
           mention_count = (SELECT count(*) FROM mentions WHERE entity_id = @id),
           document_count = (SELECT count(*) FROM (
             SELECT doc_id FROM mentions WHERE entity_id = @id
             UNION SELECT doc_id FROM claims WHERE subject_id = @id
             UNION SELECT doc_id FROM claims WHERE object_id = @id))
         WHERE id = @id`,
      ).run({ id: intoId });
    });
  }

  // --------------------------------------------------------------------------------------- claims

  /** WHERE clause and parameters for a claim filter (claims aliased `c`). */
  private claimWhere(f: ClaimFilter): { where: string; params: unknown[] } {
    const conds: string[] = [];
    const params: unknown[] = [];
    if (f.predicate !== undefined) {
      const ps = typeof f.predicate === 'string' ? [f.predicate] : [...f.predicate];
      if (ps.length === 0) conds.push('0');
      else {
        // With an entity filter, `+` keeps the planner on the (far more selective) entity indexes
        // instead of walking every claim of a common predicate.
        const entityFiltered = f.subjectId !== undefined || f.objectId !== undefined || f.entityId !== undefined || f.docId !== undefined;
        conds.push(`${entityFiltered ? '+' : ''}c.predicate IN (${ps.map(() => '?').join(', ')})`);
        params.push(...ps);
      }
    }
    if (f.subjectId !== undefined) {
      conds.push('c.subject_id = ?');
      params.push(f.subjectId);
    }
    if (f.objectId !== undefined) {
      conds.push('c.object_id = ?');
      params.push(f.objectId);
    }
    if (f.entityId !== undefined) {
      conds.push('(c.subject_id = ? OR c.object_id = ?)');
      params.push(f.entityId, f.entityId);
    }
    if (f.docId !== undefined) {
      conds.push('c.doc_id = ?');
      params.push(f.docId);
    }
    return { where: conds.length > 0 ? `WHERE ${conds.join(' AND ')}` : '', params };
  }

  claims(filter: ClaimFilter): Claim[] {
    const { where, params } = this.claimWhere(filter);
    // Two steps: order and page the matching ids (joining only documents, for the date), then
    // build the page's claims. Entities and evidence are fetched for one page, not every match.
    const ids = this.q(
      `SELECT c.id FROM claims c JOIN documents d ON d.id = c.doc_id
       ${where}
       ORDER BY d.date IS NULL, d.date, c.doc_id, c.char_start, c.char_end, c.id
       LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(...params, filter.limit ?? -1, filter.offset ?? 0) as string[];
    return this.claimsByIds(ids);
  }

  getClaim(id: string): Claim | null {
    return this.claimsByIds([id])[0] ?? null;
  }

  private claimsByIds(ids: readonly string[]): Claim[] {
    const byId = this.q(
      `SELECT c.*, s.name AS s_name, s.type AS s_type, s.subtype AS s_subtype,
              o.name AS o_name, o.type AS o_type, o.subtype AS o_subtype,
              d.title AS d_title, d.source AS d_source, d.url AS d_url, d.date AS d_date
       FROM claims c
         JOIN documents d ON d.id = c.doc_id
         JOIN entities s ON s.id = c.subject_id
         LEFT JOIN entities o ON o.id = c.object_id
       WHERE c.id = ?`,
    );
    const out: Claim[] = [];
    for (const id of ids) {
      const r = byId.get(id) as ClaimJoinRow | undefined;
      if (r) out.push(this.rowToClaim(r));
    }
    return out;
  }

  countClaims(filter: ClaimFilter): number {
    const { where, params } = this.claimWhere(filter);
    return (this.q(`SELECT count(*) AS n FROM claims c ${where}`).get(...params) as { n: number }).n;
  }

  private rowToClaim(r: ClaimJoinRow): Claim {
    const document: EvidenceDocument = { id: r.doc_id, title: r.d_title, source: r.d_source, url: r.d_url, date: r.d_date };
    const row: ClaimRow = {
      id: r.id,
      predicate: r.predicate,
      subject: entityRef(r.subject_id, r.s_name, r.s_type, r.s_subtype),
      object:
        r.object_id !== null
          ? entityRef(r.object_id, r.o_name ?? '', r.o_type ?? 'work', r.o_subtype)
          : literal(r.object_value ?? '', r.object_datatype ?? 'string'),
      qualifiers: JSON.parse(r.qualifiers) as Qualifiers,
      modality: r.modality as ClaimRow['modality'],
      confidence: r.confidence,
      start: r.char_start,
      end: r.char_end,
      sentenceStart: r.sentence_start,
      sentenceEnd: r.sentence_end,
      document,
    };
    return toClaim(row, this.documentText(r.doc_id));
  }

  /** The stored text of a document, through a small LRU cache (stored text never changes). */
  private documentText(docId: string): string {
    const cached = this.textCache.get(docId);
    if (cached !== undefined) {
      this.textCache.delete(docId);
      this.textCache.set(docId, cached);
      return cached;
    }
    const r = this.q('SELECT text FROM documents WHERE id = ?').get(docId) as { text: string } | undefined;
    if (r === undefined) throw new MarqueeError('E305', `Document ${docId} is missing; the database is inconsistent.`);
    this.textCache.set(docId, r.text);
    if (this.textCache.size > TEXT_CACHE_DOCUMENTS) {
      const oldest = this.textCache.keys().next().value;
      if (oldest !== undefined) this.textCache.delete(oldest);
    }
    return r.text;
  }

  // --------------------------------------------------------------------------------------- search

  searchSentences(query: string, limit: number): SentenceHit[] {
    const terms = queryTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    const common = terms.filter((t) => this.termRowsCapped(t) >= COMMON_TERM_ROWS);
    let hits: SentenceHit[];
    if (common.length === 0) {
      hits = this.ftsSearch(ftsAnyTerm(terms), limit);
    } else if (common.length === terms.length) {
      // Only common words: sentences with all of them first (over the whole index when they are
      // few enough to rank, else over recent sentences), then recent sentences with any of them.
      const newest = (this.q('SELECT max(id) AS n FROM sentences').get() as { n: number | null }).n ?? 0;
      const recent = Math.max(0, newest - ALL_COMMON_WINDOW_SENTENCES);
      const all = ftsAllTerms(terms);
      hits = this.ftsSearch(all, limit, this.matchRowsCapped(all) >= COMMON_TERM_ROWS ? recent : 0);
      if (hits.length < limit) hits = mergeHits(hits, this.ftsSearch(ftsAnyTerm(terms), limit, recent), limit);
    } else {
      const rare = terms.filter((t) => !common.includes(t));
      const candidates = this.ftsSearch(ftsAnyTerm(rare), Math.min(MAX_RERANK_CANDIDATES, limit * RERANK_FACTOR));
      hits = this.rerank(candidates, common).slice(0, limit);
    }
    // Fallback: nothing matched a whole word, so try the words as prefixes ("galitz" → "Galitzine").
    return hits.length > 0 ? hits : this.ftsSearch(ftsAnyPrefix(terms), limit);
  }

  /** Canonical-document sentences matching an FTS5 expression, best BM25 first (score = -bm25); sentence ids above `fromId` only. */
  private ftsSearch(match: string, limit: number, fromId = 0): SentenceHit[] {
    if (match.length === 0) return [];
    const rows = this.q(
      `SELECT s.doc_id, s.char_start, s.char_end, s.text, bm25(sentences_fts) AS rank
       FROM sentences_fts
         JOIN sentences s ON s.id = sentences_fts.rowid
         JOIN documents d ON d.id = s.doc_id
       WHERE sentences_fts MATCH ? AND sentences_fts.rowid > ? AND d.duplicate_of IS NULL
       ORDER BY rank, s.doc_id, s.char_start
       LIMIT ?`,
    ).all(match, fromId, limit) as { doc_id: string; char_start: number; char_end: number; text: string; rank: number }[];
    return rows.map((r) => ({ docId: r.doc_id, start: r.char_start, end: r.char_end, text: r.text, score: -r.rank }));
  }

  /** Sentences containing `term`, counted up to COMMON_TERM_ROWS (cost bounded by the cap). */
  private termRowsCapped(term: string): number {
    return this.matchRowsCapped(ftsAnyTerm([term]));
  }

  /** Sentences matching an FTS5 expression, counted up to COMMON_TERM_ROWS. */
  private matchRowsCapped(match: string): number {
    return (
      this.q('SELECT count(*) AS n FROM (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT ?)').get(
        match,
        COMMON_TERM_ROWS,
      ) as { n: number }
    ).n;
  }

  /**
   * Adds to each candidate's BM25 score the weight of each common term it contains: the BM25 idf
   * of a term in COMMON_TERM_ROWS of the sentences (an upper bound for a common term's weight).
   */
  private rerank(candidates: SentenceHit[], common: readonly string[]): SentenceHit[] {
    if (candidates.length === 0) return candidates;
    const total = (this.q('SELECT max(id) AS n FROM sentences').get() as { n: number | null }).n ?? 0;
    const idf = Math.log((Math.max(total, COMMON_TERM_ROWS) - COMMON_TERM_ROWS + 0.5) / (COMMON_TERM_ROWS + 0.5) + 1);
    const stems = common.map(roughStem);
    return candidates
      .map((h) => {
        const words = new Set(textWords(h.text).map(roughStem));
        const bonus = stems.filter((t) => words.has(t)).length * idf;
        return { ...h, score: h.score + bonus };
      })
      .sort((a, b) => b.score - a.score || (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0) || a.start - b.start);
  }

  counts(): StoreCounts {
    // One statement, one snapshot: four separate SELECTs could straddle another process's commit.
    return this.q(
      'SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM entities) AS entities, (SELECT count(*) FROM claims) AS claims, (SELECT count(*) FROM mentions) AS mentions',
    ).get() as StoreCounts;
  }

  close(): void {
    if (!this.db.open) return;
    try {
      // Keeps planner statistics current (cheap; recommended by SQLite before closing).
      this.db.pragma('optimize');
    } catch {
      // A read-only or busy database: statistics can wait.
    }
    this.db.close();
  }
}

/** `first` then the hits of `more` not already in it, up to `limit`. */
function mergeHits(first: SentenceHit[], more: SentenceHit[], limit: number): SentenceHit[] {
  const seen = new Set(first.map((h) => `${h.docId}:${h.start}`));
  const out = [...first];
  for (const h of more) {
    if (out.length >= limit) break;
    if (!seen.has(`${h.docId}:${h.start}`)) out.push(h);
  }
  return out;
}
