/**
 * @module The gold question set (tests/gold/questions.json) and how an AskResult is judged against
 * it; shared by `npm run eval:ask` and the floor test so both count the same way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AskResult } from '../../engine/types.js';

export type GoldCorpus = 'seeds' | 'bbc' | 'examples';

export interface GoldQuestion {
  question: string;
  corpus: GoldCorpus;
  type: string;
  expect: {
    /** Every string must occur in the answer (case-insensitive). */
    answerIncludes?: string[];
    /** At least one string must occur in the answer. */
    answerIncludesAny?: string[];
    /** The question must get no answer (null, or "no evidence" for yes/no questions). */
    noAnswer?: boolean;
    verdict?: 'yes' | 'no' | 'no-evidence';
  };
}

/** Where each corpus lives, relative to the repository root (process.cwd()). */
export const CORPUS_PATHS: Record<GoldCorpus, string> = {
  seeds: '../shared/corpus/seeds',
  bbc: '../shared/corpus/bbc-entertainment',
  examples: 'examples/articles',
};

export const GOLD_PATH = 'tests/gold/questions.json';

/** Files of examples/ that are documentation, not articles (their questions would answer themselves). */
export const NON_ARTICLE_FILES = /^(?:README|QUESTIONS)\.md$/;

/** Input paths of a corpus for ingest: the folder, minus documentation files in examples/. */
export function corpusInputs(corpus: GoldCorpus): string[] {
  const dir = CORPUS_PATHS[corpus];
  if (corpus !== 'examples') return [dir];
  // examples/articles holds only articles; the filter stays as a guard for documentation files.
  return readdirSync(dir).filter((f) => !NON_ARTICLE_FILES.test(f)).map((f) => join(dir, f));
}

export function loadGold(path = GOLD_PATH): GoldQuestion[] {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { questions: GoldQuestion[] };
  return data.questions;
}

export interface Judgement {
  pass: boolean;
  /** Why it failed (empty when it passed). */
  why: string;
}

const fold = (s: string) => s.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');

/** Judge one result against its expectation. */
export function judge(g: GoldQuestion, r: AskResult): Judgement {
  const e = g.expect;
  if (e.verdict && r.verdict !== e.verdict) return { pass: false, why: `verdict ${r.verdict ?? 'none'} ≠ ${e.verdict}` };
  if (e.noAnswer) {
    const none = r.answer === null || r.verdict === 'no-evidence';
    return none ? { pass: true, why: '' } : { pass: false, why: `bluff: answered "${r.answer}"` };
  }
  if (r.answer === null) return { pass: false, why: `no answer (${r.noAnswer}: ${r.reason ?? ''})` };
  const text = fold([r.answer, ...r.answers.map((a) => a.value)].join(' \n '));
  const missing = (e.answerIncludes ?? []).filter((s) => !text.includes(fold(s)));
  if (missing.length) return { pass: false, why: `missing ${JSON.stringify(missing)} in "${r.answer}"` };
  if (e.answerIncludesAny && !e.answerIncludesAny.some((s) => text.includes(fold(s)))) {
    return { pass: false, why: `none of ${JSON.stringify(e.answerIncludesAny)} in "${r.answer}"` };
  }
  if (r.verdict !== 'no-evidence' && !r.answers.some((a) => a.evidence.length > 0)) return { pass: false, why: 'answer without evidence' };
  return { pass: true, why: '' };
}

export interface Tally {
  pass: number;
  total: number;
}

/** Accuracy by key, plus the overall tally. */
export function tallyBy<T>(items: readonly T[], key: (t: T) => string, ok: (t: T) => boolean): { by: Record<string, Tally>; all: Tally } {
  const by: Record<string, Tally> = {};
  const all: Tally = { pass: 0, total: 0 };
  for (const it of items) {
    const k = key(it);
    by[k] ??= { pass: 0, total: 0 };
    by[k].total++;
    all.total++;
    if (ok(it)) {
      by[k].pass++;
      all.pass++;
    }
  }
  return { by, all };
}

export const ratio = (t: Tally): number => (t.total === 0 ? 0 : Math.round((t.pass / t.total) * 1000) / 1000);
