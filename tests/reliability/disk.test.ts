/**
 * Reliability (issue 8): a database that cannot be written — read-only or on a full disk — and
 * database paths that cannot work. Each must give a clear error (naming the problem, no stack
 * trace), exit non-zero, and leave no partial document; after the disk is freed a re-run finishes.
 *
 * We run as root in CI, where `chmod 444` does not stop writes. So:
 * - read-only file/folder: the ingest runs under `setpriv` with CAP_DAC_OVERRIDE dropped, so file
 *   permissions bind as for a normal user (skipped, with the reason, if setpriv is unavailable);
 * - read-only file system and full disk: a small tmpfs is mounted in the temp folder (`mount -o
 *   remount,ro` / a size smaller than the corpus needs). Needs CAP_SYS_ADMIN; skipped otherwise.
 * - always: --db inside a missing folder, --db naming a folder, --db naming a file that is not SQLite.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDatabase, compareWithReference, parseSummary, runMarquee, STACK_TRACE, writeSyntheticCorpus, type DbReport, type RunResult, changedNote } from './helpers.js';

const isRoot = process.getuid?.() === 0;
const DROP = ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--'];
const canDrop = isRoot && spawnSync(DROP[0], [...DROP.slice(1), 'true']).status === 0;
const permissionsBind = !isRoot || canDrop;
const wrapper = canDrop ? DROP : [];

/** Try to mount a tmpfs (root with CAP_SYS_ADMIN only); returns whether it worked. */
function mountTmpfs(dir: string, size: string): boolean {
  mkdirSync(dir, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir]).status === 0;
}
const remount = (dir: string, opts: string) => {
  const r = spawnSync('mount', ['-o', `remount,${opts}`, dir], { encoding: 'utf8' });
  assert.equal(r.status, 0, `mount -o remount,${opts}: ${r.stderr}`);
};
/** Unmount (lazily, so open files cannot keep it busy); returns whether it is gone. */
function umount(dir: string): boolean {
  spawnSync('mount', ['-o', 'remount,rw', dir]);
  if (spawnSync('umount', [dir]).status === 0) return true;
  return spawnSync('umount', ['-l', dir]).status === 0;
}

/** The failure must be a clear, user-facing message: non-zero exit, no crash, no stack trace. */
function assertClearFailure(r: RunResult, pattern: RegExp, what: string) {
  assert.equal(r.timedOut, false, `${what}: hung`);
  assert.equal(r.signal, null, `${what}: died of ${r.signal}; stderr: ${r.stderr.slice(-1500)}`);
  assert.notEqual(r.code, 0, `${what}: exit code 0; stdout: ${r.stdout.slice(0, 500)}`);
  const text = r.stderr + r.stdout;
  assert.match(text, pattern, `${what}: unclear message: ${text.slice(-1500)}`);
  assert.doesNotMatch(text, STACK_TRACE, `${what}: stack trace shown:\n${text.slice(-1500)}`);
}

/** When this file started: failure messages note source edits made since (shared checkouts). */
const STARTED = Date.now();

describe('unwritable databases and full disks', { timeout: 240_000 }, () => {
  let tmp: string;
  let corpus: string;
  let small: string;
  let ref: DbReport;
  let refBytes = 0;
  let canMount = false;
  const mounts: string[] = [];

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'marquee-disk-'));
    corpus = join(tmp, 'corpus');
    writeSyntheticCorpus(corpus, 60, 5);
    small = join(tmp, 'small');
    writeSyntheticCorpus(small, 3, 99);
    const refDb = join(tmp, 'reference.db');
    const r = await runMarquee(['ingest', corpus, '--db', refDb, '--json']);
    assert.equal(r.code, 0, r.stderr.slice(-1500));
    ref = checkDatabase(refDb);
    refBytes = statSync(refDb).size;
    const probe = join(tmp, 'probe');
    canMount = isRoot && mountTmpfs(probe, '1m');
    if (canMount) umount(probe);
  });
  after(() => {
    const stuck = mounts.filter((m) => !umount(m));
    // Never delete through a mount we could not remove.
    if (stuck.length === 0) rmSync(tmp, { recursive: true, force: true });
    else process.stderr.write(`disk.test: could not unmount ${stuck.join(', ')}\n`);
  });

  it('--db inside a folder that does not exist: a clear error, or the folder is made', async () => {
    const db = join(tmp, 'no', 'such', 'folder', 'kb.db');
    const r = await runMarquee(['ingest', small, '--db', db, '--json']);
    if (r.code === 0) assert.deepEqual(checkDatabase(db).problems, []);
    else assertClearFailure(r, /no such|does not exist|cannot open|folder|directory/i, 'missing folder');
  });

  it('--db naming a folder: a clear error', async () => {
    const dir = join(tmp, 'a-folder.db');
    mkdirSync(dir);
    assertClearFailure(await runMarquee(['ingest', small, '--db', dir, '--json']), /folder|directory|cannot open/i, 'folder as --db');
  });

  it('--db naming a file that is not a database: a clear error, and the file is untouched', async () => {
    const file = join(tmp, 'notes.db');
    const content = 'These are my notes, not a database.\n'.repeat(200);
    writeFileSync(file, content);
    assertClearFailure(await runMarquee(['ingest', small, '--db', file, '--json']), /not a database|cannot open|database/i, 'text file as --db');
    assert.equal(readFileSync(file, 'utf8'), content, 'the file was modified');
    for (const s of ['-wal', '-shm']) if (existsSync(file + s)) assert.equal(statSync(file + s).size, 0, `left a non-empty ${s}`);
  });

  it('a read-only database file (chmod 444, permissions binding): clear error, nothing changed', { skip: !permissionsBind && 'root without setpriv: chmod does not bind' }, async () => {
    const dir = join(tmp, 'ro-file');
    mkdirSync(dir);
    const db = join(dir, 'kb.db');
    assert.equal((await runMarquee(['ingest', small, '--db', db, '--json'])).code, 0);
    const before = checkDatabase(db);
    chmodSync(db, 0o444);
    try {
      const r = await runMarquee(['ingest', corpus, '--db', db, '--json'], { wrapper });
      assertClearFailure(r, /read-?only|permission|cannot (open|write)|readonly/i, 'read-only file');
    } finally {
      chmodSync(db, 0o644);
    }
    const afterIt = checkDatabase(db);
    assert.deepEqual(afterIt.problems, []);
    assert.equal(afterIt.documents, before.documents, 'documents changed in a read-only database');
  });

  it('a database in a read-only folder (chmod 555, permissions binding): clear error, nothing changed', { skip: !permissionsBind && 'root without setpriv: chmod does not bind' }, async () => {
    const dir = join(tmp, 'ro-dir');
    mkdirSync(dir);
    const db = join(dir, 'kb.db');
    assert.equal((await runMarquee(['ingest', small, '--db', db, '--json'])).code, 0);
    const before = checkDatabase(db);
    chmodSync(dir, 0o555);
    let r: RunResult;
    try {
      r = await runMarquee(['ingest', corpus, '--db', db, '--json'], { wrapper });
    } finally {
      chmodSync(dir, 0o755);
    }
    // SQLite needs to create the -wal and -shm files next to the database: it cannot here.
    assertClearFailure(r, /read-?only|permission|cannot (open|write)|readonly|unable to open/i, 'read-only folder');
    const afterIt = checkDatabase(db);
    assert.equal(afterIt.documents, before.documents);
  });

  it('a read-only file system (tmpfs remounted ro): clear error, nothing changed', async (t) => {
    if (!canMount) return t.skip('cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)');
    const mnt = join(tmp, 'ro-mount');
    assert.ok(mountTmpfs(mnt, '64m'));
    mounts.push(mnt);
    const db = join(mnt, 'kb.db');
    assert.equal((await runMarquee(['ingest', small, '--db', db, '--json'])).code, 0);
    const before = checkDatabase(db);
    remount(mnt, 'ro');
    let r: RunResult;
    try {
      r = await runMarquee(['ingest', corpus, '--db', db, '--json']);
    } finally {
      remount(mnt, 'rw');
    }
    assertClearFailure(r, /read-?only|readonly|cannot (open|write)|unable to open/i, 'read-only file system');
    const afterIt = checkDatabase(db);
    assert.deepEqual(afterIt.problems, []);
    assert.equal(afterIt.documents, before.documents);
  });

  it('a full disk: clear error, only whole documents, and after freeing space a re-run finishes', async (t) => {
    if (!canMount) return t.skip('cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)');
    const mnt = join(tmp, 'full');
    // Room for the schema and part of the corpus only (the WAL needs space too).
    const kb = Math.max(256, Math.floor(refBytes / 1024 / 3));
    assert.ok(mountTmpfs(mnt, `${kb}k`));
    mounts.push(mnt);
    const db = join(mnt, 'kb.db');
    const r = await runMarquee(['ingest', corpus, '--db', db, '--json'], { timeoutMs: 120_000 });
    assertClearFailure(r, /full|no space|ENOSPC|disk/i, 'full disk');
    const s = parseSummaryOrNull(r.stdout);
    t.diagnostic(`tmpfs ${kb} KB: exit ${r.code}; documents ${JSON.stringify(s?.documents)}; first error: ${s?.errors[0]?.message ?? r.stderr.trim().split('\n').slice(-2).join(' | ').slice(0, 300)}`);
    const mid = checkDatabase(db);
    assert.deepEqual(mid.problems, []);
    assert.deepEqual(compareWithReference(mid.perDoc, ref.perDoc), [], `a partly written document${changedNote(STARTED)}`);
    assert.ok(mid.documents < ref.documents, 'the disk was not full after all');
    remount(mnt, 'size=256m');
    const again = await runMarquee(['ingest', corpus, '--db', db, '--json']);
    assert.equal(again.code, 0, again.stderr.slice(-1500));
    const final = checkDatabase(db);
    assert.deepEqual(final.problems, []);
    assert.equal(final.documents, ref.documents);
    assert.equal(final.claims, ref.claims, `claims differ from one clean run${changedNote(STARTED)}`);
    assert.deepEqual(compareWithReference(final.perDoc, ref.perDoc), [], `partly written document${changedNote(STARTED)}`);
  });
});

function parseSummaryOrNull(stdout: string) {
  try {
    return parseSummary(stdout);
  } catch {
    return null;
  }
}
