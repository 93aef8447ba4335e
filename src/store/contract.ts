/**
 * @module The Store contract: one test suite that every Store implementation must pass
 * (run by store/sqlite/sqlite.test.ts and store/memory/memory.test.ts). Inputs are hand-built
 * DocumentWrite objects; no NLP is involved.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { hashText } from '../doc/document.js';
import { claimId, claimObjectKey } from '../model/ids.js';
import { isEntityRef, type EntityType, type Literal } from '../model/types.js';
import { aliasKey } from '../resolve/normalize.js';
import type { DocumentWrite, NewClaim, NewEntity, Store } from './store.js';

export interface StoreContractOptions {
  name: string;
  /** A new, empty store. */
  open: () => Store;
  /** For persistent stores: open the store kept at `path` (created when missing). */
  openAt?: (path: string) => Store;
}

// ------------------------------------------------------------------------------------- fixtures

const ENT = {
  sofia: { id: 'ent_sofia', name: 'Sofia Carson', type: 'person', subtype: null },
  nick: { id: 'ent_nick', name: 'Nicholas Galitzine', type: 'person', subtype: null },
  liz: { id: 'ent_liz', name: 'Elizabeth Allen Rosenbaum', type: 'person', subtype: null },
  film: { id: 'ent_film', name: 'Purple Hearts', type: 'work', subtype: 'film' },
  novel: { id: 'ent_novel', name: 'Purple Hearts', type: 'work', subtype: 'novel' },
  song: { id: 'ent_song', name: 'Come Back Home', type: 'work', subtype: 'song' },
  netflix: { id: 'ent_netflix', name: 'Netflix', type: 'organization', subtype: 'streaming_service' },
  carson2: { id: 'ent_carson2', name: 'Carson', type: 'person', subtype: null },
} satisfies Record<string, NewEntity & { type: EntityType }>;

interface ClaimSpec {
  predicate: string;
  subject: string;
  object: string | Literal;
  /** The evidence: the first occurrence of this string in the text. */
  quote: string;
  qualifiers?: Record<string, string>;
}

interface WriteSpec {
  text: string;
  title?: string;
  date?: string | null;
  rawHash?: string | null;
  duplicateOf?: string | null;
  newEntities?: NewEntity[];
  /** [surface to find (first occurrence after the previous find of the same string), entity id] */
  mentions?: [string, string][];
  aliases?: [string, string][];
  claims?: ClaimSpec[];
  minhash?: number[];
  bands?: string[];
}

/** Sentence spans split at ". " — enough for the fixtures. */
function sentencesOf(text: string): { index: number; start: number; end: number }[] {
  const out: { index: number; start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if ((text[i] === '.' || text[i] === '!' || text[i] === '?') && (i + 1 === text.length || text[i + 1] === ' ')) {
      out.push({ index: out.length, start, end: i + 1 });
      start = i + 2;
    }
  }
  if (start < text.length) out.push({ index: out.length, start, end: text.length });
  return out;
}

export function buildWrite(spec: WriteSpec): DocumentWrite {
  const textHash = hashText(spec.text);
  const id = `doc_${textHash.slice(0, 16)}`;
  const sentences = sentencesOf(spec.text);
  const from = new Map<string, number>();
  const mentions = (spec.mentions ?? []).map(([surface, entityId]) => {
    const start = spec.text.indexOf(surface, from.get(surface) ?? 0);
    assert.ok(start >= 0, `fixture: "${surface}" not in text`);
    from.set(surface, start + 1);
    return { start, end: start + surface.length, text: surface, entityId };
  });
  const claims: NewClaim[] = (spec.claims ?? []).map((c) => {
    const start = spec.text.indexOf(c.quote);
    assert.ok(start >= 0, `fixture: quote "${c.quote}" not in text`);
    const end = start + c.quote.length;
    const sentence = sentences.find((s) => start >= s.start && start < s.end)!;
    const objectId = typeof c.object === 'string' ? c.object : null;
    const object = typeof c.object === 'string' ? null : c.object;
    return {
      id: claimId(c.predicate, c.subject, claimObjectKey(objectId, object), id, start, end),
      predicate: c.predicate,
      subjectId: c.subject,
      objectId,
      object,
      qualifiers: c.qualifiers ?? {},
      modality: 'asserted',
      confidence: 0.9,
      start,
      end,
      sentenceStart: sentence.start,
      sentenceEnd: sentence.end,
      extractor: 'claims.test.v1',
    };
  });
  return {
    document: {
      id,
      textHash,
      rawHash: spec.rawHash ?? null,
      title: spec.title ?? spec.text.slice(0, 30),
      source: 'Test Outlet',
      url: null,
      date: spec.date === undefined ? null : spec.date,
      dateSource: spec.date ? 'header' : null,
      author: null,
      language: 'en',
      path: null,
      text: spec.text,
      duplicateOf: spec.duplicateOf ?? null,
    },
    sentences,
    newEntities: spec.newEntities ?? [],
    aliases: (spec.aliases ?? []).map(([alias, entityId]) => ({ entityId, alias })),
    mentions,
    claims,
    ...(spec.minhash ? { minhash: spec.minhash } : {}),
    ...(spec.bands ? { bands: spec.bands } : {}),
  };
}

/** Three articles: the film, its cast, its director, its source novel and a song. */
export function fixtureWrites(): DocumentWrite[] {
  const a = buildWrite({
    // The emoji before the claims makes UTF-16 offsets differ from code-point offsets.
    text: 'Love 💜 story. Netflix\'s Purple Hearts stars Sofia Carson as Cassie and Nicholas Galitzine as Luke. The film premiered on July 29, 2022.',
    title: 'Purple Hearts review',
    date: '2022-07-30',
    rawHash: 'raw-a',
    newEntities: [ENT.sofia, ENT.nick, ENT.film, ENT.netflix],
    mentions: [['Netflix', 'ent_netflix'], ['Purple Hearts', 'ent_film'], ['Sofia Carson', 'ent_sofia'], ['Nicholas Galitzine', 'ent_nick']],
    aliases: [['Sofia Carson', 'ent_sofia'], ['Galitzine', 'ent_nick']],
    claims: [
      { predicate: 'cast_member', subject: 'ent_film', object: 'ent_sofia', quote: 'Purple Hearts stars Sofia Carson as Cassie', qualifiers: { character: 'Cassie' } },
      { predicate: 'cast_member', subject: 'ent_film', object: 'ent_nick', quote: 'Nicholas Galitzine as Luke', qualifiers: { character: 'Luke' } },
      { predicate: 'publication_date', subject: 'ent_film', object: { value: '2022-07-29', datatype: 'date' }, quote: 'premiered on July 29, 2022' },
      { predicate: 'distributed_by', subject: 'ent_film', object: 'ent_netflix', quote: "Netflix's Purple Hearts" },
    ],
    minhash: [1, 2, 3, 4],
    bands: ['b0:aa', 'b1:bb'],
  });
  const b = buildWrite({
    text: 'Elizabeth Allen Rosenbaum directed Purple Hearts. The film is based on the novel Purple Hearts by Tess Wakefield. Carson wrote the songs.',
    title: 'Behind Purple Hearts',
    date: '2021-10-15',
    rawHash: 'raw-b',
    newEntities: [ENT.liz, ENT.novel],
    mentions: [['Elizabeth Allen Rosenbaum', 'ent_liz'], ['Purple Hearts', 'ent_film'], ['Purple Hearts', 'ent_novel'], ['Carson', 'ent_sofia']],
    aliases: [['Carson', 'ent_sofia'], ['Liz Allen', 'ent_liz']],
    claims: [
      { predicate: 'director', subject: 'ent_film', object: 'ent_liz', quote: 'Elizabeth Allen Rosenbaum directed Purple Hearts' },
      { predicate: 'based_on', subject: 'ent_film', object: 'ent_novel', quote: 'based on the novel Purple Hearts' },
    ],
    minhash: [9, 9, 9, 9],
    bands: ['b0:cc'],
  });
  const c = buildWrite({
    text: 'Sofia Carson released Come Back Home. The song plays in Purple Hearts. Galitzine praised the song.',
    title: 'Come Back Home',
    date: null,
    newEntities: [ENT.song],
    mentions: [['Sofia Carson', 'ent_sofia'], ['Come Back Home', 'ent_song'], ['Purple Hearts', 'ent_film'], ['Galitzine', 'ent_nick']],
    claims: [
      { predicate: 'performer', subject: 'ent_song', object: 'ent_sofia', quote: 'Sofia Carson released Come Back Home' },
      { predicate: 'featured_in', subject: 'ent_song', object: 'ent_film', quote: 'The song plays in Purple Hearts' },
    ],
  });
  return [a, b, c];
}

function loaded(open: () => Store): Store {
  const s = open();
  for (const w of fixtureWrites()) assert.equal(s.putDocument(w), true);
  return s;
}

// ---------------------------------------------------------------------------------------- suite

/** Registers the contract suite for one Store implementation. */
export function runStoreContract(opts: StoreContractOptions): void {
  const { open } = opts;
  describe(`Store contract: ${opts.name}`, () => {
    it('writes a document once: the same text again is a no-op', () => {
      const s = open();
      const [a] = fixtureWrites();
      assert.equal(s.hasDocument(a.document.textHash), false);
      assert.equal(s.putDocument(a), true);
      const before = s.counts();
      assert.equal(s.putDocument(a), false);
      assert.equal(s.putDocument(fixtureWrites()[0]), false);
      assert.deepEqual(s.counts(), before);
      assert.deepEqual(before, { documents: 1, entities: 4, claims: 4, mentions: 4 });
      assert.equal(s.hasDocument(a.document.textHash), true);
      assert.equal(s.hasRawHash('raw-a'), true);
      assert.equal(s.hasRawHash('raw-zzz'), false);
      const d = s.getDocument(a.document.id)!;
      assert.equal(d.text, a.document.text);
      assert.equal(d.title, 'Purple Hearts review');
      assert.equal(d.date, '2022-07-30');
      assert.equal(d.dateSource, 'header');
      assert.equal(d.duplicateOf, null);
      assert.match(d.addedAt, /^\d{4}-\d\d-\d\dT/);
      assert.equal(s.getDocument('doc_missing'), null);
      s.close();
    });

    it('rolls a transaction back when it throws, nested calls included', () => {
      const s = open();
      const [a, b] = fixtureWrites();
      assert.throws(() =>
        s.transaction(() => {
          s.putDocument(a);
          throw new Error('boom');
        }),
      /boom/);
      assert.deepEqual(s.counts(), { documents: 0, entities: 0, claims: 0, mentions: 0 });
      assert.equal(s.hasDocument(a.document.textHash), false);
      assert.equal(s.findEntitiesByAlias('sofia carson').length, 0);
      // An inner failure caught by the outer function does not undo the outer writes.
      s.transaction(() => {
        s.putDocument(a);
        assert.throws(() => s.transaction(() => { s.putDocument(b); throw new Error('inner'); }), /inner/);
      });
      assert.equal(s.counts().documents, 1);
      assert.equal(s.hasDocument(b.document.textHash), false);
      assert.equal(s.transaction(() => 42), 42);
      s.close();
    });

    it('writes nothing of a malformed document', () => {
      const s = open();
      const [a] = fixtureWrites();
      const bad: DocumentWrite = { ...a, claims: [...a.claims, { ...a.claims[0], id: 'clm_bad', subjectId: 'ent_nobody' }] };
      assert.throws(() => s.putDocument(bad), /E302/);
      const outOfRange: DocumentWrite = { ...a, mentions: [{ start: 0, end: a.document.text.length + 5, text: 'x', entityId: 'ent_sofia' }] };
      assert.throws(() => s.putDocument(outOfRange), /E302/);
      assert.deepEqual(s.counts(), { documents: 0, entities: 0, claims: 0, mentions: 0 });
      assert.equal(s.putDocument(a), true);
      s.close();
    });

    it('returns claims whose quote is exactly the stored text span', () => {
      const s = loaded(open);
      const all = s.claims({});
      assert.equal(all.length, 8);
      for (const c of all) {
        const ev = c.evidence[0];
        const doc = s.getDocument(ev.document.id)!;
        assert.equal(ev.quote, doc.text.slice(ev.start, ev.end));
        assert.ok(ev.sentence.includes(ev.quote), `sentence contains quote for ${c.id}`);
        assert.equal(ev.sentence, doc.text.slice(ev.sentenceStart!, ev.sentenceStart! + ev.sentence.length));
        assert.deepEqual(ev.document, { id: doc.id, title: doc.title, source: doc.source, url: doc.url, date: doc.date });
      }
      const cassie = all.find((c) => c.qualifiers.character === 'Cassie')!;
      assert.equal(cassie.evidence[0].quote, 'Purple Hearts stars Sofia Carson as Cassie');
      assert.equal(cassie.predicate, 'cast_member');
      assert.equal(cassie.wikidata, 'P161');
      assert.deepEqual(cassie.subject, { id: 'ent_film', name: 'Purple Hearts', type: 'work', subtype: 'film' });
      assert.deepEqual(cassie.object, { id: 'ent_sofia', name: 'Sofia Carson', type: 'person', subtype: null });
      assert.equal(cassie.modality, 'asserted');
      assert.equal(cassie.confidence, 0.9);
      const date = all.find((c) => c.predicate === 'publication_date')!;
      assert.deepEqual(date.object, { value: '2022-07-29', datatype: 'date' });
      assert.equal(date.wikidata, 'P577');
      const featured = all.find((c) => c.predicate === 'featured_in')!;
      assert.equal('wikidata' in featured, false);
      assert.deepEqual(s.getClaim(cassie.id), cassie);
      assert.equal(s.getClaim('clm_missing'), null);
      s.close();
    });

    if (opts.openAt) {
      const openAt = opts.openAt;
      it('keeps provenance exact after closing and reopening the file', () => {
        const dir = mkdtempSync(join(tmpdir(), 'marquee-store-'));
        try {
          const path = join(dir, 'kb.db');
          const s1 = openAt(path);
          for (const w of fixtureWrites()) s1.putDocument(w);
          const before = s1.claims({});
          s1.close();
          const s2 = openAt(path);
          const after = s2.claims({});
          assert.deepEqual(after, before);
          for (const c of after) {
            const doc = s2.getDocument(c.evidence[0].document.id)!;
            assert.equal(c.evidence[0].quote, doc.text.slice(c.evidence[0].start, c.evidence[0].end));
          }
          assert.equal(s2.putDocument(fixtureWrites()[0]), false);
          assert.deepEqual(s2.counts(), { documents: 3, entities: 7, claims: 8, mentions: 12 });
          s2.close();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    }

    it('keeps documents, sentences, mentions and resolutions as written', () => {
      const s = open();
      const [a] = fixtureWrites();
      const resolutions = [
        { mentionIds: ['m0'], name: 'Netflix', key: 'netflix', type: 'organization' as const, subtype: null, entityId: 'ent_netflix', method: 'new' as const, score: 1, candidates: [], reasons: ['no organization named "netflix" yet'] },
      ];
      s.putDocument({ ...a, resolutions });
      assert.deepEqual(s.documentSentences(a.document.id), a.sentences);
      assert.deepEqual(
        s.documentMentions(a.document.id),
        [...a.mentions].sort((x, y) => x.start - y.start).map((m) => ({ docId: a.document.id, ...m })),
      );
      assert.deepEqual(s.documentResolutions(a.document.id), resolutions);
      assert.deepEqual(s.documentResolutions('doc_missing'), []);
      assert.deepEqual(s.documentSentences('doc_missing'), []);
      s.close();
    });

    it('lists documents in insertion order with paging', () => {
      const s = loaded(open);
      const ids = fixtureWrites().map((w) => w.document.id);
      assert.deepEqual(s.listDocuments().map((d) => d.id), ids);
      assert.deepEqual(s.listDocuments({ limit: 1, offset: 1 }).map((d) => d.id), [ids[1]]);
      assert.deepEqual(s.listDocuments({ offset: 2 }).map((d) => d.id), [ids[2]]);
      s.close();
    });

    it('finds entities by exact alias key and by name token', () => {
      const s = loaded(open);
      assert.deepEqual(s.findEntitiesByAlias(aliasKey('Sofia Carson')).map((e) => e.id), ['ent_sofia']);
      assert.deepEqual(s.findEntitiesByAlias(aliasKey('SOFIA CARSON’s')).map((e) => e.id), ['ent_sofia']);
      assert.deepEqual(s.findEntitiesByAlias('carson').map((e) => e.id), ['ent_sofia']);
      // The film (3 mentions) before the novel (1 mention): most mentioned first.
      assert.deepEqual(s.findEntitiesByAlias(aliasKey('The Purple Hearts')).map((e) => e.id), ['ent_film', 'ent_novel']);
      assert.deepEqual(s.findEntitiesByAlias('liz allen').map((e) => e.id), ['ent_liz']);
      assert.deepEqual(s.findEntitiesByAlias('nobody'), []);
      assert.deepEqual(s.findEntitiesByToken('galitzine').map((e) => e.id), ['ent_nick']);
      assert.deepEqual(s.findEntitiesByToken('rosenbaum', 'person').map((e) => e.id), ['ent_liz']);
      assert.deepEqual(s.findEntitiesByToken('rosenbaum', 'work'), []);
      assert.deepEqual(s.findEntitiesByToken('hearts').map((e) => e.id), ['ent_film', 'ent_novel']);
      assert.deepEqual(s.entityAliases('ent_sofia'), ['Carson', 'Sofia Carson']);
      assert.deepEqual(s.entityAliases('ent_nick'), ['Galitzine', 'Nicholas Galitzine']);
      const e = s.getEntity('ent_sofia')!;
      assert.deepEqual(e, { id: 'ent_sofia', name: 'Sofia Carson', type: 'person', subtype: null, mentionCount: 3, documentCount: 3 });
      assert.equal(s.getEntity('ent_missing'), null);
      s.close();
    });

    it('counts mentions and documents per entity', () => {
      const s = loaded(open);
      const count = (id: string) => {
        const e = s.getEntity(id)!;
        return [e.mentionCount, e.documentCount];
      };
      assert.deepEqual(count('ent_film'), [3, 3]);
      assert.deepEqual(count('ent_nick'), [2, 2]);
      assert.deepEqual(count('ent_novel'), [1, 1]);
      assert.deepEqual(count('ent_netflix'), [1, 1]);
      assert.deepEqual(s.counts(), { documents: 3, entities: 7, claims: 8, mentions: 12 });
      s.close();
    });

    it('answers typeahead by name or word prefix, most mentioned first', () => {
      const s = loaded(open);
      assert.deepEqual(s.searchEntities('sof', 10).map((e) => e.id), ['ent_sofia']);
      assert.deepEqual(s.searchEntities('Galitz', 10).map((e) => e.id), ['ent_nick']);
      assert.deepEqual(s.searchEntities('purple', 10).map((e) => e.id), ['ent_film', 'ent_novel']);
      assert.deepEqual(s.searchEntities('purple', 1).map((e) => e.id), ['ent_film']);
      assert.deepEqual(s.searchEntities('home', 10).map((e) => e.id), ['ent_song']);
      assert.deepEqual(s.searchEntities('"; DROP TABLE entities; --', 10), []);
      assert.equal(s.searchEntities('', 3).length, 3);
      assert.equal(s.searchEntities('', 3)[0].id, 'ent_film');
      s.close();
    });

    it('filters claims by predicate, entity, document, and pages them in a stable order', () => {
      const s = loaded(open);
      const [a, b, c] = fixtureWrites().map((w) => w.document.id);
      const all = s.claims({});
      // Ordered by document date (oldest first, undated last), then offset.
      assert.deepEqual([...new Set(all.map((x) => x.evidence[0].document.id))], [b, a, c]);
      const inA = all.filter((x) => x.evidence[0].document.id === a).map((x) => x.evidence[0].start);
      assert.deepEqual(inA, [...inA].sort((x, y) => x - y));
      assert.equal(s.claims({ predicate: 'cast_member' }).length, 2);
      assert.equal(s.claims({ predicate: ['cast_member', 'director'] }).length, 3);
      assert.equal(s.claims({ predicate: [] }).length, 0);
      assert.equal(s.claims({ subjectId: 'ent_film' }).length, 6);
      assert.deepEqual(s.claims({ objectId: 'ent_sofia' }).map((x) => x.predicate).sort(), ['cast_member', 'performer']);
      // entityId: as subject or object.
      assert.deepEqual(s.claims({ entityId: 'ent_song' }).map((x) => x.predicate).sort(), ['featured_in', 'performer']);
      assert.equal(s.claims({ entityId: 'ent_film' }).length, 7);
      assert.equal(s.claims({ entityId: 'ent_film', predicate: 'featured_in' }).length, 1);
      assert.equal(s.claims({ docId: b }).length, 2);
      assert.equal(s.countClaims({}), 8);
      assert.equal(s.countClaims({ entityId: 'ent_film' }), 7);
      assert.equal(s.countClaims({ predicate: 'cast_member', objectId: 'ent_nick' }), 1);
      const pages = [0, 3, 6].flatMap((offset) => s.claims({ limit: 3, offset }));
      assert.deepEqual(pages.map((x) => x.id), all.map((x) => x.id));
      assert.deepEqual(s.claims({ limit: 0 }), []);
      s.close();
    });

    it('ranks search hits sensibly and never treats user text as query syntax', () => {
      const s = loaded(open);
      const hits = s.searchSentences('Who stars as Cassie in Purple Hearts?', 5);
      assert.ok(hits.length > 0);
      assert.match(hits[0].text, /Cassie/);
      for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].score >= hits[i].score, 'scores descend');
      const doc = s.getDocument(hits[0].docId)!;
      assert.equal(doc.text.slice(hits[0].start, hits[0].end), hits[0].text);
      // Both rare words beat one of them.
      const two = s.searchSentences('Rosenbaum directed', 5);
      assert.match(two[0].text, /Rosenbaum directed/);
      assert.deepEqual(s.searchSentences('   ', 5), []);
      assert.deepEqual(s.searchSentences('zzzqqq', 5), []);
      for (const nasty of ['"unbalanced', 'a AND OR NOT', 'NEAR(x y)', 'col:value', '*', '-x +y ^z', "'; DROP TABLE sentences; --", '(((']) {
        assert.doesNotThrow(() => s.searchSentences(nasty, 5), nasty);
      }
      // Fallback: no whole word matches, a prefix does.
      assert.match(s.searchSentences('galitz', 5)[0]?.text ?? '', /Galitzine/);
      assert.equal(s.searchSentences('Cassie', 0).length, 0);
      assert.equal(s.searchSentences('Purple Hearts', 2).length, 2);
      s.close();
    });

    it('leaves near-duplicate copies out of search and band lookups', () => {
      const s = loaded(open);
      const [a] = fixtureWrites();
      const copy = buildWrite({
        text: a.document.text + ' Copied.',
        duplicateOf: a.document.id,
        minhash: [1, 2, 3, 5],
        bands: ['b0:aa'],
      });
      assert.equal(s.putDocument(copy), true);
      assert.equal(s.getDocument(copy.document.id)!.duplicateOf, a.document.id);
      const hits = s.searchSentences('Galitzine Luke', 10);
      assert.ok(hits.every((h) => h.docId !== copy.document.id));
      assert.deepEqual(s.findByBands(['b0:aa', 'b9:none']), [{ id: a.document.id, minhash: [1, 2, 3, 4] }]);
      assert.deepEqual(s.findByBands(['b0:cc']).map((x) => x.id), [fixtureWrites()[1].document.id]);
      assert.deepEqual(s.findByBands([]), []);
      s.close();
    });

    it('lists an entity\'s documents newest first', () => {
      const s = loaded(open);
      const [a, b, c] = fixtureWrites().map((w) => w.document.id);
      assert.deepEqual(s.entityDocuments('ent_film').map((d) => d.id), [a, b, c]);
      assert.deepEqual(s.entityDocuments('ent_film', 1).map((d) => d.id), [a]);
      assert.deepEqual(s.entityDocuments('ent_novel').map((d) => d.id), [b]);
      s.close();
    });

    it('merges entities: mentions, aliases and claims move, counts are recomputed', () => {
      const s = loaded(open);
      // A second "Carson" entity, as an ambiguous resolution would have left it.
      const d = buildWrite({
        text: 'Carson sang at the Grammy Museum.',
        date: '2022-08-20',
        newEntities: [ENT.carson2],
        mentions: [['Carson', 'ent_carson2']],
        aliases: [['Carson', 'ent_carson2']],
        claims: [{ predicate: 'said', subject: 'ent_carson2', object: { value: 'We sang it together', datatype: 'string' }, quote: 'Carson sang' }],
      });
      s.putDocument({
        ...d,
        resolutions: [
          { mentionIds: ['m0'], name: 'Carson', key: 'carson', type: 'person', subtype: null, entityId: 'ent_carson2', method: 'ambiguous', score: 0.5, candidates: ['ent_sofia', 'ent_carson2'], reasons: ['kept separate'] },
        ],
      });
      assert.equal(s.findEntitiesByAlias('carson').length, 2);
      s.mergeEntities('ent_sofia', 'ent_carson2');
      assert.equal(s.getEntity('ent_carson2'), null);
      assert.deepEqual(s.findEntitiesByAlias('carson').map((e) => e.id), ['ent_sofia']);
      const e = s.getEntity('ent_sofia')!;
      assert.equal(e.mentionCount, 4);
      assert.equal(e.documentCount, 4);
      assert.equal(s.claims({ entityId: 'ent_carson2' }).length, 0);
      const said = s.claims({ predicate: 'said' });
      assert.equal(said.length, 1);
      assert.equal(isEntityRef(said[0].subject) && said[0].subject.id, 'ent_sofia');
      assert.equal(s.claims({ entityId: 'ent_sofia' }).length, 3);
      assert.ok(s.documentMentions(d.document.id).every((m) => m.entityId === 'ent_sofia'));
      assert.deepEqual(s.entityAliases('ent_sofia'), ['Carson', 'Sofia Carson']);
      assert.equal(s.counts().entities, 7);
      const [r] = s.documentResolutions(d.document.id);
      assert.equal(r.entityId, 'ent_sofia');
      assert.deepEqual(r.candidates, ['ent_sofia', 'ent_sofia']);
      // Merging into itself is a no-op; unknown ids are an error.
      s.mergeEntities('ent_sofia', 'ent_sofia');
      assert.throws(() => s.mergeEntities('ent_sofia', 'ent_missing'), /E304/);
      // Merging two entities that both have a mention at the same span keeps one mention there.
      const before = s.counts().mentions;
      s.mergeEntities('ent_film', 'ent_novel');
      assert.equal(s.counts().mentions, before);
      assert.equal(s.getEntity('ent_film')!.mentionCount, 4);
      assert.equal(s.claims({ predicate: 'based_on' })[0].object && (s.claims({ predicate: 'based_on' })[0].object as { id: string }).id, 'ent_film');
      s.close();
    });

    it('renames an entity and keeps the old name as an alias', () => {
      const s = loaded(open);
      s.renameEntity('ent_liz', 'Liz Allen Rosenbaum');
      assert.equal(s.getEntity('ent_liz')!.name, 'Liz Allen Rosenbaum');
      assert.deepEqual(s.findEntitiesByAlias('elizabeth allen rosenbaum').map((e) => e.id), ['ent_liz']);
      assert.deepEqual(s.findEntitiesByAlias('liz allen rosenbaum').map((e) => e.id), ['ent_liz']);
      const director = s.claims({ predicate: 'director' })[0];
      assert.equal((director.object as { name: string }).name, 'Liz Allen Rosenbaum');
      assert.throws(() => s.renameEntity('ent_missing', 'X'), /E304/);
      s.close();
    });

    it('applies entity updates written with a document', () => {
      const s = loaded(open);
      const w = buildWrite({
        text: 'Sofia Carson and Tess Wakefield spoke.',
        mentions: [['Sofia Carson', 'ent_sofia']],
      });
      s.putDocument({ ...w, entityUpdates: [{ id: 'ent_song', subtype: 'single' }, { id: 'ent_nick', name: 'Nick Galitzine' }] });
      assert.equal(s.getEntity('ent_song')!.subtype, 'single');
      assert.equal(s.getEntity('ent_nick')!.name, 'Nick Galitzine');
      assert.deepEqual(s.findEntitiesByAlias('nick galitzine').map((e) => e.id), ['ent_nick']);
      s.close();
    });
  });
}
