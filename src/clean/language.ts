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
const SETS = Object.fromEntries(Object.entries(STOPWORDS).map(([k, v]) => [k, new Set(v)]));

/** Words examined: the opening of an article is enough and keeps huge inputs cheap. */
export const LANGUAGE_SAMPLE_WORDS = 2000;
/** Fewer words than this and we do not guess: a headline alone is too little evidence. */
export const MIN_LANGUAGE_WORDS = 20;
/** The winner's stopword hits must be at least this share of the words sampled. */
export const MIN_STOPWORD_SHARE = 0.15;
/** ...and this many times the runner-up's, so close calls (es/pt, it/es) stay unanswered. */
export const MIN_LEAD_RATIO = 1.5;

/** ISO 639-1 code of the text's language, or null when no language clearly wins. */
export function guessLanguage(text: string): string | null {
  const words = (text.slice(0, LANGUAGE_SAMPLE_WORDS * 12).toLowerCase().match(/[\p{L}]+/gu) ?? []).slice(0, LANGUAGE_SAMPLE_WORDS);
  if (words.length < MIN_LANGUAGE_WORDS) return null;
  const scores = Object.entries(SETS)
    .map(([lang, set]) => [lang, words.filter((w) => set.has(w)).length] as const)
    .sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  if (best[1] < MIN_STOPWORD_SHARE * words.length || best[1] < MIN_LEAD_RATIO * second[1]) return null;
  return best[0];
}
