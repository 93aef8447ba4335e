/**
 * @module Evidence and confidence bookkeeping for answers: de-duplicates evidence across claims
 * (one document span once), groups claims into answer items by their value, and combines claim
 * confidences.
 */
import { isEntityRef, type Claim, type EntityRef, type Evidence, type Literal } from '../../model/types.js';
import type { AnswerItem } from '../../engine/types.js';

/** Upper bound of a facts-backed answer's confidence: the extractors are patterns, not oracles. */
export const MAX_FACT_CONFIDENCE = 0.99;

/** A claim's object is a literal (date, quantity, string) rather than an entity. */
export function isLiteralObject(x: EntityRef | Literal): x is Literal {
  return !isEntityRef(x);
}

const evidenceKey = (e: Evidence) => `${e.document.id}:${e.start}:${e.end}`;

/** Evidence lists merged, same document+span once, in first-seen order. */
export function mergeEvidence(...lists: readonly (readonly Evidence[])[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const list of lists) {
    for (const e of list) {
      const k = evidenceKey(e);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(e);
    }
  }
  return out;
}

/** Noisy-or of independent confidences, capped at MAX_FACT_CONFIDENCE. */
export function combineConfidence(values: readonly number[]): number {
  let miss = 1;
  for (const v of values) miss *= 1 - Math.max(0, Math.min(1, v));
  return Math.round(Math.min(MAX_FACT_CONFIDENCE, 1 - miss) * 1000) / 1000;
}

/** Number of distinct documents behind a set of claims. */
export function documentCount(claims: readonly Claim[]): number {
  return new Set(claims.flatMap((c) => c.evidence.map((e) => e.document.id))).size;
}

/** One group of claims that give the same answer value. */
export interface ClaimGroup {
  key: string;
  value: string;
  entity?: EntityRef;
  claims: Claim[];
}

/** The value a claim gives on the answer side (`out`: its object, `in`: its subject). */
export function answerSide(c: Claim, direction: 'out' | 'in'): { key: string; value: string; entity?: EntityRef } {
  if (direction === 'in') return { key: c.subject.id, value: c.subject.name, entity: c.subject };
  const o = c.object;
  if (isEntityRef(o)) return { key: o.id, value: o.name, entity: o };
  return { key: `${o.datatype}:${o.value}`, value: o.value };
}

/** Group claims by answer value, most supported (documents, then claims) first. */
export function groupClaims(claims: readonly Claim[], direction: 'out' | 'in'): ClaimGroup[] {
  const groups = new Map<string, ClaimGroup>();
  for (const c of claims) {
    const side = answerSide(c, direction);
    const g = groups.get(side.key) ?? { ...side, claims: [] };
    g.claims.push(c);
    groups.set(side.key, g);
  }
  return [...groups.values()].sort(
    (a, b) => documentCount(b.claims) - documentCount(a.claims) || b.claims.length - a.claims.length || a.value.localeCompare(b.value),
  );
}

/** Most frequent value of a string qualifier across claims (e.g. the character an actor plays). */
export function commonQualifier(claims: readonly Claim[], name: string): string | undefined {
  const counts = new Map<string, number>();
  for (const c of claims) {
    const v = c.qualifiers[name];
    if (typeof v === 'string' && v.trim()) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let best: string | undefined;
  let n = 0;
  for (const [v, k] of counts) if (k > n) [best, n] = [v, k];
  return best;
}

/** An answer item from a claim group. */
export function itemFromGroup(g: ClaimGroup, predicate: string, qualifiers?: AnswerItem['qualifiers'], extra: Evidence[] = []): AnswerItem {
  const item: AnswerItem = {
    value: g.value,
    confidence: combineConfidence(g.claims.map((c) => c.confidence)),
    evidence: mergeEvidence(...g.claims.map((c) => c.evidence), extra),
    support: 'facts',
    predicate,
  };
  if (g.entity) item.entity = { id: g.entity.id, name: g.entity.name, type: g.entity.type, subtype: g.entity.subtype ?? null };
  if (qualifiers && Object.keys(qualifiers).length > 0) item.qualifiers = qualifiers;
  return item;
}
