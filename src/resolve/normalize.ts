/**
 * @module Name normalisation for entity resolution: alias keys (the exact-match key stored in
 * `entity_aliases.alias_key`), name tokens (for surname/first-name matching and typeahead), the
 * "is this a name at all" test, and subtype families of works.
 */
import type { EntityType } from '../model/types.js';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** Straight and typographic apostrophes, primes and backticks. */
const APOSTROPHES = /[\u2018\u2019\u201b\u2032\u02bc`\u00b4]/g;
/** Possessive 's (or bare ' after s) at the end of a word. */
const POSSESSIVE = /(\p{L})'s?(?=\s|$)/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const LEADING_THE = /^the\s+/;

/**
 * The exact-match key of a name: lowercase, diacritics stripped, possessive 's removed,
 * punctuation turned into single spaces, a leading "the" dropped.
 * `aliasKey("The Beyoncé’s!") === "beyonce"`, `aliasKey("Purple Hearts") === "purple hearts"`.
 */
export function aliasKey(name: string): string {
  let key = KEY_CACHE.get(name);
  if (key !== undefined) return key;
  key = computeAliasKey(name);
  if (name.length <= KEY_CACHE_MAX_LENGTH) {
    if (KEY_CACHE.size >= KEY_CACHE_SIZE) KEY_CACHE.clear();
    KEY_CACHE.set(name, key);
  }
  return key;
}

/**
 * Memo of {@link aliasKey} (a pure function called for every mention, alias and lookup during
 * ingest, mostly on names already seen). Bounded: emptied when full; long strings are not kept.
 */
const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_SIZE = 20_000;
const KEY_CACHE_MAX_LENGTH = 200;

function computeAliasKey(name: string): string {
  let s = name.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  s = s.replace(APOSTROPHES, "'").replace(POSSESSIVE, '$1');
  s = s.replace(NON_WORD, ' ').trim();
  const withoutThe = s.replace(LEADING_THE, '');
  // "The" alone, or "The The" (a band), keep what there is rather than returning ''.
  return withoutThe.length > 0 ? withoutThe : s;
}

/** Words too common to identify anything on their own: never indexed as name tokens. */
const TOKEN_STOPWORDS = new Set([
  'the', 'a', 'an', 'of', 'and', 'in', 'on', 'to', 'for', 'at', 'by', 'with', 'from', 'or', 'de', 'la', 'le', 'van', 'von', 'der', 'da', 'di', 'du', 'jr', 'sr', 'ii', 'iii', 'mr', 'mrs', 'ms', 'dr',
]);

/** Shortest token worth indexing: single letters (initials) identify nobody. */
const MIN_TOKEN_LENGTH = 2;

/** The distinct word keys of a name that can identify it on their own (for `alias-token` matching and typeahead). */
export function nameTokens(name: string): string[] {
  const key = aliasKey(name);
  if (key.length === 0) return [];
  const out: string[] = [];
  for (const t of key.split(' ')) {
    if (t.length >= MIN_TOKEN_LENGTH && !TOKEN_STOPWORDS.has(t) && !out.includes(t)) out.push(t);
  }
  return out;
}

/** Number of words in the alias key of a name. */
export function wordCount(name: string): number {
  const key = aliasKey(name);
  return key.length === 0 ? 0 : key.split(' ').length;
}

const PRONOUNS = new Set([
  'i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves', 'you', 'your', 'yours', 'yourself',
  'he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'it', 'its', 'itself', 'they', 'them', 'their',
  'theirs', 'themselves', 'this', 'that', 'these', 'those', 'who', 'whom', 'whose', 'which', 'one',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your']);
const QUOTES = /^["'\u201c\u201d\u2018\u2019\u00ab\u00bb]+|["'\u201c\u201d\u2018\u2019\u00ab\u00bb]+$/g;

/** Surface text cleaned for display as an alias: surrounding quotes and a trailing possessive removed. */
export function cleanAlias(surface: string): string {
  return surface
    .trim()
    .replace(QUOTES, '')
    .replace(/['\u2019]s?$/u, (m, off: number, whole: string) => (off > 0 && /\p{L}/u.test(whole[off - 1]) ? '' : m))
    .trim();
}

/** Role nouns that, written alone in lowercase, describe someone rather than name them. */
const ROLE_NOUNS = new Set([
  'actor', 'actress', 'singer', 'star', 'director', 'filmmaker', 'producer', 'writer', 'author', 'songwriter', 'musician',
  'rapper', 'artist', 'host', 'film', 'movie', 'show', 'series', 'song', 'single', 'album', 'novel', 'book', 'studio',
  'streamer', 'network', 'label', 'band', 'group', 'couple', 'character', 'sequel', 'soundtrack', 'video',
]);

/**
 * True when `surface` is a name ("Sofia Carson", "Purple Hearts", "BTS", "I Didn't Know",
 * "will.i.am", "bell hooks") rather than a pronoun or a description ("she", "the actress",
 * "singer"). After a determiner some word must be capitalised: "The Descendants" is a name,
 * "the film" is not.
 */
export function isNameLike(surface: string): boolean {
  const s = cleanAlias(surface);
  if (s.length === 0 || aliasKey(s).length === 0) return false;
  const words = s.split(/\s+/);
  const first = words[0].toLowerCase();
  if (words.length === 1 && (PRONOUNS.has(first) || ROLE_NOUNS.has(words[0]))) return false;
  // A lone plain lowercase word describes ("the Descendants alum", "songstress"); stylised
  // lowercase names carry other characters ("will.i.am") or come in several words ("bell hooks").
  if (words.length === 1 && /^\p{Ll}+$/u.test(words[0])) return false;
  if (!DETERMINERS.has(first)) return true;
  // A name has, after its determiner, a word starting with an uppercase letter or a digit.
  return words.slice(1).some((w) => /^[\p{Lu}\p{Nd}]/u.test(w.replace(QUOTES, '')));
}

/** Work subtypes grouped into families: two works of different families are different entities. */
const WORK_FAMILIES: Readonly<Record<string, string>> = {
  film: 'film', movie: 'film', feature: 'film', documentary: 'film', short_film: 'film', short: 'film',
  series: 'series', tv_series: 'series', show: 'series', tv_show: 'series', miniseries: 'series', limited_series: 'series', season: 'series', episode: 'episode',
  novel: 'book', book: 'book', memoir: 'book', novella: 'book', comic: 'book',
  song: 'song', single: 'song', track: 'song',
  album: 'album', soundtrack: 'album', ep: 'album', mixtape: 'album',
  music_video: 'music_video', video: 'music_video',
  play: 'play', musical: 'play',
  game: 'game', video_game: 'game',
  podcast: 'podcast',
};

/**
 * The family used to tell entities of one type apart: for works, the subtype family (film, series,
 * book, song, album, music_video...; null when the subtype is absent or unknown); for every other
 * type null (an organisation's subtype — studio, streaming service — is too noisy to split on).
 */
export function subtypeFamily(type: EntityType, subtype: string | null | undefined): string | null {
  if (type !== 'work' || subtype === null || subtype === undefined) return null;
  return WORK_FAMILIES[subtype.toLowerCase()] ?? null;
}
