/**
 * @module Mention detectors, in order: quoted titles, gazetteer names, role-cued persons
 * ("sculptor Richard Wentworth"), characters ("stars as Cassie", "(Luke)"), titles from context
 * ("the film X", "Netflix's X", "X alum", "preparing for X", "credits include X and Y"), Instagram
 * handles, proper-noun name runs, then every later occurrence of a name already found, and the
 * references coreference resolves ("she", "the actress", "the Descendants star", "the film").
 */
import { findSentenceIndex } from '../../doc/document.js';
import type { Sentence, Token } from '../../model/types.js';
import type { Quotation } from '../quotes/find.js';
import { type Candidate, PRIORITY, moved, overlapsAny, settle } from './candidates.js';
import { getGazetteer } from './gazetteer.js';
import { CAP, MONTHS, NAME, NAME2, SUBTYPE_CUES, TITLE, stripPossessive } from './patterns.js';

/** A line whose words are mostly capitalised and which does not end a sentence is a heading. */
const HEADING_CAPS_RATIO = 0.6;

// ---- precompiled patterns -------------------------------------------------------------------

const CUE_NOUNS = 'film|movie|drama|comedy|thriller|documentary|biopic|musical|sitcom|series|show|novel|book|memoir|single|song|track|album|EP|play|opera|soundtrack|franchise|sequel|remake|adaptation|programme';
const NOUN_TITLE = new RegExp(String.raw`\b(${CUE_NOUNS})(,[^\S\n]*|[^\S\n]+)(${TITLE})`, 'gu');
/** Cue nouns that are also verbs, and what makes them verbs ("to play", "will show", "who play"). */
const VERB_CUES = new Set(['play', 'show', 'book', 'record', 'release', 'feature', 'track', 'single']);
const VERB_BEFORE = /\b(?:to|will|would|shall|should|could|can|may|might|must|did|does|do|not|never|also|who|and|I|we|you|they|he|she)[^\S\n]+$|['’]ll[^\S\n]+$/;
const NEWISH_BEFORE = /\b(?:new|latest|upcoming|forthcoming|debut|next|hit|last|recent|first|second|third|final|current|breakthrough|own)\b[^.,;]{0,25}$/;
const YEAR_TITLE = new RegExp(String.raw`\b(?:in|from|of)[^\S\n]+the[^\S\n]+(?:(?:${MONTHS})[^\S\n]+)?(?:19|20)\d\d[^\S\n]+(${TITLE})`, 'gu');
const ROLE_WORDS_AFTER_TITLE = 'star|alum|alumna|alumnus|actor|actress|co-star|creator|singer|frontman|presenter|host|songstress|rapper|veteran|favourite|favorite';
const TITLE_ROLE = new RegExp(String.raw`(?<=\b(?:[Tt]he|[Ff]ormer|[Ee]x-|[Aa])[^\S\n]+)(${TITLE})[^\S\n]+(${ROLE_WORDS_AFTER_TITLE})\b`, 'gu');
const TITLE_ROLE_NAME = new RegExp(String.raw`(?<![\p{L}\p{N}’'-][^\S\n])(?<!\b(?:[Tt]he|[Aa])[^\S\n])\b(${TITLE})[^\S\n]+(star|actor|actress|director|presenter|host|creator|singer|frontman)[^\S\n]+(?=${NAME2})`, 'gu');
const ROLE_IN = new RegExp(String.raw`\b(?:role|roles|part|cameo|appearance|starring|starred|stars|star|appeared|appears|appearing|played|plays|playing|portrayal|performance|known for|famous for|fame in|turn in|debut in)[^\S\n]+(?:(?:[\p{Ll}-]+|as[^\S\n]+${NAME2})[^\S\n]+){0,3}?in[^\S\n]+(?:the[^\S\n]+)?(?:(?:[\p{L}]+-[\p{Ll}]+|hit|new|film|movie|show|series|sitcom|drama|BBC|Channel|ITV)[^\S\n]+){0,2}(${TITLE})`, 'gu');
const PREP_TITLE = new RegExp(String.raw`\b(?:preparing for|promote|promoting|filming|shooting|working on|starring in|star in|stars in|starred in|to star in|voiced? in|released|releases|release|recorded|recording|wrote|written)[^\S\n]+(?:(?:his|her|their|the|its)[^\S\n]+)?(?:(?:latest|new|upcoming|next|forthcoming|debut)[^\S\n]+)?(${CUE_NOUNS}|project)?[^\S\n]*,?[^\S\n]*(${TITLE})`, 'gu');
const ORG_TITLE = new RegExp(String.raw`(\p{Lu}[\p{L}+]*(?:[^\S\n]+\p{Lu}[\p{L}+]*){0,2})((?:['’‘]s)?)[^\S\n]+((?:(?:new|hit|original|latest|upcoming|drama|film|movie|series|show|comedy|thriller|documentary|romance|musical|sitcom)[^\S\n]+)*)(${TITLE})`, 'gu');
/** "the film-maker, who directed X": a relative clause of directing names a film. */
const WHO_DIRECTED = new RegExp(String.raw`,[^\S\n]+who[^\S\n]+(?:also[^\S\n]+)?(?:wrote[^\S\n]+and[^\S\n]+)?directed[^\S\n]+(${TITLE})(?=[^\S\n]*[,.;])`, 'gu');
const TITLE_STARRING = new RegExp(String.raw`(?<![\p{L}\p{N}'’][^\S\n]?)(${TITLE}),?[^\S\n]+(?:starring|co-starring|which stars|which starred|directed by)\b`, 'gu');
const WAS_TITLE = new RegExp(String.raw`\b(?:last|latest|previous|recent|first|debut|breakthrough)[^\S\n]+(?:feature|film|movie|novel|book|album|single|series|show)[^\S\n]+(?:was|is|were)[^\S\n]+(?:the[^\S\n]+|a[^\S\n]+)?(?:[\p{Ll}-]+[^\S\n]+){0,3}(${TITLE})`, 'gu');
const NEW_ENTRY = new RegExp(String.raw`\bnew[^\S\n]+(?:entry|release|entries)[^\S\n]+(${TITLE})`, 'gu');
const APPOSITIVE_CUE = /^,[^\S\n]+(?:the|a|an|his|her|its|their)[^\S\n]+(?:[\p{L}'’-]+[^\S\n]+){0,4}(film|movie|drama|comedy|thriller|documentary|musical|series|show|sitcom|novel|book|memoir|album|single|song|play)\b/u;
/** A single capitalised word after "filming in", "shot in", "set in" is a place ("Filming begins next month in Cornwall"). */
const PLACE_CUE = new RegExp(String.raw`\b(?:[Ff]ilm(?:ing|ed|s)|[Ss]hot|[Ss]hooting|[Bb]orn|[Ll]ives|[Ll]ived|[Ss]tanding in)\b[^.\n]{0,40}?\b(?:in|at)[^\S\n]+(\p{Lu}\p{Ll}+(?:[^\S\n]+\p{Lu}\p{Ll}+)?)(?![\p{L}'’])`, 'gu');
const LIST_INTRO = /\b(?:credits|films|roles|movies|works|hits|shows|albums|singles|books|novels|songs|titles|plays|musicals|series|programmes),? (?:include|including|such as)[^\S\n]+/gu;
const LIST_ITEM = new RegExp(String.raw`(${TITLE})`, 'uy');
const LIST_SEP = /(?:[^\S\n]*,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)(?:(?:more|most)[^\S\n]+recently[^\S\n]+|later[^\S\n]+|also[^\S\n]+)?/uy;
const CHARACTER_AS = new RegExp(String.raw`\b(?:stars?|starring|starred|cast|co-stars?|appears?|appearing|appeared|returns?|returning|reprises?|reprising)(?:[^\S\n]+opposite[^\S\n]+\p{L}+)?[^\S\n]+as[^\S\n]+(?:(?:the|a|an|his|her)[^\S\n]+)?(?:[\p{Ll}-]+[^\S\n]+){0,3}(${NAME})`, 'gu');
const CHARACTER_PLAYS = new RegExp(String.raw`\b(?:plays|played|playing|play|portrays|portrayed|portraying|voices|voiced|voice(?<=\b(?:will|to|would|also|who)[^\S\n]+voice)(?=[^\S\n]+\p{Lu})|role of|roles of)(?![^\S\n]+by\b)[^\S\n]+(?:(?:the|a|an)[^\S\n]+)?(?:[\p{Ll}-]+[^\S\n]+){0,3}(${NAME})`, 'gu');
const PERSON_AS_CHARACTER = new RegExp(String.raw`(${NAME2})[^\S\n]+as[^\S\n]+(?:(?:the|a|an)[^\S\n]+)?(?:[\p{Ll}-]+[^\S\n]+){0,2}(${NAME})`, 'gu');
const PERSON_PAREN_CHARACTER = new RegExp(String.raw`(${NAME2})[^\S\n]+\((${NAME})\)`, 'gu');
const PLAYED_BY = /,?[^\S\n]+(?:played|portrayed|voiced)[^\S\n]+by\b/g;
const NAME_BEFORE = /(\p{Lu}[\p{L}'’-]*(?:[^\S\n]+\p{Lu}[\p{L}'’-]*)?)$/u;
const CAST_CUE = /\b(?:star|stars|starring|starred|cast|plays|played|playing|role|alongside|co-star)\b/;
const HANDLE = /@([A-Za-z0-9_.]{3,30})/g;
const PRONOUN = /\b(she|he|She|He)\b/g;
const PERSON_DESCRIPTOR = /\b([Tt]he)[^\S\n]+(?:(?:[\p{Ll}-]+|\p{Lu}\p{Ll}+(?:an|ish|ese))[^\S\n]+){0,2}?(actress|actor|singer|songstress|filmmaker|film-maker|director|star|rapper|musician|songwriter|singer-songwriter|presenter|comedian|novelist|frontman|frontwoman|alum|star's)\b/gu;
const WORK_MODIFIERS = String.raw`(?:new|latest|upcoming|original|entire|whole|official|romance|romantic|musical|hit|debut|first|second|third|final|animated|forthcoming|recent|same|piano|acoustic|lead|title|theme|promotional|Netflix|[\p{Ll}]+-[\p{Ll}]+)`;
const WORK_DESCRIPTOR = new RegExp(String.raw`\b(?:[Tt]he|[Tt]his|[Hh]er|[Hh]is|[Tt]heir|[Ii]ts)[^\S\n]+(?:${WORK_MODIFIERS}[^\S\n]+){0,3}(film|movie|song|single|series|show|novel|book|album|soundtrack|music video|drama|sequel|thriller|comedy)\b`, 'gu');
const IT_WORK = /\b(?:[Ii]t)(?=[^\S\n]+(?:was|is|will be|has been)[^\S\n]+(?:directed|shot|written|produced|released|filmed|based|distributed|set)\b|[^\S\n]+(?:premiered|premieres|stars|starred|took|grossed|earned)\b)/g;
const MUSIC_VIDEO = /\bmusic video for (?:the [\p{Ll} ]+ of )?[“"‘]/u;

/** Words before a title that make it someone's other credit, not the article's topic. */
const CREDIT_BEFORE = /\b(?:role|roles|starred|starring|appeared|appearance|known|cameo|credits|alum|promote|promoting|preparing|include|including|previously|former)\b[^.;]{0,35}$/;

const FEMALE_ROLE = new Set(['actress', 'songstress', 'frontwoman']);
const MALE_ROLE = new Set(['actor', 'frontman']);

// ---- helpers --------------------------------------------------------------------------------

interface Ctx {
  text: string;
  sentences: readonly Sentence[];
  tokens: readonly Token[];
  quotes: readonly Quotation[];
  /** Sentence indexes that are headings. */
  headings: Set<number>;
  cands: Candidate[];
  /** Lazily built by `tokenIndex`. */
  tokenIdx?: Map<string, number[]>;
  /** Lazily built by `lines`: [offset, line]. */
  lines?: [number, string][];
}

const sentenceIndexAt = findSentenceIndex;

function inSpeech(quotes: readonly Quotation[], offset: number): boolean {
  for (const q of quotes) if (q.kind === 'speech' && offset >= q.start && offset < q.end) return true;
  return false;
}

function inHeading(ctx: Ctx, offset: number): boolean {
  return ctx.headings.has(sentenceIndexAt(ctx.sentences, offset));
}

/** Trim a title/name match: possessive, trailing punctuation. */
function cleanName(s: string): string {
  return stripPossessive(s.replace(/[ \t,:;.!?’'-]+$/u, ''));
}

const SENTENCE_OPENER = /^(?:How|What|Why|When|Where|Who|Are|Is|Do|Does|Did|Have|Has|Let|Be|Being|It['’]s|I|We|You|Love|Here|There|This|That|Yes|No|Not|One|Some|Every|Even|So|If)$/;

/** Reject a captured title when it is clearly not one. */
function plausibleTitle(title: string, afterCueNoun = false): boolean {
  const gaz = getGazetteer();
  if (title.length < 2) return false;
  if (gaz.entries.has(title)) return false;
  const words = title.split(/[^\S\n]+/);
  const first = words[0];
  if (/^(?:The|A|An)$/.test(first)) return title.includes(' ');
  // "her album How To Dismantle An Atomic Bomb", "the single Are You Lonesome Tonight": right after a cue
  // noun, a run of three capitalised words or more may open with a sentence word
  const sentenceOpener = afterCueNoun && SENTENCE_OPENER.test(first) && words.filter((w) => /^\p{Lu}/u.test(w)).length >= 3;
  if (gaz.nonNames.has(first) && !sentenceOpener) return false;
  if (/^Top\b/.test(title) || /^(?:19|20)\d\d$/.test(title)) return false;
  // "the 1970s TV cop drama": a decade, not a title
  if (/^(?:19|20)?\d0s\b/.test(title)) return false;
  // "30-year-old actor", "Colombian-born actress": a hyphenated adjective, not a title
  if (!title.includes(' ') && /-\p{Ll}/u.test(title)) return false;
  return true;
}

/**
 * "Ocean's Twelve": a one-word possessor that is no known name, no given name and never stands
 * alone in the article (no "Ocean" without "'s") belongs to the title; "Netflix's X" and
 * "Scorsese's X" (a name used elsewhere on its own) are an owner before the title.
 */
function possessiveInsideTitle(ctx: Ctx, owner: string): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(owner)) return false;
  const gaz = getGazetteer();
  if (gaz.entries.has(owner) || gaz.firstNames.has(owner) || gaz.nonNames.has(owner) || gaz.roleWords.has(owner.toLowerCase())) return false;
  for (const i of tokensWithText(ctx, owner)) {
    const next = ctx.tokens[i + 1];
    if (!next || !/^['’]s?$/u.test(next.text)) return false;
  }
  return true;
}

function addTitle(ctx: Ctx, start: number, raw: string, subtype: string | undefined, detector: string, priority: number, confidence: number, background = false, afterCueNoun = false): void {
  // "a role in Colm Brennan's next thriller": a possessive name is a person, not a title
  if (/['’]s$/u.test(raw.trim())) return;
  const poss = /^(.+?)['’]s[^\S\n]+(?=[\p{Lu}\p{N}])/u.exec(raw);
  // "The Hitchhiker's Guide", "A Soldier's Story": a possessor that opens with an article is part of the
  // title; so is one of several words with no given name before a title without an article ("Dead Man's
  // Shoes"), while "Lemony Snicket's A Series of ..." and "Martin Scorsese's The Aviator" name an owner
  const gaz = getGazetteer();
  const possWords = poss ? poss[1].split(/[^\S\n]+/) : [];
  const inside = poss && (/^(?:The|A|An)[^\S\n]/.test(poss[1]) || possessiveInsideTitle(ctx, poss[1]) || (possWords.length > 1 && !gaz.firstNames.has(possWords[0]) && !/^(?:The|A|An)[^\S\n]/.test(raw.slice(poss[0].length)) && !ctx.cands.some((c) => c.type === 'person' && c.canonical === poss[1])));
  if (poss && !inside) {
    start += poss[0].length;
    raw = raw.slice(poss[0].length);
  }
  const name = cleanName(raw);
  if (!plausibleTitle(name, afterCueNoun)) return;
  if (inHeading(ctx, start)) return;
  const credit = background || CREDIT_BEFORE.test(ctx.text.slice(Math.max(0, start - 45), start));
  ctx.cands.push({ start, end: start + name.length, type: 'work', subtype, canonical: name, detector, confidence, priority, ref: 'name', cued: subtype !== undefined, background: credit });
}

function cueSubtype(word: string | undefined): string | undefined {
  return word ? SUBTYPE_CUES[word] : undefined;
}

// ---- detectors ------------------------------------------------------------------------------

function detectHeadings(ctx: Ctx): void {
  for (const s of ctx.sentences) {
    const lineStart = s.start === 0 || ctx.text[s.start - 1] === '\n';
    const lineEnd = s.end === ctx.text.length || ctx.text[s.end] === '\n';
    if (!lineStart || !lineEnd) continue;
    const t = ctx.text.slice(s.start, s.end);
    if (/[.!”"]$/.test(t)) continue;
    const words = t.split(/[^\S\n]+/).filter((w) => /\p{L}/u.test(w));
    const caps = words.filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w)).length;
    if (words.length > 0 && caps / words.length >= HEADING_CAPS_RATIO) ctx.headings.add(s.index);
  }
}

function detectQuotedTitles(ctx: Ctx): void {
  const { text } = ctx;
  let prev: { end: number; subtype?: string } | null = null;
  for (const q of ctx.quotes) {
    if (q.kind !== 'title') continue;
    const name = cleanName(q.text);
    if (name.length === 0) continue;
    const before = text.slice(Math.max(0, q.outerStart - 60), q.outerStart);
    const after = text.slice(q.outerEnd, q.outerEnd + 40);
    let subtype: string | undefined;
    if (MUSIC_VIDEO.test(text.slice(Math.max(0, q.outerStart - 60), q.outerStart + 1))) subtype = 'song';
    const poss = /(\p{Lu}[\p{L}+]*(?:[^\S\n]+\p{Lu}[\p{L}+]*){0,2})['’‘]s[^\S\n]*(?:new[^\S\n]+|hit[^\S\n]+|original[^\S\n]+)?$/u.exec(before);
    const possOrg = poss ? getGazetteer().entries.get(poss[1]) : undefined;
    if (!subtype && possOrg?.type === 'organization' && /^(?:streaming_service|studio|network)$/.test(possOrg.subtype ?? '')) subtype = possOrg.subtype === 'network' ? 'series' : 'film';
    if (!subtype && /\b(?:perform|performs|performed|performing|sing|sings|sang|singing|covers|covered|record|recorded|releases|released|releasing)[^\S\n]*$/u.test(before)) subtype = 'song';
    if (!subtype) {
      const m = /\b([\p{L}]+)[ \t,]*$/u.exec(before.replace(/,?[^\S\n]*\b(?:including|include|includes|such as|like|called|titled|entitled|named)[^\S\n]*$/u, '').replace(/\b(?:the|a|an|her|his|their|its|new|latest|debut|hit|original|Netflix['’]s)[^\S\n]*$/u, ''));
      subtype = cueSubtype(m?.[1]);
    }
    if (!subtype) {
      const m = /^[ \t,]*([\p{L}]+)/u.exec(after);
      const w = m?.[1];
      if (w && SUBTYPE_CUES[w] && !/^(?:hit|version|feature|record|production)$/.test(w)) subtype = SUBTYPE_CUES[w];
      else if (/^[^\S\n]*by[^\S\n]+\p{Lu}/u.test(after)) subtype = 'song';
    }
    // coordinated list: “A,” “B,” and “C” share the first item's cue
    if (!subtype && prev && q.outerStart - prev.end <= 6 && /^[ \t,]*(?:and|or)?[^\S\n]*$/u.test(text.slice(prev.end, q.outerStart))) subtype = prev.subtype;
    const gaz = getGazetteer().entries.get(name);
    if (gaz && !subtype) continue;
    ctx.cands.push({ start: q.start, end: q.start + name.length, type: 'work', subtype, canonical: name, detector: 'title-quoted', confidence: 0.9, priority: PRIORITY.quotedTitle, ref: 'name', cued: subtype !== undefined });
    const roleAfter = /^[^\S\n]*(songstress|singer|star|alum|actor|actress|rapper|frontman|hitmaker)\b/u.exec(after);
    if (roleAfter && /\b[Tt]he[^\S\n]*$/u.test(before)) {
      const rs = q.outerEnd + roleAfter[0].length - roleAfter[1].length;
      const role = roleAfter[1];
      ctx.cands.push({ start: rs, end: rs + role.length, type: 'person', canonical: '', detector: 'coref-title-descriptor', confidence: 0.7, priority: PRIORITY.reference, ref: 'title-descriptor', gender: FEMALE_ROLE.has(role) ? 'f' : MALE_ROLE.has(role) ? 'm' : undefined });
    }
    prev = { end: q.outerEnd, subtype };
  }
}

function detectGazetteer(ctx: Ctx): void {
  const gaz = getGazetteer();
  const re = gaz.scanner;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(ctx.text)) !== null) {
    // the scanner has no look-behind: a match inside a word, handle or compound is retried one character on
    if (m.index > 0 && NOT_BEFORE_NAME.test(ctx.text[m.index - 1])) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const e = gaz.entries.get(m[0]);
    if (!e) continue;
    // "Hollywood Bowl", "Grammy Museum": a place suffix after a known name makes a place
    const next = /^[^\S\n]+(\p{Lu}\p{Ll}+)/u.exec(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 20));
    if (next && gaz.placeSuffixes.has(next[1])) {
      const end = m.index + m[0].length + next[0].length;
      ctx.cands.push({ start: m.index, end, type: 'place', canonical: ctx.text.slice(m.index, end), detector: 'gazetteer', confidence: 0.8, priority: PRIORITY.gazetteer, ref: 'name' });
      continue;
    }
    ctx.cands.push({ start: m.index, end: m.index + m[0].length, type: e.type, subtype: e.subtype, canonical: e.canonical, detector: 'gazetteer', confidence: 0.9, priority: PRIORITY.gazetteer, ref: 'name' });
  }
}

/** What may not stand right before a gazetteer name. */
const NOT_BEFORE_NAME = /[\p{L}\p{N}@#-]/u;

let rolePersonCache: RegExp | null = null;
/** "<role word> <Name>", the role words from the gazetteer (both capitalisations), compiled once. */
function rolePersonRe(): RegExp {
  if (!rolePersonCache) {
    const words = new Set<string>();
    for (const w of getGazetteer().roleWords) {
      words.add(w);
      words.add(w[0].toUpperCase() + w.slice(1));
    }
    const alt = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    // no look-behind (the caller checks the character before), so the engine can skip by first characters
    rolePersonCache = new RegExp(String.raw`(${alt}),?[^\S\n]+(${NAME})`, 'gu');
  }
  rolePersonCache.lastIndex = 0;
  return rolePersonCache;
}

function detectRolePersons(ctx: Ctx): void {
  const gaz = getGazetteer();
  const re = rolePersonRe();
  let m: RegExpExecArray | null;
  while ((m = re.exec(ctx.text)) !== null) {
    if (m.index > 0 && /[\p{L}-]/u.test(ctx.text[m.index - 1])) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const role = m[1];
    let name = cleanName(m[2]);
    // a name never swallows a following title-case word that is a known non-name
    const words = name.split(/[^\S\n]+/);
    let keep = words.length;
    for (let i = 0; i < words.length; i++) {
      if (gaz.nonNames.has(words[i]) || gaz.entries.has(words[i])) { keep = i; break; }
      // a possessive ends the name: "Director Martin Scorsese's The Aviator"
      if (/['’]s$/.test(words[i])) { keep = i + 1; break; }
    }
    name = stripPossessive(words.slice(0, keep).join(' '));
    if (name.length < 2) continue;
    const start = m.index + m[0].length - m[2].length;
    if (inHeading(ctx, start) || inSpeech(ctx.quotes, start)) continue;
    const gender = gaz.female.has(role) ? 'f' : gaz.male.has(role) ? 'm' : undefined;
    ctx.cands.push({ start, end: start + name.length, type: 'person', canonical: name, detector: 'names-role', confidence: 0.85, priority: PRIORITY.rolePerson, ref: 'name', gender, role: role.toLowerCase() });
  }
}

function detectCharacters(ctx: Ctx): void {
  const { text } = ctx;
  const titles = new Set(ctx.cands.filter((c) => c.type === 'work').map((c) => c.canonical));
  const push = (start: number, raw: string, conf: number) => {
    const name = cleanName(raw);
    const gaz = getGazetteer();
    if (titles.has(name)) return; // "Daniel Craig (Enduring Love)" when Enduring Love is a film here
    const first = name.split(/[^\S\n]+/)[0];
    // a month can be a first name ("June Alder") when a surname follows
    const monthName = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/.test(first) && name.includes(' ');
    if (name.length < 2 || gaz.entries.has(name) || (gaz.nonNames.has(first) && !monthName) || gaz.roleWords.has(first)) return;
    if (inHeading(ctx, start)) return;
    ctx.cands.push({ start, end: start + name.length, type: 'character', canonical: name, detector: 'character-cue', confidence: conf, priority: PRIORITY.character, ref: 'name' });
  };
  for (const re of [CHARACTER_AS, CHARACTER_PLAYS]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      // "will play Hanks' code-cracking partner": a possessive name is whose part it is, not the part
      if (/['’]s?$/u.test(m[1]) || /^['’]s?[^\S\n]/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) continue;
      push(m.index + m[0].length - m[1].length, m[1], 0.8);
    }
  }
  // "Count Olaf, played by Carrey": find the cue, then the name just before it
  PLAYED_BY.lastIndex = 0;
  let pm: RegExpExecArray | null;
  while ((pm = PLAYED_BY.exec(text)) !== null) {
    const before = text.slice(Math.max(0, pm.index - 40), pm.index);
    const nm = NAME_BEFORE.exec(before);
    if (nm) push(pm.index - nm[1].length, nm[1], 0.75);
  }
  for (const s of ctx.sentences) {
    const st = text.slice(s.start, s.end);
    if (!CAST_CUE.test(st)) continue;
    // award lists write "Daniel Craig (Enduring Love)": the bracket names a film, not a character
    const awardList = /\b(?:nominat\w*|nominees?|contenders?|competition|shortlist\w*|awards?|best (?:actor|actress|film|picture|director|supporting|newcomer|british|foreign))\b/i.test(st);
    for (const re of [PERSON_AS_CHARACTER, PERSON_PAREN_CHARACTER]) {
      if (re === PERSON_PAREN_CHARACTER && awardList) continue;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(st)) !== null) {
        const personStart = s.start + m.index;
        const person = cleanName(m[1]);
        const words = person.split(/[^\S\n]+/);
        const gaz = getGazetteer();
        if (words.some((w) => gaz.nonNames.has(w)) || gaz.entries.has(person)) continue;
        ctx.cands.push({ start: personStart, end: personStart + person.length, type: 'person', canonical: person, detector: 'names-cast', confidence: 0.8, priority: PRIORITY.rolePerson, ref: 'name' });
        const charStart = s.start + m.index + m[0].length - m[2].length - (re === PERSON_PAREN_CHARACTER ? 1 : 0);
        push(charStart, m[2], 0.8);
      }
    }
  }
}

const AND_TAIL = new RegExp(String.raw`^[^\S\n]+and[^\S\n]+(${TITLE})(?=[^\S\n]*(?:[.,;:!?)]|$))`, 'u');
const SINGLE_DETERMINER = /\b(?:his|her|their|its|the|new|latest|hit|debut|thriller|comedy)[^\S\n]+$/;

/**
 * "his film Hide and Seek.": after one singular cue noun with a determiner, a title run joined by
 * "and" that runs to the end of the clause is one title; a plural cue ("films A and B"), a second
 * part that opens with a given name or a known name, or text running on keep the list split.
 */
function joinAndTitle(ctx: Ctx, cue: string, cueAt: number, start: number, title: string): string {
  if (/s$/.test(cue) && cue !== 'series') return title;
  if (!SINGLE_DETERMINER.test(ctx.text.slice(Math.max(0, cueAt - 30), cueAt))) return title;
  const end = start + title.length;
  const tail = AND_TAIL.exec(ctx.text.slice(end, end + 80));
  if (!tail) return title;
  const gaz = getGazetteer();
  const first = tail[1].split(/[^\S\n]+/)[0];
  if (gaz.firstNames.has(first) || gaz.entries.has(first) || gaz.entries.has(tail[1]) || gaz.entries.has(title)) return title;
  return ctx.text.slice(start, end + tail[0].length);
}

const THE_TITLE = new RegExp(String.raw`(?<![\p{L}\p{N}'’-])(?:The|(A|An))[^\S\n]+(${TITLE})`, 'gu');
/** What may stand before a capitalised "The" inside a sentence: a word, a number or a comma. */
const MID_SENTENCE = /[\p{L}\p{N},;][^\S\n]+$/u;
/** Words of a sentence about music acts: there "The Cure" or "The Bravery" is more likely a band. */
const BAND_CUES = /\b(?:bands?|groups?|gigs?|tour|tours|touring|singers?|frontman|guitarist|drummer|bassist|rapper|rock|indie|pop|hip-hop|albums?|concerts?|charts?|music|act|acts|songs?|tracks?)\b/i;
/** Words before a name that make it an act, a publication or a show's host rather than a title. */
const ACT_BEFORE = /\b(?:band|group|rapper|singer|duo|trio|act|protege|newcomer|magazine|newspaper|paper|website|station|name|known as|called|at)[^\S\n]+$/;
/** After a name: "who", an age ("The Game, 25,") or a speech verb make it someone. */
const SOMEONE_AFTER = /^,[^\S\n]*(?:\d{1,3}\b|who\b|aged\b)|^[^\S\n]+(?:who|said|says|told|added|explained|insisted)\b/u;
/** A tail that ends the title: "at 20", "on Sunday", "at the 15th", "at Number 42". */
const TAIL_CUT = /[^\S\n]+(?:(at)|on|in)[^\S\n]+(?:the[^\S\n]+)?(?:\p{N}|(\p{Lu}[\p{L}'’-]*))/u;

/**
 * "revival of The Glass Menagerie", "adaptation of The Hitchhiker's Guide To The Galaxy": inside a
 * sentence a capitalised "The" belongs to the name after it, and a name opening with "The" is no
 * person's. Known names (gazetteer), places, companies and awards by their last word ("The Ethel
 * Barrymore Theatre") are left to other detectors, and so are acts: after "group", "rapper", and a
 * single word or a plural ("The Cure", "The White Stripes") in a sentence about music.
 */
function detectTheTitles(ctx: Ctx): void {
  const gaz = getGazetteer();
  const personLike = new Map<string, boolean>();
  /** "The Game, who ...", "The Game said", "protege The Game": somewhere in the document it is someone. */
  const someone = (name: string): boolean => {
    let v = personLike.get(name);
    if (v === undefined) {
      v = false;
      for (let at = ctx.text.indexOf(name); at >= 0 && !v; at = ctx.text.indexOf(name, at + 1)) {
        v = SOMEONE_AFTER.test(ctx.text.slice(at + name.length, at + name.length + 24)) || ACT_BEFORE.test(ctx.text.slice(Math.max(0, at - 40), at));
      }
      personLike.set(name, v);
    }
    return v;
  };
  for (const m of lineMatches(ctx, THE_TITLE, /The |An? \p{Lu}/u)) {
    const before = ctx.text.slice(Math.max(0, m.index - 40), m.index);
    if (!MID_SENTENCE.test(before) || ACT_BEFORE.test(before)) continue;
    const article = m[1] ?? 'The';
    // "while A Very Long Engagement won": "A"/"An" after a lower-case word or a comma, two words or more
    if (m[1] && (!/(?:^|[^\p{L}])(?:\p{Ll}[\p{L}'’-]*|\p{N}+),?[^\S\n]+$/u.test(before) || !m[2].includes(' '))) continue;
    let raw = m[2];
    // "The King's latest": a possessive name at the end is someone's, not a title
    if (/['’]s?$/u.test(raw)) continue;
    // "The History Boys' Samuel Barnett", "The Beatles' Across The Universe": a plural possessive or a
    // possessive before a given name ends the name
    const poss = /^(.*?[^\s'’](?:s['’]|['’]s))[^\S\n]+(\p{Lu}[\p{L}-]*)/u.exec(raw);
    if (poss && (/s['’]$/u.test(poss[1]) || gaz.firstNames.has(poss[2]))) raw = poss[1];
    // "The Savoy on Sunday", "The Zutons at 20": a trailing place or time phrase is no part of it
    const tail = TAIL_CUT.exec(raw);
    if (tail && !/^(?:The|A|An)$/.test(tail[2] ?? '') && (tail[1] || !tail[2] || gaz.nonNames.has(tail[2]) || gaz.entries.has(tail[2]) || gaz.placeSuffixes.has(tail[2]))) raw = raw.slice(0, tail.index);
    // "The Aviator 4/9": odds, not a sequel number
    if (ctx.text[m.index + m[0].length] === '/') raw = raw.replace(/[^\S\n]+\p{N}+$/u, '');
    const rest = cleanName(raw);
    const words = rest.split(/[^\S\n]+/);
    const last = words[words.length - 1];
    if (gaz.entries.has(rest) || gaz.entries.has(`${article} ${rest}`) || gaz.placeSuffixes.has(last) || gaz.orgSuffixes.has(last) || /^(?:Awards?|Prizes?|Trophy|Medal)$/.test(last)) continue;
    if (words.length === 1 && (rest.toUpperCase() === rest || gaz.nonNames.has(rest) || gaz.roleWords.has(rest.toLowerCase()))) continue;
    // "The Life and Death of ...": one word before "and X of" is the start of a longer title
    const restAt = m.index + m[0].length - m[2].length;
    if (words.length === 1 && /^[^\S\n]+(?:and|And)[^\S\n]+\p{Lu}\p{L}*[^\S\n]+(?:of|Of)\b/u.test(ctx.text.slice(restAt + rest.length, restAt + rest.length + 30))) continue;
    if (words.length === 1 || /[^'’s]s$/u.test(last)) {
      if (words.length === 1 && /[^'’]s$/u.test(rest)) continue;
      const s = ctx.sentences[sentenceIndexAt(ctx.sentences, m.index)];
      if (s && BAND_CUES.test(ctx.text.slice(s.start, s.end))) continue;
    }
    if (someone(`${article} ${rest}`)) continue;
    addTitle(ctx, m.index, ctx.text.slice(m.index, restAt) + rest, undefined, 'title-context', PRIORITY.contextTitle - 3, 0.6);
  }
}

const PERSON_FOR_TITLE = new RegExp(String.raw`(${NAME2})[^\S\n]+for[^\S\n]+(${TITLE})`, 'gu');
const AWARD_SENTENCE = /\b(?:awards?|prizes?|nominat\w*|nominees?|Oscars?|Baftas?|Globes?|won|wins|winning|best (?:actor|actress|director|film|picture|supporting|screenplay))\b/;
const POSSESSIVE_TITLE = new RegExp(String.raw`(?<![\p{L}\p{N}'’-])(\p{Lu}\p{Ll}+['’]s[^\S\n]+${TITLE})`, 'gu');
const TITLE_APPOSITIVE = new RegExp(String.raw`(?<![\p{L}\p{N}'’-])(${TITLE}),[^\S\n]+(?:the|a|an|his|her|its|their)[^\S\n]+(?:[\p{L}'’-]+[^\S\n]+){0,3}?(film|movie|drama|comedy|thriller|documentary|musical|series|show|sitcom|novel|book|memoir|album|single|song|play|sequel|remake|adaptation)\b(?!['’-])`, 'gu');
/** "the Wonder Woman movie", "the Casino Royale project": a name between "the" and a work noun. */
const TITLE_NOUN = new RegExp(String.raw`\b(?:the|a|an|new|next|latest)[^\S\n]+(${TITLE})([^\S\n]+)(?=(films?|movies?|franchise|trilogy|series|adaptation|remake|sequel|project)\b)`, 'gu');

/** Literal words every match of the title-first patterns contains: lines without them are skipped. */
const TITLE_STARRING_ANCHOR = /starring|which star|directed by/;
const TITLE_ROLE_ANCHOR = /star|alum|actor|actress|creator|singer|frontman|presenter|host|songstress|rapper|veteran|favou?rite/;
const TITLE_ROLE_NAME_ANCHOR = /star|actor|actress|director|presenter|host|creator|singer|frontman/;

/**
 * All matches of a global pattern that never crosses a line break (its look-arounds neither), run
 * only over the lines that contain its anchor; indexes are made document offsets. A pattern that
 * opens with a title run would otherwise be tried at every capital letter of the document.
 */
function lineMatches(ctx: Ctx, re: RegExp, anchor: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (const [from, line] of lines(ctx)) {
    if (!anchor.test(line)) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line)) !== null) {
      m.index += from;
      out.push(m);
    }
  }
  return out;
}

/** The document's lines with their offsets, split once. */
function lines(ctx: Ctx): [number, string][] {
  if (!ctx.lines) {
    ctx.lines = [];
    let from = 0;
    for (const line of ctx.text.split('\n')) {
      ctx.lines.push([from, line]);
      from += line.length + 1;
    }
  }
  return ctx.lines;
}

function detectContextTitles(ctx: Ctx): void {
  const { text } = ctx;
  const P = PRIORITY.contextTitle;
  let m: RegExpExecArray | null;
  detectTheTitles(ctx);
  // "Masters of the Universe, the sequel to ...", "Dead to Me, a Netflix comedy": an appositive names the work
  for (const m of lineMatches(ctx, TITLE_APPOSITIVE, /, (?:the|a|an|his|her|its|their) /)) {
    const title = cleanName(m[1]);
    const first = title.split(/[^\S\n]+/)[0];
    const gaz = getGazetteer();
    if (/['’]s?$/u.test(m[1]) || gaz.firstNames.has(first) || gaz.entries.has(title)) continue;
    if (/^\p{N}|[^\S\n](?:in|on|at|for|from)[^\S\n]+\p{N}/u.test(title)) continue;
    // "The Squid and the Whale, an ... film": the tail of a longer title
    if (/\b(?:the|and|of|a|an)[^\S\n]+$/.test(text.slice(Math.max(0, m.index - 5), m.index))) continue;
    if (!title.includes(' ')) {
      // one word: a proper noun ("Aaltra, a Belgian film"), not a sentence adverb ("Meanwhile, the film")
      const tok = ctx.tokens[tokensWithText(ctx, title).find((i) => ctx.tokens[i].start === m.index) ?? -1];
      if (!tok || tok.pos !== 'PROPN' || gaz.nonNames.has(title)) continue;
    } else if (!/^(?:The|A|An)[^\S\n]|[^\S\n]\p{Ll}/u.test(title)) continue; // plain name runs are judged by personOrTitle
    if (personOrTitle(ctx, title, m.index) === 'person') continue;
    addTitle(ctx, m.index, title, cueSubtype(m[2]), 'title-context', P - 2, 0.65);
  }
  // "Clint Eastwood for Million Dollar Baby", "Charlize Theron for Monster" in a sentence about awards
  for (const m of lineMatches(ctx, PERSON_FOR_TITLE, / for \p{Lu}/u)) {
    const at = m.index + m[0].length - m[2].length;
    const title = cleanName(m[2]);
    const first = title.split(/[^\S\n]+/)[0];
    const gaz = getGazetteer();
    if (gaz.firstNames.has(m[1].split(/[^\S\n]+/)[0]) === false && !gaz.roleWords.has(m[1].split(/[^\S\n]+/)[0].toLowerCase())) {
      // the name before "for" must read as a person: a given name, or a name found as a person already
      if (!ctx.cands.some((c) => c.type === 'person' && c.canonical === m[1])) continue;
    }
    if (/['’]s?$/u.test(m[2]) || gaz.firstNames.has(first) || /^(?:Best|Outstanding|Most|Favourite|Favorite|Top)$/.test(first)) continue;
    const s = ctx.sentences[sentenceIndexAt(ctx.sentences, at)];
    if (!s || !AWARD_SENTENCE.test(text.slice(s.start, s.end))) continue;
    addTitle(ctx, at, title, undefined, 'title-context', P - 3, 0.6, true);
  }
  // "classic Charlotte's Web", "Charlotte's Web has sold 45 million copies": a possessive run with title evidence
  for (const m of lineMatches(ctx, POSSESSIVE_TITLE, /['’]s /)) {
    const name = cleanName(m[1]);
    if (!name.includes(' ') || /['’]s?$/u.test(m[1]) || inHeading(ctx, m.index)) continue;
    // "Don Gibson's X", "Shakespeare's Richard III", "Gibson's I Can't ...": an owner before a name or a title
    const tail = name.replace(/^\S+['’]s[^\S\n]+/u, '');
    const tailFirst = tail.split(/[^\S\n]+/)[0];
    if (/\p{Lu}[\p{L}'’-]*[^\S\n]+$/u.test(text.slice(Math.max(0, m.index - 20), m.index)) || tailFirst === 'I' || getGazetteer().firstNames.has(tailFirst) || getGazetteer().entries.has(tail)) continue;
    if (!titleEvidence(ctx, name)) continue;
    ctx.cands.push({ start: m.index, end: m.index + name.length, type: 'work', canonical: name, detector: 'title-context', confidence: 0.6, priority: P - 3, ref: 'name', background: CREDIT_BEFORE.test(text.slice(Math.max(0, m.index - 45), m.index)) });
  }
  for (const m of lineMatches(ctx, TITLE_NOUN, /\b(?:film|movie|franchise|trilogy|series|adaptation|remake|sequel|project)/)) {
    const title = cleanName(m[1]);
    if (/['’]s?$/u.test(m[1]) || getGazetteer().firstNames.has(title.split(/[^\S\n]+/)[0])) continue;
    // "the Belgian film", "the 1960s film", "the Sundance film festival", "Lord of the Rings film"
    if (/^\p{N}/u.test(title) || (!title.includes(' ') && /(?:an|ese|ish|ic|i)$|-/u.test(title))) continue;
    if (/^[^\S\n]*(?:festivals?|awards?|industry|critics?|school|studios?|fans|makers?)\b/.test(ctx.text.slice(m.index + m[0].length + m[3].length, m.index + m[0].length + m[3].length + 14))) continue;
    if (/\p{Lu}[\p{L}'’-]*[^\S\n]+of[^\S\n]+$/u.test(ctx.text.slice(Math.max(0, m.index - 30), m.index))) continue;
    const at = m.index + m[0].length - m[2].length - m[1].length;
    if (personOrTitle(ctx, title, at) === 'person') continue;
    const cue = /^(?:film|movie)s?$/.test(m[3]) ? 'film' : m[3] === 'series' ? 'series' : undefined;
    addTitle(ctx, at, title, cue, 'title-context', P - 1, 0.65);
  }
  NOUN_TITLE.lastIndex = 0;
  while ((m = NOUN_TITLE.exec(text)) !== null) {
    const cue = m[1];
    // "to play Bond", "will show Fern": a verb, not a cue noun
    if (VERB_CUES.has(cue) && VERB_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    if (m[2].includes(',') && !NEWISH_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    // "her debut album, Sofia Carson releases ...": an apposition title is followed by punctuation
    if (m[2].includes(',') && !/^(?:[^\S\n]*[,.;:!?)]|[^\S\n]+(?:and|but|which|that|is|was|out|on|in)\b|[^\S\n]*$)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) continue;
    const start = m.index + m[0].length - m[3].length;
    addTitle(ctx, start, joinAndTitle(ctx, cue, m.index, start, m[3]), cueSubtype(cue), 'title-context', P, 0.75, false, !m[2].includes(','));
  }
  YEAR_TITLE.lastIndex = 0;
  while ((m = YEAR_TITLE.exec(text)) !== null) addTitle(ctx, m.index + m[0].length - m[1].length, m[1], undefined, 'title-context', P, 0.7, true);
  for (const re of [TITLE_ROLE, TITLE_ROLE_NAME]) {
    for (const m of lineMatches(ctx, re, re === TITLE_ROLE ? TITLE_ROLE_ANCHOR : TITLE_ROLE_NAME_ANCHOR)) {
      const title = cleanName(m[1]);
      const role = m[2];
      // "All Saints singer X": before a singer's role an unquoted name is a band more often than a song
      if (/^(?:singer|frontman|rapper|songstress)$/.test(role)) continue;
      const subtype = /^(?:singer|songstress|rapper|frontman)$/.test(role) ? 'song' : /^(?:presenter|host)$/.test(role) ? 'series' : undefined;
      addTitle(ctx, m.index, title, subtype, 'title-context', P, 0.7, true);
      if (re === TITLE_ROLE && plausibleTitle(title) && !inHeading(ctx, m.index)) {
        const rs = m.index + m[0].length - role.length;
        ctx.cands.push({ start: rs, end: rs + role.length, type: 'person', canonical: '', detector: 'coref-title-descriptor', confidence: 0.7, priority: PRIORITY.reference, ref: 'title-descriptor', gender: FEMALE_ROLE.has(role) ? 'f' : MALE_ROLE.has(role) ? 'm' : undefined });
      }
    }
  }
  ORG_TITLE.lastIndex = 0;
  while ((m = ORG_TITLE.exec(text)) !== null) {
    const org = getGazetteer().entries.get(m[1]);
    if (!org || org.type !== 'organization' || !/^(?:streaming_service|studio|network)$/.test(org.subtype ?? '')) continue;
    if (m[2] === '' && m[3] === '') continue;
    const cue = /\b(film|movie|drama|comedy|thriller|documentary|romance|musical|series|show|sitcom)\b/.exec(m[3] ?? '')?.[1];
    const credit = /\b(?:role|roles|starred|starring|appeared|appearance|known|cameo|credits|alum|star)\b[^.]{0,20}$/.test(text.slice(Math.max(0, m.index - 30), m.index));
    addTitle(ctx, m.index + m[0].length - m[4].length, m[4], cueSubtype(cue) ?? (org.subtype === 'network' ? 'series' : 'film'), 'title-context', P, 0.75, credit);
  }
  ROLE_IN.lastIndex = 0;
  while ((m = ROLE_IN.exec(text)) !== null) {
    // past credits ("his role in", "starred in", "known for") are background; "will star in X" is the topic
    const past = !/^(?:star|stars|starring|appears|appearing|plays)\b/.test(m[0]);
    // "her performance in the Mike Leigh film": a person's name before a work noun owns the work
    if (getGazetteer().firstNames.has(m[1].split(/[^\S\n]+/)[0]) && /^[^\S\n]+(?:film|movie|drama|comedy|thriller|series|show|play|musical)\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 10))) continue;
    addTitle(ctx, m.index + m[0].length - m[1].length, m[1], undefined, 'title-context', P - 1, 0.7, past);
  }
  PREP_TITLE.lastIndex = 0;
  while ((m = PREP_TITLE.exec(text)) !== null) {
    const verb = m[0].split(/[^\S\n]+/)[0];
    // "released/recorded/wrote X" only with a cue noun ("released her single X"); bare "wrote X" is too loose.
    if (/^(?:released|releases|release|recorded|recording|wrote|written)$/.test(verb) && !m[1]) continue;
    addTitle(ctx, m.index + m[0].length - m[2].length, m[2], cueSubtype(m[1]), 'title-context', P - 1, 0.7, /^(?:preparing|promot)/.test(verb));
  }
  WHO_DIRECTED.lastIndex = 0;
  while ((m = WHO_DIRECTED.exec(text)) !== null) addTitle(ctx, m.index + m[0].length - m[1].length, m[1], 'film', 'title-context', P - 1, 0.7, true);
  for (const m of lineMatches(ctx, TITLE_STARRING, TITLE_STARRING_ANCHOR)) {
    const t = m[1];
    // one bare word before "starring" is usually a sentence word ("Despite starring in ..."): need a comma
    if (!t.includes(' ') && !/^,/.test(text.slice(m.index + t.length, m.index + t.length + 1))) continue;
    addTitle(ctx, m.index, t, 'film', 'title-context', P - 2, 0.65);
  }
  WAS_TITLE.lastIndex = 0;
  while ((m = WAS_TITLE.exec(text)) !== null) {
    const cue = /(feature|film|movie|novel|book|album|single|series|show)/.exec(m[0])?.[1];
    addTitle(ctx, m.index + m[0].length - m[1].length, m[1], cue === 'feature' ? 'film' : cueSubtype(cue), 'title-context', P, 0.7, true);
  }
  NEW_ENTRY.lastIndex = 0;
  while ((m = NEW_ENTRY.exec(text)) !== null) addTitle(ctx, m.index + m[0].length - m[1].length, m[1], undefined, 'title-context', P - 2, 0.65);
  LIST_INTRO.lastIndex = 0;
  if (!/,? (?:include|including|such as)[^\S\n]/.test(text)) return;
  while ((m = LIST_INTRO.exec(text)) !== null) {
    const cue = /^(\w+)/.exec(m[0])?.[1] ?? '';
    const subtype = cueSubtype(cue);
    let pos = m.index + m[0].length;
    for (let i = 0; i < 8; i++) {
      LIST_ITEM.lastIndex = pos;
      const item = LIST_ITEM.exec(text);
      if (!item) break;
      addTitle(ctx, pos, item[1], subtype, 'title-context', P, 0.7, true);
      pos += item[0].length;
      LIST_SEP.lastIndex = pos;
      const sep = LIST_SEP.exec(text);
      if (!sep) break;
      pos += sep[0].length;
    }
  }
}

function tokensOfSentence(tokens: readonly Token[], s: Sentence, from: number): [number, number] {
  let i = from;
  while (i < tokens.length && tokens[i].sentence < s.index) i++;
  let j = i;
  while (j < tokens.length && tokens[j].sentence === s.index) j++;
  return [i, j];
}

const CAP_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;

/**
 * "the story by EB White", "JK Rowling": two or three capital initials written without full stops,
 * right before a capitalised surname, open a personal name (not a known acronym such as BBC or UK).
 */
function initialsBeforeName(ctx: Ctx, i: number, b: number): boolean {
  const t = ctx.tokens[i];
  const c = t.text.charCodeAt(1);
  if (t.text.length > 3 || !(c >= 65 && c <= 90) || !/^[A-Z]{2,3}$/.test(t.text) || /^(?:II|III|IV|VI|VII|IX|XI)$/.test(t.text) || i + 1 >= b) return false;
  const u = ctx.tokens[i + 1];
  // "DC Comics", "MCD Promoters": a plural noun after the letters names a company
  if (u.start !== t.end + 1 || !/^\p{Lu}\p{Ll}+$/u.test(u.text) || /(?:ers|ics|ions|ments|ies|ings)$/.test(u.text)) return false;
  const gaz = getGazetteer();
  if (gaz.entries.has(t.text) || gaz.nonNames.has(t.text) || gaz.nonNames.has(u.text) || gaz.entries.has(u.text) || gaz.placeSuffixes.has(u.text) || gaz.orgSuffixes.has(u.text) || gaz.roleWords.has(u.text.toLowerCase())) return false;
  // "released by WEA Latina", "the label XL Recordings": a company
  if (/\b(?:(?:released|distributed|published|issued|signed|owned)[^\S\n]+(?:by|to)|labels?|via|through)[^\S\n]+$/.test(ctx.text.slice(Math.max(0, t.start - 30), t.start))) return false;
  // a surname ends the name: "EB White." or "JK Rowling's", not "NBC Universal Studios"
  const after = ctx.tokens[i + 2];
  return !after || after.start !== u.end + 1 || !/^\p{Lu}/u.test(after.text);
}
const PARTICLE = /^(?:de|da|van|von|del|di|le|la|bin|al)$/;

const TITLE_VERBS = String.raw`(?:['’]s)?[^\S\n]+(?:is|was|has|had|will|have)[^\S\n]+(?:been[^\S\n]+|also[^\S\n]+|now[^\S\n]+)?(?:coming back|back|based on|available|streaming|released|a hit|a (?:film|movie|series|show|novel|book|musical|drama|comedy|thriller|documentary|sequel)|one of|getting|set for|renewed|cancelled|adapted|viewed|watched|sold[^\S\n]+(?:more[^\S\n]+than[^\S\n]+)?\d|translated|published|turned into|made into|nominated for best (?:film|picture|drama|series))`;
const TITLE_FOLLOW = String.raw`(?:${TITLE_VERBS}|[^\S\n]+(?:premiered|premieres|debuted|opened|arrived|topped|grossed)\b|:[^\S\n]+\p{Lu}|['’]s[^\S\n]+(?:ending|soundtrack|cast|director|sequel|success|release|premiere|story|plot|characters|finale|season)|[^\S\n]+(?:director|co-star|showrunner|screenwriter)[^\S\n]+\p{Lu}|,[^\S\n]+(?:the|a|an|his|her|their)[^\S\n]+(?:[\p{Ll}-]+[^\S\n]+){0,2}(?:film|movie|series|drama|comedy|thriller|western|musical|sequel|documentary|sitcom)\b)`;
const PERSON_AFTER = /^,?[^\S\n]*(?:who\b|\(?\d{1,3}\b|aged\b)|^[^\S\n]+(?:said|says|told|added|explained|insisted)\b/u;
const TITLE_LEAD = String.raw`(?:\b(?:classic|bestseller|best-seller|best-selling[^\S\n]+(?:novel|book))|\b(?:sequel|adaptation|season|episode|version|cast|ending|success|soundtrack|premiere|release|fans|viewers|spoilers)[^\S\n]+(?:to|of|for)|\b(?:been cast|was cast|cast|starred|co-starred|starring|appeared|appearing|roles?)[^\S\n]+in|\b(?:prize|award|Oscar|nomination|nominations|nod|nods|best[^\S\n]+(?:director|actress|actor|film|picture))[^\S\n]+for)[^\S\n]+(?:the[^\S\n]+)?`;
const TITLE_FOLLOW_RE = new RegExp(TITLE_FOLLOW, 'uy');
const TITLE_LEAD_RE = new RegExp(`${TITLE_LEAD}$`, 'u');

/**
 * Person or title? A given name, the surname used alone elsewhere, an age or "who" after it, or a
 * speech verb after it make a person; "X is coming back", "X premiered", "sequel to X", "X: Subtitle"
 * make a title. Without evidence either way the run stays a (less confident) person.
 */
function personOrTitle(ctx: Ctx, name: string, start: number): 'person' | 'work' | 'unknown' {
  const gaz = getGazetteer();
  const words = name.split(/[^\S\n]+/);
  const after = ctx.text.slice(start + name.length, start + name.length + 24);
  if (gaz.firstNames.has(words[0])) return 'person';
  if (PERSON_AFTER.test(after)) return 'person';
  // the surname alone elsewhere ("Okafor"), not as part of the full run again
  const last = words[words.length - 1];
  for (const i of tokensWithText(ctx, last)) {
    const t = ctx.tokens[i];
    if (t.start >= start && t.start < start + name.length) continue;
    const prev = ctx.tokens[i - 1];
    const next = ctx.tokens[i + 1];
    if (prev && (prev.text === words[words.length - 2] || /^['’]s$/u.test(prev.text))) continue;
    if (next && next.start === t.end + 1 && /^\p{Lu}/u.test(next.text)) continue;
    return 'person';
  }
  return titleEvidence(ctx, name) ? 'work' : 'unknown';
}

/** Title evidence at any occurrence: "X is coming back", "X premiered", "X: Subtitle", "sequel to X". */
function titleEvidence(ctx: Ctx, name: string): boolean {
  for (let at = ctx.text.indexOf(name); at >= 0; at = ctx.text.indexOf(name, at + 1)) {
    TITLE_FOLLOW_RE.lastIndex = at + name.length;
    if (TITLE_FOLLOW_RE.test(ctx.text)) return true;
    if (TITLE_LEAD_RE.test(ctx.text.slice(Math.max(0, at - 40), at))) return true;
  }
  return false;
}

/**
 * "Charlotte's Web": the capitalised run that a possessive at token `i` would open, when the whole
 * run has title evidence somewhere in the document (the possessor may well be a given name).
 */
function possessiveTitleRun(ctx: Ctx, i: number, b: number): boolean {
  let k = i + 2;
  while (k + 1 < b && CAP_WORD.test(ctx.tokens[k + 1].text) && ctx.tokens[k + 1].start === ctx.tokens[k].end + 1) k++;
  if (k >= b || !CAP_WORD.test(ctx.tokens[k].text)) return false;
  return titleEvidence(ctx, ctx.text.slice(ctx.tokens[i].start, ctx.tokens[k].end));
}

/** Whether a word opens with a capital or a digit (A–Z, 0–9 or any non-ASCII character). */
const capitalOrDigit = (text: string): boolean => {
  const c = text.charCodeAt(0);
  return c > 127 || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
};

/**
 * Token texts → token indexes, built once per document. Only tokens that open with a capital or a
 * digit are indexed (nearly every lookup is a capitalised word); most tokens are lower-case words
 * or punctuation, so this is several times cheaper than indexing them all.
 */
function tokenIndex(ctx: Ctx): Map<string, number[]> {
  let idx = ctx.tokenIdx;
  if (!idx) {
    idx = new Map();
    const { tokens } = ctx;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i].text;
      if (!capitalOrDigit(t)) continue;
      const list = idx.get(t);
      if (list) list.push(i);
      else idx.set(t, [i]);
    }
    ctx.tokenIdx = idx;
  }
  return idx;
}

/** Indexes of the tokens whose text is `word` (a linear scan for words the index leaves out). */
function tokensWithText(ctx: Ctx, word: string): readonly number[] {
  if (capitalOrDigit(word)) return tokenIndex(ctx).get(word) ?? [];
  const out: number[] = [];
  ctx.tokens.forEach((t, i) => { if (t.text === word) out.push(i); });
  return out;
}

const CAPS = String.raw`\p{Lu}[\p{L}'’-]*(?:[^\S\n]+\p{Lu}[\p{L}'’-]*){0,3}`;
const OF = String.raw`[^\S\n]+of(?:[^\S\n]+(?:the|a|an))?[^\S\n]+`;
const OF_BEFORE = new RegExp(String.raw`(?:(?<![\p{L}\p{N}'’-])(?:The|A|An)[^\S\n]+)?(?<![\p{L}\p{N}'’-])(${CAPS})${OF}$`, 'u');
const OF_AFTER = new RegExp(String.raw`^${OF}${CAPS}`, 'u');
const TITLE_AT = new RegExp(TITLE, 'uy');

/**
 * "Eternal Sunshine of the Spotless Mind", "House of Flying Daggers": a name run joined by "of" to
 * more capitalised words is part of a title, not a person's name, unless either side opens with a
 * given name ("Chris Martin of Coldplay", "Barry Gibb of The Bee Gees") or holds a known name, a
 * role, a place or a company word ("Academy of Motion Picture Arts", "University of St Andrews").
 */
function titleAroundOf(ctx: Ctx, start: number, end: number, settled: readonly Candidate[]): { start: number; name: string } | null {
  const { text } = ctx;
  const ofBefore = /\bof(?:[^\S\n]+(?:the|a|an))?[^\S\n]+$/.test(text.slice(Math.max(0, start - 8), start));
  const ofAfter = !ofBefore && /^[^\S\n]+of[^\S\n]/.test(text.slice(end, end + 4));
  if (!ofBefore && !ofAfter) return null;
  const before = ofBefore ? OF_BEFORE.exec(text.slice(Math.max(0, start - 60), start)) : null;
  const after = before || !ofAfter ? null : OF_AFTER.exec(text.slice(end, end + 60));
  if (!before && !after) return null;
  let from = before ? start - before[0].length : start;
  // "Green Day's Boulevard of Broken Dreams": an owner before the title is no part of it
  const owner = before ? /^.*['’]s?[^\S\n]+/u.exec(before[0]) : null;
  if (owner) from += owner[0].length;
  // "Members of Van Gogh's family": a common noun opening the sentence, or a personal name after "of"
  const runFirst = text.slice(start, end).split(/[^\S\n]+/)[0];
  if (before && (getGazetteer().firstNames.has(runFirst) || /^[A-Z]{2,3}$/.test(runFirst))) return null;
  const first = ctx.tokens[tokensWithText(ctx, text.slice(from, from + 40).split(/[^\p{L}\p{N}'’-]/u)[0]).find((i) => ctx.tokens[i].start === from) ?? -1];
  if (first && first.pos !== 'PROPN' && (from === 0 || /[.!?:"“]\s*$|\n\s*$/u.test(text.slice(Math.max(0, from - 3), from)))) return null;
  TITLE_AT.lastIndex = from;
  const m = TITLE_AT.exec(text);
  if (!m) return null;
  const name = cleanName(m[0]);
  if (from >= start && from + name.length <= end) return null;
  // the part before "of" must not be a personal name
  const head = (before ? text.slice(from, start) : text.slice(start, end)).split(/[^\S\n]+/);
  const gaz = getGazetteer();
  if (gaz.firstNames.has(head[0])) return null;
  const words = name.split(/[^\S\n]+/).filter((w) => /^\p{Lu}/u.test(w) && !/^(?:The|A|An|Of)$/.test(w));
  if (words.some((w) => gaz.nonNames.has(w) || gaz.entries.has(w) || gaz.roleWords.has(w) || gaz.roleWords.has(w.toLowerCase()) || gaz.placeSuffixes.has(w) || gaz.orgSuffixes.has(w))) return null;
  if (overlapsAny(settled, from, from + name.length) || inSpeech(ctx.quotes, from) || inHeading(ctx, from)) return null;
  return { start: from, name };
}

/**
 * "Robin Hood: Prince of Thieves", "Bridget Jones: The Edge of Reason": a name run followed by a colon
 * and a capitalised subtitle inside a sentence is a title (a list line "Jamie Foxx: Ray" ends there).
 */
function colonTitle(ctx: Ctx, start: number, end: number, settled: readonly Candidate[]): { start: number; name: string } | null {
  const { text } = ctx;
  if (!/^:[^\S\n]+\p{Lu}/u.test(text.slice(end, end + 4))) return null;
  TITLE_AT.lastIndex = start;
  const m = TITLE_AT.exec(text);
  if (!m) return null;
  const name = cleanName(m[0]);
  const sub = name.slice(end - start).replace(/^:[^\S\n]+/, '');
  if (start + name.length <= end + 2 || !(sub.includes(' ') || /[^\S\n]+(?:\p{Ll}|[(,])/u.test(text.slice(start + name.length, start + name.length + 3)))) return null;
  const next = text.slice(start + name.length, start + name.length + 5);
  if (/^[^\S\n]*(?:\n|$)/.test(next) || (!sub.includes(' ') && /^[^\S\n]+(?:of|the|to|and|in|on)\b/.test(next))) return null;
  // a headline "Arthur Hailey: King of the bestsellers" opens its line
  if (start === 0 || text[start - 1] === '\n') return null;
  const gaz = getGazetteer();
  if (gaz.entries.has(sub) || gaz.nonNames.has(sub.split(/[^\S\n]+/)[0]) && !/^(?:The|A|An)\b/.test(sub)) return null;
  if (overlapsAny(settled, start, start + name.length) || inSpeech(ctx.quotes, start) || inHeading(ctx, start)) return null;
  return { start, name };
}

/** Proper-noun runs of two to four words → person, place (suffix) or organisation (suffix). */
function detectNameRuns(ctx: Ctx): void {
  const gaz = getGazetteer();
  const settled = [...ctx.cands];
  let ti = 0;
  for (const s of ctx.sentences) {
    const [a, b] = tokensOfSentence(ctx.tokens, s, ti);
    ti = b;
    if (ctx.headings.has(s.index)) continue;
    let i = a;
    while (i < b) {
      const t = ctx.tokens[i];
      const c0 = t.text.charCodeAt(0);
      const isCap = ((c0 > 127 || (c0 >= 65 && c0 <= 90)) && CAP_WORD.test(t.text) && t.text.toUpperCase() !== t.text && (t.pos === 'PROPN' || (i > a && t.pos !== 'PRON') || (i + 1 < b && /^['’]s$/u.test(ctx.tokens[i + 1].text) && possessiveInsideTitle(ctx, t.text)))) || initialsBeforeName(ctx, i, b);
      if (!isCap || gaz.nonNames.has(t.text) || gaz.roleWords.has(t.text) || gaz.roleWords.has(t.text.toLowerCase()) || /[^.]{2}\.$/.test(t.text)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < b) {
        const u = ctx.tokens[j];
        if (/[^.]{2}\.$/.test(ctx.tokens[j - 1].text)) break; // "Anita Dobson. Lopez": a full stop ends the name
        // "Ocean's Twelve": a possessive inside the run when the possessor is no name of its own
        if (j === i + 1 && /^['’]s$/u.test(u.text) && u.start === t.end && j + 1 < b && CAP_WORD.test(ctx.tokens[j + 1].text) && ctx.tokens[j + 1].start === u.end + 1 && (possessiveInsideTitle(ctx, t.text) || possessiveTitleRun(ctx, i, b))) { j += 2; continue; }
        if (CAP_WORD.test(u.text) && !/[^.]{2}\.$/.test(u.text) && !gaz.nonNames.has(u.text) && u.text.toUpperCase() !== u.text && u.start === ctx.tokens[j - 1].end + 1) j++;
        else if (PARTICLE.test(u.text) && j + 1 < b && CAP_WORD.test(ctx.tokens[j + 1].text)) j++;
        else break;
      }
      const words = j - i;
      const start = t.start;
      const end = ctx.tokens[j - 1].end;
      i = j;
      if (words < 2 || words > 4) continue;
      if (overlapsAny(settled, start, end)) continue;
      if (inSpeech(ctx.quotes, start)) continue;
      const ofTitle = titleAroundOf(ctx, start, end, settled) ?? colonTitle(ctx, start, end, settled);
      if (ofTitle) {
        ctx.cands.push({ start: ofTitle.start, end: ofTitle.start + ofTitle.name.length, type: 'work', canonical: ofTitle.name, detector: 'title-evidence', confidence: 0.55, priority: PRIORITY.name, ref: 'name' });
        continue;
      }
      const name = cleanName(ctx.text.slice(start, end));
      const last = name.split(/[^\S\n]+/).pop() ?? '';
      const known = settled.find((c) => c.ref === 'name' && c.canonical === name && c.type !== 'person');
      if (known) {
        ctx.cands.push(moved(known, start, start + name.length, 'names-propagated', PRIORITY.name, known.confidence, false, false));
      } else if (gaz.placeSuffixes.has(last)) {
        ctx.cands.push({ start, end: start + name.length, type: 'place', canonical: name, detector: 'names', confidence: 0.6, priority: PRIORITY.name, ref: 'name' });
      } else if (gaz.orgSuffixes.has(last)) {
        ctx.cands.push({ start, end: start + name.length, type: 'organization', subtype: 'company', canonical: name, detector: 'names', confidence: 0.6, priority: PRIORITY.name, ref: 'name' });
      } else {
        // a run with a possessive inside ("Charlotte's Web") is judged by title evidence alone
        const kind = /['’]s[^\S\n]/u.test(name) ? (titleEvidence(ctx, name) ? 'work' : 'unknown') : personOrTitle(ctx, name, start);
        // a run with a possessive inside is no personal name: a title with evidence, else nothing
        if (/['’]s[^\S\n]/u.test(name) && kind !== 'work') continue;
        if (kind === 'work') {
          // "The Da Vinci Code has been translated": a title opening a sentence keeps its "The"
          const the = /(?:^|[^\p{L}\p{N}'’-])(The[^\S\n]+)$/u.exec(ctx.text.slice(Math.max(0, start - 5), start));
          const from = the ? start - the[1].length : start;
          const full = ctx.text.slice(from, start) + name;
          ctx.cands.push({ start: from, end: from + full.length, type: 'work', canonical: full, detector: 'title-evidence', confidence: 0.55, priority: PRIORITY.name, ref: 'name' });
        }
        else ctx.cands.push({ start, end: start + name.length, type: 'person', canonical: name, detector: 'names', confidence: kind === 'person' ? 0.7 : 0.5, priority: PRIORITY.name, ref: 'name' });
      }
    }
  }
}

function detectPlaces(ctx: Ctx): void {
  const gaz = getGazetteer();
  PLACE_CUE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PLACE_CUE.exec(ctx.text)) !== null) {
    const name = m[1];
    if (gaz.nonNames.has(name.split(' ')[0]) || gaz.entries.has(name)) continue;
    const start = m.index + m[0].length - name.length;
    if (inHeading(ctx, start) || inSpeech(ctx.quotes, start)) continue;
    ctx.cands.push({ start, end: start + name.length, type: 'place', canonical: name, detector: 'place-cue', confidence: 0.6, priority: PRIORITY.name - 1, ref: 'name' });
  }
}

function detectHandles(ctx: Ctx, persons: readonly Candidate[]): void {
  HANDLE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const gaz = getGazetteer();
  while ((m = HANDLE.exec(ctx.text)) !== null) {
    const handle = m[1].toLowerCase();
    const org = [...gaz.entries.entries()].find(([k, e]) => e.type === 'organization' && k.toLowerCase().replace(/\W/g, '') === handle);
    if (org) {
      ctx.cands.push({ start: m.index, end: m.index + m[0].length, type: 'organization', subtype: org[1].subtype, canonical: org[1].canonical, detector: 'handle', confidence: 0.8, priority: PRIORITY.handle, ref: 'handle' });
      continue;
    }
    let best: { name: string; score: number } | null = null;
    for (const p of persons) {
      const parts = p.canonical.toLowerCase().split(/[^\S\n]+/);
      let score = 0;
      for (const part of parts) if (part.length >= 4 && handle.includes(part)) score += 2;
      // nicknames: "liz" in "thisislizallen" for Elizabeth
      const first = parts[0] ?? '';
      if (first.length >= 5) for (let k = 0; k + 3 <= first.length; k++) if (handle.includes(first.slice(k, k + 3)) && k > 0) { score += 1; break; }
      if (score >= 2 && (!best || score > best.score)) best = { name: p.canonical, score };
    }
    if (best) ctx.cands.push({ start: m.index, end: m.index + m[0].length, type: 'person', canonical: best.name, detector: 'handle', confidence: 0.7, priority: PRIORITY.handle, ref: 'handle' });
  }
}

/** Later occurrences of names already found: full strings, and surnames/first names of persons. */
function propagate(ctx: Ctx, found: readonly Candidate[]): void {
  const forms = new Map<string, Candidate>();
  const firstNames = new Map<string, Set<string>>();
  const gaz = getGazetteer();
  for (const c of found) {
    if (c.ref !== 'name' || c.canonical === '') continue;
    const surface = ctx.text.slice(c.start, c.end);
    if (!forms.has(surface)) forms.set(surface, c);
    // "The Da Vinci Code" is also "Da Vinci Code" (two words or more without the article)
    if (c.type === 'work' && /^The[^\S\n]+\S+[^\S\n]+\S/.test(surface)) {
      const bare = surface.replace(/^The[^\S\n]+/, '');
      if (!forms.has(bare)) forms.set(bare, c);
    }
    if (c.type === 'person') {
      const parts = c.canonical.split(/[^\S\n]+/);
      if (parts.length >= 2) {
        const last = parts[parts.length - 1];
        if (!forms.has(last) && !gaz.nonNames.has(last)) forms.set(last, c);
        const set = firstNames.get(parts[0]) ?? new Set<string>();
        set.add(c.canonical);
        firstNames.set(parts[0], set);
      }
    }
  }
  for (const [first, set] of firstNames) {
    if (set.size !== 1 || forms.has(first) || gaz.nonNames.has(first)) continue;
    const canonical = [...set][0];
    const c = found.find((f) => f.canonical === canonical && f.type === 'person');
    if (c) forms.set(first, c);
  }
  if (forms.size === 0) return;
  // index the forms by their first word, then try them at every capitalised token (no big regex)
  const byFirst = new Map<string, string[]>();
  for (const k of forms.keys()) {
    if (k.length < 2) continue;
    const first = /^[^\s]+/.exec(k)?.[0] ?? k;
    const key = first.replace(/['’].*$/, '');
    byFirst.set(key, [...(byFirst.get(key) ?? []), k].sort((a, b) => b.length - a.length));
  }
  const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  // visit only the tokens that open a form (from the document's token index), in text order
  const hits: number[] = [];
  for (const key of byFirst.keys()) for (const i of tokensWithText(ctx, key)) hits.push(i);
  hits.sort((a, b) => a - b);
  for (const i of hits) {
    const t = ctx.tokens[i];
    const list = byFirst.get(t.text)!;
    // not inside a word, a handle or a hyphenated compound ("Man" of "Iron Man" in "Spider-Man")
    if (t.start > 0 && (isWordChar(ctx.text[t.start - 1]) || ctx.text[t.start - 1] === '@' || (ctx.text[t.start - 1] === '-' && isWordChar(ctx.text[t.start - 2])))) continue;
    for (const form of list) {
      if (!ctx.text.startsWith(form, t.start) || isWordChar(ctx.text[t.start + form.length])) continue;
      const c = forms.get(form)!;
      ctx.cands.push(moved(c, t.start, t.start + form.length, 'names-propagated', PRIORITY.propagated, Math.min(c.confidence, 0.8), false, c.background));
      break;
    }
  }
}

function detectReferences(ctx: Ctx): void {
  const { text } = ctx;
  let m: RegExpExecArray | null;
  PRONOUN.lastIndex = 0;
  while ((m = PRONOUN.exec(text)) !== null) {
    if (inSpeech(ctx.quotes, m.index)) continue;
    const g = m[1].toLowerCase() === 'she' ? 'f' : 'm';
    ctx.cands.push({ start: m.index, end: m.index + m[0].length, type: 'person', canonical: '', detector: 'coref-pronoun', confidence: 0.7, priority: PRIORITY.reference, ref: 'pronoun', gender: g });
  }
  PERSON_DESCRIPTOR.lastIndex = 0;
  while ((m = PERSON_DESCRIPTOR.exec(text)) !== null) {
    if (inSpeech(ctx.quotes, m.index)) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
    if (/^[^\S\n]+\p{Lu}/u.test(after) || /^['’]/.test(after)) continue; // appositive name follows, or possessive
    const role = m[2];
    ctx.cands.push({ start: m.index, end: m.index + m[0].length, type: 'person', canonical: '', detector: 'coref-descriptor', confidence: 0.65, priority: PRIORITY.reference, ref: 'descriptor', gender: FEMALE_ROLE.has(role) ? 'f' : MALE_ROLE.has(role) ? 'm' : undefined, role });
  }
  WORK_DESCRIPTOR.lastIndex = 0;
  while ((m = WORK_DESCRIPTOR.exec(text)) !== null) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    if (/^,?[^\S\n]*[“"‘]?\p{Lu}/u.test(after) && !/^['’]/.test(after)) continue;
    const noun = m[1];
    const wants = noun === 'music video' ? 'music_video' : noun === 'soundtrack' ? 'soundtrack' : noun === 'sequel' ? 'sequel' : SUBTYPE_CUES[noun] ?? 'film';
    ctx.cands.push({ start: m.index, end: m.index + m[0].length, type: 'work', canonical: '', detector: 'coref-work', confidence: 0.6, priority: PRIORITY.reference, ref: 'work-descriptor', wants });
  }
  IT_WORK.lastIndex = 0;
  while ((m = IT_WORK.exec(text)) !== null) {
    ctx.cands.push({ start: m.index, end: m.index + 2, type: 'work', canonical: '', detector: 'coref-it', confidence: 0.55, priority: PRIORITY.reference, ref: 'it' });
  }
}

/** Music videos: "a music video for (the piano version of) “X”" names the video of song X. */
function detectMusicVideos(ctx: Ctx): void {
  if (!ctx.text.includes('music video for')) return;
  const re = /\b(?:a|the|an|official|new)[^\S\n]+(?:[\p{Ll}-]+[^\S\n]+)?music video for (?:the [\p{Ll} ]+ of )?[“"‘]([^”"’]+)[”"’]/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(ctx.text)) !== null) {
    const song = cleanName(m[1]);
    const mv = m[0].indexOf('music video');
    const start = m.index + mv;
    ctx.cands.push({ start, end: start + 'music video'.length, type: 'work', subtype: 'music_video', canonical: `${song} (music video)`, detector: 'title-music-video', confidence: 0.8, priority: PRIORITY.contextTitle, ref: 'name', cued: true });
  }
}

/**
 * Every mention candidate of the document, settled (no overlaps), references still unresolved.
 * @param text - document text; sentences/tokens from `nlp.wink.v1`; quotations from `findQuotations`.
 */
export function detectCandidates(text: string, sentences: readonly Sentence[], tokens: readonly Token[], quotes: readonly Quotation[]): Candidate[] {
  const ctx: Ctx = { text, sentences, tokens, quotes, headings: new Set(), cands: [] };
  detectHeadings(ctx);
  detectQuotedTitles(ctx);
  detectGazetteer(ctx);
  detectRolePersons(ctx);
  detectContextTitles(ctx);
  detectMusicVideos(ctx);
  detectCharacters(ctx);
  const first = settle(ctx.cands);
  for (const c of first) {
    if (c.type !== 'work' || c.ref !== 'name' || c.cued) continue;
    const m = APPOSITIVE_CUE.exec(text.slice(c.end, c.end + 70));
    if (m) {
      c.subtype = SUBTYPE_CUES[m[1]] ?? c.subtype;
      c.cued = true;
    }
  }
  ctx.cands = first;
  // later occurrences of titles and characters first, so name runs never split a known title
  propagate(ctx, first.filter((c) => c.type !== 'person'));
  ctx.cands = settle(ctx.cands);
  detectNameRuns(ctx);
  detectPlaces(ctx);
  const second = settle(ctx.cands);
  ctx.cands = second;
  detectHandles(ctx, second.filter((c) => c.type === 'person' && c.ref === 'name'));
  propagate(ctx, second);
  detectReferences(ctx);
  return settle(ctx.cands);
}

export { CAP };
