/**
 * @module Paging over a Store's claims and entities without loading the whole knowledge base:
 * used by conflict detection and the streaming exports.
 */
import type { Claim } from '../model/types.js';
import type { ClaimFilter, Store } from '../store/store.js';
import { correctionsView } from './corrections.js';

/** Claims read per page: large enough to amortise a query, small enough to bound memory. */
export const CLAIM_PAGE_SIZE = 2000;

/** Every claim matching `filter`, a page at a time (the store's order must be stable). */
export function* iterateClaims(store: Pick<Store, 'claims'>, filter: Omit<ClaimFilter, 'limit' | 'offset'> = {}, pageSize = CLAIM_PAGE_SIZE): Generator<Claim> {
  // A corrections view: page the raw store and skip hidden claims (linear instead of quadratic).
  const view = correctionsView(store);
  const source: Pick<Store, 'claims'> = view ? view.raw : store;
  for (let offset = 0; ; offset += pageSize) {
    const page = source.claims({ ...filter, limit: pageSize, offset });
    for (const c of page) if (!view || !view.hidden.has(c.id)) yield c;
    if (page.length < pageSize) return;
  }
}

/**
 * Ids of every entity that is the subject or object of a claim, in first-seen order. Only ids are
 * kept in memory (a few dozen bytes per entity).
 */
export function claimEntityIds(store: Pick<Store, 'claims'>): { all: string[]; subjects: Set<string> } {
  const seen = new Set<string>();
  const subjects = new Set<string>();
  for (const c of iterateClaims(store)) {
    seen.add(c.subject.id);
    subjects.add(c.subject.id);
    if ('id' in c.object) seen.add(c.object.id);
  }
  return { all: [...seen], subjects };
}
