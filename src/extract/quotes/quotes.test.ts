/**
 * @module quotes.v1: attribution after and before the quote, continuation of the previous
 * speaker, and the layer's shape (fields absent rather than undefined).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { Document } from '../../doc/document.js';
import { extractDocument } from '../index.js';

const quotesOf = (text: string, date: string | null = null) =>
  extractDocument(new Document(text, { title: 't', source: null, url: null, date })).get('quotes');

describe('quotes.v1', () => {
  it('attributes a quote to the speaker after it, with the outlet and the article date', () => {
    const [q, ...rest] = quotesOf('Sofia Carson stars in the film. “I love this character so much,” Carson told Entertainment Weekly.', '2022-07-29');
    assert.equal(rest.length, 0);
    assert.equal(q.text, 'I love this character so much');
    assert.equal(q.speakerName, 'Sofia Carson');
    assert.equal(q.outlet, 'Entertainment Weekly');
    assert.equal(q.date, '2022-07-29');
  });

  it('attributes a quote to the speaker before it, and a following quote to the same speaker', () => {
    const qs = quotesOf('Director Jane Holloway said: “We shot the whole film in the winter.”\n\n“It was very cold every single day.”');
    assert.deepEqual(qs.map((q) => q.speakerName), ['Jane Holloway', 'Jane Holloway']);
  });

  it('leaves fields out rather than undefined when nothing is known', () => {
    for (const q of quotesOf('“There are conversations happening about a sequel right now,” a source said.')) {
      for (const v of Object.values(q)) assert.notEqual(v, undefined);
      assert.ok(!('date' in q) || typeof q.date === 'string');
    }
    const [q] = quotesOf('Tess Wakefield said: “The book took me many years to write.”');
    assert.equal(q.speakerName, 'Tess Wakefield');
    assert.ok(!('date' in q), 'no article date, no quote date');
    assert.ok(!('outlet' in q));
  });
});
