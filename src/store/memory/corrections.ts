/**
 * @module Corrections backend for the in-memory store (issue #9): the audit log as an array kept
 * per store, and the raw entity edits split and undo need, applied to the store's Maps.
 * The memory store is the reference implementation; its corrections behave like SQLite's.
 */
import { MarqueeError } from '../../errors.js';
import { aliasKey, nameTokens } from '../../resolve/normalize.js';
import type { CorrectionLog, CorrectionOp, CorrectionRecord, CorrectionsBackend, EntityEditor, UndoData } from '../../curate/correction-types.js';
import type { EntityType } from '../../model/types.js';
import type { NewEntity, Store, StoredMention } from '../store.js';

/** The parts of the memory store's state (src/store/memory/index.ts `State`) corrections edit. */
interface MemState {
  entities: Map<string, { id: string; name: string; type: EntityType; subtype: string | null; mentionCount: number; documentCount: number }>;
  aliases: Map<string, Map<string, { kind: 'name' | 'token'; key: string; alias: string }>>;
  aliasIndex: Map<string, Set<string>>;
  mentions: Map<string, StoredMention[]>;
  claims: Map<string, { docId: string; subjectId: string; objectId: string | null }>;
}

/**
 * The state of a memory store. It lives in a field named `s` (replaced on rollback, so it is
 * read afresh on every call). TODO(#9): the memory store should expose an editing hook.
 */
function state(store: Store): MemState {
  const s = (store as unknown as { s?: MemState }).s;
  if (!s || !(s.entities instanceof Map) || !(s.claims instanceof Map)) {
    throw new MarqueeError('E600', 'Corrections need the memory store’s state; this store does not expose it.');
  }
  return s;
}

class MemoryCorrectionLog implements CorrectionLog {
  private readonly records: CorrectionRecord[] = [];

  append(rec: Omit<CorrectionRecord, 'seq'> & { seq?: number }): CorrectionRecord {
    const existing = this.get(rec.id);
    if (existing) return existing;
    const next = (this.records.at(-1)?.seq ?? 0) + 1;
    const stored: CorrectionRecord = structuredClone({ ...rec, seq: rec.seq !== undefined && rec.seq >= next ? rec.seq : next });
    this.records.push(stored);
    return structuredClone(stored);
  }

  list(opts: { active?: boolean } = {}): CorrectionRecord[] {
    return this.records.filter((r) => !opts.active || r.undone === null).map((r) => structuredClone(r));
  }

  get(id: string): CorrectionRecord | null {
    const r = this.records.find((x) => x.id === id);
    return r ? structuredClone(r) : null;
  }

  setUndo(id: string, undo: UndoData | null): void {
    const r = this.records.find((x) => x.id === id);
    if (r) r.undo = structuredClone(undo);
  }

  setOp(id: string, op: CorrectionOp): void {
    const r = this.records.find((x) => x.id === id);
    if (r && r.op.op === op.op) r.op = structuredClone(op);
  }

  markUndone(id: string, by: string, at: string): void {
    const r = this.records.find((x) => x.id === id);
    if (r && r.undone === null) r.undone = { at, by };
  }

  retractedClaimIds(): Set<string> {
    const ids = new Set<string>();
    for (const r of this.records) {
      if (r.op.op === 'retract' && r.undone === null) ids.add(r.op.claimId);
      if (r.op.op === 'assert' && r.undone !== null) ids.add(r.op.claimId);
    }
    return ids;
  }
}

class MemoryEntityEditor implements EntityEditor {
  constructor(private readonly store: Store) {}

  private get s(): MemState {
    return state(this.store);
  }

  transaction<T>(fn: () => T): T {
    return this.store.transaction(fn);
  }

  createEntity(e: NewEntity): boolean {
    if (this.s.entities.has(e.id)) return false;
    this.s.entities.set(e.id, { id: e.id, name: e.name, type: e.type, subtype: e.subtype, mentionCount: 0, documentCount: 0 });
    this.addAliases(e.id, [e.name]);
    return true;
  }

  deleteEntityIfUnused(id: string): boolean {
    for (const ms of this.s.mentions.values()) if (ms.some((m) => m.entityId === id)) return false;
    for (const c of this.s.claims.values()) if (c.subjectId === id || c.objectId === id) return false;
    for (const a of this.s.aliases.get(id)?.values() ?? []) this.s.aliasIndex.get(`${a.kind}:${a.key}`)?.delete(id);
    this.s.aliases.delete(id);
    return this.s.entities.delete(id);
  }

  entityMentions(id: string): StoredMention[] {
    const out: StoredMention[] = [];
    for (const ms of this.s.mentions.values()) for (const m of ms) if (m.entityId === id) out.push({ ...m });
    return out.sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.start - b.start));
  }

  moveMentions(mentions: readonly { docId: string; start: number; end: number }[], fromId: string, toId: string): void {
    for (const m of mentions) {
      const list = this.s.mentions.get(m.docId);
      if (!list) continue;
      if (list.some((x) => x.entityId === toId && x.start === m.start && x.end === m.end)) continue;
      const i = list.findIndex((x) => x.entityId === fromId && x.start === m.start && x.end === m.end);
      if (i >= 0) list[i] = { ...list[i], entityId: toId };
    }
  }

  setClaimEntity(claimId: string, side: 'subject' | 'object', entityId: string): void {
    const c = this.s.claims.get(claimId);
    if (!c) return;
    if (side === 'subject') c.subjectId = entityId;
    else c.objectId = entityId;
  }

  addAliases(id: string, aliases: readonly string[]): void {
    const add = (kind: 'name' | 'token', key: string, alias: string) => {
      const ik = `${kind}:${key}`;
      let mine = this.s.aliases.get(id);
      if (!mine) this.s.aliases.set(id, (mine = new Map()));
      if (mine.has(ik)) return;
      mine.set(ik, { kind, key, alias });
      let set = this.s.aliasIndex.get(ik);
      if (!set) this.s.aliasIndex.set(ik, (set = new Set()));
      set.add(id);
    };
    for (const alias of aliases) {
      const key = aliasKey(alias);
      if (!key) continue;
      add('name', key, alias.trim());
      for (const t of nameTokens(alias)) add('token', t, alias.trim());
    }
  }

  removeAliases(id: string, aliases: readonly string[]): void {
    const mine = this.s.aliases.get(id);
    if (!mine) return;
    const drop = (ik: string) => {
      mine.delete(ik);
      this.s.aliasIndex.get(ik)?.delete(id);
    };
    for (const a of aliases) drop(`name:${aliasKey(a)}`);
    const keep = new Set([...mine.values()].filter((a) => a.kind === 'name').flatMap((a) => nameTokens(a.alias)));
    for (const [ik, a] of [...mine]) if (a.kind === 'token' && !keep.has(a.key)) drop(ik);
  }

  setSubtype(id: string, subtype: string | null): void {
    const e = this.s.entities.get(id);
    if (e) e.subtype = subtype;
  }

  refreshCounts(ids: readonly string[]): void {
    for (const id of ids) {
      const e = this.s.entities.get(id);
      if (!e) continue;
      const docs = new Set<string>();
      let mentions = 0;
      for (const [docId, ms] of this.s.mentions) {
        for (const m of ms) {
          if (m.entityId !== id) continue;
          mentions++;
          docs.add(docId);
        }
      }
      for (const c of this.s.claims.values()) if (c.subjectId === id || c.objectId === id) docs.add(c.docId);
      e.mentionCount = mentions;
      e.documentCount = docs.size;
    }
  }
}

/** One log per memory store, so every `openCorrections(store)` sees the same records. */
const LOGS = new WeakMap<Store, MemoryCorrectionLog>();

/** The corrections backend of a memory store. */
export function memoryCorrections(store: Store): CorrectionsBackend {
  state(store);
  let log = LOGS.get(store);
  if (!log) LOGS.set(store, (log = new MemoryCorrectionLog()));
  return { log, editor: new MemoryEntityEditor(store) };
}
