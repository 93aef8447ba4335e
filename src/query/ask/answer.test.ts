/**
 * @module answerQuestion over a small hand-built knowledge base (fictional articles written for
 * this test, resolved and stored in the memory and SQLite stores): every intent, evidence
 * de-duplication, yes/no verdicts and each no-answer reason.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDoc, type MakeDocOptions } from '../../testing/make-doc.js';
import { resolveDocument } from '../../resolve/index.js';
import { openMemoryStore } from '../../store/memory/index.js';
import { openSqliteStore } from '../../store/sqlite/index.js';
import type { Store } from '../../store/store.js';
import { answerQuestion, NO_EVIDENCE_ANSWER } from './index.js';

/** Fictional articles: a film "Silver Harbor", its novel, its song "Low Tide". */
const ARTICLES: [string, MakeDocOptions][] = [
  [
    'Silver Harbor stars Mara Quinn as June and Theo Vance as Eli. The film premiered on May 12, 2023. It is based on the novel Silver Harbor by Ruth Ellis. Ana Ruiz directed the film.',
    {
      meta: { title: 'Silver Harbor review', source: 'Screen Desk', date: '2023-05-14' },
      mentions: [
        { find: 'Silver Harbor', type: 'work', subtype: 'film' },
        { find: 'Mara Quinn', type: 'person' },
        { find: 'Theo Vance', type: 'person' },
        { find: 'Silver Harbor', nth: 1, type: 'work', subtype: 'novel' },
        { find: 'Ruth Ellis', type: 'person' },
        { find: 'Ana Ruiz', type: 'person' },
      ],
      claims: [
        { predicate: 'cast_member', subject: 0, object: 1, qualifiers: { character: 'June' } },
        { predicate: 'cast_member', subject: 0, object: 2, qualifiers: { character: 'Eli' } },
        { predicate: 'publication_date', subject: 0, object: { value: '2023-05-12', datatype: 'date' }, span: [63, 96] },
        { predicate: 'based_on', subject: 0, object: 3, span: [97, 149] },
        { predicate: 'author', subject: 3, object: 4, span: [97, 149] },
        { predicate: 'director', subject: 0, object: 5, span: [150, 175] },
      ],
    },
  ],
  [
    'Mara Quinn plays June in Silver Harbor, and she is also an executive producer. Quinn performs the song Low Tide, which is featured in Silver Harbor. The Low Tide music video was shot at Pebble Cove.',
    {
      meta: { title: 'Mara Quinn sings Low Tide', source: 'Tune Weekly', date: '2023-06-02' },
      mentions: [
        { find: 'Mara Quinn', type: 'person' },
        { find: 'Silver Harbor', type: 'work', subtype: 'film' },
        { find: 'Low Tide', type: 'work', subtype: 'song' },
        { find: 'Silver Harbor', nth: 1, type: 'work', subtype: 'film' },
        { find: 'Low Tide', nth: 1, type: 'work', subtype: 'music_video' },
        { find: 'Pebble Cove', type: 'place' },
      ],
      claims: [
        { predicate: 'cast_member', subject: 1, object: 0, qualifiers: { character: 'June' } },
        { predicate: 'executive_producer', subject: 1, object: 0 },
        { predicate: 'performer', subject: 2, object: 0, span: [79, 147] },
        { predicate: 'featured_in', subject: 2, object: 3, span: [79, 147] },
        { predicate: 'filming_location', subject: 4, object: 5, span: [148, 196] },
      ],
    },
  ],
  [
    'Silver Harbor racked up 98.5 million hours viewed in its first week. It stayed in the Netflix Top 10 for five weeks. Theo Vance said the shoot was the coldest of his life.',
    {
      meta: { title: 'Silver Harbor numbers', source: 'Stream Report', date: '2023-07-01' },
      mentions: [{ find: 'Silver Harbor', type: 'work', subtype: 'film' }, { find: 'Theo Vance', type: 'person' }],
      claims: [
        { predicate: 'hours_viewed', subject: 0, object: { value: '98500000', datatype: 'quantity' }, qualifiers: { unit: 'hours', period: 'in its first week' }, span: [0, 68] },
        { predicate: 'chart_run', subject: 0, object: { value: '5', datatype: 'quantity' }, qualifiers: { unit: 'weeks', chart: 'Netflix Top 10', text: 'five weeks' }, span: [69, 115] },
      ],
    },
  ],
  [
    'A sequel to Silver Harbor might be in the works. "We are talking about it, and I love Low Tide more than any song I have sung," Mara Quinn told Variety.',
    {
      meta: { title: 'Silver Harbor sequel talk', source: 'Film Pulse', date: '2024-12-20' },
      mentions: [{ find: 'Silver Harbor', type: 'work', subtype: 'film' }, { find: 'Mara Quinn', type: 'person' }],
      claims: [
        { predicate: 'sequel', subject: 0, object: { value: 'talks', datatype: 'string' }, qualifiers: { date: '2024-12' }, modality: 'speculative', span: [0, 48] },
        {
          predicate: 'said',
          subject: 1,
          object: { value: 'We are talking about it, and I love Low Tide more than any song I have sung', datatype: 'string' },
          qualifiers: { outlet: 'Variety' },
          span: [49, 152],
        },
      ],
    },
  ],
];

function loadKb(store: Store): Store {
  for (const [text, opts] of ARTICLES) store.putDocument(resolveDocument(makeDoc(text, opts), store));
  return store;
}

const includes = (s: string | null, part: string) => assert.ok(s?.includes(part), `expected "${part}" in: ${s}`);

for (const kind of ['memory', 'sqlite'] as const) {
  describe(`answerQuestion (${kind} store)`, () => {
    let store: Store;
    let dir = '';
    before(() => {
      if (kind === 'memory') store = loadKb(openMemoryStore());
      else {
        dir = mkdtempSync(join(tmpdir(), 'marquee-ask-'));
        store = loadKb(openSqliteStore(join(dir, 'kb.db')));
      }
    });
    after(() => {
      store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('who plays a character: the actor, evidence from both articles once each', () => {
      const r = answerQuestion(store, 'Who plays June in Silver Harbor?');
      assert.equal(r.answer, 'Mara Quinn plays June in Silver Harbor.');
      assert.equal(r.answers[0].entity?.name, 'Mara Quinn');
      const docs = new Set(r.answers[0].evidence.map((e) => e.document.id));
      assert.equal(docs.size, 2);
      const keys = r.answers[0].evidence.map((e) => `${e.document.id}:${e.start}:${e.end}`);
      assert.equal(new Set(keys).size, keys.length, 'evidence is de-duplicated');
    });

    it('cited quotes are the stored text', () => {
      const r = answerQuestion(store, 'Who plays Eli in Silver Harbor?');
      for (const e of r.answers[0].evidence) {
        const doc = store.getDocument(e.document.id)!;
        assert.equal(doc.text.slice(e.start, e.end), e.quote);
      }
    });

    it("who's in: the cast with characters", () => {
      const r = answerQuestion(store, "Who's in Silver Harbor?");
      includes(r.answer, 'Mara Quinn as June');
      includes(r.answer, 'Theo Vance as Eli');
    });

    it('"it" resolves to the only work with a director', () => {
      const r = answerQuestion(store, 'Who directed it?', { explain: true });
      assert.equal(r.answer, 'Ana Ruiz directed Silver Harbor.');
      assert.equal(r.plan?.intent, 'relation');
      assert.ok(r.plan?.factsUsed?.length);
    });

    it('release date at its precision', () => {
      assert.equal(answerQuestion(store, 'When did Silver Harbor come out?').answer, 'Silver Harbor came out on May 12, 2023.');
    });

    it('based on: the novel and its author', () => {
      assert.equal(answerQuestion(store, 'What is Silver Harbor based on?').answer, 'Silver Harbor is based on the novel Silver Harbor by Ruth Ellis.');
      includes(answerQuestion(store, 'Who wrote the novel Silver Harbor?').answer, 'Ruth Ellis');
    });

    it('songs in the film and their performer', () => {
      includes(answerQuestion(store, 'What songs are in Silver Harbor?').answer, 'Low Tide');
      includes(answerQuestion(store, 'Who sang Low Tide?').answer, 'Mara Quinn');
    });

    it('a person\'s other works in one sentence', () => {
      const r = answerQuestion(store, 'What else has Mara Quinn been in?');
      assert.equal(r.answer, 'Mara Quinn acted in Silver Harbor; executive produced Silver Harbor; performed Low Tide.');
    });

    it('where the music video was shot', () => {
      includes(answerQuestion(store, 'Where was the Low Tide video shot?').answer, 'Pebble Cove');
    });

    it('yes: the actress playing June performs the film songs, and who', () => {
      const r = answerQuestion(store, 'Does June actually sing in Silver Harbor?');
      assert.equal(r.verdict, 'yes');
      includes(r.answer, 'Mara Quinn, who plays June');
      assert.ok(r.answers[0].evidence.length >= 2);
    });

    it('yes: executive producer counts as producer', () => {
      const r = answerQuestion(store, 'Was Mara Quinn a producer?');
      assert.equal(r.verdict, 'yes');
      includes(r.answer, 'executive producer of Silver Harbor');
    });

    it('no evidence is not "no"', () => {
      const r = answerQuestion(store, 'Was Theo Vance a producer?');
      assert.equal(r.verdict, 'no-evidence');
      assert.equal(r.answer, NO_EVIDENCE_ANSWER);
    });

    it('no, from a single-valued fact naming someone else', () => {
      const r = answerQuestion(store, 'Did Theo Vance direct Silver Harbor?');
      assert.equal(r.verdict, 'no');
      includes(r.answer, 'Ana Ruiz');
    });

    it('metrics', () => {
      includes(answerQuestion(store, 'How many hours did it get?').answer, '98.5 million hours');
      includes(answerQuestion(store, 'How long was it in the Top 10?').answer, 'five weeks');
    });

    it('sequel status with its date', () => {
      assert.equal(answerQuestion(store, 'Is there a sequel?').answer, 'As of December 2024, talks are happening; nothing is confirmed.');
    });

    it('quotes with outlet and date', () => {
      const r = answerQuestion(store, 'What did Mara Quinn say about Low Tide?');
      includes(r.answer, 'told Variety');
      includes(r.answer, 'December 20, 2024');
      assert.equal(r.answers[0].qualifiers?.outlet, 'Variety');
    });

    it('unknown entity', () => {
      const r = answerQuestion(store, 'Who directed Titanic?');
      assert.equal(r.answer, null);
      assert.equal(r.noAnswer, 'unknown-entity');
    });

    it('known entity without supporting facts', () => {
      const r = answerQuestion(store, 'Who composed the score for Silver Harbor?');
      assert.equal(r.answer, null);
      assert.equal(r.noAnswer, 'no-supporting-claims');
    });

    it('retrieval fallback is marked and capped', () => {
      const r = answerQuestion(store, 'What did Theo Vance think of the shoot?');
      assert.equal(r.answers[0]?.support, 'retrieval', JSON.stringify(r));
      includes(r.answer, 'coldest');
      assert.ok(r.answers[0].confidence < 0.5);
    });

    it('retrieval does not bluff on unrelated questions', () => {
      const r = answerQuestion(store, 'What is the capital of France?');
      assert.equal(r.answer, null);
    });
  });
}
