/**
 * @module Encyclopedic (Wikipedia-introduction style) credit patterns. The first sentence usually
 * defines the document's topic ("Mess of Blues is an album by Jeff Healey.", "Song of Freedom is
 * a 1936 British film directed by J. Elder Wills and starring Paul Robeson."), and later
 * sentences refer back to it ("It was released by ...", "The film stars ..."). Names that the
 * mention detector missed are read from the text as capitalised runs, always inside the sentence.
 */
import type { ClaimArg } from '../../model/types.js';
import type { ClaimContext, SentenceView } from './context.js';
import { tplToDoc } from './context.js';

/** What the definitional first sentence says the topic is. */
export type TopicKind = 'film' | 'series' | 'album' | 'song' | 'book' | 'episode' | 'musician' | 'character' | 'actor' | 'creator' | 'label';

export interface Topic {
  readonly name: string;
  readonly kind: TopicKind;
  /** Sentence of the definition and the template offset of its verb ("is", "was"). */
  readonly index: number;
  readonly verbAt: number;
  /** Every role a person topic is given ("singer, actor and director"); the kind alone for a work. */
  readonly roles: ReadonlySet<TopicKind>;
  /** "a 1993 Japanese anime television film": made for television (it has a broadcaster). */
  readonly television: boolean;
}

const WORK_NOUNS: [RegExp, TopicKind][] = [
  [/^(?:film|movie|documentary|feature)$/i, 'film'],
  [/^(?:series|sitcom|telenovela|soap opera|miniseries|programme|program|show|drama|serial)$/i, 'series'],
  [/^episode$/i, 'episode'],
  [/^(?:album|EP|soundtrack|compilation|mixtape|LP)$/i, 'album'],
  [/^(?:song|single|ballad|track|anthem)$/i, 'song'],
  [/^(?:novel|book|novella|short story|story|memoir|comic|manga|play|poem)$/i, 'book'],
  [/^(?:band|group|duo|trio|singer|rapper|musician|singer-songwriter|DJ|(?:music|recording|country) artist)$/i, 'musician'],
  [/^(?:character|protagonist|antagonist|villain|superhero|heroine|figure)$/i, 'character'],
  [/^(?:actor|actress|comedian)$/i, 'actor'],
  [/^(?:director|filmmaker|screenwriter|novelist|author|writer|composer|songwriter)$/i, 'creator'],
  [/^(?:record label|record company)$/i, 'label'],
];

const TOPIC_NOUN = /\b(record label|record company|film|movie|documentary|series|sitcom|telenovela|soap opera|miniseries|programme|program|show|drama|serial|episode|album|EP|soundtrack|compilation|mixtape|song|single|ballad|track|novel|book|novella|short story|memoir|comic|manga|play|band|group|duo|trio|singer|rapper|musician|music artist|recording artist|country artist|character|protagonist|antagonist|villain|superhero|heroine|figure|actor|actress|comedian|director|filmmaker|screenwriter|novelist|author|writer|composer|songwriter)\b/;

function kindOf(noun: string): TopicKind | undefined {
  return WORK_NOUNS.find(([re]) => re.test(noun))?.[1];
}

const topics = new WeakMap<ClaimContext, Topic | null>();

/** The topic of the document from its first definitional sentence (computed once per context). */
export function topicOf(ctx: ClaimContext): Topic | undefined {
  if (!topics.has(ctx)) topics.set(ctx, findTopic(ctx) ?? null);
  return topics.get(ctx) ?? undefined;
}

function findTopic(ctx: ClaimContext): Topic | undefined {
  for (const [index, v] of ctx.views.slice(0, 2).entries()) {
    const m = /^\s*(?:The\s+(?![\p{Lu}\d]))?["“]?([^"“”]{1,80}?)[.]?["”]?(?:\s*\([^)]*\))?(?:,\s*(?:also\s+|originally\s+)?(?:known|released|titled)(?:\s+in\s+[^,]{1,20}?)?\s+as\s*[^,(]{0,60}(?:\([^)]{0,80}\))?[^,]{0,10},)?\s*,?\s+(?:is|was|are|were)\s+(?:(?:an?|the)\s+)?([^,;.]{0,90})/u.exec(v.text);
    if (!m) continue;
    const name = m[1].trim();
    // a news lead ("Movie stars from across the globe are ...") is no title
    // (a quoted title may have lower-case words: "Todas as ruas do amor")
    const quoted = /^\s*["“]/.test(v.text);
    if (!quoted && name.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w) && !/^(?:of|the|a|an|and|in|on|to|for|from|with|at|by|de|del|la|le|les|du|da|di|von|van|y|et|or|is)$/.test(w)).length >= 2) continue;
    if (!/^[\p{Lu}\d]/u.test(name) || /[,;]/.test(name) || name.split(/\s+/).length > 9 || /^(?:It|He|She|They|This|In|On)$/.test(name)) continue;
    const desc = m[2].replace(/\b(?:by|directed|starring|written|produced|from|that|which|who|about|featuring|performed|recorded|released|taken|credited|for|in|with|based\s+(?:up)?on)\b.*$/, '');
    const kinds = [...desc.matchAll(new RegExp(TOPIC_NOUN.source, 'g'))].map((n) => kindOf(n[1])).filter((k): k is TopicKind => !!k);
    if (kinds.length === 0) continue;
    // a work is named by its last noun ("crime novel"); a person by their most telling one
    const last = kinds[kinds.length - 1];
    const PERSON: TopicKind[] = ['actor', 'musician', 'creator'];
    let kind: TopicKind = PERSON.includes(last) ? PERSON.find((k) => kinds.includes(k))! : last;
    if (kind === 'book' && /\b(?:television|TV|radio)\b/i.test(desc)) kind = 'series';
    // "the twenty-first episode of the eleventh season of the medical drama X" is an episode
    if (kinds.includes('episode') && /\bepisode\s+(?:and\s+[^,]*?\s+)?of\b/.test(desc)) kind = 'episode';
    if (kind === 'musician' && /\b(?:television|TV)\b/i.test(desc)) continue;
    const verb = /\s(?:is|was|are|were)\s/.exec(v.tpl);
    // "an Indian playback singer, actor, director and screenwriter": every role of a person
    const roles = new Set<TopicKind>([kind]);
    if (PERSON.includes(kind)) {
      const list = /^[^;.]*?(?=,?\s+(?:who|which|that|best|known|born|from|based|whose|and\s+(?:is|was|has))\b|[;.]|$)/.exec(v.text.slice(m.index + m[0].length - m[2].length))?.[0] ?? '';
      for (const part of list.split(/,|\band\b/)) {
        const k = TOPIC_NOUN.exec(part.trim());
        const pk = k && kindOf(k[1]);
        if (pk && PERSON.includes(pk)) roles.add(pk);
      }
    }
    return { name, kind, index, verbAt: verb ? verb.index : 0, roles, television: /\b(?:television|TV)\b/.test(desc) };
  }
  return undefined;
}

const ROLE_WORD = /^(?:the|a|an|his|her|their|its|[a-z][a-z-]*|-|\/|[A-Z][a-z]+(?:an|ese|ish|ch|ic|i))$/;
/** Words that end a descriptor ("was originally recorded by ..." is a new clause, not a role). */
const NOT_ROLE = /^(?:by|was|were|is|are|or|with|for|in|on|at|from|to|as|which|who|that|whose|has|had|have|also|originally|later|then|but|while|after|before|of|it|he|she|they|been|being|be|not|released|recorded|written|produced|directed|performed|composed|starring|featuring)$/;
const NATIONALITY = /^(?:American|British|English|Scottish|Welsh|Irish|Canadian|Australian|New Zealand|French|German|Italian|Spanish|Portuguese|Dutch|Belgian|Swiss|Austrian|Swedish|Norwegian|Danish|Finnish|Icelandic|Polish|Czech|Slovak|Hungarian|Romanian|Bulgarian|Greek|Turkish|Russian|Ukrainian|Serbian|Croatian|Japanese|Chinese|Korean|South Korean|Taiwanese|Thai|Vietnamese|Filipino|Indonesian|Malaysian|Indian|Pakistani|Bangladeshi|Sri Lankan|Nepali|Iranian|Israeli|Egyptian|Nigerian|Ghanaian|Kenyan|South African|Mexican|Brazilian|Argentine|Argentinian|Chilean|Colombian|Peruvian|Venezuelan|Cuban|Puerto Rican|Jamaican|Dominican|Flemish|Catalan|Basque|Latin|African|European|Asian|Hong Kong)$/;
const STOP_NAMES = /^(?:So|The|It|He|She|They|This|That|In|On|At|For|With|A|An|His|Her|Their|Its|After|Before|During|When|While|Although|However)$/;
const NAME_TOKEN = /^(?:[\p{Lu}\d][\p{L}\p{M}\d'’.&-]*)$/u;
const NAME_JOIN = /^(?:of|the|for|de|del|la|le|van|von|der|da|du|dos|y|&)$/;

/** A title the detector ran into its year: "Thira in 2013", "Jackanory from 1966 to 1991". */
const cleanTitle = (name: string) => name.replace(/\s+(?:in|from)\s+\d{4}(?:\s+to\s+\d{4})?$/, '');

/** A name read from the sentence template starting at template offset `at`. */
interface NameRun {
  readonly name: string;
  readonly tplStart: number;
  readonly tplEnd: number;
  readonly slotKind?: string;
  /** "Lewis Stone as Menelaus": the role a list item names after "as". */
  readonly character?: string;
}

/** Read one name (a slot or a capitalised run) at `at`, after up to five descriptor words. */
function readName(ctx: ClaimContext, v: SentenceView, at: number, kinds: string, skipRoles: boolean): NameRun | undefined {
  const tpl = v.tpl;
  let pos = at;
  for (let skipped = 0; skipped <= 7; skipped++) {
    while (tpl[pos] === ' ') pos++;
    const slot = /^«([A-Z])(\d+)»/.exec(tpl.slice(pos));
    if (slot) {
      if (!kinds.includes(slot[1])) return undefined;
      const s = v.slots[Number(slot[2])];
      const m = s.mention;
      const raw = ctx.text.slice(s.start, s.end).replace(/^["“]|["”]$/g, '').replace(/[.,;:!?]+$/, '');
      let name = m && (m.type === 'person' || m.type === 'organization') && /^[a-z]/.test(m.text) ? m.canonical : raw;
      // "Jamaican Roger Mais": a nationality before a full name describes it
      const words = name.split(/\s+/);
      if (words.length >= 3 && NATIONALITY.test(words[0]) && slot[1] !== 'W') name = words.slice(1).join(' ');
      // a name the detector cut short: "«P:Rage Against» the Machine"
      const more = /^\s+(?:(?:of|the|of the|and the|for|de|van|von|-|&)\s+)?(?!(?:The|This|That|In|On|At|A|An)\b)(?:[\p{Lu}]\.(?=\s+[\p{Lu}])|[\p{Lu}][\p{L}'’-]*|(?<=-\s+)\d{1,2}(?![\d\p{L}]))(?:\s+(?:[\p{Lu}]\.(?=\s+[\p{Lu}])|[\p{Lu}][\p{L}'’-]*|\d{1,2}(?![\d\p{L}])|-(?=\s+\d)))*(?![\p{L}«])/u.exec(tpl.slice(pos + slot[0].length));
      if (more && !/^[a-z]/.test(raw) && !more[0].trim().split(/\s+/).some((w) => NATIONALITY.test(w))) {
        const end = pos + slot[0].length + more[0].length;
        return { name: ctx.text.slice(s.start, tplToDoc(v, end, true)).replace(/^["“]|["”]$/g, ''), tplStart: pos, tplEnd: end, slotKind: slot[1] === 'O' ? undefined : slot[1] };
      }
      if (!/^[\p{Lu}\d]/u.test(name)) return undefined;
      // a title the detector ran into its year: "Thira in 2013", "Jackanory from 1966 to 1991"
      name = cleanTitle(name);
      return { name, tplStart: pos, tplEnd: pos + slot[0].length, slotKind: slot[1] };
    }
    // a capitalised run
    const words: { w: string; s: number; e: number }[] = [];
    // in a title context a run may run through a slot the detector cut out of it: "Where the «Wild Things» Are"
    const titleRun = kinds.includes('W') && kinds.includes('R');
    const re = titleRun ? /«[PWC]\d+»|[^\s,;:()«»"“”]+/gu : /[^\s,;:()«»"“”]+/gu;
    re.lastIndex = pos;
    let w: RegExpExecArray | null;
    let p = pos;
    while ((w = re.exec(tpl)) !== null && w.index === p) {
      words.push({ w: w[0], s: w.index, e: w.index + w[0].length });
      p = w.index + w[0].length;
      if (tpl[p] !== ' ') break;
      p++;
    }
    // "Jean-«P:Pierre Jeunet»": a hyphenated first name the detector split
    if (words.length === 1 && /-$/.test(words[0].w) && tpl[words[0].e] === '«') {
      const next = readName(ctx, v, words[0].e, kinds, false);
      if (next) return { ...next, name: ctx.text.slice(tplToDoc(v, words[0].s, false), tplToDoc(v, next.tplEnd, true)), tplStart: words[0].s };
    }
    // "The «P:Marrow Lines»": the article before a detected name
    if (words.length === 1 && /^[Tt]he$/.test(words[0].w) && /^ «[PO]\d+»/.test(tpl.slice(words[0].e))) {
      const next = readName(ctx, v, words[0].e + 1, kinds, false);
      // in a title context the article belongs to the title: "wrote and directed The «Quiet Orchard»"
      if (next && kinds.includes('W') && words[0].w === 'The') return { ...next, name: ctx.text.slice(tplToDoc(v, words[0].s, false), tplToDoc(v, next.tplEnd, true)).replace(/["”]$/, ''), tplStart: words[0].s };
      return next;
    }
    // "Leonardo «P:DiCaprio»": a first name the detector left outside the mention
    // (and "Evil «O:Empire»": a title word the detector left outside an organisation-typed run)
    if (words.length === 1 && /^[\p{Lu}][\p{Ll}]+$/u.test(words[0].w) && !STOP_NAMES.test(words[0].w) && !NATIONALITY.test(words[0].w) && (/^ «P\d+»/.test(tpl.slice(words[0].e)) || (kinds.includes('W') && /^ «O\d+»/.test(tpl.slice(words[0].e))))) {
      const next = readName(ctx, v, words[0].e + 1, kinds + 'PO', false);
      if (next) return { ...next, name: ctx.text.slice(tplToDoc(v, words[0].s, false), tplToDoc(v, next.tplEnd, true)), tplStart: words[0].s };
    }
    let n = 0;
    const isToken = (k: number) => NAME_TOKEN.test(words[k].w) || (titleRun && k > 0 && /^«[PWC]\d+»$/.test(words[k].w));
    // joining words inside a name: "Rage Against the Machine", "Flor - de - Lis"
    const isJoin = (w: string) => NAME_JOIN.test(w) || w === '-';
    const joins = (k: number) => {
      if (k === 0 || !isJoin(words[k].w)) return false;
      let j = k;
      while (j < words.length && j - k < 3 && isJoin(words[j].w)) j++;
      return j < words.length && isToken(j);
    };
    while (n < words.length && (isToken(n) || joins(n))) n++;
    let first = 0;
    if (n > 1 && NATIONALITY.test(words[0].w)) first = 1;
    // a lone initial before a detected name ("J. «P»"): read the name
    if (n === 1 && /^[A-Z]\.$/.test(words[0].w) && /^\s*«[PO]\d+»/.test(tpl.slice(words[0].e))) {
      // "K. «P:Gireesh Kumar»": the initial belongs to the name
      const next = readName(ctx, v, words[0].e, kinds, false);
      if (next && next.slotKind === 'P') return { ...next, name: ctx.text.slice(tplToDoc(v, words[0].s, false), tplToDoc(v, next.tplEnd, true)).replace(/[.,;:]+$/, ''), tplStart: words[0].s };
      pos = words[0].e;
      continue;
    }
    // "The Marrow Lines": a band name may start with The
    const theName = first === 0 && n > 1 && words[0].w === 'The' && !STOP_NAMES.test(words[1].w);
    if (n > first && (theName || !STOP_NAMES.test(words[first].w)) && !/^\d+(?:[.,:]\d*)*(?:st|nd|rd|th|s)?$/.test(words[first].w) && kinds.includes('R')) {
      let last = n - 1;
      while (last >= 0 && (NAME_JOIN.test(words[last].w) || /^[A-Z][a-z]+(?:an|ese|ish)$/.test(words[last].w) && last < n - 1)) last--;
      const lastWord = words[last];
      const trimmedEnd = lastWord.e - (/[.’']$/.test(lastWord.w) && !/^[A-Z]\.$/.test(lastWord.w) && !/\.[A-Z]\.$/.test(lastWord.w) ? 1 : 0);
      // a nationality adjective before a role word is a descriptor, not a name
      if (!(n === 1 && skipRoles && /^[A-Z][a-z]+(?:an|ese|ish|ch|ic)$/.test(words[0].w) && words.length > 1 && /^[a-z]/.test(words[1].w))) {
        const start = tplToDoc(v, words[first].s, false);
        const end = tplToDoc(v, trimmedEnd, true);
        const name = ctx.text.slice(start, end).trim();
        if (name.length > 1) return { name, tplStart: words[first].s, tplEnd: trimmedEnd };
      }
    }
    if (!skipRoles || words.length === 0 || !ROLE_WORD.test(words[0].w) || NOT_ROLE.test(words[0].w)) return undefined;
    pos = words[0].e;
  }
  return undefined;
}

/** A coordinated list of names at `at`: "A, B and C", "A & B". */
function readNames(ctx: ClaimContext, v: SentenceView, at: number, kinds = 'POR', skipRoles = true): NameRun[] {
  const out: NameRun[] = [];
  let pos = at;
  for (;;) {
    let n = readName(ctx, v, pos, kinds, skipRoles && out.length === 0);
    if (!n) break;
    // "starring Will and Grace's Debra Messing": a possessor names a show, not a cast member
    const poss = /^\s?['’]s\s+/.exec(v.tpl.slice(n.tplEnd));
    if (poss || /['’]s$/.test(n.name)) {
      out.length = 0;
      pos = n.tplEnd + (poss ? poss[0].length : 0);
      if (!poss) while (v.tpl[pos] === ' ') pos++;
      continue;
    }
    // "So Solid Crew rapper Asher D", "Scrubs star Zach Braff": the name after the role noun is the person
    const role = /^\s+(?:[a-z]+\s+)?(?:rapper|star|singer|actor|actress|comedian|presenter|host|frontman|frontwoman|member|guitarist|drummer|bassist|vocalist|creator)\s+/.exec(v.tpl.slice(n.tplEnd));
    if (role) {
      const person = readName(ctx, v, n.tplEnd + role[0].length, kinds, false);
      if (person) n = person;
    }
    // "starred María Corda as Helen, Lewis Stone as Menelaus": a role after the name
    let end = n.tplEnd;
    const as = /^\s+as\s+(?:the\s+)?(?=«[CP]|[\p{Lu}])/u.exec(v.tpl.slice(n.tplEnd));
    if (as) {
      const role = readName(ctx, v, n.tplEnd + as[0].length, 'CPR', false);
      if (role && !STOP_NAMES.test(role.name)) {
        n = { ...n, character: characterName(role.name) };
        end = role.tplEnd;
      }
    }
    out.push(n);
    // "Born to Fight (2004), Somtum (2008) and ...": a year in brackets after a title
    const sep = /^(?:\s*\((?:«D\d+»|\d{4})\))?(?:(?:\s*,)+\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+\/\s+)/.exec(v.tpl.slice(end));
    if (!sep) break;
    pos = end + sep[0].length;
  }
  return out;
}

const SUBJECT_REF = /^\s*(?:It|This|The\s+(?:film|movie|album|song|single|record|track|series|show|programme|program|sitcom|novel|book|story|episode|EP|documentary|telenovela))\b/;

/** The work a cue at template offset `at` is about: a work slot before it, else the topic. */
function subjectFor(ctx: ClaimContext, v: SentenceView, index: number, at: number, topic: Topic | undefined, kinds: readonly TopicKind[]): ClaimArg | undefined {
  const works = v.slots.filter((s) => s.kind === 'W' && s.tplEnd <= at);
  if (works.length > 0) {
    const s = works[works.length - 1];
    const m = s.mention;
    const raw = cleanTitle(ctx.text.slice(s.start, s.end).replace(/^["“]|["”]$/g, ''));
    const pronoun = /^(?:it|its|this|that|they|the\s+\w+)$/i.test(raw) || !!m?.detector.startsWith('coref');
    if (topic && (pronoun || (index === topic.index && s.tplEnd <= topic.verbAt) || raw === topic.name || m?.canonical === topic.name)) return kinds.includes(topic.kind) ? topicArg(topic) : undefined;
    if (pronoun) return undefined;
    const sub = m?.subtype;
    const musicDoc = topic && (MUSIC.includes(topic.kind) || topic.kind === 'musician');
    const kind: TopicKind | undefined = (sub === 'film' || sub === 'series') && !musicDoc ? sub : sub === 'song' || sub === 'soundtrack' || sub === 'music_video' ? 'song' : undefined;
    if (kind && !kinds.some((k) => (MUSIC.includes(k) ? MUSIC.includes(kind) : FILMISH.includes(k) && FILMISH.includes(kind)))) return undefined;
    if (!kind && topic && !kinds.includes(topic.kind)) return undefined;
    return { mention: m?.id, name: raw, type: 'work', ...(sub ? { subtype: sub } : {}) };
  }
  if (!topic || !kinds.includes(topic.kind)) return undefined;
  return topicArg(topic);
}

/** The series an episode article's definition names: "the second episode of The Simpsons' twentieth season". */
function seriesOfEpisode(ctx: ClaimContext, topic: Topic): string | undefined {
  const v = ctx.views[topic.index];
  const ep = /\bepisodes?\b/.exec(v.tpl.slice(topic.verbAt));
  if (!ep) return undefined;
  const of = /\bof\s+/g;
  of.lastIndex = topic.verbAt + ep.index;
  let m: RegExpExecArray | null;
  while ((m = of.exec(v.tpl)) !== null) {
    const n = readName(ctx, v, m.index + m[0].length, 'WR', true);
    if (n && n.name !== topic.name && !/^(?:The\s+)?(?:[Ss]eason|[Ss]eries)\b/.test(n.name)) return n.name.replace(/\s?['’]s?$/, '');
  }
  return undefined;
}

function topicArg(t: Topic): ClaimArg {
  const subtype = t.kind === 'book' ? 'book' : t.kind;
  return { name: t.name, type: 'work', subtype };
}

function personArg(n: NameRun, type: 'person' | 'organization' = 'person'): ClaimArg {
  return { name: n.name, type };
}

const ORG_NAME = /\b(?:Records|Recordings|Music|Entertainment|Studios?|Pictures|Films|Productions|Company|Corporation|Inc|Ltd|Media|Network|Channel|Television|TV|Broadcasting|Label|Group|Animation|Works)\b/;

interface Cue {
  re: RegExp;
  predicate: string;
  kinds: TopicKind[];
  objectKinds?: string;
  confidence: number;
  /** Only when the object looks like an organisation (`org`) or not (`person`). */
  objectShape?: 'org' | 'person';
}

const FILMISH: TopicKind[] = ['film', 'series', 'episode'];
const MUSIC: TopicKind[] = ['album', 'song'];

const CUES: Cue[] = [
  { re: /\b(?:[Dd]irected|co-directed|co - directed)\s+by\s+/g, predicate: 'director', kinds: FILMISH, confidence: 0.8 },
  { re: /\b(?:the\s+)?(?:ensemble\s+|main\s+|principal\s+)?cast\s+(?:included|includes|include|of|featured|features|consisted of|consists of|comprised|comprises|was|is|were)\s+/g, predicate: 'cast_member', kinds: FILMISH, confidence: 0.7 },
  { re: /\b(?:starring|co-starring|(?<=(?:»|\b(?:film|movie|series|show|It|it|also|which|that|drama|comedy|sitcom|episode|and))\s+)(?:stars|co-stars|starred|co-starred))\s+/g, predicate: 'cast_member', kinds: FILMISH, confidence: 0.75 },
  // "The series features identical twin brothers Jonathan Scott and Drew Scott"
  { re: /(?<=(?:\b[Tt]he\s+(?:series|show|programme|program|sitcom)|«W\d+»)\s+)(?:features|featured)\s+/g, predicate: 'cast_member', kinds: ['series', 'episode'], confidence: 0.6, objectShape: 'person' },
  { re: /\b(?:screenplay|teleplay|script)\s+(?:was\s+)?(?:written\s+)?by\s+/g, predicate: 'screenwriter', kinds: FILMISH, confidence: 0.75 },
  { re: /\b[Ww]ritten\s+(?:and\s+directed\s+)?by\s+(?:and\s+starring\s+)?/g, predicate: 'screenwriter', kinds: ['film', 'series', 'episode'], confidence: 0.6 },
  { re: /\b(?:[Pp]enned|[Ss]cripted|adapted\s+(?:to|for)\s+(?:the\s+)?screen)\s+by\s+/g, predicate: 'screenwriter', kinds: ['film', 'series', 'episode'], confidence: 0.65 },
  { re: /\b[Ww]ritten\s+(?:and\s+directed\s+)?by\s+/g, predicate: 'author', kinds: ['book'], confidence: 0.7 },
  // "written by" on a song names songwriters, which the benchmark splits unpredictably between
  // lyrics (P676) and music (P86): left out on purpose (precision 0.2-0.4 either way).
  { re: /\bcomposed\s+by\s+/g, predicate: 'composer', kinds: MUSIC, confidence: 0.6 },
  { re: /\b(?:music|score|soundtrack)(?:\s+and\s+(?:the\s+)?(?:music|score|soundtrack|songs))?\s+(?:(?:was|were|is|are)\s+)?(?:composed\s+)?by\s+/g, predicate: 'composer', kinds: [...FILMISH, ...MUSIC], confidence: 0.75 },
  { re: /\blyrics\s+(?:were\s+)?(?:written\s+)?by\s+/g, predicate: 'lyricist', kinds: [...FILMISH, ...MUSIC], confidence: 0.75 },
  { re: /\b(?:[Pp]roduced|co-produced|co - produced)\s+by\s+/g, predicate: 'producer', kinds: [...MUSIC, ...FILMISH], confidence: 0.7, objectShape: 'person' },
  { re: /\bproduction\s+(?:done\s+|handled\s+)?by\s+/g, predicate: 'producer', kinds: MUSIC, confidence: 0.65, objectShape: 'person' },
  { re: /\b(?:[Pp]roduced|co-produced|co - produced)\s+by\s+/g, predicate: 'production_company', kinds: FILMISH, confidence: 0.7, objectShape: 'org' },
  { re: /\b(?:performed|recorded|sung)\s+by\s+/g, predicate: 'performer', kinds: MUSIC, confidence: 0.7 },
  { re: /\b(?:song|single|album|EP|track|ballad|LP|soundtrack|recordings)\s+(?:\w+\s+){0,1}by\s+/g, predicate: 'performer', kinds: MUSIC, confidence: 0.75 },
  { re: /\bcredited\s+to\s+/g, predicate: 'performer', kinds: MUSIC, confidence: 0.7 },
  { re: /\b(?:novel|book|novella|story|memoir|poem|play|collection)\s+(?:\w+\s+){0,1}by\s+/g, predicate: 'author', kinds: ['book'], confidence: 0.75 },
  { re: /\b(?:aired|airs|broadcast|premiered|debuted|airing)\s+(?:\w+\s+){0,2}?(?:(?:on|in)\s+«D\d+»\s+)?(?:on|by)\s+(?:the\s+)?/g, predicate: 'original_broadcaster', kinds: ['series', 'episode'], confidence: 0.7, objectKinds: 'OR' },
  { re: /\bdistributed\s+by\s+/g, predicate: 'distributed_by', kinds: FILMISH, confidence: 0.7, objectKinds: 'OR' },
];

/** Encyclopedic credit patterns (see module doc). */
export function encyclopedicPatterns(ctx: ClaimContext): void {
  const topic = topicOf(ctx);
  ctx.views.forEach((v, index) => {
    for (const cue of CUES) {
      cue.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = cue.re.exec(v.tpl)) !== null) {
        const at = m.index + m[0].length;
        const kinds = cue.predicate === 'original_broadcaster' && topic?.television && topic.kind === 'film' ? [...cue.kinds, 'film' as TopicKind] : cue.kinds;
        let subject = subjectFor(ctx, v, index, m.index, topic, kinds);
        if (!subject) continue;
        // an episode airs as part of its series: the broadcaster is the series'
        if (cue.predicate === 'original_broadcaster' && topic?.kind === 'episode' && subject.name === topic.name) {
          const series = seriesOfEpisode(ctx, topic);
          if (series) subject = { name: series, type: 'work', subtype: 'series' };
        }
        const names = readNames(ctx, v, at, cue.objectKinds ?? 'POR').map((n) => {
          // "HGTV «Canada»": a place right after a network is part of its name
          const branch = cue.predicate === 'original_broadcaster' && (n.slotKind === 'O' || (!n.slotKind && (/^[A-Z0-9]{2,}\b/.test(n.name) || ORG_NAME.test(n.name)))) ? /^\s+«L\d+»(?=\s*[,.;)]|\s+(?:in|on|and|from)\b)/.exec(v.tpl.slice(n.tplEnd)) : null;
          if (!branch) return n;
          const end = n.tplEnd + branch[0].length;
          return { ...n, name: ctx.text.slice(tplToDoc(v, n.tplStart, false), tplToDoc(v, end, true)), tplEnd: end };
        });
        for (const n of names) {
          const isOrg = n.slotKind === 'O' || ORG_NAME.test(n.name);
          if (cue.objectShape === 'org' && !isOrg) continue;
          if (cue.objectShape === 'person' && isOrg) continue;
          if (n.name === subject.name || /^(?:Mondays?|Tuesdays?|Wednesdays?|Thursdays?|Fridays?|Saturdays?|Sundays?|Weekdays?|Weekends?)$/.test(n.name)) continue;
          const object = personArg(n, isOrg ? 'organization' : 'person');
          const qualifiers = cue.predicate === 'cast_member' && n.character ? { character: n.character } : undefined;
          ctx.emit(v, { predicate: cue.predicate, subject, object, confidence: cue.confidence, tplStart: m.index, tplEnd: n.tplEnd, ...(qualifiers ? { qualifiers } : {}) });
        }
      }
    }
  });
  if (topic && MUSIC.includes(topic.kind)) ownerPass(ctx, topic);
  if (topic && (MUSIC.includes(topic.kind) || topic.kind === 'musician')) musicPass(ctx, topic);
  if (topic?.kind === 'character') characterPass(ctx, topic);
  if (topic?.roles.has('actor')) {
    actorPass(ctx, topic);
    roleListPass(ctx, topic);
  }
  networkPass(ctx);
  studioPass(ctx);
  directorFilmPass(ctx);
  authorPass(ctx, topic);
  rolePass(ctx);
  if (topic && (topic.kind === 'actor' || topic.kind === 'creator' || topic.kind === 'musician')) creatorPass(ctx, topic);
  protagonistPass(ctx, topic);
  if (topic && (topic.kind === 'creator' || topic.roles.has('creator'))) scoresPass(ctx, topic);
  if (topic && FILMISH.includes(topic.kind)) parenCastPass(ctx, topic);
  if (topic?.kind === 'label') labelPass(ctx, topic);
}

/** Who records for the label an article is about: "featured acts such as A, B and C", "started by X in order to release her own cassette". */
const LABEL_ACTS = /\b(?:acts|artists|bands|musicians|roster)\s+(?:such as|including|like|includes|included|include)\s+|\b(?:has\s+)?(?:signed|released records by|released albums by)\s+(?:acts\s+|artists\s+|bands\s+)?(?:such as\s+|including\s+)?(?=«[PO]|[\p{Lu}])|\b(?:started|founded|formed)\s+by\s+(?=[^.;]{0,80}\bto\s+release\b)/gu;

function labelPass(ctx: ClaimContext, topic: Topic): void {
  const label: ClaimArg = { name: topic.name, type: 'organization', subtype: 'label' };
  ctx.views.forEach((v) => {
    LABEL_ACTS.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = LABEL_ACTS.exec(v.tpl)) !== null) {
      for (const n of readNames(ctx, v, m.index + m[0].length, 'POR', false)) {
        if (n.name === topic.name || n.slotKind === 'L' || ORG_NAME.test(n.name) && !/\b(?:Band|Group|Crew)\b/.test(n.name)) continue;
        // "The «Arcade Fire»": in a list of acts the article belongs to the band's name
        const the = /\bThe\s$/.test(v.tpl.slice(Math.max(0, n.tplStart - 4), n.tplStart)) && !n.name.startsWith('The ');
        const name = the ? `The ${n.name}` : n.name;
        ctx.emit(v, { predicate: 'record_label', subject: { name, type: n.slotKind === 'P' ? 'person' : 'organization' }, object: label, confidence: 0.55, tplStart: m.index, tplEnd: n.tplEnd });
      }
    }
  });
}

/** A composer's article: "Notable film scores include A (1989), B (1990)", "composing the music for the series X". */
const SCORES = /\b(?:(?:film\s+|television\s+)?scores\s+(?:include|included|including|for)|scored\s+(?:[\w-]+\s+){0,3}?(?:films?|series|movies?)\s*,?\s*(?:such as|including)|(?:composing|composed|wrote|writing)\s+the\s+(?:music|score)\s+(?:for|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:film|series|movie|game|show|musical)?)\s*(?:«D\d+»\s*)?/g;

function scoresPass(ctx: ClaimContext, topic: Topic): void {
  const person: ClaimArg = { name: topic.name, type: 'person' };
  ctx.views.forEach((v) => {
    const first = v.slots.find((sl) => sl.kind === 'P');
    const aboutPerson = /^\s*(?:He|She|His|Her|Notable|Among)\b/.test(v.tpl) || (first?.mention && first.tplStart < 3 && (first.mention.canonical === topic.name || first.mention.detector === 'coref-pronoun'));
    if (!aboutPerson) return;
    SCORES.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SCORES.exec(v.tpl)) !== null) {
      let pos = m.index + m[0].length;
      for (let k = 0; k < 12; k++) {
        // "(1990)," with no title before it: a title the text lost
        const gap = /^\s*\((?:«D\d+»|\d{4})\)\s*,\s*/.exec(v.tpl.slice(pos));
        if (gap) pos += gap[0].length;
        const t = readName(ctx, v, pos, 'WRP', false);
        if (!t || !titleLike(ctx, t) || (!t.slotKind && isPersonName(ctx, t.name)) || isModifier(v, t) || t.name === topic.name) break;
        ctx.emit(v, { predicate: 'composer', subject: { name: t.name, type: 'work' }, object: person, confidence: 0.55, tplStart: m.index, tplEnd: t.tplEnd });
        const sep = /^(?:\s*\((?:«D\d+»|\d{4})\))?(?:\s*,\s*(?:and\s+)?|\s+and\s+)/.exec(v.tpl.slice(t.tplEnd));
        if (!sep) break;
        pos = t.tplEnd + sep[0].length;
      }
    }
  });
}

/** "the series' male lead character, Derek Shepherd (Patrick Dempsey)": a character and the actor in brackets. */
const CHARACTER_ACTOR = /(«[PC](\d+)»)\s*\(\s*«P(\d+)»\s*\)/g;

function parenCastPass(ctx: ClaimContext, topic: Topic): void {
  // an episode's regular cast belongs to its series
  const series = topic.kind === 'episode' ? seriesOfEpisode(ctx, topic) : undefined;
  const works: ClaimArg[] = [series ? { name: series, type: 'work', subtype: 'series' } : topicArg(topic)];
  ctx.views.forEach((v) => {
    CHARACTER_ACTOR.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CHARACTER_ACTOR.exec(v.tpl)) !== null) {
      const role = readName(ctx, v, m.index, 'PC', false);
      const actor = v.slots[Number(m[3])].mention;
      if (!role || !actor || actor.type !== 'person' || actor.detector.startsWith('coref') || role.name === actor.canonical || role.name === topic.name) continue;
      // a person glossed with another name is no role: "Dan Chupong (Chupong Changprung)" shares a word
      if (role.name.split(/\s+/).some((w) => actor.canonical.split(/\s+/).includes(w))) continue;
      for (const w of works) ctx.emit(v, { predicate: 'cast_member', subject: w, object: { mention: actor.id, name: actor.canonical, type: 'person' }, qualifiers: { character: characterName(role.name) }, confidence: 0.55, tplStart: m.index, tplEnd: m.index + m[0].length });
    }
  });
}

/** "NYPD Detective Nick Falco" → "Nick Falco": a rank or occupation before a character's name is no part of it. */
const CHARACTER_TITLE = /^(?:(?:NYPD|FBI|CIA|LAPD|Vice|Deputy|Chief|Special|Senior|Junior)\s+)*(?:Detective|Agent|Dr\.?|Doctor|Officer|Sergeant|Sgt\.?|Lieutenant|Lt\.?|Captain|Capt\.?|Inspector|Professor|Prof\.?|Nurse|Admiral|Colonel|Major|Judge|Father|Sister|Brother)\s+(?=[\p{Lu}])/u;
export function characterName(name: string): string {
  return name.replace(CHARACTER_TITLE, '').trim() || name;
}

const LEAD_ROLE = '(?:main\\s+|central\\s+|title\\s+|lead\\s+)*(?:protagonist|main character|central character|narrator|antagonist|hero|heroine)';
/** "Mario Balzic is the protagonist", "Sonic, the protagonist, is ...". */
const NAME_IS_LEAD = new RegExp(`^\\s*(?:«[PC]\\d+»|[\\p{Lu}])[^,;]{0,40}?(?:\\s+(?:is|was)\\s+the|\\s*,\\s*the)\\s+${LEAD_ROLE}\\b`, 'u');
/** "The protagonist is Florent", "The main character in the strip is the eyeglass-wearing Heimo Vesa". */
const LEAD_IS_NAME = new RegExp(`^\\s*The\\s+${LEAD_ROLE}(?:\\s+(?:in|of)\\s+the\\s+[a-z]+)?\\s+(?:is|was)\\s+`, 'u');
/** "Princess Emma, the heroine of E. D. Baker's novel The Frog Princess". */
const LEAD_OF = new RegExp(`(«[PC]\\d+»|[\\p{Lu}][\\p{L}'’-]*(?:\\s+[\\p{Lu}][\\p{L}'’-]*)*)\\s*,\\s*the\\s+${LEAD_ROLE}\\s+of\\s+(?:«P\\d+»\\s?['’]s?\\s+|[\\p{Lu}][^,;«]{0,30}?['’]s\\s+)?(?:[\\w-]+\\s+){0,2}?(?:novel|book|film|series|play|comic|strip|game|story)?\\s*`, 'gu');

/** The protagonist (narrator, hero, ...) of the article's work or of a work the sentence names. */
function protagonistPass(ctx: ClaimContext, topic: Topic | undefined): void {
  const work = topic && (FILMISH.includes(topic.kind) || topic.kind === 'book') ? topicArg(topic) : undefined;
  ctx.views.forEach((v) => {
    if (work) {
      let who: NameRun | undefined;
      let end = 0;
      const a = NAME_IS_LEAD.exec(v.tpl);
      if (a && !/\s+of\s*$/.test(v.tpl.slice(0, a.index + a[0].length + 4))) {
        who = readName(ctx, v, 0, 'PCR', false);
        end = a.index + a[0].length;
        if (/^\s+of\b/.test(v.tpl.slice(end))) who = undefined;
      }
      const b = !who && LEAD_IS_NAME.exec(v.tpl);
      if (b) {
        who = readName(ctx, v, b.index + b[0].length, 'PCR', true);
        end = who?.tplEnd ?? 0;
      }
      if (who && who.name !== work.name && !STOP_NAMES.test(who.name)) ctx.emit(v, { predicate: 'characters', subject: work, object: { name: characterName(who.name), type: 'character' }, confidence: 0.6, tplStart: Math.min(who.tplStart, end), tplEnd: Math.max(who.tplEnd, end) });
    }
    LEAD_OF.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = LEAD_OF.exec(v.tpl)) !== null) {
      const who = readName(ctx, v, m.index, 'PCR', false);
      const w = readName(ctx, v, m.index + m[0].length, 'WR', false);
      if (!who || !w || who.name === w.name || STOP_NAMES.test(w.name)) continue;
      ctx.emit(v, { predicate: 'characters', subject: { name: w.name, type: 'work' }, object: { name: characterName(who.name), type: 'character' }, confidence: 0.55, tplStart: m.index, tplEnd: w.tplEnd });
    }
  });
}

const OWNER_DEFINITION = /^\s*(?:is|was)\s+(?:the\s+)?/;
const OWNED_RELEASE = /^\s?['’]s?\s+(?:[\w-]+\s+){0,4}?(?:album|single|song|EP|LP|record|compilation|mixtape)\b/;

/** "Greatest Hits is A-Teens' last album": the owner named in the definition performs the topic. */
function ownerPass(ctx: ClaimContext, topic: Topic): void {
  const v = ctx.views[topic.index];
  const def = OWNER_DEFINITION.exec(v.tpl.slice(topic.verbAt));
  if (!def) return;
  const at = topic.verbAt + def[0].length;
  const owner = readName(ctx, v, at, 'POR', false);
  if (!owner || owner.name === topic.name) return;
  const owned = OWNED_RELEASE.exec(v.tpl.slice(owner.tplEnd));
  if (!owned) return;
  const type = owner.slotKind === 'O' ? 'organization' : 'person';
  ctx.emit(v, { predicate: 'performer', subject: topicArg(topic), object: { name: owner.name.replace(/\s?['’]s?$/, ''), type }, confidence: 0.65, tplStart: topic.verbAt, tplEnd: owner.tplEnd + owned[0].length });
}

const POSSESSIVE_ALBUM = /(?:\b(his|her|their|its)\s+|«P(\d+)»\s?['’]s?\s+|\bthe\s+(?:band|group|duo|singer|rapper)['’]s\s+|\b(from|on|of)\s+(?:the\s+)?)(?:[\w-]+\s+){0,4}?(?:album|single|EP|LP|mixtape|compilation|record|soundtrack)s?\s*,?\s*(?:«D\d+»\s*,?\s*)?(?:[(:]\s*)?/g;
const SUBJECT_RECORDED = /(?<![\w»'’]\s*)«P(\d+)»\s+(?:(?:also|later|then|first|originally|had|has|have)\s+)*(?:recorded|released|performed|sang|covered|issued|re-recorded|rerecorded)\s+[^.;«]{0,60}?(«W\d+»)/g;
/** "stuck behind "Windy" by The Association", "Finland's Waldo's People with "Lose Control"". */
const TITLE_BY = /(«W(\d+)»)\s*,?\s+by\s+(?=«[POW]|the\s+|[\p{Lu}])/gu;
const PERFORMER_WITH = /\s+with\s+(«W(\d+)»)/g;
/** The capitalised name (slots included) that ends at template offset `at`. */
const NAME_BEFORE = /(?:[\p{Lu}][\p{L}\d'’.-]*|«[POL]\d+»)(?:\s+(?:[\p{Lu}][\p{L}\d'’.-]*|«[POL]\d+»|-|&|de|of|the))*\s*$/u;
const OWNER_TITLE_ALBUM = /«P(\d+)»['’]s?\s+(?:«D\d+»\s+)?(«W\d+»)\s+(?:album|single|EP|LP)\b/g;
const TRACK_LIST = /\b(?:singles|songs|tracks|hits)\b(?:[^.;«:]{0,120}?(?:such as|including|include|includes|:)\b|\s*(?::|,|\s+were|\s+are))\s*/g;
/** Whose songs a list names: "«Led Zeppelin» songs, such as", "the band Badfinger, whose hit songs include". */
const SLOT_OWNER = /«([PO])(\d+)»(?:\s?['’]s?)?(?:\s*,\s*whose)?\s+(?:[\w-]+\s+){0,7}?$/;
const RUN_OWNER = /\b([\p{Lu}][\p{L}\d'’&-]*(?:\s+[\p{Lu}][\p{L}\d'’&-]*)*)(?:\s?['’]s|\s*,\s*whose)\s+(?:[\w-]+\s+){0,7}?$/u;

function listOwner(ctx: ClaimContext, v: SentenceView, at: number): ClaimArg | undefined {
  const before = v.tpl.slice(0, at);
  const s = SLOT_OWNER.exec(before);
  if (s) {
    const m = v.slots[Number(s[2])].mention;
    return m ? { mention: m.id, name: m.canonical, type: s[1] === 'O' ? 'organization' : 'person' } : undefined;
  }
  const r = RUN_OWNER.exec(before);
  if (r && !STOP_NAMES.test(r[1]) && !/^(?:It|Its|His|Her|Their)$/.test(r[1])) return { name: r[1], type: 'organization' };
  return undefined;
}
const LABEL_CUE = /\b(?:[Rr]eleased\s+(?:(?:(?!(?:produced|co-produced|written|directed|recorded|performed|composed|sung|and|but|which|who)\b)[\w'’.-]+|«[DWLP]\d+»(?:['’]s)?),?\s+){0,14}?(by|on(?!\s+«D)|through|via)|recorded\s+for|(signed)\s+(?:a\s+[\w-]+\s+(?:deal\s+)?)?(?:to|with)|(on|through|via|under))\s+(?:the\s+)?(?:(?:independent|record)\s+)?(?:label\s+)?/g;
/** Between two labels of one release: "(worldwide) and", "in the United States and by". */
const LABEL_MORE = /^\s*(?:\([^()]{1,30}\)\s*)?(?:(?:in|for)\s+(?:the\s+)?(?:[^,;.«()]{0,25}?|«[A-Z]\d+»)\s*)?,?\s*and\s+(?:(?:by|on|through|via)\s+)?(?:the\s+)?/;
const LABEL_WORD = /\b(?:Records|Recordings|Music|Label|Entertainment)\b/;
const TOPIC_SUBJECT = /^\s*(?:It|They|He|She|The\s+(?:album|song|single|band|group|duo|record|EP|track))\b/;

/** Albums, singles and labels around the topic of a music document. */
function musicPass(ctx: ClaimContext, topic: Topic): void {
  const performers: ClaimArg[] = topic.kind === 'musician'
    ? [{ name: topic.name, type: 'person' }]
    : ctx.claims.filter((c) => c.predicate === 'performer' && c.subject.name === topic.name && 'name' in c.object).map((c) => c.object as ClaimArg);
  const isPerson = (name: string) => ctx.mentions.some((m) => m.type === 'person' && (m.canonical === name || m.text === name));
  ctx.views.forEach((v, index) => {
    const aboutTopic = index === 0 || TOPIC_SUBJECT.test(v.tpl) || v.text.trimStart().startsWith(topic.name) || v.slots.some((sl) => sl.mention && (sl.mention.canonical === topic.name || performers.some((p) => p.name === sl.mention!.canonical)) && sl.tplStart < 3);
    // "her third studio album Duty", "«P»'s debut album, X", "taken from the album X"
    POSSESSIVE_ALBUM.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = POSSESSIVE_ALBUM.exec(v.tpl)) !== null) {
      let owners: ClaimArg[] = [];
      if (m[2] !== undefined) {
        const sl = v.slots[Number(m[2])];
        if (sl.mention) owners = [{ mention: sl.mention.id, name: sl.mention.canonical, type: 'person' }];
      } else if (m[3]) {
        if (topic.kind === 'song') owners = performers;
      } else owners = performers;
      if (owners.length === 0) continue;
      const titles = readNames(ctx, v, m.index + m[0].length, 'WR', false);
      for (const t of titles.slice(0, m[0].includes('s ') || m[0].endsWith(': ') ? 6 : 1)) {
        if (t.name === topic.name || owners.some((o) => o.name === t.name) || isPerson(t.name)) continue;
        const subject: ClaimArg = { name: t.name, type: 'work', subtype: /single|song/.test(m[0]) ? 'song' : 'album' };
        for (const o of owners) ctx.emit(v, { predicate: 'performer', subject, object: o, confidence: 0.65, tplStart: m.index, tplEnd: t.tplEnd });
      }
    }
    // "stuck behind "Windy" by The Association": a quoted song and its performer
    TITLE_BY.lastIndex = 0;
    while ((m = TITLE_BY.exec(v.tpl)) !== null) {
      const w = v.slots[Number(m[2])];
      if (w.mention?.detector !== 'title-quoted') continue;
      const title = ctx.text.slice(w.start, w.end).replace(/^["“]|["”]$/g, '').replace(/[.,;:!?]+$/, '');
      // (an unquoted "The X" after "by" may have been read as a title: it names the performer here)
      let by = readName(ctx, v, m.index + m[0].length, 'POR', true);
      const slot = /^\s*«W(\d+)»/.exec(v.tpl.slice(m.index + m[0].length));
      if (!by && slot && v.slots[Number(slot[1])].mention?.detector !== 'title-quoted') by = readName(ctx, v, m.index + m[0].length, 'W', false);
      if (!by || title === topic.name || by.name === title || ORG_NAME.test(by.name) || NATIONALITY.test(by.name)) continue;
      ctx.emit(v, { predicate: 'performer', subject: { name: title, type: 'work', subtype: 'song' }, object: { name: by.name.replace(/[.,;:!?]+$/, ''), type: by.slotKind === 'P' ? 'person' : 'organization' }, confidence: 0.55, tplStart: m.index, tplEnd: by.tplEnd });
    }
    // "following Finland's Waldo's People with "Lose Control"": a performer and their song
    PERFORMER_WITH.lastIndex = 0;
    while ((m = PERFORMER_WITH.exec(v.tpl)) !== null) {
      const w = v.slots[Number(m[2])];
      if (w.mention?.detector !== 'title-quoted') continue;
      const run = NAME_BEFORE.exec(v.tpl.slice(0, m.index));
      if (!run) continue;
      let start = run.index;
      // "Finland's Waldo's People": the country before the performer is no part of the name
      const place = /^(?:«L\d+»|[\p{Lu}][\p{L}-]*)['’]s\s+(?=[\p{Lu}«])/u.exec(run[0]);
      if (place) start += place[0].length;
      const name = ctx.text.slice(tplToDoc(v, start, false), tplToDoc(v, m.index, true)).trim();
      const title = ctx.text.slice(w.start, w.end).replace(/^["“]|["”]$/g, '').replace(/[.,;:!?]+$/, '');
      if (!name || title === topic.name || STOP_NAMES.test(name) || /^(?:«L|«O)/.test(v.tpl.slice(start)) && !place && ORG_NAME.test(name) || NATIONALITY.test(name)) continue;
      ctx.emit(v, { predicate: 'performer', subject: { name: title, type: 'work', subtype: 'song' }, object: { name, type: 'person' }, confidence: 0.55, tplStart: start, tplEnd: m.index + m[0].length });
    }
    // "Jill Johnson recorded the song on the cover album Music Row II", "Parton's 1977 Here You Come Again album"
    for (const re of [SUBJECT_RECORDED, OWNER_TITLE_ALBUM]) {
      re.lastIndex = 0;
      while ((m = re.exec(v.tpl)) !== null) {
        const who = v.slots[Number(m[1])].mention;
        const t = readName(ctx, v, m.index + m[0].length - m[2].length, 'W', false);
        if (!who || who.type !== 'person' || !t || t.name === who.canonical) continue;
        ctx.emit(v, { predicate: 'performer', subject: { name: t.name, type: 'work' }, object: { mention: who.id, name: who.canonical, type: 'person' }, confidence: 0.6, tplStart: m.index, tplEnd: t.tplEnd });
      }
    }
    // "Velocifero spawned three singles: A, B and C"
    TRACK_LIST.lastIndex = 0;
    while ((m = TRACK_LIST.exec(v.tpl)) !== null) {
      // the list's owner when the sentence names one ("the band Badfinger, whose hit songs include")
      const owner = listOwner(ctx, v, m.index);
      const ownOwner = owner && (owner.name === topic.name || performers.some((p) => p.name === owner.name));
      const listPerformers = owner && !ownOwner ? [owner] : performers;
      if (!owner) {
        if (topic.kind === 'song') continue;
        // someone else's songs: another performer named before the list
        if (!aboutTopic && v.slots.some((sl) => (sl.kind === 'P' || sl.kind === 'O') && sl.tplEnd <= m!.index && !performers.some((p) => p.name === sl.mention?.canonical))) continue;
      }
      {
        for (const t of readNames(ctx, v, m.index + m[0].length, 'W', false)) {
          if (t.name === topic.name) continue;
          for (const o of listPerformers) ctx.emit(v, { predicate: 'performer', subject: { name: t.name, type: 'work', subtype: 'song' }, object: o, confidence: 0.6, tplStart: m.index, tplEnd: t.tplEnd });
        }
      }
    }
    // labels: "released by Nettwerk", "signed with Epic Records", "on the Atlantic label"
    LABEL_CUE.lastIndex = 0;
    while ((m = LABEL_CUE.exec(v.tpl)) !== null) {
      let first = readName(ctx, v, m.index + m[0].length, 'OR', false);
      if (!first) continue;
      // "through Sony Music «Nashville»": a place right after a label belongs to its name
      const branch = /^\s+«L\d+»(?=\s*[,.;)]|\s+(?:as|in|on|and|for)\b)/.exec(v.tpl.slice(first.tplEnd));
      if (branch && (first.slotKind === 'O' || LABEL_WORD.test(first.name))) {
        const end = first.tplEnd + branch[0].length;
        first = { ...first, name: ctx.text.slice(tplToDoc(v, first.tplStart, false), tplToDoc(v, end, true)), tplEnd: end };
      }
      // "by Elektra Records in the United States and by Vertigo Records internationally",
      // "via 4AD (worldwide) and Warner Bros. in the US": one claim per label
      const labels = [first];
      for (;;) {
        const last = labels[labels.length - 1];
        const more = LABEL_MORE.exec(v.tpl.slice(last.tplEnd));
        const next = more && readName(ctx, v, last.tplEnd + more[0].length, 'OR', false);
        if (!more || !next || !(LABEL_WORD.test(next.name) || next.slotKind === 'O') || labels.some((l) => l.name === next.name)) break;
        labels.push(next);
      }
      for (const n of labels) {
        const after = v.tpl.slice(n.tplEnd, n.tplEnd + 8);
        if (/\b(?:Top|Chart|Charts|DVD|Billboard|Hot|Singles|Albums)\b/.test(n.name) || /^\s*(?:chart|Chart|charts)\b/.test(after)) continue;
        const labelled = LABEL_WORD.test(n.name) || /^\s*(?:label|Records)\b/.test(after) || /label/.test(m[0]);
        // "released via 4AD": via/through name a label unless it is a shop or a service
        const channel = /\b(?:iTunes|Spotify|YouTube|Amazon|Bandcamp|Apple|Google|SoundCloud|Tidal|Deezer|Netflix|Napster|MySpace|Facebook)\b/.test(n.name) || /^\s*(?:website|store|download|stream)/i.test(after);
        if (!labelled && !(m[1] === 'by' || m[2] || ((m[1] === 'via' || m[1] === 'through') && !channel))) continue;
        if (!labelled && (n.slotKind === 'P' || isPerson(n.name) || performers.some((p) => p.name === n.name))) continue;
        const label: ClaimArg = { name: n.name, type: 'organization', subtype: 'label' };
        const subjects: ClaimArg[] = [];
        // "Proctor had signed to BNA Records": the artist who signed
        const signer = m[2] ? v.slots.filter((sl) => sl.kind === 'P' && sl.tplEnd <= m!.index && sl.mention).pop() : undefined;
        if (signer?.mention && !isPerson(n.name)) subjects.push({ mention: signer.mention.id, name: signer.mention.canonical, type: 'person' });
        const works = v.slots.filter((sl) => sl.kind === 'W').map((sl) => cleanTitle(ctx.text.slice(sl.start, sl.end).replace(/^["“]|["”]$/g, '')));
        if (aboutTopic || works.length === 0) {
          if (topic.kind !== 'musician') subjects.push(topicArg(topic));
          subjects.push(...performers);
        }
        for (const w of works) if (!isPerson(w) && /^[\p{Lu}\d]/u.test(w) && !/^(?:It|This|That|They|The (?:album|song|single))$/.test(w)) subjects.push({ name: w, type: 'work' });
        for (const sub of subjects) if (sub.name !== n.name) ctx.emit(v, { predicate: 'record_label', subject: sub, object: label, confidence: 0.6, tplStart: m.index, tplEnd: n.tplEnd });
      }
    }
  });
}

const WORK_KIND_NOUN = /\b(?:film|movie|series|novel|epic|book|comics?|comic strip|manga|play|show|franchise|saga|sitcom|video game|game|opera|musical|anime|cartoon|story)\s*,?\s+/g;

/** "King Louie is a fictional character introduced in Walt Disney's 1967 animated musical film, The Jungle Book." */
function characterPass(ctx: ClaimContext, topic: Topic): void {
  const v = ctx.views[topic.index];
  const cue = /\b(?:character|protagonist|antagonist|villain|superhero|heroine|figure)s?\b[^.;]*?\b(?:in|of|from)\s+/.exec(v.tpl.slice(topic.verbAt));
  if (!cue) return;
  const from = topic.verbAt + cue.index + cue[0].length;
  const clauseEnd = from + (/[.;]|\s(?:and|who|which|where|while)\s/.exec(v.tpl.slice(from))?.index ?? v.tpl.length - from);
  const region = v.tpl.slice(from, clauseEnd);
  let work: NameRun | undefined;
  const w = /«W(\d+)»/.exec(region);
  if (w) work = readName(ctx, v, from + w.index, 'W', false);
  if (!work) {
    WORK_KIND_NOUN.lastIndex = 0;
    const k = WORK_KIND_NOUN.exec(region);
    if (k) work = readName(ctx, v, from + k.index + k[0].length, 'WR', false);
  }
  if (!work && !/figure/.test(cue[0])) work = readName(ctx, v, from, 'WR', true);
  if (!work || work.name === topic.name) return;
  ctx.emit(v, { predicate: 'characters', subject: { name: work.name, type: 'work' }, object: { name: topic.name, type: 'character' }, confidence: 0.65, tplStart: topic.verbAt, tplEnd: work.tplEnd });
  voicePass(ctx, topic, { name: work.name, type: 'work' });
}

/** "Tiana is voiced by A as an adult, while B voices the character as a child": who plays the article's character. */
const VOICED_BY = /\b(?:is|was|are|were)\s+(?:\w+\s+)?(?:voiced|portrayed|played)\s+by\s+(?:(?:actor|actress|singer|comedian)\s+)?/g;
const VOICES_IT = /(«P\d+»|[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*)+)\s+(?:voices|voiced|portrays|portrayed|plays|played)\s+(?:the\s+character|him|her)\b/gu;

function voicePass(ctx: ClaimContext, topic: Topic, work: ClaimArg): void {
  const first = topic.name.split(/\s+/)[0];
  ctx.views.forEach((v) => {
    VOICED_BY.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = VOICED_BY.exec(v.tpl)) !== null) {
      // the subject must be the character: its name (or first name) or a pronoun just before the verb
      const before = v.tpl.slice(0, m.index);
      const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1);
      const subjectText = ctx.text.slice(tplToDoc(v, Math.max(0, before.length - clause.length), false), tplToDoc(v, m.index, true));
      if (!new RegExp(`(?:^|\\s)(?:${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|He|She|It|The character)\\b`).test(subjectText)) continue;
      const actor = readName(ctx, v, m.index + m[0].length, 'POR', false);
      if (!actor || actor.name === topic.name) continue;
      ctx.emit(v, { predicate: 'cast_member', subject: work, object: { name: actor.name, type: 'person' }, qualifiers: { character: topic.name }, confidence: 0.6, tplStart: m.index, tplEnd: actor.tplEnd });
    }
    VOICES_IT.lastIndex = 0;
    while ((m = VOICES_IT.exec(v.tpl)) !== null) {
      const actor = readName(ctx, v, m.index, 'POR', false);
      if (!actor || actor.name === topic.name) continue;
      ctx.emit(v, { predicate: 'cast_member', subject: work, object: { name: actor.name, type: 'person' }, qualifiers: { character: topic.name }, confidence: 0.55, tplStart: m.index, tplEnd: m.index + m[0].length });
    }
  });
}

const ACTOR_CUE = /\b(?:starred|starring|appeared|appearing|appears|co-starred|played|plays|portrayed|role|roles|cast|appearances|acting debut|screen debut|film debut)\b/g;

/** "roles ... including Merle Jackson in Coronation Street, Mandy Cutler in Paradise Heights and Mand in Grease Monkeys". */
const ROLE_LIST = /\b(?:roles?|characters?|parts?)\b[^.;«]{0,60}?\b(?:including|such as|like)\s+/g;

function roleListPass(ctx: ClaimContext, topic: Topic): void {
  const actor: ClaimArg = { name: topic.name, type: 'person' };
  ctx.views.forEach((v, index) => {
    const aboutActor = index === topic.index || /^\s*(?:He|She)\b/.test(v.tpl) || v.slots.some((sl) => sl.kind === 'P' && sl.tplStart < 3 && (sl.mention?.canonical === topic.name || sl.mention?.detector === 'coref-pronoun'));
    if (!aboutActor) return;
    ROLE_LIST.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ROLE_LIST.exec(v.tpl)) !== null) {
      let pos = m.index + m[0].length;
      for (let k = 0; k < 8; k++) {
        // "nurse Sarah in Death Becomes Him": a role word before the character is skipped
        const role = readName(ctx, v, pos, 'CPRW', true);
        if (!role) break;
        let character = role.name;
        let work: NameRun | undefined;
        // "«W:Merle Jackson in Harbour Street»": one slot the detector made of a character and its work
        const joined = role.slotKind === 'W' ? /^(\S.*?)\s+in\s+(\S.*)$/.exec(role.name) : null;
        if (role.slotKind === 'W' && !joined) break;
        if (joined) {
          character = joined[1];
          work = { name: joined[2].replace(/^the\s+/, ''), tplStart: role.tplStart, tplEnd: role.tplEnd };
        } else {
          const inW = /^\s+in\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,3}?(?:film|series|drama|sitcom|show|soap|soap opera|miniseries)\s+)?/.exec(v.tpl.slice(role.tplEnd));
          if (!inW) break;
          work = readName(ctx, v, role.tplEnd + inW[0].length, 'WRPOL', false);
        }
        if (!work || !titleLike(ctx, work) || work.name === topic.name || STOP_NAMES.test(work.name)) break;
        ctx.emit(v, { predicate: 'cast_member', subject: { name: work.name, type: 'work' }, object: actor, qualifiers: { character: characterName(character) }, confidence: 0.55, tplStart: role.tplStart, tplEnd: work.tplEnd });
        const sep = /^(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:[\w-]+\s+){0,5}?(?:characters?|roles?)\s+(?:such as|including|like)\s+)?/.exec(v.tpl.slice(work.tplEnd));
        if (!sep) break;
        pos = work.tplEnd + sep[0].length;
      }
    }
  });
}

/** An actor's article: "known for his role as Jason Street in the NBC television drama Friday Night Lights". */
function actorPass(ctx: ClaimContext, topic: Topic): void {
  const actor: ClaimArg = { name: topic.name, type: 'person' };
  ctx.views.forEach((v, index) => {
    const first = v.slots.find((s) => s.kind === 'P');
    const aboutActor = index === topic.index || /^\s*(?:He|She)\b/.test(v.tpl) || (first?.mention?.canonical === topic.name && first.tplStart < 25);
    if (!aboutActor) return;
    ACTOR_CUE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ACTOR_CUE.exec(v.tpl)) !== null) {
      // someone else's role in the same sentence: skip
      const rest = v.tpl.slice(m.index + m[0].length);
      const clause = rest.slice(0, /[.;]|\s(?:and then|while|whereas|but)\s/.exec(rest)?.index ?? rest.length);
      const asChar = /^\s+(?:as|of)\s+(«[CP](\d+)»)/.exec(clause);
      const inWork = /\bin\s+(?:the\s+|a\s+|an\s+)?(?:[^.;]{0,80}?)(«W\d+»)/.exec(clause);
      // an unquoted title after a work noun: "leading roles in the 2004 film, Born to Fight"
      const inTitled = inWork ? undefined : /\bin\s+(?:the\s+|a\s+|an\s+)?(?:[^.;«]{0,40}?)\b(?:film|movie|series|drama|sitcom|show|telenovela)s?\s*,?\s+(?=[A-Z])/.exec(clause) ?? /^\s+in\s+(?:(?:the\s+)?(?:telenovela|film|movie|series|sitcom|reality show|show|drama|miniseries)\s+)?(?=[A-Z](?!n\b|t\b)|«P)/.exec(clause);
      if (!inWork && !inTitled) continue;
      const at = m.index + m[0].length + (inWork ? inWork.index + inWork[0].length - inWork[1].length : inTitled!.index + inTitled![0].length);
      for (const t of readNames(ctx, v, at, inWork ? 'W' : 'WRP', false)) {
        if (isModifier(v, t) || !titleLike(ctx, t) || t.name === topic.name || (!t.slotKind && isPersonName(ctx, t.name))) break;
        const work: ClaimArg = { name: t.name, type: 'work', subtype: 'film' };
        const character = asChar && inWork && inWork.index > asChar.index ? v.slots[Number(asChar[2])] : undefined;
        ctx.emit(v, { predicate: 'cast_member', subject: work, object: actor, confidence: 0.6, tplStart: m.index, tplEnd: t.tplEnd, ...(character?.mention ? { qualifiers: { character: characterName(character.mention.canonical) } } : {}) });
      }
      ACTOR_CUE.lastIndex = Math.max(ACTOR_CUE.lastIndex, at);
    }
  });
}

const NETWORK_SERIES = /«O(\d+)»(?:\s?['’]s?)?\s+(?:[\w-]+\s+){0,3}?(?:television\s+|TV\s+)?(?:series|drama|sitcom|show|comedy|programme|program|soap opera|telenovela|miniseries|comedy-drama|comedy - drama)\s*,?\s+(«W\d+»)/g;

/** "the NBC television drama Friday Night Lights", "The CW comedy-drama series Hart of Dixie". */
function networkPass(ctx: ClaimContext): void {
  ctx.views.forEach((v) => {
    NETWORK_SERIES.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = NETWORK_SERIES.exec(v.tpl)) !== null) {
      const net = v.slots[Number(m[1])];
      if (!net.mention || ORG_NAME.test(net.mention.canonical) && !/\b(?:Network|Channel|Television|TV|Broadcasting)\b/.test(net.mention.canonical)) continue;
      const wm = v.slots[Number(m[2].slice(2, -1))].mention;
      // a streamer's "drama" can be a film it distributes: only works not typed as films
      if (wm?.subtype === 'film' && !/\b(?:series|sitcom|show|programme|program|soap opera|telenovela|miniseries)\s*,?\s+«W\d+»$/.test(m[0])) continue;
      const w = readName(ctx, v, m.index + m[0].length - m[2].length, 'W', false);
      if (!w) continue;
      ctx.emit(v, { predicate: 'original_broadcaster', subject: { name: w.name, type: 'work', subtype: 'series' }, object: { mention: net.mention.id, name: net.mention.canonical, type: 'organization' }, confidence: 0.6, tplStart: m.index, tplEnd: w.tplEnd });
    }
  });
}

const POSSESSIVE_WORK = /«P(\d+)»\s?['’]s?\s+(?:(?:[\w'’-]+|«D\d+»)\s+){0,4}?(novel|book|novella|poem|memoir|trilogy|comic strip|novels|books|play|short story|collection)\s*,?\s*(?:«D\d+»\s*,?\s*)?/g;
/** "his 1973 collection South of No North", "their book Anti-Oedipus", "their follow-up work, A Thousand Plateaus". */
const PRONOUN_WORK = /\b(his|her|their)\s+(?:(?:[\w'’-]+|«D\d+»)\s+){0,3}?(?:novel|novella|book|memoir|collection|poem|play|short story|work|treatise|essay)s?\s*,?\s*(?:«D\d+»\s*,?\s*)?(?=«[WP]|[\p{Lu}])/gu;
/** "The Tiara Club series by Vivian French". */
const SERIES_BY = /(«W\d+»|\b[\p{Lu}][\p{L}'’-]*(?:\s+(?:[\p{Lu}][\p{L}'’-]*|«[WO]\d+»|of|the|and))*)\s+(?:book\s+|novel\s+)?series\s+by\s+«P(\d+)»/gu;
const NTH_IN = /^\s*(?:the\s+)?(?:[\w-]+\s+){0,2}(?:novel|book|volume|instalment|installment)\s+(?:in|of)\s+«P(\d+)»['’]s\s/;

/** "Émile Zola's twenty-volume series Les Rougon-Macquart", "the third novel in Zola's series". */
function authorPass(ctx: ClaimContext, topic: Topic | undefined): void {
  ctx.views.forEach((v, index) => {
    POSSESSIVE_WORK.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = POSSESSIVE_WORK.exec(v.tpl)) !== null) {
      const author = v.slots[Number(m[1])].mention;
      if (!author || author.type !== 'person') continue;
      const t = readName(ctx, v, m.index + m[0].length, 'WR', false);
      if (!t || t.name === author.canonical) continue;
      ctx.emit(v, { predicate: 'author', subject: { name: t.name, type: 'work', subtype: 'book' }, object: { mention: author.id, name: author.canonical, type: 'person' }, confidence: 0.6, tplStart: m.index, tplEnd: t.tplEnd });
    }
    // "a short story by Charles Bukowski collected in his 1973 collection X": the pronoun's person is the last one named
    PRONOUN_WORK.lastIndex = 0;
    while ((m = PRONOUN_WORK.exec(v.tpl)) !== null) {
      // (a "person" made of nationality words, "Moldavian Romanian", is a detector slip)
      const people = (k: number) => ctx.views[k]?.slots.filter((sl) => sl.kind === 'P' && sl.mention && sl.mention.type === 'person' && !sl.mention.detector.startsWith('coref') && !/^(?:[\p{Lu}][\p{Ll}]+(?:an|ian|ese|ish|ic|i)\s*)+$/u.test(sl.mention.canonical)).map((sl) => sl.mention!) ?? [];
      const before = people(index).filter((p) => v.slots.find((sl) => sl.mention === p)!.tplEnd <= m!.index);
      let owners = m[1] === 'their' ? before : before.slice(-1);
      if (m[1] === 'their' && owners.length < 2 && index > 0) owners = people(index - 1);
      if (m[1] === 'their' && owners.length < 2) continue;
      if (owners.length === 0) continue;
      for (const t of readNames(ctx, v, m.index + m[0].length, 'WRP', false)) {
        if (!titleLike(ctx, t) || (!t.slotKind && isPersonName(ctx, t.name)) || isModifier(v, t) || owners.some((o) => o.canonical === t.name)) break;
        for (const o of owners) ctx.emit(v, { predicate: 'author', subject: { name: t.name, type: 'work', subtype: 'book' }, object: { mention: o.id, name: o.canonical, type: 'person' }, confidence: 0.5, tplStart: m.index, tplEnd: t.tplEnd });
      }
    }
    SERIES_BY.lastIndex = 0;
    while ((m = SERIES_BY.exec(v.tpl)) !== null) {
      const a = v.slots[Number(m[2])].mention;
      const w = readName(ctx, v, m.index, 'WRO', false);
      if (!a || a.type !== 'person' || !w || STOP_NAMES.test(w.name)) continue;
      ctx.emit(v, { predicate: 'author', subject: { name: w.name, type: 'work', subtype: 'book' }, object: { mention: a.id, name: a.canonical, type: 'person' }, confidence: 0.55, tplStart: m.index, tplEnd: m.index + m[0].length });
    }
    // "based on Tom Clancy's novel of the same name": the novel carries the topic's title
    const same = topic && FILMISH.includes(topic.kind) ? SAME_NAME.exec(v.tpl) : null;
    if (same && topic) {
      const a = same[1] !== undefined ? v.slots[Number(same[1])].mention : same[2] !== undefined ? v.slots[Number(same[2])].mention : undefined;
      if (a && a.type === 'person') ctx.emit(v, { predicate: 'author', subject: { name: topic.name, type: 'work', subtype: 'book' }, object: { mention: a.id, name: a.canonical, type: 'person' }, confidence: 0.6, tplStart: same.index, tplEnd: same.index + same[0].length });
    }
    // a writer's article: "his novel Untouchable", "her 1992 book A Throne in Brussels"
    if (topic && (topic.kind === 'creator' || topic.roles.has('creator')) && /^\s*(?:He|She|«P\d+»)\b/.test(v.tpl)) {
      const first = v.slots[0];
      const isTopic = !/^\s*«P/.test(v.tpl) || first?.mention?.canonical === topic.name || first?.mention?.detector === 'coref-pronoun';
      OWN_WORK.lastIndex = 0;
      while (isTopic && (m = OWN_WORK.exec(v.tpl)) !== null) {
        for (const t of readNames(ctx, v, m.index + m[0].length, 'WR', false)) {
          if (t.name === topic.name || isPersonName(ctx, t.name) || isModifier(v, t)) break;
          ctx.emit(v, { predicate: 'author', subject: { name: t.name, type: 'work', subtype: 'book' }, object: { name: topic.name, type: 'person' }, confidence: 0.55, tplStart: m.index, tplEnd: t.tplEnd });
        }
      }
    }
    if (topic?.kind === 'book' && index === topic.index) {
      const n = NTH_IN.exec(v.tpl.slice(topic.verbAt + 4));
      const author = n && v.slots[Number(n[1])].mention;
      if (author && author.type === 'person') ctx.emit(v, { predicate: 'author', subject: topicArg(topic), object: { mention: author.id, name: author.canonical, type: 'person' }, confidence: 0.6 });
    }
  });
}

const SAME_NAME = /\bbased\s+(?:up)?on\s+(?:the\s+)?(?:«P(\d+)»\s?['’]s?\s+)?(?:(?:[\w-]+|«D\d+»)\s+){0,2}?(?:novel|book|novella|play|story|short story|comic|manga|memoir)\s+of\s+the\s+same\s+(?:name|title)(?:\s*,?\s+by\s+«P(\d+)»)?/;
const OWN_WORK = /\b(?:his|her)\s+(?:(?:first|second|third|fourth|fifth|last|final|debut|early|later|best-known|best known|acclaimed|autobiographical|semi-autobiographical|\d{4}|«D\d+»)\s+){0,3}(?:novel|novella|book|memoir|collection|poem|play|short story)s?\s*,?\s*(?:«D\d+»\s*,?\s*)?(?=«W|[\p{Lu}])/gu;

const ROLE_IN = /\brole\s+(?:of|as)\s+(«[CP]\d+»|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?=«W\d+»|[A-Z])/g;

/** "the role of Ortrud in Lohengrin": a character of a work. */
function rolePass(ctx: ClaimContext): void {
  ctx.views.forEach((v) => {
    ROLE_IN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ROLE_IN.exec(v.tpl)) !== null) {
      const c = readName(ctx, v, m.index + m[0].indexOf(m[1]), 'CPR', false);
      const w = readName(ctx, v, m.index + m[0].length, 'WR', false);
      if (!c || !w || c.name === w.name || STOP_NAMES.test(w.name) || /^[\p{Lu}\d]{1,4}$/u.test(w.name)) continue;
      ctx.emit(v, { predicate: 'characters', subject: { name: w.name, type: 'work' }, object: { name: c.name, type: 'character' }, confidence: 0.55, tplStart: m.index, tplEnd: w.tplEnd });
    }
  });
}

const CREATOR_VERB = /^(?:[^«]{0,25}?|(?:In\s+)?«D\d+»,?\s+)?(?:[Hh]e|[Ss]he|«P(\d+)»)\s+(?:(?:also|later|then|has|had|went on to|subsequently)\s+)*(wrote and directed|written and directed|scripted and directed|co-wrote and directed|direct and write the screenplay for|directed|co-directed|composed|scored|wrote)\s+(?:the\s+)?(?:(?:music|score|scores|screenplay|script|soundtrack)\s+(?:to|for|of)\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:film|movie|series|novel|book|play|drama|sitcom|show|games?)?\s*,?\s*(?:«D\d+»\s+)?(?:(?:film|movie|series|novel|book)\s+)?(?=«[WP]|[A-Z](?!n\b|t\b))/;
/** "His directorial debut was in 2010 with X", "Vineeth's second directorial venture X (2012)". */
const DIRECTORIAL = /\b(?:[Hh]is|[Hh]er|«P(\d+)»['’]s?)\s+(?:[\w-]+\s+){0,2}?directorial(?:\s+(?:debut|venture|effort|feature|film))?\s*,?\s+(?:(?:was|is)\s+)?(?:(?:in\s+)?«D\d+»\s+)?(?:with\s+)?(?:the\s+(?:film\s+)?)?(?=«[WP]|[A-Z](?!n\b|t\b))/g;

/** A person's article: "He directed the 2012 film X", "He composed the scores to the television series A, B and C". */
function creatorPass(ctx: ClaimContext, topic: Topic): void {
  const person: ClaimArg = { name: topic.name, type: 'person' };
  ctx.views.forEach((v) => {
    const m = CREATOR_VERB.exec(v.tpl);
    if (!m) return;
    // a sentence-opening pronoun in a person's article is that person, whatever coreference chose
    const who = m[1] !== undefined ? v.slots[Number(m[1])].mention : undefined;
    if (who && who.canonical !== topic.name && who.detector !== 'coref-pronoun') return;
    const verb = m[2];
    const preds = /direct/.test(verb) ? (/wr|script/.test(verb) ? ['director', 'screenwriter'] : ['director']) : /compos|scor/.test(verb) ? ['composer'] : /novel|book|play/.test(m[0]) ? ['author'] : /screenplay|script/.test(m[0]) ? ['screenwriter'] : [];
    const starts = [m.index + m[0].length];
    // further lists in the same sentence: "..., the video game series A and B and many films such as C, D"
    const more = /\b(?:series|films|movies|games|shows)\s+(?:such as\s+|including\s+|like\s+)?(?=«W|[A-Z])/g;
    more.lastIndex = m.index + m[0].length;
    let mm: RegExpExecArray | null;
    while ((mm = more.exec(v.tpl)) !== null) starts.push(mm.index + mm[0].length);
    for (const at of starts) {
      // a person slot is a title only after a work noun or a compound credit ("wrote and directed")
      const kinds = /\b(?:film|movie|series|novel|book|drama|show)\s*,?\s*$|\band\b/.test(v.tpl.slice(m.index, at)) ? 'WRP' : 'WR';
      const first = readName(ctx, v, at, kinds, false);
      if (!first || !titleLike(ctx, first) || (!first.slotKind && (isPersonName(ctx, first.name) || isModifier(v, first)))) continue;
      for (const t of readNames(ctx, v, at, kinds, false)) {
        if (t.name === topic.name || !titleLike(ctx, t) || (!t.slotKind && isPersonName(ctx, t.name))) continue;
        for (const predicate of preds) ctx.emit(v, { predicate, subject: { name: t.name, type: 'work' }, object: person, confidence: 0.6, tplStart: m.index, tplEnd: t.tplEnd });
      }
    }
  });
  ctx.views.forEach((v, index) => {
    const aboutPerson = index === topic.index || /^\s*(?:He|She|His|Her)\b/.test(v.tpl) || v.slots.some((sl) => sl.kind === 'P' && sl.tplStart < 3 && sl.mention?.canonical === topic.name);
    if (!aboutPerson) return;
    DIRECTORIAL.lastIndex = 0;
    let d: RegExpExecArray | null;
    while ((d = DIRECTORIAL.exec(v.tpl)) !== null) {
      if (d[1] !== undefined && v.slots[Number(d[1])].mention?.canonical !== topic.name) continue;
      const t = readName(ctx, v, d.index + d[0].length, 'WRP', false);
      if (!t || t.name === topic.name || !titleLike(ctx, t) || (!t.slotKind && (isPersonName(ctx, t.name) || isModifier(v, t)))) continue;
      ctx.emit(v, { predicate: 'director', subject: { name: t.name, type: 'work', subtype: 'film' }, object: person, confidence: 0.6, tplStart: d.index, tplEnd: t.tplEnd });
    }
  });
}

/** "the AFI short Requiem", "British war films": a capitalised word before a work noun modifies it. */
const MODIFIES_WORK_NOUN = /^\s+(?:[a-z-]+\s+)?(?:short|film|films|movie|movies|series|feature|documentary|drama|comedy|television|TV|show|shows|war|musical|animated)\b/;
const isModifier = (v: SentenceView, n: NameRun) => !n.slotKind && (MODIFIES_WORK_NOUN.test(v.tpl.slice(n.tplEnd)) || NATIONALITY.test(n.name));

/**
 * A "person" slot that reads as a title in a title context ("his acting debut in Paper Kites"):
 * a bare capitalised name the article never refers to again by surname or pronoun.
 */
function titleLike(ctx: ClaimContext, n: NameRun | undefined): boolean {
  if (!n || n.slotKind !== 'P') return !!n;
  return !ctx.mentions.some((m) => m.type === 'person' && m.canonical === n.name && m.detector !== 'coref-pronoun' && (m.text !== n.name || m.detector !== 'names'));
}

/** A name the mention layer knows as a person's. */
function isPersonName(ctx: ClaimContext, name: string): boolean {
  return ctx.mentions.some((m) => m.type === 'person' && (m.canonical === name || m.text === name));
}

/** "Oliver Stone's controversial film Natural Born Killers", "the Zhang Yimou film Coming Home". */
const DIRECTOR_FILM = /(?:«P(\d+)»\s?['’]s?\s+(?:[\w-]+\s+){0,3}?|\bthe\s+«P(\d+)»\s+)(?:film|movie|feature|documentary)\s*,?\s+(?:«D\d+»\s+)?(?=«W|[\p{Lu}])/gu;

function directorFilmPass(ctx: ClaimContext): void {
  ctx.views.forEach((v) => {
    DIRECTOR_FILM.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DIRECTOR_FILM.exec(v.tpl)) !== null) {
      const who = v.slots[Number(m[1] ?? m[2])].mention;
      if (!who || who.type !== 'person' || who.detector.startsWith('coref')) continue;
      const t = readName(ctx, v, m.index + m[0].length, 'WRP', false);
      if (!t || t.name === who.canonical || !titleLike(ctx, t) || isModifier(v, t)) continue;
      ctx.emit(v, { predicate: 'director', subject: { name: t.name, type: 'work', subtype: 'film' }, object: { mention: who.id, name: who.canonical, type: 'person' }, confidence: 0.55, tplStart: m.index, tplEnd: t.tplEnd });
    }
  });
}

const STUDIO_FILM = /«O(\d+)»(?:\s?['’]s?)?\s+(?:[\w-]+\s+){0,4}?(?:film|movie|feature|animated film)\s*,?\s+(?:«D\d+»\s+)?(?=«W\d+»)/g;
const STUDIO_NAME = /\b(?:Pictures|Studios?|Films|Animation|Productions|Entertainment)\b/;

/** "Walt Disney Pictures' 49th animated feature film The Princess and the Frog". */
function studioPass(ctx: ClaimContext): void {
  ctx.views.forEach((v) => {
    STUDIO_FILM.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = STUDIO_FILM.exec(v.tpl)) !== null) {
      const studio = v.slots[Number(m[1])].mention;
      if (!studio || !STUDIO_NAME.test(studio.canonical)) continue;
      const w = readName(ctx, v, m.index + m[0].length, 'W', false);
      if (!w) continue;
      ctx.emit(v, { predicate: 'production_company', subject: { name: w.name, type: 'work', subtype: 'film' }, object: { mention: studio.id, name: studio.canonical, type: 'organization' }, confidence: 0.6, tplStart: m.index, tplEnd: w.tplEnd });
    }
  });
}
