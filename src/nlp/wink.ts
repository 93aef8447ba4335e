/**
 * @module wink-nlp access: the English lite model is loaded once per process (lazy singleton), and
 * text is analysed into tokens with character offsets, sentence spans and wink's numeric/date
 * entities. wink's tokenisation is lossless (preceding spaces + token values rebuild the input),
 * which is what lets us turn its token indexes into offsets without searching the text.
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
 * The instance extraction uses: only the pipe steps we read (sentence boundaries, POS, entities).
 * Negation and sentiment are never read, and skipping them saves ~15% of wink's time.
 */
function getExtractionWink(): WinkNlp {
  if (!extraction) extraction = winkNLP(model, ['sbd', 'pos', 'ner']);
  return extraction;
}

/** A token with offsets relative to the analysed text. */
export interface RawToken {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly pos: string;
}

/** A wink entity (DATE, CARDINAL, MONEY, DURATION, ORDINAL, PERCENT, ...), offsets relative to the text. */
export interface RawEntity {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

export interface Analysis {
  readonly tokens: RawToken[];
  /** Sentence spans [start, end) relative to the text, trimmed of surrounding spaces. */
  readonly sentences: { start: number; end: number }[];
  readonly entities: RawEntity[];
}

/**
 * Analyse one block of text with wink-nlp.
 * @param text - the block (a paragraph works best: wink never splits across our block boundaries).
 * @returns tokens with offsets, sentence spans and entities, all relative to `text`.
 * @example analyze('Sofia Carson stars.').tokens[0] // { start: 0, end: 5, text: 'Sofia', pos: 'PROPN' }
 */
export function analyze(text: string): Analysis {
  const nlp = getExtractionWink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const tokens: RawToken[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i].length;
    // wink normalises nothing in value, but guard against any drift: resynchronise on the text.
    if (text.startsWith(values[i], offset) === false) {
      const found = text.indexOf(values[i], offset);
      if (found >= 0) offset = found;
    }
    const start = offset;
    const end = Math.min(text.length, start + values[i].length);
    tokens.push({ start, end, text: values[i], pos: pos[i] });
    starts.push(start);
    ends.push(end);
    offset = end;
  }
  const sentences = (doc.sentences().out(its.span) as unknown as [number, number][])
    .filter(([a, b]) => a <= b && b < tokens.length)
    .map(([a, b]) => ({ start: starts[a], end: ends[b] }));
  const entities: RawEntity[] = [];
  const detail = doc.entities().out(its.detail) as unknown as { type: string }[];
  const spans = doc.entities().out(its.span) as unknown as [number, number][];
  for (let i = 0; i < spans.length; i++) {
    const [a, b] = spans[i];
    if (a < tokens.length && b < tokens.length) entities.push({ start: starts[a], end: ends[b], type: detail[i].type });
  }
  return { tokens, sentences, entities };
}
