/**
 * @module Hand-built Documents for tests, without NLP: give the text, the mentions (by offsets or
 * by the string to find) and the claims; sentences are split at . ! ? unless given.
 *
 * ```ts
 * const doc = makeDoc('Sofia Carson stars in Purple Hearts.', {
 *   mentions: [{ find: 'Sofia Carson', type: 'person' }, [22, 35, 'work', 'film']],
 *   claims: [{ predicate: 'cast_member', subject: 1, object: 0 }],
 * });
 * ```
 */
import { Document, type ArticleMeta } from '../doc/document.js';
import type { ClaimArg, DocClaim, EntityType, Literal, Mention, Modality, Qualifiers, Sentence, Span } from '../model/types.js';

/** `[start, end, type, subtype?, canonical?]` */
export type MentionTuple = [start: number, end: number, type: EntityType, subtype?: string | null, canonical?: string];

/** A mention found in the text: the `nth` (0-based) occurrence of `find`. */
export interface MentionFind {
  find: string;
  nth?: number;
  type: EntityType;
  subtype?: string | null;
  canonical?: string;
  detector?: string;
}

export type MentionSpec = MentionTuple | MentionFind;

/** A claim argument: an index into `mentions` (as given), or an explicit argument. */
export type ArgSpec = number | ClaimArg;

export interface ClaimSpec {
  predicate: string;
  subject: ArgSpec;
  object: ArgSpec | Literal;
  qualifiers?: Qualifiers;
  modality?: Modality;
  confidence?: number;
  /** Evidence span; defaults to the sentence containing the subject mention (or the first sentence). */
  span?: [number, number];
  extractor?: string;
}

export interface MakeDocOptions {
  meta?: Partial<ArticleMeta>;
  mentions?: readonly MentionSpec[];
  claims?: readonly ClaimSpec[];
  /** Sentence spans; split at sentence punctuation when absent. */
  sentences?: readonly [number, number][];
}

/** Splits `text` into sentence spans at `.`, `!` or `?` followed by whitespace, and at blank lines. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.!?\n]+(?:[.!?]+["'\u201d\u2019]?|$)|[^\n]+/gm;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length === 0) continue;
    const start = m.index! + lead;
    out.push({ index: out.length, start, end: start + trimmed.length });
  }
  return out;
}

/** A Document with the layers `sentences`, `mentions` and `claims` set from hand-written specs. */
export function makeDoc(text: string, opts: MakeDocOptions = {}): Document {
  const doc = new Document(text, {
    title: opts.meta?.title ?? (text.split('\n')[0].slice(0, 60) || 'Untitled'),
    source: opts.meta?.source ?? null,
    url: opts.meta?.url ?? null,
    date: opts.meta?.date ?? null,
    ...opts.meta,
  });
  const sentences: Sentence[] = opts.sentences ? opts.sentences.map(([start, end], index) => ({ index, start, end })) : splitSentences(text);
  doc.set('sentences', sentences);

  const specs = (opts.mentions ?? []).map((spec, given) => {
    let start: number;
    let end: number;
    let type: EntityType;
    let subtype: string | null | undefined;
    let canonical: string | undefined;
    let detector = 'test';
    if (Array.isArray(spec)) {
      [start, end, type, subtype, canonical] = spec as MentionTuple;
    } else {
      const f = spec as MentionFind;
      start = -1;
      for (let i = 0, from = 0; i <= (f.nth ?? 0); i++) {
        start = text.indexOf(f.find, from);
        if (start < 0) throw new Error(`makeDoc: occurrence ${f.nth ?? 0} of "${f.find}" not found`);
        from = start + 1;
      }
      end = start + f.find.length;
      ({ type, subtype, canonical } = f);
      detector = f.detector ?? detector;
    }
    if (start < 0 || end > text.length || end <= start) throw new Error(`makeDoc: bad mention span [${start}, ${end})`);
    return { given, start, end, type, subtype: subtype ?? undefined, canonical: canonical ?? text.slice(start, end), detector };
  });
  // Mention ids are m0, m1, ... in text order, as the mention stage assigns them.
  const ordered = [...specs].sort((a, b) => a.start - b.start || a.end - b.end);
  const idOf = new Map<number, string>();
  const mentions: Mention[] = ordered.map((s, i) => {
    idOf.set(s.given, `m${i}`);
    return {
      id: `m${i}`,
      start: s.start,
      end: s.end,
      text: text.slice(s.start, s.end),
      type: s.type,
      ...(s.subtype ? { subtype: s.subtype } : {}),
      canonical: s.canonical,
      detector: s.detector,
      confidence: 1,
    };
  });
  doc.set('mentions', mentions);

  const arg = (a: ArgSpec): ClaimArg => {
    if (typeof a !== 'number') return a;
    const s = specs[a];
    if (s === undefined) throw new Error(`makeDoc: no mention #${a}`);
    return { mention: idOf.get(a)!, name: s.canonical, type: s.type, ...(s.subtype ? { subtype: s.subtype } : {}) };
  };
  const sentenceOf = (offset: number): Span => sentences.find((s) => offset >= s.start && offset < s.end) ?? sentences[0] ?? { start: 0, end: text.length };
  const claims: DocClaim[] = (opts.claims ?? []).map((c) => {
    const anchor = typeof c.subject === 'number' ? specs[c.subject].start : c.span?.[0] ?? 0;
    const sentence = c.span ? sentenceOf(c.span[0]) : sentenceOf(anchor);
    const span = c.span ? { start: c.span[0], end: c.span[1] } : { start: sentence.start, end: sentence.end };
    const object = typeof c.object === 'number' ? arg(c.object) : 'datatype' in c.object ? c.object : arg(c.object);
    return {
      predicate: c.predicate,
      subject: arg(c.subject),
      object,
      qualifiers: c.qualifiers ?? {},
      modality: c.modality ?? 'asserted',
      confidence: c.confidence ?? 0.9,
      span,
      sentence: { start: sentence.start, end: sentence.end },
      extractor: c.extractor ?? 'claims.test.v1',
    };
  });
  doc.set('claims', claims);
  return doc;
}
