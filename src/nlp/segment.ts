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
  // One wink pass over the whole text (a pass per line costs ~60% more), then sentences are cut
  // at line breaks so that a heading never runs into the next paragraph.
  const a = analyze(text);
  const pieces: { start: number; end: number }[] = [];
  for (const s of a.sentences) {
    let start = s.start;
    for (let i = s.start; i < s.end; i++) {
      if (text.charCodeAt(i) === 10) {
        if (text.slice(start, i).trim() !== '') pieces.push(trimSpan(text, start, i));
        start = i + 1;
      }
    }
    if (text.slice(start, s.end).trim() !== '') pieces.push(trimSpan(text, start, s.end));
  }
  // merge sentences split inside an open quotation (same line only)
  const merged: { start: number; end: number }[] = [];
  let open = 0;
  for (const p of pieces) {
    const prev = merged[merged.length - 1];
    if (prev && open > 0 && !text.slice(prev.end, p.start).includes('\n')) prev.end = p.end;
    else merged.push({ ...p });
    const cur = merged[merged.length - 1];
    open = openQuotes(text.slice(cur.start, cur.end));
  }
  for (const s of merged) sentences.push({ index: sentences.length, start: s.start, end: s.end });
  let si = 0;
  for (const t of a.tokens) {
    while (si < sentences.length - 1 && t.start >= sentences[si].end) si++;
    tokens.push({ start: t.start, end: t.end, text: t.text, pos: t.pos, sentence: si });
  }
  const entities: NumericEntity[] = a.entities.map((e) => ({ ...e, text: text.slice(e.start, e.end) }));
  return { sentences, tokens, entities };
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
