/**
 * @module Turning user text into search terms, shared by both stores: lowercase word tokens,
 * common words dropped (unless nothing else is left), and the FTS5 MATCH strings built from them
 * with every token quoted — user text never reaches FTS5 as syntax.
 */

/** Words that carry no topic in a question: dropped from search terms when anything else remains. */
const SEARCH_STOPWORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'by', 'did', 'do', 'does', 'for', 'from', 'has', 'have', 'he',
  'her', 'his', 'how', 'i', 'in', 'is', 'it', 'its', 'of', 'on', 'or', 'she', 'that', 'the', 'their', 'they', 'this',
  'to', 'was', 'were', 'what', 'when', 'where', 'which', 'who', 'whom', 'why', 'will', 'with', 'you',
]);

/** Upper bound on terms in one query: long pasted text should not build a huge MATCH expression. */
const MAX_QUERY_TERMS = 32;

const WORD = /[\p{L}\p{N}]+/gu;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** The search terms of `query`: distinct lowercase words, stopwords dropped unless only stopwords remain. */
export function queryTerms(query: string): string[] {
  const words = (query.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().match(WORD) ?? []).filter(
    (w) => w.length > 1 || /\d/.test(w),
  );
  const distinct = [...new Set(words)];
  const content = distinct.filter((w) => !SEARCH_STOPWORDS.has(w));
  return (content.length > 0 ? content : distinct).slice(0, MAX_QUERY_TERMS);
}

const quote = (t: string): string => `"${t.replace(/"/g, '""')}"`;

/** FTS5 MATCH string: every term quoted, OR'ed. Empty string when there are no terms. */
export function ftsAnyTerm(terms: readonly string[]): string {
  return terms.map(quote).join(' OR ');
}

/** Shortest term used as a prefix in the fallback query: shorter prefixes match too much. */
export const MIN_PREFIX_TERM_LENGTH = 3;

/** Fallback FTS5 MATCH string: each term (of at least 3 characters) as a quoted prefix query. */
export function ftsAnyPrefix(terms: readonly string[]): string {
  return terms
    .filter((t) => t.length >= MIN_PREFIX_TERM_LENGTH)
    .map((t) => `${quote(t)}*`)
    .join(' OR ');
}

/** A crude stand-in for the Porter stemmer, for matching words outside FTS5: "stars"/"star", "directed"/"direct". */
export function roughStem(w: string): string {
  return w.replace(/(?:ing|ed|es|s)$/u, '') || w;
}

/** The lowercase words of `text`, diacritics stripped (the same tokens as `queryTerms`). */
export function textWords(text: string): string[] {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().match(WORD) ?? [];
}

/** FTS5 MATCH string: every term quoted, AND'ed. */
export function ftsAllTerms(terms: readonly string[]): string {
  return terms.map(quote).join(' AND ');
}
