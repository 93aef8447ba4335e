/**
 * @module The shapes of corrections (issue #9): the operations, the audit-log record, and the two
 * backend interfaces each store implements in its own file (store/sqlite/corrections.ts,
 * store/memory/corrections.ts): the log itself, and the few raw entity edits that the Store
 * interface has no method for (moving one mention, re-creating a merged-away entity on undo).
 */
import type { EntityType, Literal, Modality, Qualifiers } from '../model/types.js';
import type { NewEntity, StoredMention } from '../store/store.js';

/**
 * How a correction names an entity so it still applies after re-ingest into a fresh database:
 * the id (stable when the same articles are ingested in the same order) and the name and type
 * (found through the alias index otherwise).
 */
export interface EntityKey {
  id: string;
  name: string;
  type: EntityType;
  subtype?: string | null;
}

/** A mention, as `<docId>:<start>-<end>` (see `mentionId`). */
export interface MentionKey {
  docId: string;
  start: number;
  end: number;
  text: string;
}

export type CorrectionOp =
  | { op: 'merge'; into: EntityKey; from: EntityKey }
  | { op: 'split'; entity: EntityKey; mention: MentionKey; newEntity: EntityKey }
  | { op: 'rename'; entity: EntityKey; name: string; previousName: string }
  | {
      op: 'retract';
      /** The claim hidden (rekeyed by `reapply` when a re-ingest gave the same claim another id). */
      claimId: string;
      /** The id first retracted, when `claimId` was rekeyed. */
      originalClaimId?: string;
      /** What the claim said and where: finds it again if its id changed (entities resolved differently). */
      claim?: { predicate: string; subject: string; object: string; documentId: string; quote: string; start?: number; end?: number };
    }
  | {
      op: 'assert';
      subject: EntityKey;
      predicate: string;
      object: EntityKey | Literal;
      qualifiers: Qualifiers;
      modality: Modality;
      note: string;
      /** The synthetic document holding the note (its text is fixed, so its id and the claim id are stable). */
      documentId: string;
      documentText: string;
      documentTitle: string;
      documentDate: string;
      noteStart: number;
      noteEnd: number;
      claimId: string;
    };

export type CorrectionKind = CorrectionOp['op'];

/** What undo needs that the operation alone does not say (a merged-away entity's mentions…). */
export interface MergeUndo {
  kind: 'merge';
  from: NewEntity;
  fromAliases: string[];
  intoAliasesBefore: string[];
  intoSubtypeBefore: string | null;
  mentions: { docId: string; start: number; end: number; text: string }[];
  claims: { claimId: string; side: 'subject' | 'object' }[];
}
export interface SplitUndo {
  kind: 'split';
  created: boolean;
  mentions: { docId: string; start: number; end: number; text: string }[];
  claims: { claimId: string; side: 'subject' | 'object' }[];
}
export interface RenameUndo {
  kind: 'rename';
  aliasesBefore: string[];
}
export type UndoData = MergeUndo | SplitUndo | RenameUndo;

/** One entry of the audit log. */
export interface CorrectionRecord {
  /** `cor_…` */
  id: string;
  /** Order of application (1, 2, …). */
  seq: number;
  op: CorrectionOp;
  /** $USER, or 'cli' / 'api' when unknown. */
  who: string;
  /** ISO timestamp. */
  at: string;
  why: string | null;
  undo: UndoData | null;
  undone: { at: string; by: string } | null;
}

/** The audit log, stored by each backend. */
export interface CorrectionLog {
  /** Appends a record; `seq` is assigned when absent. Appending an existing id is a no-op returning the stored one. */
  append(rec: Omit<CorrectionRecord, 'seq'> & { seq?: number }): CorrectionRecord;
  /** All records in `seq` order (undone ones too unless `active`). */
  list(opts?: { active?: boolean }): CorrectionRecord[];
  get(id: string): CorrectionRecord | null;
  setUndo(id: string, undo: UndoData | null): void;
  /** Replaces a record's operation (only to rekey a retraction; the history keeps `originalClaimId`). */
  setOp(id: string, op: CorrectionOp): void;
  markUndone(id: string, by: string, at: string): void;
  /** Claim ids hidden from queries: active retractions and claims of undone assertions. */
  retractedClaimIds(): Set<string>;
}

/** Raw entity edits the Store interface lacks, used by split and by undoing a merge or split. */
export interface EntityEditor {
  /** Creates the entity (and its name alias) unless it exists. Returns false when it existed. */
  createEntity(e: NewEntity): boolean;
  /** Deletes the entity when nothing (mention or claim) refers to it any more. */
  deleteEntityIfUnused(id: string): boolean;
  /** Every mention resolved to the entity. */
  entityMentions(id: string): StoredMention[];
  /** Re-points these mentions (doc, start, end) from one entity to another. */
  moveMentions(mentions: readonly { docId: string; start: number; end: number }[], fromId: string, toId: string): void;
  /** Re-points one side of a claim. */
  setClaimEntity(claimId: string, side: 'subject' | 'object', entityId: string): void;
  addAliases(id: string, aliases: readonly string[]): void;
  removeAliases(id: string, aliases: readonly string[]): void;
  setSubtype(id: string, subtype: string | null): void;
  /** Recomputes mention and document counts. */
  refreshCounts(ids: readonly string[]): void;
  /** Runs `fn` atomically. */
  transaction<T>(fn: () => T): T;
}

/** A store's corrections backend. */
export interface CorrectionsBackend {
  log: CorrectionLog;
  editor: EntityEditor;
}
