/**
 * @module `npm run eval:ask [-- --corpus seeds|bbc|examples] [--json] [--failures] [--verbose]`: ingests each
 * corpus into a temporary SQLite knowledge base through the engine, asks every gold question of
 * that corpus (tests/gold/questions.json) and reports accuracy by question type and overall, the
 * number of bluffs (an answer where none was expected), citation checks (every evidence quote
 * equals the stored text span) and latency. `--failures` lists the misses, each classified as
 * extraction-side (the text names the answer but no fact links it to the question's entity),
 * ask-side (such a fact exists but the answer missed it) or a bluff; `--verbose` prints every
 * question with its answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine/engine.js';
import { corpusInputs, judge, loadGold, ratio, tallyBy, type GoldCorpus, type GoldQuestion } from '../src/query/ask/gold.js';
import type { AskResult, EngineApi } from '../src/engine/types.js';

interface Row {
  g: GoldQuestion;
  r: AskResult;
  pass: boolean;
  why: string;
  ms: number;
  badCitations: number;
  /** For a miss: which side of the pipeline lost it (see `classifyMiss`). */
  side?: string;
}

const fold = (x: string) => x.toLowerCase().replace(/[\u2018\u2019]/g, "'");

/**
 * Where a miss comes from. A bluff is a bluff. Otherwise, with the names the question resolved and
 * the expected answer strings: a stored fact that names both means the facts were there and the
 * ask side missed them; the answer in the text but in no such fact is an extraction miss; neither
 * means the gold or the text should be checked.
 */
function classifyMiss(engine: EngineApi, g: GoldQuestion, r: AskResult): string {
  if (g.expect.noAnswer) return 'bluff';
  const asked = (r.plan?.entities ?? []).flatMap((e) => [e.text, ...e.resolved.map((x) => x.name)]).map(fold);
  const expected = [...(g.expect.answerIncludes ?? []), ...(g.expect.answerIncludesAny ?? [])];
  if (expected.length === 0) {
    // a verdict: is there any fact about the question's entities at all?
    const facts = (r.plan?.entities ?? []).flatMap((e) => e.resolved.flatMap((x) => engine.facts({ entity: x.id, limit: 200 })));
    return facts.length ? 'ask-side (facts about the entities exist; verdict wrong)' : 'extraction-side (no fact about the entities)';
  }
  for (const want of expected) {
    const facts = engine.facts({ entity: want, limit: 500 });
    const linked = facts.some((c) => {
      const names = [c.subject.name, 'name' in c.object ? c.object.name : c.object.value, ...Object.values(c.qualifiers).map(String)].map(fold);
      return asked.some((a) => names.some((n) => n.includes(a) || a.includes(n)));
    });
    if (linked) return `ask-side (a fact links "${want}" to the question)`;
  }
  const inText = expected.some((want) => engine.search(`"${want}"`, 1).length > 0);
  return inText ? 'extraction-side (the text names the answer; no fact links it)' : 'gold/text (answer not found in the text)';
}

/** Runs the gold questions of one corpus; exported for the floor test. */
export async function evaluateCorpus(corpus: GoldCorpus, questions: readonly GoldQuestion[]): Promise<{ rows: Row[]; ingestSeconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), `marquee-eval-ask-${corpus}-`));
  const engine = createEngine({ db: join(dir, 'kb.db') });
  try {
    const t0 = performance.now();
    await engine.ingest(corpusInputs(corpus));
    const ingestSeconds = (performance.now() - t0) / 1000;
    const rows: Row[] = [];
    const texts = new Map<string, string>();
    for (const g of questions) {
      const t = performance.now();
      const r = engine.ask(g.question, { explain: true });
      const ms = performance.now() - t;
      let badCitations = 0;
      for (const a of r.answers) {
        for (const e of a.evidence) {
          if (!texts.has(e.document.id)) texts.set(e.document.id, engine.document(e.document.id)?.document.text ?? '');
          if (texts.get(e.document.id)!.slice(e.start, e.end) !== e.quote) badCitations++;
        }
      }
      const j = judge(g, r);
      const pass = j.pass && badCitations === 0;
      rows.push({ g, r, pass, why: badCitations ? `${badCitations} bad citations` : j.why, ms, badCitations, ...(pass ? {} : { side: classifyMiss(engine, g, r) }) });
    }
    return { rows, ingestSeconds };
  } finally {
    engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { corpus: { type: 'string', multiple: true }, json: { type: 'boolean' }, failures: { type: 'boolean' }, verbose: { type: 'boolean' } } });
  const gold = loadGold();
  const corpora = (values.corpus?.length ? values.corpus : ['seeds', 'examples', 'bbc']) as GoldCorpus[];
  const all: Row[] = [];
  const ingest: Record<string, number> = {};
  for (const c of corpora) {
    const qs = gold.filter((g) => g.corpus === c);
    if (qs.length === 0) continue;
    const { rows, ingestSeconds } = await evaluateCorpus(c, qs);
    ingest[c] = Math.round(ingestSeconds * 10) / 10;
    all.push(...rows);
  }
  const byType = tallyBy(all, (r) => r.g.type, (r) => r.pass);
  const byCorpus = tallyBy(all, (r) => r.g.corpus, (r) => r.pass);
  const expectNone = all.filter((r) => r.g.expect.noAnswer);
  const bluffs = expectNone.filter((r) => !r.pass).length;
  const wrongNoAnswer = all.filter((r) => !r.g.expect.noAnswer && r.r.answer === null).length;
  const ms = all.map((r) => r.ms).sort((a, b) => a - b);
  const q = (p: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))] * 100) / 100;
  const report = {
    overall: { ...byType.all, accuracy: ratio(byType.all) },
    byCorpus: Object.fromEntries(Object.entries(byCorpus.by).map(([k, t]) => [k, { ...t, accuracy: ratio(t) }])),
    byType: Object.fromEntries(Object.entries(byType.by).sort().map(([k, t]) => [k, { ...t, accuracy: ratio(t) }])),
    noAnswerExpected: expectNone.length,
    bluffs,
    answeredNullWhenExpected: wrongNoAnswer,
    badCitations: all.reduce((n, r) => n + r.badCitations, 0),
    retrievalAnswers: all.filter((r) => r.r.answers[0]?.support === 'retrieval').length,
    latencyMs: { p50: q(50), p95: q(95), max: q(100) },
    ingestSeconds: ingest,
  };
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(`ask accuracy: ${report.overall.pass}/${report.overall.total} (${pct(report.overall.accuracy)})`);
    for (const [k, t] of Object.entries(report.byCorpus)) console.log(`  corpus ${k.padEnd(10)} ${t.pass}/${t.total} (${pct(t.accuracy)})`);
    for (const [k, t] of Object.entries(report.byType)) console.log(`  type   ${k.padEnd(10)} ${t.pass}/${t.total} (${pct(t.accuracy)})`);
    console.log(`no-answer expected: ${report.noAnswerExpected}, bluffs: ${bluffs}; null where an answer was expected: ${wrongNoAnswer}`);
    console.log(`retrieval-supported answers: ${report.retrievalAnswers}; bad citations: ${report.badCitations}`);
    console.log(`latency per question (ms): p50 ${report.latencyMs.p50}, p95 ${report.latencyMs.p95}, max ${report.latencyMs.max}; ingest seconds: ${JSON.stringify(ingest)}`);
  }
  if (values.verbose) {
    for (const r of all) console.log(`${r.pass ? 'ok  ' : 'FAIL'} [${r.g.corpus}/${r.g.type}] ${r.g.question}\n     → ${r.r.answer ?? `(no answer: ${r.r.noAnswer})`}${r.r.verdict ? ` [${r.r.verdict}]` : ''}${r.pass ? '' : `\n     ${r.why} — ${r.side}`}`);
  } else if (values.failures) {
    for (const r of all.filter((x) => !x.pass)) console.log(`FAIL [${r.g.corpus}/${r.g.type}] ${r.g.question}\n     ${r.why}\n     ${r.side}`);
  }
  if (values.failures || values.verbose) {
    const sides = tallyBy(all.filter((r) => !r.pass), (r) => (r.side ?? '').split(' ')[0], () => true);
    console.log(`misses by side: ${Object.entries(sides.by).map(([k, t]) => `${k} ${t.total}`).join(', ') || 'none'}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
