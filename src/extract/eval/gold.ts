/**
 * @module Scoring extraction against our hand-written gold (tests/gold/claims.json): per-predicate
 * precision and recall over the seeds, plus forbidden claims found. Precision counts every
 * extracted claim (deduplicated by predicate, subject, object) of a gold file: the gold lists
 * everything a careful reader takes from the article, so an unlisted claim is a false positive.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document } from '../../doc/document.js';
import type { DocClaim } from '../../model/types.js';
import { extractDocument } from '../index.js';

export interface GoldClaim {
  predicate: string;
  subject: string;
  subjectSubtype?: string;
  object: string;
  objectSubtype?: string;
  qualifiers?: Record<string, string | number>;
  modality?: string;
}

export interface GoldFile {
  file: string;
  /** Path from the repo root, for articles outside the seeds folder. */
  path?: string;
  expect: GoldClaim[];
  forbid: GoldClaim[];
}

export interface PredicateScore {
  predicate: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface GoldReport {
  perPredicate: PredicateScore[];
  micro: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
  forbiddenHits: { file: string; claim: GoldClaim }[];
  falsePositives: { file: string; claim: string }[];
  misses: { file: string; claim: GoldClaim }[];
}

/**
 * Build a Document from a seed file the way the reader does: a leading ` date YYYY-MM-DD` line is
 * metadata (meta.date) and is cut from the text; otherwise the text is used as-is and its first
 * line is the title.
 */
export function seedDocument(path: string): Document {
  let text = readFileSync(path, 'utf8');
  let date: string | null = null;
  const m = /^ date (\d{4}-\d{2}-\d{2})[ \t]*/.exec(text);
  if (m) {
    date = m[1];
    text = text.slice(m[0].length);
  }
  const title = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return new Document(text, { title, source: null, url: null, date, path });
}

const norm = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

/** Whether an extracted claim matches a gold claim. */
export function matches(c: DocClaim, g: GoldClaim): boolean {
  if (c.predicate !== g.predicate) return false;
  if (g.subject !== '*' && norm(c.subject.name) !== norm(g.subject)) return false;
  if (g.subjectSubtype && c.subject.subtype !== g.subjectSubtype) return false;
  if ('name' in c.object) {
    if (norm(c.object.name) !== norm(g.object)) return false;
    if (g.objectSubtype && c.object.subtype !== g.objectSubtype) return false;
  } else if (c.object.datatype === 'string' && c.predicate === 'said') {
    if (!norm(c.object.value).startsWith(norm(g.object))) return false;
  } else if (norm(c.object.value) !== norm(g.object)) return false;
  for (const [k, v] of Object.entries(g.qualifiers ?? {})) {
    if (c.qualifiers[k] === undefined || norm(String(c.qualifiers[k])) !== norm(String(v))) return false;
  }
  if (g.modality && c.modality !== g.modality) return false;
  return true;
}

const claimKey = (c: DocClaim) => `${c.predicate}|${c.subject.name}|${c.subject.subtype ?? ''}|${'name' in c.object ? c.object.name : c.object.value}`;

/**
 * Run extraction over every gold file and score it.
 * @param goldPath - tests/gold/claims.json
 * @param seedsDir - folder of the seed articles
 */
export function scoreGold(goldPath: string, seedsDir: string): GoldReport {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { files: GoldFile[] };
  const per = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (p: string, k: 'tp' | 'fp' | 'fn') => {
    const e = per.get(p) ?? { tp: 0, fp: 0, fn: 0 };
    e[k]++;
    per.set(p, e);
  };
  const report: GoldReport = { perPredicate: [], micro: { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0 }, forbiddenHits: [], falsePositives: [], misses: [] };
  for (const gf of gold.files) {
    const doc = extractDocument(seedDocument(gf.path ?? join(seedsDir, gf.file)));
    const claims = doc.get('claims');
    // precision: one judgement per distinct (predicate, subject, object)
    const byKey = new Map<string, DocClaim[]>();
    for (const c of claims) byKey.set(claimKey(c), [...(byKey.get(claimKey(c)) ?? []), c]);
    for (const [key, group] of byKey) {
      const ok = group.some((c) => gf.expect.some((g) => matches({ ...c, qualifiers: {}, modality: c.modality }, { ...g, qualifiers: undefined, modality: undefined })));
      bump(group[0].predicate, ok ? 'tp' : 'fp');
      if (!ok) report.falsePositives.push({ file: gf.file, claim: key });
    }
    for (const g of gf.expect) {
      if (!claims.some((c) => matches(c, g))) {
        bump(g.predicate, 'fn');
        report.misses.push({ file: gf.file, claim: g });
      }
    }
    for (const g of gf.forbid) if (claims.some((c) => matches(c, g))) report.forbiddenHits.push({ file: gf.file, claim: g });
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  for (const [predicate, e] of [...per.entries()].sort()) {
    report.perPredicate.push({ predicate, ...e, precision: ratio(e.tp, e.tp + e.fp), recall: ratio(e.tp, e.tp + e.fn) });
    report.micro.tp += e.tp;
    report.micro.fp += e.fp;
  }
  report.micro.fn = report.misses.length;
  const matchedExpected = gold.files.reduce((n, f) => n + f.expect.length, 0) - report.misses.length;
  report.micro.precision = ratio(report.micro.tp, report.micro.tp + report.micro.fp);
  report.micro.recall = ratio(matchedExpected, matchedExpected + report.micro.fn);
  const { precision: p, recall: r } = report.micro;
  report.micro.f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return report;
}
