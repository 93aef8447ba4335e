/**
 * @module `marquee ask`: question → QueryPlan → facts → cited answer. The question is parsed with
 * the pattern table (patterns.ts), its entities resolved through the store's aliases, the facts
 * read from `store.claims(...)`, and the answer phrased from stored names and values with the
 * evidence of every supporting article. When typed facts do not cover a question, the best
 * evidence sentence (BM25 + entity overlap) is returned as support, marked `support: 'retrieval'`.
 * When nothing supports an answer, `answer` is null and `noAnswer` says why; yes/no questions
 * without evidence either way say "No evidence in the articles." (verdict `no-evidence`).
 */
import type { AskResult } from '../../engine/types.js';
import type { Entity, SentenceHit, Store } from '../../store/store.js';
import { answerCastCharacter, answerCharacterOf, answerDate, answerMetric, answerRelation, answerStatus } from './answer-facts.js';
import { answerQuote } from './answer-quotes.js';
import { answerAwardsOf, answerAwardWinner, answerYesNoAward } from './answer-awards.js';
import { answerYesNoBasedOn, answerYesNoRole, answerYesNoSing, NO_EVIDENCE_ANSWER } from './answer-yes-no.js';
import { answered, createContext, noAnswer, note, refOf, type AskContext } from './context.js';
import { chooseEntity, findCandidates } from './entities.js';
import { cleanSlot, parseQuestion } from './parse.js';
import { phraseHits, retrieveSentence } from './retrieval.js';

export { parseQuestion, type ParsedQuestion } from './parse.js';
export { NO_EVIDENCE_ANSWER } from './answer-yes-no.js';

export interface AskOptions {
  /** Fill `plan` with the intent, entities resolved, predicates and facts used. */
  explain?: boolean;
}

/** Capitalised word runs and quoted titles: the names a free-form question mentions. */
const NAME_RUN = /"([^"]+)"|((?:[A-Z0-9][\w'&.-]*)(?:\s+(?:(?:of|the|and|in|on|de|&|a|to)\s+)*[A-Z0-9][\w'&.-]*)*)/g;
/** A yes/no question: it opens with an auxiliary ("Did Sofia Carson win an Oscar?"). */
const YES_NO_OPENING = /^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would)\b/i;

const QUESTION_WORDS = /^(?:who|what|when|where|why|how|which|is|are|was|were|do|does|did|can|could|will|would|has|have|had|tell|list|name|i|the|a|an|in|on|it|this|that)$/i;

function namesIn(question: string): string[] {
  const out: string[] = [];
  for (const m of question.matchAll(NAME_RUN)) {
    let t = (m[1] ?? m[2] ?? '').trim();
    const words = t.split(/\s+/);
    while (words.length && QUESTION_WORDS.test(words[0])) words.shift();
    t = words.join(' ').replace(/'s$/, '');
    if (t.length > 1) out.push(t);
  }
  return [...new Set(out)];
}

/** Unparsed question: answer from the best evidence sentence mentioning its named entities, if any passes. */
function answerByRetrieval(ctx: AskContext): AskResult {
  const entities: Entity[] = [];
  const phrases: string[] = [];
  const seed: SentenceHit[] & { complete?: boolean } = [];
  seed.complete = true;
  const yesNo = YES_NO_OPENING.test(ctx.parsed.normalized);
  const unknown: string[] = [];
  for (const name of namesIn(ctx.parsed.normalized)) {
    const slot = cleanSlot(name);
    const { candidates } = findCandidates(ctx.store, slot);
    const seen = candidates.length === 0 ? phraseHits(ctx.store, slot.text) : [];
    if (seen.length > 0) {
      // A name the extractor missed but the text contains: it anchors retrieval as a phrase.
      phrases.push(slot.text);
      seed.push(...seen);
      seed.complete = seed.complete && seen.complete === true;
      ctx.plan.entities.push({ text: name, resolved: [] });
      note(ctx, `"${slot.text}" is not a known entity but occurs in the text`);
      continue;
    }
    if (candidates.length === 0) {
      // A capitalised word that is not a known name may just be an ordinary word at the start.
      if (name.split(/\s+/).length === 1 && ctx.parsed.normalized.startsWith(name)) continue;
      // Short acronyms (UK, US, TV) are places or words, rarely stored names: not a reason to refuse.
      if (/^[A-Z]{1,3}$/.test(name)) continue;
      ctx.plan.entities.push({ text: name, resolved: [] });
      // In a yes/no question about someone the articles know, an unknown thing ("an Oscar") is
      // not a reason to refuse the question: nothing supports either side. Decided after the loop.
      if (yesNo) {
        unknown.push(name);
        continue;
      }
      return noAnswer(ctx, 'unknown-entity', `The articles never mention "${name}".`);
    }
    const r = chooseEntity(ctx.store, candidates, [], slot.hint);
    const e = r.status === 'resolved' ? r.entity : [...candidates].sort((a, b) => b.mentionCount - a.mentionCount)[0];
    ctx.plan.entities.push({ text: name, resolved: [refOf(e)] });
    entities.push(e);
  }
  if (unknown.length > 0) {
    const known = entities.filter((e) => e.type === 'person' || e.type === 'work' || e.type === 'organization');
    if (known.length === 0) return noAnswer(ctx, 'unknown-entity', `The articles never mention "${unknown[0]}".`);
    note(ctx, `yes/no about ${known.map((e) => e.name).join(', ')}; "${unknown.join('", "')}" never mentioned: no evidence either way`);
    return answered(ctx, NO_EVIDENCE_ANSWER, [], {
      verdict: 'no-evidence',
      reason: `The articles mention ${known.map((e) => e.name).join(', ')} but never "${unknown.join('", "')}".`,
    });
  }
  const r = retrieveSentence(ctx.store, ctx.parsed.normalized, entities, [], phrases, undefined, entities.length === 0 ? seed : []);
  if (!r) {
    if (entities.length && yesNo) {
      note(ctx, `yes/no: no sentence about ${entities.map((e) => e.name).join(', ')} bears on it`);
      return answered(ctx, NO_EVIDENCE_ANSWER, [], { verdict: 'no-evidence', reason: `No sentence in the articles supports either answer about ${entities.map((e) => e.name).join(', ')}.` });
    }
    if (entities.length) return noAnswer(ctx, 'no-supporting-claims', `No sentence in the articles answers this about ${entities.map((e) => e.name).join(', ')}.`);
    return noAnswer(ctx, 'not-understood');
  }
  note(ctx, `retrieval: keyword coverage ${r.coverage.toFixed(2)}, bm25 ${r.hit.score.toFixed(2)}`);
  return answered(ctx, r.item.value, [r.item]);
}

function dispatch(ctx: AskContext): AskResult {
  switch (ctx.parsed.intent) {
    case 'cast-character': return answerCastCharacter(ctx);
    case 'character-of': return answerCharacterOf(ctx);
    case 'relation': return answerRelation(ctx);
    case 'date': return answerDate(ctx);
    case 'metric': return answerMetric(ctx);
    case 'status': return answerStatus(ctx);
    case 'quote': return answerQuote(ctx);
    case 'yes-no-sing': return answerYesNoSing(ctx);
    case 'yes-no-role': return answerYesNoRole(ctx);
    case 'yes-no-based-on': return answerYesNoBasedOn(ctx);
    case 'award-winner': return answerAwardWinner(ctx);
    case 'awards-of': return answerAwardsOf(ctx);
    case 'yes-no-award': return answerYesNoAward(ctx);
    case 'retrieval': return answerByRetrieval(ctx);
  }
}

/**
 * Answer a question from the knowledge base, citing evidence.
 * @param store the knowledge base
 * @param question natural-language question ("Who plays Cassie in Purple Hearts?")
 * @param opts `explain` adds the query plan
 * @returns the AskResult JSON contract (answer text, answers with evidence, or a no-answer reason)
 * @example answerQuestion(store, 'Who directed Purple Hearts?').answer // "Elizabeth Allen Rosenbaum directed Purple Hearts."
 */
export function answerQuestion(store: Store, question: string, opts: AskOptions = {}): AskResult {
  const parsed = parseQuestion(question);
  const ctx = createContext(store, parsed);
  let result: AskResult;
  if (parsed.normalized.length === 0) result = noAnswer(ctx, 'not-understood', 'The question is empty.');
  else result = dispatch(ctx);
  if (result.answer !== null && result.answers.length === 0 && result.verdict === undefined) {
    result = noAnswer(ctx, 'no-supporting-claims');
  }
  if (result.answers.length > 0 && result.answers[0].support === 'retrieval') note(ctx, 'support: retrieval (no typed fact covers this question)');
  if (opts.explain) result.plan = ctx.plan;
  return result;
}
