/**
 * @module `marquee export --format jsonld|ntriples|graphml|csv [--out FILE|DIR]`: the whole
 * knowledge base in a standard format, streamed (one subject's facts in memory at a time).
 * Retracted claims (curate/corrections.ts) are always left out.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { MarqueeError } from '../errors.js';
import { correctedView } from '../curate/corrections.js';
import { writeCsv } from './csv.js';
import { writeGraphMl } from './graphml.js';
import { writeJsonLd } from './jsonld.js';
import { writeNTriples } from './ntriples.js';
import { createSink, endStream } from './sink.js';
import { KnowledgeBaseWalk, type ExportStats, type ExportStore } from './source.js';

export type { ExportStats, ExportStore } from './source.js';

export const EXPORT_FORMATS = ['jsonld', 'ntriples', 'graphml', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Default file extension of each single-file format. */
export const EXPORT_EXTENSIONS: Record<Exclude<ExportFormat, 'csv'>, string> = { jsonld: '.jsonld', ntriples: '.nt', graphml: '.graphml' };

export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

/**
 * Writes the knowledge base in `format` to `out`: a Writable (stdout) or a file path; for `csv`,
 * a folder path (created if missing) that receives entities.csv, facts.csv and evidence.csv.
 * A Writable given by the caller is not ended when it is stdout/stderr; other streams are ended.
 *
 * @example await exportKnowledgeBase(engine.store, 'ntriples', process.stdout)
 * @example await exportKnowledgeBase(engine.store, 'csv', 'out/kb')
 */
export async function exportKnowledgeBase(store: ExportStore, format: ExportFormat, out: Writable | string): Promise<ExportStats> {
  if (!isExportFormat(format)) throw new MarqueeError('E401', `Unknown export format '${String(format)}'; use one of ${EXPORT_FORMATS.join(', ')}.`);
  // Retracted claims are never exported, whether or not the caller wrapped the store.
  const walk = new KnowledgeBaseWalk(correctedView(store));
  if (format === 'csv') {
    if (typeof out !== 'string') throw new MarqueeError('E401', 'The csv export writes three files: give --out a folder.');
    mkdirSync(out, { recursive: true });
    const files = ['entities.csv', 'facts.csv', 'evidence.csv'].map((f) => join(out, f));
    const streams = files.map((f) => createWriteStream(f, { encoding: 'utf8' }));
    const sinks = streams.map((s) => createSink(s));
    try {
      const stats = await writeCsv(walk, { entities: sinks[0], facts: sinks[1], evidence: sinks[2] });
      for (const s of sinks) await s.flush();
      return { ...stats, chars: sinks.reduce((n, s) => n + s.written, 0), files };
    } finally {
      await Promise.all(streams.map((s) => endStream(s)));
    }
  }
  const stream = typeof out === 'string' ? createWriteStream(out, { encoding: 'utf8' }) : out;
  const sink = createSink(stream);
  try {
    const write = format === 'jsonld' ? writeJsonLd : format === 'ntriples' ? writeNTriples : writeGraphMl;
    const stats = await write(walk, sink);
    await sink.flush();
    return { ...stats, chars: sink.written, ...(typeof out === 'string' ? { files: [out] } : {}) };
  } finally {
    if (typeof out === 'string') await endStream(stream);
  }
}
