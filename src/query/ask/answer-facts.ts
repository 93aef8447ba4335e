/**
 * @module Answers from typed facts: relations (who directed X, who's in X, what is X based on,
 * what else has P been in), who plays a character, dates, metrics and status (sequel, renewal).
 * Each routine resolves its entities, reads claims from the store, groups them by value with all
 * their evidence, and phrases the answer from the stored names and values only.
 */
import { isEntityRef, type Claim, type Evidence } from '../../model/types.js';
import { predicateInfo } from '../../model/predicates.js';
import { aliasKey } from '../../resolve/normalize.js';
import type { AnswerItem, AskResult } from '../../engine/types.js';
import type { Entity } from '../../store/store.js';
import { answered, noAnswer, note, resolveOrFail, useFacts, type AskContext } from './context.js';
import { isLiteralObject, commonQualifier, groupClaims, itemFromGroup, mergeEvidence, combineConfidence, type ClaimGroup } from './evidence.js';
import { capitalize, creditVerb, datePrecision, displayName, sentenceCase, formatDate, formatNumber, inSentence, joinList, onDate, outSentence } from './phrase.js';
import { retrieveSentence } from './retrieval.js';
import type { EntitySlot } from './parse.js';
import type { Lookup } from './patterns.js';

/** Names listed in one answer sentence before "and N more". */
export const MAX_LISTED_NAMES = 8;
/** Sentences searched for a character's name when no work is given (bounded for large knowledge bases). */
const CHARACTER_SEARCH_SENTENCES = 60;
/** Claims read per entity and predicate. */
const CLAIMS_PER_LOOKUP = 500;

const IT: EntitySlot = { text: 'it', raw: 'it', anaphoric: true };

/** Claims of one lookup for an entity, negated ones excluded. */
export function lookupClaims(ctx: AskContext, entityId: string, l: Lookup, includeNegated = false): Claim[] {
  const filter = l.direction === 'out' ? { subjectId: entityId, predicate: l.predicate } : { objectId: entityId, predicate: l.predicate };
  return ctx.store.claims({ ...filter, limit: CLAIMS_PER_LOOKUP }).filter((c) => includeNegated || c.modality !== 'negated');
}

/**
 * Cast claims whose character matches, found without scanning every cast claim: the documents
 * whose sentences name the character, their cast claims, then each matching (work, actor) pair's
 * claims from every article (so the evidence is complete).
 */
export function castClaimsNaming(ctx: AskContext, character: string): Claim[] {
  const docIds = [...new Set(ctx.store.searchSentences(character, CHARACTER_SEARCH_SENTENCES).map((h) => h.docId))];
  const pairs = new Map<string, { work: string; actor: string }>();
  for (const docId of docIds) {
    for (const c of ctx.store.claims({ docId, predicate: 'cast_member', limit: CLAIMS_PER_LOOKUP })) {
      if (c.modality === 'negated' || typeof c.qualifiers.character !== 'string' || !characterMatches(c.qualifiers.character, character)) continue;
      if (isEntityRef(c.object)) pairs.set(`${c.subject.id}|${c.object.id}`, { work: c.subject.id, actor: c.object.id });
    }
  }
  const out: Claim[] = [];
  for (const { work, actor } of pairs.values()) {
    out.push(...ctx.store.claims({ subjectId: work, objectId: actor, predicate: 'cast_member', limit: CLAIMS_PER_LOOKUP }).filter((c) => c.modality !== 'negated'));
  }
  return out;
}

/**
 * Does a stored character name match the asked one? "Cassie" ~ "Cassie Salazar" both ways, but
 * "Luke's mother" is not "Luke": the asked name may only add capitalised name words.
 */
export function characterMatches(stored: string, asked: string): boolean {
  const a = aliasKey(asked);
  const s = aliasKey(stored);
  if (!a || !s) return false;
  if (s === a || ` ${s} `.includes(` ${a} `)) return true;
  if (!` ${a} `.includes(` ${s} `)) return false;
  const words = asked.replace(/['’]s\b/g, '').split(/\s+/).filter(Boolean);
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|the|de|van|von|la|le)$/i.test(w));
}

function listNames(names: readonly string[]): string[] {
  if (names.length <= MAX_LISTED_NAMES) return [...names];
  return [...names.slice(0, MAX_LISTED_NAMES), `${names.length - MAX_LISTED_NAMES} more`];
}

/** When facts are missing: the retrieval fallback, or the honest no-answer. */
export function fallback(
  ctx: AskContext,
  entities: readonly Entity[],
  exclude: readonly string[] = [],
  what = 'state nothing that answers this',
  required: readonly string[] = [],
): AskResult {
  const r = retrieveSentence(ctx.store, ctx.parsed.normalized, entities, exclude, required);
  const names = joinList(entities.map((e) => e.name));
  if (r) {
    note(ctx, `retrieval: best sentence with keyword coverage ${r.coverage.toFixed(2)} (score ${r.hit.score.toFixed(2)})`);
    return answered(ctx, r.item.value, [r.item]);
  }
  return noAnswer(ctx, 'no-supporting-claims', `The articles mention ${names || 'it'} but ${what}.`);
}

/** Describe a work for answers: "the novel Purple Hearts by Tess Wakefield". */
function describeWork(ctx: AskContext, e: { id: string; name: string; type: string; subtype?: string | null }): { text: string; evidence: Evidence[]; claims: Claim[] } {
  if (e.type !== 'work') return { text: e.name, evidence: [], claims: [] };
  const kind = e.subtype && !['work', 'other'].includes(e.subtype) ? `the ${e.subtype.replace(/_/g, ' ')} ` : '';
  const authors = lookupClaims(ctx, e.id, { predicate: 'author', direction: 'out' });
  const groups = groupClaims(authors, 'out');
  const by = groups.length ? ` by ${joinList(groups.map((g) => g.value))}` : '';
  return { text: `${kind}${e.name}${by}`, evidence: mergeEvidence(...authors.map((c) => c.evidence)), claims: authors };
}

/** who directed X / who's in X / what is X based on / what else has P been in ... */
export function answerRelation(ctx: AskContext): AskResult {
  const { parsed } = ctx;
  const slot = parsed.focus ?? IT;
  const res = resolveOrFail(ctx, slot, parsed.lookups);
  if ('fail' in res) return res.fail;
  const focus = res.entity;
  let partner: Entity | undefined;
  if (parsed.partner) {
    const pr = resolveOrFail(ctx, parsed.partner, []);
    if ('entity' in pr) partner = pr.entity;
  }

  const sections: { lookup: Lookup; groups: ClaimGroup[]; extra: Evidence[] }[] = [];
  for (const l of parsed.lookups) {
    let claims = lookupClaims(ctx, focus.id, l);
    let extra: Evidence[] = [];
    // "Who wrote Purple Hearts?" about the film: the author of its source novel answers it.
    if (claims.length === 0 && l.predicate === 'author' && l.direction === 'out') {
      for (const b of lookupClaims(ctx, focus.id, { predicate: 'based_on', direction: 'out' })) {
        if (!isEntityRef(b.object)) continue;
        const viaSource = lookupClaims(ctx, b.object.id, l);
        if (viaSource.length) {
          claims = viaSource;
          extra = b.evidence;
          useFacts(ctx, [b]);
          note(ctx, `author via based_on → ${b.object.name}`);
        }
      }
    }
    if (claims.length === 0) continue;
    let groups = groupClaims(claims, l.direction);
    if (partner) groups = groups.filter((g) => g.entity?.id !== partner!.id);
    if (groups.length === 0) continue;
    useFacts(ctx, groups.flatMap((g) => g.claims));
    sections.push({ lookup: l, groups, extra });
    if (parsed.firstMatch) break;
  }
  if (sections.length === 0) return fallback(ctx, partner ? [focus, partner] : [focus]);

  const answers: AnswerItem[] = [];
  const sentences: string[] = [];
  const credits: string[] = [];
  // "the novel Purple Hearts" when the question picked one of several works by its kind.
  const kindSaid = slot.hint && focus.type === 'work' && focus.subtype && !/\(/.test(focus.name) && !slot.anaphoric;
  const focusName = kindSaid ? `the ${focus.subtype!.replace(/_/g, ' ')} ${focus.name}` : displayName(focus.name);
  // Several inverse credits ("what else has P been in") read as one sentence.
  const asCredits = sections.length > 1 && sections.every((s) => s.lookup.direction === 'in') && parsed.lookups.length > 2;
  for (const { lookup, groups, extra } of sections) {
    const info = predicateInfo(lookup.predicate);
    const shown: string[] = [];
    for (const g of groups) {
      const quals: Record<string, string> = {};
      let label = g.value;
      if (lookup.predicate === 'cast_member') {
        const character = commonQualifier(g.claims, 'character');
        if (character) {
          quals.character = character;
          if (lookup.direction === 'out') label = `${g.value} as ${character}`;
        }
      }
      let more: Evidence[] = extra;
      if (lookup.predicate === 'based_on' && g.entity) {
        const d = describeWork(ctx, g.entity);
        label = d.text;
        more = [...extra, ...d.evidence];
        useFacts(ctx, d.claims);
      }
      answers.push(itemFromGroup(g, lookup.predicate, quals, more));
      shown.push(label);
    }
    const names = listNames(shown.map(displayName));
    if (asCredits) {
      credits.push(`${creditVerb(lookup.predicate)} ${joinList(names)}`);
      continue;
    }
    sentences.push(
      lookup.direction === 'out'
        ? outSentence(lookup.predicate, focusName, names, info?.label)
        : inSentence(lookup.predicate, focusName, names, info?.inverseLabel),
    );
  }
  if (asCredits) sentences.push(`${focusName} ${credits.join('; ')}.`);
  return answered(ctx, sentenceCase(sentences.join(' ')), answers);
}

/** Who plays <character> [in <work>]? */
export function answerCastCharacter(ctx: AskContext): AskResult {
  const { parsed } = ctx;
  const character = parsed.character ?? '';
  let work: Entity | undefined;
  let claims: Claim[];
  if (parsed.focus) {
    const res = resolveOrFail(ctx, parsed.focus, parsed.lookups, { required: character ? [character] : [] });
    if ('fail' in res) return res.fail;
    work = res.entity;
    claims = lookupClaims(ctx, work.id, { predicate: 'cast_member', direction: 'out' });
  } else {
    claims = castClaimsNaming(ctx, character);
  }
  let matching = claims.filter((c) => typeof c.qualifiers.character === 'string' && characterMatches(c.qualifiers.character, character));
  if (matching.length === 0 && work && character) {
    // The character's cast fact may sit on another name of the same film ("Lemony Snicket" for
    // "A Series of Unfortunate Events"): accept it only from an article that states facts about
    // the asked work too.
    const w = work;
    const sameArticle = castClaimsNaming(ctx, character).filter((c) =>
      c.evidence.some((e) => ctx.store.claims({ entityId: w.id, docId: e.document.id, limit: 1 }).length > 0),
    );
    if (sameArticle.length && new Set(sameArticle.map((c) => (isEntityRef(c.object) ? c.object.id : ''))).size === 1) {
      note(ctx, `${character}: cast fact on ${sameArticle[0].subject.name}, stated in an article about ${w.name}`);
      matching = sameArticle;
    }
  }
  if (matching.length === 0) {
    if (!work) {
      const known = ctx.store.findEntitiesByAlias(aliasKey(character));
      if (known.length === 0) return noAnswer(ctx, 'unknown-entity', `The articles never mention "${character}".`);
      return fallback(ctx, known.slice(0, 1), [], `do not say who plays ${character}`);
    }
    // The sentence must name the character itself ("Luke's mother", not just "Luke").
    return fallback(ctx, [work], [character], `do not say who plays ${character}`, [character]);
  }
  useFacts(ctx, matching);
  // One item per (actor, work): the same character name can exist in several works.
  const byPair = new Map<string, Claim[]>();
  for (const c of matching) {
    const k = `${isEntityRef(c.object) ? c.object.id : ''}|${c.subject.id}`;
    byPair.set(k, [...(byPair.get(k) ?? []), c]);
  }
  const answers: AnswerItem[] = [];
  const sentences: string[] = [];
  for (const cs of [...byPair.values()].sort((a, b) => b.length - a.length)) {
    const [g] = groupClaims(cs, 'out');
    const ch = commonQualifier(cs, 'character') ?? character;
    answers.push(itemFromGroup(g, 'cast_member', { character: ch, work: cs[0].subject.name }));
    sentences.push(`${g.value} plays ${ch} in ${cs[0].subject.name}.`);
  }
  return answered(ctx, sentences.slice(0, 3).join(' '), answers);
}

/** What role does <person> play [in <work>]? */
export function answerCharacterOf(ctx: AskContext): AskResult {
  const { parsed } = ctx;
  if (!parsed.partner) return noAnswer(ctx, 'not-understood');
  const pr = resolveOrFail(ctx, parsed.partner, [{ predicate: 'cast_member', direction: 'in' }], { preferTypes: ['person'] });
  if ('fail' in pr) return pr.fail;
  const person = pr.entity;
  let work: Entity | undefined;
  if (parsed.focus) {
    const wr = resolveOrFail(ctx, parsed.focus, parsed.lookups);
    if ('fail' in wr) return wr.fail;
    work = wr.entity;
  }
  let claims = lookupClaims(ctx, person.id, { predicate: 'cast_member', direction: 'in' });
  if (work) claims = claims.filter((c) => c.subject.id === work!.id);
  const withCharacter = claims.filter((c) => typeof c.qualifiers.character === 'string');
  if (withCharacter.length === 0) return fallback(ctx, work ? [person, work] : [person], [], `do not say whom ${person.name} plays`);
  useFacts(ctx, withCharacter);
  const byWork = new Map<string, Claim[]>();
  for (const c of withCharacter) byWork.set(c.subject.id, [...(byWork.get(c.subject.id) ?? []), c]);
  const answers: AnswerItem[] = [];
  const sentences: string[] = [];
  for (const cs of byWork.values()) {
    const ch = commonQualifier(cs, 'character')!;
    answers.push({
      value: ch,
      entity: { id: person.id, name: person.name, type: person.type, subtype: person.subtype ?? null },
      confidence: combineConfidence(cs.map((c) => c.confidence)),
      evidence: mergeEvidence(...cs.map((c) => c.evidence)),
      support: 'facts',
      predicate: 'cast_member',
      qualifiers: { character: ch, work: cs[0].subject.name },
    });
    sentences.push(`${person.name} plays ${ch} in ${cs[0].subject.name}.`);
  }
  return answered(ctx, sentences.slice(0, 3).join(' '), answers);
}

/** Date groups merged: a coarser date consistent with a finer one ("2022" with "2022-07-29") joins it. */
function mergeDateGroups(groups: ClaimGroup[]): ClaimGroup[] {
  const dated = groups.filter((g) => datePrecision(g.value) > 0).sort((a, b) => datePrecision(b.value) - datePrecision(a.value));
  const out: ClaimGroup[] = [];
  for (const g of dated) {
    const finer = out.find((o) => o.value.startsWith(g.value) && o.value !== g.value);
    if (finer) finer.claims.push(...g.claims);
    else out.push({ ...g, claims: [...g.claims] });
  }
  const docs = (g: ClaimGroup) => new Set(g.claims.flatMap((c) => c.evidence.map((e) => e.document.id))).size;
  return out.sort((a, b) => docs(b) - docs(a) || datePrecision(b.value) - datePrecision(a.value));
}

function dateSentence(predicate: string, subject: string, iso: string): string {
  const when = onDate(iso);
  switch (predicate) {
    case 'publication_date': return `${subject} came out ${when}.`;
    case 'filming_wrapped': return `Filming on ${subject} wrapped ${when}.`;
    case 'filming_started': return `Filming on ${subject} started ${when}.`;
    case 'announced': return `${subject} was announced ${when}.`;
    case 'cast_announced': return `The casting for ${subject} was announced ${when}.`;
    case 'renewed': return `${subject} was renewed ${when}.`;
    case 'cancelled': return `${subject} was cancelled ${when}.`;
    default: return `${capitalize(predicateInfo(predicate)?.label ?? predicate)}: ${subject}, ${formatDate(iso)}.`;
  }
}

/** When did X come out / when did filming wrap / when was X announced. */
export function answerDate(ctx: AskContext): AskResult {
  const { parsed } = ctx;
  const res = resolveOrFail(ctx, parsed.focus ?? IT, parsed.lookups);
  if ('fail' in res) return res.fail;
  const focus = res.entity;
  let partner: Entity | undefined;
  if (parsed.partner) {
    const pr = resolveOrFail(ctx, parsed.partner, []);
    if ('fail' in pr) return pr.fail;
    partner = pr.entity;
  }
  for (const l of parsed.lookups) {
    let claims = lookupClaims(ctx, focus.id, l).filter((c) => isLiteralObject(c.object));
    if (partner) {
      const key = aliasKey(partner.name);
      const about = claims.filter(
        (c) => (typeof c.qualifiers.person === 'string' && aliasKey(c.qualifiers.person) === key) || c.evidence.some((e) => ` ${aliasKey(e.sentence)} `.includes(` ${key} `)),
      );
      if (about.length) claims = about;
    }
    const groups = mergeDateGroups(groupClaims(claims, 'out'));
    if (groups.length === 0) continue;
    useFacts(ctx, groups.flatMap((g) => g.claims));
    const answers = groups.map((g) => itemFromGroup(g, l.predicate, { precision: ['', 'year', 'month', 'day'][datePrecision(g.value)] }));
    const who = partner && l.predicate === 'cast_announced' ? partner.name : undefined;
    let text = who ? `${who} was cast in ${focus.name} ${onDate(groups[0].value)}.` : dateSentence(l.predicate, focus.name, groups[0].value);
    if (groups.length > 1) text += ` (Other articles give ${joinList(groups.slice(1, 3).map((g) => formatDate(g.value)))}.)`;
    return answered(ctx, text, answers);
  }
  return fallback(ctx, [focus]);
}

/** " worldwide", " in the US", " in its opening weekend": where box-office money was taken. */
function scopePhrase(scope: unknown, amount: string): string {
  if (typeof scope !== 'string' || !scope || amount.includes(scope)) return '';
  if (/^(?:worldwide|global)$/i.test(scope)) return ' worldwide';
  if (/^international$/i.test(scope)) return ' internationally';
  if (/weekend$/i.test(scope)) return ` in its ${scope.replace(/^debut/i, 'opening')}`;
  if (/^domestic$/i.test(scope)) return ' domestically';
  return ` in the ${scope}`;
}

/** How a metric claim reads: the article's own words when the extractor kept them. */
function metricAmount(c: Claim): string {
  const q = c.qualifiers;
  if (typeof q.text === 'string' && q.text.trim()) return q.text.trim();
  const v = isLiteralObject(c.object) ? formatNumber(c.object.value) : c.object.name;
  const unit = typeof q.unit === 'string' ? ` ${q.unit}` : '';
  return `${v}${unit}`;
}

function metricSentence(c: Claim, subject: string): string {
  const q = c.qualifiers;
  const amount = metricAmount(c);
  const period =
    typeof q.period === 'string' && !amount.includes(q.period)
      ? /^(?:in|over|during|on|since|after|across|within|by|for|at)\b/i.test(q.period)
        ? ` ${q.period}`
        : ` in the ${q.period.replace(/^(?:the|its)\s+/i, '')}`
      : '';
  const chart = typeof q.chart === 'string' && !amount.includes(q.chart) ? q.chart : '';
  switch (c.predicate) {
    case 'hours_viewed': return `${subject} racked up ${amount}${/hour/i.test(amount) ? '' : ' hours viewed'}${period}.`;
    case 'views': return `${subject} drew ${amount}${/view/i.test(amount) ? '' : ' views'}${period}.`;
    case 'box_office': return `${subject} took ${amount}${scopePhrase(q.scope, amount)}${period}.`;
    case 'chart_run':
      // The article's own words may already say where: "in Netflix's Top 10 for six weeks".
      if (/^(?:in|on|at)\b/i.test(amount)) return `${subject} stayed ${amount}${period}.`;
      return `${subject} spent ${amount}${chart ? ` in ${chart}` : ''}${period}.`;
    case 'chart_position': {
      // the rank as a number ("in fourth position" → No. 4), the chart with its article
      const rank = typeof q.rank === 'number' ? q.rank : isLiteralObject(c.object) ? Number(c.object.value) : NaN;
      const pos = /^\d/.test(amount) ? `No. ${amount}` : Number.isFinite(rank) && rank > 0 ? `No. ${rank}` : amount;
      const where = !chart ? '' : /box office/i.test(chart) ? ` at the ${chart.replace(/^the\s+/i, '')}` : ` on ${/^(?:the|netflix|billboard)\b/i.test(chart) || /^\p{Lu}\p{Ll}+['’]s\b/u.test(chart) ? '' : 'the '}${chart}`;
      return `${subject} reached ${pos}${where}${period}.`;
    }
    case 'ranking': return `${subject} ranked ${amount}${chart ? ` (${chart})` : ''}${period}.`;
    default: return `${subject}: ${amount}.`;
  }
}

/** How many hours / how long in the Top 10 / how much did it make. */
export function answerMetric(ctx: AskContext): AskResult {
  const { parsed } = ctx;
  const res = resolveOrFail(ctx, parsed.focus ?? IT, parsed.lookups);
  if ('fail' in res) return res.fail;
  const focus = res.entity;
  const wantChart = parsed.partner ? aliasKey(parsed.partner.text) : '';
  for (const l of parsed.lookups) {
    let claims = lookupClaims(ctx, focus.id, l);
    if (wantChart) {
      const onChart = claims.filter((c) => typeof c.qualifiers.chart === 'string' && aliasKey(c.qualifiers.chart).includes(wantChart.replace(/^netflix /, '')));
      if (onChart.length) claims = onChart;
    }
    if (claims.length === 0) continue;
    // "How much did X make worldwide / in the US / in its opening weekend?": the figures for that scope
    const scope = /\b(worldwide|globally|global|international(?:ly)?|overseas|domestic(?:ally)?|in the (US|UK)|(?:opening|debut|first) weekend)\b/i.exec(parsed.normalized);
    if (scope && l.predicate === 'box_office') {
      const want = scope[2] ?? scope[1].toLowerCase().replace(/ly$/, '').replace(/^globa$/, 'global').replace(/^(?:debut|first) weekend$/, 'opening weekend');
      const same = (v: unknown) => typeof v === 'string' && (v.toLowerCase() === want.toLowerCase() || (/^(?:worldwide|global)$/i.test(v) && /^(?:worldwide|global)/i.test(want)) || (/weekend$/i.test(v) && /weekend$/i.test(want)));
      const scoped = claims.filter((c) => same(c.qualifiers.scope));
      if (scoped.length) {
        claims = scoped;
        note(ctx, `box office scoped to "${want}"`);
      }
    }
    // Same value in several articles is one answer with all their evidence.
    const groups = new Map<string, Claim[]>();
    for (const c of claims) {
      const k = `${isLiteralObject(c.object) ? c.object.value : c.object.id}|${c.qualifiers.unit ?? ''}|${c.qualifiers.chart ?? ''}|${c.qualifiers.period ?? ''}`;
      groups.set(k, [...(groups.get(k) ?? []), c]);
    }
    const ordered = [...groups.values()].sort((a, b) => b.length - a.length);
    useFacts(ctx, claims);
    const answers: AnswerItem[] = ordered.map((cs) => {
      const quals: Record<string, string | number | boolean> = {};
      for (const [k, v] of Object.entries(cs[0].qualifiers)) quals[k] = v;
      return {
        value: metricAmount(cs[0]),
        confidence: combineConfidence(cs.map((c) => c.confidence)),
        evidence: mergeEvidence(...cs.map((c) => c.evidence)),
        support: 'facts',
        predicate: l.predicate,
        qualifiers: quals,
      };
    });
    return answered(ctx, ordered.slice(0, 2).map((cs) => metricSentence(cs[0], focus.name)).join(' '), answers);
  }
  return fallback(ctx, [focus]);
}

/** The date a claim speaks for: its date qualifier, else the article's date. */
function claimDate(c: Claim): string {
  const q = c.qualifiers.date;
  if (typeof q === 'string' && datePrecision(q) > 0) return q;
  return c.evidence.map((e) => e.document.date ?? '').filter(Boolean).sort().at(-1) ?? '';
}

/** Plain words for an extracted sequel status ("talks", "in development", "confirmed"). */
function statusWords(value: string): { text: string; confirmed: boolean } {
  const v = value.toLowerCase();
  if (/confirm|green ?lit|greenlight|official|announced|ordered|renewed/.test(v)) return { text: 'a sequel is confirmed', confirmed: true };
  if (/talk|conversation|discuss|negotiat/.test(v)) return { text: 'talks are happening', confirmed: false };
  if (/develop|works|writing|script/.test(v)) return { text: 'a sequel is in development', confirmed: false };
  if (/rumou?r|specul|possib|potential|might|could/.test(v)) return { text: 'a sequel is rumoured', confirmed: false };
  if (/cancel|no plans|not happening|denied|ruled out/.test(v)) return { text: 'there are no plans for a sequel', confirmed: true };
  return { text: `the sequel status is "${value}"`, confirmed: false };
}

/** ": <title>" when a work named "<focus>…" (longer) occurs in a sequel claim's evidence sentence. */
function sequelTitleInEvidence(ctx: AskContext, focus: Entity, claims: readonly Claim[]): string {
  const base = aliasKey(focus.name);
  const sentences = claims.flatMap((c) => c.evidence.map((e) => ` ${aliasKey(e.sentence)} `));
  for (const e of ctx.store.searchEntities(focus.name, 10)) {
    const k = aliasKey(e.name);
    if (e.id === focus.id || e.type !== 'work' || !k.startsWith(`${base} `)) continue;
    if (sentences.some((s) => s.includes(` ${k} `))) return `: ${e.name}`;
  }
  return '';
}

/** Is there a sequel? Has X been renewed / cancelled? The latest status with its date. */
export function answerStatus(ctx: AskContext): AskResult {
  const { parsed } = ctx;
  const res = resolveOrFail(ctx, parsed.focus ?? IT, parsed.lookups);
  if ('fail' in res) return res.fail;
  const focus = res.entity;
  const l = parsed.lookups[0];
  const claims = lookupClaims(ctx, focus.id, l, true);
  if (claims.length === 0) return fallback(ctx, [focus]);
  useFacts(ctx, claims);
  const ordered = [...claims].sort((a, b) => claimDate(b).localeCompare(claimDate(a)) || b.confidence - a.confidence);
  const answers: AnswerItem[] = [];
  const seen = new Map<string, AnswerItem>();
  for (const c of ordered) {
    const value = isEntityRef(c.object) ? c.object.name : c.object.value;
    const date = claimDate(c);
    const key = `${value}|${date}|${c.modality}`;
    const prev = seen.get(key);
    if (prev) {
      prev.evidence = mergeEvidence(prev.evidence, c.evidence);
      continue;
    }
    const quals: Record<string, string | number | boolean> = { ...c.qualifiers, modality: c.modality };
    if (date) quals.date = date;
    const item: AnswerItem = { value, confidence: combineConfidence([c.confidence]), evidence: [...c.evidence], support: 'facts', predicate: c.predicate, qualifiers: quals };
    if (isEntityRef(c.object)) item.entity = { id: c.object.id, name: c.object.name, type: c.object.type, subtype: c.object.subtype ?? null };
    seen.set(key, item);
    answers.push(item);
  }
  const latest = ordered[0];
  const date = claimDate(latest);
  const asOf = date ? `As of ${formatDate(date.slice(0, 7))}, ` : '';
  const tentative = latest.modality === 'speculative' || latest.modality === 'reported';
  let text: string;
  if (l.predicate === 'sequel') {
    if (latest.modality === 'negated') text = `${asOf}there is no sequel to ${focus.name}.`;
    else if (isEntityRef(latest.object)) {
      text = tentative
        ? `${asOf}a sequel to ${focus.name}, ${latest.object.name}, is being discussed; nothing is confirmed.`
        : `Yes — a sequel to ${focus.name}, ${latest.object.name}, is confirmed${date ? ` (${formatDate(date)})` : ''}.`;
    } else {
      const s = statusWords(latest.object.value);
      // A title named by any sequel claim ("Paper Lanterns: High Water") completes the status;
      // failing that, a work named after the film that the sequel sentences themselves name.
      const titled = ordered.find((c) => isEntityRef(c.object) && c.modality !== 'negated');
      const title = titled && isEntityRef(titled.object) ? `: ${titled.object.name}` : sequelTitleInEvidence(ctx, focus, ordered);
      if (s.confirmed && !tentative) text = `${asOf}${s.text}${title}.`;
      else text = `${asOf}${s.text}; nothing is confirmed.`;
    }
    text = capitalize(text);
  } else {
    const verb = l.predicate === 'renewed' ? 'renewed' : 'cancelled';
    const when = isLiteralObject(latest.object) && datePrecision(latest.object.value) > 0 ? ` ${onDate(latest.object.value)}` : '';
    text = latest.modality === 'negated' ? `No — ${focus.name} has not been ${verb}.` : tentative ? `${asOf}${focus.name} may be ${verb}; nothing is confirmed.` : `Yes — ${focus.name} was ${verb}${when}.`;
    text = capitalize(text);
  }
  return answered(ctx, text, answers);
}
