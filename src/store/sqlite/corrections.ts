/**
 * @module Corrections backend for the SQLite store (issue #9): the audit log in the `corrections`
 * table (migration 050) and the raw entity edits split and undo need. Works on the store's own
 * better-sqlite3 connection, so corrections and ingested data commit in the same transactions.
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MarqueeError } from '../../errors.js';
import { aliasKey, nameTokens } from '../../resolve/normalize.js';
import type { CorrectionLog, CorrectionOp, CorrectionRecord, CorrectionsBackend, EntityEditor, UndoData } from '../../curate/correction-types.js';
import type { NewEntity, Store, StoredMention } from '../store.js';

const MIGRATION = new URL('./migrations/050-corrections.sql', import.meta.url);

/**
 * The better-sqlite3 connection of a SQLite store. The store keeps it in a field named `db`;
 * TODO(#9): the store should expose it publicly (`readonly db`) so this lookup is typed.
 */
export function sqliteHandle(store: Store): Database.Database {
  const db = (store as unknown as { db?: unknown }).db;
  if (!(db instanceof Database)) throw new MarqueeError('E600', 'Corrections need the SQLite store’s connection; this store does not expose one.');
  return db;
}

interface Row {
  id: string;
  seq: number;
  op: string;
  payload: string;
  who: string;
  at: string;
  why: string | null;
  undo: string | null;
  undone_at: string | null;
  undone_by: string | null;
}

const toRecord = (r: Row): CorrectionRecord => ({
  id: r.id,
  seq: r.seq,
  op: JSON.parse(r.payload) as CorrectionOp,
  who: r.who,
  at: r.at,
  why: r.why,
  undo: r.undo ? (JSON.parse(r.undo) as UndoData) : null,
  undone: r.undone_at ? { at: r.undone_at, by: r.undone_by ?? 'unknown' } : null,
});

/** Creates the corrections table and view when missing (idempotent). */
export function ensureCorrectionsSchema(db: Database.Database): void {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'corrections'").get();
  if (!exists) db.exec(readFileSync(MIGRATION, 'utf8'));
}

class SqliteCorrectionLog implements CorrectionLog {
  constructor(private readonly db: Database.Database) {}

  append(rec: Omit<CorrectionRecord, 'seq'> & { seq?: number }): CorrectionRecord {
    return this.db.transaction(() => {
      const existing = this.get(rec.id);
      if (existing) return existing;
      const next = (this.db.prepare('SELECT coalesce(max(seq), 0) + 1 AS n FROM corrections').get() as { n: number }).n;
      const seq = rec.seq !== undefined && rec.seq >= next ? rec.seq : next;
      this.db
        .prepare('INSERT INTO corrections (id, seq, op, payload, who, at, why, undo, undone_at, undone_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(rec.id, seq, rec.op.op, JSON.stringify(rec.op), rec.who, rec.at, rec.why, rec.undo ? JSON.stringify(rec.undo) : null, rec.undone?.at ?? null, rec.undone?.by ?? null);
      return { ...rec, seq };
    })();
  }

  list(opts: { active?: boolean } = {}): CorrectionRecord[] {
    const sql = `SELECT * FROM corrections ${opts.active ? 'WHERE undone_at IS NULL' : ''} ORDER BY seq`;
    return (this.db.prepare(sql).all() as Row[]).map(toRecord);
  }

  get(id: string): CorrectionRecord | null {
    const r = this.db.prepare('SELECT * FROM corrections WHERE id = ?').get(id) as Row | undefined;
    return r ? toRecord(r) : null;
  }

  setUndo(id: string, undo: UndoData | null): void {
    this.db.prepare('UPDATE corrections SET undo = ? WHERE id = ?').run(undo ? JSON.stringify(undo) : null, id);
  }

  setOp(id: string, op: CorrectionOp): void {
    this.db.prepare('UPDATE corrections SET payload = ? WHERE id = ? AND op = ?').run(JSON.stringify(op), id, op.op);
  }

  markUndone(id: string, by: string, at: string): void {
    this.db.prepare('UPDATE corrections SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL').run(at, by, id);
  }

  retractedClaimIds(): Set<string> {
    const rows = this.db.prepare('SELECT claim_id FROM retracted_claims').all() as { claim_id: string }[];
    return new Set(rows.map((r) => r.claim_id));
  }
}

class SqliteEntityEditor implements EntityEditor {
  constructor(private readonly db: Database.Database) {}

  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return this.db.transaction(fn)();
    return this.db.transaction(fn).immediate();
  }

  createEntity(e: NewEntity): boolean {
    const changed = this.db.prepare('INSERT OR IGNORE INTO entities (id, name, type, subtype) VALUES (?, ?, ?, ?)').run(e.id, e.name, e.type, e.subtype).changes;
    this.addAliases(e.id, [e.name]);
    return changed > 0;
  }

  deleteEntityIfUnused(id: string): boolean {
    const used = this.db
      .prepare('SELECT 1 FROM mentions WHERE entity_id = @id UNION ALL SELECT 1 FROM claims WHERE subject_id = @id OR object_id = @id LIMIT 1')
      .get({ id });
    if (used) return false;
    this.db.prepare('DELETE FROM entity_aliases WHERE entity_id = ?').run(id);
    return this.db.prepare('DELETE FROM entities WHERE id = ?').run(id).changes > 0;
  }

  entityMentions(id: string): StoredMention[] {
    const rows = this.db.prepare('SELECT doc_id, char_start, char_end, text, entity_id FROM mentions WHERE entity_id = ? ORDER BY doc_id, char_start').all(id) as {
      doc_id: string;
      char_start: number;
      char_end: number;
      text: string;
      entity_id: string;
    }[];
    return rows.map((r) => ({ docId: r.doc_id, start: r.char_start, end: r.char_end, text: r.text, entityId: r.entity_id }));
  }

  moveMentions(mentions: readonly { docId: string; start: number; end: number }[], fromId: string, toId: string): void {
    const upd = this.db.prepare('UPDATE OR IGNORE mentions SET entity_id = ? WHERE doc_id = ? AND char_start = ? AND char_end = ? AND entity_id = ?');
    for (const m of mentions) upd.run(toId, m.docId, m.start, m.end, fromId);
  }

  setClaimEntity(claimId: string, side: 'subject' | 'object', entityId: string): void {
    this.db.prepare(`UPDATE claims SET ${side === 'subject' ? 'subject_id' : 'object_id'} = ? WHERE id = ?`).run(entityId, claimId);
  }

  addAliases(id: string, aliases: readonly string[]): void {
    const ins = this.db.prepare('INSERT OR IGNORE INTO entity_aliases (entity_id, kind, alias_key, alias) VALUES (?, ?, ?, ?)');
    for (const alias of aliases) {
      const key = aliasKey(alias);
      if (!key) continue;
      ins.run(id, 'name', key, alias.trim());
      for (const t of nameTokens(alias)) ins.run(id, 'token', t, alias.trim());
    }
  }

  removeAliases(id: string, aliases: readonly string[]): void {
    const del = this.db.prepare("DELETE FROM entity_aliases WHERE entity_id = ? AND kind = 'name' AND alias_key = ?");
    for (const a of aliases) del.run(id, aliasKey(a));
    // Word tokens are kept only while a remaining name alias still has them.
    const names = (this.db.prepare("SELECT alias FROM entity_aliases WHERE entity_id = ? AND kind = 'name'").all(id) as { alias: string }[]).map((r) => r.alias);
    const keep = new Set(names.flatMap((n) => nameTokens(n)));
    const tokens = this.db.prepare("SELECT alias_key FROM entity_aliases WHERE entity_id = ? AND kind = 'token'").all(id) as { alias_key: string }[];
    const delToken = this.db.prepare("DELETE FROM entity_aliases WHERE entity_id = ? AND kind = 'token' AND alias_key = ?");
    for (const t of tokens) if (!keep.has(t.alias_key)) delToken.run(id, t.alias_key);
  }

  setSubtype(id: string, subtype: string | null): void {
    this.db.prepare('UPDATE entities SET subtype = ? WHERE id = ?').run(subtype, id);
  }

  refreshCounts(ids: readonly string[]): void {
    const upd = this.db.prepare(
      `UPDATE entities SET
         mention_count = (SELECT count(*) FROM mentions WHERE entity_id = @id),
         document_count = (SELECT count(*) FROM (
           SELECT doc_id FROM mentions WHERE entity_id = @id
           UNION SELECT doc_id FROM claims WHERE subject_id = @id
           UNION SELECT doc_id FROM claims WHERE object_id = @id))
       WHERE id = @id`,
    );
    for (const id of ids) upd.run({ id });
  }
}

/** The corrections backend of a SQLite store (creates the table when missing). */
export function sqliteCorrections(store: Store): CorrectionsBackend {
  const db = sqliteHandle(store);
  ensureCorrectionsSchema(db);
  return { log: new SqliteCorrectionLog(db), editor: new SqliteEntityEditor(db) };
}
