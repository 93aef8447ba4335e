/**
 * @module N-Triples export: one triple per fact, with the Wikidata direct property IRI
 * (`http://www.wikidata.org/prop/direct/P161`) where the predicate has one and a Marquee IRI
 * otherwise, plus reified provenance: each fact is also an `rdf:Statement` carrying its status,
 * modality, source count, dates, identifying qualifiers and one `mq:evidence` node per claim
 * (document, character offsets, quote). A fact only denied by its sources gets no direct triple.
 */
import { isEntityRef, type Literal } from '../model/types.js';
import type { Fact, FactEvidence } from '../curate/facts.js';
import type { Sink } from './sink.js';
import { claimIri, documentIri, entityClassIri, entityIri, factIri, predicateIri, RDF, RDFS, SCHEMA, vocabIri, XSD, xsdDateType } from './vocabulary.js';
import type { ExportEntity, ExportStats, KnowledgeBaseWalk } from './source.js';
import type { StoredDocument } from '../store/store.js';

/** Characters not allowed raw in an N-Triples IRI, percent-encoded (lone surrogates: U+FFFD's UTF-8). */
const IRI_UNSAFE = /[\u0000-\u0020<>"{}|^`\\]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const IRI_UNSAFE_TEST = /[\u0000-\u0020<>"{}|^`\\\ud800-\udfff]/;
/**
 * Characters that need an escape (or a check, for surrogates) inside a string literal. NEL and
 * the Unicode line and paragraph separators are legal raw, but line-oriented tools split on them,
 * so they are escaped too: a triple always stays on one line.
 */
const LITERAL_SPECIAL = /["\\\u0000-\u001f\u007f\u0085\u2028\u2029\ud800-\udfff]/;

/** `<iri>` with unsafe characters percent-encoded. */
export function iri(value: string): string {
  if (!IRI_UNSAFE_TEST.test(value)) return `<${value}>`;
  return `<${value.replace(IRI_UNSAFE, (ch) => (ch.length === 1 && ch.charCodeAt(0) < 0x80 ? `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : '%EF%BF%BD'))}>`;
}

/** An N-Triples string literal body: `"…"` with ECHAR/UCHAR escapes and lone surrogates replaced. */
export function quoted(value: string): string {
  if (!LITERAL_SPECIAL.test(value)) return `"${value}"`;
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += value[i] + value[i + 1];
        i++;
      } else out += '\ufffd';
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      out += '\ufffd';
      continue;
    }
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || c === 0x7f || c === 0x85 || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += value[i];
  }
  return out + '"';
}

const typed = (value: string, datatype: string): string => `${quoted(value)}^^${iri(datatype)}`;
const integer = (n: number): string => typed(String(n), `${XSD}integer`);

/** The RDF term of a literal fact object: dates typed by precision, numbers as decimals. */
export function literalTerm(l: Literal): string {
  if (l.datatype === 'date') {
    const t = xsdDateType(l.value);
    return t ? typed(l.value, t) : quoted(l.value);
  }
  if (l.datatype === 'quantity' && /^-?\d+(\.\d+)?$/.test(l.value)) return typed(l.value, `${XSD}decimal`);
  if (l.datatype === 'url') return typed(l.value, `${XSD}anyURI`);
  return quoted(l.value);
}

const triple = (s: string, p: string, o: string): string => `${s} ${p} ${o} .\n`;

const TYPE = iri(`${RDF}type`);
const LABEL = iri(`${RDFS}label`);

/** Triples describing an entity: its class, label and aliases. */
export function entityTriples(e: ExportEntity): string {
  const s = iri(entityIri(e.id));
  let out = triple(s, TYPE, iri(entityClassIri(e)));
  out += triple(s, LABEL, quoted(e.name));
  out += triple(s, iri(`${SCHEMA}name`), quoted(e.name));
  out += triple(s, iri(vocabIri('entityType')), quoted(e.type));
  if (e.subtype) out += triple(s, iri(vocabIri('subtype')), quoted(e.subtype));
  for (const a of e.aliases) out += triple(s, iri(`${SCHEMA}alternateName`), quoted(a));
  return out;
}

function evidenceTriples(node: string, e: FactEvidence): string {
  let out = triple(node, TYPE, iri(vocabIri('Evidence')));
  out += triple(node, iri(vocabIri('claim')), quoted(e.claimId));
  out += triple(node, iri(vocabIri('document')), iri(documentIri(e.document.id)));
  out += triple(node, iri(vocabIri('charStart')), integer(e.start));
  out += triple(node, iri(vocabIri('charEnd')), integer(e.end));
  out += triple(node, iri(vocabIri('quote')), quoted(e.quote));
  out += triple(node, iri(vocabIri('modality')), quoted(e.modality));
  return out;
}

/** The fact's triple (when supported) and its reified provenance. */
export function factTriples(f: Fact): string {
  const s = iri(entityIri(f.subject.id));
  const p = iri(predicateIri(f.predicate));
  const o = isEntityRef(f.object) ? iri(entityIri(f.object.id)) : literalTerm(f.object);
  let out = f.support.claimIds.length > 0 ? triple(s, p, o) : '';
  const st = iri(factIri(f.id));
  out += triple(st, TYPE, iri(`${RDF}Statement`));
  out += triple(st, iri(`${RDF}subject`), s);
  out += triple(st, iri(`${RDF}predicate`), p);
  out += triple(st, iri(`${RDF}object`), o);
  out += triple(st, iri(vocabIri('predicateName')), quoted(f.predicate));
  out += triple(st, iri(vocabIri('status')), quoted(f.status));
  out += triple(st, iri(vocabIri('modality')), quoted(f.modality));
  out += triple(st, iri(vocabIri('sources')), integer(f.sources));
  out += triple(st, iri(vocabIri('confidence')), typed(f.confidence.toFixed(3), `${XSD}decimal`));
  const date = (v: string | null, term: string) => {
    if (!v) return;
    const t = xsdDateType(v.slice(0, 10));
    out += triple(st, iri(vocabIri(term)), t ? typed(v.slice(0, 10), t) : quoted(v));
  };
  date(f.firstSeen, 'firstSeen');
  date(f.lastSeen, 'lastSeen');
  for (const [k, v] of Object.entries(f.qualifiers)) out += triple(st, iri(vocabIri(k)), quoted(String(v)));
  const all = [...f.support.evidence, ...(f.opposition?.evidence ?? [])];
  const used = new Set<string>();
  all.forEach((e) => {
    // One evidence node per claim span: the claim's IRI for its first span (claims have one).
    const node = iri(used.has(e.claimId) ? `${claimIri(e.claimId)}:${e.start}-${e.end}` : claimIri(e.claimId));
    used.add(e.claimId);
    out += triple(st, iri(vocabIri(e.modality === 'negated' ? 'opposedBy' : 'evidence')), node);
    out += evidenceTriples(node, e);
  });
  return out;
}

/** Triples describing a source document. */
export function documentTriples(d: StoredDocument): string {
  const s = iri(documentIri(d.id));
  let out = triple(s, TYPE, iri(`${SCHEMA}NewsArticle`));
  out += triple(s, iri(`${SCHEMA}headline`), quoted(d.title));
  if (d.date) {
    const t = xsdDateType(d.date.slice(0, 10));
    out += triple(s, iri(`${SCHEMA}datePublished`), t ? typed(d.date.slice(0, 10), t) : quoted(d.date));
  }
  if (d.source) out += triple(s, iri(`${SCHEMA}publisher`), quoted(d.source));
  if (d.url) out += triple(s, iri(`${SCHEMA}url`), typed(d.url, `${XSD}anyURI`));
  if (d.duplicateOf) out += triple(s, iri(vocabIri('duplicateOf')), iri(documentIri(d.duplicateOf)));
  return out;
}

/** Streams the knowledge base as N-Triples. */
export async function writeNTriples(walk: KnowledgeBaseWalk, sink: Sink): Promise<Omit<ExportStats, 'chars'>> {
  const stats = { format: 'ntriples', entities: 0, facts: 0, evidence: 0, documents: 0 };
  for (const e of walk.entities()) {
    await sink.write(entityTriples(e));
    stats.entities++;
    for (const f of walk.factsOf(e.id)) {
      await sink.write(factTriples(f));
      stats.facts++;
      stats.evidence += f.support.evidence.length + (f.opposition?.evidence.length ?? 0);
    }
  }
  for (const d of walk.documents()) {
    await sink.write(documentTriples(d));
    stats.documents++;
  }
  return stats;
}
