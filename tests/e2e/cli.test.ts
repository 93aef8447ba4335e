/**
 * End-to-end: the `marquee` command as a user runs it, over the real seed articles
 * (../shared/corpus/seeds) and a real SQLite file. Covers the foundation issue's "done when".
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

const ROOT = resolve(import.meta.dirname, '../..');
const SEEDS = resolve(ROOT, '../shared/corpus/seeds');
const BIN = join(ROOT, 'bin/marquee.js');

function marquee(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('marquee CLI over the seeds', () => {
  let dir: string;
  let db: string;
  let firstIngest: { documents: { added: number; unchanged: number; failed: number }; claims: number; entities: number; errors: unknown[] };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'marquee-e2e-'));
    db = join(dir, 'kb.db');
    const r = marquee(['ingest', SEEDS, '--db', db, '--json']);
    assert.equal(r.code, 0, r.stderr);
    firstIngest = JSON.parse(r.stdout);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('ingests all five seeds with claims and entities', () => {
    assert.equal(firstIngest.documents.added, 5);
    assert.equal(firstIngest.documents.failed, 0);
    assert.ok(firstIngest.claims > 20, `claims: ${firstIngest.claims}`);
    assert.ok(firstIngest.entities > 10, `entities: ${firstIngest.entities}`);
  });

  const cases: [string, RegExp][] = [
    ['Who plays Cassie in Purple Hearts?', /Sofia Carson/],
    ['Who plays Luke in Purple Hearts?', /Nicholas Galitzine/],
    ['Who directed Purple Hearts?', /Elizabeth Allen Rosenbaum/],
    ['When did Purple Hearts premiere?', /2022-07-29|July 29, 2022/],
  ];
  for (const [question, expected] of cases) {
    it(`answers "${question}" with a quote equal to the cited span`, () => {
      const r = marquee(['ask', question, '--db', db, '--json']);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const res = JSON.parse(r.stdout);
      assert.match(res.answer, expected);
      assert.ok(res.answers.length > 0);
      const ev = res.answers[0].evidence;
      assert.ok(ev.length > 0, 'has evidence');
      const sql = new Database(db, { readonly: true });
      try {
        for (const e of ev) {
          const row = sql.prepare('SELECT text FROM documents WHERE id = ?').get(e.document.id) as { text: string } | undefined;
          assert.ok(row, `document ${e.document.id} exists`);
          assert.equal(row.text.slice(e.start, e.end), e.quote);
          assert.ok(e.sentence.includes(e.quote) || e.quote.includes(e.sentence), 'quote lies in its sentence');
        }
      } finally {
        sql.close();
      }
    });
  }

  it('gives no answer, with a reason, about something the articles never mention', () => {
    const r = marquee(['ask', 'Who directed Titanic?', '--db', db, '--json']);
    const res = JSON.parse(r.stdout);
    assert.equal(res.answer, null);
    assert.ok(res.noAnswer, 'has a noAnswer reason');
  });

  it('changes nothing when the same folder is ingested again', () => {
    const r = marquee(['ingest', SEEDS, '--db', db, '--json']);
    assert.equal(r.code, 0);
    const s = JSON.parse(r.stdout);
    assert.equal(s.documents.added, 0);
    assert.equal(s.documents.unchanged, 5);
    assert.equal(s.claims, 0);
    assert.equal(s.entities, 0);
  });

  it('removes the seeds\' boilerplate lines from the stored text', () => {
    const sql = new Database(db, { readonly: true });
    try {
      const texts = (sql.prepare('SELECT text FROM documents').all() as { text: string }[]).map((r) => r.text).join('\n');
      for (const junk of ['Cookies help us deliver', 'Close this search box', 'Leave a Reply', 'Be the first to comment', 'View all comments', 'Notify of', 'Related: Purple Hearts viewers', 'subscribe to our YouTube', 'Scroll through our gallery', 'This content is created and maintained by a third party']) {
        assert.ok(!texts.includes(junk), `boilerplate left: ${junk}`);
      }
      for (const kept of ['Netflix’s “Purple Hearts”', 'stars Sofia Carson as Cassie', 'Elizabeth Allen Rosenbaum directed the film', 'That’s a wrap!', 'There are conversations.']) {
        assert.ok(texts.includes(kept) || texts.includes(kept.replace(/[“”]/g, '"')), `article text lost: ${kept}`);
      }
    } finally {
      sql.close();
    }
  });

  it('prints facts as JSON Lines with Wikidata ids and evidence', () => {
    const r = marquee(['facts', '--db', db, '--predicate', 'cast_member']);
    assert.equal(r.code, 0, r.stderr);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.ok(rows.length >= 2);
    for (const c of rows) {
      assert.equal(c.predicate, 'cast_member');
      assert.equal(c.wikidata, 'P161');
      assert.ok(c.subject.id && c.object.id && c.evidence[0].quote);
    }
    assert.ok(rows.some((c) => c.object.name === 'Sofia Carson' && c.qualifiers.character === 'Cassie'));
  });

  it('shows an entity page by alias', () => {
    const r = marquee(['entity', 'Carson', '--db', db, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const page = JSON.parse(r.stdout);
    assert.equal(page.entity.name, 'Sofia Carson');
    assert.equal(page.entity.type, 'person');
    assert.ok(page.facts.length > 0);
  });

  it('extracts one document without a database', () => {
    const r = spawnSync(process.execPath, [BIN, 'extract', '-', '--date', '2022-08-01', '--title', 'Test'], {
      cwd: ROOT,
      encoding: 'utf8',
      input: 'Netflix\'s "Purple Hearts" stars Sofia Carson as Cassie and Nicholas Galitzine as Luke. Elizabeth Allen Rosenbaum directed the film.',
    });
    assert.equal(r.status, 0, r.stderr);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.ok(rows.some((c) => c.predicate === 'cast_member' && c.object.name === 'Sofia Carson'));
    assert.ok(rows.some((c) => c.predicate === 'director' && c.object.name === 'Elizabeth Allen Rosenbaum'));
  });

  it('exits 2 on a usage error', () => {
    assert.equal(marquee(['ingest']).code, 2);
    assert.equal(marquee(['no-such-command']).code, 2);
  });
});

describe('marquee ingest with broken inputs', () => {
  it('reports each bad file with its path and reason and ingests the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marquee-bad-'));
    try {
      const inputs = join(dir, 'in');
      execFileSync('mkdir', ['-p', inputs]);
      writeFileSync(join(inputs, 'empty.txt'), '');
      writeFileSync(join(inputs, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
      writeFileSync(join(inputs, 'latin.txt'), Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe, 0x20, 0x6f, 0x6b, 0x2e]));
      writeFileSync(
        join(inputs, 'feed.jsonl'),
        [
          JSON.stringify({ title: 'Good one', text: 'Greta Lind stars as Mara in the film "Salt Harbour". The film premiered on May 2, 2025.', date: '2025-05-03' }),
          '{"title": "broken", "text": ',
          JSON.stringify({ title: 'Good two', text: 'Director Tomas Reyes directed the thriller "Night Ferry", which premiered in March 2024.', date: '2024-04-01' }),
        ].join('\n') + '\n',
      );
      writeFileSync(join(inputs, 'good.txt'), 'Rising star signs on\n\nActor Jonah Pike will star as Captain Hale in the series "Iron Coast", the studio announced on Monday.\n');
      const db = join(dir, 'kb.db');
      const r = marquee(['ingest', inputs, '--db', db, '--json']);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      const s = JSON.parse(r.stdout);
      const paths = s.errors.map((e: { path: string }) => e.path);
      assert.ok(paths.some((p: string) => p.endsWith('empty.txt')), JSON.stringify(s.errors));
      assert.ok(paths.some((p: string) => p.endsWith('binary.txt')), JSON.stringify(s.errors));
      assert.ok(paths.some((p: string) => p.endsWith('latin.txt')), JSON.stringify(s.errors));
      assert.ok(paths.some((p: string) => /feed\.jsonl:2$/.test(p)), JSON.stringify(s.errors));
      for (const e of s.errors) assert.ok(e.message.length > 5, 'a clear reason');
      assert.equal(s.documents.added, 3);
      assert.ok(existsSync(db));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
