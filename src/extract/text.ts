/**
 * @module The working text of a document for pattern matching: the same length as doc.text (so
 * offsets are shared) with exotic spaces (no-break, thin, narrow) turned into plain spaces, so
 * that patterns can say " " where articles typed U+00A0.
 */
import type { Document } from '../doc/document.js';

const cache = new WeakMap<Document, string>();

/** doc.text with every Unicode space separator replaced by U+0020 (length preserved). */
export function workText(doc: Document): string {
  let t = cache.get(doc);
  if (t === undefined) {
    t = doc.text.replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
    cache.set(doc, t);
  }
  return t;
}
