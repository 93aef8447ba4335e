/**
 * @module The Document that flows through the pipeline: immutable cleaned text, article metadata,
 * and typed span layers that stages add. Text is frozen once created; offsets always refer to it.
 */
import { createHash } from 'node:crypto';
import { MarqueeError } from '../errors.js';
import type { DateMention, DocClaim, Mention, Quote, Sentence, Span, Token } from '../model/types.js';

export interface ArticleMeta {
  title: string;
  /** Outlet or site name. */
  source: string | null;
  url: string | null;
  /** Publication date (ISO, day precision when known): relative dates are anchored to it. */
  date: string | null;
  /** Where the date came from: `header`, `jsonld`, `meta`, `time`, `url`, `field`, `cli`. */
  dateSource?: string | null;
  author?: string | null;
  language?: string | null;
  /** File path or feed item id the article came from. */
  path?: string | null;
}

/** Registry of layer types. Extend by declaration merging: `declare module` + `interface Layers`. */
export interface Layers {
  sentences: readonly Sentence[];
  tokens: readonly Token[];
  mentions: readonly Mention[];
  dates: readonly DateMention[];
  quotes: readonly Quote[];
  claims: readonly DocClaim[];
}
export type LayerName = keyof Layers;

/** Index of the sentence containing `offset` (binary search over sorted sentences), or -1. */
export function findSentenceIndex(sentences: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < sentences[mid].start) hi = mid - 1;
    else if (offset >= sentences[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class Document {
  readonly text: string;
  readonly meta: Readonly<ArticleMeta>;
  /** sha256 of `text`: the id of the document and the identity of its offsets. */
  readonly textHash: string;
  readonly id: string;
  private readonly layers = new Map<LayerName, unknown>();

  constructor(text: string, meta: ArticleMeta) {
    this.text = text;
    this.meta = Object.freeze({ ...meta });
    this.textHash = hashText(text);
    this.id = `doc_${this.textHash.slice(0, 16)}`;
  }

  has(name: LayerName): boolean {
    return this.layers.has(name);
  }

  get<K extends LayerName>(name: K): Layers[K] {
    if (!this.layers.has(name)) {
      throw new MarqueeError('E101', `Layer '${name}' was never assigned on ${this.id}; add the stage that assigns doc.${name} to the pipeline.`);
    }
    return this.layers.get(name) as Layers[K];
  }

  /** Replace a layer (layers are replaced, never mutated in place). */
  set<K extends LayerName>(name: K, value: Layers[K]): void {
    this.layers.set(name, Object.freeze(value));
  }

  layerNames(): LayerName[] {
    return [...this.layers.keys()];
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /** The sentence containing `offset` (requires the sentences layer). */
  sentenceAt(offset: number): Sentence | undefined {
    const ss = this.get('sentences');
    const i = findSentenceIndex(ss, offset);
    return i < 0 ? undefined : ss[i];
  }
}
