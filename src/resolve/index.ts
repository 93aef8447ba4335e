/**
 * @module Entity resolution: maps a document's mentions and claim arguments to stored entities
 * (or new ones) and returns the whole DocumentWrite. Candidates come only from index lookups
 * (alias key, name token), so the time per document does not grow with the database.
 *
 * Rules, in short:
 * - a name group is (type, subtype family, alias key of the canonical name);
 * - a candidate must have the same type; works must also have the same subtype family (the film,
 *   the novel and the song "Purple Hearts" are three entities); a work with no known subtype
 *   joins the most-mentioned work of that name;
 * - a one-word person name ("Carson") joins the single person whose aliases contain that word,
 *   preferring a person named in the same document; several candidates → a separate entity and
 *   an `ambiguous` decision;
 * - a full person name whose only match is a stored one-word person ("Carson" → "Sofia Carson")
 *   joins it and gives it the fuller name;
 * - never merge across types by name.
 */
import type { Document } from '../doc/document.js';
import { claimId, claimObjectKey, entityId } from '../model/ids.js';
import { isLiteral, type ClaimArg, type DocClaim, type EntityType, type Literal, type Mention } from '../model/types.js';
import type {
  DocumentWrite,
  Entity,
  EntityUpdate,
  NewClaim,
  NewEntity,
  ResolutionMethod,
  ResolutionRecord,
  StoredMention,
  Store,
} from '../store/store.js';
import { aliasKey, cleanAlias, isNameLike, nameTokens, subtypeFamily, wordCount } from './normalize.js';

export { aliasKey } from './normalize.js';

export interface ResolveOptions {
  /** sha256 of the raw input, copied to the document row. */
  rawHash?: string | null;
  /** Canonical document id when this document is a near-duplicate copy. */
  duplicateOf?: string | null;
}

/** Score of a decision backed by one exact alias match of the right type. */
const SCORE_EXACT_UNIQUE = 1;
/** Several exact candidates of the right type: the most mentioned one was chosen. */
const SCORE_EXACT_MOST_MENTIONED = 0.8;
/** A work of unknown subtype joined a work of that name, or a known subtype filled in an untyped work. */
const SCORE_WORK_SUBTYPE_GUESS = 0.75;
/** One-word person name matched through a name token of exactly one person. */
const SCORE_TOKEN_UNIQUE = 0.8;
/** One-word person name matched a person named in full in the same document. */
const SCORE_TOKEN_SAME_DOCUMENT = 0.9;
/** A full name joined a stored one-word person ("Carson" becomes "Sofia Carson"). */
const SCORE_SURNAME_UPGRADE = 0.7;
/** Several candidates fit equally: a separate entity was kept. */
const SCORE_AMBIGUOUS = 0.5;
/** Nothing to match: a new entity. */
const SCORE_NEW = 1;
/** Candidates kept in a decision record: enough to explain it, bounded so a common surname does not bloat every document. */
const MAX_RECORDED_CANDIDATES = 10;
/** Candidate names spelt out in a reason. */
const MAX_NAMED_CANDIDATES = 5;

const nameList = (xs: readonly Known[]): string =>
  xs.slice(0, MAX_NAMED_CANDIDATES).map((e) => e.name).join(', ') + (xs.length > MAX_NAMED_CANDIDATES ? `, +${xs.length - MAX_NAMED_CANDIDATES} more` : '');

/** A name to resolve: every mention (or claim argument) of one (type, family, alias key). */
interface Group {
  gid: string;
  key: string;
  type: EntityType;
  family: string | null;
  names: Map<string, number>;
  subtypes: Map<string, number>;
  mentions: Mention[];
  first: number;
}

/** An entity known while resolving this document: stored, or minted here. */
interface Known {
  id: string;
  name: string;
  type: EntityType;
  family: string | null;
  subtype: string | null;
  /** Stored mention count plus mentions resolved to it in this document. */
  mentions: number;
  minted: boolean;
}

const mostCommon = (m: Map<string, number>): string | null => {
  let best: string | null = null;
  let n = -1;
  for (const [k, v] of m) if (v > n) [best, n] = [k, v];
  return best;
};

const byMentions = (a: Known, b: Known): number => b.mentions - a.mentions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Resolves `doc` (layers `mentions` and `claims`, optionally `sentences`) against `store`. */
export function resolveDocument(doc: Document, store: Store, opts: ResolveOptions = {}): DocumentWrite {
  const mentions = doc.has('mentions') ? doc.get('mentions') : [];
  const docClaims = doc.has('claims') ? doc.get('claims') : [];

  // 1. Group names.
  const groups = new Map<string, Group>();
  const mentionGroup = new Map<string, Group>();
  const groupFor = (name: string, type: EntityType, subtype: string | null | undefined, at: number): Group | null => {
    if (!isNameLike(name)) return null;
    const key = aliasKey(name);
    if (key.length === 0) return null;
    const family = subtypeFamily(type, subtype);
    const gid = `${type}|${family ?? ''}|${key}`;
    let g = groups.get(gid);
    if (!g) groups.set(gid, (g = { gid, key, type, family, names: new Map(), subtypes: new Map(), mentions: [], first: at }));
    g.names.set(name.trim(), (g.names.get(name.trim()) ?? 0) + 1);
    if (subtype) g.subtypes.set(subtype, (g.subtypes.get(subtype) ?? 0) + 1);
    g.first = Math.min(g.first, at);
    return g;
  };
  for (const m of mentions) {
    const g = groupFor(m.canonical, m.type, m.subtype, m.start);
    if (g === null) continue;
    g.mentions.push(m);
    mentionGroup.set(m.id, g);
  }
  const argGroup = (a: ClaimArg, at: number): Group | null => {
    if (a.mention !== undefined) {
      const g = mentionGroup.get(a.mention);
      if (g !== undefined) return g;
    }
    return groupFor(a.name, a.type, a.subtype, at);
  };
  const claimGroups: { c: DocClaim; s: Group | null; o: Group | Literal | null }[] = docClaims.map((c) => ({
    c,
    s: argGroup(c.subject, c.span.start),
    o: isLiteral(c.object) ? c.object : argGroup(c.object, c.span.start),
  }));

  // 2. Resolve groups: full names and typed works first, so one-word names and untyped works can
  //    join what this document names in full.
  const tier = (g: Group): number => {
    if (g.type === 'person' && wordCount(g.key) === 1) return 2;
    if (g.type === 'work' && g.family === null) return 1;
    return 0;
  };
  const ordered = [...groups.values()].sort((a, b) => tier(a) - tier(b) || a.first - b.first || (a.gid < b.gid ? -1 : 1));

  const known = new Map<string, Known>();
  const localByKey = new Map<string, Set<string>>();
  const localByToken = new Map<string, Set<string>>();
  const index = (m: Map<string, Set<string>>, k: string, id: string): void => {
    let s = m.get(k);
    if (!s) m.set(k, (s = new Set()));
    s.add(id);
  };
  const remember = (e: Known, names: Iterable<string>): void => {
    known.set(e.id, e);
    for (const n of names) {
      index(localByKey, aliasKey(n), e.id);
      for (const t of nameTokens(n)) index(localByToken, t, e.id);
    }
  };
  const fromStore = (e: Entity): Known =>
    known.get(e.id) ?? {
      id: e.id,
      name: e.name,
      type: e.type,
      family: subtypeFamily(e.type, e.subtype),
      subtype: e.subtype ?? null,
      mentions: e.mentionCount,
      minted: false,
    };
  const aliasCache = new Map<string, Entity[]>();
  /** Alias keys each entity is known to have already (found by them, or named by them): not re-sent. */
  const knownKeys = new Map<string, Set<string>>();
  const markKnown = (id: string, key: string): void => {
    let ks = knownKeys.get(id);
    if (!ks) knownKeys.set(id, (ks = new Set()));
    ks.add(key);
  };
  const byAlias = (key: string): Entity[] => {
    let r = aliasCache.get(key);
    if (!r) {
      aliasCache.set(key, (r = store.findEntitiesByAlias(key)));
      for (const e of r) markKnown(e.id, key);
    }
    return r;
  };
  const uniq = (xs: Known[]): Known[] => [...new Map(xs.map((x) => [x.id, x])).values()];
  const local = (m: Map<string, Set<string>>, k: string, type: EntityType): Known[] =>
    [...(m.get(k) ?? [])].map((id) => known.get(id)!).filter((e) => e.type === type);

  const newEntities: NewEntity[] = [];
  const updates = new Map<string, EntityUpdate>();
  const resolutions: { first: number; record: ResolutionRecord }[] = [];
  const entityOf = new Map<Group, string>();

  for (const g of ordered) {
    const name = mostCommon(g.names)!;
    const subtype = mostCommon(g.subtypes);
    const exact = uniq([...byAlias(g.key).map(fromStore), ...local(localByKey, g.key, g.type)]).filter((e) => e.type === g.type);
    let chosen: Known | null = null;
    let method: ResolutionMethod = 'new';
    let score = SCORE_NEW;
    let considered: Known[] = exact;
    const reasons: string[] = [];

    if (g.type === 'work') {
      if (g.family !== null) {
        const same = exact.filter((e) => e.family === g.family).sort(byMentions);
        const untyped = exact.filter((e) => e.family === null).sort(byMentions);
        const others = exact.filter((e) => e.family !== null && e.family !== g.family);
        if (same.length > 0) {
          chosen = same[0];
          method = 'alias-exact';
          score = same.length === 1 ? SCORE_EXACT_UNIQUE : SCORE_EXACT_MOST_MENTIONED;
          reasons.push(
            same.length === 1
              ? `alias "${g.key}" names one ${g.family}`
              : `alias "${g.key}" names ${same.length} works of kind ${g.family}; chose the most mentioned`,
          );
        } else if (untyped.length > 0) {
          chosen = untyped[0];
          method = 'alias-exact';
          score = SCORE_WORK_SUBTYPE_GUESS;
          reasons.push(`alias "${g.key}" names a work of unknown kind; it is now known to be a ${g.family}`);
          if (subtype !== null) setSubtype(chosen, subtype);
        }
        if (others.length > 0) reasons.push(`kept apart from ${others.slice(0, MAX_NAMED_CANDIDATES).map((o) => `${o.family} ${o.id}`).join(', ')}: different kind of work`);
      } else if (exact.length > 0) {
        chosen = [...exact].sort(byMentions)[0];
        method = 'alias-exact';
        score = exact.length === 1 ? SCORE_EXACT_UNIQUE : SCORE_WORK_SUBTYPE_GUESS;
        reasons.push(`work of unknown kind: joined the most mentioned of ${exact.length} work(s) named "${g.key}"`);
      }
    } else if (g.type === 'person' && wordCount(g.key) === 1) {
      const sameDoc = uniq([...local(localByToken, g.key, 'person'), ...local(localByKey, g.key, 'person')]);
      if (sameDoc.length === 1) {
        chosen = sameDoc[0];
        method = exact.some((e) => e.id === chosen!.id) ? 'alias-exact' : 'alias-token';
        score = SCORE_TOKEN_SAME_DOCUMENT;
        considered = sameDoc;
        reasons.push(`one-word name "${g.key}": the only person of that name in this document is ${chosen.name}`);
      } else {
        const viaToken = store.findEntitiesByToken(g.key, 'person').map(fromStore);
        considered = uniq([...exact, ...viaToken, ...sameDoc]).sort(byMentions);
        if (considered.length === 1) {
          chosen = considered[0];
          method = exact.some((e) => e.id === chosen!.id) ? 'alias-exact' : 'alias-token';
          score = method === 'alias-exact' ? SCORE_EXACT_UNIQUE : SCORE_TOKEN_UNIQUE;
          reasons.push(`one-word name "${g.key}": exactly one person has it among their names (${chosen.name})`);
        } else if (considered.length > 1) {
          const bare = considered.filter((e) => aliasKey(e.name) === g.key);
          method = 'ambiguous';
          score = SCORE_AMBIGUOUS;
          reasons.push(`one-word name "${g.key}" fits ${considered.length} persons (${nameList(considered)}): kept separate`);
          if (bare.length === 1) {
            chosen = bare[0];
            reasons.push(`joined the entity named just "${bare[0].name}"`);
          }
        }
      }
    } else if (exact.length > 0) {
      chosen = [...exact].sort(byMentions)[0];
      method = 'alias-exact';
      score = exact.length === 1 ? SCORE_EXACT_UNIQUE : SCORE_EXACT_MOST_MENTIONED;
      reasons.push(exact.length === 1 ? `alias "${g.key}" names one ${g.type}` : `alias "${g.key}" names ${exact.length} ${g.type}s; chose the most mentioned`);
    } else if (g.type === 'person' && wordCount(g.key) > 1) {
      // "Sofia Carson" when only a one-word "Carson" (or "Sofia") person is stored.
      const toks = g.key.split(' ');
      const ends = [...new Set([toks[0], toks[toks.length - 1]])];
      const bare = uniq(
        ends.flatMap((t) => [...byAlias(t).map(fromStore), ...local(localByKey, t, 'person')]).filter(
          (e) => e.type === 'person' && wordCount(e.name) === 1 && ends.includes(aliasKey(e.name)),
        ),
      );
      considered = bare;
      if (bare.length === 1) {
        chosen = bare[0];
        method = 'alias-token';
        score = SCORE_SURNAME_UPGRADE;
        reasons.push(`full name "${name}" completes the one-word person "${chosen.name}"`);
        setName(chosen, name);
      } else if (bare.length > 1) {
        reasons.push(`full name "${name}" could complete ${bare.length} one-word persons: kept separate`);
      }
    }

    if (chosen === null) {
      const id = entityId(doc.id, g.type, g.family, g.key);
      chosen = known.get(id) ?? { id, name, type: g.type, family: g.family, subtype, mentions: 0, minted: true };
      if (!known.has(id)) {
        newEntities.push({ id, name, type: g.type, subtype });
        markKnown(id, aliasKey(name)); // the store adds an entity's own name as an alias
      }
      if (method === 'new') reasons.push(exact.length === 0 ? `no ${g.type} named "${g.key}" yet` : `no compatible ${g.type} named "${g.key}"`);
      else reasons.push('minted a separate entity');
      if (method !== 'ambiguous') score = SCORE_NEW;
    }
    chosen.mentions += g.mentions.length;
    remember(chosen, [chosen.name, ...g.names.keys()]);
    entityOf.set(g, chosen.id);
    resolutions.push({ first: g.first, record: {
      mentionIds: g.mentions.map((m) => m.id),
      name,
      key: g.key,
      type: g.type,
      subtype,
      entityId: chosen.id,
      method,
      score,
      candidates: considered.slice(0, MAX_RECORDED_CANDIDATES).map((c) => c.id),
      reasons,
    } });
  }

  function setSubtype(e: Known, subtype: string): void {
    e.subtype = subtype;
    e.family = subtypeFamily(e.type, subtype);
    if (e.minted) {
      const ne = newEntities.findIndex((n) => n.id === e.id);
      if (ne >= 0) newEntities[ne] = { ...newEntities[ne], subtype };
    } else updates.set(e.id, { ...updates.get(e.id), id: e.id, subtype });
  }
  function setName(e: Known, name: string): void {
    e.name = name;
    if (e.minted) {
      const ne = newEntities.findIndex((n) => n.id === e.id);
      if (ne >= 0) newEntities[ne] = { ...newEntities[ne], name };
    } else updates.set(e.id, { ...updates.get(e.id), id: e.id, name });
  }

  // 3. Aliases: each entity's canonical names and the surface forms that are names.
  const aliases: { entityId: string; alias: string }[] = [];
  const aliasSeen = new Set<string>();
  const addAlias = (id: string, alias: string): void => {
    const a = cleanAlias(alias);
    if (!isNameLike(a)) return;
    const key = aliasKey(a);
    const k = `${id}|${key}`;
    if (aliasSeen.has(k) || knownKeys.get(id)?.has(key)) return;
    aliasSeen.add(k);
    aliases.push({ entityId: id, alias: a });
  };
  const writtenMentions: Omit<StoredMention, 'docId'>[] = [];
  for (const g of ordered) {
    const id = entityOf.get(g)!;
    for (const n of g.names.keys()) addAlias(id, n);
    for (const m of g.mentions) {
      addAlias(id, m.text);
      writtenMentions.push({ start: m.start, end: m.end, text: m.text, entityId: id });
    }
  }
  writtenMentions.sort((a, b) => a.start - b.start || a.end - b.end);

  // 4. Claims, their arguments as entity ids; one claim per id (the most confident).
  const claims = new Map<string, NewClaim>();
  for (const { c, s, o } of claimGroups) {
    if (s === null || o === null) continue;
    const subjectId = entityOf.get(s)!;
    const objectId = 'gid' in o ? entityOf.get(o)! : null;
    const object = 'gid' in o ? null : { value: o.value, datatype: o.datatype };
    const id = claimId(c.predicate, subjectId, claimObjectKey(objectId, object), doc.id, c.span.start, c.span.end);
    const prev = claims.get(id);
    if (prev !== undefined && prev.confidence >= c.confidence) continue;
    claims.set(id, {
      id,
      predicate: c.predicate,
      subjectId,
      objectId,
      object,
      qualifiers: { ...c.qualifiers },
      modality: c.modality,
      confidence: c.confidence,
      start: c.span.start,
      end: c.span.end,
      sentenceStart: c.sentence.start,
      sentenceEnd: c.sentence.end,
      extractor: c.extractor,
    });
  }

  const meta = doc.meta;
  return {
    document: {
      id: doc.id,
      textHash: doc.textHash,
      rawHash: opts.rawHash ?? null,
      title: meta.title,
      source: meta.source ?? null,
      url: meta.url ?? null,
      date: meta.date ?? null,
      dateSource: meta.dateSource ?? null,
      author: meta.author ?? null,
      language: meta.language ?? null,
      path: meta.path ?? null,
      text: doc.text,
      duplicateOf: opts.duplicateOf ?? null,
    },
    sentences: doc.has('sentences') ? [...doc.get('sentences')] : [],
    newEntities,
    aliases,
    mentions: writtenMentions,
    claims: [...claims.values()],
    resolutions: resolutions.sort((a, b) => a.first - b.first).map((r) => r.record),
    entityUpdates: [...updates.values()],
  };
}
