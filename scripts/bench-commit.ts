/**
 * @module The commit path alone (near-duplicate check, resolution, SQLite writes), measured and
 * checked apart from processing: `--save` processes a corpus once and stores the processed articles
 * (v8-serialised, as they travel from workers); `--load` commits them into a fresh database in
 * batches (as ingest does) and prints the commit CPU per 1,000 articles and a digest of the
 * knowledge base (documents, entities, aliases, mentions, claims, resolutions), so two versions of
 * the commit code can be compared on identical input for cost and for identical output.
 *
 * `node --import tsx scripts/bench-commit.ts --save FILE <paths...>`
 * `node --import tsx scripts/bench-commit.ts --load FILE --db DB [--batch 64] [--dump OUT]`
 */
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import Database from 'better-sqlite3';
import { readPaths } from '../src/read/index.js';
import { processArticle, rawArticleHash, type ProcessedArticle } from '../src/engine/process.js';
import { dropLayers, TRANSIENT_LAYERS } from '../src/ingest/layers.js';
import { createEngine } from '../src/engine/engine.js';

/** Each record: 4-byte little-endian length, then the v8-serialised ProcessedArticle. */
async function save(file: string, paths: string[]): Promise<void> {
  const fd = openSync(file, 'w');
  let n = 0;
  for await (const it of readPaths(paths)) {
    if (!('article' in it)) continue;
    let p: ProcessedArticle;
    try {
      p = dropLayers(processArticle(it.article, rawArticleHash(it.article)), TRANSIENT_LAYERS);
    } catch {
      continue;
    }
    const buf = serialize(p);
    const len = Buffer.alloc(4);
    len.writeUInt32LE(buf.length);
    writeSync(fd, len);
    writeSync(fd, buf);
    n++;
  }
  closeSync(fd);
  console.log(JSON.stringify({ saved: n, file }));
}

function load(file: string): ProcessedArticle[] {
  const all = readFileSync(file);
  const out: ProcessedArticle[] = [];
  for (let at = 0; at < all.length; ) {
    const len = all.readUInt32LE(at);
    out.push(deserialize(all.subarray(at + 4, at + 4 + len)) as ProcessedArticle);
    at += 4 + len;
  }
  return out;
}

/** Digest of everything ingest writes, minus wall-clock fields (added_at) and row ids. */
function digest(db: string, dumpTo?: string): string {
  const c = new Database(db, { readonly: true });
  const queries: [string, string][] = [
    ['documents', 'SELECT id, text_hash, raw_hash, title, source, url, date, date_source, author, language, path, duplicate_of, minhash, length(text) FROM documents ORDER BY id'],
    ['sentences', 'SELECT doc_id, idx, char_start, char_end, text FROM sentences ORDER BY doc_id, idx'],
    ['entities', 'SELECT id, name, type, subtype, mention_count, document_count FROM entities ORDER BY id'],
    ['aliases', 'SELECT entity_id, kind, alias_key, alias FROM entity_aliases ORDER BY entity_id, kind, alias_key'],
    ['mentions', 'SELECT doc_id, char_start, char_end, entity_id, text FROM mentions ORDER BY doc_id, char_start, char_end, entity_id'],
    ['claims', 'SELECT * FROM claims ORDER BY id'],
    ['bands', 'SELECT band, doc_id FROM lsh_bands ORDER BY band, doc_id'],
    ['resolutions', 'SELECT doc_id, records FROM document_resolutions ORDER BY doc_id'],
    ['fts', "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'film OR the OR said'"],
  ];
  const h = createHash('sha256');
  const lines: string[] = [];
  for (const [name, sql] of queries) {
    const rows = c.prepare(sql).raw().all();
    for (const r of rows) {
      const line = `${name}\t${JSON.stringify(r)}`;
      h.update(line).update('\n');
      if (dumpTo) lines.push(line);
    }
  }
  c.close();
  if (dumpTo) writeFileSync(dumpTo, lines.join('\n') + '\n');
  return h.digest('hex');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      save: { type: 'string' },
      load: { type: 'string' },
      db: { type: 'string' },
      batch: { type: 'string', default: '64' },
      dump: { type: 'string' },
      repeat: { type: 'string', default: '1' },
    },
  });
  if (values.save) return save(values.save, positionals);
  if (!values.load || !values.db) throw new Error('usage: bench-commit --save FILE <paths> | --load FILE --db DB');
  const items = load(values.load);
  const batch = Number(values.batch);
  const cpus: number[] = [];
  for (let rep = 0; rep < Number(values.repeat); rep++) {
    for (const f of [values.db, `${values.db}-wal`, `${values.db}-shm`]) if (existsSync(f)) rmSync(f);
    const engine = createEngine({ db: values.db });
    const c0 = process.cpuUsage();
    for (let i = 0; i < items.length; i += batch) {
      engine.store.transaction(() => {
        for (const p of items.slice(i, i + batch)) engine.store.transaction(() => engine.commit(p));
      });
    }
    const c = process.cpuUsage(c0);
    engine.close();
    cpus.push((c.user + c.system) / 1e6);
  }
  const best = Math.min(...cpus);
  console.log(
    JSON.stringify({
      articles: items.length,
      batch,
      commitCpuPer1k: cpus.map((s) => Math.round((s / items.length) * 1000 * 100) / 100),
      bestPer1k: Math.round((best / items.length) * 1000 * 100) / 100,
      digest: digest(values.db, values.dump),
    }),
  );
}

await main();
