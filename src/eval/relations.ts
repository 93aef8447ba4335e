/**
 * @module End-to-end relation extraction scoring on Re-DocRED (../shared/bench/README.md):
 * raw text in, (head name, Wikidata property, tail name) triples out. A predicted triple is
 * correct when its head name is one of the gold head's names, its tail name one of the gold
 * tail's names (case-insensitive, punctuation trimmed) and the property matches.
 */
import * as chrono from 'chrono-node';
import { Document } from '../doc/document.js';
import { extractDocument } from '../extract/index.js';
import { wikidataId } from '../model/predicates.js';
import { isLiteral, type DocClaim } from '../model/types.js';

/** The entertainment properties the benchmark README lists. */
export const ENTERTAINMENT_PROPERTIES = [
  'P161', 'P57', 'P58', 'P86', 'P162', 'P1431', 'P175', 'P676', 'P264', 'P449', 'P750', 'P272',
  'P674', 'P1441', 'P50', 'P144', 'P344', 'P915',
] as const;

export interface GoldDoc {
  title: string;
  text: string;
  entities: { names: string[]; type: string }[];
  relations: { h: number; t: number; r: string; evidence?: number[] }[];
}

export interface Triple {
  head: string;
  property: string;
  tail: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface PropertyScore extends Counts {
  property: string;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Lower-case, trim surrounding punctuation and quotes, fold whitespace. The gold names are
 * written from tokens ("I 'm Still Alive", "Extreme Makeover : Home Edition", "I Wonder
 * ( Departure )") where the text has "I'm Still Alive": spaces next to punctuation are dropped
 * on both sides, so a name compares as the text writes it.
 */
export function normName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/ (?=['),.:;!?\]-]|n't\b)|(?<=[(\[-]) /g, '')
    .replace(/^[\s"'.,;:!?()[\]-]+|[\s"'.,;:!?()[\]-]+$/g, '');
}

/** ISO form of a date name ("July 29, 2005" → 2005-07-29, "2005" → 2005), or null. */
export function dateKey(s: string): string | null {
  const t = s.trim();
  if (/^\d{4}$/.test(t)) return t;
  const r = chrono.parse(t)[0];
  if (!r) return null;
  const y = r.start.get('year');
  if (!r.start.isCertain('year') || y === null) return null;
  const m = r.start.isCertain('month') ? String(r.start.get('month')).padStart(2, '0') : null;
  const d = m && r.start.isCertain('day') ? String(r.start.get('day')).padStart(2, '0') : null;
  return [String(y), m, d].filter(Boolean).join('-');
}

function nameMatches(pred: string, golds: readonly string[]): boolean {
  const p = normName(pred);
  if (!p) return false;
  if (golds.some((g) => normName(g) === p)) return true;
  // Dates: compare normalised ISO values at the gold's precision.
  const pd = /^\d{4}(-\d{2}){0,2}$/.test(pred) ? pred : null;
  if (pd) return golds.some((g) => dateKey(g) === pd);
  return false;
}

/**
 * Triples from a document's claims. Beyond each claim's own property, a cast_member claim with
 * a character also states P674 (work → character), P1441 (character → work) and P175
 * (character → the actor playing it, as Wikidata models it), and a
 * characters claim (P674) also states its inverse P1441.
 */
export function claimsToTriples(claims: readonly DocClaim[]): Triple[] {
  const out: Triple[] = [];
  const seen = new Set<string>();
  const add = (head: string, property: string, tail: string) => {
    const k = `${normName(head)}|${property}|${normName(tail)}`;
    if (seen.has(k) || !head || !tail) return;
    seen.add(k);
    out.push({ head, property, tail });
  };
  for (const c of claims) {
    if (c.modality === 'negated') continue;
    const pid = wikidataId(c.predicate);
    const tail = isLiteral(c.object) ? c.object.value : c.object.name;
    if (pid) add(c.subject.name, pid, tail);
    if (c.predicate === 'characters') add(tail, 'P1441', c.subject.name);
    if (c.predicate === 'cast_member' && typeof c.qualifiers.character === 'string') {
      add(c.subject.name, 'P674', c.qualifiers.character);
      add(c.qualifiers.character, 'P1441', c.subject.name);
      // Wikidata's performer of a fictional character is the actor who plays it
      add(c.qualifiers.character, 'P175', tail);
    }
  }
  return out;
}

/** Score one document's predictions against its gold relations, per property. */
export function scoreDocument(gold: GoldDoc, predicted: readonly Triple[], properties: ReadonlySet<string>): Map<string, Counts> {
  const counts = new Map<string, Counts>();
  const bump = (p: string, k: keyof Counts) => {
    if (!counts.has(p)) counts.set(p, { tp: 0, fp: 0, fn: 0 });
    counts.get(p)![k]++;
  };
  const golds = gold.relations.filter((r) => properties.has(r.r));
  const matchedGold = new Set<number>();
  for (const t of predicted) {
    if (!properties.has(t.property)) continue;
    const gi = golds.findIndex((g, i) => !matchedGold.has(i) && g.r === t.property && nameMatches(t.head, gold.entities[g.h].names) && nameMatches(t.tail, gold.entities[g.t].names));
    if (gi >= 0) {
      matchedGold.add(gi);
      bump(t.property, 'tp');
    } else if (golds.some((g) => g.r === t.property && nameMatches(t.head, gold.entities[g.h].names) && nameMatches(t.tail, gold.entities[g.t].names))) {
      // A second prediction of an already matched gold triple (two surface forms): neither right nor wrong again.
    } else bump(t.property, 'fp');
  }
  golds.forEach((g, i) => {
    if (!matchedGold.has(i)) bump(g.r, 'fn');
  });
  return counts;
}

export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export interface RelationReport {
  documents: number;
  perProperty: PropertyScore[];
  /** Micro-average over the properties Marquee extracts. */
  supported: PropertyScore;
  /** Micro-average over all entertainment properties (unsupported ones count as misses). */
  entertainment: PropertyScore;
  supportedProperties: string[];
  seconds: number;
  words: number;
}

/** Properties Marquee can produce (its predicates' Wikidata ids plus the derived P674/P1441). */
export function supportedProperties(): string[] {
  return ENTERTAINMENT_PROPERTIES.filter((p) => p === 'P674' || p === 'P1441' || ['cast_member', 'director', 'screenwriter', 'composer', 'producer', 'executive_producer', 'performer', 'lyricist', 'record_label', 'original_broadcaster', 'distributed_by', 'production_company', 'author', 'based_on', 'director_of_photography', 'filming_location'].some((n) => wikidataId(n) === p));
}

/** Run extraction over every gold document and score it. */
export function evaluateRelations(docs: readonly GoldDoc[]): RelationReport {
  const all = new Set<string>(ENTERTAINMENT_PROPERTIES);
  const supported = supportedProperties();
  const totals = new Map<string, Counts>();
  let words = 0;
  const t0 = performance.now();
  for (const g of docs) {
    words += g.text.split(/\s+/).length;
    const doc = extractDocument(new Document(g.text, { title: g.title, source: 'Wikipedia', url: null, date: null }));
    const triples = claimsToTriples(doc.get('claims'));
    for (const [p, c] of scoreDocument(g, triples, all)) {
      const t = totals.get(p) ?? { tp: 0, fp: 0, fn: 0 };
      t.tp += c.tp;
      t.fp += c.fp;
      t.fn += c.fn;
      totals.set(p, t);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const perProperty = [...totals.entries()].map(([property, c]) => ({ property, ...c, ...prf(c) })).sort((a, b) => b.tp + b.fn - (a.tp + a.fn));
  const micro = (props: readonly string[], label: string): PropertyScore => {
    const c = { tp: 0, fp: 0, fn: 0 };
    for (const p of props) {
      const t = totals.get(p);
      if (t) {
        c.tp += t.tp;
        c.fp += t.fp;
        c.fn += t.fn;
      }
    }
    return { property: label, ...c, ...prf(c) };
  };
  return {
    documents: docs.length,
    perProperty,
    supported: micro(supported, 'micro (supported)'),
    entertainment: micro(ENTERTAINMENT_PROPERTIES, 'micro (all entertainment)'),
    supportedProperties: supported,
    seconds,
    words,
  };
}
