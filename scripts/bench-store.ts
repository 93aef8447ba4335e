/**
 * @module Store + resolver benchmark: resolves and inserts synthetic documents (hand-built
 * mentions and claims, no NLP) into a SQLite file, printing the time per 1,000 documents as the
 * database grows (it must stay flat), then query latencies.
 *
 * Usage: node --import tsx scripts/bench-store.ts [--docs 20000] [--db PATH] [--commit-batch N] [--queries-only] [--json]
 * (`--commit-batch N`: N documents per transaction, each in its own savepoint, as `marquee ingest`
 * batches them; default 1, a transaction per document.)
 * (`--db PATH` keeps the database; `--queries-only` times queries on an existing one.)
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityType } from '../src/model/types.js';
import { aliasKey } from '../src/resolve/normalize.js';
import { resolveDocument } from '../src/resolve/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { makeDoc, type ClaimSpec, type MentionTuple } from '../src/testing/make-doc.js';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const DOCS = Number(arg('--docs') ?? 20_000);
const BATCH = 1_000;
/** Queries timed per kind: enough for a stable p99. */
const QUERY_SAMPLES = 200;
const asJson = args.includes('--json');
const queriesOnly = args.includes('--queries-only');
const COMMIT_BATCH = Math.max(1, Number(arg('--commit-batch') ?? 1));

// Seeded PRNG (mulberry32): the same run inserts the same documents.
let seed = 0x5eed;
const rand = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const FIRST = 'Sofia Nicholas Elizabeth Tess Justin Daniel Skyler Camilla Taylor Adele Selena Ariana Zendaya Timothee Florence Austin Margot Ryan Emma Pedro Jenna Millie Noah Jacob Olivia Sydney Glen Anya Paul Rachel Keanu Viola Lupita Oscar Ana Dev Riz Jeremy Ayo Jonathan'.split(' ');
const LAST = 'Carson Galitzine Rosenbaum Wakefield Tranter Crean Stonestreet Cabello Swift Gomez Grande Coleman Chalamet Pugh Butler Robbie Gosling Stone Pascal Ortega Brown Elordi Rodrigo Sweeney Powell Taylor-Joy Mescal Zegler Reeves Davis Nyongo Isaac Armas Patel Ahmed Strong Edebiri Bailey Kaluuya Hathaway Mendes Cooper Lawrence Hemsworth Johansson Holland Saldana Momoa Wright Garfield'.split(' ');
const ADJ = 'Purple Blue Silent Broken Golden Midnight Wild Hidden Last Burning Frozen Crimson Endless Lost Secret Falling Electric Quiet Bright Hollow Paper Velvet Summer Winter Neon'.split(' ');
const NOUN = 'Hearts Skies Roads Rivers Promises Letters Kingdoms Echoes Shadows Dreams Wolves Flowers Mirrors Streets Waves Crowns Stars Gardens Bridges Storms'.split(' ');
const SUBTYPES = ['film', 'film', 'series', 'novel', 'song', 'album'];
const ORGS = ['Netflix', 'Prime Video', 'Hulu', 'Disney+', 'Universal Music Group', 'Sony Pictures', 'Warner Bros.', 'A24', 'Apple TV+', 'Paramount'];
const FILLER =
  'audiences critics premiere streaming soundtrack romance drama sequel trailer interview festival career fans chart record studio season episode director producer award nominations review box office story characters music'.split(' ');

interface Name {
  name: string;
  type: EntityType;
  subtype?: string;
}
const persons: Name[] = [];
for (const f of FIRST) for (const l of LAST) persons.push({ name: `${f} ${l}`, type: 'person' });
const works: Name[] = [];
for (const a of ADJ) for (const n of NOUN) for (const s of ['', ' II']) works.push({ name: `${a} ${n}${s}`, type: 'work', subtype: pick(SUBTYPES) });
const orgs: Name[] = ORGS.map((name) => ({ name, type: 'organization', subtype: 'company' }));

/** One synthetic article: ~15 sentences, ~10 mentions, ~6 claims. */
function syntheticDoc(n: number) {
  const parts: string[] = [];
  const mentions: MentionTuple[] = [];
  const claims: ClaimSpec[] = [];
  let text = '';
  const add = (s: string): void => {
    parts.push(s);
    text = parts.join(' ');
  };
  const mention = (x: Name, surface = x.name): number => {
    const start = text.length + (text.length > 0 ? 1 : 0) + pendingOffset;
    mentions.push([start, start + surface.length, x.type, x.subtype ?? null, x.name]);
    return mentions.length - 1;
  };
  let pendingOffset = 0;
  const work = pick(works);
  const org = pick(orgs);
  const cast = [pick(persons), pick(persons), pick(persons)];
  const director = pick(persons);
  // Sentence: "{Org} released {Work} on 2022-07-29."
  {
    pendingOffset = 0;
    const o = mention(org);
    pendingOffset = `${org.name} released `.length;
    const w = mention(work);
    const s = `${org.name} released ${work.name} in article ${n}.`;
    const start = text.length + (text.length > 0 ? 1 : 0);
    add(s);
    claims.push({ predicate: 'distributed_by', subject: w, object: o, span: [start, start + s.length - 1] });
    claims.push({ predicate: 'publication_date', subject: w, object: { value: `20${10 + (n % 15)}-0${1 + (n % 9)}-1${n % 10}`, datatype: 'date' }, span: [start, start + s.length - 1] });
  }
  for (const p of cast) {
    pendingOffset = 0;
    const w = mention(work);
    pendingOffset = `${work.name} stars `.length;
    const m = mention(p);
    const s = `${work.name} stars ${p.name} as ${pick(FIRST)}.`;
    const start = text.length + (text.length > 0 ? 1 : 0);
    add(s);
    claims.push({ predicate: 'cast_member', subject: w, object: m, qualifiers: { character: 'x' }, span: [start, start + s.length - 1] });
  }
  {
    pendingOffset = 0;
    const d = mention(director);
    pendingOffset = `${director.name} directed `.length;
    const w = mention(work);
    const s = `${director.name} directed ${work.name}.`;
    const start = text.length + (text.length > 0 ? 1 : 0);
    add(s);
    claims.push({ predicate: 'director', subject: w, object: d, span: [start, start + s.length - 1] });
  }
  // A surname-only mention, as articles do after the first full name.
  {
    const p = cast[0];
    const surname = p.name.split(' ')[1];
    pendingOffset = 0;
    mention({ name: surname, type: 'person' }, surname);
    add(`${surname} said the ${pick(FILLER)} was a gift.`);
  }
  for (let i = 0; i < 10; i++) {
    add(Array.from({ length: 12 }, () => pick(FILLER)).join(' ').replace(/^./, (c) => c.toUpperCase()) + '.');
  }
  return makeDoc(text, {
    meta: { title: `${work.name}: article ${n}`, source: 'Bench', date: `20${10 + (n % 15)}-01-01` },
    mentions,
    claims,
  });
}

const own = arg('--db') === undefined;
const dir = own ? mkdtempSync(join(tmpdir(), 'marquee-bench-store-')) : null;
const dbPath = arg('--db') ?? join(dir!, 'bench.db');
const store = openSqliteStore(dbPath);

const batches: { docs: number; msPer1k: number; cpuMsPer1k: number; resolveMs: number; putMs: number; resolveCpuMs: number; putCpuMs: number }[] = [];
let resolveMs = 0;
let putMs = 0;
let resolveCpu = 0;
let putCpu = 0;
const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let t0 = performance.now();
let cpu0 = process.cpuUsage();
/** Resolves and writes one document; inside a batch transaction this is a savepoint. */
let buildMs = 0;
let buildCpu = 0;
let reported = 0;
function ingestOne(n: number): void {
  const t = performance.now();
  const tc = cpuNow();
  const doc = syntheticDoc(n);
  buildMs += performance.now() - t;
  buildCpu += cpuNow() - tc;
  const ca = cpuNow();
  const a = performance.now();
  const w = resolveDocument(doc, store);
  const b = performance.now();
  const cb = cpuNow();
  store.putDocument(w);
  const c = performance.now();
  const cc = cpuNow();
  resolveMs += b - a;
  putMs += c - b;
  resolveCpu += cb - ca;
  putCpu += cc - cb;
}

for (let first = 0; first < (queriesOnly ? 0 : DOCS); first += COMMIT_BATCH) {
  const last = Math.min(DOCS, first + COMMIT_BATCH);
  if (COMMIT_BATCH === 1) ingestOne(first);
  else store.transaction(() => { for (let n = first; n < last; n++) store.transaction(() => ingestOne(n)); });
  if (Math.floor(last / BATCH) > Math.floor(first / BATCH) || last === DOCS) {
    const now = performance.now();
    const cpu = process.cpuUsage(cpu0);
    // Normalised to 1,000 documents (a commit batch may straddle the report boundary).
    const k = 1000 / (last - reported);
    reported = last;
    const cpuMs = ((cpu.user + cpu.system) / 1000) * k;
    [resolveMs, putMs, resolveCpu, putCpu, buildMs, buildCpu] = [resolveMs * k, putMs * k, resolveCpu * k, putCpu * k, buildMs * k, buildCpu * k];
    const wall = (now - t0) * k;
    // Writing (putDocument) includes the commit when every document is its own transaction;
    // with batches the commit happens after the batch and is counted here.
    const commitMs = wall - buildMs - resolveMs - putMs;
    batches.push({ docs: last, msPer1k: wall, cpuMsPer1k: cpuMs, resolveMs, putMs: putMs + commitMs, resolveCpuMs: resolveCpu, putCpuMs: cpuMs - resolveCpu - buildCpu });
    if (!asJson) {
      console.log(
        `${String(last).padStart(6)} docs, per 1k: wall ${wall.toFixed(0).padStart(5)} ms (resolve ${resolveMs.toFixed(0).padStart(5)}, putDocument ${putMs.toFixed(0).padStart(5)}, commit+other ${commitMs.toFixed(0).padStart(5)}) | CPU ${cpuMs.toFixed(0).padStart(5)} ms (resolve ${resolveCpu.toFixed(0).padStart(4)}, putDocument+commit ${(cpuMs - resolveCpu - buildCpu).toFixed(0).padStart(5)})`,
      );
    }
    buildMs = 0;
    buildCpu = 0;
    resolveMs = 0;
    putMs = 0;
    resolveCpu = 0;
    putCpu = 0;
    t0 = performance.now();
    cpu0 = process.cpuUsage();
  }
}

const counts = store.counts();
const entityIds = store.searchEntities('', 2000).map((e) => e.id);
function time(label: string, fn: (i: number) => unknown): { label: string; p50: number; p99: number; mean: number } {
  const ts: number[] = [];
  for (let i = 0; i < QUERY_SAMPLES; i++) {
    const a = performance.now();
    fn(i);
    ts.push(performance.now() - a);
  }
  ts.sort((x, y) => x - y);
  const q = (p: number) => ts[Math.min(ts.length - 1, Math.floor(p * ts.length))];
  return { label, p50: q(0.5), p99: q(0.99), mean: ts.reduce((s, x) => s + x, 0) / ts.length };
}
const queries = [
  time('claims({entityId, limit 50})', (i) => store.claims({ entityId: entityIds[i % entityIds.length], limit: 50 })),
  time('claims({entityId, predicate})', (i) => store.claims({ entityId: entityIds[i % entityIds.length], predicate: 'cast_member', limit: 50 })),
  time('countClaims({entityId})', (i) => store.countClaims({ entityId: entityIds[i % entityIds.length] })),
  time('findEntitiesByAlias', (i) => store.findEntitiesByAlias(aliasKey(persons[i % persons.length].name))),
  time('findEntitiesByToken', (i) => store.findEntitiesByToken(aliasKey(LAST[i % LAST.length]), 'person')),
  time('searchEntities (typeahead, 3 chars)', (i) => store.searchEntities(FIRST[i % FIRST.length].slice(0, 3), 10)),
  time('searchSentences (question, top 10)', (i) => store.searchSentences(`Who directed ${works[i % works.length].name}?`, 10)),
  time('searchSentences (filler words, top 10)', (i) => store.searchSentences(`${FILLER[i % FILLER.length]} ${FILLER[(i * 7) % FILLER.length]}`, 10)),
];
store.close();
const bytes = dbPath === ':memory:' ? 0 : statSync(dbPath).size;

if (asJson) {
  console.log(JSON.stringify({ docs: DOCS, counts, dbBytes: bytes, batches, queries }, null, 2));
} else {
  if (queriesOnly) console.log(`(queries only, on ${dbPath})`);
  console.log(`\n${counts.documents} documents, ${counts.entities} entities, ${counts.mentions} mentions, ${counts.claims} claims; ${(bytes / 1e6).toFixed(1)} MB (main file)`);
  const k = Math.max(1, Math.floor(batches.length / 4));
  if (batches.length > 0) {
  const avg = (bs: typeof batches, f: (b: (typeof batches)[number]) => number): number => bs.reduce((s, b) => s + f(b), 0) / bs.length;
  const report = (label: string, f: (b: (typeof batches)[number]) => number): void => {
    const first = avg(batches.slice(0, k), f);
    const last = avg(batches.slice(-k), f);
    console.log(`${label} per 1k docs: first ${k} batch(es) ${first.toFixed(0)} ms, last ${k} ${last.toFixed(0)} ms (ratio ${(last / first).toFixed(2)})`);
  };
  report('resolve+putDocument wall', (b) => b.resolveMs + b.putMs);
  report('resolve+putDocument CPU ', (b) => b.resolveCpuMs + b.putCpuMs);
  }
  console.log('');
  for (const q of queries) console.log(`${q.label.padEnd(40)} p50 ${q.p50.toFixed(3)} ms  p99 ${q.p99.toFixed(3)} ms  mean ${q.mean.toFixed(3)} ms`);
}
if (dir) rmSync(dir, { recursive: true, force: true });
