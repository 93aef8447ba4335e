/**
 * @module Shared helpers for the reliability tests: run the real `marquee` command as a child
 * process (always with a timeout), generate small synthetic articles, and check a SQLite knowledge
 * base for the invariants a crash must never break (integrity, whole documents, no orphans).
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** The `marquee` entry point. */
export const BIN = join(ROOT, 'bin/marquee.js');

/** What a finished child process left behind. */
export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the harness had to kill it because it ran past its timeout (a hang). */
  timedOut: boolean;
  ms: number;
}

/** Options for {@link runMarquee}. */
export interface RunOptions {
  /** Kill the child (SIGKILL) and report `timedOut` after this many milliseconds. */
  timeoutMs?: number;
  env?: Record<string, string>;
  /** Prefix the command, e.g. `['setpriv', '--bounding-set=-dac_override', '--']`. */
  wrapper?: string[];
}

/** The environment every child gets: no TTY progress bar, no colour. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

/** Start `marquee <args>` without waiting for it. */
export function spawnMarquee(args: string[], opts: RunOptions = {}): ChildProcess {
  const cmd = [...(opts.wrapper ?? []), process.execPath, BIN, ...args];
  const so: SpawnOptions = { cwd: ROOT, env: childEnv(opts.env), stdio: ['ignore', 'pipe', 'pipe'] };
  return spawn(cmd[0], cmd.slice(1), so);
}

/** Collect a child's output and wait for it to exit (or kill it at the timeout). */
export function waitFor(child: ChildProcess, timeoutMs = 120_000): Promise<RunResult> {
  const t0 = performance.now();
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((res) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      res({ code, signal, stdout, stderr, timedOut, ms: Math.round(performance.now() - t0) });
    });
  });
}

/** Run `marquee <args>` to completion (bounded by a timeout). */
export function runMarquee(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  return waitFor(spawnMarquee(args, opts), opts.timeoutMs ?? 120_000);
}

/** The `ingest --json` summary (issue 2's contract). */
export interface IngestSummary {
  documents: { added: number; unchanged: number; failed: number; duplicates?: number };
  claims: number;
  entities: number;
  errors: { path: string; message: string }[];
}

/** Parse the one JSON object `ingest --json` prints (the last non-empty stdout line). */
export function parseSummary(stdout: string): IngestSummary {
  const lines = stdout.trim().split('\n').filter((l) => l.trim().startsWith('{'));
  if (lines.length === 0) throw new Error(`no JSON summary on stdout: ${JSON.stringify(stdout.slice(0, 500))}`);
  return JSON.parse(lines[lines.length - 1]) as IngestSummary;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Synthetic articles: every name, title and sentence below is invented for these tests.

const FIRST = ['Amara', 'Bastien', 'Celia', 'Dorian', 'Elodie', 'Fintan', 'Greta', 'Hollis', 'Ines', 'Jasper', 'Keira', 'Lorcan', 'Mireille', 'Nils', 'Odessa', 'Piers', 'Quilla', 'Rafferty', 'Saoirse', 'Tobias', 'Ulla', 'Vesper', 'Wren', 'Ximena', 'Yannick', 'Zelda'];
const LAST = ['Ashdown', 'Brightwater', 'Calloway', 'Dunmore', 'Everleigh', 'Fairbairn', 'Galloway', 'Hartwell', 'Ingleby', 'Juniper', 'Kettering', 'Lindqvist', 'Marchetti', 'Northcote', 'Okonkwo', 'Pemberton', 'Quarrington', 'Rosenthal', 'Sallow', 'Thornbury', 'Underhill', 'Vantongeren', 'Whitlock', 'Yardley'];
const W1 = ['Silver', 'Hollow', 'Crimson', 'Quiet', 'Northern', 'Paper', 'Glass', 'Winter', 'Salt', 'Amber', 'Iron', 'Velvet', 'Distant', 'Burning', 'Lost'];
const W2 = ['Harbour', 'Orchard', 'Lanterns', 'Kingdom', 'Tide', 'Meridian', 'Garden', 'Station', 'Letters', 'Summer', 'Frontier', 'Crown', 'Echoes', 'Rivers', 'Masks'];
const ROLES = ['Maggie', 'Theo', 'Rosalind', 'Ezra', 'June', 'Felix', 'Harriet', 'Otto', 'Clara', 'Silas'];
const STUDIOS = ['Netflix', 'Apple TV+', 'Amazon Prime Video', 'HBO', 'Disney+', 'Hulu'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One synthetic entertainment-news article (title line, blank line, body), distinct for each `i`. */
export function syntheticArticle(i: number, seed = 1): { title: string; text: string } {
  const r = rng(seed * 1_000_003 + i);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const film = `${pick(W1)} ${pick(W2)} ${i}`;
  const lead = person();
  const co = person();
  const director = person();
  const author = person();
  const role1 = pick(ROLES);
  const role2 = pick(ROLES.filter((x) => x !== role1));
  const studio = pick(STUDIOS);
  const day = 1 + Math.floor(r() * 28);
  const month = pick(MONTHS);
  const year = 2015 + Math.floor(r() * 10);
  const title = `${studio}'s "${film}" casts ${lead} and ${co} (story ${i})`;
  const body = [
    `${studio}'s "${film}" stars ${lead} as ${role1} and ${co} as ${role2}.`,
    `The film is directed by ${director} and is based on the ${year - 3} novel of the same name by ${author}.`,
    `"${film}" premiered on ${month} ${day}, ${year}, and it was distributed by ${studio}.`,
    `"I have never read a script like this one," ${lead} said in an interview.`,
    `${director} directed the picture over ${20 + Math.floor(r() * 40)} days of filming, according to the studio.`,
    `Critics called it one of the surprises of ${year}, and ${co} is already attached to a sequel, story number ${i}.`,
  ];
  return { title, text: `${title}\n\n${body.join(' ')}\n` };
}

/** Write `n` synthetic `.txt` articles into `dir` (created); returns their paths. */
export function writeSyntheticCorpus(dir: string, n: number, seed = 1): string[] {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = join(dir, `article-${String(i).padStart(5, '0')}.txt`);
    writeFileSync(p, syntheticArticle(i, seed).text);
    paths.push(p);
  }
  return paths;
}

// ---------------------------------------------------------------------------------------------
// Database invariants.

/** Per-document row counts, keyed by document id. */
export type DocCounts = Map<string, { sentences: number; mentions: number; claims: number }>;

/** What {@link checkDatabase} found. */
export interface DbReport {
  documents: number;
  sentences: number;
  mentions: number;
  claims: number;
  entities: number;
  perDoc: DocCounts;
  /** Every broken invariant, in words; empty when the database is sound. */
  problems: string[];
}

const tableExists = (db: Database.Database, name: string) =>
  !!db.prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table') AND name = ?").get(name);

/**
 * Open the database (read-write, so a WAL left by a killed writer is recovered, as the next
 * `marquee` run would) and check: `PRAGMA integrity_check` is ok, foreign keys hold, the FTS index
 * matches its content table, every document has its sentences, and no sentence, mention, claim,
 * resolution or band row points at a missing document. Everything runs in one read transaction
 * so the figures are one snapshot even while another process writes.
 */
export function checkDatabase(file: string, opts: { readonly?: boolean; quick?: boolean } = {}): DbReport {
  const db = new Database(file, { readonly: !!opts.readonly, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  try {
    const problems: string[] = [];
    const run = () => {
      const integrity = db.pragma(opts.quick ? 'quick_check' : 'integrity_check', { simple: false }) as { integrity_check?: string; quick_check?: string }[];
      const ok = integrity.length === 1 && (integrity[0].integrity_check ?? integrity[0].quick_check) === 'ok';
      if (!ok) problems.push(`integrity_check: ${JSON.stringify(integrity.slice(0, 5))}`);
      const fk = db.pragma('foreign_key_check') as unknown[];
      if (fk.length) problems.push(`foreign_key_check: ${fk.length} violations, e.g. ${JSON.stringify(fk[0])}`);
      if (!tableExists(db, 'documents')) {
        return { documents: 0, sentences: 0, mentions: 0, claims: 0, entities: 0, perDoc: new Map() as DocCounts };
      }
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      const noSentences = count('SELECT count(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc_id = d.id)');
      if (noSentences) problems.push(`${noSentences} documents have no sentences (half-written)`);
      for (const t of ['sentences', 'mentions', 'claims', 'resolutions', 'lsh_bands']) {
        if (!tableExists(db, t)) continue;
        const orphans = count(`SELECT count(*) AS n FROM ${t} x WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = x.doc_id)`);
        if (orphans) problems.push(`${orphans} ${t} rows reference a missing document`);
      }
      for (const [t, col] of [['claims', 'subject_id'], ['claims', 'object_id'], ['mentions', 'entity_id']] as const) {
        const orphans = count(`SELECT count(*) AS n FROM ${t} x WHERE x.${col} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = x.${col})`);
        if (orphans) problems.push(`${orphans} ${t}.${col} values reference a missing entity`);
      }
      if (tableExists(db, 'sentences_fts') && !opts.readonly) {
        try {
          db.prepare("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)").run();
        } catch (e) {
          problems.push(`FTS integrity-check: ${(e as Error).message}`);
        }
      }
      const perDoc: DocCounts = new Map();
      for (const row of db.prepare('SELECT id FROM documents').all() as { id: string }[]) perDoc.set(row.id, { sentences: 0, mentions: 0, claims: 0 });
      for (const [t, key] of [['sentences', 'sentences'], ['mentions', 'mentions'], ['claims', 'claims']] as const) {
        for (const row of db.prepare(`SELECT doc_id, count(*) AS n FROM ${t} GROUP BY doc_id`).all() as { doc_id: string; n: number }[]) {
          const d = perDoc.get(row.doc_id);
          if (d) d[key] = row.n;
        }
      }
      return {
        documents: perDoc.size,
        sentences: count('SELECT count(*) AS n FROM sentences'),
        mentions: count('SELECT count(*) AS n FROM mentions'),
        claims: count('SELECT count(*) AS n FROM claims'),
        entities: count('SELECT count(*) AS n FROM entities'),
        perDoc,
      };
    };
    // The FTS integrity-check is an INSERT: wrap in a transaction we roll back (it writes nothing).
    let figures: Omit<DbReport, 'problems'>;
    if (opts.readonly) figures = db.transaction(run)();
    else {
      db.exec('BEGIN');
      try {
        figures = run();
      } finally {
        db.exec('ROLLBACK');
      }
    }
    return { ...figures, problems };
  } finally {
    db.close();
  }
}

/**
 * Compare each document's sentence/mention/claim counts with a clean reference run's: a document
 * present must be whole (exactly the rows a clean run wrote for it). Returns the differences.
 */
export function compareWithReference(got: DocCounts, ref: DocCounts): string[] {
  const diffs: string[] = [];
  for (const [id, c] of got) {
    const r = ref.get(id);
    if (!r) diffs.push(`document ${id} is not in the reference run`);
    else if (r.sentences !== c.sentences || r.mentions !== c.mentions || r.claims !== c.claims) {
      diffs.push(`document ${id}: ${JSON.stringify(c)} ≠ reference ${JSON.stringify(r)}`);
    }
  }
  return diffs;
}

/** Lines of a Node stack trace ("    at fn (file:line:col)"): a user should never see one. */
export const STACK_TRACE = /^\s+at .+[:(].*\d+:\d+\)?$/m;

/**
 * Source files under src/ modified after `sinceMs` (epoch ms). In a checkout several people edit
 * at once, a reference run and a later run may execute different code; failure messages append
 * this so such a mismatch is not mistaken for a crash-safety bug. Empty in CI.
 */
export function sourcesChangedSince(sinceMs: number): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.endsWith('.test.ts') && statSync(p).mtimeMs > sinceMs) out.push(p.slice(ROOT.length + 1));
    }
  };
  walk(join(ROOT, 'src'));
  return out;
}

/** A note for failure messages: which sources changed since `sinceMs`, if any. */
export function changedNote(sinceMs: number): string {
  const changed = sourcesChangedSince(sinceMs);
  return changed.length ? ` [note: ${changed.length} source files changed while this test ran (${changed.slice(0, 4).join(', ')}): runs may have executed different code]` : '';
}
