/**
 * @module Retrieval helpers: stemming (table-driven), content words, and the no-bluff rules of the
 * sentence fallback over a small hand-built knowledge base.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeDoc } from '../../testing/make-doc.js';
import { resolveDocument } from '../../resolve/index.js';
import { openMemoryStore } from '../../store/memory/index.js';
import { contentWords, retrieveSentence, stem } from './retrieval.js';
import { answerQuestion } from './index.js';

describe('stem', () => {
  const SAME: [string, string][] = [
    ['premiered', 'premiere'],
    ['singing', 'sings'],
    ['directed', 'director'],
    ['wrote', 'written'],
    ['starred', 'star'],
    ['months', 'month'],
    ['sold', 'sells'],
  ];
  const DIFFERENT: [string, string][] = [
    ['office', 'official'],
    ['plays', 'player'],
    ['news', 'new'],
  ];
  for (const [a, b] of SAME) it(`${a} ~ ${b}`, () => assert.equal(stem(a), stem(b)));
  for (const [a, b] of DIFFERENT) it(`${a} ≁ ${b}`, () => assert.notEqual(stem(a), stem(b)));
});

describe('contentWords', () => {
  it('drops question words and stopwords', () => {
    assert.deepEqual(contentWords('How much did the film make at the box office?'), ['box', 'office']);
  });
});

describe('retrieveSentence', () => {
  const store = openMemoryStore();
  const text =
    'Glass Harbour opened in London last week. The drama was shot in a disused Lisbon tram depot. Critics praised Ada Munro in the lead role.';
  store.putDocument(
    resolveDocument(
      makeDoc(text, {
        meta: { title: 'Glass Harbour opens', source: 'Stage Notes', date: '2024-03-01' },
        mentions: [{ find: 'Glass Harbour', type: 'work', subtype: 'play' }, { find: 'Ada Munro', type: 'person' }, { find: 'London', type: 'place' }],
      }),
      store,
    ),
  );
  const play = store.findEntitiesByAlias('glass harbour')[0];

  it('a back-reference ("The drama") is anchored by the previous sentence, which is cited too', () => {
    const r = retrieveSentence(store, 'Where was Glass Harbour shot?', [play]);
    assert.ok(r, 'found');
    assert.match(r!.item.value, /Lisbon tram depot/);
    assert.equal(r!.item.evidence.length, 2);
    for (const e of r!.item.evidence) assert.equal(text.slice(e.start, e.end), e.quote);
    assert.equal(r!.item.support, 'retrieval');
  });

  it('no content word beyond the names: no answer', () => {
    assert.equal(retrieveSentence(store, 'What about Glass Harbour?', [play]), null);
  });

  it('keywords the sentence lacks: no answer', () => {
    assert.equal(retrieveSentence(store, 'Who composed the score for Glass Harbour?', [play]), null);
  });

  it('a required phrase must be in the same sentence', () => {
    assert.equal(retrieveSentence(store, 'Who plays Ada Munro’s sister in Glass Harbour?', [play], [], ['Ada Munro’s sister']), null);
  });

  it('answerQuestion marks retrieval answers and keeps their confidence low', () => {
    const r = answerQuestion(store, 'Where was Glass Harbour shot?');
    assert.equal(r.answers[0]?.support, 'retrieval');
    assert.ok(r.answers[0].confidence <= 0.4);
  });
});

describe('ambiguous entities', () => {
  const store = openMemoryStore();
  const add = (text: string, subtype: string, director: string) =>
    store.putDocument(
      resolveDocument(
        makeDoc(text, {
          mentions: [{ find: 'Night Train', type: 'work', subtype }, { find: director, type: 'person' }],
          claims: [{ predicate: 'director', subject: 0, object: 1 }],
        }),
        store,
      ),
    );
  add('The film Night Train was directed by Jo Abara.', 'film', 'Jo Abara');
  add('The series Night Train was directed by Lee Varga.', 'series', 'Lee Varga');

  it('two works of one name, both with directors: ambiguous, and the hint resolves it', () => {
    const r = answerQuestion(store, 'Who directed Night Train?');
    assert.equal(r.answer, null);
    assert.equal(r.noAnswer, 'ambiguous-entity');
    assert.match(answerQuestion(store, 'Who directed the series Night Train?').answer ?? '', /Lee Varga/);
  });
});

describe('clauses', () => {
  const store = openMemoryStore();
  const text = 'Best film went to Dune Road, while Kit Amari was named best director for Salt Flats. Dune Road, the desert thriller starring Rhea Solano, opened at number one.';
  store.putDocument(
    resolveDocument(
      makeDoc(text, {
        mentions: [{ find: 'Dune Road', type: 'work', subtype: 'film' }, { find: 'Kit Amari', type: 'person' }, { find: 'Salt Flats', type: 'work', subtype: 'film' }],
      }),
      store,
    ),
  );
  const film = store.findEntitiesByAlias('dune road')[0];
  it('a keyword in another clause ("while X was named best director for Y") does not answer', () => {
    assert.equal(retrieveSentence(store, 'Who directed Dune Road?', [film]), null);
  });
  it('an appositive comma does not split the clause', () => {
    assert.match(retrieveSentence(store, 'Who stars in Dune Road?', [film])?.item.value ?? '', /Rhea Solano/);
  });
});
