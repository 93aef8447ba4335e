/**
 * @module Yes/no questions answered with evidence, never by default: "yes" needs a supporting
 * claim, "no" needs negative evidence (a negated claim, or a single-valued fact naming someone
 * else), and anything else is "No evidence in the articles." (verdict `no-evidence`).
 *
 * "Does Cassie actually sing in Purple Hearts?" chains facts: the actress cast as Cassie
 * (cast_member with character Cassie) performs songs (performer) featured in the film.
 */
import { isEntityRef, type Claim, type Evidence } from '../../model/types.js';
import { predicateInfo } from '../../model/predicates.js';
import { aliasKey, subtypeFamily } from '../../resolve/normalize.js';
import type { AnswerItem, AskResult } from '../../engine/types.js';
import type { Entity } from '../../store/store.js';
import { answered, note, resolveOrFail, useFacts, type AskContext } from './context.js';
import { castClaimsNaming, characterMatches, lookupClaims } from './answer-facts.js';
import { combineConfidence, commonQualifier, mergeEvidence } from './evidence.js';
import { displayName, joinList, rolePhrase } from './phrase.js';
import { cleanSlot } from './parse.js';

/** The answer text when nothing supports either side. */
export const NO_EVIDENCE_ANSWER = 'No evidence in the articles.';

function noEvidence(ctx: AskContext, reason: string): AskResult {
  return answered(ctx, NO_EVIDENCE_ANSWER, [], { verdict: 'no-evidence', reason });
}

function withVerdict(r: AskResult): AskResult {
  return { ...r, verdict: 'no-evidence' };
}

const ref = (e: { id: string; name: string; type: Entity['type']; subtype?: string | null }) => ({ id: e.id, name: e.name, type: e.type, subtype: e.subtype ?? null });

/** Does a song (or other work) belong to the work: it is the work, is featured in / part of it, or its claim's sentence names it. */
function relatedToWork(ctx: AskContext, c: Claim, work: Entity): { ok: boolean; links: Claim[] } {
  if (c.subject.id === work.id) return { ok: true, links: [] };
  const links = ctx.store
    .claims({ subjectId: c.subject.id, predicate: ['featured_in', 'part_of'], limit: 50 })
    .filter((l) => isEntityRef(l.object) && l.object.id === work.id && l.modality !== 'negated');
  if (links.length) return { ok: true, links };
  const key = ` ${aliasKey(work.name)} `;
  if (c.evidence.some((e) => ` ${aliasKey(e.sentence)} `.includes(key))) return { ok: true, links: [] };
  return { ok: false, links: [] };
}

/** Does <character or person> sing [in <work>]? */
export function answerYesNoSing(ctx: AskContext): AskResult {
  const { parsed } = ctx;
  if (!parsed.focus) return noEvidence(ctx, 'No singer named in the question.');
  let work: Entity | undefined;
  if (parsed.partner) {
    const wr = resolveOrFail(ctx, parsed.partner, [{ predicate: 'cast_member', direction: 'out' }], { noRetrieval: true });
    if ('fail' in wr) return withVerdict(wr.fail);
    work = wr.entity;
  }
  // 1. The singer as a character: who plays them.
  const castPool = work
    ? lookupClaims(ctx, work.id, { predicate: 'cast_member', direction: 'out' })
    : castClaimsNaming(ctx, parsed.focus.text);
  const castClaims = castPool.filter((c) => typeof c.qualifiers.character === 'string' && characterMatches(c.qualifiers.character, parsed.focus!.text));
  const singers = new Map<string, { entity: Entity | Claim['subject']; cast: Claim[] }>();
  for (const c of castClaims) {
    if (!isEntityRef(c.object)) continue;
    const s = singers.get(c.object.id) ?? { entity: c.object, cast: [] };
    s.cast.push(c);
    singers.set(c.object.id, s);
  }
  const character = castClaims.length ? commonQualifier(castClaims, 'character') : undefined;
  if (character) note(ctx, `character ${character} → ${joinList([...singers.values()].map((s) => s.entity.name))}`);
  // 2. Or a person named directly.
  if (singers.size === 0) {
    const pr = resolveOrFail(ctx, parsed.focus, [{ predicate: 'performer', direction: 'in' }], { preferTypes: ['person', 'organization'], noRetrieval: true });
    if ('fail' in pr) return withVerdict(pr.fail);
    singers.set(pr.entity.id, { entity: pr.entity, cast: [] });
  } else {
    ctx.plan.entities.push({ text: parsed.focus.raw, resolved: [...singers.values()].map((s) => ref(s.entity)) });
  }

  const yes: AnswerItem[] = [];
  const sentences: string[] = [];
  const negated: Claim[] = [];
  for (const { entity, cast } of singers.values()) {
    const perf = lookupClaims(ctx, entity.id, { predicate: 'performer', direction: 'in' }, true);
    const related: Claim[] = [];
    const links: Claim[] = [];
    for (const c of perf) {
      const r = work ? relatedToWork(ctx, c, work) : { ok: true, links: [] };
      if (!r.ok) continue;
      if (c.modality === 'negated') negated.push(c);
      else {
        related.push(c);
        links.push(...r.links);
      }
    }
    if (related.length === 0) continue;
    useFacts(ctx, [...cast, ...related, ...links]);
    const songs = [
      ...new Set(
        related
          .filter((c) => !work || c.subject.id !== work.id)
          .map((c) => (work && c.subject.name === work.name ? `the title song ${c.subject.name}` : displayName(c.subject.name))),
      ),
    ];
    const evidence: Evidence[] = mergeEvidence(...cast.map((c) => c.evidence), ...related.map((c) => c.evidence), ...links.map((c) => c.evidence));
    const quals: Record<string, string> = { songs: songs.join('; ') };
    if (character) quals.character = character;
    yes.push({
      value: entity.name,
      entity: ref(entity),
      confidence: combineConfidence([...related.map((c) => c.confidence)]) * (cast.length ? combineConfidence(cast.map((c) => c.confidence)) : 1),
      evidence,
      support: 'facts',
      predicate: 'performer',
      qualifiers: quals,
    });
    const who = character ? `${entity.name}, who plays ${character},` : entity.name;
    const what = work ? (songs.length ? `the songs of ${work.name} (${joinList(songs)})` : `the songs of ${work.name}`) : joinList(songs);
    sentences.push(`Yes — ${who} performs ${what}.`);
  }
  if (yes.length > 0) return answered(ctx, sentences.join(' '), yes, { verdict: 'yes' });
  if (negated.length > 0) {
    useFacts(ctx, negated);
    const n = negated[0];
    const item: AnswerItem = { value: isEntityRef(n.object) ? n.object.name : n.object.value, confidence: combineConfidence([n.confidence]), evidence: mergeEvidence(...negated.map((c) => c.evidence)), support: 'facts', predicate: 'performer' };
    return answered(ctx, `No — the articles say ${item.value} does not perform ${n.subject.name}.`, [item], { verdict: 'no' });
  }
  return noEvidence(ctx, `The articles do not say whether ${parsed.focus.text} sings${work ? ` in ${work.name}` : ''}.`);
}

/** Was P a producer [of W]? Did P direct W? Is P in W? */
export function answerYesNoRole(ctx: AskContext): AskResult {
  const { parsed } = ctx;
  const role = parsed.role!;
  if (!parsed.partner) return noEvidence(ctx, 'No person named in the question.');
  const inLookups = role.predicates.map((predicate) => ({ predicate, direction: 'in' as const }));
  const pr = resolveOrFail(ctx, parsed.partner, inLookups, { preferTypes: ['person', 'organization'], noRetrieval: true });
  if ('fail' in pr) return withVerdict(pr.fail);
  const person = pr.entity;
  let work: Entity | undefined;
  if (parsed.focus) {
    const wr = resolveOrFail(ctx, parsed.focus, role.predicates.map((predicate) => ({ predicate, direction: 'out' as const })), { noRetrieval: true });
    if ('fail' in wr) return withVerdict(wr.fail);
    work = wr.entity;
  }
  const all: Claim[] = [];
  for (const l of inLookups) all.push(...lookupClaims(ctx, person.id, l, true).filter((c) => !work || c.subject.id === work.id));
  const positive = all.filter((c) => c.modality !== 'negated');
  if (positive.length > 0) {
    useFacts(ctx, positive);
    const byWork = new Map<string, Claim[]>();
    for (const c of positive) byWork.set(`${c.predicate}|${c.subject.id}`, [...(byWork.get(`${c.predicate}|${c.subject.id}`) ?? []), c]);
    const items: AnswerItem[] = [];
    const phrases: string[] = [];
    for (const cs of byWork.values()) {
      const c = cs[0];
      const character = c.predicate === 'cast_member' ? commonQualifier(cs, 'character') : undefined;
      items.push({
        value: c.subject.name,
        entity: ref(c.subject),
        confidence: combineConfidence(cs.map((x) => x.confidence)),
        evidence: mergeEvidence(...cs.map((x) => x.evidence)),
        support: 'facts',
        predicate: c.predicate,
        qualifiers: character ? { character } : undefined,
      });
      phrases.push(`${rolePhrase(c.predicate, c.subject.name)}${character ? ` (as ${character})` : ''}`);
    }
    const shown = phrases.slice(0, 4);
    const verb = phrases.length && positive[0].predicate === 'cast_member' ? 'is' : person.type === 'person' ? 'is' : 'is';
    return answered(ctx, `Yes — ${person.name} ${verb} ${joinList(shown)}.`, items, { verdict: 'yes' });
  }
  const negated = all.filter((c) => c.modality === 'negated');
  if (negated.length > 0) {
    useFacts(ctx, negated);
    const c = negated[0];
    return answered(
      ctx,
      `No — the articles say ${person.name} is not ${rolePhrase(c.predicate, c.subject.name)}.`,
      [{ value: c.subject.name, entity: ref(c.subject), confidence: combineConfidence([c.confidence]), evidence: mergeEvidence(...negated.map((x) => x.evidence)), support: 'facts', predicate: c.predicate }],
      { verdict: 'no' },
    );
  }
  // Negative evidence from a single-valued fact: the work's director is someone else.
  if (work) {
    for (const p of role.predicates) {
      if (!predicateInfo(p)?.singleValued) continue;
      const others = lookupClaims(ctx, work.id, { predicate: p, direction: 'out' }).filter((c) => isEntityRef(c.object) && c.object.id !== person.id);
      if (others.length === 0) continue;
      useFacts(ctx, others);
      const o = others[0].object as Claim['subject'];
      return answered(
        ctx,
        `No — ${o.name} is ${rolePhrase(p, work.name)}.`,
        [{ value: o.name, entity: ref(o), confidence: combineConfidence(others.map((c) => c.confidence)), evidence: mergeEvidence(...others.map((c) => c.evidence)), support: 'facts', predicate: p }],
        { verdict: 'no' },
      );
    }
  }
  return noEvidence(ctx, `The articles do not say whether ${person.name} was ${work ? rolePhrase(role.predicates[0], work.name) : `a ${role.noun}`}.`);
}

/** Words naming a kind of source rather than a title: "a book", "a novel". */
const KIND_SOURCE = /^(?:a |an |the )?(novel|book|song|film|movie|play|comic|memoir|series|true story|real story|real events)$/i;

/** Is W based on <source>? */
export function answerYesNoBasedOn(ctx: AskContext): AskResult {
  const { parsed } = ctx;
  if (!parsed.focus || !parsed.partner) return noEvidence(ctx, 'The question names no work or source.');
  const wr = resolveOrFail(ctx, parsed.focus, [{ predicate: 'based_on', direction: 'out' }], { noRetrieval: true });
  if ('fail' in wr) return withVerdict(wr.fail);
  const work = wr.entity;
  const claims = lookupClaims(ctx, work.id, { predicate: 'based_on', direction: 'out' }, true).filter((c) => isEntityRef(c.object));
  if (claims.length === 0) return noEvidence(ctx, `The articles do not say what ${work.name} is based on.`);
  useFacts(ctx, claims);
  const kind = KIND_SOURCE.exec(parsed.partner.raw.trim());
  const src = cleanSlot(parsed.partner.raw);
  const matches = (c: Claim): boolean => {
    const o = c.object as Claim['subject'];
    if (kind) {
      const fam = subtypeFamily('work', kind[1].toLowerCase() === 'movie' ? 'film' : kind[1].toLowerCase());
      return fam !== null && subtypeFamily(o.type, o.subtype ?? null) === fam;
    }
    const names = [o.name, ...ctx.store.entityAliases(o.id)].map(aliasKey);
    return names.includes(aliasKey(src.text));
  };
  const item = (cs: Claim[]): AnswerItem => ({
    value: (cs[0].object as Claim['subject']).name,
    entity: ref(cs[0].object as Claim['subject']),
    confidence: combineConfidence(cs.map((c) => c.confidence)),
    evidence: mergeEvidence(...cs.map((c) => c.evidence)),
    support: 'facts',
    predicate: 'based_on',
  });
  const describe = (o: Claim['subject']) => {
    const authors = lookupClaims(ctx, o.id, { predicate: 'author', direction: 'out' }).filter((c) => isEntityRef(c.object));
    const by = authors.length ? ` by ${joinList([...new Set(authors.map((c) => (c.object as Claim['subject']).name))])}` : '';
    return `${o.subtype ? `the ${o.subtype.replace(/_/g, ' ')} ` : ''}${o.name}${by}`;
  };
  const yes = claims.filter((c) => c.modality !== 'negated' && matches(c));
  if (yes.length) return answered(ctx, `Yes — ${work.name} is based on ${describe(yes[0].object as Claim['subject'])}.`, [item(yes)], { verdict: 'yes' });
  const positive = claims.filter((c) => c.modality !== 'negated');
  if (positive.length && !kind) {
    // based_on is single-valued: a different named source is evidence against.
    return answered(ctx, `No — ${work.name} is based on ${describe(positive[0].object as Claim['subject'])}.`, [item(positive)], { verdict: 'no' });
  }
  return noEvidence(ctx, `The articles do not say whether ${work.name} is based on ${parsed.partner.raw}.`);
}
