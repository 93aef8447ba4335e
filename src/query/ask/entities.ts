/**
 * @module Entity slots of a question → stored entities. Candidates come from the exact alias key
 * first, then typeahead; the choice among candidates prefers entities that have the facts asked
 * about, then the type hint of the wording ("the novel X"), then the most-mentioned entity when it
 * clearly dominates; otherwise the slot is ambiguous. "it" / "the film" resolve to the single
 * dominant work among those that have the facts asked about.
 */
import { aliasKey, subtypeFamily } from '../../resolve/normalize.js';
import { predicateInfo } from '../../model/predicates.js';
import type { Entity, Store } from '../../store/store.js';
import type { EntitySlot } from './parse.js';
import type { Lookup } from './patterns.js';

/**
 * A candidate wins outright when it has at least this many times the mentions of the runner-up.
 * Two works titled "Purple Hearts" (film with dozens of mentions, song with a handful) are not
 * ambiguous; two people with similar counts are.
 */
export const DOMINANCE_RATIO = 2;
/** How many typeahead rows to consider when the exact alias key finds nothing. */
const TYPEAHEAD_LIMIT = 25;
/** Most-mentioned entities considered for "it" / "the film" (bounded for large knowledge bases). */
const ANAPHORA_CANDIDATES = 60;

export type SlotResolution =
  | { status: 'resolved'; entity: Entity; candidates: Entity[]; via: string }
  | { status: 'unknown'; candidates: Entity[] }
  | { status: 'ambiguous'; candidates: Entity[] };

/** Entities whose alias key equals the slot's, or (failing that) whose name contains it as whole words. */
export function findCandidates(store: Store, slot: EntitySlot): { candidates: Entity[]; via: string } {
  const byId = new Map<string, Entity>();
  let via = 'none';
  // Exact alias keys, in order: the cleaned text, the text as asked ("Come Back Home video" may be
  // a stored name), then variants (without an owner prefix).
  const texts = [slot.text, slot.raw.replace(/["]/g, ''), ...(slot.variants ?? [])];
  for (const t of texts) {
    const k = aliasKey(t);
    if (!k) continue;
    for (const e of store.findEntitiesByAlias(k)) byId.set(e.id, e);
    if (byId.size > 0) {
      via = t === slot.text ? 'alias' : `alias (${t})`;
      break;
    }
  }
  // Typeahead: names that start with the text and contain it as whole words ("Come Back Home
  // (music video)", "Purple Hearts (soundtrack)"); the choice step prefers the one with the facts.
  for (const t of [slot.text, ...(slot.variants ?? [])]) {
    const key = aliasKey(t);
    if (!key) continue;
    const padded = ` ${key} `;
    const before = byId.size;
    for (const e of store.searchEntities(t, TYPEAHEAD_LIMIT)) {
      if (byId.has(e.id)) continue;
      const names = [e.name, ...store.entityAliases(e.id)];
      if (names.some((n) => ` ${aliasKey(n)} `.includes(padded))) byId.set(e.id, e);
    }
    if (byId.size > before && via === 'none') via = 'typeahead';
    if (byId.size > 0) break;
  }
  return { candidates: [...byId.values()], via };
}

/** Number of claims of the lookups where the entity is on the asked side. */
export function supportCount(store: Store, entityId: string, lookups: readonly Lookup[]): number {
  let n = 0;
  const outs = lookups.filter((l) => l.direction === 'out').map((l) => l.predicate);
  const ins = lookups.filter((l) => l.direction === 'in').map((l) => l.predicate);
  if (outs.length) n += store.countClaims({ subjectId: entityId, predicate: outs });
  if (ins.length) n += store.countClaims({ objectId: entityId, predicate: ins });
  return n;
}

function typeFits(e: Entity, lookups: readonly Lookup[]): boolean {
  if (lookups.length === 0) return true;
  return lookups.some((l) => {
    const info = predicateInfo(l.predicate);
    if (!info) return true;
    const types = l.direction === 'out' ? info.subject : info.object;
    return (types as readonly string[]).includes(e.type);
  });
}

function hintFits(e: Entity, hint: string | undefined): boolean {
  if (!hint) return false;
  const want = subtypeFamily('work', hint);
  return e.type === 'work' && want !== null && subtypeFamily(e.type, e.subtype ?? null) === want;
}

/**
 * Pick one entity among candidates: those with supporting facts, then those fitting the type hint,
 * then the predicate's types; finally the most mentioned if it dominates (DOMINANCE_RATIO).
 */
export function chooseEntity(
  store: Store,
  candidates: Entity[],
  lookups: readonly Lookup[],
  hint: string | undefined,
  opts: { preferTypes?: readonly string[] } = {},
): SlotResolution {
  if (candidates.length === 0) return { status: 'unknown', candidates };
  let pool = candidates;
  const narrow = (keep: (e: Entity) => boolean) => {
    const kept = pool.filter(keep);
    if (kept.length > 0) pool = kept;
  };
  if (opts.preferTypes) narrow((e) => opts.preferTypes!.includes(e.type));
  let anySupport = lookups.length === 0;
  if (lookups.length > 0) {
    const support = new Map(pool.map((e) => [e.id, supportCount(store, e.id, lookups)]));
    anySupport = [...support.values()].some((n) => n > 0);
    narrow((e) => (support.get(e.id) ?? 0) > 0);
  }
  narrow((e) => hintFits(e, hint));
  narrow((e) => typeFits(e, lookups));
  pool = [...pool].sort((a, b) => b.mentionCount - a.mentionCount);
  // Ambiguity only matters between entities that could answer: when none has the facts asked
  // about, the answer is "no supporting claims" whichever one is meant.
  if (pool.length === 1 || !anySupport || pool[0].mentionCount >= DOMINANCE_RATIO * pool[1].mentionCount) {
    return { status: 'resolved', entity: pool[0], candidates, via: 'choice' };
  }
  return { status: 'ambiguous', candidates: pool };
}

/**
 * Resolve "it" / "the film": among the most-mentioned works, those that have the facts asked
 * about; the answer is the dominant one (DOMINANCE_RATIO), else the reference is ambiguous.
 * Bounded: ANAPHORA_CANDIDATES count queries, whatever the size of the knowledge base.
 */
export function resolveAnaphora(store: Store, slot: EntitySlot, lookups: readonly Lookup[]): SlotResolution {
  let works = store.searchEntities('', ANAPHORA_CANDIDATES).filter((e) => e.type === 'work');
  if (lookups.length > 0) {
    const supported = works.filter((e) => supportCount(store, e.id, lookups) > 0);
    if (supported.length > 0) works = supported;
  }
  if (slot.hint) {
    const fit = works.filter((e) => hintFits(e, slot.hint));
    if (fit.length > 0) works = fit;
  }
  works.sort((a, b) => b.mentionCount - a.mentionCount);
  if (works.length === 0) return { status: 'unknown', candidates: [] };
  if (works.length === 1 || works[0].mentionCount >= DOMINANCE_RATIO * works[1].mentionCount) {
    return { status: 'resolved', entity: works[0], candidates: works, via: 'anaphora' };
  }
  return { status: 'ambiguous', candidates: works.slice(0, 5) };
}

/** Resolve a slot for the given lookups. */
export function resolveSlot(
  store: Store,
  slot: EntitySlot,
  lookups: readonly Lookup[],
  opts: { preferTypes?: readonly string[] } = {},
): SlotResolution {
  if (slot.anaphoric) return resolveAnaphora(store, slot, lookups);
  const { candidates, via } = findCandidates(store, slot);
  const r = chooseEntity(store, candidates, lookups, slot.hint, opts);
  return r.status === 'resolved' ? { ...r, via } : r;
}
