/**
 * An undone assertion must leave no trace a reader can reach: its note document (the synthetic
 * article holding the curator's note) drops out of full-text search, ask, entity pages, document
 * views, entity lookups and exports, while the audit log and the raw tables keep everything.
 * Runs through a real Engine over a real SQLite file.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type Engine } from '../engine/engine.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { openMemoryStore } from '../store/memory/index.js';
import { exportKnowledgeBase } from '../export/index.js';
import { aliasKey } from '../resolve/normalize.js';
import { buildTestKb, KB_ENTITIES } from './make-kb.js';
import { openCorrections, rawStore, withCorrections, type CorrectionRecord } from './corrections.js';

const AT = '2026-03-04T05:06:07.000Z';
/** Words found nowhere in the test articles, so a search hit can only come from the note. */
const NOTE = 'Studio call sheet from Vellichor Pictures names Quillon Marvebrook as director of Glasswing Harbour.';
const NOTE2 = 'Vellichor Pictures distribution memo: the Purple Hearts score is by its director.';

const dir = mkdtempSync(join(tmpdir(), 'marquee-undo-assert-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const noteDocId = (r: CorrectionRecord): string => (r.op.op === 'assert' ? r.op.documentId : '');
const noteClaimId = (r: CorrectionRecord): string => (r.op.op === 'assert' ? r.op.claimId : '');

describe('undoing an assertion through the Engine (SQLite file)', () => {
  let engine: Engine;
  let rec: CorrectionRecord;
  let rec2: CorrectionRecord;
  let quillonId: string;
  let harbourId: string;
  const countsBefore = new Map<string, string>();

  before(() => {
    engine = createEngine({ db: join(dir, 'kb.db') });
    buildTestKb(rawStore(engine.store));
    for (const id of [KB_ENTITIES.film.id, KB_ENTITIES.liz.id]) countsBefore.set(id, JSON.stringify(engine.store.getEntity(id)));
    // A fact about two entities the articles never mention (both created by the assertion) …
    rec = engine.correct({ op: 'assert', subject: 'Glasswing Harbour', subjectType: 'work', predicate: 'director', object: 'Quillon Marvebrook', objectType: 'person', note: NOTE }, 'curator');
    // … and one about an entity the articles know (its page lists the note document).
    rec2 = engine.correct({ op: 'assert', subject: KB_ENTITIES.film.id, predicate: 'composer', object: KB_ENTITIES.liz.id, note: NOTE2 }, 'curator');
    quillonId = engine.findEntity('Quillon Marvebrook')[0]?.id ?? '';
    harbourId = engine.findEntity('Glasswing Harbour')[0]?.id ?? '';
  });
  after(() => engine.close());

  it('before undo: the note is searchable, cited by ask and listed on entity pages', () => {
    assert.ok(quillonId && harbourId, 'the assertion created both entities');
    assert.ok(engine.search('Marvebrook').some((h) => h.document.id === noteDocId(rec)));
    const answer = engine.ask('Who directed Glasswing Harbour?');
    assert.match(JSON.stringify(answer), /Quillon Marvebrook/);
    assert.ok(JSON.stringify(answer).includes(noteDocId(rec)), 'the answer cites the note document');
    assert.ok(engine.entityPage(KB_ENTITIES.film.id)!.documents.some((d) => d.id === noteDocId(rec2)));
    assert.ok(engine.document(noteDocId(rec2)));
  });

  it('after undo: gone from search, ask, entity pages, lookups, document views and counts', () => {
    const before = engine.health();
    const docsBefore = engine.store.listDocuments({ limit: 100 }).length;
    engine.correct({ op: 'undo', correctionId: rec.id }, 'curator');
    engine.correct({ op: 'undo', correctionId: rec2.id }, 'curator');

    assert.deepEqual(engine.search('Marvebrook'), []);
    assert.deepEqual(engine.search('Vellichor'), []);
    assert.deepEqual(engine.store.searchSentences('Vellichor Marvebrook Glasswing', 10), []);
    const answer = engine.ask('Who directed Glasswing Harbour?');
    const text = JSON.stringify(answer);
    assert.doesNotMatch(text, /Marvebrook|Vellichor/);
    assert.ok(!text.includes(noteDocId(rec)));

    const film = engine.entityPage(KB_ENTITIES.film.id)!;
    assert.ok(!film.documents.some((d) => d.id === noteDocId(rec2)), 'the film page no longer lists the note');
    assert.ok(!JSON.stringify(film).includes('Vellichor'));
    assert.equal(engine.document(noteDocId(rec)), null);
    assert.equal(engine.document(noteDocId(rec2)), null);
    assert.deepEqual(engine.store.documentSentences(noteDocId(rec)), []);
    assert.deepEqual(engine.store.documentMentions(noteDocId(rec)), []);
    assert.ok(!engine.store.entityDocuments(KB_ENTITIES.film.id).some((d) => d.id === noteDocId(rec2)));

    // Entities that only the undone assertion created are no longer found.
    assert.deepEqual(engine.findEntity('Quillon Marvebrook'), []);
    assert.deepEqual(engine.findEntity('Glasswing'), []);
    assert.equal(engine.entityPage(quillonId), null);
    assert.ok(!engine.entities('Quill').some((e) => e.id === quillonId));
    assert.equal(engine.store.findEntitiesByToken('marvebrook').length, 0);
    // The film and the director existed before: still there.
    assert.ok(engine.entityPage(KB_ENTITIES.liz.id));
    // Their mention and document counts are as before the assertion.
    for (const [id, before] of countsBefore) {
      assert.equal(JSON.stringify(engine.store.getEntity(id)), before, id);
      assert.equal(JSON.stringify(engine.store.findEntitiesByAlias(aliasKey(engine.store.getEntity(id)!.name)).find((e) => e.id === id)), before);
    }
    assert.equal(engine.entityPage(KB_ENTITIES.film.id)!.entity.mentionCount, JSON.parse(countsBefore.get(KB_ENTITIES.film.id)!).mentionCount);

    const after = engine.health();
    assert.equal(after.documents, before.documents - 2);
    assert.equal(after.entities, before.entities - 2);
    assert.equal(after.claims, before.claims - 2);
    assert.equal(engine.store.listDocuments({ limit: 100 }).length, docsBefore - 2);
  });

  it('exports leave the undone notes and their entities out', async () => {
    const nt = join(dir, 'kb.nt');
    await exportKnowledgeBase(engine.store, 'ntriples', nt);
    const text = readFileSync(nt, 'utf8');
    assert.doesNotMatch(text, /Marvebrook|Vellichor|Glasswing/);
    assert.ok(!text.includes(noteDocId(rec2)));
  });

  it('the history stays auditable: the log and the raw tables keep the note', () => {
    const log = engine.corrections();
    const r = log.find((x) => x.id === rec.id)!;
    assert.ok(r.undone, 'marked undone');
    assert.equal(r.op.op === 'assert' && r.op.note, NOTE);
    const raw = rawStore(engine.store);
    assert.ok(raw.getDocument(noteDocId(rec))?.text.includes(NOTE));
    assert.ok(raw.getClaim(noteClaimId(rec)));
    assert.ok(raw.searchSentences('Marvebrook', 5).length > 0, 'the raw store is unchanged');
  });

  it('asserting the same note again brings the fact, note and entities back', () => {
    const again = openCorrections(engine.store).assert(
      { subject: 'Glasswing Harbour', subjectType: 'work', predicate: 'director', object: 'Quillon Marvebrook', objectType: 'person', note: NOTE },
      { who: 'curator', at: r0At(rec) },
    );
    assert.equal(noteDocId(again), noteDocId(rec), 'same note, same day: the same synthetic document');
    assert.equal(noteClaimId(again), noteClaimId(rec));
    assert.ok(engine.store.getClaim(noteClaimId(rec)), 'the re-asserted claim is visible although an undone record names it');
    assert.ok(engine.search('Marvebrook').some((h) => h.document.id === noteDocId(rec)));
    assert.equal(engine.findEntity('Quillon Marvebrook')[0]?.id, quillonId);
  });
});

/** The `at` of a record, so a re-assertion produces the same note text. */
const r0At = (r: CorrectionRecord): string => r.at;

describe('undoing an assertion (memory store)', () => {
  it('hides the note document the same way', () => {
    const raw = openMemoryStore();
    buildTestKb(raw);
    const store = withCorrections(raw);
    const c = openCorrections(store);
    const rec = c.assert({ subject: KB_ENTITIES.film.id, predicate: 'composer', object: KB_ENTITIES.liz.id, note: NOTE2 }, { at: AT });
    assert.ok(store.searchSentences('Vellichor', 5).length > 0);
    c.undo(rec.id, { at: AT });
    assert.deepEqual(store.searchSentences('Vellichor', 5), []);
    assert.equal(store.getDocument(noteDocId(rec)), null);
    assert.ok(raw.getDocument(noteDocId(rec)));
    assert.ok(!store.entityDocuments(KB_ENTITIES.film.id).some((d) => d.id === noteDocId(rec)));
  });
});

describe('a retraction of an asserted claim', () => {
  it('keeps the claim hidden even while its assertion is active', () => {
    const raw = openSqliteStore(join(dir, 'retract.db'));
    try {
      buildTestKb(raw);
      const store = withCorrections(raw);
      const c = openCorrections(store);
      const rec = c.assert({ subject: KB_ENTITIES.film.id, predicate: 'composer', object: KB_ENTITIES.liz.id, note: NOTE2 }, { at: AT });
      c.retract(noteClaimId(rec), { why: 'wrong composer', at: AT });
      assert.equal(store.getClaim(noteClaimId(rec)), null);
    } finally {
      raw.close();
    }
  });
});
