import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Parser as N3Parser, type Quad } from 'n3';
import { DOMParser } from 'linkedom';
import { openSqliteStore } from '../store/sqlite/index.js';
import { buildTestKb } from '../curate/make-kb.js';
import { exportKnowledgeBase } from './index.js';
import { parseCsv, csvRow, EVIDENCE_COLUMNS, FACT_COLUMNS, ENTITY_COLUMNS } from './csv.js';
import { quoted, iri } from './ntriples.js';
import type { Store } from '../store/store.js';

/** A Writable that collects text slowly (tiny buffer), so exports must honour backpressure. */
function slowSink(): { stream: Writable; text: () => string; maxBuffered: () => number } {
  const chunks: string[] = [];
  let maxBuffered = 0;
  const stream = new Writable({
    highWaterMark: 256,
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString('utf8'));
      maxBuffered = Math.max(maxBuffered, stream.writableLength);
      setImmediate(cb);
    },
  });
  return { stream, text: () => chunks.join(''), maxBuffered: () => maxBuffered };
}

describe('exports over a real SQLite knowledge base', () => {
  let dir: string;
  let store: Store;
  let ids: ReturnType<typeof buildTestKb>;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'marquee-export-'));
    store = openSqliteStore(join(dir, 'kb.db'));
    ids = buildTestKb(store);
  });
  after(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ntriples: parses with n3, one triple per fact with Wikidata IRIs, reified provenance', async () => {
    const sink = slowSink();
    const stats = await exportKnowledgeBase(store, 'ntriples', sink.stream);
    const quads: Quad[] = new N3Parser({ format: 'N-Triples' }).parse(sink.text());
    assert.ok(quads.length > 50);
    const P161 = 'http://www.wikidata.org/prop/direct/P161';
    const cast = quads.filter((q) => q.predicate.value === P161 && q.subject.value === 'urn:marquee:entity:ent_film');
    assert.equal(cast.length, 2, 'Sofia Carson and Nicholas Galitzine');
    const dates = quads.filter((q) => q.predicate.value === 'http://www.wikidata.org/prop/direct/P577');
    assert.deepEqual(dates.map((q) => q.object.value).sort(), ['2022-07-29', '2022-08-05']);
    assert.equal((dates[0].object as { datatype: { value: string } }).datatype.value, 'http://www.w3.org/2001/XMLSchema#date');
    const statements = quads.filter((q) => q.object.value === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement');
    assert.equal(statements.length, stats.facts);
    const quote = quads.find((q) => q.predicate.value === 'urn:marquee:vocab:quote' && q.object.value.includes('<real>'));
    assert.ok(quote, 'awkward characters survive escaping');
    assert.equal(quote.object.value, `"We're back, & it's <real>, "truly"," Carson said`);
    const sequel = quads.filter((q) => q.predicate.value === 'urn:marquee:vocab:sequel');
    assert.deepEqual(sequel.map((q) => q.object.value).sort(), ['confirmed', 'in talks'], 'no Wikidata id: Marquee IRI; history kept');
    assert.ok(sink.maxBuffered() < 70_000, `buffered at most one batch, saw ${sink.maxBuffered()}`);
  });

  it('ntriples: escapes strings and IRIs', () => {
    const parsed = new N3Parser({ format: 'N-Triples' }).parse(`${iri('urn:x:a b<c>')} <urn:p> ${quoted('a\n"b"\\\u0001\ud800z')} .\n`);
    assert.equal(parsed[0].subject.value, 'urn:x:a%20b%3Cc%3E');
    assert.equal(parsed[0].object.value, 'a\n"b"\\\u0001\ufffdz');
  });

  it('jsonld: one JSON document with @context and a @graph of schema.org nodes, evidence as citations', async () => {
    const file = join(dir, 'kb.jsonld');
    const stats = await exportKnowledgeBase(store, 'jsonld', file);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(doc['@context']['@vocab'], 'https://schema.org/');
    assert.ok(Array.isArray(doc['@graph']));
    const byId = new Map<string, Record<string, unknown>>((doc['@graph'] as Record<string, unknown>[]).map((n): [string, Record<string, unknown>] => [String(n['@id']), n]));
    assert.equal(byId.size, doc['@graph'].length, 'node ids are unique');
    for (const n of doc['@graph']) assert.ok(n['@id'] && n['@type'], 'every node has @id and @type');
    const film = byId.get('urn:marquee:entity:ent_film')!;
    assert.equal(film['@type'], 'Movie');
    assert.equal((film.actor as unknown[]).length, 2);
    assert.deepEqual(film.director, [{ '@id': 'urn:marquee:entity:ent_liz' }]);
    assert.deepEqual(film.isBasedOn, [{ '@id': 'urn:marquee:entity:ent_novel' }]);
    assert.equal(byId.get('urn:marquee:entity:ent_novel')!['@type'], 'Book');
    assert.equal(byId.get('urn:marquee:entity:ent_sofia')!['@type'], 'Person');
    // Every reference resolves to a node of the graph.
    const refs: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o['@id'] === 'string' && Object.keys(o).length === 1) refs.push(o['@id']);
        // Property IRIs (mq:property) name vocabulary terms, not graph nodes.
        for (const [k, x] of Object.entries(o)) if (k !== 'mq:property' && k !== 'mq:wikidataProperty') walk(x);
      }
    };
    walk(doc['@graph']);
    const dangling = refs.filter((r) => !byId.has(r));
    assert.deepEqual(dangling, []);
    const facts = doc['@graph'].filter((n: Record<string, unknown>) => ([] as unknown[]).concat(n['@type']).includes('mq:Fact'));
    assert.equal(facts.length, stats.facts);
    const castFact = facts.find((f: Record<string, unknown>) => f.characterName === 'Cassie');
    assert.equal(castFact['mq:property']['@id'], 'https://schema.org/actor');
    assert.equal(castFact.citation[0]['@type'], 'Quotation');
    assert.equal(castFact.citation[0].text, 'stars Sofia Carson as Cassie');
    const quote = facts.find((f: Record<string, unknown>) => ([] as unknown[]).concat(f['@type']).includes('Quotation'));
    assert.deepEqual(quote.creator, { '@id': 'urn:marquee:entity:ent_sofia' });
    const contested = facts.filter((f: Record<string, unknown>) => f['mq:status'] === 'contested');
    assert.equal(contested.length, 4, 'two premiere dates and two sequel statuses');
    const article = byId.get(`urn:marquee:document:${ids.a1}`)!;
    assert.equal(article['@type'], 'NewsArticle');
  });

  it('graphml: well-formed XML with typed nodes and labelled edges', async () => {
    const sink = slowSink();
    await exportKnowledgeBase(store, 'graphml', sink.stream);
    const xml = sink.text();
    const dom = new DOMParser().parseFromString(xml, 'text/xml');
    const root = dom.documentElement;
    assert.equal(root.tagName, 'graphml');
    const nodes = [...dom.querySelectorAll('node')];
    const edges = [...dom.querySelectorAll('edge')];
    const nodeIds = new Set(nodes.map((n) => n.getAttribute('id')));
    assert.ok(nodeIds.has('ent_film') && nodeIds.has('ent_sofia'));
    for (const e of edges) assert.ok(nodeIds.has(e.getAttribute('source')) && nodeIds.has(e.getAttribute('target')), 'edges join declared nodes');
    const keys = new Map([...dom.querySelectorAll('key')].map((k) => [k.getAttribute('id'), k.getAttribute('attr.name')]));
    const data = (el: Element, key: string) => Array.from(el.querySelectorAll('data')).find((d) => d.getAttribute('key') === key)?.textContent;
    const film = nodes.find((n) => n.getAttribute('id') === 'ent_film')!;
    assert.equal(data(film, 'type'), 'work');
    assert.equal(data(film, 'schema_type'), 'Movie');
    assert.equal(data(film, 'p_publication_date'), '2022-07-29; 2022-08-05');
    assert.equal(keys.get('p_publication_date'), 'publication_date');
    const labels = edges.map((e) => data(e, 'e_label'));
    assert.ok(labels.includes('cast member') && labels.includes('director') && labels.includes('based on'));
    assert.equal(edges.length, 5);
    // Strict well-formedness: every element closes, no raw '&' or '<' in text.
    assert.doesNotMatch(xml.replace(/&(amp|lt|gt|quot|apos);/g, ''), /&/);
  });

  it('csv: three RFC 4180 files that round-trip', async () => {
    const out = join(dir, 'csv');
    const stats = await exportKnowledgeBase(store, 'csv', out);
    assert.deepEqual(stats.files?.map((f) => f.slice(out.length + 1)), ['entities.csv', 'facts.csv', 'evidence.csv']);
    const read = (f: string) => parseCsv(readFileSync(join(out, f), 'utf8'));
    const entities = read('entities.csv');
    const facts = read('facts.csv');
    const evidence = read('evidence.csv');
    assert.deepEqual(entities[0], [...ENTITY_COLUMNS]);
    assert.deepEqual(facts[0], [...FACT_COLUMNS]);
    assert.deepEqual(evidence[0], [...EVIDENCE_COLUMNS]);
    for (const [rows, cols] of [[entities, ENTITY_COLUMNS], [facts, FACT_COLUMNS], [evidence, EVIDENCE_COLUMNS]] as const) {
      for (const r of rows) assert.equal(r.length, cols.length, `row ${JSON.stringify(r)}`);
    }
    assert.equal(facts.length - 1, stats.facts);
    assert.equal(evidence.length - 1, stats.evidence);
    const col = (name: string) => (EVIDENCE_COLUMNS as readonly string[]).indexOf(name);
    const said = evidence.find((r) => r[col('quote')].includes('<real>'))!;
    assert.equal(said[col('quote')], `"We're back, & it's <real>, "truly"," Carson said`);
    assert.match(said[col('sentence')], /\n/, 'line breaks inside quoted fields survive');
    const factIds = new Set(facts.slice(1).map((r) => r[0]));
    for (const r of evidence.slice(1)) assert.ok(factIds.has(r[0]), 'evidence joins facts');
    const text = readFileSync(join(out, 'facts.csv'), 'utf8');
    assert.ok(text.endsWith('\r\n'));
    assert.deepEqual(parseCsv(csvRow(['a,b', 'c"d', 'e\r\nf', '', 'g'])), [['a,b', 'c"d', 'e\r\nf', '', 'g']]);
  });

  it('refuses an unknown format and a csv export without a folder', async () => {
    await assert.rejects(exportKnowledgeBase(store, 'xml' as 'csv', 'x'), /E401/);
    await assert.rejects(exportKnowledgeBase(store, 'csv', slowSink().stream), /folder/);
  });
});
