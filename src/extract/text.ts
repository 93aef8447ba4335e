/**
 * @module The working text of a document for pattern matching: the same length as doc.text (so
 * offsets are shared) with exotic spaces (no-break, thin, narrow) turned into plain spaces, so
 * that patterns can say " " where articles typed U+00A0.
 */
import type { Document } from '../doc/document.js';

const cache = new WeakMap<Document, string>();

/**
 * Extraction reads at most this many characters of a document (~80,000 words, ten times the
 * longest article in our corpora). Beyond it a "document" is a dump, not an article: analysing
 * all of a 20 MB file would take minutes, and offsets of what we do read stay exact.
 */
export const MAX_EXTRACT_CHARS = 500_000;

/**
 * The warning for a document whose text is longer than extraction reads, or null: the whole text
 * is stored (and searchable), but facts come only from its first MAX_EXTRACT_CHARS characters.
 */
export function truncationWarning(textLength: number): string | null {
  if (textLength <= MAX_EXTRACT_CHARS) return null;
  const n = (x: number): string => x.toLocaleString('en-US');
  return `Only the first ${n(MAX_EXTRACT_CHARS)} of its ${n(textLength)} characters were analysed for facts; the whole text is stored and searchable.`;
}

/** doc.text (its first MAX_EXTRACT_CHARS) with every Unicode space separator replaced by U+0020 (length preserved). */
export function workText(doc: Document): string {
  let t = cache.get(doc);
  if (t === undefined) {
    t = doc.text.slice(0, MAX_EXTRACT_CHARS).replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
    cache.set(doc, t);
  }
  return t;
}
