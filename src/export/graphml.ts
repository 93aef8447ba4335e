/**
 * @module GraphML export (opens in Gephi and yEd): nodes are entities (label, type, subtype,
 * schema.org class, aliases, and literal facts such as a premiere date as node attributes),
 * edges are entity-to-entity facts with the predicate as label and their status, modality and
 * source count. Written in two streaming passes: all nodes, then all edges.
 */
import { isEntityRef } from '../model/types.js';
import { PREDICATES } from '../model/predicates.js';
import type { Fact } from '../curate/facts.js';
import type { Sink } from './sink.js';
import type { ExportEntity, ExportStats, KnowledgeBaseWalk } from './source.js';
import { entityClass } from './vocabulary.js';

/** Characters XML 1.0 forbids (C0 controls but tab/newline/return, lone surrogates, U+FFFE/U+FFFF). */
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text escaped for XML content and attribute values: characters XML 1.0 forbids become U+FFFD,
 * markup characters become entities, and a carriage return becomes `&#13;` (a raw one would be
 * turned into a line feed by every XML parser's line-end normalisation).
 */
export function xmlEscape(s: string): string {
  return s
    .replace(XML_INVALID, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

interface Key {
  id: string;
  for: 'node' | 'edge';
  name: string;
  type: 'string' | 'int' | 'double';
}

/** Literal-valued predicates (dates, statuses, metrics) become node attributes; quotes are left out. */
const LITERAL_PREDICATES = Object.values(PREDICATES)
  .filter((p) => p.object.includes('literal') && p.name !== 'said')
  .map((p) => p.name);

const NODE_KEYS: Key[] = [
  { id: 'label', for: 'node', name: 'label', type: 'string' },
  { id: 'type', for: 'node', name: 'type', type: 'string' },
  { id: 'subtype', for: 'node', name: 'subtype', type: 'string' },
  { id: 'schema_type', for: 'node', name: 'schema_type', type: 'string' },
  { id: 'aliases', for: 'node', name: 'aliases', type: 'string' },
  { id: 'mentions', for: 'node', name: 'mentions', type: 'int' },
  { id: 'documents', for: 'node', name: 'documents', type: 'int' },
  ...LITERAL_PREDICATES.map((p): Key => ({ id: `p_${p}`, for: 'node', name: p, type: 'string' })),
  { id: 'p_other', for: 'node', name: 'other_literals', type: 'string' },
];

const EDGE_KEYS: Key[] = [
  { id: 'e_label', for: 'edge', name: 'label', type: 'string' },
  { id: 'e_predicate', for: 'edge', name: 'predicate', type: 'string' },
  { id: 'e_wikidata', for: 'edge', name: 'wikidata', type: 'string' },
  { id: 'e_character', for: 'edge', name: 'character', type: 'string' },
  { id: 'e_status', for: 'edge', name: 'status', type: 'string' },
  { id: 'e_modality', for: 'edge', name: 'modality', type: 'string' },
  { id: 'e_sources', for: 'edge', name: 'sources', type: 'int' },
  { id: 'e_weight', for: 'edge', name: 'weight', type: 'double' },
  { id: 'e_first_seen', for: 'edge', name: 'first_seen', type: 'string' },
  { id: 'e_last_seen', for: 'edge', name: 'last_seen', type: 'string' },
  { id: 'e_claims', for: 'edge', name: 'claims', type: 'string' },
];

const data = (key: string, value: string | number | null | undefined): string =>
  value === null || value === undefined || value === '' ? '' : `<data key="${key}">${xmlEscape(String(value))}</data>`;

/** The `<node>` element of an entity, its literal facts as attributes. */
export function nodeElement(e: ExportEntity, facts: readonly Fact[]): string {
  const literals = new Map<string, string[]>();
  for (const f of facts) {
    if (isEntityRef(f.object) || f.support.claimIds.length === 0 || f.predicate === 'said') continue;
    const key = LITERAL_PREDICATES.includes(f.predicate) ? `p_${f.predicate}` : 'p_other';
    const v = key === 'p_other' ? `${f.predicate}=${f.object.value}` : f.object.value;
    const list = literals.get(key) ?? [];
    if (!list.includes(v)) list.push(v);
    literals.set(key, list);
  }
  let out = `<node id="${xmlEscape(e.id)}">`;
  out += data('label', e.name) + data('type', e.type) + data('subtype', e.subtype) + data('schema_type', entityClass(e).name);
  out += data('aliases', e.aliases.join('; ')) + data('mentions', e.mentionCount) + data('documents', e.documentCount);
  for (const [k, vs] of literals) out += data(k, vs.join('; '));
  return `${out}</node>\n`;
}

/** The `<edge>` element of an entity-to-entity fact. */
export function edgeElement(f: Fact, label: string): string {
  if (!isEntityRef(f.object)) return '';
  let out = `<edge id="${xmlEscape(f.id)}" source="${xmlEscape(f.subject.id)}" target="${xmlEscape(f.object.id)}">`;
  out += data('e_label', label) + data('e_predicate', f.predicate) + data('e_wikidata', f.wikidata);
  out += data('e_character', typeof f.qualifiers.character === 'string' ? f.qualifiers.character : undefined);
  out += data('e_status', f.status) + data('e_modality', f.modality) + data('e_sources', f.sources) + data('e_weight', Math.max(1, f.sources));
  out += data('e_first_seen', f.firstSeen) + data('e_last_seen', f.lastSeen) + data('e_claims', f.claimIds.join(' '));
  return `${out}</edge>\n`;
}

const keyElement = (k: Key): string => `<key id="${k.id}" for="${k.for}" attr.name="${xmlEscape(k.name)}" attr.type="${k.type}"/>\n`;

/** Streams the knowledge base as GraphML. */
export async function writeGraphMl(walk: KnowledgeBaseWalk, sink: Sink): Promise<Omit<ExportStats, 'chars'>> {
  const stats = { format: 'graphml', entities: 0, facts: 0, evidence: 0, documents: 0 };
  await sink.write('<?xml version="1.0" encoding="UTF-8"?>\n');
  await sink.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n');
  for (const k of [...NODE_KEYS, ...EDGE_KEYS]) await sink.write(keyElement(k));
  await sink.write('<graph id="marquee" edgedefault="directed">\n');
  const nodes = new Set<string>();
  for (const e of walk.entities()) {
    await sink.write(nodeElement(e, walk.factsOf(e.id)));
    nodes.add(e.id);
    stats.entities++;
  }
  for (const id of walk.entityIds) {
    for (const f of walk.factsOf(id)) {
      if (!isEntityRef(f.object) || f.support.claimIds.length === 0) continue;
      if (!nodes.has(f.subject.id) || !nodes.has(f.object.id)) continue;
      await sink.write(edgeElement(f, PREDICATES[f.predicate]?.label ?? f.predicate));
      stats.facts++;
      stats.evidence += f.evidence.length;
    }
  }
  await sink.write('</graph>\n</graphml>\n');
  return stats;
}
