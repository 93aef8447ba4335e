/**
 * @module Shared regular-expression fragments for names and titles, compiled once.
 * A title run is capitalised words joined by spaces, small connector words ("Masters of the
 * Universe", "Dead to Me") or a colon ("Pretty Little Liars: The Perfectionists"); "and" and
 * "with" end a run so that lists split ("Sneakerella and Dead to Me"), except "and the" opening a
 * longer phrase with its own connector ("Harry Potter and the Prisoner of Azkaban").
 */

/** One capitalised word (letters, digits, apostrophes, hyphens, "!" and "&" inside). */
export const CAP = String.raw`[\p{Lu}\p{N}][\p{L}\p{N}'’!&-]*`;
/** Small words allowed inside a title between capitalised words. */
export const CONN = String.raw`(?:of|the|to|a|an|in|on|at|for|from|de|la|le|du|von|van|vs\.?)`;
/** A title run. */
export const TITLE = String.raw`${CAP}(?:(?:[^\S\n]+${CONN})*[^\S\n]+${CAP}|:[^\S\n]+${CAP}|[^\S\n]+and[^\S\n]+the[^\S\n]+${CAP}(?:[^\S\n]+${CONN})+[^\S\n]+${CAP})*`;
/** A personal name: one to four capitalised words (particles such as "de" allowed inside). */
export const NAME = String.raw`\p{Lu}(?:\.(?:\p{Lu}\.)*|[\p{L}'’-]*)(?:[^\S\n]+(?:(?:de|da|van|von|del|di|le|la)[^\S\n]+)?\p{Lu}(?:\.(?:\p{Lu}\.)*|[\p{L}'’-]*)){0,3}`;
/** Two to four capitalised words. */
export const NAME2 = String.raw`\p{Lu}(?:\.(?:\p{Lu}\.)*|[\p{L}'’-]*)(?:[^\S\n]+(?:(?:de|da|van|von|del|di|le|la)[^\S\n]+)?\p{Lu}(?:\.(?:\p{Lu}\.)*|[\p{L}'’-]*)){1,3}`;

export const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

/** Cue word before/after a title → work subtype. */
export const SUBTYPE_CUES: Record<string, string> = {
  song: 'song', songs: 'song', single: 'song', singles: 'song', track: 'song', tracks: 'song', ballad: 'song', anthem: 'song', hit: 'song', duet: 'song', version: 'song',
  album: 'album', albums: 'album', EP: 'album', LP: 'album', record: 'album',
  film: 'film', films: 'film', movie: 'film', movies: 'film', drama: 'film', comedy: 'film', thriller: 'film', romance: 'film', documentary: 'film', biopic: 'film', franchise: 'film', blockbuster: 'film', sequel: 'film', remake: 'film', adaptation: 'film', feature: 'film', epic: 'film', cartoon: 'film',
  series: 'series', show: 'series', shows: 'series', sitcom: 'series', programme: 'series', soap: 'series', serial: 'series', miniseries: 'series', 'TV': 'series',
  novel: 'novel', novels: 'novel', book: 'book', books: 'book', memoir: 'book', autobiography: 'book', biography: 'book',
  play: 'play', musical: 'play', opera: 'play', production: 'play', ballet: 'play',
  soundtrack: 'soundtrack', game: 'game',
  songstress: 'song', singer: 'song', rapper: 'song',
};

/** Escape a literal for use inside a RegExp. */
export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Strip a trailing possessive or apostrophe from a name or title. */
export const stripPossessive = (s: string): string => s.replace(/['’‘]s?$/u, '');
