/**
 * Reliability (issue 8): Ctrl-C during ingest. SIGINT (what a terminal sends on Ctrl-C) must stop
 * `marquee ingest` after the current document, print the summary so far and how to resume, and
 * exit non-zero (130) but cleanly: no signal death, no stack trace, a consistent database holding
 * only whole documents. Running the same command again ingests the rest, nothing twice. A second
 * Ctrl-C quits at once — still without a partial document, since each document is one transaction.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { checkDatabase, compareWithReference, parseSummary, runMarquee, sleep, spawnMarquee, STACK_TRACE, waitFor, writeSyntheticCorpus, type DbReport, changedNote } from './helpers.js';

/** Enough that an ingest committing in batches (up to 64 documents) is still mid-way at the signal. */
const ARTICLES = 200;

function liveCount(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return -1;
  }
}

/** Start an ingest and return once at least `n` documents are committed (or it ended). */
async function startAndWait(corpus: string, db: string, n: number) {
  const child = spawnMarquee(['ingest', corpus, '--db', db, '--json']);
  const done = waitFor(child, 120_000);
  let ended = false;
  void done.then(() => (ended = true));
  const t0 = performance.now();
  while (!ended && liveCount(db) < n && performance.now() - t0 < 60_000) await sleep(20);
  return { child, done, ended: () => ended };
}

/** When this file started: failure messages note source edits made since (shared checkouts). */
const STARTED = Date.now();

describe('Ctrl-C (SIGINT) during ingest', { timeout: 240_000 }, () => {
  let tmp: string;
  let corpus: string;
  let ref: DbReport;

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'marquee-int-'));
    corpus = join(tmp, 'corpus');
    writeSyntheticCorpus(corpus, ARTICLES, 11);
    const refDb = join(tmp, 'reference.db');
    const r = await runMarquee(['ingest', corpus, '--db', refDb, '--json']);
    assert.equal(r.code, 0, r.stderr.slice(-2000));
    ref = checkDatabase(refDb);
    assert.equal(ref.documents, ARTICLES);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('stops after the current document, says how to resume, and the re-run finishes the rest', async () => {
    const db = join(tmp, 'int.db');
    const run = await startAndWait(corpus, db, 5);
    assert.equal(run.ended(), false, 'the ingest finished before we could interrupt it; use a larger corpus');
    const atSignal = liveCount(db);
    const t0 = performance.now();
    run.child.kill('SIGINT');
    const r = await run.done;
    const stopMs = performance.now() - t0;
    assert.equal(r.timedOut, false, 'did not stop after SIGINT');
    assert.equal(r.signal, null, `died of ${r.signal} instead of exiting`);
    assert.equal(r.code, 130, `exit code ${r.code}; stderr: ${r.stderr.slice(-1000)}`);
    assert.ok(stopMs < 10_000, `took ${Math.round(stopMs)} ms to stop`);
    assert.match(r.stderr, /again|resume/i, 'says how to resume');
    assert.doesNotMatch(r.stderr, STACK_TRACE);
    const s = parseSummary(r.stdout);
    assert.ok(s.documents.added < ARTICLES, `stopped only at the end (${s.documents.added} added)`);
    const mid = checkDatabase(db);
    assert.deepEqual(mid.problems, []);
    assert.equal(mid.documents, s.documents.added, 'the summary matches what was committed');
    // "After the current document": the documents in flight at the signal are finished and
    // committed, nothing more. An ingest that batches commits (src/ingest: up to 64 documents a
    // transaction) may have up to a batch processed but not yet visible at the signal.
    assert.ok(mid.documents <= atSignal + 64 + 4, `kept going after SIGINT: ${atSignal} at the signal, ${mid.documents} at exit`);
    assert.deepEqual(compareWithReference(mid.perDoc, ref.perDoc), [], `partly written document${changedNote(STARTED)}`);

    const again = await runMarquee(['ingest', corpus, '--db', db, '--json']);
    assert.equal(again.code, 0, again.stderr.slice(-1000));
    const s2 = parseSummary(again.stdout);
    assert.equal(s2.documents.added, ARTICLES - mid.documents);
    assert.equal(s2.documents.unchanged, mid.documents);
    const final = checkDatabase(db);
    assert.deepEqual(final.problems, []);
    assert.equal(final.documents, ARTICLES);
    assert.equal(final.claims, ref.claims, `claims differ from one clean run${changedNote(STARTED)}`);
    assert.deepEqual(compareWithReference(final.perDoc, ref.perDoc), [], `partly written document${changedNote(STARTED)}`);
  });

  it('a second Ctrl-C quits at once, still without a partial document', async () => {
    const db = join(tmp, 'int2.db');
    const run = await startAndWait(corpus, db, 3);
    assert.equal(run.ended(), false, 'finished too early');
    run.child.kill('SIGINT');
    await sleep(5);
    run.child.kill('SIGINT');
    const r = await run.done;
    assert.equal(r.timedOut, false);
    assert.notEqual(r.code, 0, 'interrupted ingest must not exit 0');
    assert.doesNotMatch(r.stderr, STACK_TRACE);
    const mid = checkDatabase(db);
    assert.deepEqual(mid.problems, []);
    assert.deepEqual(compareWithReference(mid.perDoc, ref.perDoc), [], `partly written document${changedNote(STARTED)}`);
  });

  it('SIGTERM (a service manager stopping it) leaves only whole documents too', async () => {
    const db = join(tmp, 'term.db');
    const run = await startAndWait(corpus, db, 3);
    assert.equal(run.ended(), false, 'finished too early');
    run.child.kill('SIGTERM');
    const r = await run.done;
    assert.equal(r.timedOut, false, 'did not stop after SIGTERM');
    assert.ok(r.signal === 'SIGTERM' || (r.code ?? 0) !== 0, `exit ${r.code}/${r.signal}: a stopped ingest must not look successful`);
    const mid = checkDatabase(db);
    assert.deepEqual(mid.problems, []);
    assert.deepEqual(compareWithReference(mid.perDoc, ref.perDoc), [], `partly written document${changedNote(STARTED)}`);
    const again = await runMarquee(['ingest', corpus, '--db', db, '--json']);
    assert.equal(again.code, 0, again.stderr.slice(-1000));
    assert.equal(checkDatabase(db).documents, ARTICLES);
  });
});
