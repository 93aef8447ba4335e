/**
 * Reliability (issue 8): crash safety under SIGKILL. A generated corpus is ingested by the real
 * `marquee ingest` child process, which is killed with SIGKILL at random points (during start-up,
 * migrations, reading, extraction and commits), at least 20 times. After every kill the database
 * must open, pass `PRAGMA integrity_check` and the FTS integrity check, and contain only whole
 * documents: each stored document has exactly the sentences, mentions and claims a clean run
 * wrote for it, and no row points at a missing document. A final run must then complete the
 * rest: the same documents, claims and mentions as one clean run, nothing lost, nothing twice.
 *
 * Tunables (env): MARQUEE_KILL_ARTICLES (default 200), MARQUEE_KILLS (default 20),
 * MARQUEE_KILL_SEED (default: random; printed so a failure can be replayed).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { checkDatabase, compareWithReference, parseSummary, rng, runMarquee, sleep, spawnMarquee, waitFor, writeSyntheticCorpus, type DbReport, changedNote } from './helpers.js';

const ARTICLES = Number(process.env.MARQUEE_KILL_ARTICLES ?? 200);
const KILLS = Math.max(20, Number(process.env.MARQUEE_KILLS ?? 20));
const SEED = Number(process.env.MARQUEE_KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** Document count of a database another process is writing, or -1 before the schema exists. */
function liveCount(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 2000');
      return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return -1;
  }
}

/** Copy a database and its WAL as they lie on disk (the -shm index is rebuilt on open). */
function snapshot(file: string, to: string): string {
  removeDb(to);
  copyFileSync(file, to);
  if (existsSync(file + '-wal')) copyFileSync(file + '-wal', to + '-wal');
  return to;
}

const removeDb = (file: string) => {
  for (const s of ['', '-wal', '-shm', '-journal']) rmSync(file + s, { force: true });
};

/** When this file started: failure messages note source edits made since (shared checkouts). */
const STARTED = Date.now();

describe(`SIGKILL during ingest, ${KILLS} times (seed ${SEED})`, { timeout: 300_000 }, () => {
  let tmp: string;
  let corpus: string;
  let ref: DbReport;
  /** Milliseconds from spawn to the first committed document, and to the end, in the clean run. */
  let firstDocMs = 0;
  let totalMs = 0;

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'marquee-kill-'));
    corpus = join(tmp, 'corpus');
    writeSyntheticCorpus(corpus, ARTICLES, 7);
    // The clean reference run, timed so the kills can be spread over a real ingest.
    const refDb = join(tmp, 'reference.db');
    const t0 = performance.now();
    const child = spawnMarquee(['ingest', corpus, '--db', refDb, '--json']);
    const done = waitFor(child, 240_000);
    let finished = false;
    void done.then(() => (finished = true));
    while (!finished && firstDocMs === 0) {
      if (liveCount(refDb) > 0) firstDocMs = performance.now() - t0;
      else await sleep(25);
    }
    const r = await done;
    totalMs = r.ms;
    assert.equal(r.code, 0, `reference ingest failed: ${r.stderr.slice(-2000)}`);
    const s = parseSummary(r.stdout);
    assert.equal(s.documents.added, ARTICLES, JSON.stringify(s.documents));
    ref = checkDatabase(refDb);
    assert.deepEqual(ref.problems, []);
    assert.equal(ref.documents, ARTICLES);
    assert.ok(ref.claims > 0, 'the generated articles should yield claims');
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('always leaves whole documents, and a final run completes with nothing lost or doubled', async (t) => {
    const db = join(tmp, 'killed.db');
    const rand = rng(SEED);
    const ingestMs = Math.max(200, totalMs - firstDocMs);
    // One kill in five lands anywhere in start-up (loading, opening, migrating, the first
    // document); the rest land a random time after this run's first commit, within a window sized
    // so that the kills walk through the whole corpus (each run resumes where the last one died).
    const window = (2.5 * ingestMs) / KILLS;
    t.diagnostic(`clean run: first document at ${Math.round(firstDocMs)} ms, done at ${totalMs} ms; ${ref.documents} documents, ${ref.claims} claims, ${ref.mentions} mentions`);
    let kills = 0;
    let completions = 0;
    let midIngestKills = 0;
    let iteration = 0;
    while (kills < KILLS) {
      iteration++;
      assert.ok(iteration < KILLS * 3, 'too many runs finished before their kill');
      const prior = Math.max(0, liveCount(db));
      const child = spawnMarquee(['ingest', corpus, '--db', db, '--json']);
      const done = waitFor(child, 120_000);
      let exited = false;
      void done.then(() => (exited = true));
      let delay: number;
      if (iteration % 5 === 1) {
        delay = firstDocMs * rand();
        await Promise.race([done, sleep(delay)]);
      } else {
        const t0 = performance.now();
        while (!exited && liveCount(db) <= prior && performance.now() - t0 < 60_000) await sleep(10);
        delay = window * rand();
        await Promise.race([done, sleep(delay)]);
      }
      if (exited) {
        const r = await done;
        assert.equal(r.code, 0, `an uninterrupted run failed: ${r.stderr.slice(-2000)}`);
        completions++;
      } else {
        child.kill('SIGKILL');
        const r = await done;
        assert.equal(r.signal, 'SIGKILL');
        kills++;
      }
      // Killed before the database file was even created: nothing to check.
      if (!existsSync(db)) continue;
      // Check a copy of what the kill left on disk (database + WAL), so that the next `marquee`
      // run, not this check, is the one that recovers the hot WAL of the killed process.
      const report = checkDatabase(snapshot(db, join(tmp, 'snapshot.db')));
      assert.deepEqual(report.problems, [], `after kill ${kills} (${Math.round(delay)} ms)`);
      assert.deepEqual(compareWithReference(report.perDoc, ref.perDoc), [], `after kill ${kills}: a partly written document${changedNote(STARTED)}`);
      if (report.documents > prior && report.documents < ARTICLES) midIngestKills++;
      if ((exited || report.documents === ARTICLES) && kills < KILLS) {
        // Everything is in: start again from an empty database so later kills still land mid-ingest.
        removeDb(db);
      }
    }
    t.diagnostic(`${kills} kills (${midIngestKills} after this run's first commit and before the end), ${completions} runs finished before their kill`);
    assert.ok(midIngestKills >= KILLS / 2, `only ${midIngestKills} kills landed mid-ingest; the timing is off`);

    // The final run finishes the corpus.
    const last = await runMarquee(['ingest', corpus, '--db', db, '--json'], { timeoutMs: 240_000 });
    assert.equal(last.code, 0, last.stderr.slice(-2000));
    const s = parseSummary(last.stdout);
    assert.equal(s.documents.failed, 0);
    const final = checkDatabase(db);
    assert.deepEqual(final.problems, []);
    assert.equal(final.documents, ARTICLES, 'documents lost or doubled');
    assert.equal(final.claims, ref.claims, `claims differ from one clean run${changedNote(STARTED)}`);
    assert.equal(final.mentions, ref.mentions, 'mentions differ from one clean run');
    assert.equal(final.sentences, ref.sentences, 'sentences differ from one clean run');
    assert.equal(final.entities, ref.entities, 'entities differ from one clean run');
    assert.deepEqual(compareWithReference(final.perDoc, ref.perDoc), [], `partly written document${changedNote(STARTED)}`);
    assert.deepEqual(compareWithReference(ref.perDoc, final.perDoc), [], `partly written document${changedNote(STARTED)}`);
    const sql = new Database(db, { readonly: true });
    try {
      const dup = sql.prepare('SELECT count(*) AS n FROM (SELECT raw_hash FROM documents GROUP BY raw_hash HAVING count(*) > 1)').get() as { n: number };
      assert.equal(dup.n, 0, 'the same input stored twice');
    } finally {
      sql.close();
    }
  });
});
