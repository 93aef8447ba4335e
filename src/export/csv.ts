/**
 * @module CSV export: `entities.csv`, `facts.csv` and `evidence.csv` in one folder, RFC 4180
 * (comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line break,
 * quotes doubled), UTF-8 without BOM. Evidence rows name their fact and claim, so the three files
 * join on `entity id` / `fact_id`.
 *
 * Formula injection: names, titles and quotes come from articles, and a spreadsheet runs a cell
 * that starts with `=`, `+`, `-` or `@` (or a tab or carriage return before one) as a formula
 * (`=HYPERLINK(…)`, `@SUM(…)`, DDE payloads). Such a text cell is written quoted with a single
 * quote `'` in front (`"'=HYPERLINK(…)"`), which spreadsheets show as text. The rule is reversible:
 * a text that already starts with quotes followed by one of those characters gets one more, and
 * `csvText` removes exactly one. Cells the exporter knows are numbers (counts, offsets, and
 * quantity values such as `-3` or `48.3`) are written as plain numbers, never prefixed.
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

/** A cell the exporter knows is a number given as text (a quantity literal): written as is. */
export interface CsvNumber {
  readonly number: string;
}

/** One cell: text (neutralised when a spreadsheet would run it), a number, or empty. */
export type CsvCell = string | number | CsvNumber | null | undefined;

/** A plain decimal number (what a quantity literal holds when it is one). */
const DECIMAL = /^-?\d+(\.\d+)?$/;
/** Text a spreadsheet could run as a formula: a trigger character, possibly after quotes we added. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** A neutralised cell: one quote we added, then the original text. */
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** `value` as a number cell when it is a plain decimal (quantity literals), else as text. */
export function csvNumber(value: string): CsvCell {
  return DECIMAL.test(value) ? { number: value } : value;
}

/** Text made safe to open in a spreadsheet: a leading `'` when it would start a formula. */
export function neutraliseFormula(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** The original text of a cell read back (`parseCsv`): removes the quote `neutraliseFormula` added. */
export function csvText(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

/** One field, quoted when RFC 4180 requires it or when it was neutralised against formulas. */
export function csvField(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : csvField(String(v));
  if (typeof v === 'object') return DECIMAL.test(v.number) ? v.number : csvField(v.number);
  const s = neutraliseFormula(v);
  return s !== v || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record with its CRLF. */
export function csvRow(fields: readonly CsvCell[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

export function entityRow(e: ExportEntity): string {
  return csvRow([e.id, e.name, e.type, e.subtype, entityClass(e).name, e.aliases.join('; '), e.mentionCount, e.documentCount]);
}

export function factRow(f: Fact): string {
  const o = f.object;
  return csvRow([
    f.id, f.subject.id, f.subject.name, f.predicate, f.wikidata,
    isEntityRef(o) ? o.id : null, isEntityRef(o) ? o.name : null, isEntityRef(o) ? null : o.datatype === 'quantity' ? csvNumber(o.value) : o.value, isEntityRef(o) ? null : o.datatype,
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
 * doubled quotes and line breaks. Cells come back as written: `csvText` removes the formula guard.
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
