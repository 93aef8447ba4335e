/**
 * @module The predicate vocabulary: snake_case names stored as-is, Wikidata property ids where one
 * exists, the kinds of subject and object, and whether one value is expected (for conflicts).
 */
import type { EntityType } from './types.js';

export type PredicateCategory = 'relation' | 'event' | 'metric' | 'quote' | 'attribute';

export interface PredicateInfo {
  readonly name: string;
  readonly wikidata?: string;
  readonly category: PredicateCategory;
  readonly subject: readonly EntityType[];
  /** Entity types of the object, or 'literal'. */
  readonly object: readonly (EntityType | 'literal')[];
  /** A subject normally has one value (premiere date, director of a film, source novel). */
  readonly singleValued: boolean;
  /** How a reader says it: "{s} stars {o}". */
  readonly label: string;
  /** How the inverse reads on the object's page: "cast in". */
  readonly inverseLabel: string;
}

const P = (p: PredicateInfo) => p;

export const PREDICATES: Record<string, PredicateInfo> = Object.fromEntries(
  [
    P({ name: 'cast_member', wikidata: 'P161', category: 'relation', subject: ['work'], object: ['person'], singleValued: false, label: 'cast member', inverseLabel: 'cast in' }),
    P({ name: 'director', wikidata: 'P57', category: 'relation', subject: ['work'], object: ['person'], singleValued: true, label: 'director', inverseLabel: 'directed' }),
    P({ name: 'screenwriter', wikidata: 'P58', category: 'relation', subject: ['work'], object: ['person'], singleValued: false, label: 'screenwriter', inverseLabel: 'wrote screenplay of' }),
    P({ name: 'producer', wikidata: 'P162', category: 'relation', subject: ['work'], object: ['person', 'organization'], singleValued: false, label: 'producer', inverseLabel: 'produced' }),
    P({ name: 'executive_producer', wikidata: 'P1431', category: 'relation', subject: ['work'], object: ['person'], singleValued: false, label: 'executive producer', inverseLabel: 'executive producer of' }),
    P({ name: 'composer', wikidata: 'P86', category: 'relation', subject: ['work'], object: ['person'], singleValued: false, label: 'composer', inverseLabel: 'composed' }),
    P({ name: 'lyricist', wikidata: 'P676', category: 'relation', subject: ['work'], object: ['person'], singleValued: false, label: 'lyrics by', inverseLabel: 'wrote lyrics of' }),
    P({ name: 'songwriter', category: 'relation', subject: ['work'], object: ['person'], singleValued: false, label: 'songwriter', inverseLabel: 'co-wrote' }),
    P({ name: 'performer', wikidata: 'P175', category: 'relation', subject: ['work'], object: ['person', 'organization'], singleValued: false, label: 'performer', inverseLabel: 'performed' }),
    P({ name: 'director_of_photography', wikidata: 'P344', category: 'relation', subject: ['work'], object: ['person'], singleValued: false, label: 'director of photography', inverseLabel: 'shot' }),
    P({ name: 'author', wikidata: 'P50', category: 'relation', subject: ['work'], object: ['person'], singleValued: false, label: 'author', inverseLabel: 'wrote' }),
    P({ name: 'based_on', wikidata: 'P144', category: 'relation', subject: ['work'], object: ['work'], singleValued: true, label: 'based on', inverseLabel: 'adapted as' }),
    P({ name: 'featured_in', category: 'relation', subject: ['work'], object: ['work'], singleValued: false, label: 'featured in', inverseLabel: 'features' }),
    P({ name: 'part_of', wikidata: 'P361', category: 'relation', subject: ['work'], object: ['work'], singleValued: false, label: 'part of', inverseLabel: 'has part' }),
    P({ name: 'distributed_by', wikidata: 'P750', category: 'relation', subject: ['work'], object: ['organization'], singleValued: false, label: 'distributed by', inverseLabel: 'distributes' }),
    P({ name: 'original_broadcaster', wikidata: 'P449', category: 'relation', subject: ['work'], object: ['organization'], singleValued: false, label: 'original broadcaster', inverseLabel: 'broadcasts' }),
    P({ name: 'production_company', wikidata: 'P272', category: 'relation', subject: ['work'], object: ['organization'], singleValued: false, label: 'production company', inverseLabel: 'produced' }),
    P({ name: 'record_label', wikidata: 'P264', category: 'relation', subject: ['work', 'person'], object: ['organization'], singleValued: false, label: 'record label', inverseLabel: 'label of' }),
    P({ name: 'filming_location', wikidata: 'P915', category: 'relation', subject: ['work'], object: ['place'], singleValued: false, label: 'filming location', inverseLabel: 'location of' }),
    P({ name: 'award_received', wikidata: 'P166', category: 'relation', subject: ['person', 'work', 'organization'], object: ['award'], singleValued: false, label: 'award received', inverseLabel: 'awarded to' }),
    P({ name: 'nominated_for', wikidata: 'P1411', category: 'relation', subject: ['person', 'work', 'organization'], object: ['award'], singleValued: false, label: 'nominated for', inverseLabel: 'nominee' }),
    P({ name: 'characters', wikidata: 'P674', category: 'relation', subject: ['work'], object: ['character'], singleValued: false, label: 'character', inverseLabel: 'appears in' }),
    P({ name: 'spouse', wikidata: 'P26', category: 'relation', subject: ['person'], object: ['person'], singleValued: false, label: 'spouse', inverseLabel: 'spouse' }),
    P({ name: 'member_of', wikidata: 'P463', category: 'relation', subject: ['person'], object: ['organization'], singleValued: false, label: 'member of', inverseLabel: 'member' }),
    P({ name: 'publication_date', wikidata: 'P577', category: 'event', subject: ['work'], object: ['literal'], singleValued: true, label: 'released', inverseLabel: 'released' }),
    P({ name: 'announced', category: 'event', subject: ['work'], object: ['literal'], singleValued: false, label: 'announced', inverseLabel: 'announced' }),
    P({ name: 'cast_announced', category: 'event', subject: ['work'], object: ['literal'], singleValued: false, label: 'cast announced', inverseLabel: 'cast announced' }),
    P({ name: 'filming_started', category: 'event', subject: ['work'], object: ['literal'], singleValued: false, label: 'filming started', inverseLabel: 'filming started' }),
    P({ name: 'filming_wrapped', category: 'event', subject: ['work'], object: ['literal'], singleValued: true, label: 'filming wrapped', inverseLabel: 'filming wrapped' }),
    P({ name: 'renewed', category: 'event', subject: ['work'], object: ['literal'], singleValued: false, label: 'renewed', inverseLabel: 'renewed' }),
    P({ name: 'cancelled', category: 'event', subject: ['work'], object: ['literal'], singleValued: false, label: 'cancelled', inverseLabel: 'cancelled' }),
    P({ name: 'sequel', category: 'event', subject: ['work'], object: ['literal', 'work'], singleValued: false, label: 'sequel', inverseLabel: 'sequel of' }),
    P({ name: 'hours_viewed', category: 'metric', subject: ['work'], object: ['literal'], singleValued: false, label: 'hours viewed', inverseLabel: 'hours viewed' }),
    P({ name: 'views', category: 'metric', subject: ['work'], object: ['literal'], singleValued: false, label: 'views', inverseLabel: 'views' }),
    P({ name: 'box_office', category: 'metric', subject: ['work'], object: ['literal'], singleValued: false, label: 'box office', inverseLabel: 'box office' }),
    P({ name: 'chart_position', category: 'metric', subject: ['work', 'person'], object: ['literal'], singleValued: false, label: 'chart position', inverseLabel: 'chart position' }),
    P({ name: 'chart_run', category: 'metric', subject: ['work'], object: ['literal'], singleValued: false, label: 'time on chart', inverseLabel: 'time on chart' }),
    P({ name: 'ranking', category: 'metric', subject: ['work'], object: ['literal'], singleValued: false, label: 'ranking', inverseLabel: 'ranking' }),
    P({ name: 'said', category: 'quote', subject: ['person', 'organization'], object: ['literal'], singleValued: false, label: 'said', inverseLabel: 'said' }),
    P({ name: 'occupation', wikidata: 'P106', category: 'attribute', subject: ['person'], object: ['literal'], singleValued: false, label: 'occupation', inverseLabel: 'occupation' }),
  ].map((p) => [p.name, p]),
);

export function predicateInfo(name: string): PredicateInfo | undefined {
  return PREDICATES[name];
}

export function wikidataId(name: string): string | undefined {
  return PREDICATES[name]?.wikidata;
}

/** Predicate whose Wikidata id is `pid`, for benchmark scoring. */
export function predicateByWikidata(pid: string): PredicateInfo | undefined {
  return Object.values(PREDICATES).find((p) => p.wikidata === pid);
}
