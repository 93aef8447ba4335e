/**
 * @module The gazetteer (data in ../data/gazetteer.json): known organisations with their subtype,
 * awards with canonical names, events, places, name-like words that are never names, and role
 * words ("actress", "singer") that introduce a person. Matchers are compiled once per process.
 */
import { readFileSync } from 'node:fs';
import type { EntitySubtype, EntityType } from '../../model/types.js';

interface GazetteerFile {
  organization: Record<string, string[]>;
  award: Record<string, string[]>;
  event: string[];
  place: string[];
  placeSuffixes: string[];
  orgSuffixes: string[];
  roleWords: { person: string[]; female: string[]; male: string[] };
  nonNames: string[];
}

export interface GazetteerEntry {
  readonly type: EntityType;
  readonly subtype?: EntitySubtype;
  readonly canonical: string;
}

export interface Gazetteer {
  /** Surface form → entry. */
  readonly entries: Map<string, GazetteerEntry>;
  /** One regex matching every surface form as a whole word (longest first). */
  readonly matcher: RegExp;
  /**
   * `matcher` without its leading look-behind, so the engine can skip ahead by first characters;
   * the caller checks that no letter, digit, `@`, `#` or `-` precedes a match (else retries one
   * character later), which gives exactly `matcher`'s matches, several times faster.
   */
  readonly scanner: RegExp;
  readonly placeSuffixes: Set<string>;
  readonly orgSuffixes: Set<string>;
  readonly roleWords: Set<string>;
  readonly female: Set<string>;
  readonly male: Set<string>;
  readonly nonNames: Set<string>;
  /** Common given names: evidence that a proper-noun run names a person. */
  readonly firstNames: Set<string>;
  /** Given names read as mostly female / male (a hint for "she"/"he" only). */
  readonly femaleNames: Set<string>;
  readonly maleNames: Set<string>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let cached: Gazetteer | null = null;

/** The process-wide gazetteer, loaded and compiled on first use. */
export function getGazetteer(): Gazetteer {
  if (cached) return cached;
  const url = new URL('../data/gazetteer.json', import.meta.url);
  const data = JSON.parse(readFileSync(url, 'utf8')) as GazetteerFile;
  const entries = new Map<string, GazetteerEntry>();
  for (const [subtype, names] of Object.entries(data.organization)) {
    for (const n of names) entries.set(n, { type: 'organization', subtype, canonical: n });
  }
  for (const [canonical, names] of Object.entries(data.award)) {
    for (const n of names) entries.set(n, { type: 'award', canonical });
  }
  for (const n of data.event) entries.set(n, { type: 'event', canonical: n });
  for (const n of data.place) if (!entries.has(n)) entries.set(n, { type: 'place', canonical: n });
  // canonical aliases for a few organisations
  const alias: Record<string, string> = { 'Amazon Prime Video': 'Prime Video', 'Amazon Prime': 'Prime Video', 'Disney Plus': 'Disney+', 'Apple TV Plus': 'Apple TV+', 'Warner Bros.': 'Warner Bros', 'Warner Brothers': 'Warner Bros', 'Hollywood Reporter': 'The Hollywood Reporter', 'Guardian': 'The Guardian', 'New York Times': 'The New York Times', 'Universal Music': 'Universal Music Group', 'Twentieth Century Fox': '20th Century Fox' };
  for (const [from, to] of Object.entries(alias)) {
    const e = entries.get(from);
    if (e) entries.set(from, { ...e, canonical: to });
  }
  const names = [...entries.keys()].sort((a, b) => b.length - a.length).map(escape);
  const matcher = new RegExp(`(?<![\\p{L}\\p{N}@#-])(?:${names.join('|')})(?![\\p{L}\\p{N}+-])`, 'gu');
  const scanner = new RegExp(`(?:${names.join('|')})(?![\\p{L}\\p{N}+-])`, 'gu');
  const given = JSON.parse(readFileSync(new URL('../data/first-names.json', import.meta.url), 'utf8')) as { names: string[]; female: string[]; male: string[] };
  cached = {
    entries,
    matcher,
    scanner,
    placeSuffixes: new Set(data.placeSuffixes),
    orgSuffixes: new Set(data.orgSuffixes),
    roleWords: new Set(data.roleWords.person),
    female: new Set(data.roleWords.female),
    male: new Set(data.roleWords.male),
    nonNames: new Set(data.nonNames),
    firstNames: new Set(given.names),
    femaleNames: new Set(given.female),
    maleNames: new Set(given.male),
  };
  return cached;
}
