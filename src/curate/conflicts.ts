/**
 * @module Conflicts between sources (issue #9). Three kinds:
 * - `single-valued`: a subject has more than one value of a predicate that normally has one
 *   (predicates.ts `singleValued`: two premiere dates, two directors of one film). Dates of
 *   different precision that agree (`2022` and `2022-07-29`) are not a conflict.
 * - `status`: a status predicate (a sequel "in talks", "confirmed", "denied") has several values.
 *   Every value stays, ordered by date: a later article updates the status (`current`) without
 *   erasing the earlier one (the December 2024 "in talks" is history, not an error).
 * - `negation`: the same statement is asserted by some sources and denied by others.
 * Each conflict lists its sides with their evidence, oldest first.
 */
import { predicateInfo, PREDICATES } from '../model/predicates.js';
import { isEntityRef } from '../model/types.js';
import type { Claim, EntityRef, Literal, Modality } from '../model/types.js';
import type { Store } from '../store/store.js';
import { aggregateFacts, compareDates, objectLabel, storeDocumentLookup, type DocumentLookup, type Fact, type FactEvidence } from './facts.js';
import { shortHash } from '../model/ids.js';
import { iterateClaims } from './scan.js';
import { correctedView, rawStore } from './corrections.js';
import { sqliteHandle } from '../store/sqlite/corrections.js';

/**
 * Predicates whose literal object is a status that can change over time. `sequel` is extracted as
 * 'rumored' / 'in talks' / 'in development' / 'confirmed' / 'denied' / 'cancelled' / 'released'.
 */
export const STATUS_PREDICATES: ReadonlySet<string> = new Set(['sequel']);

/** Upper bound on the claims read for conflict detection (single-valued and status predicates only). */
const MAX_CONFLICT_CLAIMS = 1_000_000;

export type ConflictKind = 'single-valued' | 'status' | 'negation';

/** One side of a conflict: one value and everything that supports it. */
export interface ConflictSide {
  /** The value as a reader sees it (entity name, date, status). */
  value: string;
  object: EntityRef | Literal;
  /** Facts on this side: one, or several when values agree (`2022` joins `2022-07-29`). */
  factIds: string[];
  claimIds: string[];
  /** `negated` on the denying side of a negation conflict. */
  modality: Modality;
  sources: number;
  /** Date of the side: the earliest `date` qualifier or article date of its evidence. */
  firstSeen: string | null;
  lastSeen: string | null;
  /** Evidence, oldest article first (each names its claim). */
  evidence: FactEvidence[];
  /** For status conflicts: this side is the latest known status. */
  current?: boolean;
}

export interface Conflict {
  /** `cfl_` + hash of (kind, subject, predicate, qualifiers). */
  id: string;
  kind: ConflictKind;
  subject: EntityRef;
  predicate: string;
  label: string;
  /** Sides ordered by their first date (undated last). */
  sides: ConflictSide[];
  /** For status conflicts: the value of the latest side. */
  current?: string;
  /** Facts whose values agree with more than one side (a bare `2022` next to two July dates). */
  compatible?: string[];
}

// ---------------------------------------------------------------------------------------------
// Value agreement

/** True when two ISO dates of any precision can denote the same day (`2022` ~ `2022-07-29`). */
export function datesAgree(a: string, b: string): boolean {
  const pa = a.trim().split('-');
  const pb = b.trim().split('-');
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) if (Number(pa[i]) !== Number(pb[i]) || pa[i] === '' || pb[i] === '') return false;
  return true;
}

function precision(value: string): number {
  return value.trim().split('-').length;
}

/** True when two fact objects state the same value. */
export function valuesAgree(a: EntityRef | Literal, b: EntityRef | Literal): boolean {
  if (isEntityRef(a) || isEntityRef(b)) return isEntityRef(a) && isEntityRef(b) && a.id === b.id;
  if (a.datatype === 'date' && b.datatype === 'date') return datesAgree(a.value, b.value);
  if (a.datatype === 'quantity' && b.datatype === 'quantity') {
    const x = Number(a.value);
    const y = Number(b.value);
    if (Number.isFinite(x) && Number.isFinite(y)) return x === y;
  }
  return a.value.trim().toLowerCase() === b.value.trim().toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Building sides

function sideDate(f: Fact, first: boolean): string | null {
  // A status has its own date ("talks in December 2024"); otherwise the article date counts.
  const qualified = (f.context.date ?? []).filter((d): d is string => typeof d === 'string' && /^\d{4}/.test(d)).sort();
  if (qualified.length > 0) return first ? qualified[0] : qualified[qualified.length - 1];
  return first ? f.firstSeen : f.lastSeen;
}

function sideOf(facts: readonly Fact[], negated = false): ConflictSide {
  // The most precise value names the side (`2022-07-29` rather than `2022`).
  const main = [...facts].sort((a, b) => (isEntityRef(a.object) || isEntityRef(b.object) ? 0 : precision(b.object.value) - precision(a.object.value)) || b.sources - a.sources)[0];
  const evidence = new Map<string, FactEvidence>();
  const claimIds: string[] = [];
  const documents = new Set<string>();
  let firstSeen: string | null = null;
  let lastSeen: string | null = null;
  let modality: Modality = negated ? 'negated' : main.modality;
  for (const f of facts) {
    const part = negated ? f.opposition : f.support;
    if (!part) continue;
    claimIds.push(...part.claimIds);
    part.documents.forEach((d) => documents.add(d));
    for (const e of part.evidence) evidence.set(`${e.claimId}:${e.document.id}:${e.start}:${e.end}`, e);
    const a = negated ? part.firstSeen : sideDate(f, true);
    const b = negated ? part.lastSeen : sideDate(f, false);
    if (a && (firstSeen === null || a < firstSeen)) firstSeen = a;
    if (b && (lastSeen === null || b > lastSeen)) lastSeen = b;
    if (!negated && rank(f.modality) > rank(modality)) modality = f.modality;
  }
  const ev = [...evidence.values()].sort((x, y) => compareDates(x.document.date, y.document.date) || x.start - y.start);
  return {
    value: objectLabel(main.object),
    object: main.object,
    factIds: facts.map((f) => f.id),
    claimIds,
    modality,
    sources: documents.size,
    firstSeen,
    lastSeen,
    evidence: ev,
  };
}

/**
 * How far along a status is, for ties on one date: rumours < talks < development < confirmed <
 * production < released. Denied and cancelled end a story, so they rank with confirmed.
 */
const STATUS_STAGE: Record<string, number> = {
  rumoured: 1, rumored: 1, 'in talks': 2, 'in development': 3, confirmed: 4, denied: 4, cancelled: 4, 'in production': 5, released: 6,
};
const statusStage = (value: string): number => STATUS_STAGE[value.trim().toLowerCase()] ?? 0;

const rank = (m: Modality): number => ({ asserted: 3, reported: 2, speculative: 1, negated: 0 })[m];

const bySideDate = (a: ConflictSide, b: ConflictSide): number => compareDates(a.firstSeen, b.firstSeen) || compareDates(a.lastSeen, b.lastSeen) || a.value.localeCompare(b.value);

function conflictId(kind: ConflictKind, subject: string, predicate: string, extra = ''): string {
  return `cfl_${shortHash('conflict', kind, subject, predicate, extra)}`;
}

function label(predicate: string): string {
  return predicateInfo(predicate)?.label ?? predicate;
}

/**
 * Groups facts with agreeing values into sides. A value agreeing with exactly one more precise
 * side joins it; one agreeing with several (a bare year next to two days of that year) is only
 * reported as compatible.
 */
function valueSides(facts: readonly Fact[]): { sides: Fact[][]; compatible: Fact[] } {
  const sorted = [...facts].sort((a, b) => (isEntityRef(a.object) || isEntityRef(b.object) ? 0 : precision(b.object.value) - precision(a.object.value)));
  const sides: Fact[][] = [];
  const compatible: Fact[] = [];
  for (const f of sorted) {
    const matches = sides.filter((s) => valuesAgree(s[0].object, f.object));
    if (matches.length === 0) sides.push([f]);
    else if (matches.length === 1) matches[0].push(f);
    else compatible.push(f);
  }
  return { sides, compatible };
}

/**
 * Finds the conflicts among facts (already aggregated, see aggregateFacts).
 * @returns conflicts ordered by subject name, then predicate
 */
export function conflictsInFacts(facts: readonly Fact[]): Conflict[] {
  const out: Conflict[] = [];
  const bySubjectPredicate = new Map<string, Fact[]>();
  for (const f of facts) {
    // Negation: the same statement asserted and denied.
    if (f.opposition && f.support.claimIds.length > 0) {
      const sides = [sideOf([f]), sideOf([f], true)].sort(bySideDate);
      out.push({ id: conflictId('negation', f.subject.id, f.predicate, f.id), kind: 'negation', subject: f.subject, predicate: f.predicate, label: label(f.predicate), sides });
    }
    if (f.support.claimIds.length === 0) continue;
    const info = predicateInfo(f.predicate);
    const isStatus = STATUS_PREDICATES.has(f.predicate) && !isEntityRef(f.object);
    if (!info?.singleValued && !isStatus) continue;
    const k = `${f.subject.id}\u001f${f.predicate}`;
    const list = bySubjectPredicate.get(k);
    if (list) list.push(f);
    else bySubjectPredicate.set(k, [f]);
  }
  for (const group of bySubjectPredicate.values()) {
    if (group.length < 2) continue;
    const { sides: factSides, compatible } = valueSides(group);
    if (factSides.length < 2) continue;
    const first = group[0];
    const isStatus = STATUS_PREDICATES.has(first.predicate);
    const sides = factSides.map((fs) => sideOf(fs)).sort(bySideDate);
    const conflict: Conflict = {
      id: conflictId(isStatus ? 'status' : 'single-valued', first.subject.id, first.predicate),
      kind: isStatus ? 'status' : 'single-valued',
      subject: first.subject,
      predicate: first.predicate,
      label: label(first.predicate),
      sides,
    };
    if (isStatus) {
      // The latest dated side is the current status; undated sides never override a dated one.
      // On the same date, the more certain claim wins, then the later stage ("confirmed" in an
      // article that recalls the earlier "talks").
      const latest =
        [...sides]
          .filter((s) => s.lastSeen !== null)
          .sort((a, b) => compareDates(b.lastSeen, a.lastSeen) || rank(b.modality) - rank(a.modality) || statusStage(b.value) - statusStage(a.value))[0] ?? sides[sides.length - 1];
      for (const s of sides) s.current = s === latest;
      conflict.current = latest.value;
    }
    if (compatible.length > 0) conflict.compatible = compatible.map((f) => f.id);
    out.push(conflict);
  }
  return out.sort((a, b) => a.subject.name.localeCompare(b.subject.name) || a.predicate.localeCompare(b.predicate) || a.kind.localeCompare(b.kind));
}

/** Predicates that can conflict: single-valued ones and status predicates. */
export function conflictPredicates(): string[] {
  return Object.values(PREDICATES)
    .filter((p) => p.singleValued || STATUS_PREDICATES.has(p.name))
    .map((p) => p.name);
}

/**
 * Every conflict in the knowledge base: single-valued predicates, status predicates, and
 * statements both asserted and denied.
 * @example findConflicts(engine.store).filter((c) => c.kind === 'single-valued')
 */
export function findConflicts(given: Pick<Store, 'claims' | 'getDocument'>, opts: { entityId?: string } = {}): Conflict[] {
  // Retracted claims never take part, whether or not the caller wrapped the store.
  const store = correctedView(given);
  const docs = storeDocumentLookup(store);
  const conflicting = conflictPredicates();
  const claims: Claim[] = opts.entityId
    ? store.claims({ subjectId: opts.entityId, limit: MAX_CONFLICT_CLAIMS })
    : store.claims({ predicate: conflicting, limit: MAX_CONFLICT_CLAIMS });
  // Negations can concern any predicate: add the negated claims' whole facts.
  // Two passes over pages: find the (subject, predicate) pairs with a negated claim, then read them.
  if (!opts.entityId) {
    for (const [subjectId, predicate] of negatedPairs(store)) {
      if (!conflicting.includes(predicate)) claims.push(...store.claims({ subjectId, predicate, limit: MAX_CONFLICT_CLAIMS }));
    }
  }
  return conflictsInFacts(aggregateFacts(claims, docs));
}

/** (subject id, predicate) pairs with at least one negated claim. */
function negatedPairs(store: Pick<Store, 'claims'>): [string, string][] {
  const raw = rawStore(store as Store);
  if (raw.kind === 'sqlite') {
    // One indexed query instead of reading every claim.
    const rows = sqliteHandle(raw).prepare("SELECT DISTINCT subject_id, predicate FROM claims WHERE modality = 'negated'").all() as { subject_id: string; predicate: string }[];
    return rows.map((r) => [r.subject_id, r.predicate]);
  }
  const pairs = new Map<string, [string, string]>();
  for (const c of iterateClaims(store)) if (c.modality === 'negated') pairs.set(`${c.subject.id}\u001f${c.predicate}`, [c.subject.id, c.predicate]);
  return [...pairs.values()];
}

/** Conflicts about one entity (as subject): for the entity page and the API. */
export function conflictsForEntity(store: Pick<Store, 'claims' | 'getDocument'>, entityId: string): Conflict[] {
  return findConflicts(store, { entityId });
}

/** Marks the facts that take part in a conflict as `contested` (returns new objects). */
export function markContested(facts: readonly Fact[], conflicts: readonly Conflict[]): Fact[] {
  const contested = new Set<string>();
  for (const c of conflicts) for (const s of c.sides) s.factIds.forEach((id) => contested.add(id));
  return facts.map((f) => (contested.has(f.id) && f.status === 'supported' ? { ...f, status: 'contested' } : f));
}

/** Facts with their conflicts marked: what an entity page shows (`status: 'contested'`). */
export function factsWithConflicts(claims: readonly Claim[], docs: DocumentLookup): { facts: Fact[]; conflicts: Conflict[] } {
  const facts = aggregateFacts(claims, docs);
  const conflicts = conflictsInFacts(facts);
  return { facts: markContested(facts, conflicts), conflicts };
}

// ---------------------------------------------------------------------------------------------
// `marquee conflicts [--json]`

/** Anything exposing the store: the Engine, or a test double. */
export interface HasStore {
  readonly store: Pick<Store, 'claims' | 'getDocument'>;
}

/**
 * Output of `marquee conflicts`: `--json` prints `{"conflicts":[Conflict]}` (one object, the HTTP
 * body of GET /api/conflicts); otherwise a readable listing with quotes and sources.
 */
export function conflictsCommand(engine: HasStore, opts: { json?: boolean; entityId?: string } = {}): { text: string; count: number; conflicts: Conflict[] } {
  const conflicts = findConflicts(engine.store, opts.entityId ? { entityId: opts.entityId } : {});
  if (opts.json) return { text: JSON.stringify({ conflicts }), count: conflicts.length, conflicts };
  return { text: formatConflicts(conflicts), count: conflicts.length, conflicts };
}

/** Longest quote shown per evidence line in the text listing. */
const MAX_QUOTE_CHARS = 160;

/** A readable listing of conflicts. */
export function formatConflicts(conflicts: readonly Conflict[]): string {
  if (conflicts.length === 0) return 'No conflicts: no two sources disagree on a single-valued fact or a status.';
  const lines: string[] = [];
  for (const c of conflicts) {
    const what = c.kind === 'status' ? 'status' : c.kind === 'negation' ? 'asserted and denied' : 'contested';
    lines.push(`${c.subject.name} — ${c.label} (${what}, ${c.sides.length} sides)  [${c.id}]`);
    for (const s of c.sides) {
      const when = s.firstSeen ? (s.firstSeen === s.lastSeen || !s.lastSeen ? s.firstSeen : `${s.firstSeen}…${s.lastSeen}`) : 'undated';
      const cur = s.current ? '  ← current' : '';
      const mod = s.modality === 'asserted' ? '' : ` ${s.modality}`;
      lines.push(`  • ${s.modality === 'negated' ? 'NOT ' : ''}${s.value}  (${when}; ${s.sources} source${s.sources === 1 ? '' : 's'}${mod})${cur}`);
      for (const e of s.evidence) {
        const q = e.quote.length > MAX_QUOTE_CHARS ? `${e.quote.slice(0, MAX_QUOTE_CHARS - 1)}…` : e.quote;
        const src = [e.document.source, e.document.date].filter(Boolean).join(', ');
        lines.push(`      “${q.replace(/\s+/g, ' ')}” — ${e.document.title}${src ? ` (${src})` : ''} [${e.document.id} ${e.start}-${e.end}]`);
      }
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

/** Upper bound of claims read for one entity's facts (same as the entity page's bound). */
const MAX_ENTITY_FACT_CLAIMS = 2000;

/**
 * The facts about an entity (as subject or object) with contested ones marked, and the
 * conflicts among them: what the entity page and `GET /api/entities/:id` show.
 * @example const { facts, conflicts } = entityFacts(engine.store, id)
 */
export function entityFacts(given: Pick<Store, 'claims' | 'getDocument'>, entityId: string): { facts: Fact[]; conflicts: Conflict[] } {
  const store = correctedView(given);
  return factsWithConflicts(store.claims({ entityId, limit: MAX_ENTITY_FACT_CLAIMS }), storeDocumentLookup(store));
}
