/**
 * @module The in-memory Store: the reference implementation of the Store contract, plain Maps.
 * A transaction snapshots the state and restores it when the function throws. Search is a simple
 * IDF-weighted word overlap. Used by tests and by `marquee extract` (no database).
 */
import { MarqueeError } from '../../errors.js';
import type { Claim, EntityType, Sentence } from '../../model/types.js';
import { aliasKey, nameTokens } from '../../resolve/normalize.js';
import { entityRef, toClaim } from '../evidence.js';
import { MIN_PREFIX_TERM_LENGTH, queryTerms, roughStem as stem, textWords as words } from '../search-query.js';
import type {
  ClaimFilter,
  DocumentWrite,
  Entity,
  NewClaim,
  ResolutionRecord,
  SentenceHit,
  Store,
  StoreCounts,
  StoredDocument,
  StoredMention,
} from '../store.js';
import { validateWrite } from '../validate-write.js';

/** Same cap as the SQLite store: a common word must not return thousands of entities. */
const TOKEN_LOOKUP_LIMIT = 100;

type AliasKind = 'name' | 'token';

interface MemDocument extends StoredDocument {
  minhash: number[] | null;
}
interface MemSentence {
  index: number;
  start: number;
  end: number;
  text: string;
}
interface MemEntity {
  id: string;
  name: string;
  type: EntityType;
  subtype: string | null;
  mentionCount: number;
  documentCount: number;
}
interface MemAlias {
  kind: AliasKind;
  key: string;
  alias: string;
}
interface MemClaim extends NewClaim {
  docId: string;
}

interface State {
  docs: Map<string, MemDocument>;
  byTextHash: Map<string, string>;
  rawHashes: Set<string>;
  sentences: Map<string, MemSentence[]>;
  entities: Map<string, MemEntity>;
  /** entityId → `${kind}:${key}` → alias. */
  aliases: Map<string, Map<string, MemAlias>>;
  /** `${kind}:${key}` → entity ids. */
  aliasIndex: Map<string, Set<string>>;
  mentions: Map<string, StoredMention[]>;
  claims: Map<string, MemClaim>;
  bands: Map<string, Set<string>>;
  resolutions: Map<string, ResolutionRecord[]>;
}

const emptyState = (): State => ({
  docs: new Map(),
  byTextHash: new Map(),
  rawHashes: new Set(),
  sentences: new Map(),
  entities: new Map(),
  aliases: new Map(),
  aliasIndex: new Map(),
  mentions: new Map(),
  claims: new Map(),
  bands: new Map(),
  resolutions: new Map(),
});


/** The memory store's state, for backends that edit it directly (corrections). */
export type MemoryStoreState = State;

/**
 * The current state of a memory store (replaced when a transaction rolls back, so read it afresh
 * on every call), or null for any other store.
 */
export function memoryStoreState(store: Store): MemoryStoreState | null {
  return store instanceof MemoryStore ? store.state : null;
}

/** Opens an empty in-memory store. */
export function openMemoryStore(): Store {
  return new MemoryStore();
}

class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  /** The state (the field name `s` is relied on by store/memory/corrections.ts). */
  private s: State = emptyState();
  private closed = false;

  get state(): State {
    return this.s;
  }

  transaction<T>(fn: () => T): T {
    this.open();
    const snapshot = structuredClone(this.s);
    try {
      return fn();
    } catch (e) {
      this.s = snapshot;
      throw e;
    }
  }

  private open(): void {
    if (this.closed) throw new MarqueeError('E303', 'The store is closed.');
  }

  hasDocument(textHash: string): boolean {
    return this.s.byTextHash.has(textHash);
  }

  hasRawHash(rawHash: string): boolean {
    return this.s.rawHashes.has(rawHash);
  }

  putDocument(write: DocumentWrite): boolean {
    return this.transaction(() => {
      const d = write.document;
      if (this.s.byTextHash.has(d.textHash)) return false;
      if (this.s.docs.has(d.id)) throw new MarqueeError('E302', `Document id ${d.id} already exists with another text hash.`);
      validateWrite(write, (id) => this.s.entities.has(id));
      this.s.docs.set(d.id, { ...d, addedAt: new Date().toISOString(), minhash: write.minhash ? [...write.minhash] : null });
      this.s.byTextHash.set(d.textHash, d.id);
      if (d.rawHash !== null) this.s.rawHashes.add(d.rawHash);
      this.s.sentences.set(
        d.id,
        write.sentences.map((x) => ({ index: x.index, start: x.start, end: x.end, text: d.text.slice(x.start, x.end) })),
      );
      for (const e of write.newEntities) {
        if (!this.s.entities.has(e.id)) {
          this.s.entities.set(e.id, { id: e.id, name: e.name, type: e.type, subtype: e.subtype, mentionCount: 0, documentCount: 0 });
        }
        this.addAlias(e.id, e.name);
      }
      for (const u of write.entityUpdates ?? []) {
        const e = this.s.entities.get(u.id)!;
        if (u.name !== undefined) {
          e.name = u.name;
          this.addAlias(u.id, u.name);
        }
        if (u.subtype !== undefined) e.subtype = u.subtype;
      }
      for (const a of write.aliases) this.addAlias(a.entityId, a.alias);

      const touched = new Map<string, number>();
      const mentions: StoredMention[] = [];
      const seen = new Set<string>();
      for (const m of write.mentions) {
        const k = `${m.start}:${m.end}:${m.entityId}`;
        if (seen.has(k)) continue;
        seen.add(k);
        mentions.push({ docId: d.id, start: m.start, end: m.end, text: m.text, entityId: m.entityId });
        touched.set(m.entityId, (touched.get(m.entityId) ?? 0) + 1);
      }
      mentions.sort((a, b) => a.start - b.start || a.end - b.end || cmp(a.entityId, b.entityId));
      this.s.mentions.set(d.id, mentions);
      for (const c of write.claims) {
        if (this.s.claims.has(c.id)) continue;
        this.s.claims.set(c.id, { ...c, qualifiers: { ...(c.qualifiers ?? {}) }, docId: d.id });
        if (!touched.has(c.subjectId)) touched.set(c.subjectId, 0);
        if (c.objectId !== null && !touched.has(c.objectId)) touched.set(c.objectId, 0);
      }
      for (const [id, n] of touched) {
        const e = this.s.entities.get(id)!;
        e.mentionCount += n;
        e.documentCount += 1;
      }
      for (const b of write.bands ?? []) {
        let set = this.s.bands.get(b);
        if (!set) this.s.bands.set(b, (set = new Set()));
        set.add(d.id);
      }
      this.s.resolutions.set(d.id, (write.resolutions ?? []).map((r) => structuredClone(r) as ResolutionRecord));
      return true;
    });
  }

  private addAlias(entityId: string, alias: string): void {
    const key = aliasKey(alias);
    if (key.length === 0) return;
    this.addAliasRow(entityId, { kind: 'name', key, alias: alias.trim() });
    for (const t of nameTokens(alias)) this.addAliasRow(entityId, { kind: 'token', key: t, alias: alias.trim() });
  }

  private addAliasRow(entityId: string, a: MemAlias): void {
    const ik = `${a.kind}:${a.key}`;
    let mine = this.s.aliases.get(entityId);
    if (!mine) this.s.aliases.set(entityId, (mine = new Map()));
    if (mine.has(ik)) return;
    mine.set(ik, a);
    let set = this.s.aliasIndex.get(ik);
    if (!set) this.s.aliasIndex.set(ik, (set = new Set()));
    set.add(entityId);
  }

  getDocument(id: string): StoredDocument | null {
    const d = this.s.docs.get(id);
    return d ? toStored(d) : null;
  }

  listDocuments(opts: { limit?: number; offset?: number } = {}): StoredDocument[] {
    const all = [...this.s.docs.values()];
    const off = opts.offset ?? 0;
    return (opts.limit === undefined || opts.limit < 0 ? all.slice(off) : all.slice(off, off + opts.limit)).map(toStored);
  }

  documentSentences(docId: string): Sentence[] {
    return (this.s.sentences.get(docId) ?? []).map((x) => ({ index: x.index, start: x.start, end: x.end })).sort((a, b) => a.index - b.index);
  }

  documentMentions(docId: string): StoredMention[] {
    return (this.s.mentions.get(docId) ?? []).map((m) => ({ ...m }));
  }

  documentResolutions(docId: string): ResolutionRecord[] {
    return (this.s.resolutions.get(docId) ?? []).map((r) => structuredClone(r) as ResolutionRecord);
  }

  findByBands(bands: readonly string[]): { id: string; minhash: number[] }[] {
    const ids = new Set<string>();
    for (const b of bands) for (const id of this.s.bands.get(b) ?? []) ids.add(id);
    return [...ids]
      .map((id) => this.s.docs.get(id)!)
      .filter((d) => d.duplicateOf === null && d.minhash !== null)
      .sort((a, b) => cmp(a.id, b.id))
      .map((d) => ({ id: d.id, minhash: [...d.minhash!] }));
  }

  getEntity(id: string): Entity | null {
    const e = this.s.entities.get(id);
    return e ? { ...e } : null;
  }

  private entitiesFor(ids: Iterable<string>): Entity[] {
    return [...ids]
      .map((id) => this.s.entities.get(id))
      .filter((e): e is MemEntity => e !== undefined)
      .sort(byMentions)
      .map((e) => ({ ...e }));
  }

  findEntitiesByAlias(key: string): Entity[] {
    return this.entitiesFor(this.s.aliasIndex.get(`name:${key}`) ?? []);
  }

  findEntitiesByToken(token: string, type?: EntityType): Entity[] {
    return this.entitiesFor(this.s.aliasIndex.get(`token:${token}`) ?? [])
      .filter((e) => type === undefined || e.type === type)
      .slice(0, TOKEN_LOOKUP_LIMIT);
  }

  searchEntities(prefix: string, limit: number): Entity[] {
    const key = aliasKey(prefix);
    if (key.length === 0) return this.entitiesFor(this.s.entities.keys()).slice(0, limit);
    const ids = new Set<string>();
    for (const [ik, set] of this.s.aliasIndex) {
      const k = ik.slice(ik.indexOf(':') + 1);
      if (k.startsWith(key)) for (const id of set) ids.add(id);
    }
    return this.entitiesFor(ids).slice(0, limit);
  }

  entityAliases(id: string): string[] {
    return [...(this.s.aliases.get(id)?.values() ?? [])]
      .filter((a) => a.kind === 'name')
      .sort((a, b) => cmp(a.key, b.key))
      .map((a) => a.alias);
  }

  private entityDocIds(id: string): Set<string> {
    const ids = new Set<string>();
    for (const [docId, ms] of this.s.mentions) if (ms.some((m) => m.entityId === id)) ids.add(docId);
    for (const c of this.s.claims.values()) if (c.subjectId === id || c.objectId === id) ids.add(c.docId);
    return ids;
  }

  entityDocuments(id: string, limit = -1): StoredDocument[] {
    const ids = this.entityDocIds(id);
    // Newest date first; among equal dates, the most recently added first (Map order is insertion order).
    const docs = [...this.s.docs.values()]
      .filter((d) => ids.has(d.id))
      .reverse()
      .sort((a, b) => nullsLast(a.date, b.date) || cmp(b.date ?? '', a.date ?? ''));
    return (limit < 0 ? docs : docs.slice(0, limit)).map(toStored);
  }

  renameEntity(id: string, name: string): void {
    this.transaction(() => {
      const e = this.s.entities.get(id);
      if (!e) throw new MarqueeError('E304', `No entity ${id} to rename.`);
      e.name = name;
      this.addAlias(id, name);
    });
  }

  mergeEntities(intoId: string, fromId: string): void {
    if (intoId === fromId) return;
    this.transaction(() => {
      const into = this.s.entities.get(intoId);
      const from = this.s.entities.get(fromId);
      if (!into || !from) {
        throw new MarqueeError('E304', `Cannot merge ${fromId} into ${intoId}: ${!into ? intoId : fromId} does not exist.`);
      }
      // As on SQLite: decisions in documents that mention the merged entity now name `intoId`.
      const affected = this.entityDocIds(fromId);
      for (const docId of affected) {
        const rs = this.s.resolutions.get(docId) ?? [];
        this.s.resolutions.set(
          docId,
          rs.map((r) => ({
            ...r,
            entityId: r.entityId === fromId ? intoId : r.entityId,
            candidates: r.candidates.map((c) => (c === fromId ? intoId : c)),
          })),
        );
      }
      for (const [docId, ms] of this.s.mentions) {
        const keys = new Set(ms.filter((m) => m.entityId === intoId).map((m) => `${m.start}:${m.end}`));
        const next: StoredMention[] = [];
        for (const m of ms) {
          if (m.entityId !== fromId) next.push(m);
          else if (!keys.has(`${m.start}:${m.end}`)) {
            keys.add(`${m.start}:${m.end}`);
            next.push({ ...m, entityId: intoId });
          }
        }
        next.sort((a, b) => a.start - b.start || a.end - b.end || cmp(a.entityId, b.entityId));
        this.s.mentions.set(docId, next);
      }
      for (const a of this.s.aliases.get(fromId)?.values() ?? []) {
        this.addAliasRow(intoId, a);
        this.s.aliasIndex.get(`${a.kind}:${a.key}`)?.delete(fromId);
      }
      this.s.aliases.delete(fromId);
      for (const c of this.s.claims.values()) {
        if (c.subjectId === fromId) c.subjectId = intoId;
        if (c.objectId === fromId) c.objectId = intoId;
      }
      if (into.subtype === null && from.subtype !== null) into.subtype = from.subtype;
      this.s.entities.delete(fromId);
      let mentionCount = 0;
      for (const ms of this.s.mentions.values()) for (const m of ms) if (m.entityId === intoId) mentionCount++;
      into.mentionCount = mentionCount;
      into.documentCount = this.entityDocIds(intoId).size;
    });
  }

  private matches(c: MemClaim, f: ClaimFilter): boolean {
    if (f.predicate !== undefined) {
      const ps = typeof f.predicate === 'string' ? [f.predicate] : f.predicate;
      if (!ps.includes(c.predicate)) return false;
    }
    if (f.subjectId !== undefined && c.subjectId !== f.subjectId) return false;
    if (f.objectId !== undefined && c.objectId !== f.objectId) return false;
    if (f.entityId !== undefined && c.subjectId !== f.entityId && c.objectId !== f.entityId) return false;
    if (f.docId !== undefined && c.docId !== f.docId) return false;
    return true;
  }

  claims(filter: ClaimFilter): Claim[] {
    const rows = [...this.s.claims.values()].filter((c) => this.matches(c, filter));
    rows.sort((a, b) => {
      const da = this.s.docs.get(a.docId)!.date;
      const db = this.s.docs.get(b.docId)!.date;
      return nullsLast(da, db) || cmp(da ?? '', db ?? '') || cmp(a.docId, b.docId) || a.start - b.start || a.end - b.end || cmp(a.id, b.id);
    });
    const off = filter.offset ?? 0;
    const page = filter.limit === undefined || filter.limit < 0 ? rows.slice(off) : rows.slice(off, off + filter.limit);
    return page.map((c) => this.toClaim(c));
  }

  getClaim(id: string): Claim | null {
    const c = this.s.claims.get(id);
    return c ? this.toClaim(c) : null;
  }

  countClaims(filter: ClaimFilter): number {
    let n = 0;
    for (const c of this.s.claims.values()) if (this.matches(c, filter)) n++;
    return n;
  }

  private toClaim(c: MemClaim): Claim {
    const d = this.s.docs.get(c.docId)!;
    const ref = (id: string) => {
      const e = this.s.entities.get(id)!;
      return entityRef(e.id, e.name, e.type, e.subtype);
    };
    return toClaim(
      {
        id: c.id,
        predicate: c.predicate,
        subject: ref(c.subjectId),
        object: c.objectId !== null ? ref(c.objectId) : { ...c.object! },
        qualifiers: { ...c.qualifiers },
        modality: c.modality,
        confidence: c.confidence,
        start: c.start,
        end: c.end,
        sentenceStart: c.sentenceStart,
        sentenceEnd: c.sentenceEnd,
        document: { id: d.id, title: d.title, source: d.source, url: d.url, date: d.date },
      },
      d.text,
    );
  }

  searchSentences(query: string, limit: number): SentenceHit[] {
    const terms = queryTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    const all: { docId: string; s: MemSentence; words: string[] }[] = [];
    for (const [docId, ss] of this.s.sentences) {
      if (this.s.docs.get(docId)!.duplicateOf !== null) continue;
      for (const s of ss) all.push({ docId, s, words: words(s.text).map(stem) });
    }
    const run = (match: (w: string, t: string) => boolean, ts: readonly string[]): SentenceHit[] => {
      if (ts.length === 0) return [];
      const df = ts.map((t) => all.filter((x) => x.words.some((w) => match(w, t))).length);
      const hits: SentenceHit[] = [];
      for (const x of all) {
        let score = 0;
        ts.forEach((t, i) => {
          if (x.words.some((w) => match(w, t))) score += Math.log(1 + all.length / df[i]);
        });
        if (score > 0) hits.push({ docId: x.docId, start: x.s.start, end: x.s.end, text: x.s.text, score });
      }
      hits.sort((a, b) => b.score - a.score || cmp(a.docId, b.docId) || a.start - b.start);
      return hits.slice(0, limit);
    };
    const exact = run((w, t) => w === t, terms.map(stem));
    if (exact.length > 0) return exact;
    return run((w, t) => w.startsWith(t), terms.filter((t) => t.length >= MIN_PREFIX_TERM_LENGTH));
  }

  counts(): StoreCounts {
    let mentions = 0;
    for (const ms of this.s.mentions.values()) mentions += ms.length;
    return { documents: this.s.docs.size, entities: this.s.entities.size, claims: this.s.claims.size, mentions };
  }

  close(): void {
    this.closed = true;
  }
}

function toStored(d: MemDocument): StoredDocument {
  const { minhash: _minhash, ...rest } = d;
  return { ...rest };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Null dates sort after every date. */
const nullsLast = (a: string | null, b: string | null): number => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : 0);
const byMentions = (a: MemEntity, b: MemEntity): number => b.mentionCount - a.mentionCount || cmp(a.id, b.id);
