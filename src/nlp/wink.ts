/**
 * @module wink-nlp access: the English lite model is loaded once per process (lazy singleton), and
 * text is analysed into tokens with character offsets and sentence spans. wink's tokenisation is
 * lossless (preceding spaces + token values rebuild the input), which is what lets us turn its
 * token indexes into offsets without searching the text.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type WinkNlp = ReturnType<typeof winkNLP>;

let instance: WinkNlp | null = null;
let extraction: WinkNlp | null = null;

/** The shared wink-nlp instance with wink's default pipe; the model is loaded on first use only. */
export function getWink(): WinkNlp {
  if (!instance) instance = winkNLP(model);
  return instance;
}

/**
 * The pipe steps extraction reads: sentence boundaries and POS (mentions read PROPN/PRON). wink's
 * named entities, negation and sentiment are never read: skipping `ner` alone saves ~30% of
 * wink's time (it was the doc.numerics layer, which no stage consumed).
 */
export const EXTRACTION_PIPE = ['sbd', 'pos'] as const;

function getExtractionWink(): WinkNlp {
  if (!extraction) extraction = winkNLP(model, [...EXTRACTION_PIPE]);
  return extraction;
}

/**
 * Tokens and sentences of one text, column-wise (no object per token): token i spans
 * [starts[i], ends[i]) of the text, its value is values[i] and its tag pos[i]; sentence j spans
 * [sentenceStarts[j], sentenceEnds[j]) (wink's sentences, untrimmed).
 */
export interface Analysis {
  readonly values: string[];
  readonly pos: string[];
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly sentenceStarts: number[];
  readonly sentenceEnds: number[];
}

/**
 * Analyse one text with wink-nlp.
 * @param text - the text (a whole document: wink never needs more than one pass).
 * @returns tokens with offsets and sentence spans, relative to `text`.
 * @example analyze('Sofia Carson stars.').pos[0] // 'PROPN'
 */
export function analyze(text: string): Analysis {
  const nlp = getExtractionWink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const pos = tokens.out(its.pos) as string[];
  const n = values.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    offset += spaces[i].length;
    // wink normalises nothing in value, but guard against any drift: resynchronise on the text.
    if (!text.startsWith(v, offset)) {
      const found = text.indexOf(v, offset);
      if (found >= 0) offset = found;
    }
    const end = Math.min(text.length, offset + v.length);
    starts[i] = offset;
    ends[i] = end;
    offset = end;
  }
  const sentenceStarts: number[] = [];
  const sentenceEnds: number[] = [];
  for (const [a, b] of doc.sentences().out(its.span) as unknown as [number, number][]) {
    if (a <= b && b < n) {
      sentenceStarts.push(starts[a]);
      sentenceEnds.push(ends[b]);
    }
  }
  return { values, pos, starts, ends, sentenceStarts, sentenceEnds };
}
