/** @module Entity resolution, table-driven over hand-built documents, against both stores. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Document } from '../doc/document.js';
import { isEntityRef } from '../model/types.js';
import { openMemoryStore } from '../store/memory/index.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { makeDoc } from '../testing/make-doc.js';
import { resolveDocument } from './index.js';

const STORES: [string, () => Store][] = [
  ['memory', openMemoryStore],
  ['sqlite', () => openSqliteStore(':memory:')],
];

/** Resolves and stores each document in turn; returns the entity id of every mention, per document. */
function ingest(store: Store, docs: Document[]): Map<string, string>[] {
  return docs.map((doc) => {
    const w = resolveDocument(doc, store);
    store.putDocument(w);
    return new Map(w.mentions.map((m) => [`${m.text}@${m.start}`, m.entityId]));
  });
}

/** Entity id of the first mention whose text is `text`, in one document's result. */
const idOf = (m: Map<string, string>, text: string): string => {
  for (const [k, v] of m) if (k.startsWith(`${text}@`)) return v;
  throw new Error(`no mention "${text}"`);
};

interface Case {
  name: string;
  docs: () => Document[];
  check: (ids: Map<string, string>[], store: Store) => void;
}

const CASES: Case[] = [
  {
    name: '"Sofia Carson" then "Carson" in another document: one entity',
    docs: () => [
      makeDoc('Sofia Carson stars in the film.', { mentions: [{ find: 'Sofia Carson', type: 'person' }] }),
      makeDoc('Carson wrote the songs herself.', { mentions: [{ find: 'Carson', type: 'person' }] }),
      makeDoc('Sofia said it was a gift.', { mentions: [{ find: 'Sofia', type: 'person' }] }),
    ],
    check: ([a, b, c], store) => {
      assert.equal(idOf(b, 'Carson'), idOf(a, 'Sofia Carson'));
      assert.equal(idOf(c, 'Sofia'), idOf(a, 'Sofia Carson'));
      const e = store.getEntity(idOf(a, 'Sofia Carson'))!;
      assert.equal(e.name, 'Sofia Carson');
      assert.equal(e.mentionCount, 3);
      assert.equal(e.documentCount, 3);
      assert.deepEqual(store.entityAliases(e.id), ['Carson', 'Sofia', 'Sofia Carson']);
    },
  },
  {
    name: '"Galitzine" first, "Nicholas Galitzine" later: one entity with the full name',
    docs: () => [
      makeDoc('Galitzine plays Luke.', { mentions: [{ find: 'Galitzine', type: 'person' }] }),
      makeDoc('Nicholas Galitzine was cast in August.', { mentions: [{ find: 'Nicholas Galitzine', type: 'person' }] }),
    ],
    check: ([a, b], store) => {
      assert.equal(idOf(b, 'Nicholas Galitzine'), idOf(a, 'Galitzine'));
      assert.equal(store.getEntity(idOf(a, 'Galitzine'))!.name, 'Nicholas Galitzine');
      assert.equal(store.counts().entities, 1);
    },
  },
  {
    name: 'the film, the novel and the song "Purple Hearts" stay three entities',
    docs: () => [
      makeDoc('The film Purple Hearts is based on the novel Purple Hearts. Her song Purple Hearts is out.', {
        mentions: [
          { find: 'Purple Hearts', nth: 0, type: 'work', subtype: 'film' },
          { find: 'Purple Hearts', nth: 1, type: 'work', subtype: 'novel' },
          { find: 'Purple Hearts', nth: 2, type: 'work', subtype: 'song' },
        ],
      }),
      makeDoc('Netflix released Purple Hearts. Tess Wakefield wrote the book Purple Hearts. The single Purple Hearts charted.', {
        mentions: [
          { find: 'Purple Hearts', nth: 0, type: 'work', subtype: 'movie' },
          { find: 'Purple Hearts', nth: 1, type: 'work', subtype: 'book' },
          { find: 'Purple Hearts', nth: 2, type: 'work', subtype: 'single' },
        ],
      }),
    ],
    check: ([a, b], store) => {
      const ids = [...a.values()];
      assert.equal(new Set(ids).size, 3);
      assert.deepEqual([...b.values()], ids, 'movie→film, book→novel, single→song join their own kind');
      assert.equal(store.findEntitiesByAlias('purple hearts').length, 3);
    },
  },
  {
    name: 'a work with no subtype joins the most-mentioned work of that name',
    docs: () => [
      makeDoc('Purple Hearts the film. Purple Hearts again. Purple Hearts, the novel.', {
        mentions: [
          { find: 'Purple Hearts', nth: 0, type: 'work', subtype: 'film' },
          { find: 'Purple Hearts', nth: 1, type: 'work', subtype: 'film' },
          { find: 'Purple Hearts', nth: 2, type: 'work', subtype: 'novel' },
        ],
      }),
      makeDoc('Everyone watched Purple Hearts.', { mentions: [{ find: 'Purple Hearts', type: 'work' }] }),
    ],
    check: ([a, b]) => {
      assert.equal(idOf(b, 'Purple Hearts'), idOf(a, 'Purple Hearts'));
    },
  },
  {
    name: 'a work first seen without a subtype learns it from a later typed mention',
    docs: () => [
      makeDoc('Everyone loved Carry On.', { mentions: [{ find: 'Carry On', type: 'work' }] }),
      makeDoc('The film Carry On opens Friday.', { mentions: [{ find: 'Carry On', type: 'work', subtype: 'film' }] }),
      makeDoc('The song Carry On is unrelated.', { mentions: [{ find: 'Carry On', type: 'work', subtype: 'song' }] }),
    ],
    check: ([a, b, c], store) => {
      assert.equal(idOf(b, 'Carry On'), idOf(a, 'Carry On'));
      assert.equal(store.getEntity(idOf(a, 'Carry On'))!.subtype, 'film');
      assert.notEqual(idOf(c, 'Carry On'), idOf(a, 'Carry On'));
    },
  },
  {
    name: 'a person and a film with the same name never merge',
    docs: () => [
      makeDoc('Selena starred in the film Selena.', {
        mentions: [{ find: 'Selena', nth: 0, type: 'person' }, { find: 'Selena', nth: 1, type: 'work', subtype: 'film' }],
      }),
      makeDoc('Selena is streaming now.', { mentions: [{ find: 'Selena', type: 'work' }] }),
      makeDoc('Selena sang.', { mentions: [{ find: 'Selena', type: 'person' }] }),
    ],
    check: ([a, b, c], store) => {
      const [person, film] = [...a.values()];
      assert.notEqual(person, film);
      assert.equal(store.getEntity(person)!.type, 'person');
      assert.equal(idOf(b, 'Selena'), film);
      assert.equal(idOf(c, 'Selena'), person);
    },
  },
  {
    name: 'an organisation joins by name whatever its subtype; a work of the same name stays apart',
    docs: () => [
      makeDoc('Netflix streams it.', { mentions: [{ find: 'Netflix', type: 'organization', subtype: 'streaming_service' }] }),
      makeDoc("Netflix's stock rose.", { mentions: [{ find: "Netflix's", type: 'organization', subtype: 'company', canonical: 'Netflix' }] }),
      makeDoc('Netflix, the documentary, is out.', { mentions: [{ find: 'Netflix', type: 'work', subtype: 'documentary' }] }),
    ],
    check: ([a, b, c], store) => {
      assert.equal(idOf(b, "Netflix's"), idOf(a, 'Netflix'));
      assert.notEqual(idOf(c, 'Netflix'), idOf(a, 'Netflix'));
      assert.deepEqual(store.entityAliases(idOf(a, 'Netflix')), ['Netflix'], 'possessive is not kept in the alias');
    },
  },
  {
    name: 'a one-word name that fits two persons stays separate (ambiguous), and later joins that separate entity',
    docs: () => [
      makeDoc('Sofia Carson sang.', { mentions: [{ find: 'Sofia Carson', type: 'person' }] }),
      makeDoc('Johnny Carson hosted.', { mentions: [{ find: 'Johnny Carson', type: 'person' }] }),
      makeDoc('Carson was there.', { mentions: [{ find: 'Carson', type: 'person' }] }),
      makeDoc('Carson came back.', { mentions: [{ find: 'Carson', type: 'person' }] }),
    ],
    check: ([a, b, c, d], store) => {
      const carson = idOf(c, 'Carson');
      assert.notEqual(carson, idOf(a, 'Sofia Carson'));
      assert.notEqual(carson, idOf(b, 'Johnny Carson'));
      assert.equal(idOf(d, 'Carson'), carson);
      const docId = store.listDocuments()[2].id;
      const r = store.documentResolutions(docId)[0];
      assert.equal(r.method, 'ambiguous');
      assert.ok(r.candidates.length >= 2);
      assert.match(r.reasons.join(' '), /kept separate/);
    },
  },
  {
    name: 'inside one document, "Carson" joins the "Sofia Carson" named there even when others exist',
    docs: () => [
      makeDoc('Johnny Carson hosted.', { mentions: [{ find: 'Johnny Carson', type: 'person' }] }),
      makeDoc('Sofia Carson sang. Carson wrote it.', {
        mentions: [{ find: 'Sofia Carson', type: 'person' }, { find: 'Carson', nth: 1, type: 'person' }],
      }),
    ],
    check: ([, b]) => {
      assert.equal(idOf(b, 'Carson'), idOf(b, 'Sofia Carson'));
    },
  },
  {
    name: 'pronouns and descriptions resolve through their canonical name but are never aliases',
    docs: () => [
      makeDoc('Sofia Carson sang. She wrote it. The actress smiled. It was good.', {
        mentions: [
          { find: 'Sofia Carson', type: 'person' },
          { find: 'She', type: 'person', canonical: 'Sofia Carson' },
          { find: 'The actress', type: 'person', canonical: 'Sofia Carson' },
          { find: 'It', type: 'work' },
        ],
      }),
    ],
    check: ([a], store) => {
      assert.equal(idOf(a, 'She'), idOf(a, 'Sofia Carson'));
      assert.equal(idOf(a, 'The actress'), idOf(a, 'Sofia Carson'));
      assert.throws(() => idOf(a, 'It'), /no mention/, 'an unresolved pronoun is not an entity');
      assert.deepEqual(store.entityAliases(idOf(a, 'Sofia Carson')), ['Sofia Carson']);
      assert.equal(store.counts().entities, 1);
    },
  },
];

for (const [storeName, open] of STORES) {
  describe(`resolveDocument (${storeName} store)`, () => {
    for (const c of CASES) {
      it(c.name, () => {
        const store = open();
        try {
          c.check(ingest(store, c.docs()), store);
        } finally {
          store.close();
        }
      });
    }

    it('turns claims into entity claims with stable ids and exact spans', () => {
      const store = open();
      const text = 'Netflix\'s Purple Hearts stars Sofia Carson as Cassie. It premiered on July 29, 2022. Tess Wakefield wrote the novel.';
      const doc = makeDoc(text, {
        meta: { title: 'Purple Hearts', date: '2022-07-30', source: 'Test' },
        mentions: [
          { find: 'Purple Hearts', type: 'work', subtype: 'film' },
          { find: 'Sofia Carson', type: 'person' },
          { find: 'Tess Wakefield', type: 'person' },
        ],
        claims: [
          { predicate: 'cast_member', subject: 0, object: 1, qualifiers: { character: 'Cassie' }, span: [10, 52] },
          { predicate: 'publication_date', subject: 0, object: { value: '2022-07-29', datatype: 'date' }, span: [54, 83] },
          // An argument without a mention id resolves by name.
          { predicate: 'author', subject: { name: 'Purple Hearts', type: 'work', subtype: 'novel' }, object: 2, span: [85, 113] },
        ],
      });
      const w1 = resolveDocument(doc, store);
      const w2 = resolveDocument(doc, store);
      assert.deepEqual(w2, w1, 'resolving twice gives the same write');
      assert.equal(w1.claims.length, 3);
      assert.ok(w1.claims.every((c) => /^clm_[0-9a-f]{16}$/.test(c.id)));
      assert.ok(w1.newEntities.every((e) => /^ent_[0-9a-f]{16}$/.test(e.id)));
      assert.equal(w1.newEntities.length, 4, 'film, novel, Sofia Carson, Tess Wakefield');
      assert.equal(store.putDocument(w1), true);
      const claims = store.claims({ docId: doc.id });
      const cast = claims.find((c) => c.predicate === 'cast_member')!;
      assert.equal(cast.evidence[0].quote, 'Purple Hearts stars Sofia Carson as Cassie');
      assert.equal(cast.evidence[0].quote, text.slice(cast.evidence[0].start, cast.evidence[0].end));
      assert.ok(isEntityRef(cast.object) && cast.object.name === 'Sofia Carson');
      assert.deepEqual(cast.qualifiers, { character: 'Cassie' });
      const author = claims.find((c) => c.predicate === 'author')!;
      assert.ok(isEntityRef(author.subject) && author.subject.subtype === 'novel');
      assert.notEqual(author.subject.id, cast.subject.id);
      // Resolving again after storing finds the stored entities: same ids, nothing new.
      const w3 = resolveDocument(doc, store);
      assert.deepEqual(w3.newEntities, []);
      assert.deepEqual(w3.claims.map((c) => c.id), w1.claims.map((c) => c.id));
      assert.deepEqual(w3.mentions, w1.mentions);
      assert.equal(store.putDocument(w3), false);
      store.close();
    });

    it('records a decision for every name, with method, score and reasons', () => {
      const store = open();
      ingest(store, [makeDoc('Sofia Carson sang.', { mentions: [{ find: 'Sofia Carson', type: 'person' }] })]);
      const w = resolveDocument(
        makeDoc('Carson and Tess Wakefield.', { mentions: [{ find: 'Carson', type: 'person' }, { find: 'Tess Wakefield', type: 'person' }] }),
        store,
      );
      assert.deepEqual(
        w.resolutions!.map((r) => [r.name, r.method, r.mentionIds]),
        [['Carson', 'alias-token', ['m0']], ['Tess Wakefield', 'new', ['m1']]],
      );
      assert.ok(w.resolutions!.every((r) => r.score > 0 && r.score <= 1 && r.reasons.length > 0));
      store.close();
    });

    it('uses index lookups only (no scans over entities, documents or claims)', () => {
      const inner = open();
      ingest(inner, [makeDoc('Sofia Carson sang.', { mentions: [{ find: 'Sofia Carson', type: 'person' }] })]);
      const allowed = new Set(['findEntitiesByAlias', 'findEntitiesByToken', 'getEntity', 'kind']);
      const called = new Set<string>();
      const spy = new Proxy(inner, {
        get(target, prop, receiver) {
          const v = Reflect.get(target, prop, receiver) as unknown;
          if (typeof prop === 'string') called.add(prop);
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
      resolveDocument(
        makeDoc('Carson, Galitzine and Purple Hearts.', {
          mentions: [{ find: 'Carson', type: 'person' }, { find: 'Galitzine', type: 'person' }, { find: 'Purple Hearts', type: 'work' }],
        }),
        spy,
      );
      for (const c of called) assert.ok(allowed.has(c), `resolver called store.${c}`);
      inner.close();
    });
  });
}
