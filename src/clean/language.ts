/**
 * @module A small stopword-based language guess for inputs that do not declare one (plain text,
 * JSONL without a language field). Only answers when one language clearly wins.
 */

const STOPWORDS: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'it', 'was', 'for', 'on', 'with', 'as', 'his', 'her', 'she', 'he', 'they', 'at', 'by', 'this', 'from', 'has', 'have', 'are', 'be', 'but', 'not', 'an', 'who', 'which', 'their', 'will', 'said'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'un', 'du', 'dans', 'que', 'qui', 'pour', 'pas', 'sur', 'au', 'avec', 'il', 'elle', 'ce', 'sont', 'par', 'plus', 'ont', 'aux', 'été', 'mais', 'son', 'sa', 'ses', 'leur'],
  es: ['el', 'la', 'los', 'las', 'y', 'de', 'que', 'en', 'un', 'una', 'es', 'por', 'con', 'para', 'del', 'se', 'su', 'al', 'lo', 'como', 'más', 'pero', 'sus', 'ha', 'fue', 'son', 'está', 'este', 'esta'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'ein', 'eine', 'den', 'dem', 'von', 'zu', 'auf', 'für', 'sich', 'auch', 'es', 'sie', 'er', 'wird', 'im', 'dass', 'aus', 'bei', 'wie', 'nach', 'hat', 'wurde'],
  it: ['il', 'lo', 'la', 'gli', 'le', 'e', 'di', 'che', 'è', 'un', 'una', 'per', 'con', 'non', 'del', 'della', 'dei', 'nel', 'alla', 'sono', 'da', 'si', 'anche', 'come', 'ma', 'più', 'questo', 'ha'],
  pt: ['o', 'a', 'os', 'as', 'e', 'de', 'que', 'em', 'um', 'uma', 'é', 'do', 'da', 'dos', 'das', 'para', 'com', 'não', 'no', 'na', 'por', 'se', 'mais', 'foi', 'ao', 'seu', 'sua', 'são', 'também'],
};
const LANGS = Object.keys(STOPWORDS);
/** Stopword → indexes (into LANGS) of the languages that list it ("la" is fr, es and it). */
const WORD_LANGS = new Map<string, number[]>();
LANGS.forEach((lang, i) => {
  for (const w of new Set(STOPWORDS[lang])) {
    const ls = WORD_LANGS.get(w);
    if (ls) ls.push(i);
    else WORD_LANGS.set(w, [i]);
  }
});

/** Words examined: the opening of an article is enough and keeps huge inputs cheap. */
export const LANGUAGE_SAMPLE_WORDS = 2000;
/** Fewer words than this and we do not guess: a headline alone is too little evidence. */
export const MIN_LANGUAGE_WORDS = 20;
/** The winner's stopword hits must be at least this share of the words sampled. */
export const MIN_STOPWORD_SHARE = 0.15;
/** ...and this many times the runner-up's, so close calls (es/pt, it/es) stay unanswered. */
export const MIN_LEAD_RATIO = 1.5;

/** Longest stopword: longer words are counted but never looked up. */
const MAX_STOPWORD_CHARS = Math.max(...[...WORD_LANGS.keys()].map((w) => w.length));
const LETTER = /^\p{L}$/u;
/** Whether each BMP code unit is a letter (\p{L}), filled on first use: 0 unknown, 1 no, 2 yes. */
const BMP_LETTER = new Uint8Array(0x10000);

/** Whether the code point at `i` of `s` is a letter (\p{L}); a lone surrogate is not. */
function isLetterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = s.codePointAt(i) as number;
    return cp > 0xffff && LETTER.test(String.fromCodePoint(cp));
  }
  let k = BMP_LETTER[c];
  if (k === 0) BMP_LETTER[c] = k = LETTER.test(String.fromCharCode(c)) ? 2 : 1;
  return k === 2;
}

/** Code units taken by the code point at `i` (2 for a surrogate pair). */
function stepAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && (s.codePointAt(i) as number) > 0xffff ? 2 : 1;
}

/** ISO 639-1 code of the text's language, or null when no language clearly wins. */
export function guessLanguage(text: string): string | null {
  // one pass over the sampled words (maximal runs of letters, as /\p{L}+/gu finds them),
  // counting every language's stopwords at once
  const sample = text.slice(0, LANGUAGE_SAMPLE_WORDS * 12).toLowerCase();
  const counts = new Array<number>(LANGS.length).fill(0);
  let words = 0;
  let i = 0;
  const n = sample.length;
  while (i < n && words < LANGUAGE_SAMPLE_WORDS) {
    if (!isLetterAt(sample, i)) {
      i += stepAt(sample, i);
      continue;
    }
    const start = i;
    do i += stepAt(sample, i);
    while (i < n && isLetterAt(sample, i));
    words++;
    if (i - start <= MAX_STOPWORD_CHARS) {
      const ls = WORD_LANGS.get(sample.slice(start, i));
      if (ls) for (const l of ls) counts[l]++;
    }
  }
  if (words < MIN_LANGUAGE_WORDS) return null;
  // stable sort: on a tie the language listed first wins
  const scores = LANGS.map((lang, i) => [lang, counts[i]] as const).sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  if (best[1] < MIN_STOPWORD_SHARE * words || best[1] < MIN_LEAD_RATIO * second[1]) return null;
  return best[0];
}
