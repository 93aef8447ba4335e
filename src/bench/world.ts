/**
 * @module The fictional world behind a generated corpus: people, films and series, their cast,
 * source novels, songs, music videos, release dates and figures. Each entity is a pure function
 * of (seed, index), so any article can be generated without generating the ones before it, and a
 * 1k corpus is the first thousand articles of the 10k corpus with the same seed.
 */
import { hash32, Rng } from './random.js';
import * as V from './vocabulary.js';

export interface Person {
  index: number;
  first: string;
  last: string;
  name: string;
  gender: 'f' | 'm';
}

export interface CastRole {
  person: Person;
  character: string;
}

export interface Song {
  title: string;
  performer: Person;
  cowriters: Person[];
  label: string;
}

export interface MusicVideo {
  director: Person;
  place: string;
  spot: string;
}

export interface Novel {
  title: string;
  author: Person;
  year: number;
  publisher: string;
}

export interface Production {
  index: number;
  title: string;
  kind: 'film' | 'series';
  genre: string;
  /** Streaming service, or null for a theatrical release. */
  streamer: string | null;
  /** Theatrical distributor (null when streaming). */
  distributor: string | null;
  director: Person;
  writer: Person | null;
  cast: CastRole[];
  novel: Novel | null;
  songs: Song[];
  video: MusicVideo | null;
  /** Release day (always a Friday), as a UTC date. */
  release: Date;
  filmingPlace: string;
  festival: string | null;
  views: number;
  countriesAtNumberOne: number;
  openingGross: number;
  worldwideGross: number;
  chartDebut: number;
  ukChartPeak: number;
  albumDebut: number;
  award: string;
  sequelTitle: string;
}

/** How fast the pool of people grows per production: new names keep appearing, old ones recur. */
const PEOPLE_PER_PRODUCTION = 4;
/** People available to the very first productions. */
const INITIAL_PEOPLE = 40;
/** First possible release day, and the span of release days (about ten and a half years). */
const FIRST_RELEASE_MS = Date.UTC(2016, 0, 1);
const RELEASE_SPAN_DAYS = 3830;
const DAY_MS = 86_400_000;
/** Bounded memo of productions: articles cluster on recent productions, so this hits often. */
const PRODUCTION_CACHE_LIMIT = 4096;
/** Beyond this many people in one production, allow a repeated surname (never loops forever). */
const SURNAME_RETRY_LIMIT = 40;

/** The generated world for one seed. */
export class World {
  private readonly cache = new Map<number, Production>();

  constructor(readonly seed: number) {}

  /** Person number `k` (deterministic). */
  person(k: number): Person {
    const r = new Rng(hash32(this.seed, 'person', k));
    const gender = r.chance(0.5) ? 'f' : 'm';
    const first = r.pick(gender === 'f' ? V.FEMALE_FIRST : V.MALE_FIRST);
    const last = r.pick(V.SURNAMES);
    return { index: k, first, last, name: `${first} ${last}`, gender };
  }

  /** Production number `k` (deterministic, memoised with a bound). */
  production(k: number): Production {
    const hit = this.cache.get(k);
    if (hit) return hit;
    const p = this.buildProduction(k);
    if (this.cache.size >= PRODUCTION_CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(k, p);
    return p;
  }

  private buildProduction(k: number): Production {
    const r = new Rng(hash32(this.seed, 'production', k));
    const pool = INITIAL_PEOPLE + PEOPLE_PER_PRODUCTION * k;
    const used = new Set<number>();
    const usedSurnames = new Set<string>();
    const newPerson = (): Person => {
      // Prefer recently added people (careers cluster in time), sometimes anyone from the pool.
      for (;;) {
        const idx = r.chance(0.6) ? Math.max(0, pool - 1 - r.int(0, 60)) : r.int(0, pool - 1);
        if (used.has(idx)) continue;
        const person = this.person(idx);
        // Two people sharing a surname in one production make every "Surname" ambiguous.
        if (usedSurnames.has(person.last) && usedSurnames.size < SURNAME_RETRY_LIMIT) continue;
        used.add(idx);
        usedSurnames.add(person.last);
        return person;
      }
    };
    const kind = r.chance(0.8) ? 'film' : 'series';
    const title = makeTitle(r);
    const genre = kind === 'film' ? r.pick(V.GENRES) : r.pick(V.SERIES_GENRES);
    const streaming = kind === 'series' || r.chance(0.6);
    const director = newPerson();
    const writer = r.chance(0.5) ? newPerson() : null;
    const castSize = r.int(2, 4);
    const cast: CastRole[] = [];
    const characters = new Set<string>();
    while (cast.length < castSize) {
      const person = newPerson();
      const c = r.pick(person.gender === 'f' ? V.CHARACTER_FIRST_F : V.CHARACTER_FIRST_M);
      if (characters.has(c)) continue;
      characters.add(c);
      cast.push({ person, character: r.chance(0.5) ? `${c} ${r.pick(V.CHARACTER_SURNAMES)}` : c });
    }
    const releaseDay = Math.floor(FIRST_RELEASE_MS / DAY_MS) + r.int(0, RELEASE_SPAN_DAYS);
    // Move to the following Friday (1970-01-01 was a Thursday, so day 1 is a Friday).
    const friday = releaseDay + ((((1 - releaseDay) % 7) + 7) % 7);
    const release = new Date(friday * DAY_MS);
    const year = release.getUTCFullYear();
    const novel: Novel | null = r.chance(0.4)
      ? { title: r.chance(0.6) ? title : makeTitle(r), author: newPerson(), year: year - r.int(1, 6), publisher: r.pick(V.PUBLISHERS) }
      : null;
    const label = r.pick(V.LABELS);
    const songCount = genre.includes('musical') ? r.int(2, 3) : r.chance(0.5) ? 1 : 0;
    const songs: Song[] = [];
    for (let i = 0; i < songCount; i++) {
      const performer = i === 0 && r.chance(0.6) ? cast[0].person : newPerson();
      const cowriters = Array.from({ length: r.int(1, 3) }, () => newPerson());
      const songTitle = i === 0 && r.chance(0.2) ? title : r.pick(V.SONG_WORDS);
      songs.push({ title: songTitle, performer, cowriters, label });
    }
    const video = songs.length > 0 && r.chance(0.7) ? { director: newPerson(), place: r.pick(V.PLACES), spot: r.pick(V.VIDEO_SPOTS) } : null;
    const opening = r.int(30, 900) / 10;
    return {
      index: k,
      title,
      kind,
      genre,
      streamer: streaming ? r.pick(V.STREAMERS) : null,
      distributor: streaming ? null : r.pick(V.DISTRIBUTORS),
      director,
      writer,
      cast,
      novel,
      songs,
      video,
      release,
      filmingPlace: r.pick(V.PLACES),
      festival: !streaming && r.chance(0.5) ? r.pick(V.FESTIVALS) : null,
      views: r.int(50, 1200) / 10,
      countriesAtNumberOne: r.int(3, 90),
      openingGross: opening,
      worldwideGross: Math.round(opening * (2 + r.next() * 4) * 10) / 10,
      chartDebut: r.int(1, 100),
      ukChartPeak: r.int(1, 40),
      albumDebut: r.int(1, 200),
      award: r.pick(V.AWARDS),
      sequelTitle: r.chance(0.5) ? `${title} 2` : `${title}: ${r.pick(V.TITLE_ADJECTIVES)} ${r.pick(V.TITLE_NOUNS)}`,
    };
  }
}

/** Singular nouns for "A Song for Amara"-style titles. */
const SINGULAR_NOUNS = ['Song', 'Letter', 'Promise', 'Summer', 'House', 'Crown', 'Light', 'Garden', 'Map', 'Wedding'] as const;

/** A title from one of several real-looking patterns ("The Silver Harbour", "Stone Country"...). */
function makeTitle(r: Rng): string {
  switch (r.int(0, 6)) {
    case 0:
      return `The ${r.pick(V.TITLE_ADJECTIVES)} ${r.pick(V.TITLE_NOUNS)}`;
    case 1:
      return `${r.pick(V.TITLE_ADJECTIVES)} ${r.pick(V.TITLE_NOUNS)}`;
    case 2:
      return `${r.pick(V.TITLE_NOUNS)} of ${r.pick(V.TITLE_PLACES)}`;
    case 3:
      // A surname as a title word: people and works that share a name-word ("Stone Country").
      return `${r.pick(V.SURNAMES)} ${r.pick(V.TITLE_NOUNS)}`;
    case 4:
      return `${r.pick(V.TITLE_ADJECTIVES)} ${r.pick(V.TITLE_NOUNS)} in ${r.pick(V.TITLE_PLACES)}`;
    case 5:
      return `A ${r.pick(SINGULAR_NOUNS)} for ${r.pick(V.FEMALE_FIRST)}`;
    default:
      return `The ${r.pick(V.TITLE_NOUNS)} of ${r.pick(V.SURNAMES)}`;
  }
}

export { DAY_MS };
