/**
 * @module Award questions answered from `award_received` / `nominated_for` facts with their
 * `category` qualifier: "Who won best actor at the Oscars?", "What awards did Jamie Foxx win?"
 * (categories listed), "Did Martin Scorsese win best director?", "Was Imelda Staunton nominated
 * for an Oscar?". A win needs an asserted or reported claim: "tipped to win" (speculative) is not
 * a win, and "has never won" (negated) answers no.
 */
import { isEntityRef, type Claim } from '../../model/types.js';
import { aliasKey } from '../../resolve/normalize.js';
import type { AnswerItem, AskResult } from '../../engine/types.js';
import type { Entity } from '../../store/store.js';
import { answered, note, resolveOrFail, useFacts, type AskContext } from './context.js';
import { combineConfidence, mergeEvidence } from './evidence.js';
import { fallback, lookupClaims } from './answer-facts.js';
import { joinList } from './phrase.js';
import { NO_EVIDENCE_ANSWER } from './answer-yes-no.js';

/** Award claims read for a category question with no ceremony named. */
const CATEGORY_SCAN_LIMIT = 5000;
/** Words a stored category may add to the asked one ("best foreign film" ~ "best foreign language film"). */
const FILLER = new Set(['language', 'motion', 'picture', 'film', 'award', 'prize', 'category', 'in', 'a', 'an', 'the', 'leading', 'role', 'performance', 'by']);

const words = (s: string) => aliasKey(s).split(' ').filter((w) => w && w !== 'the');

/** Does a stored category answer the asked one? Same words, the stored one adding at most filler. */
export function categoryMatches(stored: string, asked: string): boolean {
  const a = words(asked.replace(/\s+(?:award|prize|oscar|gong|trophy|category)$/i, ''));
  const s = words(stored);
  if (a.length === 0 || s.length === 0) return false;
  if (!a.every((w) => s.includes(w))) return false;
  return s.filter((w) => !a.includes(w)).every((w) => FILLER.has(w));
}

const wins = (c: Claim) => c.modality === 'asserted' || c.modality === 'reported';
const ref = (e: { id: string; name: string; type: Entity['type']; subtype?: string | null }) => ({ id: e.id, name: e.name, type: e.type, subtype: e.subtype ?? null });
const category = (c: Claim): string => (typeof c.qualifiers.category === 'string' ? c.qualifiers.category : '');
const verbOf = (predicate: string) => (predicate === 'nominated_for' ? 'was nominated for' : 'won');

/** A ceremony ("the Academy Awards", "the Baftas") rather than a prize ("the Golden Lion", "the Booker Prize"). */
const CEREMONY = /(?:awards|oscars|globes|baftas|brits|grammys|emmys|festival|ceremony)$/i;

/** "best actor at the Academy Awards", "an award at the Academy Awards", "the Golden Lion". */
function prizePhrase(c: Claim): string {
  const award = isEntityRef(c.object) ? c.object.name : c.object.value;
  const cat = category(c);
  const work = typeof c.qualifiers.work === 'string' ? ` for ${c.qualifiers.work}` : '';
  if (cat) return `${cat}${work} at the ${award}`;
  return CEREMONY.test(award) ? `an award at the ${award}${work}` : `the ${award}${work}`;
}

function item(cs: Claim[], value: string, entity: Claim['subject'] | undefined, predicate: string): AnswerItem {
  const quals: Record<string, string> = {};
  const cat = category(cs[0]);
  if (cat) quals.category = cat;
  if (isEntityRef(cs[0].object)) quals.award = cs[0].object.name;
  return {
    value,
    ...(entity ? { entity: ref(entity) } : {}),
    confidence: combineConfidence(cs.map((c) => c.confidence)),
    evidence: mergeEvidence(...cs.map((c) => c.evidence)),
    support: 'facts',
    predicate,
    qualifiers: quals,
  };
}

/** Who won <category> [at <award>]? */
export function answerAwardWinner(ctx: AskContext): AskResult {
  const { parsed } = ctx;
  const predicate = parsed.lookups[0]?.predicate ?? 'award_received';
  const asked = parsed.character ?? '';
  let award: Entity | undefined;
  let claims: Claim[];
  if (parsed.focus) {
    const r = resolveOrFail(ctx, parsed.focus, [{ predicate, direction: 'in' }], { preferTypes: ['award', 'event'], required: asked ? [asked] : [] });
    if ('fail' in r) return r.fail;
    award = r.entity;
    claims = lookupClaims(ctx, award.id, { predicate, direction: 'in' });
  } else {
    claims = ctx.store.claims({ predicate, limit: CATEGORY_SCAN_LIMIT }).filter((c) => c.modality !== 'negated');
  }
  const matching = claims.filter((c) => wins(c) && categoryMatches(category(c), asked));
  if (matching.length === 0) {
    if (award) return fallback(ctx, [award], [], `do not say who ${predicate === 'nominated_for' ? 'was nominated for' : 'won'} ${asked}`, [asked.replace(/^(?:best|outstanding)\s+/i, '')]);
    return answered(ctx, NO_EVIDENCE_ANSWER, [], { verdict: 'no-evidence', reason: `No fact in the articles names a winner of ${asked}.` });
  }
  useFacts(ctx, matching);
  note(ctx, `category "${asked}" matched ${matching.length} ${predicate} claims`);
  // one answer per (winner, award)
  // one answer per (winner, award); the same name typed twice (a band as person and as group) is one winner
  const byWinner = new Map<string, Claim[]>();
  for (const c of matching) {
    const k = `${aliasKey(c.subject.name)}|${isEntityRef(c.object) ? c.object.id : ''}`;
    byWinner.set(k, [...(byWinner.get(k) ?? []), c]);
  }
  const ordered = [...byWinner.values()].sort((a, b) => b.length - a.length);
  const answers = ordered.map((cs) => item(cs, cs[0].subject.name, cs[0].subject, predicate));
  const sentences = ordered.slice(0, 4).map((cs) => `${cs[0].subject.name} ${verbOf(predicate)} ${prizePhrase(cs[0])}.`);
  if (ordered.length > 4) sentences.push(`(${ordered.length - 4} more in the articles.)`);
  return answered(ctx, sentences.join(' '), answers);
}

/** What awards did <person or work> win / what was it nominated for: with categories. */
export function answerAwardsOf(ctx: AskContext): AskResult {
  const { parsed } = ctx;
  const predicate = parsed.lookups[0]?.predicate ?? 'award_received';
  const r = resolveOrFail(ctx, parsed.focus!, [{ predicate, direction: 'out' }], { preferTypes: ['person', 'work', 'organization'] });
  if ('fail' in r) return r.fail;
  const focus = r.entity;
  const claims = lookupClaims(ctx, focus.id, { predicate, direction: 'out' }).filter(wins);
  if (claims.length === 0) return fallback(ctx, [focus]);
  useFacts(ctx, claims);
  // one answer per (award, category); claims without a category join their award's answer
  const groups = new Map<string, Claim[]>();
  for (const c of claims) {
    const k = `${isEntityRef(c.object) ? c.object.id : c.object.value}|${aliasKey(category(c))}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  const withCategory = new Set([...groups.keys()].filter((k) => !k.endsWith('|')).map((k) => k.split('|')[0]));
  for (const k of [...groups.keys()]) {
    if (!k.endsWith('|')) continue;
    const awardKey = k.split('|')[0];
    if (!withCategory.has(awardKey)) continue;
    const target = [...groups.keys()].find((x) => x.startsWith(`${awardKey}|`) && !x.endsWith('|'))!;
    groups.set(target, [...groups.get(target)!, ...groups.get(k)!]);
    groups.delete(k);
  }
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length);
  const answers = ordered.map((cs) => {
    const award = isEntityRef(cs[0].object) ? cs[0].object : undefined;
    return item(cs, award?.name ?? prizePhrase(cs[0]), award, predicate);
  });
  const shown = ordered.slice(0, 6).map((cs) => prizePhrase(cs.find((c) => category(c)) ?? cs[0]));
  if (ordered.length > 6) shown.push(`${ordered.length - 6} more`);
  return answered(ctx, `${focus.name} ${verbOf(predicate)} ${joinList(shown)}.`, answers);
}

/** Did <P> win [<category>] [at <award>] / was <P> nominated for ...? */
export function answerYesNoAward(ctx: AskContext): AskResult {
  const { parsed } = ctx;
  const predicate = parsed.lookups[0]?.predicate ?? 'award_received';
  const noEvidence = (reason: string) => answered(ctx, NO_EVIDENCE_ANSWER, [], { verdict: 'no-evidence', reason });
  if (!parsed.partner) return noEvidence('No winner named in the question.');
  const pr = resolveOrFail(ctx, parsed.partner, [{ predicate, direction: 'out' }], { preferTypes: ['person', 'work', 'organization'], noRetrieval: true });
  if ('fail' in pr) return { ...pr.fail, verdict: 'no-evidence' };
  const who = pr.entity;
  let award: Entity | undefined;
  if (parsed.focus) {
    const ar = resolveOrFail(ctx, parsed.focus, [{ predicate, direction: 'in' }], { preferTypes: ['award', 'event'], noRetrieval: true });
    // "Did X win an Oscar?" when no Oscar is ever mentioned: nothing either way
    if ('fail' in ar) return noEvidence(`The articles never mention ${parsed.focus.text} in connection with ${who.name}.`);
    award = ar.entity;
  }
  const asked = parsed.character;
  // a nomination question is also answered by a win (a winner was nominated)
  const predicates = predicate === 'nominated_for' ? ['nominated_for', 'award_received'] : ['award_received'];
  const all = predicates.flatMap((p) => lookupClaims(ctx, who.id, { predicate: p, direction: 'out' }, true));
  const relevant = all.filter((c) => (!award || (isEntityRef(c.object) && c.object.id === award.id)) && (!asked || categoryMatches(category(c), asked)));
  const yes = relevant.filter(wins);
  const what = `${asked ?? ''}${asked && award ? ' at the ' : ''}${award ? award.name : ''}` || 'an award';
  if (yes.length > 0) {
    useFacts(ctx, yes);
    const c = yes.find((x) => x.predicate === predicate) ?? yes[0];
    return answered(ctx, `Yes — ${who.name} ${verbOf(c.predicate)} ${prizePhrase(c)}.`, [item(yes, isEntityRef(c.object) ? c.object.name : c.object.value, isEntityRef(c.object) ? c.object : undefined, c.predicate)], { verdict: 'yes' });
  }
  const negated = relevant.filter((c) => c.modality === 'negated' && c.predicate === predicate);
  if (negated.length > 0) {
    useFacts(ctx, negated);
    const c = negated[0];
    return answered(ctx, `No — the articles say ${who.name} did not ${predicate === 'nominated_for' ? 'get a nomination for' : 'win'} ${prizePhrase(c)}.`, [item(negated, isEntityRef(c.object) ? c.object.name : c.object.value, isEntityRef(c.object) ? c.object : undefined, c.predicate)], { verdict: 'no' });
  }
  const hedged = relevant.filter((c) => c.modality === 'speculative');
  if (hedged.length > 0) {
    useFacts(ctx, hedged);
    note(ctx, `only speculative claims (${hedged.length}): tipped, not won`);
    return noEvidence(`The articles only say ${who.name} was expected or tipped to win ${what}; they do not report the result.`);
  }
  return noEvidence(`The articles do not say whether ${who.name} ${predicate === 'nominated_for' ? 'was nominated for' : 'won'} ${what}.`);
}
