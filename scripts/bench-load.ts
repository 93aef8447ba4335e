/**
 * @module Load test of `marquee serve` (issue 8), `npm run bench:load`. Builds a knowledge base
 * (default: the seed articles plus the BBC entertainment corpus from ../shared), starts the real
 * server as a child process on 127.0.0.1, and runs autocannon against the ask and entity-page
 * routes, each for a fixed time and a capped request count. Reports requests/s, p50/p99 latency,
 * errors (must be 0) and the server's resident memory before, during and after (it must not grow
 * without bound). Exits 1 if any request failed.
 *
 *     npm run bench:load -- [--duration 30] [--connections 10] [--db FILE] [--corpus PATH...] [--json FILE]
 *
 * The load generator runs in this process, on the same machine as the server: on a 2-core box
 * the figures are a floor, not a ceiling.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/marquee.js');

interface Args {
  duration: number;
  connections: number;
  db: string | null;
  corpus: string[];
  json: string | null;
  maxRequests: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    duration: 30,
    connections: 10,
    db: null,
    corpus: [],
    json: null,
    maxRequests: 3_000_000,
  };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    switch (argv[i]) {
      case '--duration': a.duration = Number(v); i++; break;
      case '--connections': a.connections = Number(v); i++; break;
      case '--db': a.db = v; i++; break;
      case '--corpus': a.corpus.push(v); i++; break;
      case '--json': a.json = v; i++; break;
      case '--max-requests': a.maxRequests = Number(v); i++; break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (a.corpus.length === 0) a.corpus = [resolve(ROOT, '../shared/corpus/seeds'), resolve(ROOT, '../shared/corpus/bbc-entertainment')].filter((p) => existsSync(p));
  return a;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

/** Resident set size of a process in MB (Linux /proc), or NaN. */
function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 102.4) / 10 : NaN;
  } catch {
    return NaN;
  }
}

/** One autocannon run's figures. */
interface Scenario {
  name: string;
  paths: number;
  seconds: number;
  requests: number;
  requestsPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  rssMb: { before: number; peak: number; after: number };
}

async function load(name: string, base: string, paths: string[], args: Args, pid: number): Promise<Scenario> {
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250);
  const r = await autocannon({
    url: base,
    connections: args.connections,
    duration: args.duration,
    maxOverallRequests: args.maxRequests,
    timeout: 10,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  clearInterval(sampler);
  await sleep(500);
  const after = rssMb(pid);
  return {
    name,
    paths: paths.length,
    seconds: r.duration,
    requests: r.requests.total,
    requestsPerSec: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    rssMb: { before, peak: Math.max(peak, after), after },
  };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const tmp = mkdtempSync(join(tmpdir(), 'marquee-load-'));
  const db = args.db ?? join(tmp, 'kb.db');
  let server: ChildProcess | null = null;
  try {
    // 1. The knowledge base.
    if (!args.db || !existsSync(db)) {
      if (args.corpus.length === 0) throw new Error('no corpus: pass --corpus PATH (../shared/corpus not found)');
      process.stderr.write(`building the knowledge base from ${args.corpus.join(', ')}…\n`);
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [BIN, 'ingest', ...args.corpus, '--db', db, '--json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '1' }, maxBuffer: 64 << 20 });
      const line = r.stdout.trim().split('\n').pop() ?? '';
      if (!line.startsWith('{')) throw new Error(`ingest failed (exit ${r.status}): ${r.stderr.slice(-1500)}`);
      const s = JSON.parse(line) as { documents: { added: number; failed: number } };
      process.stderr.write(`  ${s.documents.added} documents (${s.documents.failed} failed) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    }
    const sql = new Database(db, { readonly: true });
    const counts = sql.prepare('SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM entities) AS entities, (SELECT count(*) FROM claims) AS claims').get() as Record<string, number>;
    const entityIds = (sql.prepare('SELECT id FROM entities ORDER BY mention_count DESC LIMIT 200').all() as { id: string }[]).map((r) => r.id);
    // Questions: fixed seed questions, plus "who directed / who stars in" for the most-mentioned works.
    const works = (sql.prepare("SELECT name FROM entities WHERE type = 'work' ORDER BY mention_count DESC LIMIT 40").all() as { name: string }[]).map((r) => r.name);
    const people = (sql.prepare("SELECT name FROM entities WHERE type = 'person' ORDER BY mention_count DESC LIMIT 20").all() as { name: string }[]).map((r) => r.name);
    sql.close();
    const questions = [
      'Who plays Cassie in Purple Hearts?',
      'Who plays Luke in Purple Hearts?',
      'Who directed Purple Hearts?',
      'When did Purple Hearts premiere?',
      'What is Purple Hearts based on?',
      'Who won the best actress award?',
      'Who is the manager of the Eiffel Tower?',
      ...works.flatMap((w) => [`Who directed ${w}?`, `Who stars in ${w}?`, `When was ${w} released?`]),
      ...people.map((p) => `What films has ${p} been in?`),
    ];
    const askPaths = questions.map((q) => `/api/ask?q=${encodeURIComponent(q)}`);
    const entityPaths = entityIds.map((id) => `/api/entities/${encodeURIComponent(id)}`);

    // 2. The server.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', String(port), '--host', '127.0.0.1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });
    let serverErr = '';
    server.stderr!.on('data', (d: Buffer) => (serverErr += d.toString()));
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        /* not yet listening */
      }
      if (i > 400 || server.exitCode !== null) throw new Error(`server did not start: ${serverErr.slice(-1500)}`);
      await sleep(50);
    }
    const pid = server.pid!;
    const idle = rssMb(pid);
    // Every path must answer 200 before we measure (a 404 or 500 would count as an error).
    for (const p of [...askPaths, ...entityPaths]) {
      const res = await fetch(base + p);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET ${p} → ${res.status}`);
    }
    process.stderr.write(`server pid ${pid} on ${base}; idle RSS ${idle} MB; warming up…\n`);
    await autocannon({ url: base, connections: args.connections, duration: 3, requests: askPaths.slice(0, 20).map((path) => ({ method: 'GET', path })) });

    // 3. Load.
    const results: Scenario[] = [];
    const loadBefore = loadavg()[0];
    for (const [name, paths] of [
      ['GET /api/ask?q=…', askPaths],
      ['GET /api/entities/:id', entityPaths],
      ['GET /api/ask?q=… (second run: memory steady?)', askPaths],
    ] as const) {
      process.stderr.write(`${name}: ${args.duration} s, ${args.connections} connections, ${paths.length} distinct paths…\n`);
      const r = await load(name, base, [...paths], args, pid);
      results.push(r);
      process.stderr.write(`  ${r.requestsPerSec} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, errors ${r.errors + r.non2xx}, RSS ${r.rssMb.before} → ${r.rssMb.after} MB (peak ${r.rssMb.peak})\n`);
    }
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memGb: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverage1m: { before: loadBefore, after: loadavg()[0] } },
      knowledgeBase: counts,
      connections: args.connections,
      idleRssMb: idle,
      scenarios: results,
      command: `npm run bench:load -- --duration ${args.duration} --connections ${args.connections}`,
    };
    if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2) + '\n');
    const lines = [
      `Load test — ${report.date.slice(0, 10)}, ${report.machine.cpus} × ${report.machine.cpu}, Node ${report.machine.node}; 1-min load average ${loadBefore.toFixed(1)} before, ${report.machine.loadAverage1m.after.toFixed(1)} after (other work on the machine)`,
      `knowledge base: ${counts.documents} documents, ${counts.entities} entities, ${counts.claims} claims; ${args.connections} connections, ${args.duration} s per route; idle RSS ${idle} MB`,
      '',
      '| route | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | RSS before → after (peak) MB |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---|',
      ...results.map((r) => `| ${r.name} | ${r.requests} | ${r.requestsPerSec} | ${r.latencyMs.p50} | ${r.latencyMs.p90} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${r.errors + r.non2xx + r.timeouts} | ${r.rssMb.before} → ${r.rssMb.after} (${r.rssMb.peak}) |`),
    ];
    process.stdout.write(lines.join('\n') + '\n');
    const failed = results.some((r) => r.errors + r.non2xx + r.timeouts > 0);
    if (failed) process.stderr.write('FAIL: some requests failed\n');
    return failed ? 1 : 0;
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await Promise.race([new Promise((r) => server!.once('exit', r)), sleep(5000)]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`bench:load: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
