/**
 * @module Table-driven tests over the five seed articles (ingested through the real engine into
 * an in-memory knowledge base): questions about who wrote the film's songs are answered from the
 * songwriter facts of "Purple Hearts (soundtrack)" as a list with evidence, and yes/no questions
 * about a known person or work and something the articles never mention ("an Oscar") answer
 * "No evidence in the articles." (verdict no-evidence) instead of refusing as unknown-entity.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createEngine } from '../../engine/engine.js';
import type { AskResult, EngineApi } from '../../engine/types.js';
import { NO_EVIDENCE_ANSWER } from './index.js';

const SEEDS = resolve(import.meta.dirname, '../../../../shared/corpus/seeds');
const SONGWRITERS = ['Sofia Carson', 'Justin Tranter', 'Eren Cannata', 'Daniel Crean', 'Skyler Stonestreet'];

interface Case {
  q: string;
  /** Names that must all be in the answer. */
  includes?: string[];
  /** Names that must not be in the answer. */
  excludes?: string[];
  verdict?: AskResult['verdict'];
  noAnswer?: AskResult['noAnswer'];
}

const CASES: Case[] = [
  { q: 'Who co-wrote the songs?', includes: SONGWRITERS },
  { q: 'Who wrote the songs in Purple Hearts?', includes: SONGWRITERS },
  { q: 'Who co-wrote the songs in Purple Hearts?', includes: SONGWRITERS },
  { q: 'Who wrote the original songs for the film?', includes: SONGWRITERS },
  { q: 'Who wrote the songs for the Purple Hearts soundtrack?', includes: SONGWRITERS },
  { q: 'Who wrote the songs with Sofia Carson?', includes: SONGWRITERS.slice(1), excludes: ['Sofia Carson'] },
  { q: 'Did Sofia Carson win an Oscar?', verdict: 'no-evidence' },
  { q: 'Did an Oscar go to Sofia Carson?', verdict: 'no-evidence' },
  { q: 'Did Purple Hearts win an Emmy?', verdict: 'no-evidence' },
  { q: 'Does Sofia Carson have a Grammy?', verdict: 'no-evidence' },
  // Nobody the articles know: still a refusal, not "no evidence".
  { q: 'Did Zendaya win an Oscar?', noAnswer: 'unknown-entity' },
  // Known facts still answer yes.
  { q: 'Did Sofia Carson star in Purple Hearts?', verdict: 'yes', includes: ['Sofia Carson'] },
];

describe('ask over the seeds: songwriters and yes/no without evidence', { skip: existsSync(SEEDS) ? false : `seeds not found at ${SEEDS}` }, () => {
  let engine: EngineApi;
  before(async () => {
    engine = createEngine({ db: ':memory:' });
    await engine.ingest([SEEDS]);
  });
  after(() => engine?.close());

  for (const c of CASES) {
    it(c.q, async () => {
      const r = await engine.ask(c.q);
      if (c.noAnswer) {
        assert.equal(r.answer, null, `answered "${r.answer}"`);
        assert.equal(r.noAnswer, c.noAnswer);
        return;
      }
      assert.ok(r.answer, `no answer (${r.noAnswer}: ${r.reason ?? ''})`);
      if (c.verdict) assert.equal(r.verdict, c.verdict, r.answer);
      if (c.verdict === 'no-evidence') {
        assert.equal(r.answer, NO_EVIDENCE_ANSWER);
        assert.equal(r.answers.length, 0, 'no evidence cited for "no evidence"');
        return;
      }
      for (const name of c.includes ?? []) assert.ok(r.answer.includes(name), `"${name}" missing from "${r.answer}"`);
      for (const name of c.excludes ?? []) assert.ok(!r.answer.includes(name), `"${name}" should not be in "${r.answer}"`);
      // Typed facts, not a retrieval sentence, and every answer cited.
      assert.ok(r.answers.length > 0);
      for (const a of r.answers) {
        assert.notEqual(a.support, 'retrieval', `answer "${a.value}" came from retrieval`);
        assert.ok(a.evidence.length > 0, `"${a.value}" has no evidence`);
      }
    });
  }
});
