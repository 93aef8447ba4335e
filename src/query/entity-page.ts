/**
 * @module Entity pages, timelines, neighbourhood graphs and document views, built from the Store.
 * Shared by the CLI (`marquee entity`), the HTTP API and the web UI.
 */
import { predicateInfo } from '../model/predicates.js';
import { isEntityRef, type Claim, type EntityRef, type Evidence } from '../model/types.js';
import type { Store, StoredDocument } from '../store/store.js';
import type { DocumentView, EntityPage, FactGroup, Graph, GraphEdge, GraphNode, TimelineEvent } from '../engine/types.js';

/** Upper bound of claims read for one page: pages stay fast for very prominent entities. */
const MAX_PAGE_CLAIMS = 2000;
/** Neighbourhood graphs are capped so a hub entity cannot produce an unreadable hairball. */
const MAX_GRAPH_NODES = 80;

export function evidenceDocument(d: StoredDocument): Evidence['document'] {
  return { id: d.id, title: d.title, source: d.source, url: d.url, date: d.date };
}

/** Facts grouped by predicate, in both directions (the entity as subject, then as object). */
export function groupFacts(entityId: string, claims: readonly Claim[]): FactGroup[] {
  const groups = new Map<string, FactGroup>();
  for (const c of claims) {
    if (c.predicate === 'said') continue;
    const direction: 'out' | 'in' = c.subject.id === entityId ? 'out' : 'in';
    const key = `${direction}:${c.predicate}`;
    let g = groups.get(key);
    if (!g) {
      const info = predicateInfo(c.predicate);
      const label = direction === 'out' ? (info?.label ?? c.predicate) : (info?.inverseLabel ?? c.predicate);
      g = { predicate: c.predicate, label, direction, claims: [] };
      groups.set(key, g);
    }
    g.claims.push(c);
  }
  return [...groups.values()].sort((a, b) => (a.direction === b.direction ? b.claims.length - a.claims.length : a.direction === 'out' ? -1 : 1));
}

export function buildEntityPage(store: Store, id: string): EntityPage | null {
  const e = store.getEntity(id);
  if (!e) return null;
  const claims = store.claims({ entityId: id, limit: MAX_PAGE_CLAIMS });
  const quotes = claims.filter((c) => c.predicate === 'said');
  // Quotes *about* the entity: quotes whose text or sentence names it.
  return {
    entity: { id: e.id, name: e.name, type: e.type, subtype: e.subtype ?? null, mentionCount: e.mentionCount, documentCount: e.documentCount },
    aliases: store.entityAliases(id).filter((a) => a !== e.name),
    facts: groupFacts(id, claims),
    quotes,
    documents: store.entityDocuments(id, 50).map(evidenceDocument),
  };
}

const EVENT_KIND: Record<string, string> = {
  announced: 'announced',
  cast_announced: 'cast',
  filming_started: 'filming started',
  filming_wrapped: 'wrapped',
  publication_date: 'premiered',
  renewed: 'renewed',
  cancelled: 'cancelled',
  sequel: 'sequel',
};

function precisionOf(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return 'day';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}$/.test(value)) return 'year';
  return 'unknown';
}

/** Dated events of an entity in time order (events where it is the subject, plus dated claims about it). */
export function buildTimeline(store: Store, id: string): TimelineEvent[] | null {
  const e = store.getEntity(id);
  if (!e) return null;
  const events: TimelineEvent[] = [];
  for (const c of store.claims({ entityId: id, limit: MAX_PAGE_CLAIMS })) {
    const info = predicateInfo(c.predicate);
    let date: string | undefined;
    if (info?.category === 'event' && !isEntityRef(c.object) && c.object.datatype === 'date') date = c.object.value;
    else if (typeof c.qualifiers.date === 'string' && /^\d{4}/.test(c.qualifiers.date)) date = c.qualifiers.date;
    if (!date) continue;
    const kind = EVENT_KIND[c.predicate] ?? info?.label ?? c.predicate;
    events.push({ date, precision: precisionOf(date), kind, label: describeClaim(c), modality: c.modality, claim: c });
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return events;
}

/** One line in plain words: "Purple Hearts — premiered 2022-07-29". */
export function describeClaim(c: Claim): string {
  const info = predicateInfo(c.predicate);
  const label = info?.label ?? c.predicate.replace(/_/g, ' ');
  const obj = isEntityRef(c.object) ? c.object.name : c.object.value;
  const q = c.qualifiers;
  switch (c.predicate) {
    case 'cast_member':
      return `${obj} plays ${q.character ?? 'a role'} in ${c.subject.name}`;
    case 'said':
      return `${c.subject.name}: “${obj}”`;
    case 'sequel':
      return `Sequel to ${c.subject.name}: ${obj}`;
    default:
      if (info?.category === 'event') return `${c.subject.name} ${label} ${obj}`;
      if (info?.category === 'metric') return `${c.subject.name}: ${q.text ?? obj} (${label})`;
      return `${c.subject.name} — ${label} — ${obj}`;
  }
}

export function buildGraph(store: Store, id: string, depth: 1 | 2): Graph | null {
  const center = store.getEntity(id);
  if (!center) return null;
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const addNode = (r: EntityRef) => {
    if (!nodes.has(r.id)) nodes.set(r.id, { id: r.id, name: r.name, type: r.type, subtype: r.subtype ?? null, degree: 0 });
  };
  addNode(center);
  let frontier = [id];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const eid of frontier) {
      for (const c of store.claims({ entityId: eid, limit: MAX_PAGE_CLAIMS })) {
        if (!isEntityRef(c.object)) continue;
        const isNew = !nodes.has(c.subject.id) || !nodes.has(c.object.id);
        if (isNew && nodes.size >= MAX_GRAPH_NODES) continue;
        for (const r of [c.subject, c.object]) {
          if (!nodes.has(r.id)) next.push(r.id);
          addNode(r);
        }
        const key = `${c.subject.id}|${c.predicate}|${c.object.id}`;
        const edge = edges.get(key);
        if (edge) edge.claimIds.push(c.id);
        else {
          const label = predicateInfo(c.predicate)?.label ?? c.predicate;
          const character = c.qualifiers.character ? ` (${c.qualifiers.character})` : '';
          edges.set(key, { id: `e${edges.size}`, source: c.subject.id, target: c.object.id, predicate: c.predicate, label: label + character, claimIds: [c.id] });
        }
      }
    }
    frontier = next;
  }
  for (const e of edges.values()) {
    nodes.get(e.source)!.degree++;
    nodes.get(e.target)!.degree++;
  }
  return { center: id, nodes: [...nodes.values()], edges: [...edges.values()] };
}

export function buildDocumentView(store: Store, id: string): DocumentView | null {
  const d = store.getDocument(id);
  if (!d) return null;
  const entityCache = new Map<string, EntityRef | null>();
  const ref = (eid: string): EntityRef | null => {
    if (!entityCache.has(eid)) {
      const e = store.getEntity(eid);
      entityCache.set(eid, e ? { id: e.id, name: e.name, type: e.type, subtype: e.subtype ?? null } : null);
    }
    return entityCache.get(eid)!;
  };
  const mentions = store
    .documentMentions(id)
    .map((m) => ({ start: m.start, end: m.end, text: m.text, entity: ref(m.entityId) }))
    .filter((m): m is DocumentView['mentions'][number] => m.entity !== null);
  return {
    document: { ...evidenceDocument(d), text: d.text, author: d.author, language: d.language },
    mentions,
    claims: store.claims({ docId: id, limit: 5000 }),
  };
}
