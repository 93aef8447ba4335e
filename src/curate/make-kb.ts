/**
 * @module Test support: a small hand-built knowledge base (two articles, a near-duplicate copy,
 * a premiere-date conflict, a sequel status change, a quote with awkward characters) written
 * through the Store interface, so curate and export tests run without the extraction pipeline.
 */
import { hashText } from '../doc/document.js';
import { claimId, claimObjectKey } from '../model/ids.js';
import type { EntityType, Literal, Modality, Qualifiers } from '../model/types.js';
import type { DocumentWrite, NewClaim, NewEntity, Store } from '../store/store.js';

export const KB_ENTITIES = {
  film: { id: 'ent_film', name: 'Purple Hearts', type: 'work', subtype: 'film' },
  novel: { id: 'ent_novel', name: 'Purple Hearts', type: 'work', subtype: 'novel' },
  sofia: { id: 'ent_sofia', name: 'Sofia Carson', type: 'person', subtype: null },
  nick: { id: 'ent_nick', name: 'Nicholas Galitzine', type: 'person', subtype: null },
  liz: { id: 'ent_liz', name: 'Elizabeth Allen Rosenbaum', type: 'person', subtype: null },
  netflix: { id: 'ent_netflix', name: 'Netflix', type: 'organization', subtype: 'streaming_service' },
  tess: { id: 'ent_tess', name: 'Tess Wakefield', type: 'person', subtype: null },
} satisfies Record<string, NewEntity & { type: EntityType }>;

type Key = keyof typeof KB_ENTITIES;

interface ClaimSpec {
  predicate: string;
  subject: Key;
  object: Key | Literal;
  /** The exact text the claim's evidence covers (must occur in the article). */
  quote: string;
  modality?: Modality;
  qualifiers?: Qualifiers;
}

/** Builds the DocumentWrite of an article from its text and claim specs. */
export function articleWrite(text: string, meta: { title: string; date: string | null; source?: string; url?: string | null; duplicateOf?: string | null }, specs: readonly ClaimSpec[], known: Set<string>): DocumentWrite {
  const textHash = hashText(text);
  const id = `doc_${textHash.slice(0, 16)}`;
  const sentences: { index: number; start: number; end: number }[] = [];
  const re = /[^.!?]+[.!?]+["”]?\s*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) sentences.push({ index: sentences.length, start: m.index, end: m.index + m[0].trimEnd().length });
  const newEntities: NewEntity[] = [];
  const need = (k: Key) => {
    const e = KB_ENTITIES[k];
    if (!known.has(e.id)) {
      known.add(e.id);
      newEntities.push(e);
    }
    return e.id;
  };
  const claims: NewClaim[] = specs.map((s) => {
    const start = text.indexOf(s.quote);
    if (start < 0) throw new Error(`quote not in text: ${s.quote}`);
    const end = start + s.quote.length;
    const sentence = sentences.find((x) => x.start <= start && end <= x.end) ?? { start: 0, end: text.length };
    const subjectId = need(s.subject);
    const objectId = typeof s.object === 'string' ? need(s.object) : null;
    const object = typeof s.object === 'string' ? null : s.object;
    return {
      id: claimId(s.predicate, subjectId, claimObjectKey(objectId, object), id, start, end),
      predicate: s.predicate, subjectId, objectId, object,
      qualifiers: s.qualifiers ?? {}, modality: s.modality ?? 'asserted', confidence: 0.9,
      start, end, sentenceStart: sentence.start, sentenceEnd: sentence.end, extractor: 'test.v1',
    };
  });
  const mentions = specs.flatMap((s) => {
    const out: { start: number; end: number; text: string; entityId: string }[] = [];
    for (const k of [s.subject, s.object]) {
      if (typeof k !== 'string') continue;
      const e = KB_ENTITIES[k];
      const at = text.indexOf(e.name);
      if (at >= 0) out.push({ start: at, end: at + e.name.length, text: e.name, entityId: e.id });
    }
    return out;
  });
  return {
    document: {
      id, textHash, rawHash: null, title: meta.title, source: meta.source ?? 'Test Outlet', url: meta.url ?? null, date: meta.date,
      dateSource: 'field', author: null, language: 'en', path: null, text, duplicateOf: meta.duplicateOf ?? null,
    },
    sentences, newEntities, aliases: [], mentions, claims,
  };
}

const A1 = `Netflix's "Purple Hearts" stars Sofia Carson as Cassie and Nicholas Galitzine as Luke. The film premiered on July 29, 2022. Elizabeth Allen Rosenbaum directed the film. It is based on the novel by Tess Wakefield.`;
const A2 = `Purple Hearts premiered on August 5, 2022, Netflix says. Netflix confirms the sequel. "We're back, & it's <real>, \"truly\"," Carson said,\nsmiling.`;
const A3 = `A sequel to Purple Hearts might be in the works: talks are happening, Sofia Carson told Variety.`;

/** Writes the test knowledge base into `store`; returns the document ids. */
export function buildTestKb(store: Store): { a1: string; a1copy: string; a2: string; a3: string } {
  const known = new Set<string>();
  const date = (value: string): Literal => ({ value, datatype: 'date' });
  const w1 = articleWrite(A1, { title: 'Does Cassie sing?', date: '2022-07-30', url: 'https://example.com/a1?x=1&y=2' }, [
    { predicate: 'cast_member', subject: 'film', object: 'sofia', quote: 'stars Sofia Carson as Cassie', qualifiers: { character: 'Cassie' } },
    { predicate: 'cast_member', subject: 'film', object: 'nick', quote: 'Nicholas Galitzine as Luke', qualifiers: { character: 'Luke' } },
    { predicate: 'publication_date', subject: 'film', object: date('2022-07-29'), quote: 'premiered on July 29, 2022' },
    { predicate: 'director', subject: 'film', object: 'liz', quote: 'Elizabeth Allen Rosenbaum directed the film' },
    { predicate: 'based_on', subject: 'film', object: 'novel', quote: 'based on the novel' },
    { predicate: 'author', subject: 'novel', object: 'tess', quote: 'the novel by Tess Wakefield' },
  ], known);
  store.putDocument(w1);
  // A near-duplicate copy of the first article (a syndicated reprint): it must count once.
  const copyText = A1 + ' Subscribe for more.';
  const w1copy = articleWrite(copyText, { title: 'Does Cassie sing? (reprint)', date: '2022-07-31', duplicateOf: w1.document.id }, [
    { predicate: 'publication_date', subject: 'film', object: date('2022-07-29'), quote: 'premiered on July 29, 2022' },
  ], known);
  store.putDocument(w1copy);
  const w3 = articleWrite(A3, { title: 'Sequel talks', date: '2024-12-24' }, [
    { predicate: 'sequel', subject: 'film', object: { value: 'in talks', datatype: 'string' }, quote: 'talks are happening', modality: 'reported', qualifiers: { date: '2024-12' } },
  ], known);
  store.putDocument(w3);
  const w2 = articleWrite(A2, { title: 'Netflix confirms sequel', date: '2025-03-14' }, [
    { predicate: 'publication_date', subject: 'film', object: date('2022-08-05'), quote: 'premiered on August 5, 2022' },
    { predicate: 'sequel', subject: 'film', object: { value: 'confirmed', datatype: 'string' }, quote: 'Netflix confirms the sequel' },
    { predicate: 'said', subject: 'sofia', object: { value: `We're back, & it's <real>, "truly",`, datatype: 'string' }, quote: `"We're back, & it's <real>, \"truly\"," Carson said` },
  ], known);
  store.putDocument(w2);
  return { a1: w1.document.id, a1copy: w1copy.document.id, a2: w2.document.id, a3: w3.document.id };
}
