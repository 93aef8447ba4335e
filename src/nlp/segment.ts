/**
 * @module Segmentation of a whole document: lines (paragraphs) are analysed separately so that a
 * heading without a full stop never runs into the next paragraph, then sentences that wink split
 * inside an open quotation are merged back ("03-quote-merge" in the design).
 */
import type { Sentence, Token } from '../model/types.js';
import { analyze, type RawEntity } from './wink.js';

/** A wink entity with document offsets. */
export interface NumericEntity extends RawEntity {
  readonly text: string;
}

export interface Segmentation {
  readonly sentences: Sentence[];
  readonly tokens: Token[];
  readonly entities: NumericEntity[];
}

/** Quote balance of a string: > 0 while a quotation is open. */
function openQuotes(s: string): number {
  let curly = 0;
  let straight = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x201c) curly++;
    else if (c === 0x201d) curly--;
    else if (c === 0x22) straight++;
  }
  return Math.max(0, curly) + (straight % 2);
}

/**
 * Split `text` into sentences and tokens with document offsets.
 * @param text - the cleaned document text.
 * @returns sentences (indexed in order), tokens (each knowing its sentence) and wink entities.
 */
export function segment(text: string): Segmentation {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const entities: NumericEntity[] = [];
  const lineRe = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = lineRe.exec(text)) !== null) {
    const line = m[0];
    if (line.trim() === '') continue;
    const base = m.index;
    const a = analyze(line);
    // merge sentences split inside an open quotation
    const merged: { start: number; end: number }[] = [];
    let open = 0;
    for (const s of a.sentences) {
      const piece = line.slice(s.start, s.end);
      if (merged.length > 0 && open > 0) {
        merged[merged.length - 1].end = s.end;
      } else {
        merged.push({ start: s.start, end: s.end });
      }
      const cur = merged[merged.length - 1];
      open = openQuotes(line.slice(cur.start, cur.end));
      void piece;
    }
    if (merged.length === 0) continue;
    const first = sentences.length;
    for (const s of merged) sentences.push({ index: sentences.length, start: base + s.start, end: base + s.end });
    let si = first;
    for (const t of a.tokens) {
      while (si < sentences.length - 1 && base + t.start >= sentences[si].end) si++;
      tokens.push({ start: base + t.start, end: base + t.end, text: t.text, pos: t.pos, sentence: si });
    }
    for (const e of a.entities) {
      entities.push({ start: base + e.start, end: base + e.end, type: e.type, text: text.slice(base + e.start, base + e.end) });
    }
  }
  return { sentences, tokens, entities };
}
