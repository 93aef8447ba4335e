/**
 * @module Corrections (issue #9): merge, split, rename, retract and assert, each kept in an audit
 * log (who, when, why, the operation), undoable, and re-applied after re-ingest.
 *
 * How each survives re-ingest:
 * - retract: keyed by claim id, which is a hash of (predicate, subject, object, document, span) and
 *   so stable; retracted claims are filtered out of every claim query by `withCorrections`.
 * - merge / rename / split: keyed by entity id *and* name + type (EntityKey), so `reapply()` still
 *   finds the entities when the articles are ingested again into a fresh database and the log is
 *   imported (`importLog`), or when new documents re-create a merged-away entity.
 * - assert: the manual fact lives in a small synthetic document whose text holds the note, so the
 *   evidence span is real text; the document's text is fixed in the log, so its id and the claim id
 *   are stable and replaying it is idempotent.
 *
 * Engine hook: wrap the store with `withCorrections(store)` (retracted claims disappear from facts,
 * ask and entity pages) and call `openCorrections(store).reapply()` after an ingest that added
 * documents.
 */
import { hashText } from '../doc/document.js';
import { MarqueeError } from '../errors.js';
import { manualEntityId, shortHash } from '../model/ids.js';
import { predicateInfo } from '../model/predicates.js';
import { isEntityRef, type Claim, type EntityRef, type EntityType, type Literal, type LiteralDatatype, type Modality, type Qualifiers } from '../model/types.js';
import { aliasKey } from '../resolve/normalize.js';
import type { ClaimFilter, DocumentWrite, Entity, NewEntity, Store, StoreCounts } from '../store/store.js';
import { memoryCorrections } from '../store/memory/corrections.js';
import { sqliteCorrections, sqliteHandle } from '../store/sqlite/corrections.js';
import type {
  CorrectionOp, CorrectionRecord, CorrectionsBackend, EntityKey, MentionKey, MergeUndo, RenameUndo, SplitUndo, UndoData,
} from './correction-types.js';

export type * from './correction-types.js';

/** Who made a correction: $USER, else 'cli'. */
export function defaultWho(): string {
  return process.env.USER || process.env.USERNAME || 'cli';
}

/** Who, and why, for one correction. */
export interface CorrectionMeta {
  who?: string;
  why?: string | null;
  /** ISO timestamp; now by default (tests pin it). */
  at?: string;
}

/** Outcome of `reapply()` / `importLog()`. */
export interface ReapplyReport {
  applied: string[];
  unchanged: string[];
  skipped: { id: string; reason: string }[];
}

/** Extractor name of asserted claims. */
export const ASSERT_EXTRACTOR = 'curate.assert.v1';
/** Source name of the synthetic documents holding assertion notes. */
export const CORRECTION_SOURCE = 'Marquee corrections';
/**
 * A qualifier name an assertion may use: it becomes a property name in every export
 * (`mq:<name>`, `urn:marquee:vocab:<name>`), so a letter, then letters, digits or `_`.
 */
export const QUALIFIER_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
/** Most qualifiers one assertion may carry. */
export const MAX_QUALIFIERS = 20;

/** Sentences of an assertion's synthetic document: the header line and the note. */
const NOTE_SENTENCES = 2;
/** Upper bound of claims read when snapshotting an entity for undo. */
const MAX_ENTITY_CLAIMS = 1_000_000;

/** The id of a mention as the split command takes it: `<docId>:<start>-<end>`. */
export function mentionId(m: { docId: string; start: number; end: number }): string {
  return `${m.docId}:${m.start}-${m.end}`;
}

/** Parses `<docId>:<start>-<end>`; null when malformed. */
export function parseMentionId(id: string): { docId: string; start: number; end: number } | null {
  const m = /^(.+):(\d+)-(\d+)$/.exec(id.trim());
  if (!m) return null;
  const start = Number(m[2]);
  const end = Number(m[3]);
  return end > start ? { docId: m[1], start, end } : null;
}

const keyOf = (e: EntityRef): EntityKey => ({ id: e.id, name: e.name, type: e.type, subtype: e.subtype ?? null });
const toNewEntity = (k: EntityKey): NewEntity => ({ id: k.id, name: k.name, type: k.type, subtype: k.subtype ?? null });

/** A literal's datatype guessed from its text: ISO dates, numbers, URLs, else string. */
export function guessDatatype(value: string): LiteralDatatype {
  const v = value.trim();
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) return 'date';
  if (/^-?\d+(\.\d+)?$/.test(v)) return 'quantity';
  if (/^https?:\/\//.test(v)) return 'url';
  return 'string';
}

/** Input of `assert`: names or ids for entities, text for literals. */
export interface AssertInput {
  subject: string;
  /** Type of the subject when it must be created (default: the predicate's first subject type). */
  subjectType?: EntityType;
  subtype?: string | null;
  predicate: string;
  object: string;
  /** Type of the object when it is an entity to create, or 'literal' to force a literal. */
  objectType?: EntityType | 'literal';
  objectSubtype?: string | null;
  datatype?: LiteralDatatype;
  qualifiers?: Qualifiers;
  modality?: Exclude<Modality, 'negated'>;
  /** The evidence: why this fact is true (a press release, a credit list…). Required. */
  note: string;
}

/**
 * What the corrections hide from readers (`withCorrections`): the raw tables keep all of it, and
 * the audit log says why.
 */
export interface HiddenData {
  /** Claims of active retractions, and of undone assertions no active assertion states again. */
  readonly claims: ReadonlySet<string>;
  /** Note documents of undone assertions (unless an active assertion wrote the same note). */
  readonly documents: ReadonlySet<string>;
  /** Entities whose every mention and claim is in a hidden note document (made by an undone assertion). */
  readonly entities: ReadonlySet<string>;
  /** What hidden note documents add to the counts of the entities still shown. */
  readonly counts: ReadonlyMap<string, { mentions: number; documents: number }>;
}

/** Corrections over one store (the raw store, not the `withCorrections` view). */
export class Corrections {
  private readonly backend: CorrectionsBackend;
  private cache: { stamp: string; data: HiddenData } | null = null;
  private stampQuery: (() => string) | null = null;

  constructor(readonly store: Store, backend?: CorrectionsBackend) {
    this.backend = backend ?? backendFor(store);
  }

  /** Every correction, oldest first (undone ones included unless `active`). */
  list(opts: { active?: boolean } = {}): CorrectionRecord[] {
    return this.backend.log.list(opts);
  }

  get(id: string): CorrectionRecord | null {
    return this.backend.log.get(id);
  }

  /** Claim ids hidden from queries (active retractions, undone assertions not asserted again). */
  retractedClaimIds(): Set<string> {
    return new Set(this.hidden().claims);
  }

  /**
   * Claims, note documents and entities hidden from readers. Recomputed from the log only when the
   * database changed (SQLite: this connection's `total_changes()` and `PRAGMA data_version` for
   * other connections), so the per-query cost is two tiny statements.
   */
  hidden(): HiddenData {
    const stamp = this.changeStamp();
    if (stamp !== null && this.cache?.stamp === stamp) return this.cache.data;
    const data = this.computeHidden();
    this.cache = stamp === null ? null : { stamp, data };
    return data;
  }

  /** A value that changes whenever the database may have changed; null when unknown (memory store). */
  private changeStamp(): string | null {
    if (this.store.kind !== 'sqlite') return null;
    if (!this.stampQuery) {
      const db = sqliteHandle(this.store);
      const changes = db.prepare('SELECT total_changes()').pluck();
      const version = db.prepare('PRAGMA data_version').pluck();
      this.stampQuery = () => `${String(changes.get())}:${String(version.get())}`;
    }
    return this.stampQuery();
  }

  private computeHidden(): HiddenData {
    const claims = new Set<string>();
    const documents = new Set<string>();
    const entities = new Set<string>();
    const counts = new Map<string, { mentions: number; documents: number }>();
    const undone: Extract<CorrectionOp, { op: 'assert' }>[] = [];
    const activeClaims = new Set<string>();
    const activeDocuments = new Set<string>();
    for (const r of this.list()) {
      const op = r.op;
      if (op.op === 'retract' && !r.undone) claims.add(op.claimId);
      else if (op.op === 'assert') {
        if (r.undone) undone.push(op);
        else {
          activeClaims.add(op.claimId);
          activeDocuments.add(op.documentId);
        }
      }
    }
    for (const op of undone) {
      if (!activeClaims.has(op.claimId)) claims.add(op.claimId);
      if (!activeDocuments.has(op.documentId)) documents.add(op.documentId);
    }
    if (documents.size > 0) {
      const seen = new Set<string>();
      for (const op of undone) {
        for (const k of [op.subject, 'datatype' in op.object ? null : op.object]) {
          if (!k || seen.has(k.id)) continue;
          seen.add(k.id);
          // Found in any other document (mention or claim): a real entity, kept.
          const docs = this.store.entityDocuments(k.id, documents.size + 1);
          if (docs.length > 0 && docs.every((d) => documents.has(d.id))) entities.add(k.id);
        }
      }
      // The store counted each note document in its entities' mention and document counts.
      for (const docId of documents) {
        const inDoc = new Map<string, number>();
        for (const m of this.store.documentMentions(docId)) inDoc.set(m.entityId, (inDoc.get(m.entityId) ?? 0) + 1);
        for (const c of this.store.claims({ docId, limit: MAX_ENTITY_CLAIMS })) {
          for (const id of [c.subject.id, isEntityRef(c.object) ? c.object.id : null]) if (id && !inDoc.has(id)) inDoc.set(id, 0);
        }
        for (const [id, n] of inDoc) {
          if (entities.has(id)) continue;
          const t = counts.get(id) ?? { mentions: 0, documents: 0 };
          t.mentions += n;
          t.documents += 1;
          counts.set(id, t);
        }
      }
    }
    return { claims, documents, entities, counts };
  }

  // ------------------------------------------------------------------------------- entity lookup

  /**
   * The entity a user means: an id (`ent_…`), or a name or alias matching exactly one entity
   * (optionally of `type`). Throws E602 naming the candidates when the name is ambiguous.
   */
  resolveEntity(ref: string, type?: EntityType): Entity {
    const s = ref.trim();
    if (s.startsWith('ent_')) {
      const e = this.store.getEntity(s);
      if (!e) throw new MarqueeError('E601', `No entity ${s}.`);
      return e;
    }
    const found = this.store.findEntitiesByAlias(aliasKey(s)).filter((e) => !type || e.type === type);
    if (found.length === 0) throw new MarqueeError('E601', `No entity named '${s}'${type ? ` of type ${type}` : ''}; check the name with \`marquee entity\`.`);
    if (found.length > 1) {
      const list = found.map((e) => `${e.id} (${e.type}${e.subtype ? `/${e.subtype}` : ''}, ${e.mentionCount} mentions)`).join(', ');
      throw new MarqueeError('E602', `'${s}' names ${found.length} entities: ${list}; give the id instead.`, { candidates: found.map((e) => e.id) });
    }
    return found[0];
  }

  /** The current entity for a key: by id, else by name and type (most mentioned, same subtype first). */
  findByKey(key: EntityKey, exclude?: string): Entity | null {
    const byId = this.store.getEntity(key.id);
    if (byId && byId.id !== exclude) return byId;
    const cands = this.store
      .findEntitiesByAlias(aliasKey(key.name))
      .filter((e) => e.type === key.type && e.id !== exclude)
      .sort((a, b) => Number((b.subtype ?? null) === (key.subtype ?? null)) - Number((a.subtype ?? null) === (key.subtype ?? null)) || b.mentionCount - a.mentionCount);
    return cands[0] ?? null;
  }

  // ------------------------------------------------------------------------------------ commands

  /**
   * Merges `fromRef` into `intoRef`: mentions, aliases and claims move, `from` disappears.
   * Refuses entities of different types unless `force`.
   */
  merge(intoRef: string, fromRef: string, meta: CorrectionMeta & { force?: boolean } = {}): CorrectionRecord {
    const into = this.resolveEntity(intoRef);
    const from = this.resolveEntity(fromRef);
    if (into.id === from.id) throw new MarqueeError('E603', `Both names are the same entity ${into.id}; nothing to merge.`);
    if (into.type !== from.type && !meta.force) {
      throw new MarqueeError('E604', `Cannot merge a ${from.type} into a ${into.type} (${from.name} → ${into.name}); pass --force if you are sure.`);
    }
    const op: CorrectionOp = { op: 'merge', into: keyOf(into), from: keyOf(from) };
    return this.backend.editor.transaction(() => {
      const undo = this.applyMerge(into, from);
      return this.record(op, meta, undo);
    });
  }

  /**
   * Splits one mention (`<docId>:<start>-<end>`) off an entity into a new entity (named `name`,
   * default the mention's text), with the claims of the mention's sentence that involve the entity.
   */
  split(entityRef: string, mentionRef: string, meta: CorrectionMeta & { name?: string } = {}): CorrectionRecord {
    const entity = this.resolveEntity(entityRef);
    const pos = parseMentionId(mentionRef);
    if (!pos) throw new MarqueeError('E605', `'${mentionRef}' is not a mention id; mention ids look like doc_…:120-132 (see \`marquee mentions <entity>\`).`);
    const m = this.backend.editor.entityMentions(entity.id).find((x) => x.docId === pos.docId && x.start === pos.start && x.end === pos.end);
    if (!m) throw new MarqueeError('E605', `${entity.name} (${entity.id}) has no mention ${mentionRef}.`);
    const name = meta.name?.trim() || m.text;
    const newEntity: EntityKey = { id: manualEntityId(`split:${entity.id}:${mentionRef}`), name, type: entity.type, subtype: entity.subtype ?? null };
    const mention: MentionKey = { docId: m.docId, start: m.start, end: m.end, text: m.text };
    const op: CorrectionOp = { op: 'split', entity: keyOf(entity), mention, newEntity };
    return this.backend.editor.transaction(() => {
      const undo = this.applySplit(entity.id, mention, newEntity);
      return this.record(op, meta, undo);
    });
  }

  /** Renames an entity (the old name stays an alias, so it is still found by it). */
  rename(entityRef: string, name: string, meta: CorrectionMeta = {}): CorrectionRecord {
    const e = this.resolveEntity(entityRef);
    const clean = name.trim();
    if (!clean) throw new MarqueeError('E609', 'The new name is empty.');
    const op: CorrectionOp = { op: 'rename', entity: keyOf(e), name: clean, previousName: e.name };
    return this.backend.editor.transaction(() => {
      const undo: RenameUndo = { kind: 'rename', aliasesBefore: this.store.entityAliases(e.id) };
      this.store.renameEntity(e.id, clean);
      return this.record(op, meta, undo);
    });
  }

  /** Retracts a claim: it disappears from facts, answers and pages (a reason is required). */
  retract(claimId: string, meta: CorrectionMeta & { why: string }): CorrectionRecord {
    if (!meta.why || !meta.why.trim()) throw new MarqueeError('E609', 'A retraction needs a reason (--reason "…").');
    const id = claimId.trim();
    const claim = this.store.getClaim(id);
    if (!claim) throw new MarqueeError('E606', `No claim ${id}; claim ids are printed by \`marquee facts\`.`);
    const active = this.list({ active: true }).find((r) => r.op.op === 'retract' && r.op.claimId === id);
    if (active) return active;
    const e = claim.evidence[0];
    const op: CorrectionOp = {
      op: 'retract',
      claimId: id,
      claim: {
        predicate: claim.predicate,
        subject: claim.subject.name,
        object: objectText(claim),
        documentId: e?.document.id ?? '',
        quote: e?.quote ?? '',
        ...(e ? { start: e.start, end: e.end } : {}),
      },
    };
    return this.record(op, meta, null);
  }

  /** Asserts a fact by hand, with `note` as its evidence (a synthetic document holds the note). */
  assert(input: AssertInput, meta: CorrectionMeta = {}): CorrectionRecord {
    const info = predicateInfo(input.predicate);
    if (!info) throw new MarqueeError('E608', `Unknown predicate '${input.predicate}'; see src/model/predicates.ts for the list.`);
    const note = input.note.replace(/\s+/g, ' ').trim();
    if (!note) throw new MarqueeError('E609', 'An assertion needs a note as its evidence (--note "…").');
    const qualifierNames = Object.keys(input.qualifiers ?? {});
    const badName = qualifierNames.find((k) => !QUALIFIER_NAME.test(k));
    if (badName !== undefined) throw new MarqueeError('E609', `'${badName.slice(0, 60)}' is not a qualifier name: use a letter, then letters, digits or _.`);
    if (qualifierNames.length > MAX_QUALIFIERS) throw new MarqueeError('E609', `At most ${MAX_QUALIFIERS} qualifiers per assertion.`);
    const subjectType = input.subjectType ?? (info.subject[0] as EntityType);
    const subject = this.entityForAssert(input.subject, subjectType, input.subtype ?? null);
    const entityObjectTypes = info.object.filter((t): t is EntityType => t !== 'literal');
    const asLiteral = input.objectType === 'literal' || entityObjectTypes.length === 0 || (input.objectType === undefined && info.object.includes('literal') && !this.hasEntityNamed(input.object, entityObjectTypes));
    const object: EntityKey | Literal = asLiteral
      ? { value: input.object.trim(), datatype: input.datatype ?? guessDatatype(input.object) }
      : this.entityForAssert(input.object, (input.objectType as EntityType | undefined) ?? entityObjectTypes[0], input.objectSubtype ?? null);
    const who = meta.who ?? defaultWho();
    const at = meta.at ?? new Date().toISOString();
    const objectText = isEntityRef(object as EntityRef | Literal) ? (object as EntityKey).name : (object as Literal).value;
    const header = `${subject.name} — ${info.label} — ${objectText}${Object.keys(input.qualifiers ?? {}).length ? ` (${Object.entries(input.qualifiers ?? {}).map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}.`;
    const prefix = `${header}\nNote by ${who}, ${at.slice(0, 10)}: `;
    const text = prefix + note;
    const documentId = `doc_${hashText(text).slice(0, 16)}`;
    const objectKeyText = 'datatype' in object ? `${object.datatype}:${object.value}` : object.id;
    const op: CorrectionOp = {
      op: 'assert',
      subject,
      predicate: info.name,
      object,
      qualifiers: input.qualifiers ?? {},
      modality: input.modality ?? 'asserted',
      note,
      documentId,
      documentText: text,
      documentTitle: `Correction: ${header.slice(0, -1)}`,
      documentDate: at.slice(0, 10),
      noteStart: prefix.length,
      noteEnd: text.length,
      claimId: `clm_${shortHash('claim', info.name, subject.id, objectKeyText, documentId, prefix.length, text.length)}`,
    };
    return this.backend.editor.transaction(() => {
      this.applyAssert(op, who);
      return this.record(op, { ...meta, who, at }, null);
    });
  }

  /** Undoes a correction (it stays in the log, marked undone). */
  undo(correctionId: string, meta: CorrectionMeta = {}): CorrectionRecord {
    const rec = this.get(correctionId.trim());
    if (!rec) throw new MarqueeError('E610', `No correction ${correctionId}; \`marquee corrections\` lists them.`);
    if (rec.undone) throw new MarqueeError('E611', `Correction ${rec.id} was already undone on ${rec.undone.at} by ${rec.undone.by}.`);
    const who = meta.who ?? defaultWho();
    const at = meta.at ?? new Date().toISOString();
    this.backend.editor.transaction(() => {
      const op = rec.op;
      if (op.op === 'merge' && rec.undo?.kind === 'merge') this.undoMerge(op.into, rec.undo);
      else if (op.op === 'split' && rec.undo?.kind === 'split') this.undoSplit(op, rec.undo);
      else if (op.op === 'rename' && rec.undo?.kind === 'rename') this.undoRename(op, rec.undo);
      else if (op.op === 'merge' || op.op === 'split' || op.op === 'rename') {
        throw new MarqueeError('E612', `Correction ${rec.id} has no undo snapshot; it cannot be undone.`);
      }
      // retract and assert: marking the record undone is enough (`withCorrections` reads the log and
      // hides an undone assertion's claim, note document and the entities only it introduced).
      this.backend.log.markUndone(rec.id, who, at);
    });
    return this.get(rec.id)!;
  }

  // --------------------------------------------------------------------------- replay and import

  /**
   * Re-applies every active correction to the current data: after an ingest that added documents,
   * or after importing a log into a fresh database. Idempotent: what already holds is `unchanged`.
   */
  reapply(): ReapplyReport {
    const report: ReapplyReport = { applied: [], unchanged: [], skipped: [] };
    for (const rec of this.list({ active: true })) {
      try {
        const outcome = this.backend.editor.transaction(() => this.reapplyOne(rec));
        if (outcome === true) report.applied.push(rec.id);
        else if (outcome === false) report.unchanged.push(rec.id);
        else report.skipped.push({ id: rec.id, reason: outcome });
      } catch (e) {
        report.skipped.push({ id: rec.id, reason: (e as Error).message });
      }
    }
    return report;
  }

  /** The log as records (for `marquee corrections export`, one JSON object a line). */
  exportLog(): CorrectionRecord[] {
    return this.list();
  }

  /** Adds records from another database's log (ids already present are kept) and re-applies them. */
  importLog(records: readonly CorrectionRecord[]): ReapplyReport {
    for (const r of [...records].sort((a, b) => a.seq - b.seq)) this.backend.log.append({ ...r, seq: undefined });
    return this.reapply();
  }

  // ------------------------------------------------------------------------------------ internals

  private record(op: CorrectionOp, meta: CorrectionMeta, undo: UndoData | null): CorrectionRecord {
    const who = meta.who ?? defaultWho();
    const at = meta.at ?? new Date().toISOString();
    const id = `cor_${shortHash('correction', JSON.stringify(op), who, at, this.list().length)}`;
    return this.backend.log.append({ id, op, who, at, why: meta.why?.trim() || null, undo, undone: null });
  }

  private hasEntityNamed(name: string, types: readonly EntityType[]): boolean {
    if (name.trim().startsWith('ent_')) return this.store.getEntity(name.trim()) !== null;
    return this.store.findEntitiesByAlias(aliasKey(name)).some((e) => types.includes(e.type));
  }

  /** The key of an existing entity for an assertion, or of a new one to create. */
  private entityForAssert(ref: string, type: EntityType, subtype: string | null): EntityKey {
    const s = ref.trim();
    if (s.startsWith('ent_')) return keyOf(this.resolveEntity(s));
    const found = this.store.findEntitiesByAlias(aliasKey(s)).filter((e) => e.type === type && (!subtype || e.subtype === subtype));
    if (found.length > 1) {
      throw new MarqueeError('E602', `'${s}' names ${found.length} ${type} entities: ${found.map((e) => `${e.id} (${e.subtype ?? type})`).join(', ')}; give the id, or the subtype (--subtype).`);
    }
    if (found.length === 1) return keyOf(found[0]);
    return { id: manualEntityId(`${type}:${subtype ?? ''}:${aliasKey(s)}`), name: s, type, subtype };
  }

  private snapshotSides(entityId: string): { claimId: string; side: 'subject' | 'object' }[] {
    const out: { claimId: string; side: 'subject' | 'object' }[] = [];
    for (const c of this.store.claims({ entityId, limit: MAX_ENTITY_CLAIMS })) {
      if (c.subject.id === entityId) out.push({ claimId: c.id, side: 'subject' });
      if (isEntityRef(c.object) && c.object.id === entityId) out.push({ claimId: c.id, side: 'object' });
    }
    return out;
  }

  private applyMerge(into: Entity, from: Entity): MergeUndo {
    const undo: MergeUndo = {
      kind: 'merge',
      from: { id: from.id, name: from.name, type: from.type, subtype: from.subtype ?? null },
      fromAliases: this.store.entityAliases(from.id),
      intoAliasesBefore: this.store.entityAliases(into.id),
      intoSubtypeBefore: into.subtype ?? null,
      mentions: this.backend.editor.entityMentions(from.id).map((m) => ({ docId: m.docId, start: m.start, end: m.end, text: m.text })),
      claims: this.snapshotSides(from.id),
    };
    this.store.mergeEntities(into.id, from.id);
    return undo;
  }

  private undoMerge(intoKey: EntityKey, u: MergeUndo): void {
    const ed = this.backend.editor;
    const into = this.findByKey(intoKey);
    if (!into) throw new MarqueeError('E612', `The merged entity ${intoKey.name} (${intoKey.id}) no longer exists.`);
    ed.createEntity(u.from);
    ed.moveMentions(u.mentions, into.id, u.from.id);
    for (const c of u.claims) ed.setClaimEntity(c.claimId, c.side, u.from.id);
    const before = new Set(u.intoAliasesBefore.map(aliasKey));
    ed.removeAliases(into.id, u.fromAliases.filter((a) => !before.has(aliasKey(a))));
    ed.addAliases(u.from.id, u.fromAliases);
    ed.setSubtype(into.id, u.intoSubtypeBefore);
    ed.refreshCounts([into.id, u.from.id]);
  }

  private applySplit(entityId: string, m: MentionKey, newEntity: EntityKey): SplitUndo {
    const ed = this.backend.editor;
    const created = ed.createEntity(toNewEntity(newEntity));
    ed.moveMentions([m], entityId, newEntity.id);
    const claims: { claimId: string; side: 'subject' | 'object' }[] = [];
    for (const c of this.store.claims({ docId: m.docId, entityId, limit: MAX_ENTITY_CLAIMS })) {
      if (!inSentenceOf(c, m)) continue;
      const side = c.subject.id === entityId ? 'subject' : 'object';
      ed.setClaimEntity(c.id, side, newEntity.id);
      claims.push({ claimId: c.id, side });
    }
    ed.refreshCounts([entityId, newEntity.id]);
    return { kind: 'split', created, mentions: [{ docId: m.docId, start: m.start, end: m.end, text: m.text }], claims };
  }

  private undoSplit(op: Extract<CorrectionOp, { op: 'split' }>, u: SplitUndo): void {
    const ed = this.backend.editor;
    const entity = this.findByKey(op.entity, op.newEntity.id);
    if (!entity) throw new MarqueeError('E612', `The split entity ${op.entity.name} (${op.entity.id}) no longer exists.`);
    ed.moveMentions(u.mentions, op.newEntity.id, entity.id);
    for (const c of u.claims) ed.setClaimEntity(c.claimId, c.side, entity.id);
    if (u.created) ed.deleteEntityIfUnused(op.newEntity.id);
    ed.refreshCounts([entity.id, op.newEntity.id]);
  }

  private undoRename(op: Extract<CorrectionOp, { op: 'rename' }>, u: RenameUndo): void {
    const e = this.findByKey({ ...op.entity, name: op.name }) ?? this.findByKey(op.entity);
    if (!e) throw new MarqueeError('E612', `The renamed entity ${op.name} (${op.entity.id}) no longer exists.`);
    this.store.renameEntity(e.id, op.previousName);
    const before = new Set(u.aliasesBefore.map(aliasKey));
    if (!before.has(aliasKey(op.name))) this.backend.editor.removeAliases(e.id, [op.name]);
  }

  /** The DocumentWrite of an assertion's synthetic document (entities resolved now). */
  private assertWrite(op: Extract<CorrectionOp, { op: 'assert' }>, who: string): DocumentWrite {
    const newEntities: NewEntity[] = [];
    const resolve = (k: EntityKey): string => {
      const found = this.findByKey(k);
      if (found) return found.id;
      if (!newEntities.some((e) => e.id === k.id)) newEntities.push(toNewEntity(k));
      return k.id;
    };
    const subjectId = resolve(op.subject);
    const objectIsEntity = !('datatype' in op.object);
    const objectId = objectIsEntity ? resolve(op.object as EntityKey) : null;
    const text = op.documentText;
    const headerEnd = text.indexOf('\n');
    const mentions: { start: number; end: number; text: string; entityId: string }[] = [];
    const mention = (name: string, entityId: string, from: number) => {
      const at = text.indexOf(name, from);
      if (at >= 0 && at + name.length <= headerEnd) mentions.push({ start: at, end: at + name.length, text: name, entityId });
    };
    mention(op.subject.name, subjectId, 0);
    if (objectId) mention((op.object as EntityKey).name, objectId, op.subject.name.length);
    return {
      document: {
        id: op.documentId,
        textHash: hashText(text),
        rawHash: null,
        title: op.documentTitle,
        source: CORRECTION_SOURCE,
        url: null,
        date: op.documentDate,
        dateSource: 'correction',
        author: who,
        language: null,
        path: null,
        text,
        duplicateOf: null,
      },
      sentences: [
        { index: 0, start: 0, end: headerEnd },
        { index: 1, start: headerEnd + 1, end: text.length },
      ],
      newEntities,
      aliases: [],
      mentions,
      claims: [
        {
          id: op.claimId,
          predicate: op.predicate,
          subjectId,
          objectId,
          object: objectIsEntity ? null : (op.object as Literal),
          qualifiers: op.qualifiers,
          modality: op.modality,
          confidence: 1,
          start: op.noteStart,
          end: op.noteEnd,
          sentenceStart: headerEnd + 1,
          sentenceEnd: text.length,
          extractor: ASSERT_EXTRACTOR,
        },
      ],
    };
  }

  private applyAssert(op: Extract<CorrectionOp, { op: 'assert' }>, who: string): boolean {
    return this.store.putDocument(this.assertWrite(op, who));
  }

  /** true: applied now; false: already in effect; string: why it could not be applied. */
  private reapplyOne(rec: CorrectionRecord): boolean | string {
    const op = rec.op;
    switch (op.op) {
      case 'retract': {
        if (this.store.getClaim(op.claimId)) return false;
        // Same article, same span, same statement, another id (its entities were resolved to other ids).
        const k = op.claim;
        if (!k || k.start === undefined || k.end === undefined) return `claim ${op.claimId} is not in the knowledge base`;
        const again = this.store
          .claims({ docId: k.documentId, predicate: k.predicate, limit: MAX_ENTITY_CLAIMS })
          .filter((c) => c.evidence[0]?.start === k.start && c.evidence[0]?.end === k.end && objectText(c) === k.object);
        if (again.length !== 1) return `claim ${op.claimId} is not in the knowledge base`;
        this.backend.log.setOp(rec.id, { ...op, claimId: again[0].id, originalClaimId: op.originalClaimId ?? op.claimId });
        return true;
      }
      case 'assert':
        return this.applyAssert(op, rec.who);
      case 'rename': {
        const e = this.findByKey(op.entity) ?? this.findByKey({ ...op.entity, name: op.name });
        if (!e) return `no entity ${op.entity.name} (${op.entity.type}) to rename`;
        if (e.name === op.name) return false;
        this.store.renameEntity(e.id, op.name);
        return true;
      }
      case 'merge': {
        const into = this.findByKey(op.into);
        if (!into) return `no entity ${op.into.name} (${op.into.type}) to merge into`;
        const from = this.findByKey(op.from, into.id);
        if (!from) return false;
        this.backend.log.setUndo(rec.id, this.applyMerge(into, from));
        return true;
      }
      case 'split': {
        const entity = this.findByKey(op.entity, op.newEntity.id);
        if (!entity) return `no entity ${op.entity.name} (${op.entity.type}) to split`;
        const m = this.backend.editor.entityMentions(entity.id).find((x) => x.docId === op.mention.docId && x.start === op.mention.start && x.end === op.mention.end);
        if (!m) return this.backend.editor.entityMentions(op.newEntity.id).length > 0 ? false : `mention ${mentionId(op.mention)} not found`;
        this.backend.log.setUndo(rec.id, this.applySplit(entity.id, op.mention, op.newEntity));
        return true;
      }
    }
  }
}

const objectText = (c: Claim): string => (isEntityRef(c.object) ? c.object.name : c.object.value);

/** True when the claim's evidence sentence contains the mention. */
function inSentenceOf(c: Claim, m: { start: number; end: number }): boolean {
  return c.evidence.some((e) => {
    const s = e.sentenceStart ?? e.start;
    const end = e.sentenceStart !== undefined ? e.sentenceStart + e.sentence.length : e.end;
    return s <= m.start && m.end <= end;
  });
}

// ---------------------------------------------------------------------------------------------
// Opening, and the retraction filter

/** Raw store behind a `withCorrections` view. */
const RAW = new WeakMap<object, Store>();
const OPEN = new WeakMap<Store, Corrections>();

/** The store behind a `withCorrections` view (the store itself otherwise). */
export function rawStore(store: Store): Store {
  return RAW.get(store) ?? store;
}

/** `store` seen through its corrections when it is a whole Store (sqlite or memory); as is otherwise. */
export function correctedView<T extends object>(store: T): T {
  const kind = (store as Partial<Store>).kind;
  return kind === 'sqlite' || kind === 'memory' ? (withCorrections(store as unknown as Store) as unknown as T) : store;
}

/**
 * For a `withCorrections` view: the raw store and the hidden claim and document ids, so a full
 * scan can page the raw store directly (paging the view re-reads from the start when claims are hidden).
 */
export function correctionsView(store: object): { raw: Store; hidden: ReadonlySet<string>; hiddenDocuments: ReadonlySet<string> } | null {
  const raw = RAW.get(store);
  if (!raw) return null;
  const h = openCorrections(raw).hidden();
  return { raw, hidden: h.claims, hiddenDocuments: h.documents };
}

function backendFor(store: Store): CorrectionsBackend {
  return store.kind === 'sqlite' ? sqliteCorrections(store) : memoryCorrections(store);
}

/** The corrections of a store (or of the store behind a `withCorrections` view), opened once. */
export function openCorrections(store: Store): Corrections {
  const raw = rawStore(store);
  let c = OPEN.get(raw);
  if (!c) OPEN.set(raw, (c = new Corrections(raw)));
  return c;
}

function matchesFilter(c: Claim, f: ClaimFilter): boolean {
  if (f.predicate !== undefined && !([] as string[]).concat(f.predicate).includes(c.predicate)) return false;
  const objectId = isEntityRef(c.object) ? c.object.id : null;
  if (f.subjectId !== undefined && c.subject.id !== f.subjectId) return false;
  if (f.objectId !== undefined && objectId !== f.objectId) return false;
  if (f.entityId !== undefined && c.subject.id !== f.entityId && objectId !== f.entityId) return false;
  if (f.docId !== undefined && c.evidence[0]?.document.id !== f.docId) return false;
  return true;
}

/** `rows` without the hidden ones, then the page `[offset, offset + limit)` (all from offset when limit is undefined). */
function pageOf<T>(rows: readonly T[], keep: (x: T) => boolean, offset: number, limit: number | undefined): T[] {
  const kept = rows.filter(keep);
  return limit === undefined ? kept.slice(offset) : kept.slice(offset, offset + limit);
}

/**
 * A view of `store` through its corrections:
 * - retracted claims, and claims of undone assertions, are left out of `claims`, `getClaim`,
 *   `countClaims` and `counts`;
 * - the note documents of undone assertions are left out of `searchSentences`, `getDocument`,
 *   `listDocuments`, `entityDocuments`, the per-document reads and `counts`, so search, ask,
 *   entity pages, document views and exports no longer cite them;
 * - entities that only an undone assertion introduced are left out of every entity lookup.
 * Everything else is the store itself; the raw tables and the audit log keep everything. The
 * correction log is opened lazily, on the first query.
 *
 * @example this.store = withCorrections(openSqliteStore(path))   // in the Engine constructor
 */
export function withCorrections(store: Store): Store {
  if (RAW.has(store)) return store;
  const hidden = (): HiddenData => openCorrections(store).hidden();
  const docOk = (h: HiddenData) => (d: { id: string }) => !h.documents.has(d.id);
  /** The entities still shown, their counts without the hidden note documents. */
  const shown = (h: HiddenData, list: Entity[]): Entity[] => {
    if (h.entities.size === 0 && h.counts.size === 0) return list;
    return list.filter((e) => !h.entities.has(e.id)).map((e) => counted(h, e));
  };
  const counted = (h: HiddenData, e: Entity): Entity => {
    const t = h.counts.get(e.id);
    return t ? { ...e, mentionCount: Math.max(0, e.mentionCount - t.mentions), documentCount: Math.max(0, e.documentCount - t.documents) } : e;
  };
  const overrides: Partial<Store> = {
    claims(filter: ClaimFilter): Claim[] {
      const r = hidden().claims;
      if (r.size === 0) return store.claims(filter);
      const offset = filter.offset ?? 0;
      const limit = filter.limit !== undefined && filter.limit >= 0 ? filter.limit : undefined;
      // At most r.size rows can be hidden: read that many more, filter, then page.
      const rows = store.claims({ ...filter, offset: 0, limit: limit === undefined ? undefined : offset + limit + r.size });
      return pageOf(rows, (c) => !r.has(c.id), offset, limit);
    },
    getClaim(id: string): Claim | null {
      return hidden().claims.has(id) ? null : store.getClaim(id);
    },
    countClaims(filter: ClaimFilter): number {
      let n = store.countClaims(filter);
      for (const id of hidden().claims) {
        const c = store.getClaim(id);
        if (c && matchesFilter(c, filter)) n--;
      }
      return n;
    },
    counts(): StoreCounts {
      const h = hidden();
      const counts = store.counts();
      let claims = 0;
      for (const id of h.claims) if (store.getClaim(id)) claims++;
      let documents = 0;
      let mentions = 0;
      for (const id of h.documents) {
        if (!store.getDocument(id)) continue;
        documents++;
        mentions += store.documentMentions(id).length;
      }
      let entities = 0;
      for (const id of h.entities) if (store.getEntity(id)) entities++;
      return { ...counts, documents: counts.documents - documents, entities: counts.entities - entities, claims: counts.claims - claims, mentions: counts.mentions - mentions };
    },
    searchSentences(query: string, limit: number) {
      const h = hidden();
      if (h.documents.size === 0) return store.searchSentences(query, limit);
      return store.searchSentences(query, limit + h.documents.size * NOTE_SENTENCES).filter((x) => !h.documents.has(x.docId)).slice(0, Math.max(0, limit));
    },
    getDocument(id: string) {
      return hidden().documents.has(id) ? null : store.getDocument(id);
    },
    listDocuments(opts: { limit?: number; offset?: number } = {}) {
      const h = hidden();
      if (h.documents.size === 0) return store.listDocuments(opts);
      const offset = opts.offset ?? 0;
      const limit = opts.limit !== undefined && opts.limit >= 0 ? opts.limit : undefined;
      const rows = store.listDocuments({ offset: 0, ...(limit === undefined ? {} : { limit: offset + limit + h.documents.size }) });
      return pageOf(rows, docOk(h), offset, limit);
    },
    documentSentences(docId: string) {
      return hidden().documents.has(docId) ? [] : store.documentSentences(docId);
    },
    documentMentions(docId: string) {
      return hidden().documents.has(docId) ? [] : store.documentMentions(docId);
    },
    documentResolutions(docId: string) {
      return hidden().documents.has(docId) ? [] : store.documentResolutions(docId);
    },
    entityDocuments(id: string, limit?: number) {
      const h = hidden();
      if (h.entities.has(id)) return [];
      if (h.documents.size === 0) return store.entityDocuments(id, limit);
      const bounded = limit !== undefined && limit >= 0;
      const rows = store.entityDocuments(id, bounded ? limit + h.documents.size : limit).filter(docOk(h));
      return bounded ? rows.slice(0, limit) : rows;
    },
    getEntity(id: string) {
      const h = hidden();
      if (h.entities.has(id)) return null;
      const e = store.getEntity(id);
      return e && counted(h, e);
    },
    findEntitiesByAlias(key: string) {
      return shown(hidden(), store.findEntitiesByAlias(key));
    },
    findEntitiesByToken(token: string, type?: EntityType) {
      return shown(hidden(), store.findEntitiesByToken(token, type));
    },
    searchEntities(prefix: string, limit: number) {
      const h = hidden();
      if (h.entities.size === 0) return shown(h, store.searchEntities(prefix, limit));
      return shown(h, store.searchEntities(prefix, limit + h.entities.size)).slice(0, Math.max(0, limit));
    },
    entityAliases(id: string) {
      return hidden().entities.has(id) ? [] : store.entityAliases(id);
    },
  };
  const view = new Proxy(store, {
    get(target, prop) {
      if (typeof prop === 'string' && prop in overrides) return overrides[prop as keyof Store];
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  RAW.set(view, store);
  return view;
}

// ---------------------------------------------------------------------------------------------
// Output for the CLI

/** One line describing a correction. */
export function describeCorrection(r: CorrectionRecord): string {
  const op = r.op;
  let what: string;
  switch (op.op) {
    case 'merge':
      what = `merge ${op.from.name} (${op.from.id}) into ${op.into.name} (${op.into.id})`;
      break;
    case 'split':
      what = `split ${mentionId(op.mention)} "${op.mention.text}" off ${op.entity.name} into ${op.newEntity.name} (${op.newEntity.id})`;
      break;
    case 'rename':
      what = `rename ${op.previousName} (${op.entity.id}) to ${op.name}`;
      break;
    case 'retract':
      what = `retract ${op.claimId}${op.claim ? ` (${op.claim.subject} ${op.claim.predicate} ${op.claim.object})` : ''}`;
      break;
    case 'assert':
      what = `assert ${op.subject.name} ${op.predicate} ${'datatype' in op.object ? op.object.value : op.object.name} (claim ${op.claimId}) — note: "${op.note}"`;
      break;
  }
  const undone = r.undone ? `  [undone ${r.undone.at} by ${r.undone.by}]` : '';
  return `${r.id}  #${r.seq}  ${r.at}  ${r.who}  ${what}${r.why ? `  — why: ${r.why}` : ''}${undone}`;
}

/** The log as readable lines (`marquee corrections`). */
export function formatCorrections(list: readonly CorrectionRecord[]): string {
  return list.length === 0 ? 'No corrections.' : list.map(describeCorrection).join('\n');
}

/** Mentions of an entity with their ids, for choosing one to split off. */
export function listMentions(store: Store, entityRef: string): { id: string; text: string; context: string }[] {
  const c = openCorrections(store);
  const e = c.resolveEntity(entityRef);
  const backend = backendFor(c.store);
  return backend.editor.entityMentions(e.id).map((m) => {
    const doc = c.store.getDocument(m.docId);
    const text = doc?.text ?? '';
    const context = text.slice(Math.max(0, m.start - 60), Math.min(text.length, m.end + 60)).replace(/\s+/g, ' ');
    return { id: mentionId(m), text: m.text, context };
  });
}
