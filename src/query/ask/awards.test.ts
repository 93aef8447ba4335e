/**
 * @module Award questions end to end (extraction → store → ask) over two fictional articles
 * written for this test: winners by category, a winner's awards with categories, yes/no wins and
 * nominations, a hedged win that is no win ("tipped to win"), a negated one ("has never won") and
 * a category nobody won in the articles (no bluff).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../engine/engine.js';
import type { AskResult, EngineApi } from '../../engine/types.js';
import { categoryMatches } from './answer-awards.js';

const ARTICLES: Record<string, string> = {
  'baftas.txt': [
    'Quiet Water sweeps the Baftas',
    '',
    'Tessa Morland won best actress at the Baftas on Sunday for the drama "Quiet Water". Ivo Brandt picked up best actor, while the comedy "Salt Road" was named best film.',
    '',
    'Director Nadia Pell has never won best director, despite three nominations. Pell was nominated for best director again this year.',
  ].join('\n'),
  'oscars.txt': [
    'Oscar race tightens',
    '',
    'The Oscars take place next month. Bookmakers predict Ivo Brandt will be named best actor at the Oscars.',
  ].join('\n'),
};

interface Case {
  q: string;
  includes?: string[];
  excludes?: string[];
  verdict?: AskResult['verdict'];
  /** Must not answer (null answer, or the no-evidence verdict). */
  none?: boolean;
}

const CASES: Case[] = [
  { q: 'Who won best actress at the Baftas?', includes: ['Tessa Morland'] },
  { q: 'Who won best film?', includes: ['Salt Road'] },
  { q: 'What awards did Ivo Brandt win?', includes: ['best actor', 'BAFTA'], excludes: ['Academy'] },
  { q: 'Did Tessa Morland win best actress?', verdict: 'yes', includes: ['Tessa Morland'] },
  { q: 'Did Ivo Brandt win an Oscar?', verdict: 'no-evidence' },
  { q: 'Did Nadia Pell win best director?', verdict: 'no' },
  { q: 'Was Nadia Pell nominated for best director?', verdict: 'yes' },
  { q: 'Who won best supporting actor at the Baftas?', none: true },
];

describe('ask: awards by category, winner and yes/no', () => {
  let engine: EngineApi;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marquee-awards-'));
    for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, name), text);
    engine = createEngine({ db: ':memory:' });
    await engine.ingest([dir]);
  });
  after(() => {
    engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    it(c.q, async () => {
      const r = await engine.ask(c.q);
      if (c.none) {
        assert.ok(r.answer === null || r.verdict === 'no-evidence', `bluffed "${r.answer}"`);
        return;
      }
      assert.ok(r.answer, `no answer (${r.noAnswer}: ${r.reason ?? ''})`);
      if (c.verdict) assert.equal(r.verdict, c.verdict, r.answer);
      for (const s of c.includes ?? []) assert.ok(r.answer.includes(s), `"${s}" missing from "${r.answer}"`);
      for (const s of c.excludes ?? []) assert.ok(!r.answer.includes(s), `"${s}" should not be in "${r.answer}"`);
      if (c.verdict !== 'no-evidence') for (const a of r.answers) assert.ok(a.evidence.length > 0, `"${a.value}" has no evidence`);
    });
  }

  it('matches categories by their words, not by prefix', () => {
    assert.ok(categoryMatches('best foreign language film', 'best foreign film'));
    assert.ok(categoryMatches('best actor', 'Best Actor'));
    assert.ok(!categoryMatches('best supporting actor', 'best actor'));
    assert.ok(!categoryMatches('best actor', 'best supporting actor'));
    assert.ok(!categoryMatches('best director', 'best film'));
  });
});
