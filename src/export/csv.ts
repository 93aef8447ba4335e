/**
 * @module CSV export: `entities.csv`, `facts.csv` and `evidence.csv` in one folder, RFC 4180
 * (comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line break,
 * quotes doubled), UTF-8 without BOM. Evidence rows name their fact and claim, so the three files
 * join on `entity id` / `fact_id`.
 */
import { isEntityRef } from '../model/types.js';
import type { Fact } from '../curate/facts.js';
import type { Sink } from './sink.js';
import type { ExportEntity, ExportStats, KnowledgeBaseWalk } from './source.js';
import { entityClass } from './vocabulary.js';

export const ENTITY_COLUMNS = ['id', 'name', 'type', 'subtype', 'schema_type', 'aliases', 'mention_count', 'document_count'] as const;
export const FACT_COLUMNS = [
  'id', 'subject_id', 'subject_name', 'predicate', 'wikidata', 'object_id', 'object_name', 'object_value', 'object_datatype',
  'qualifiers', 'status', 'modality', 'confidence', 'sources', 'first_seen', 'last_seen', 'claim_ids',
] as const;
export const EVIDENCE_COLUMNS = [
  'fact_id', 'claim_id', 'side', 'modality', 'document_id', 'document_title', 'document_source', 'document_url', 'document_date',
  'start', 'end', 'quote', 'sentence',
] as const;

/** One field, quoted when RFC 4180 requires it. */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record with its CRLF. */
export function csvRow(fields: readonly (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

export function entityRow(e: ExportEntity): string {
  return csvRow([e.id, e.name, e.type, e.subtype, entityClass(e).name, e.aliases.join('; '), e.mentionCount, e.documentCount]);
}

export function factRow(f: Fact): string {
  const o = f.object;
  return csvRow([
    f.id, f.subject.id, f.subject.name, f.predicate, f.wikidata,
    isEntityRef(o) ? o.id : null, isEntityRef(o) ? o.name : null, isEntityRef(o) ? null : o.value, isEntityRef(o) ? null : o.datatype,
    Object.keys(f.qualifiers).length > 0 ? JSON.stringify(f.qualifiers) : '',
    f.status, f.modality, f.confidence.toFixed(3), f.sources, f.firstSeen, f.lastSeen, f.claimIds.join(' '),
  ]);
}

export function evidenceRows(f: Fact): string {
  let out = '';
  const sides = [['support', f.support.evidence], ['opposition', f.opposition?.evidence ?? []]] as const;
  for (const [side, list] of sides) {
    for (const e of list) {
      out += csvRow([f.id, e.claimId, side, e.modality, e.document.id, e.document.title, e.document.source, e.document.url, e.document.date, e.start, e.end, e.quote, e.sentence]);
    }
  }
  return out;
}

/** The three sinks of a CSV export. */
export interface CsvSinks {
  entities: Sink;
  facts: Sink;
  evidence: Sink;
}

/** Streams the knowledge base as three CSV files. */
export async function writeCsv(walk: KnowledgeBaseWalk, sinks: CsvSinks): Promise<Omit<ExportStats, 'chars'>> {
  const stats = { format: 'csv', entities: 0, facts: 0, evidence: 0, documents: 0 };
  await sinks.entities.write(csvRow(ENTITY_COLUMNS));
  await sinks.facts.write(csvRow(FACT_COLUMNS));
  await sinks.evidence.write(csvRow(EVIDENCE_COLUMNS));
  const docs = new Set<string>();
  for (const e of walk.entities()) {
    await sinks.entities.write(entityRow(e));
    stats.entities++;
    for (const f of walk.factsOf(e.id)) {
      await sinks.facts.write(factRow(f));
      await sinks.evidence.write(evidenceRows(f));
      stats.facts++;
      for (const ev of [...f.support.evidence, ...(f.opposition?.evidence ?? [])]) {
        stats.evidence++;
        docs.add(ev.document.id);
      }
    }
  }
  stats.documents = docs.size;
  return stats;
}

/**
 * Parses RFC 4180 CSV text into records (for tests and re-import): quoted fields may hold commas,
 * doubled quotes and line breaks.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quotedField = false;
  while (i < text.length) {
    const c = text[i];
    if (quotedField) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quotedField = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field.length === 0) {
      quotedField = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
      i++;
    }
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
