/**
 * @module Segmentation: token offsets rebuild the text, sentences are trimmed and never cross a
 * line, quotations split by wink are merged back; and the column-wise fast path agrees with a
 * plain reference implementation (slices, trim, quote balance per sentence) on real articles.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { EXTRACTION_PIPE } from './wink.js';
import { isSpaceCode, segment } from './segment.js';

const SEEDS = '../shared/corpus/seeds';
const BBC = '../shared/corpus/bbc-entertainment';

/** The straightforward segmentation the optimised one must reproduce exactly. */
let nlp: ReturnType<typeof winkNLP> | null = null;

function referenceSegment(text: string) {
  nlp ??= winkNLP(model, [...EXTRACTION_PIPE]);
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(nlp.its.value) as string[];
  const spaces = doc.tokens().out(nlp.its.precedingSpaces) as string[];
  const pos = doc.tokens().out(nlp.its.pos) as string[];
  const raw: { start: number; end: number; text: string; pos: string }[] = [];
  let offset = 0;
  values.forEach((v, i) => {
    offset += spaces[i].length;
    if (!text.startsWith(v, offset)) {
      const found = text.indexOf(v, offset);
      if (found >= 0) offset = found;
    }
    raw.push({ start: offset, end: Math.min(text.length, offset + v.length), text: v, pos: pos[i] });
    offset = raw[i].end;
  });
  const winkSentences = (doc.sentences().out(nlp.its.span) as unknown as [number, number][])
    .filter(([a, b]) => a <= b && b < raw.length)
    .map(([a, b]) => ({ start: raw[a].start, end: raw[b].end }));
  const trim = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    return { start, end };
  };
  const pieces: { start: number; end: number }[] = [];
  for (const s of winkSentences) {
    let start = s.start;
    for (let i = s.start; i < s.end; i++) {
      if (text[i] === '\n') {
        if (text.slice(start, i).trim() !== '') pieces.push(trim(start, i));
        start = i + 1;
      }
    }
    if (text.slice(start, s.end).trim() !== '') pieces.push(trim(start, s.end));
  }
  const openQuotes = (s: string) => {
    const curly = [...s].filter((c) => c === '“').length - [...s].filter((c) => c === '”').length;
    return Math.max(0, curly) + ([...s].filter((c) => c === '"').length % 2);
  };
  const merged: { start: number; end: number }[] = [];
  let open = 0;
  for (const p of pieces) {
    const prev = merged[merged.length - 1];
    if (prev && open > 0 && !text.slice(prev.end, p.start).includes('\n')) prev.end = p.end;
    else merged.push({ ...p });
    const cur = merged[merged.length - 1];
    open = openQuotes(text.slice(cur.start, cur.end));
  }
  const sentences = merged.map((s, index) => ({ index, ...s }));
  let si = 0;
  const tokens = raw.map((t) => {
    while (si < sentences.length - 1 && t.start >= sentences[si].end) si++;
    return { ...t, sentence: si };
  });
  return { sentences, tokens };
}

const corpusTexts = (): string[] => [
  ...readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(SEEDS, f), 'utf8')),
  ...readdirSync(BBC).filter((f) => f.endsWith('.txt')).sort().slice(0, 40).map((f) => readFileSync(join(BBC, f), 'utf8')),
];

test('segment() equals the reference segmentation on the seeds and 40 BBC articles', () => {
  for (const text of corpusTexts()) assert.deepEqual(segment(text), referenceSegment(text));
});

test('segment() equals the reference on quote, line and white-space edge cases', () => {
  const cases = [
    'He said "This is one. This is two." Then he left.\nNext line “Open quote. Still open. Closed.” End.',
    '“Unclosed quote. Goes on.\nNew paragraph starts here. And ends.',
    'Heading Without Stop\n\nBody sentence one. Body sentence two.',
    '\u00a0 Leading no-break space. Trailing thin space.\u2009\n\u3000Ideographic space line.',
    'Straight "quote" and "another. Split" here. Done.',
    '',
    '   \n  \n',
  ];
  for (const text of cases) assert.deepEqual(segment(text), referenceSegment(text), JSON.stringify(text));
});

test('tokens rebuild their text spans; sentences are trimmed, in order and within one line', () => {
  for (const text of corpusTexts()) {
    const { sentences, tokens } = segment(text);
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
    sentences.forEach((s, i) => {
      assert.equal(s.index, i);
      assert.ok(s.start < s.end);
      assert.ok(!isSpaceCode(text.charCodeAt(s.start)) && !isSpaceCode(text.charCodeAt(s.end - 1)));
      if (i > 0) assert.ok(s.start >= sentences[i - 1].end);
    });
  }
  const { sentences } = segment('A title line\nThe body. "It opens. It closes," she said.');
  assert.deepEqual(sentences.map((s) => s.end - s.start), ['A title line'.length, 'The body.'.length, '"It opens. It closes," she said.'.length]);
});

test('isSpaceCode agrees with /\\s/ and trim() on every UTF-16 code unit', () => {
  for (let c = 0; c < 0x10000; c++) {
    const s = String.fromCharCode(c);
    assert.equal(isSpaceCode(c), /\s/.test(s), c.toString(16));
    assert.equal(isSpaceCode(c), s.trim() === '', c.toString(16));
  }
});
