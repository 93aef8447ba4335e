/**
 * @module The vocabularies exports speak: schema.org types and properties where they exist,
 * Wikidata direct-property IRIs for N-Triples, and Marquee's own IRIs where neither has a term.
 * One table so every format names things the same way.
 */
import { predicateInfo } from '../model/predicates.js';
import type { EntityRef } from '../model/types.js';

export const SCHEMA = 'https://schema.org/';
export const WIKIDATA_DIRECT = 'http://www.wikidata.org/prop/direct/';
export const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
export const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
export const XSD = 'http://www.w3.org/2001/XMLSchema#';
/** Marquee's own terms (predicates without a standard term, provenance). A URN: no web host is implied. */
export const MARQUEE_VOCAB = 'urn:marquee:vocab:';
/** Marquee resources: `urn:marquee:entity:ent_…`, `urn:marquee:fact:fct_…`, `urn:marquee:document:doc_…`. */
export const MARQUEE_RESOURCE = 'urn:marquee:';

export const entityIri = (id: string): string => `${MARQUEE_RESOURCE}entity:${id}`;
export const factIri = (id: string): string => `${MARQUEE_RESOURCE}fact:${id}`;
export const documentIri = (id: string): string => `${MARQUEE_RESOURCE}document:${id}`;
export const claimIri = (id: string): string => `${MARQUEE_RESOURCE}claim:${id}`;
export const vocabIri = (term: string): string => `${MARQUEE_VOCAB}${term}`;

/** schema.org type of a work, by subtype. */
const WORK_TYPES: Record<string, string> = {
  film: 'Movie',
  movie: 'Movie',
  series: 'TVSeries',
  tv_series: 'TVSeries',
  show: 'TVSeries',
  novel: 'Book',
  book: 'Book',
  song: 'MusicRecording',
  single: 'MusicRecording',
  album: 'MusicAlbum',
  soundtrack: 'MusicAlbum',
  music_video: 'MusicVideoObject',
  play: 'CreativeWork',
  game: 'VideoGame',
};

/** schema.org type of an organization, by subtype. */
const ORGANIZATION_TYPES: Record<string, string> = {
  band: 'MusicGroup',
  outlet: 'NewsMediaOrganization',
};

/**
 * The schema.org type of an entity (a local name in SCHEMA), or a Marquee term (`mq:Character`,
 * `mq:Award`) where schema.org has no class.
 */
export function entityClass(e: Pick<EntityRef, 'type' | 'subtype'>): { ns: 'schema' | 'marquee'; name: string } {
  const sub = (e.subtype ?? '').toLowerCase();
  switch (e.type) {
    case 'work':
      return { ns: 'schema', name: WORK_TYPES[sub] ?? 'CreativeWork' };
    case 'person':
      return { ns: 'schema', name: 'Person' };
    case 'organization':
      return { ns: 'schema', name: ORGANIZATION_TYPES[sub] ?? 'Organization' };
    case 'place':
      return { ns: 'schema', name: 'Place' };
    case 'event':
      return { ns: 'schema', name: 'Event' };
    case 'character':
      return { ns: 'marquee', name: 'Character' };
    case 'award':
      return { ns: 'marquee', name: 'Award' };
    default:
      return { ns: 'schema', name: 'Thing' };
  }
}

/** Full IRI of an entity's class. */
export function entityClassIri(e: Pick<EntityRef, 'type' | 'subtype'>): string {
  const c = entityClass(e);
  return c.ns === 'schema' ? SCHEMA + c.name : vocabIri(c.name);
}

/**
 * schema.org property for a Marquee predicate (subject → object direction), where one exists with
 * the same meaning. Predicates not listed use Marquee's vocabulary (`mq:screenwriter`).
 */
const SCHEMA_PROPERTIES: Record<string, string> = {
  cast_member: 'actor',
  director: 'director',
  producer: 'producer',
  composer: 'musicBy',
  lyricist: 'lyricist',
  performer: 'byArtist',
  author: 'author',
  based_on: 'isBasedOn',
  part_of: 'isPartOf',
  production_company: 'productionCompany',
  record_label: 'recordLabel',
  publication_date: 'datePublished',
  filming_location: 'locationCreated',
  award_received: 'award',
  characters: 'character',
  spouse: 'spouse',
  member_of: 'memberOf',
  occupation: 'hasOccupation',
};

/** The schema.org property name of a predicate, when there is one. */
export function schemaProperty(predicate: string): string | undefined {
  return SCHEMA_PROPERTIES[predicate];
}

/** The JSON-LD term of a predicate: `actor` (schema.org, the @vocab) or `mq:screenwriter`. */
export function jsonldTerm(predicate: string): string {
  return SCHEMA_PROPERTIES[predicate] ?? `mq:${predicate}`;
}

/** The N-Triples predicate IRI of a fact: Wikidata direct property when the predicate has one. */
export function predicateIri(predicate: string): string {
  const wd = predicateInfo(predicate)?.wikidata;
  return wd ? WIKIDATA_DIRECT + wd : vocabIri(predicate);
}

/** XSD datatype of an ISO date at its precision (`xsd:date`, `xsd:gYearMonth`, `xsd:gYear`), or null when it is no ISO date. */
export function xsdDateType(value: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${XSD}date`;
  if (/^\d{4}-\d{2}$/.test(value)) return `${XSD}gYearMonth`;
  if (/^\d{4}$/.test(value)) return `${XSD}gYear`;
  return null;
}
