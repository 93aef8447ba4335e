/**
 * @module Awards: "won best actress at the Oscars", "won the Booker Prize", "was nominated for
 * best foreign film at the Oscars", "has 12 nominations for the Billboard awards". The award
 * object is the ceremony (canonical name from the gazetteer); the category is a qualifier.
 */
import type { ClaimArg, Mention } from '../../model/types.js';
import { type PatternModule, type SentenceView, type Slot, listSlots, pattern } from './context.js';
import { eachMatch } from './helpers.js';

const CATEGORY = String.raw`(?:(?:the\s+|an?\s+)?((?:best|outstanding|top)\s+[\p{Ll}\p{Lu}\s'-]{2,40}?|[\p{Lu}][\p{L}'-]*(?:\s+[\p{Lu}][\p{L}'-]*){0,4})\s+(?:award|prize|honour|title|gong|trophy)?\s*)?`;
const WON = pattern(String.raw`\b(won|wins|win|winning|scooped|picked up|took home|collected|received|receives|awarded|landed|claimed|bagged|named)\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+)?${CATEGORY}(?:(?:at|in|from)\s+(?:the\s+|this\s+year['’]s\s+|last\s+year['’]s\s+|«D\d+»\s+|\p{Lu}\p{Ll}+['’]s\s+)*)?«([AE])(\d+)»(?!\s+(?:nomination|nod))(?:\s+(?:for|as)\s+((?:best|outstanding)\s+[\p{Ll}\s-]{2,40}?)(?=[,.;]|\s+(?:for|at|in|and)\b|$))?`);
const AWARD_NOMINATION = pattern(String.raw`\b(?:an?\s+|the\s+)?{A}\s+(?:nomination|nod)s?(?:\s+for\s+((?:best|outstanding)\s+[\p{Ll}\s-]{2,40}?)(?=[,.;]|\s+(?:for|at|in|and)\b|$))?`);
const NOMINATED = pattern(String.raw`\b(nominated|nomination|nominations|nominee|shortlisted|up for|in the running|contender)\b[^«.]{0,60}?(?:(?:for|at)\s+(?:the\s+)?((?:best|outstanding)\s+[\p{Ll}\s-]{2,40}?)\s+(?:at\s+)?(?:the\s+)?(?:\p{Lu}\p{Ll}+['’]s\s+)?)?{A}`);

/**
 * A category without its award in the sentence, as awards coverage writes it once the ceremony is
 * named: "Jamie Foxx picked up best actor for playing ...", "Vera Drake was named best film",
 * "Scorsese has never won the best director prize". The award is the one the sentence names, else
 * the last one named before it in the article, else the article's first.
 */
const CATEGORY_HEAD = String.raw`(?:actor|actress|director|directors|film|films|picture|screenplay|documentary|musical|song|album|single|act|group|band|artist|newcomer|play|comedy|drama|feature|animation|score|cinematography|video|performance|debut|presenter|presenters|series|programme|show|soap|entertainment|writer|music|sound|editing|design|male|female|singer|breakthrough|production|revival|movie|costume|effects|makeup|make-up|photography|choreography)`;
/** A category word: lower-case, not a function word (so "best director and best film" is two). */
const CAT_WORD = String.raw`(?!(?:and|or|for|at|in|of|the|a|an|to|with|while|from|by|on|as|but|after|who|which|that)\s)[\p{Ll}/-]+\s+`;
const CAT = String.raw`(?:best|outstanding)\s+(?:${CAT_WORD}){0,4}${CATEGORY_HEAD}\b`;
const MORE_CATS = String.raw`((?:(?:\s*,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?${CAT})*)`;
const WIN_VERB = String.raw`(?:won|wins|win|winning|has\s+won|have\s+won|had\s+won|picked\s+up|picks\s+up|took|takes|took\s+home|takes\s+home|scooped|scoops|collected|collects|landed|lands|bagged|claimed|claims|was\s+named|were\s+named|is\s+named|has\s+been\s+named|have\s+been\s+named|be\s+named|been\s+named|triumphed\s+as|was\s+voted|was\s+declared|were\s+declared|was\s+crowned|were\s+crowned|scored|scoops?|grabbed|grabs|walked\s+away\s+with|was|were)`;
const CATEGORY_WIN = pattern(String.raw`\b(${WIN_VERB})\s+(?:the\s+|her\s+|his\s+|their\s+|its\s+)?(?:(?:first|second|third|fourth|fifth|sixth|seventh|hotly|keenly|much|coveted|prestigious|contested|-)[\s-]+){0,3}(${CAT})${MORE_CATS}(?:\s+(?:award|prize|honour|trophy|gong|statuette|title|category|Oscar|Bafta|Globe|«A\d+»))?(?:\s+in\s+a\s+(?:supporting|leading|lead)\s+role)?(?:\s+for\s+(?:her\s+role\s+in\s+|his\s+role\s+in\s+|the\s+film\s+)?{X})?`);
/** "The Aviator took five prizes including best supporting actress for Cate Blanchett". */
const PRIZES_INCLUDING = pattern(String.raw`\b(?:won|took|collected|picked\s+up|scooped|received|landed)\s+(?:\w+\s+)?(?:other\s+)?(?:awards|prizes|honours|accolades|trophies|Oscars|Baftas|Globes)\s*,?\s+including\s+(${CAT})\s+for\s+{P}`);
/** "Kate Winslet walked away empty-handed despite two nominations for best actress": a loss (negated win). */
const EMPTY_HANDED = pattern(String.raw`{P+}\s+(?:\w+\s+){0,2}?(?:walked\s+away|went\s+home|left|came\s+away|go\s+home|goes\s+home|leave|left\s+the\s+ceremony)\s+empty-handed`);
/** "named US actor Christian Slater best actor": the winner follows "named". */
const NAMED_X_BEST = pattern(String.raw`\bnamed\s+(?:[\p{L}-]+\s+){0,3}?({X})\s+(?:as\s+)?(?:the\s+)?(${CAT})`);
/** "Best film went to Stone Country". */
const CATEGORY_WENT_TO = pattern(String.raw`\b([Bb]est\s+(?:${CAT_WORD}){0,4}${CATEGORY_HEAD})\s+(?:award\s+|prize\s+)?(?:went|goes|has\s+gone)\s+to\s+{X}`);
/** "the animation award went to The Incredibles". */
const AWARD_WENT_TO = pattern(String.raw`\b(?:the\s+)?((?:best\s+)?(?:${CAT_WORD}){0,3}(?!(?:and|or|while|but|the|a|an)\s)[\p{Ll}-]+)\s+(?:award|prize|Oscar|honour)\s+(?:went|goes|has gone)\s+to\s+{X}`);
/** "was nominated for best director", "a best actor nomination", "is up for best film". */
const CATEGORY_NOMINATED = pattern(String.raw`\b(?:nominated|shortlisted|up|in\s+the\s+running|nominee|nominees|contender)\s+for\s+(?:the\s+)?(${CAT})${MORE_CATS}|\b(?:an?\s+|the\s+)?(${CAT})\s+(?:nomination|nominations|nod)\b`);
/** A ceremony named in full in the text: "the Lakeshore Film Critics Awards", "the Whitbread Prize". */
const AWARD_NAME = /\b((?:[\p{Lu}][\p{L}'’&-]*\s+){1,5}(?:Awards|Prize|Prizes|Film Festival))\b/u;
const HEDGE_BEFORE = /\b(?:will|would|could|might|may|if|predict\w*|tipped|favourite|favorite|expect|expects|expected|likely|hope|hopes|hoping|bid|chance|odds|should|think|thinks|believe|believes|tip|tips|backed|back|backs)\b/;

/** Start of the clause holding template offset `at` (after ";", "while", "but", a dash, ", and", "and the"). */
function clauseStartOf(tpl: string, at: number): number {
  let start = 0;
  const re = /;|\s[-–—]\s|\bwhile\b|\bwhereas\b|\bbut\b|,\s+and\b|:\s|\s+and\s+(?=(?:the|its|his|her|their|he|she|it|they)\s)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tpl)) !== null && m.index < at) start = m.index + m[0].length;
  return start;
}

/** "Bookmakers predict X will win", "X is tipped to win": a hedged win is speculative (unless negated). */
function hedgedModality(tpl: string, subjStart: number, subjEnd: number, verbAt: number, matchEnd: number): 'speculative' | undefined {
  if (/\b(?:not|n't|never|failed to|no longer)\b/.test(tpl.slice(subjStart, matchEnd))) return undefined;
  const before = tpl.slice(clauseStartOf(tpl, subjStart), subjStart);
  const between = tpl.slice(subjEnd, Math.max(subjEnd, verbAt));
  return HEDGE_BEFORE.test(before) || HEDGE_BEFORE.test(between) ? 'speculative' : undefined;
}

/** Awards received and nominations. */
export const awardPatterns: PatternModule = (ctx) => {
  /** The sentence's first person or work before the verb; "Ray director Taylor Hackford" is the director. */
  const subjectBefore = (slots: { kind: string; tplStart: number; tplEnd: number; mention?: Mention }[], at: number, tpl = '') => {
    // "..., Martin Scorsese, who has never won an Oscar": the relative clause's antecedent
    const rel = /«([PW])(\d+)»,?\s+(?:who|which)\s+(?:[\p{Ll}']+\s+){0,4}$/u.exec(tpl.slice(0, at));
    if (rel) return slots[Number(rel[2])]?.mention;
    // the verb's own clause first ("while stars A and B are both nominated")
    const from = clauseStartOf(tpl, at);
    const inClause = slots.filter((s) => (s.kind === 'P' || s.kind === 'W') && s.tplStart >= from && s.tplEnd <= at);
    // outside its clause, a subject far back (across a quotation, a list of films) is someone else's
    const cands = inClause.length ? inClause : slots.filter((s) => (s.kind === 'P' || s.kind === 'W') && s.tplEnd <= at && at - s.tplEnd <= 80 && !/["“”]/.test(tpl.slice(s.tplEnd, at)));
    const [first, second] = cands;
    if (first?.kind === 'W' && second?.kind === 'P' && /^\s+(?:director|star|actor|actress|producer|writer|composer|creator)\s+$/.test(tpl.slice(first.tplEnd, second.tplStart))) return second.mention;
    // "Martin Scorsese's The Aviator will win": the possessed work; a possessor alone is no winner
    if (first?.kind === 'P' && /^['’]s\b/.test(tpl.slice(first.tplEnd, first.tplEnd + 2))) {
      return second?.kind === 'W' && /^['’]s\s+(?:[\p{L}-]+\s+){0,4}$/u.test(tpl.slice(first.tplEnd, second.tplStart)) ? second.mention : undefined;
    }
    return first?.mention ?? undefined;
  };
  const modalityFor = (v: SentenceView, subj: Mention, m: RegExpExecArray) => {
    const sl = v.slots.find((s) => s.mention === subj);
    return sl ? hedgedModality(v.tpl, sl.tplStart, sl.tplEnd, m.index, m.index + m[0].length) : undefined;
  };
  eachMatch(ctx, WON, (v, m) => {
    const found = ctx.slot(v, m[4]).mention;
    const subj = subjectBefore(v.slots, m.index, v.tpl);
    if (!found || !subj) return;
    // a festival's top prize: the festival stands for the award ("won best director at Cannes")
    const award = m[3] === 'E' ? { ...found, type: 'award' as const } : found;
    const category = (m[2] ?? m[5] ?? '').trim();
    const q: Record<string, string> = {};
    if (category && !/^(?:award|prize)$/i.test(category) && category.toLowerCase() !== award.canonical.toLowerCase()) q.category = category;
    const start = v.slots.find((s) => s.mention === subj)?.tplStart ?? m.index;
    const modality = modalityFor(v, subj, m);
    ctx.emit(v, { predicate: 'award_received', subject: ctx.arg(subj), object: ctx.arg(award), qualifiers: q, confidence: 0.75, tplStart: start, tplEnd: m.index + m[0].length, ...(modality ? { modality } : {}) });
  });
  eachMatch(ctx, AWARD_NOMINATION, (v, m) => {
    const award = ctx.slot(v, m[1]).mention;
    const subj = subjectBefore(v.slots, m.index, v.tpl);
    if (!award || !subj) return;
    const q: Record<string, string> = {};
    if (m[2]) q.category = m[2].trim();
    const start = v.slots.find((s) => s.mention === subj)?.tplStart ?? m.index;
    const modality = modalityFor(v, subj, m);
    ctx.emit(v, { predicate: 'nominated_for', subject: ctx.arg(subj), object: ctx.arg(award), qualifiers: q, confidence: 0.65, tplStart: start, tplEnd: m.index + m[0].length, ...(modality ? { modality } : {}) });
  });
  eachMatch(ctx, NOMINATED, (v, m) => {
    const award = ctx.slot(v, m[3]).mention;
    const subj = subjectBefore(v.slots, m.index, v.tpl);
    if (!award || !subj) return;
    const q: Record<string, string> = {};
    if (m[2]) q.category = m[2].trim();
    const start = v.slots.find((s) => s.mention === subj)?.tplStart ?? m.index;
    const modality = modalityFor(v, subj, m);
    ctx.emit(v, { predicate: 'nominated_for', subject: ctx.arg(subj), object: ctx.arg(award), qualifiers: q, confidence: 0.7, tplStart: start, tplEnd: m.index + m[0].length, ...(modality ? { modality } : {}) });
  });
  const awardSlots = (v: SentenceView) => v.slots.filter((s) => s.mention?.type === 'award');
  /** "Oscar-nominated", "Oscar hopefuls", "the Oscar race": an award named as an adjective is not the ceremony a category belongs to. */
  const adjectival = (sl: Slot, v: SentenceView) => /^(?:-|\s*(?:hopefuls?|contenders?|favourites?|race|season|buzz|glory|campaign|voters)\b)/.test(v.tpl.slice(sl.tplEnd, sl.tplEnd + 14));
  const awardsIn = (v: SentenceView) => awardSlots(v).filter((sl) => !adjectival(sl, v));
  let topic: Mention | undefined;
  for (let k = 0; k < Math.min(3, ctx.views.length) && !topic; k++) topic = awardsIn(ctx.views[k])[0]?.mention;
  /** "the Lakeshore Film Critics Awards": a ceremony the gazetteer does not know, named in the text. */
  const textAward = (v: SentenceView): ClaimArg | undefined => {
    const t = AWARD_NAME.exec(v.text);
    return t ? { name: t[1], type: 'award' } : undefined;
  };
  let textTopic: ClaimArg | undefined;
  // a festival in the lede is where a film screened, not the ceremony of every later category
  for (let k = 0; k < Math.min(3, ctx.views.length) && !textTopic; k++) textTopic = textAward(ctx.views[k]);
  if (textTopic && /Festival$/.test(textTopic.name)) textTopic = undefined;
  /** The award a category belongs to: in the sentence, else the article's topic ceremony, else the last one before it, else the next. */
  const awardFor = (v: SentenceView, idx: number): Mention | ClaimArg | undefined => {
    const here = awardsIn(v)[0]?.mention;
    if (here) return here;
    const named = textAward(v);
    if (named) return named;
    if (topic) return topic;
    for (let k = idx - 1; k >= 0; k--) {
      const a = awardsIn(ctx.views[k]);
      if (a.length) return a[a.length - 1].mention;
    }
    if (textTopic) return textTopic;
    for (let k = idx + 1; k < ctx.views.length; k++) {
      const a = awardsIn(ctx.views[k]);
      if (a.length) return a[0].mention;
    }
    return undefined;
  };
  const clauseStart = clauseStartOf;
  /** The winners of a clause: its subject (a name, or names joined by "and"), possessives and "W star P" handled. */
  const winners = (v: SentenceView, from: number, at: number): Slot[] => {
    const cands = v.slots.filter((s) => (s.kind === 'P' || s.kind === 'W') && s.tplStart >= from && s.tplEnd <= at);
    if (cands.length === 0) return [];
    // "The US band, who opened the show with X, won": a name inside a relative clause is not the subject
    if (/\b(?:who|which|whose|that)\b/.test(v.tpl.slice(from, cands[0].tplStart))) return [];
    let i = 0;
    // "Michael Moore's documentary Fahrenheit 9/11 won": the work; "Ray star Jamie Foxx won": the person
    const gap = (a: Slot, b: Slot) => v.tpl.slice(a.tplEnd, b.tplStart);
    if (cands[1] && cands[0].kind === 'P' && cands[1].kind === 'W' && /^['’]s\s+(?:[\p{L}-]+\s+){0,4}$/u.test(gap(cands[0], cands[1]))) i = 1;
    // "Eastwood's boxing drama won": the possessor did not win it
    else if (/^['’]s\b/.test(v.tpl.slice(cands[0].tplEnd, cands[0].tplEnd + 2))) return [];
    else if (cands[1] && cands[0].kind === 'W' && cands[1].kind === 'P' && /^\s+(?:star|actor|actress|director|producer|writer|composer|creator)\s+$/.test(gap(cands[0], cands[1]))) i = 1;
    // the subject ends where the verb phrase begins: nothing but a name list may follow it
    const out = [cands[i]];
    for (let k = i + 1; k < cands.length && /^(?:\s*,\s*|\s+and\s+|,\s+and\s+)$/.test(gap(cands[k - 1], cands[k])); k++) out.push(cands[k]);
    // "Maya Lindqvist, who plays Clara Voss in Stone Country, won": a relative clause between is skipped
    const rest = v.tpl.slice(out[out.length - 1].tplEnd, at).replace(/^,\s+(?:who|which)\b[^,;]*,\s*/, ' ');
    // "The Chorus, a film about ..., won": an appositive may sit between; other names may not
    if (/«[PW]\d+»/.test(rest)) return [];
    // "X said this made him favourite to be named", "odds of winning", "lost out in the battle to be named"
    if (/\b(?:said|says|told|tells|believes?|thinks?|predict\w*|given|gave|odds|lost|loses|missed|battle|race|beat|beaten|ahead of)\b/.test(rest)) return [];
    if (rest.length > 90) return [];
    return out.map((s) => s.mention).filter(Boolean).length ? out : [];
  };
  const categoriesOf = (first: string, more: string | undefined): string[] =>
    [first, ...(more ?? '').split(/\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?/).slice(1)].map((c) => c.trim().replace(/\s+/g, ' ')).filter(Boolean);
  const already = (v: SentenceView, predicate: string, subject: string, award: string, category: string) =>
    ctx.claims.some((c) => c.predicate === predicate && c.sentence.start === v.sentence.start && c.subject.name === subject && 'name' in c.object && c.object.name === award && String(c.qualifiers.category ?? '').toLowerCase() === category.toLowerCase());
  const emitWin = (v: SentenceView, idx: number, predicate: 'award_received' | 'nominated_for', subjects: Slot[], cats: string[], verbAt: number, tplEnd: number, forSlot?: Slot) => {
    const award = awardFor(v, idx);
    if (!award) return;
    const start = Math.min(subjects[0].tplStart, verbAt);
    const hedged = hedgedModality(v.tpl, subjects[0].tplStart, subjects[subjects.length - 1].tplEnd, verbAt, tplEnd) === 'speculative';
    for (const subj of subjects) {
      const sm = subj.mention!;
      for (const category of cats) {
        if (already(v, predicate, sm.canonical, 'id' in award ? award.canonical : award.name, category)) continue;
        const q: Record<string, string> = { category };
        if (forSlot?.mention && forSlot.mention.type === 'work' && forSlot.mention !== sm) q.work = forSlot.mention.canonical;
        ctx.emit(v, { predicate, subject: ctx.arg(sm), object: 'id' in award ? ctx.arg({ ...award, type: 'award' }) : award, qualifiers: q, confidence: 0.7, tplStart: start, tplEnd, ...(hedged ? { modality: 'speculative' as const } : {}) });
      }
    }
  };
  eachMatch(ctx, CATEGORY_WIN, (v, m, idx) => {
    const verb = m[1];
    // "was best known": "was" only counts before a category head, which CAT requires
    const from = clauseStart(v.tpl, m.index);
    let subjects = winners(v, from, m.index);
    const forSlot = m[4] ? ctx.slot(v, m[4]) : undefined;
    // "The US movie picked up best director for Alexander Payne": the person after "for" won it
    // ("It also won best actor for Richard Griffiths"); a named winner keeps it ("Foxx won best actor for Ray")
    if (forSlot?.kind === 'P' && !/^(?:was|were)$/.test(verb) && (subjects.length === 0 || subjects[0].kind === 'W') && /\b(?:actor|actress|director|screenplay|writer|presenter|singer|newcomer|performance|debut)\b/.test(m[2])) subjects = [forSlot];
    if (subjects.length === 0) return;
    // "Jamie Foxx and Hilary Swank to scoop best actor and actress": the heads pair with the names in order
    const tail = /^\s+and\s+(actor|actress|director|film|picture|album|single|song|male|female)\b/.exec(v.tpl.slice(m.index + m[0].length));
    if (tail && !m[3] && subjects.length === 2) {
      const second = m[2].replace(/\S+$/, tail[1]);
      const end = m.index + m[0].length + tail[0].length;
      emitWin(v, idx, 'award_received', [subjects[0]], [m[2]], m.index, end, forSlot);
      emitWin(v, idx, 'award_received', [subjects[1]], [second], m.index, end, forSlot);
      return;
    }
    emitWin(v, idx, 'award_received', subjects, categoriesOf(m[2], m[3]), m.index, m.index + m[0].length, forSlot);
  });
  eachMatch(ctx, PRIZES_INCLUDING, (v, m, idx) => {
    if (!/\b(?:actor|actress|director|screenplay|writer|presenter|singer|newcomer|performance|debut)\b/.test(m[1])) return;
    emitWin(v, idx, 'award_received', [ctx.slot(v, m[2])], [m[1].trim()], m.index, m.index + m[0].length);
  });
  eachMatch(ctx, EMPTY_HANDED, (v, m, idx) => {
    const award = awardFor(v, idx);
    if (!award) return;
    const awardArg = 'id' in award ? ctx.arg({ ...award, type: 'award' }) : award;
    // the categories they were up for, when the sentence says ("despite two nominations for best actress")
    const tail = v.tpl.slice(m.index + m[0].length);
    const cat = new RegExp(String.raw`^[^.;]{0,60}?\bnominations?\s+for\s+(${CAT})`, 'u').exec(tail)?.[1];
    const q: Record<string, string> = cat ? { category: cat.replace(/\s+/g, ' ') } : {};
    const end = cat ? m.index + m[0].length + tail.indexOf(cat) + cat.length : m.index + m[0].length;
    for (const i of listSlots(m[1])) {
      const p = v.slots[i].mention;
      if (!p) continue;
      ctx.emit(v, { predicate: 'award_received', subject: ctx.arg(p), object: awardArg, qualifiers: q, modality: 'negated', confidence: 0.65, tplStart: m.index, tplEnd: end });
      if (cat) ctx.emit(v, { predicate: 'nominated_for', subject: ctx.arg(p), object: awardArg, qualifiers: q, modality: 'asserted', confidence: 0.65, tplStart: m.index, tplEnd: end });
    }
  });
  eachMatch(ctx, NAMED_X_BEST, (v, m, idx) => {
    const s = ctx.slot(v, m[1].replace(/\D/g, ''));
    if (s.kind !== 'P' && s.kind !== 'W') return;
    emitWin(v, idx, 'award_received', [s], [m[2].trim()], m.index, m.index + m[0].length);
  });
  eachMatch(ctx, CATEGORY_WENT_TO, (v, m, idx) => {
    const s = ctx.slot(v, m[2]);
    if (s.kind !== 'P' && s.kind !== 'W') return;
    emitWin(v, idx, 'award_received', [s], [m[1].trim().toLowerCase()], m.index, m.index + m[0].length);
  });
  eachMatch(ctx, AWARD_WENT_TO, (v, m, idx) => {
    const s = ctx.slot(v, m[2]);
    if (s.kind !== 'P' && s.kind !== 'W') return;
    const cat = m[1].trim();
    if (/^(?:the|an?|this|that|top|main|first|second|same|its|his|her|their)$/.test(cat)) return;
    emitWin(v, idx, 'award_received', [s], [cat], m.index, m.index + m[0].length);
  });
  eachMatch(ctx, CATEGORY_NOMINATED, (v, m, idx) => {
    const from = clauseStart(v.tpl, m.index);
    const subjects = winners(v, from, m.index);
    if (subjects.length === 0) return;
    const cats = m[1] ? categoriesOf(m[1], m[2]) : [m[3].trim()];
    emitWin(v, idx, 'nominated_for', subjects, cats, m.index, m.index + m[0].length);
  });
};
