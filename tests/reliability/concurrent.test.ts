/**
 * Reliability (issue 8): readers keep answering while an ingest writes (SQLite WAL). Three
 * readers run in a loop while a `marquee ingest` child process writes into the same database:
 * - a `marquee serve` child process, hit over HTTP (ask, facts, entity pages, search, health);
 * - an Engine opened in this process (ask, facts, entity page), as a second program would;
 * - a raw SQLite connection that takes a snapshot and checks every visible document is whole.
 * No reader may see an error (no SQLITE_BUSY, no 500) or a half-written document, and the counts
 * `/api/health` reports must always be a state the writer actually committed.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createEngine } from '../../src/engine/engine.js';
import { checkDatabase, compareWithReference, freePort, parseSummary, runMarquee, sleep, spawnMarquee, syntheticArticle, waitFor, writeSyntheticCorpus, type DbReport, changedNote } from './helpers.js';

const A = 30;
const B = 120;

/** Film titles of the synthetic articles, for questions. */
const filmOf = (i: number, seed: number) => /"([^"]+)" premiered/.exec(syntheticArticle(i, seed).text)?.[1] ?? 'Nothing';

/** When this file started: failure messages note source edits made since (shared checkouts). */
const STARTED = Date.now();

describe('readers during an ingest', { timeout: 240_000 }, () => {
  let tmp: string;
  let corpusA: string;
  let corpusB: string;
  let ref: DbReport;
  /** Claims committed after the first k documents, in commit order, in the reference run. */
  let prefixClaims: number[];

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'marquee-conc-'));
    corpusA = join(tmp, 'a');
    corpusB = join(tmp, 'b');
    writeSyntheticCorpus(corpusA, A, 21);
    writeSyntheticCorpus(corpusB, B, 22);
    const refDb = join(tmp, 'reference.db');
    for (const c of [corpusA, corpusB]) {
      const r = await runMarquee(['ingest', c, '--db', refDb, '--json']);
      assert.equal(r.code, 0, r.stderr.slice(-1500));
    }
    ref = checkDatabase(refDb);
    const sql = new Database(refDb, { readonly: true });
    const rows = sql.prepare('SELECT (SELECT count(*) FROM claims c WHERE c.doc_id = d.id) AS n FROM documents d ORDER BY d.rowid').all() as { n: number }[];
    sql.close();
    prefixClaims = [0];
    for (const r of rows) prefixClaims.push(prefixClaims[prefixClaims.length - 1] + r.n);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('HTTP server, a second engine and a raw snapshot reader see no error and no half-written document', async (t) => {
    const db = join(tmp, 'live.db');
    const first = await runMarquee(['ingest', corpusA, '--db', db, '--json']);
    assert.equal(first.code, 0, first.stderr.slice(-1500));

    const port = await freePort();
    const server = spawnMarquee(['serve', '--db', db, '--port', String(port), '--host', '127.0.0.1']);
    const serverDone = waitFor(server, 200_000);
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        /* not listening yet */
      }
      assert.ok(i < 300, 'server did not start');
      await sleep(50);
    }

    const sql = new Database(db, { readonly: true });
    const entityIds = (sql.prepare('SELECT id FROM entities ORDER BY mention_count DESC LIMIT 15').all() as { id: string }[]).map((r) => r.id);
    sql.close();
    const questions: string[] = [];
    for (let i = 0; i < 10; i++) {
      questions.push(`Who directed ${filmOf(i, 21)}?`, `When did ${filmOf(i, 21)} premiere?`);
      questions.push(`Who directed ${filmOf(i * 17, 22)}?`, `What is ${filmOf(i * 17, 22)} based on?`);
    }
    const urls = [
      ...questions.map((q) => `/api/ask?q=${encodeURIComponent(q)}`),
      ...entityIds.map((id) => `/api/entities/${encodeURIComponent(id)}`),
      '/api/facts?predicate=director&limit=50',
      '/api/facts?predicate=cast_member&limit=50',
      '/api/search?q=premiered',
      '/api/entities?q=a',
    ];

    const ingest = spawnMarquee(['ingest', corpusB, '--db', db, '--json']);
    const ingestDone = waitFor(ingest, 200_000);
    let writing = true;
    void ingestDone.then(() => (writing = false));

    const failures: string[] = [];
    const counters = { http: 0, engine: 0, snapshots: 0, health: 0 };
    const torn: string[] = [];

    // Reader 1: HTTP, four requests in flight.
    const httpLoop = async (k: number) => {
      for (let i = k; writing; i += 4) {
        const url = urls[i % urls.length];
        try {
          const res = await fetch(base + url);
          const body = await res.text();
          if (res.status !== 200) failures.push(`HTTP ${res.status} ${url}: ${body.slice(0, 200)}`);
          counters.http++;
        } catch (e) {
          failures.push(`HTTP ${url}: ${(e as Error).message}`);
        }
      }
    };
    // Health: its counts must be a committed state (documents k ⇒ exactly prefixClaims[k] claims).
    const healthLoop = async () => {
      while (writing) {
        const h = (await (await fetch(`${base}/api/health`)).json()) as { documents: number; claims: number };
        counters.health++;
        if (prefixClaims[h.documents] !== h.claims) torn.push(`${h.documents} documents with ${h.claims} claims (committed: ${prefixClaims[h.documents]})`);
        await sleep(5);
      }
    };
    // Reader 2: an Engine in this process (its calls are synchronous: yield between them).
    const engineLoop = async () => {
      const engine = createEngine({ db });
      try {
        for (let i = 0; writing; i++) {
          try {
            engine.ask(questions[i % questions.length]);
            engine.facts({ predicate: 'director', limit: 50 });
            engine.entityPage(entityIds[i % entityIds.length]);
            counters.engine++;
          } catch (e) {
            failures.push(`engine: ${(e as Error).message}`);
          }
          await new Promise((r) => setImmediate(r));
        }
      } finally {
        engine.close();
      }
    };
    // Reader 3: snapshots; every visible document whole.
    const snapshotLoop = async () => {
      while (writing) {
        try {
          const r = checkDatabase(db, { readonly: true, quick: true });
          if (r.problems.length) failures.push(`snapshot: ${r.problems.join('; ')}`);
          const diffs = compareWithReference(r.perDoc, ref.perDoc);
          if (diffs.length) failures.push(`snapshot: ${diffs.slice(0, 3).join("; ")}${changedNote(STARTED)}`);
          counters.snapshots++;
        } catch (e) {
          failures.push(`snapshot: ${(e as Error).message}`);
        }
        await sleep(30);
      }
    };

    await Promise.all([httpLoop(0), httpLoop(1), httpLoop(2), httpLoop(3), healthLoop(), engineLoop(), snapshotLoop()]);
    const w = await ingestDone;
    assert.equal(w.code, 0, `the ingest failed while readers ran: ${w.stderr.slice(-1500)}`);
    const s = parseSummary(w.stdout);
    assert.equal(s.documents.added, B);

    server.kill('SIGTERM');
    const sv = await serverDone;
    t.diagnostic(`during a ${w.ms} ms ingest: ${counters.http} HTTP requests, ${counters.health} health checks, ${counters.engine} engine rounds, ${counters.snapshots} snapshots`);
    assert.deepEqual(failures.slice(0, 10), [], `${failures.length} reader failures`);
    assert.doesNotMatch(sv.stderr, /SQLITE_BUSY|database is locked|Error/i, `server logged errors: ${sv.stderr.slice(-1500)}`);
    assert.ok(counters.http > 50 && counters.engine > 5 && counters.snapshots > 5, `readers barely ran: ${JSON.stringify(counters)}`);
    assert.deepEqual(torn.slice(0, 5), [], `${torn.length} /api/health answers mixed two states (documents from one commit, claims from another)`);

    const final = checkDatabase(db);
    assert.deepEqual(final.problems, []);
    assert.equal(final.documents, A + B);
    assert.equal(final.claims, ref.claims, `claims differ from one clean run${changedNote(STARTED)}`);
  });

  it('two ingests of the same folders at once: both succeed, nothing is stored twice', async (t) => {
    const db = join(tmp, 'two-writers.db');
    const args = ['ingest', corpusA, corpusB, '--db', db, '--json'];
    const [r1, r2] = await Promise.all([waitFor(spawnMarquee(args), 200_000), waitFor(spawnMarquee(args), 200_000)]);
    for (const r of [r1, r2]) assert.equal(r.code, 0, `a writer failed: ${r.stderr.slice(-1500)}`);
    const s1 = parseSummary(r1.stdout);
    const s2 = parseSummary(r2.stdout);
    t.diagnostic(`writer 1 added ${s1.documents.added}, writer 2 added ${s2.documents.added}`);
    assert.equal(s1.documents.added + s2.documents.added, A + B, 'each document added by exactly one writer');
    assert.deepEqual([...s1.errors, ...s2.errors], []);
    const final = checkDatabase(db);
    assert.deepEqual(final.problems, []);
    assert.equal(final.documents, A + B);
    assert.equal(final.claims, ref.claims, `claims differ from one clean run${changedNote(STARTED)}`);
    assert.equal(final.mentions, ref.mentions);
    assert.deepEqual(compareWithReference(final.perDoc, ref.perDoc), [], `partly written document${changedNote(STARTED)}`);
    t.diagnostic(`entities: ${final.entities} (one writer: ${ref.entities}); summaries report ${s1.claims} + ${s2.claims} claims`);
    // Each summary counts what that run wrote, not what the other writer added meanwhile.
    assert.equal(s1.claims + s2.claims, final.claims, `the two summaries claim ${s1.claims} + ${s2.claims} claims, but ${final.claims} were written`);
  });
});
