/**
 * @module "What did P say about X?": the speaker's `said` claims, filtered to those whose quote (or
 * the sentence around it) names the topic by any alias, returned with outlet and date.
 */
import type { Claim } from '../../model/types.js';
import { aliasKey } from '../../resolve/normalize.js';
import type { AnswerItem, AskResult } from '../../engine/types.js';
import type { Entity } from '../../store/store.js';
import { answered, noAnswer, refOf, resolveOrFail, useFacts, type AskContext } from './context.js';
import { findCandidates } from './entities.js';
import { combineConfidence, isLiteralObject, mergeEvidence } from './evidence.js';
import { fallback, lookupClaims } from './answer-facts.js';
import { formatDate } from './phrase.js';

/** Quotes shown in the answer sentence (all are in `answers`). */
const QUOTES_IN_ANSWER = 1;

function quoteDate(c: Claim): string | undefined {
  const q = c.qualifiers.date;
  if (typeof q === 'string' && q) return q;
  return c.evidence.find((e) => e.document.date)?.document.date ?? undefined;
}

function mentionsTopic(c: Claim, keys: readonly string[]): { inQuote: boolean; nearby: boolean } {
  const quote = ` ${aliasKey(isLiteralObject(c.object) ? c.object.value : c.object.name)} `;
  const around = c.evidence.map((e) => ` ${aliasKey(e.sentence)} `).join(' ');
  return {
    inQuote: keys.some((k) => quote.includes(` ${k} `)),
    nearby: keys.some((k) => around.includes(` ${k} `)),
  };
}

export function answerQuote(ctx: AskContext): AskResult {
  const { parsed } = ctx;
  if (!parsed.focus) return noAnswer(ctx, 'not-understood');
  const sp = resolveOrFail(ctx, parsed.focus, parsed.lookups, { preferTypes: ['person', 'organization'] });
  if ('fail' in sp) return sp.fail;
  const speaker = sp.entity;
  let topic: Entity | undefined;
  let topicKeys: string[] = [];
  if (parsed.partner && !parsed.partner.anaphoric) {
    // Every entity the topic could name counts (the song and its video share a title): a quote
    // about any of them is about the topic.
    const { candidates } = findCandidates(ctx.store, parsed.partner);
    topic = [...candidates].sort((a, b) => b.mentionCount - a.mentionCount)[0];
    ctx.plan.entities.push({ text: parsed.partner.raw, resolved: candidates.slice(0, 5).map(refOf) });
    const names = candidates.flatMap((e) => [e.name, ...ctx.store.entityAliases(e.id)]);
    // A topic that is not an entity ("the sequel", "music") is matched by its words.
    topicKeys = [...new Set([parsed.partner.text, ...names].map(aliasKey).filter((k) => k.length > 1))];
  }
  let claims = lookupClaims(ctx, speaker.id, { predicate: 'said', direction: 'out' }).filter((c) => isLiteralObject(c.object));
  if (claims.length === 0) return fallback(ctx, topic ? [speaker, topic] : [speaker], [], 'quote nothing from them');
  if (topicKeys.length > 0) {
    const scored = claims.map((c) => ({ c, m: mentionsTopic(c, topicKeys) })).filter((x) => x.m.inQuote || x.m.nearby);
    if (scored.length === 0) {
      return fallback(ctx, topic ? [speaker, topic] : [speaker], [], `quote nothing ${speaker.name} said about ${parsed.partner!.text}`);
    }
    scored.sort((a, b) => Number(b.m.inQuote) - Number(a.m.inQuote));
    claims = scored.map((x) => x.c);
  } else {
    claims = [...claims].sort((a, b) => (quoteDate(b) ?? '').localeCompare(quoteDate(a) ?? ''));
  }
  useFacts(ctx, claims);
  const byQuote = new Map<string, Claim[]>();
  for (const c of claims) {
    const k = aliasKey(isLiteralObject(c.object) ? c.object.value : '');
    byQuote.set(k, [...(byQuote.get(k) ?? []), c]);
  }
  const answers: AnswerItem[] = [...byQuote.values()].map((cs) => {
    const c = cs[0];
    const quals: Record<string, string | number | boolean> = { speaker: speaker.name };
    if (typeof c.qualifiers.outlet === 'string') quals.outlet = c.qualifiers.outlet;
    const d = quoteDate(c);
    if (d) quals.date = d;
    return {
      value: isLiteralObject(c.object) ? c.object.value : '',
      entity: { id: speaker.id, name: speaker.name, type: speaker.type, subtype: speaker.subtype ?? null },
      confidence: combineConfidence(cs.map((x) => x.confidence)),
      evidence: mergeEvidence(...cs.map((x) => x.evidence)),
      support: 'facts',
      predicate: 'said',
      qualifiers: quals,
    };
  });
  const sentences = answers.slice(0, QUOTES_IN_ANSWER).map((a) => {
    const outlet = typeof a.qualifiers?.outlet === 'string' ? a.qualifiers.outlet : undefined;
    const date = typeof a.qualifiers?.date === 'string' ? formatDate(a.qualifiers.date) : undefined;
    const where = outlet ? ` told ${outlet}` : ' said';
    const when = date ? ` (${date})` : '';
    return `${speaker.name}${where}${when}: “${a.value}”`;
  });
  const more = answers.length > QUOTES_IN_ANSWER ? ` (${answers.length - QUOTES_IN_ANSWER} more quote${answers.length - QUOTES_IN_ANSWER > 1 ? 's' : ''} below.)` : '';
  return answered(ctx, sentences.join(' ') + more, answers);
}
