import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../store/sqlite/index.js';
import { openMemoryStore } from '../store/memory/index.js';
import { buildTestKb, KB_ENTITIES } from './make-kb.js';
import { listMentions, mentionId, openCorrections, parseMentionId, rawStore, withCorrections } from './corrections.js';
import { findConflicts } from './conflicts.js';
import type { Store } from '../store/store.js';
import { checkDatabase } from '../../tests/reliability/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'marquee-corrections-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
let lastSqlite = '';
const backends: [string, () => Store][] = [
  ['sqlite', () => openSqliteStore((lastSqlite = join(dir, `kb${n++}.db`)))],
  ['memory', () => openMemoryStore()],
];

const AT = '2026-01-02T03:04:05.000Z';

for (const [kind, open] of backends) {
  describe(`corrections (${kind})`, () => {
    let raw: Store;
    let store: Store;
    before(() => {
      raw = open();
      buildTestKb(raw);
      store = withCorrections(raw);
    });
    after(() => raw.close());

    it('retract hides a claim from every claim query, and undo brings it back', () => {
      const c = openCorrections(store);
      const all = store.claims({});
      const target = all.find((x) => x.predicate === 'publication_date' && !('id' in x.object) && x.object.value === '2022-08-05')!;
      assert.equal(findConflicts(store).filter((x) => x.predicate === 'publication_date').length, 1);
      assert.throws(() => c.retract(target.id, { why: '' }), /E609/);
      assert.throws(() => c.retract('clm_nope', { why: 'x' }), /E606/);
      const rec = c.retract(target.id, { why: 'Wrong date: the film premiered July 29', who: 'tester', at: AT });
      assert.equal(rec.who, 'tester');
      assert.equal(rec.why, 'Wrong date: the film premiered July 29');
      assert.equal(store.getClaim(target.id), null);
      assert.ok(raw.getClaim(target.id), 'the claim is kept, only hidden');
      assert.equal(store.claims({}).length, all.length - 1);
      assert.equal(store.countClaims({ predicate: 'publication_date' }), raw.countClaims({ predicate: 'publication_date' }) - 1);
      assert.equal(store.counts().claims, raw.counts().claims - 1);
      // Paging stays exact around the hidden claim.
      const paged = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((o) => store.claims({ limit: 1, offset: o }));
      assert.deepEqual(paged.map((x) => x.id), store.claims({}).map((x) => x.id));
      assert.equal(findConflicts(store).filter((x) => x.predicate === 'publication_date').length, 0, 'the conflict is gone');
      assert.equal(findConflicts(raw).filter((x) => x.predicate === 'publication_date').length, 0, 'also when given the raw store');
      assert.equal(c.retract(target.id, { why: 'again' }).id, rec.id, 'retracting twice keeps one record');
      c.undo(rec.id, { who: 'tester', at: AT });
      assert.ok(store.getClaim(target.id));
      assert.throws(() => c.undo(rec.id), /E611/);
      c.retract(target.id, { why: 'Wrong date', who: 'tester', at: AT });
    });

    it('merge moves claims and aliases; undo restores the entity', () => {
      const c = openCorrections(store);
      // The novel was resolved as a separate "Purple Hearts" (work): merging it into the film is a
      // (deliberately wrong) curator action we can undo.
      assert.throws(() => c.merge('Purple Hearts', 'Tess Wakefield'), /E602/, 'ambiguous name');
      assert.throws(() => c.merge(KB_ENTITIES.film.id, KB_ENTITIES.tess.id), /E604/, 'person into work');
      const before = store.claims({ entityId: KB_ENTITIES.novel.id }).length;
      const rec = c.merge(KB_ENTITIES.film.id, KB_ENTITIES.novel.id, { why: 'test', at: AT });
      assert.equal(store.getEntity(KB_ENTITIES.novel.id), null);
      assert.equal(store.claims({ subjectId: KB_ENTITIES.film.id, predicate: 'author' }).length, 1);
      c.undo(rec.id);
      const novel = store.getEntity(KB_ENTITIES.novel.id);
      assert.ok(novel);
      assert.equal(novel.subtype, 'novel');
      assert.equal(store.claims({ entityId: KB_ENTITIES.novel.id }).length, before);
      assert.equal(store.getEntity(KB_ENTITIES.film.id)?.subtype, 'film');
      assert.equal(store.claims({ subjectId: KB_ENTITIES.film.id, predicate: 'author' }).length, 0);
    });

    it('rename keeps the old name as an alias; undo restores it', () => {
      const c = openCorrections(store);
      const rec = c.rename('Elizabeth Allen Rosenbaum', 'Elizabeth Allen', { why: 'credited name', at: AT });
      assert.equal(store.getEntity(KB_ENTITIES.liz.id)?.name, 'Elizabeth Allen');
      assert.ok(store.entityAliases(KB_ENTITIES.liz.id).includes('Elizabeth Allen Rosenbaum'));
      c.undo(rec.id);
      assert.equal(store.getEntity(KB_ENTITIES.liz.id)?.name, 'Elizabeth Allen Rosenbaum');
      assert.ok(!store.entityAliases(KB_ENTITIES.liz.id).includes('Elizabeth Allen'));
    });

    it('split moves one mention and its sentence claims to a new entity; undo moves them back', () => {
      const c = openCorrections(store);
      const mentions = listMentions(store, KB_ENTITIES.nick.id);
      assert.equal(mentions.length, 1);
      assert.match(mentions[0].context, /Galitzine as Luke/);
      assert.deepEqual(parseMentionId(mentions[0].id), (() => { const p = parseMentionId(mentions[0].id)!; return { docId: p.docId, start: p.start, end: p.end }; })());
      assert.throws(() => c.split(KB_ENTITIES.nick.id, 'doc_x:1-2'), /E605/);
      const rec = c.split(KB_ENTITIES.nick.id, mentions[0].id, { name: 'Nick Galitzine', at: AT });
      assert.equal(rec.op.op, 'split');
      const newId = rec.op.op === 'split' ? rec.op.newEntity.id : '';
      assert.equal(store.getEntity(newId)?.name, 'Nick Galitzine');
      assert.equal(store.claims({ objectId: newId }).length, 1);
      assert.equal(store.claims({ objectId: KB_ENTITIES.nick.id }).length, 0);
      c.undo(rec.id);
      assert.equal(store.getEntity(newId), null);
      assert.equal(store.claims({ objectId: KB_ENTITIES.nick.id }).length, 1);
    });

    it('assert adds a fact whose evidence is the note, in a synthetic document; undo hides it', () => {
      const c = openCorrections(store);
      assert.throws(() => c.assert({ subject: KB_ENTITIES.film.id, predicate: 'nope', object: 'x', note: 'n' }), /E608/);
      assert.throws(() => c.assert({ subject: KB_ENTITIES.film.id, predicate: 'director', object: 'x', note: '  ' }), /E609/);
      const rec = c.assert({ subject: KB_ENTITIES.film.id, predicate: 'distributed_by', object: 'Netflix', objectType: 'organization', objectSubtype: 'streaming_service', note: 'Netflix press release, 29 July 2022: "Purple Hearts, now streaming".' }, { who: 'curator', at: AT, why: 'missing distributor' });
      assert.equal(rec.op.op, 'assert');
      if (rec.op.op !== 'assert') return;
      const claim = store.getClaim(rec.op.claimId)!;
      assert.ok(claim, 'the asserted claim is stored');
      assert.equal(claim.evidence[0].quote, 'Netflix press release, 29 July 2022: "Purple Hearts, now streaming".');
      const doc = store.getDocument(rec.op.documentId)!;
      assert.equal(doc.text.slice(claim.evidence[0].start, claim.evidence[0].end), claim.evidence[0].quote);
      assert.equal(doc.source, 'Marquee corrections');
      assert.equal(claim.subject.id, KB_ENTITIES.film.id);
      assert.equal('id' in claim.object && claim.object.name, 'Netflix');
      const lit = c.assert({ subject: 'Sofia Carson', predicate: 'occupation', object: 'singer', note: 'She sings the soundtrack.' }, { at: AT });
      assert.equal(lit.op.op === 'assert' && 'datatype' in lit.op.object && lit.op.object.datatype, 'string');
      c.undo(rec.id);
      assert.equal(store.getClaim(rec.op.claimId), null);
      assert.ok(raw.getClaim(rec.op.claimId));
    });

    it('keeps the audit log with who, when, why and undo marks', () => {
      const c = openCorrections(store);
      const log = c.list();
      assert.deepEqual(log.map((r) => r.op.op), ['retract', 'retract', 'merge', 'rename', 'split', 'assert', 'assert']);
      assert.deepEqual(log.map((r) => r.seq), [1, 2, 3, 4, 5, 6, 7]);
      assert.deepEqual(log.map((r) => r.undone !== null), [true, false, true, true, true, true, false]);
      assert.ok(log.every((r) => r.who && r.at && /^cor_/.test(r.id)));
      assert.equal(c.list({ active: true }).length, 2);
      assert.equal(openCorrections(raw), c, 'one Corrections per store');
      assert.equal(rawStore(store), raw);
      if (kind === 'sqlite') assert.deepEqual(checkDatabase(lastSqlite).problems, [], 'merge, split and their undo leave no orphans');
    });
  });
}

describe('corrections survive a re-ingest into a fresh database', () => {
  it('replays merge, retraction, rename, split and assert from the log', () => {
    const a = withCorrections(openSqliteStore(join(dir, 'first.db')));
    buildTestKb(a);
    const ca = openCorrections(a);
    const retracted = a.claims({ predicate: 'publication_date' }).find((x) => !('id' in x.object) && x.object.value === '2022-08-05')!;
    ca.retract(retracted.id, { why: 'wrong date' });
    ca.merge(KB_ENTITIES.film.id, KB_ENTITIES.novel.id, { why: 'test merge' });
    ca.rename(KB_ENTITIES.sofia.id, 'Sofia Daccarett Char Carson');
    const m = listMentions(a, KB_ENTITIES.nick.id)[0];
    ca.split(KB_ENTITIES.nick.id, m.id, { name: 'N. Galitzine' });
    const asserted = ca.assert({ subject: KB_ENTITIES.film.id, predicate: 'filming_location', object: 'Oceanside', objectType: 'place', note: 'Filmed in Oceanside, per the production notes.' });
    const log = ca.exportLog();
    const expectNames = (s: Store) => ({
      film: s.claims({ subjectId: KB_ENTITIES.film.id, predicate: 'author' }).length,
      novel: s.getEntity(KB_ENTITIES.novel.id),
      sofia: s.getEntity(KB_ENTITIES.sofia.id)?.name,
      retracted: s.getClaim(retracted.id),
      asserted: asserted.op.op === 'assert' ? s.getClaim(asserted.op.claimId)?.evidence[0].quote : null,
      split: s.claims({ predicate: 'cast_member' }).map((x) => ('id' in x.object ? x.object.name : '')).sort(),
    });
    const want = expectNames(a);
    assert.equal(want.film, 1);
    assert.equal(want.novel, null);
    assert.equal(want.retracted, null);
    assert.deepEqual(want.split, ['N. Galitzine', 'Sofia Daccarett Char Carson']);
    rawStore(a).close();

    // Same articles, fresh database; the log comes along (as `marquee corrections export/import` would carry it).
    const b = withCorrections(openSqliteStore(join(dir, 'second.db')));
    buildTestKb(b);
    const before = b.claims({}).length;
    const report = openCorrections(b).importLog(JSON.parse(JSON.stringify(log)));
    assert.deepEqual(report.skipped, []);
    assert.equal(report.applied.length, 4, 'merge, rename, split, assert applied; the retraction is a filter');
    assert.deepEqual(expectNames(b), want);
    assert.equal(b.claims({}).length, before - 1 + 1);
    // Replaying again changes nothing.
    const again = openCorrections(b).reapply();
    assert.equal(again.applied.length, 0);
    assert.equal(again.unchanged.length, 5);
    // Re-ingesting the same articles into the same database keeps every correction in effect.
    buildTestKb(rawStore(b));
    assert.deepEqual(expectNames(b), want);
    rawStore(b).close();
    const sql = new Database(join(dir, 'second.db'), { readonly: true });
    const rows = sql.prepare('SELECT op, who, at, why FROM corrections ORDER BY seq').all() as { op: string; who: string }[];
    sql.close();
    assert.deepEqual(rows.map((r) => r.op), ['retract', 'merge', 'rename', 'split', 'assert']);
    assert.deepEqual(checkDatabase(join(dir, 'second.db')).problems, [], 'foreign keys, orphans, FTS still sound');
    assert.deepEqual(checkDatabase(join(dir, 'first.db')).problems, []);
  });

  it('finds a retracted claim again by document and span when its id changed', () => {
    const a = withCorrections(openMemoryStore());
    buildTestKb(a);
    const target = a.claims({ predicate: 'director' })[0];
    const rec = openCorrections(a).retract(target.id, { why: 'test' });
    // As if the claim had been minted with another subject id in the first database.
    const moved = JSON.parse(JSON.stringify(rec));
    moved.op.claimId = 'clm_0000000000000000';
    const b = withCorrections(openMemoryStore());
    buildTestKb(b);
    const report = openCorrections(b).importLog([moved]);
    assert.deepEqual(report.applied, [rec.id]);
    assert.equal(b.getClaim(target.id), null);
    const stored = openCorrections(b).get(rec.id)!;
    assert.equal(stored.op.op === 'retract' && stored.op.originalClaimId, 'clm_0000000000000000');
    assert.equal(openCorrections(b).reapply().applied.length, 0, 'rekeyed once');
  });

  it('mention ids round-trip', () => {
    assert.deepEqual(parseMentionId(mentionId({ docId: 'doc_ab:c', start: 3, end: 9 })), { docId: 'doc_ab:c', start: 3, end: 9 });
    assert.equal(parseMentionId('doc_x:9-3'), null);
  });
});

describe('CorrectionRequestSchema', () => {
  it('accepts the requests runCorrection takes and refuses malformed ones', async () => {
    const { CorrectionRequestSchema } = await import('./api-schemas.js');
    const { runCorrection } = await import('./commands.js');
    const store = withCorrections(openMemoryStore());
    buildTestKb(store);
    const claim = store.claims({ predicate: 'director' })[0];
    const req = CorrectionRequestSchema.parse({ op: 'retract', claimId: claim.id, why: 'test' });
    const rec = runCorrection(store, req, 'api');
    assert.equal(rec.who, 'api');
    assert.equal(store.getClaim(claim.id), null);
    assert.equal(CorrectionRequestSchema.safeParse({ op: 'retract', claimId: claim.id }).success, false, 'a reason is required');
    assert.equal(CorrectionRequestSchema.safeParse({ op: 'drop', x: 1 }).success, false);
    const assertReq = (qualifiers: Record<string, string>) => ({ op: 'assert', subject: 'ent_film', predicate: 'composer', object: 'ent_liz', note: 'n', qualifiers });
    assert.equal(CorrectionRequestSchema.safeParse(assertReq({ character: 'Cassie', role_2: 'x' })).success, true);
    for (const bad of ['__proto__', '@id', 'a b', 'x>', '', '1st', 'ünï']) {
      // zod drops a '__proto__' key by itself; the others are refused.
      const parsed = CorrectionRequestSchema.safeParse(assertReq({ [bad]: 'v' }));
      assert.ok(!parsed.success || (parsed.data.op === 'assert' && Object.keys(parsed.data.qualifiers ?? {}).length === 0), `qualifier name ${JSON.stringify(bad)} refused`);
      assert.throws(() => runCorrection(store, { op: 'assert', subject: 'ent_film', predicate: 'composer', object: 'ent_liz', note: 'n', qualifiers: { [bad]: 'v' } }, 'api'), /E609/);
    }
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`q${i}`, 'v']));
    assert.equal(CorrectionRequestSchema.safeParse(assertReq(many)).success, false);
    const undo = runCorrection(store, { op: 'undo', correctionId: rec.id }, 'api');
    assert.ok(undo.undone);
  });
});
