/**
 * @module Facts from claims (issue #9): a fact is what the knowledge base believes, grouped from
 * every claim that states it. A claim is one document's assertion; a fact groups the claims with
 * the same subject, predicate, object and identifying qualifiers (the `character` of a cast member),
 * counts the independent sources behind it (near-duplicate copies of one article count once),
 * keeps the earliest and latest article dates, the strongest modality, every claim id and every
 * piece of evidence. A negated claim ("X will not direct") joins the fact it denies as opposition.
 */
import { shortHash } from '../model/ids.js';
import { wikidataId } from '../model/predicates.js';
import { isEntityRef } from '../model/types.js';
import type { Claim, EntityRef, Evidence, Literal, Modality, QualifierValue, Qualifiers } from '../model/types.js';
import type { Store, StoredDocument } from '../store/store.js';

/**
 * Qualifiers that make two claims different facts: Sofia Carson as Cassie and Sofia Carson as
 * Cassie's sister are two cast facts. Every other qualifier (`date`, `outlet`, …) is context and is
 * collected in `Fact.context` instead.
 */
export const IDENTIFYING_QUALIFIERS: ReadonlySet<string> = new Set([
  'character', 'role', 'category', 'chart', 'region', 'country', 'platform', 'season', 'episode', 'edition',
]);

/** Strength of a positive modality: a confirmed claim outranks "reportedly" and "might". */
export const MODALITY_RANK: Readonly<Record<Exclude<Modality, 'negated'>, number>> = { asserted: 3, reported: 2, speculative: 1 };

/** `supported`: only positive claims; `contested`: positive claims and opposition (a negated claim or
 * a conflicting value, see conflicts.ts); `denied`: only negated claims. */
export type FactStatus = 'supported' | 'contested' | 'denied';

/** Evidence of a fact: the claim's evidence plus the claim it belongs to. */
export type FactEvidence = Evidence & { readonly claimId: string; readonly modality: Modality };

/** The claims on one side of a fact (its support, or its opposition), with their sources. */
export interface FactSupport {
  claimIds: string[];
  /** Independent documents: near-duplicate copies count once, with their canonical document. */
  sources: number;
  /** Canonical ids of those documents. */
  documents: string[];
  /** Earliest and latest article date among the evidence (ISO, null when no article is dated). */
  firstSeen: string | null;
  lastSeen: string | null;
  /** Every evidence span, oldest article first. */
  evidence: FactEvidence[];
}

/** What the knowledge base believes, always traceable back to the claims that state it. */
export interface Fact {
  /** `fct_` + hash of (subject, predicate, object, identifying qualifiers): stable across re-ingest. */
  id: string;
  predicate: string;
  wikidata?: string;
  subject: EntityRef;
  object: EntityRef | Literal;
  /** The identifying qualifiers (see IDENTIFYING_QUALIFIERS), with their first-seen spelling. */
  qualifiers: Qualifiers;
  /** Other qualifier values seen on the claims (`date`, `outlet`…), distinct, in first-seen order. */
  context: Record<string, QualifierValue[]>;
  /** Strongest modality of the supporting claims; `negated` when every claim is negated. */
  modality: Modality;
  /** Highest confidence among the supporting claims (among all claims when none supports). */
  confidence: number;
  status: FactStatus;
  /** Independent supporting sources (see FactSupport.sources). */
  sources: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /** Every claim id, supporting and opposing. */
  claimIds: string[];
  /** Supporting evidence, oldest article first (each names its claim). */
  evidence: FactEvidence[];
  support: FactSupport;
  /** Negated claims of the same statement, when any. */
  opposition?: FactSupport;
}

/** What facts need to know about a document: its date and whether it is a near-duplicate copy. */
export interface FactDocument {
  id: string;
  date: string | null;
  duplicateOf: string | null;
}

/** Looks a document up by id (null when unknown: the document then counts as its own source). */
export type DocumentLookup = (id: string) => FactDocument | null | undefined;

/** A caching DocumentLookup over a Store (or anything with `getDocument`). */
export function storeDocumentLookup(store: Pick<Store, 'getDocument'>): DocumentLookup {
  const cache = new Map<string, FactDocument | null>();
  return (id) => {
    let d = cache.get(id);
    if (d === undefined) {
      const s: StoredDocument | null = store.getDocument(id);
      d = s ? { id: s.id, date: s.date, duplicateOf: s.duplicateOf } : null;
      cache.set(id, d);
    }
    return d;
  };
}

/** Longest chain of near-duplicate links followed; guards against a (corrupt) cycle. */
const MAX_DUPLICATE_CHAIN = 16;

/** The canonical document of `id`: follows `duplicateOf` links. */
export function canonicalDocument(id: string, docs: DocumentLookup): string {
  let cur = id;
  for (let i = 0; i < MAX_DUPLICATE_CHAIN; i++) {
    const next = docs(cur)?.duplicateOf;
    if (!next || next === cur) return cur;
    cur = next;
  }
  return cur;
}

const normalizeKeyText = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The object part of a fact key: the entity id, or `datatype:value` (strings case-folded). */
export function objectKey(object: EntityRef | Literal): string {
  if (isEntityRef(object)) return object.id;
  const v = object.datatype === 'string' ? normalizeKeyText(object.value) : object.value.trim();
  return `${object.datatype}:${v}`;
}

function identifying(q: Qualifiers): [string, string][] {
  return Object.keys(q)
    .filter((k) => IDENTIFYING_QUALIFIERS.has(k))
    .sort()
    .map((k) => [k, normalizeKeyText(String(q[k]))]);
}

/** The grouping key of a claim: subject, predicate, object and identifying qualifiers. */
export function factKey(c: Pick<Claim, 'subject' | 'predicate' | 'object' | 'qualifiers'>): string {
  return JSON.stringify([c.subject.id, c.predicate, objectKey(c.object), identifying(c.qualifiers)]);
}

/** The fact id for a claim (`fct_…`). */
export function factId(c: Pick<Claim, 'subject' | 'predicate' | 'object' | 'qualifiers'>): string {
  return `fct_${shortHash('fact', factKey(c))}`;
}

/** Compares ISO dates of any precision; null (undated) sorts last. */
export function compareDates(a: string | null | undefined, b: string | null | undefined): number {
  if (!a) return b ? 1 : 0;
  if (!b) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareEvidence(a: Evidence, b: Evidence): number {
  return compareDates(a.document.date, b.document.date) || (a.document.id < b.document.id ? -1 : a.document.id > b.document.id ? 1 : 0) || a.start - b.start;
}

function summarize(claims: readonly Claim[], docs: DocumentLookup): FactSupport {
  const documents = new Set<string>();
  const evidence: FactEvidence[] = [];
  let firstSeen: string | null = null;
  let lastSeen: string | null = null;
  for (const c of claims) {
    for (const e of c.evidence) {
      documents.add(canonicalDocument(e.document.id, docs));
      evidence.push({ ...e, claimId: c.id, modality: c.modality });
      const date = e.document.date ?? docs(e.document.id)?.date ?? null;
      if (date) {
        if (firstSeen === null || date < firstSeen) firstSeen = date;
        if (lastSeen === null || date > lastSeen) lastSeen = date;
      }
    }
  }
  evidence.sort(compareEvidence);
  return { claimIds: claims.map((c) => c.id), sources: documents.size, documents: [...documents].sort(), firstSeen, lastSeen, evidence };
}

function strongest(claims: readonly Claim[]): Modality {
  let best: Modality = 'negated';
  let rank = 0;
  for (const c of claims) {
    if (c.modality === 'negated') continue;
    const r = MODALITY_RANK[c.modality] ?? 0;
    if (r > rank) {
      rank = r;
      best = c.modality;
    }
  }
  return best;
}

/**
 * Groups claims into facts. Claims are grouped by (subject, predicate, object, identifying
 * qualifiers); negated claims join the fact they deny as its opposition.
 *
 * @param claims stored claims (already without retracted ones)
 * @param docs looks up documents for near-duplicate links and dates
 * @returns facts in first-seen order of their claims
 * @example aggregateFacts(store.claims({ subjectId }), storeDocumentLookup(store))
 */
export function aggregateFacts(claims: readonly Claim[], docs: DocumentLookup): Fact[] {
  const groups = new Map<string, Claim[]>();
  for (const c of claims) {
    const k = factKey(c);
    const g = groups.get(k);
    if (g) g.push(c);
    else groups.set(k, [c]);
  }
  const facts: Fact[] = [];
  for (const group of groups.values()) {
    const positive = group.filter((c) => c.modality !== 'negated');
    const negative = group.filter((c) => c.modality === 'negated');
    const first = positive[0] ?? group[0];
    const support = summarize(positive, docs);
    const opposition = negative.length > 0 ? summarize(negative, docs) : undefined;
    const qualifiers: Qualifiers = {};
    const context: Record<string, QualifierValue[]> = {};
    for (const c of group) {
      for (const [k, v] of Object.entries(c.qualifiers)) {
        if (IDENTIFYING_QUALIFIERS.has(k)) {
          if (!(k in qualifiers)) qualifiers[k] = v;
        } else {
          const list = (context[k] ??= []);
          if (!list.includes(v)) list.push(v);
        }
      }
    }
    const basis = positive.length > 0 ? positive : group;
    const confidence = Math.max(...basis.map((c) => c.confidence));
    const main = positive.length > 0 ? support : opposition!;
    const wikidata = wikidataId(first.predicate);
    facts.push({
      id: factId(first),
      predicate: first.predicate,
      ...(wikidata !== undefined ? { wikidata } : {}),
      subject: first.subject,
      object: first.object,
      qualifiers,
      context,
      modality: strongest(group),
      confidence,
      status: positive.length === 0 ? 'denied' : negative.length > 0 ? 'contested' : 'supported',
      sources: main.sources,
      firstSeen: main.firstSeen,
      lastSeen: main.lastSeen,
      claimIds: group.map((c) => c.id),
      evidence: main.evidence,
      support,
      ...(opposition ? { opposition } : {}),
    });
  }
  return facts;
}

/** The value of a fact's object as a reader sees it: the entity name or the literal value. */
export function objectLabel(o: EntityRef | Literal): string {
  return isEntityRef(o) ? o.name : o.value;
}
