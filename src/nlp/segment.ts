/**
 * @module Segmentation of a whole document: one wink pass, then sentences are cut at line breaks
 * (a heading without a full stop never runs into the next paragraph), trimmed, and sentences that
 * wink split inside an open quotation are merged back ("03-quote-merge" in the design).
 */
import type { Sentence, Token } from '../model/types.js';
import { analyze } from './wink.js';

export interface Segmentation {
  readonly sentences: Sentence[];
  readonly tokens: Token[];
}

/**
 * Whether UTF-16 code unit `c` is white space for `\s` and String.prototype.trim (WhiteSpace and
 * LineTerminator: tab, LF, VT, FF, CR, space, NBSP, U+1680, U+2000–U+200A, U+2028, U+2029,
 * U+202F, U+205F, U+3000, U+FEFF).
 */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Split `text` into sentences and tokens with document offsets.
 * @param text - the cleaned document text.
 * @returns sentences (indexed in order) and tokens (each knowing its sentence).
 */
export function segment(text: string): Segmentation {
  // One wink pass over the whole text (a pass per line costs ~60% more), then sentences are cut
  // at line breaks so that a heading never runs into the next paragraph.
  const a = analyze(text);
  // pieces: wink sentences cut at '\n' and trimmed, flat [start0, end0, start1, end1, ...]
  const pieces: number[] = [];
  const push = (start: number, end: number): void => {
    while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    if (start < end) pieces.push(start, end);
  };
  for (let k = 0; k < a.sentenceStarts.length; k++) {
    const end = a.sentenceEnds[k];
    let start = a.sentenceStarts[k];
    for (let nl = text.indexOf('\n', start); nl >= 0 && nl < end; nl = text.indexOf('\n', start)) {
      push(start, nl);
      start = nl + 1;
    }
    push(start, end);
  }
  // merge sentences split inside an open quotation (same line only). The quote balance of a
  // sentence is max(0, opening − closing curly quotes) + (straight quotes mod 2), kept as counts.
  const sentences: Sentence[] = [];
  let curStart = -1;
  let curEnd = -1;
  let curly = 0;
  let straight = 0;
  for (let k = 0; k < pieces.length; k += 2) {
    const start = pieces[k];
    const end = pieces[k + 1];
    const open = Math.max(0, curly) + (straight % 2);
    if (curStart >= 0 && open > 0 && !hasNewline(text, curEnd, start)) {
      countQuotes(curEnd, end);
      curEnd = end;
    } else {
      if (curStart >= 0) sentences.push({ index: sentences.length, start: curStart, end: curEnd });
      curStart = start;
      curEnd = end;
      curly = 0;
      straight = 0;
      countQuotes(start, end);
    }
  }
  if (curStart >= 0) sentences.push({ index: sentences.length, start: curStart, end: curEnd });

  function countQuotes(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x201c) curly++;
      else if (c === 0x201d) curly--;
      else if (c === 0x22) straight++;
    }
  }

  const tokens: Token[] = new Array(a.values.length);
  let si = 0;
  const last = sentences.length - 1;
  for (let i = 0; i < a.values.length; i++) {
    const start = a.starts[i];
    while (si < last && start >= sentences[si].end) si++;
    tokens[i] = { start, end: a.ends[i], text: a.values[i], pos: a.pos[i], sentence: si };
  }
  return { sentences, tokens };
}

/** Whether text[from, to) contains a line break. */
function hasNewline(text: string, from: number, to: number): boolean {
  const nl = text.indexOf('\n', from);
  return nl >= 0 && nl < to;
}
