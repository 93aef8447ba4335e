import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { Document } from '../doc/document.js';
import { analyzePipeline } from '../pipeline/pipeline.js';
import { createExtractionPipeline, extractDocument } from './index.js';
import { looksLikeTitle } from './quotes/find.js';

describe('extraction pipeline', () => {
  it('satisfies every stage contract and names stages with versions', () => {
    const p = createExtractionPipeline();
    assert.deepEqual(analyzePipeline(p.stages), []);
    assert.deepEqual(p.stages.map((s) => s.name), ['nlp.wink.v1', 'mentions.v1', 'dates.chrono.v1', 'quotes.v1', 'claims.patterns.v1']);
    for (const s of p.stages) assert.ok(s.assigns.length > 0);
  });

  it('assigns every declared layer on a hand-built document', () => {
    const doc = extractDocument(new Document('Sofia Carson stars as Cassie in the film "Purple Hearts". "I love Cassie so much," she said.', { title: 't', source: null, url: null, date: '2022-07-29' }));
    for (const layer of ['sentences', 'tokens', 'mentions', 'dates', 'quotes', 'claims'] as const) assert.ok(doc.has(layer), layer);
    const said = doc.get('claims').find((c) => c.predicate === 'said');
    assert.ok(said, 'quote not attributed');
    assert.equal(said.subject.name, 'Sofia Carson');
  });

  it('keeps the film, its novel and a song of the same name apart', () => {
    const text = 'The film "Purple Hearts" is based on the 2017 novel of the same name by Tess Wakefield. "Purple Hearts" by Sofia Carson is a song from the film.';
    const doc = extractDocument(new Document(text, { title: 't', source: null, url: null, date: null }));
    const subtypes = new Set(doc.get('claims').flatMap((c) => [c.subject, c.object]).filter((a) => 'name' in a && a.name === 'Purple Hearts').map((a) => ('name' in a ? a.subtype : '')));
    assert.deepEqual([...subtypes].sort(), ['film', 'novel', 'song']);
  });

  it('tells titles from speech in quotation marks', () => {
    for (const t of ['Come Back Home,', 'Blue Side of the Sky', 'Pretty Little Liars: The Perfectionists', 'Fool’s Gold', 'I Didn\'t Know.']) assert.ok(looksLikeTitle(t), t);
    for (const t of ['particularly emotional', 'We wrote this song almost a year ago. Two weeks ago, we released it.', 'pivotal']) assert.ok(!looksLikeTitle(t), t);
  });

  it('never throws on odd input and keeps every layer inside the text', () => {
    for (const t of ['', '   \n\n ', '\u0000\u0001abc', '"', '“unclosed quote', 'A'.repeat(10000), '@@@ @x @thisislizallen', '$$$ £ € 100m', 'Top 10 for six weeks.']) {
      const d = extractDocument(new Document(t, { title: '', source: null, url: null, date: 'not a date' }));
      for (const s of d.get('sentences')) assert.ok(s.end <= t.length);
      assert.equal(d.get('claims').length, 0, JSON.stringify(t.slice(0, 20)));
    }
  });
});
