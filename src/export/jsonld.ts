/**
 * @module JSON-LD export: one document `{"@context", "@graph"}` streamed node by node. Entities are
 * schema.org nodes (Movie, TVSeries, Book, MusicRecording, MusicAlbum, Person, Organization, Place…)
 * with standard properties (actor, director, author, isBasedOn, byArtist, datePublished…) where
 * they exist and Marquee's (`mq:`) where they don't. Every fact is also a node of its own
 * (`mq:Fact`; quotes are `Quotation`s) carrying status, modality, source count, dates and its
 * evidence as `citation`s: Quotation nodes pointing into the source article.
 */
import { isEntityRef, type EntityRef, type Literal } from '../model/types.js';
import type { Fact, FactEvidence } from '../curate/facts.js';
import type { StoredDocument } from '../store/store.js';
import type { Sink } from './sink.js';
import type { ExportEntity, ExportStats, KnowledgeBaseWalk } from './source.js';
import { documentIri, entityClass, entityIri, factIri, jsonldTerm, MARQUEE_VOCAB, predicateIri, SCHEMA, schemaProperty, XSD, xsdDateType } from './vocabulary.js';

/** The @context every Marquee JSON-LD export uses. */
export const JSONLD_CONTEXT = {
  '@vocab': SCHEMA,
  schema: SCHEMA,
  mq: MARQUEE_VOCAB,
  wdt: 'http://www.wikidata.org/prop/direct/',
  xsd: XSD,
} as const;

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/**
 * A URL literal becomes a node reference only when it is an absolute http(s) IRI. Anything else (a
 * blank-node label `_:b0`, one of our own `urn:marquee:` nodes, a relative reference) stays a typed
 * literal, so text from an article or a curator cannot rewire the graph.
 */
const LINKABLE_URL = /^https?:\/\/[^\s<>"{}|\\^`]+$/i;

function literalValue(l: Literal): Json {
  if (l.datatype === 'date') {
    const t = xsdDateType(l.value);
    return t ? { '@value': l.value, '@type': t.replace(XSD, 'xsd:') } : l.value;
  }
  if (l.datatype === 'quantity' && /^-?\d+(\.\d+)?$/.test(l.value)) return { '@value': l.value, '@type': 'xsd:decimal' };
  if (l.datatype === 'url') return LINKABLE_URL.test(l.value) ? { '@id': l.value } : { '@value': l.value, '@type': 'xsd:anyURI' };
  return l.value;
}

const ref = (e: EntityRef): Json => ({ '@id': entityIri(e.id) });
const objectValue = (o: EntityRef | Literal): Json => (isEntityRef(o) ? ref(o) : literalValue(o));

function typeTerm(e: Pick<EntityRef, 'type' | 'subtype'>): string {
  const c = entityClass(e);
  return c.ns === 'schema' ? c.name : `mq:${c.name}`;
}

/** The node of an entity, with its supported facts as direct properties. */
export function entityNode(e: ExportEntity, facts: readonly Fact[]): Record<string, Json> {
  const node: Record<string, Json> = { '@id': entityIri(e.id), '@type': typeTerm(e), name: e.name };
  if (e.aliases.length > 0) node.alternateName = e.aliases;
  node['mq:entityType'] = e.type;
  if (e.subtype) node['mq:subtype'] = e.subtype;
  node['mq:mentionCount'] = e.mentionCount;
  // One value per property and object: two cast facts (with and without a character) name one actor.
  const seen = new Set<string>();
  for (const f of facts) {
    if (f.support.claimIds.length === 0 || f.predicate === 'said') continue;
    const term = jsonldTerm(f.predicate);
    const value = objectValue(f.object);
    const key = `${term}\u001f${JSON.stringify(value)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = (node[term] ??= []) as Json[];
    list.push(value);
  }
  const ids = facts.map((f) => ({ '@id': factIri(f.id) }));
  if (ids.length > 0) node['mq:fact'] = ids;
  return node;
}

function citation(e: FactEvidence): Json {
  return {
    '@type': 'Quotation',
    text: e.quote,
    isPartOf: { '@id': documentIri(e.document.id) },
    'mq:claim': e.claimId,
    'mq:charStart': e.start,
    'mq:charEnd': e.end,
    'mq:modality': e.modality,
  };
}

/** The node of a fact: a `mq:Fact` (a `Quotation` too for quotes) with its provenance. */
export function factNode(f: Fact): Record<string, Json> {
  const isQuote = f.predicate === 'said' && !isEntityRef(f.object);
  const node: Record<string, Json> = { '@id': factIri(f.id), '@type': isQuote ? ['Quotation', 'mq:Fact'] : 'mq:Fact' };
  if (isQuote) {
    node.text = (f.object as Literal).value;
    node.creator = ref(f.subject);
  }
  node['mq:subject'] = ref(f.subject);
  node['mq:property'] = { '@id': schemaProperty(f.predicate) ? SCHEMA + schemaProperty(f.predicate) : predicateIri(f.predicate) };
  node['mq:predicateName'] = f.predicate;
  if (f.wikidata) node['mq:wikidataProperty'] = { '@id': `wdt:${f.wikidata}` };
  node['mq:object'] = objectValue(f.object);
  if (typeof f.qualifiers.character === 'string') node.characterName = f.qualifiers.character;
  for (const [k, v] of Object.entries(f.qualifiers)) if (k !== 'character') node[`mq:${k}`] = v;
  for (const [k, v] of Object.entries(f.context)) node[`mq:${k}`] = v;
  node['mq:status'] = f.status;
  node['mq:modality'] = f.modality;
  node['mq:sources'] = f.sources;
  node['mq:confidence'] = Number(f.confidence.toFixed(3));
  if (f.firstSeen) node['mq:firstSeen'] = f.firstSeen;
  if (f.lastSeen) node['mq:lastSeen'] = f.lastSeen;
  node.citation = f.support.evidence.map(citation);
  if (f.opposition) node['mq:opposedBy'] = f.opposition.evidence.map(citation);
  return node;
}

/** The node of a source article. */
export function documentNode(d: StoredDocument): Record<string, Json> {
  const node: Record<string, Json> = { '@id': documentIri(d.id), '@type': 'NewsArticle', headline: d.title };
  if (d.date) {
    const t = xsdDateType(d.date.slice(0, 10));
    node.datePublished = t ? { '@value': d.date.slice(0, 10), '@type': t.replace(XSD, 'xsd:') } : d.date;
  }
  if (d.source) node.publisher = { '@type': 'Organization', name: d.source };
  if (d.url) node.url = d.url;
  if (d.author) node.author = { '@type': 'Person', name: d.author };
  if (d.duplicateOf) node['mq:duplicateOf'] = { '@id': documentIri(d.duplicateOf) };
  return node;
}

const LINE_SEPARATORS = /[\u2028\u2029]/g;
const HAS_LINE_SEPARATOR = /[\u2028\u2029]/;

/**
 * One node as JSON on one line. JSON.stringify escapes quotes, backslashes, control characters and
 * lone surrogates; U+2028/U+2029 are legal raw in JSON but end a line for some readers (and a
 * statement in older JavaScript), so they are escaped too.
 */
export function jsonLine(value: Json): string {
  const s = JSON.stringify(value);
  return HAS_LINE_SEPARATOR.test(s) ? s.replace(LINE_SEPARATORS, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029')) : s;
}

/** Streams the knowledge base as one JSON-LD document. */
export async function writeJsonLd(walk: KnowledgeBaseWalk, sink: Sink): Promise<Omit<ExportStats, 'chars'>> {
  const stats = { format: 'jsonld', entities: 0, facts: 0, evidence: 0, documents: 0 };
  await sink.write(`{"@context":${JSON.stringify(JSONLD_CONTEXT)},\n"@graph":[`);
  let first = true;
  const node = async (n: Record<string, Json>) => {
    await sink.write(`${first ? '\n' : ',\n'}${jsonLine(n)}`);
    first = false;
  };
  for (const e of walk.entities()) {
    const facts = walk.factsOf(e.id);
    await node(entityNode(e, facts));
    stats.entities++;
    for (const f of facts) {
      await node(factNode(f));
      stats.facts++;
      stats.evidence += f.support.evidence.length + (f.opposition?.evidence.length ?? 0);
    }
  }
  for (const d of walk.documents()) {
    await node(documentNode(d));
    stats.documents++;
  }
  await sink.write('\n]}\n');
  return stats;
}
