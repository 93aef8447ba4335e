/**
 * End-to-end for issue #9 over the real seeds plus our conflicting article
 * (tests/fixtures/conflict), ingested through the real engine into real SQLite files: conflicts
 * with both sides and sources, a merge and a retraction that survive a re-ingest, each export
 * read back by a standard parser, and the CLI commands.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { Parser as N3Parser } from 'n3';
import { DOMParser } from 'linkedom';
import { createEngine, type Engine } from '../engine/engine.js';
import { isEntityRef } from '../model/types.js';
import { findConflicts, conflictsCommand, type Conflict } from './conflicts.js';
import { openCorrections, withCorrections } from './corrections.js';
import { registerCurateCommands } from './commands.js';
import { exportKnowledgeBase } from '../export/index.js';
import { parseCsv } from '../export/csv.js';
import type { Store } from '../store/store.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SEEDS = resolve(ROOT, '../shared/corpus/seeds');
const FIXTURE = resolve(ROOT, 'tests/fixtures/conflict/netflix-confirms-purple-hearts-sequel.txt');
const INPUTS = [SEEDS, FIXTURE];

const dir = mkdtempSync(join(tmpdir(), 'marquee-curate-e2e-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function film(store: Store): string {
  const found = store.findEntitiesByAlias('purple hearts').find((e) => e.subtype === 'film');
  assert.ok(found, 'the film Purple Hearts');
  return found.id;
}

const byPredicate = (cs: Conflict[], p: string) => cs.filter((c) => c.predicate === p);

/** Every evidence quote equals the cited span of its stored document. */
function assertQuotesExact(store: Store, c: Conflict): void {
  for (const s of c.sides) {
    assert.ok(s.evidence.length > 0, `side ${s.value} has evidence`);
    for (const e of s.evidence) assert.equal(store.getDocument(e.document.id)!.text.slice(e.start, e.end), e.quote);
  }
}

describe('curation over the seeds and the conflicting article', () => {
  let engine: Engine;
  let store: Store;
  let filmId: string;

  before(async () => {
    engine = createEngine({ db: join(dir, 'a.db') });
    const summary = await engine.ingest(INPUTS);
    assert.equal(summary.documents.failed, 0, JSON.stringify(summary.errors));
    assert.equal(summary.documents.added, 6);
    store = withCorrections(engine.store);
    filmId = film(store);
  });
  after(() => engine.close());

  it('shows both premiere dates with their sources, oldest article first', () => {
    const [c] = byPredicate(findConflicts(store), 'publication_date');
    assert.ok(c, 'a publication_date conflict');
    assert.equal(c.kind, 'single-valued');
    assert.equal(c.subject.id, filmId);
    assert.deepEqual(c.sides.map((s) => s.value).sort(), ['2022-07-29', '2022-08-05']);
    const ours = c.sides.find((s) => s.value === '2022-08-05')!;
    assert.match(ours.evidence[0].document.title, /Netflix Confirms "Purple Hearts" Sequel/);
    assert.match(ours.evidence[0].quote, /premiered on August 5, 2022/);
    const seed = c.sides.find((s) => s.value === '2022-07-29')!;
    assert.match(seed.evidence.map((e) => e.quote).join(' '), /July 29, 2022/);
    assert.ok(seed.sources >= 1 && ours.sources === 1);
    assertQuotesExact(store, c);
  });

  it('keeps the December 2024 "in talks" as history and "confirmed" as the current sequel status', () => {
    const [c] = byPredicate(findConflicts(store), 'sequel');
    assert.ok(c, 'a sequel status conflict');
    assert.equal(c.kind, 'status');
    assert.deepEqual(c.sides.map((s) => [s.value, s.firstSeen?.slice(0, 7), s.current]), [
      ['in talks', '2024-12', false],
      ['confirmed', '2025-03', true],
    ]);
    assert.equal(c.current, 'confirmed');
    assertQuotesExact(store, c);
  });

  it('prints the conflicts as JSON and as text', () => {
    const json = JSON.parse(conflictsCommand({ store }, { json: true }).text) as { conflicts: Conflict[] };
    assert.deepEqual(json.conflicts.map((c) => c.predicate).sort(), ['publication_date', 'sequel']);
    const text = conflictsCommand({ store }).text;
    assert.match(text, /Purple Hearts — released/);
    assert.match(text, /confirmed .*← current/);
  });

  it('a merge and a retraction survive re-ingesting the same articles, here and into a fresh database', async () => {
    const c = openCorrections(store);
    const tudum = c.resolveEntity('Tudum').id;
    const netflix = c.resolveEntity('Netflix').id;
    const tudumClaims = store.claims({ entityId: tudum }).length;
    const netflixClaims = store.claims({ entityId: netflix }).length;
    c.merge(netflix, tudum, { why: "Tudum is Netflix's own news site" });
    const wrong = store.claims({ subjectId: filmId, predicate: 'publication_date' }).find((x) => !isEntityRef(x.object) && x.object.value === '2022-08-05')!;
    c.retract(wrong.id, { why: 'The film premiered on July 29, 2022' });
    const check = (s: Store) => {
      assert.equal(s.getEntity(tudum), null, 'Tudum merged away');
      assert.equal(s.claims({ entityId: netflix }).length, netflixClaims + tudumClaims);
      assert.equal(s.getClaim(wrong.id), null, 'retracted claim hidden');
      assert.deepEqual(findConflicts(s).map((x) => x.predicate), ['sequel'], 'the premiere conflict is gone');
    };
    assert.equal(c.resolveEntity('Tudum').id, netflix, 'the old name now finds Netflix');
    check(store);

    // Re-ingest into the same database: nothing is added, corrections stay.
    const again = await engine.ingest(INPUTS);
    assert.equal(again.documents.added, 0);
    assert.equal(openCorrections(store).reapply().applied.length, 0);
    check(store);

    // Fresh database, same articles, log carried over.
    const log = JSON.parse(JSON.stringify(c.exportLog()));
    const fresh = createEngine({ db: join(dir, 'b.db') });
    try {
      await fresh.ingest(INPUTS);
      const freshStore = withCorrections(fresh.store);
      assert.equal(byPredicate(findConflicts(freshStore), 'publication_date').length, 1, 'before the log: conflict');
      const report = openCorrections(freshStore).importLog(log);
      assert.deepEqual(report.skipped, []);
      check(freshStore);
      assert.equal(openCorrections(freshStore).list().length, 2);
    } finally {
      fresh.close();
    }
  });

  it('exports what the corrections leave, each read back by a standard parser', async () => {
    const nt = join(dir, 'kb.nt');
    const ntStats = await exportKnowledgeBase(store, 'ntriples', nt);
    const quads = new N3Parser({ format: 'N-Triples' }).parse(readFileSync(nt, 'utf8'));
    const P577 = quads.filter((q) => q.predicate.value === 'http://www.wikidata.org/prop/direct/P577' && q.subject.value === `urn:marquee:entity:${filmId}`);
    assert.deepEqual(P577.map((q) => q.object.value), ['2022-07-29'], 'the retracted date is not exported');
    const P161 = quads.filter((q) => q.predicate.value === 'http://www.wikidata.org/prop/direct/P161' && q.subject.value === `urn:marquee:entity:${filmId}`);
    assert.ok(P161.length >= 2, 'Sofia Carson and Nicholas Galitzine');
    assert.ok(ntStats.facts > 20);

    const jl = join(dir, 'kb.jsonld');
    await exportKnowledgeBase(store, 'jsonld', jl);
    const doc = JSON.parse(readFileSync(jl, 'utf8'));
    const node = doc['@graph'].find((n: { '@id': string }) => n['@id'] === `urn:marquee:entity:${filmId}`);
    assert.equal(node['@type'], 'Movie');
    assert.ok(node.actor.length >= 2 && node.director.length === 1);
    assert.deepEqual(node.datePublished, [{ '@value': '2022-07-29', '@type': 'xsd:date' }]);

    const gm = join(dir, 'kb.graphml');
    await exportKnowledgeBase(store, 'graphml', gm);
    const xml = new DOMParser().parseFromString(readFileSync(gm, 'utf8'), 'text/xml');
    assert.equal(xml.documentElement.tagName, 'graphml');
    assert.ok(xml.querySelectorAll('edge').length > 10);

    const csvDir = join(dir, 'csv');
    const csv = await exportKnowledgeBase(store, 'csv', csvDir);
    const facts = parseCsv(readFileSync(join(csvDir, 'facts.csv'), 'utf8'));
    assert.equal(facts.length - 1, csv.facts);
    assert.ok(facts.every((r) => r.length === facts[0].length));
  });
});

describe('the engine hook: an Engine over withCorrections(store)', () => {
  it('drops a retracted claim from ask, facts and the entity page', async () => {
    const { openSqliteStore } = await import('../store/sqlite/index.js');
    const db = join(dir, 'hook.db');
    const engine = createEngine({ store: withCorrections(openSqliteStore(db)) });
    try {
      await engine.ingest(INPUTS);
      const filmId = film(engine.store);
      const dates = () => engine.facts({ predicate: 'publication_date', entity: filmId }).map((c) => (isEntityRef(c.object) ? '' : c.object.value)).sort();
      assert.deepEqual(dates(), ['2022-07-29', '2022-08-05']);
      const wrong = engine.facts({ predicate: 'publication_date', entity: filmId }).find((c) => !isEntityRef(c.object) && c.object.value === '2022-08-05')!;
      openCorrections(engine.store).retract(wrong.id, { why: 'wrong date' });
      assert.deepEqual(dates(), ['2022-07-29']);
      const answer = engine.ask('When did Purple Hearts premiere?');
      assert.doesNotMatch(JSON.stringify(answer.answers), /2022-08-05|August 5/);
      const page = engine.entityPage(filmId)!;
      assert.ok(!JSON.stringify(page.facts).includes(wrong.id));
    } finally {
      engine.close();
    }
  });
});

describe('curation commands (registerCurateCommands)', () => {
  let db: string;
  before(async () => {
    db = join(dir, 'cli.db');
    const e = createEngine({ db });
    await e.ingest(INPUTS);
    e.close();
  });

  async function run(...args: string[]): Promise<string> {
    const program = registerCurateCommands(new Command().exitOverride());
    const chunks: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string | Uint8Array) => {
      chunks.push(String(s));
      return true;
    }) as typeof process.stdout.write;
    try {
      await program.parseAsync([...args, '--db', db], { from: 'user' });
    } finally {
      process.stdout.write = write;
    }
    return chunks.join('');
  }

  it('lists conflicts, retracts, logs, undoes and exports', async () => {
    const conflicts = JSON.parse(await run('conflicts', '--json'));
    assert.equal(conflicts.conflicts.length, 2);
    const side = conflicts.conflicts.find((c: Conflict) => c.predicate === 'publication_date').sides.find((s: { value: string }) => s.value === '2022-08-05');
    const rec = JSON.parse(await run('retract', side.claimIds[0], '--reason', 'wrong date', '--json'));
    assert.equal(rec.op.op, 'retract');
    assert.equal(rec.why, 'wrong date');
    assert.equal(JSON.parse(await run('conflicts', '--json')).conflicts.length, 1);
    const log = (await run('corrections', '--json')).trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(log.length, 1);
    await run('undo', rec.id);
    assert.equal(JSON.parse(await run('conflicts', '--json')).conflicts.length, 2);
    assert.match(await run('corrections'), /undone/);
    const out = join(dir, 'cli.nt');
    await run('export', '--format', 'ntriples', '--out', out);
    assert.ok(existsSync(out));
    assert.ok(new N3Parser({ format: 'N-Triples' }).parse(readFileSync(out, 'utf8')).length > 100);
    const mentions = JSON.parse(await run('mentions', 'Nicholas Galitzine', '--json'));
    assert.ok(mentions.mentions.length >= 2);
  });
});
