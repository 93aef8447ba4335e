/**
 * @module Credit patterns: cast (with character), director, director of photography, executive
 * producer, producer, screenwriter, songwriter, performer. Coordinated lists give one claim each
 * ("co-wrote the soundtrack with A, B, C and D" → five songwriter claims).
 */
import type { ClaimArg, Mention } from '../../model/types.js';
import { type ClaimContext, type PatternModule, type SentenceView, listSlots, pattern } from './context.js';
import { FILMISH, eachMatch, personBefore, subjectPerson, workFor } from './helpers.js';

const AP = `['’‘]`;
const ADJ = String.raw`(?:[\p{Ll}-]+\s+){0,3}`;

// cast --------------------------------------------------------------------------------------
const CAST_CUE = /\b(?:star|stars|starring|starred|cast|plays|played|playing|role|alongside|co-stars?|returns|returning|return|reprises|reprising)\b/;
const P_AS_C = pattern(String.raw`{P}\s+(?:(?:also\s+|once\s+again\s+)?(?:stars|starred|starring|is|was|cast|is cast|was cast|returns|returned|returning|will return|is returning|reprises\s+(?:her|his|their)\s+role|reprising\s+(?:her|his|their)\s+role)\s+)?(?:opposite\s+(?:her|him|them|«P\d+»)\s+)?as\s+(?:the\s+|a\s+|an\s+)?${ADJ}{C}(?!['’]s\s)`);
const P_PAREN_C = pattern(String.raw`{P}\s+\(\s*{C}\s*\)`);
const PLAYS_C = pattern(String.raw`{P}\s+(?:who\s+)?(?:also\s+)?(?:plays|played|portrays|portrayed|is playing|will play|will portray|is to play|is set to play|voices|voiced|will voice|is voicing|is to voice)\s+(?:the\s+)?{C}(?!\s+(?:in|from|on)\s|['’]s\s)`);
const PLAYS_C_IN_W = pattern(String.raw`{P}[^«]{0,40}?\b(?:plays|played|playing|portrays|portrayed|voices|voiced)\s+{C}\s+(?:in|from|on)\s+(?:the\s+)?(?:«D\d+»\s+)?(?:${ADJ})?{W}`);
/** "plays Tom's daughter Morwenna", "cast as Tom's daughter, Morwenna": the named relative is the character. */
const KIN = 'daughter|son|wife|husband|mother|father|sister|brother|girlfriend|boyfriend|fiancée|fiancee|fiancé|fiance|widow|widower|niece|nephew|aunt|uncle|grandmother|grandfather|granddaughter|grandson|stepdaughter|stepson|stepmother|stepfather|partner|best friend|friend|rival|boss|assistant|lover';
const PLAYS_KIN = pattern(String.raw`{P}[^«.]{0,50}?\b(?:as|plays|played|playing|portrays|portrayed|voices|voiced)\s+(?:the\s+)?(?:{C}|(\p{Lu}\p{Ll}+))['’]s\s+(?:[\p{Ll}-]+\s+){0,2}(?:${KIN}),?\s+(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)?)(?![\p{L}«])`);
/** "Stone was not in Stone Country", "she was in Cinderella": being in a film is a cast statement (negated when it says so). */
const WAS_IN_W = pattern(String.raw`{P}\s+(?:was|is|has been|had been|were)\s+(?:(?:not|never|also|even)\s+)?in\s+(?:the\s+)?(?:(?:film|movie|series|show)\s+)?{W}(?!\s*(?:['’]s|at|on)\b)`);
const ROLE_OF_C = pattern(String.raw`{P}[^«]{0,40}?\b(?:takes on|took on|taking on|landed|plays|play|lands|won|stepping into|steps into|stepped into|step into|taking over|takes over|took over|reprises|reprising|reprised|assumes|assumed|inherits|inherited)\s+the\s+(?:[\p{Ll}-]+\s+)?(?:role|part)\s+of\s+${ADJ}{C}(?:\s+in\s+(?:the\s+)?(?:(?:«L\d+»|[\p{L}-]+)\s+){0,3}?(?:of\s+)?{W})?`);
/** "Stephen Fry will provide the voice of The Guide": a voice role (the voiced name is a character). */
const VOICE_OF = pattern(String.raw`{P}[^«.]{0,30}?\b(?:provide|provides|provided|providing|do|does|did|doing|lend|lends|lent|lending)\s+(?:his|her|their|the)\s+voice\s+(?:of|to)\s+{X}`);
const W_STAR_P = pattern(String.raw`{W}\s*{P}`);
const W_STAR_NAME = pattern(String.raw`{W}\s+(?:star|actor|actress|co-star)\s+{P}`);
const STARRED_IN_W = pattern(String.raw`{P}[^«]{0,60}?\b(?:starred|stars|starring|appeared|appears|co-starred|co-stars|cameo|will star|to star|will appear)\s+in\s+(?:the\s+)?(?:${ADJ})?{W}`);
const ROLE_IN_W = pattern(String.raw`\b(?:role|part|turn|cameo)\s+(?:as\s+{C}\s+)?in\s+(?:(?:the|a)\s+)?(?:{O}${AP}s\s+)?(?:[\p{L}-]+\s+){0,2}?{W}`);
const ALONGSIDE = pattern(String.raw`\balongside\s+{P+}`);
const SET_TO_STAR = pattern(String.raw`{P}\s+(?:was|is|has been|were|are)\s+(?:set|confirmed|cast|signed|tapped|attached)\s+to\s+(?:star|appear|lead)\s+(?:in\s+)?(?:{W})?`);
const WAS_CAST = pattern(String.raw`\b(?:was|were|has been|have been|is|are|had been)\s+cast\b(?:\s+as\s+(?:the\s+|a\s+|an\s+)?${ADJ}{C})?`);
const PROMOTE_W = pattern(String.raw`\b(?:promote|promoting|promotes|preparing for|filming|shooting|star in|stars in)\s+(?:(?:his|her|their)\s+(?:latest|new|upcoming|next)?\s*(?:movie|film|series|show)?,?\s*)?{W}`);
const LEAD_ROLE = pattern(String.raw`\b(?:leading|lead|starring|main)\s+role\s+(?:in|for)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}(?:{O}\s+)?(?:movie|film|series|show)?,?\s*{W}`);
const C_PLAYED_BY = pattern(String.raw`{C},?\s+(?:played|portrayed|voiced)\s+by\s+{P}`);
const TIME_IN_W = pattern(String.raw`\b(?:his|her|their)\s+(?:time|stint|days|years|run|work)\s+(?:in|on)\s+(?:the\s+)?{W}`);
const W_WITH_P = pattern(String.raw`{W}\s+(?:with|alongside|opposite)\s+{P+}`);
const KNOWN_FOR_W = pattern(String.raw`{P},?\s+(?:who\s+is\s+)?(?:best\s+|mostly\s+|perhaps\s+)?known\s+for\s+(?:(?:his|her|their)\s+(?:role|part|turn)\s+in\s+)?(?:the\s+)?(?:{O}\s+)?(?:[\p{Ll}-]+\s+){0,2}{W}`);
const STARS_P = pattern(String.raw`{W}[^«]{0,30}?\b(?:stars|starring|features|starred)\s+{P+}`);

// crew --------------------------------------------------------------------------------------
const WILL_DIRECT = pattern(String.raw`\b(?:will|is set to|is to|is due to|signed on to|has signed to|is attached to)\s+direct\b(?:\s+{W})?`);
const SCREENPLAY_CO = pattern(String.raw`\b(?:screenplay|script)\s+(?:that\s+)?{P}\s+(?:co-wrote|wrote|co-writes|penned|is writing|co-penned)(?:\s+with\s+{P+})?`);
/** "with Goldeneye director Martin Campbell behind the camera". */
const BEHIND_CAMERA = pattern(String.raw`{P}\s+(?:is\s+|will\s+be\s+|was\s+)?behind\s+the\s+camera`);
const DIRECTED_BY = pattern(String.raw`\b(?:directed|helmed)\s+by\s+{P}`);
const P_DIRECTED_W = pattern(String.raw`{P}(?:,\s+who)?\s+(?:also\s+)?(?:directed|directs|will direct|is directing|helmed|helms)\s+(?:the\s+)?{W}`);
/** "took the best director prize for W", "the director award went to P for W": the prize names the film's director. */
const BEST_DIRECTOR_FOR = pattern(String.raw`{P}\s+(?:won|wins|took|takes|picked\s+up|collected|scooped|received)\s+(?:the\s+|his\s+|her\s+)?best\s+director\s+(?:prize|award|Oscar|trophy|honour)?\s*for\s+{W}|\b(?:best\s+)?director\s+(?:prize|award|Oscar|trophy|honour)\s+(?:went|goes|has gone)\s+to\s+{P}\s+for\s+{W}`);
const W_DIRECTOR_P = pattern(String.raw`{W}(?:${AP}s)?\s+(?:director|filmmaker|film-maker),?\s+{P}`);
const DIRECTOR_OF_W = pattern(String.raw`\bdirector\s+of\s+{W},?\s+{P}`);
const CREDITS_INCLUDE = pattern(String.raw`\b(?:credits|films|works|movies)\s+(?:include|including)\s+{W+}`);
const WHOSE_LAST = pattern(String.raw`{P},?\s+whose\s+(?:last|latest|previous|recent|first|debut)\s+(?:feature|film|movie)\s+(?:was|is)\s+(?:the\s+|a\s+)?(?:[\p{Ll}-]+\s+){0,3}{W}`);
const ROLE_DIRECTOR = pattern(String.raw`(?:^|[.!?]\s+)(?:Director|Film-maker|Filmmaker)\s+{P}`);
const SHOT_BY = pattern(String.raw`\b(?:shot|filmed|lensed|photographed)\s+by\s+{P}`);
const DOP = pattern(String.raw`\b(?:cinematographer|director of photography|DoP)\s*,?\s+{P}`);
const EXEC_PRODUCER = pattern(String.raw`{P}(?:${AP}s|\s+is|\s+was|\s+will be|\s+serves as|\s+served as)\s+(?:also\s+)?(?:an?\s+|the\s+)?executive[ -]producer`);
const EXEC_PRODUCED = pattern(String.raw`{P}\s+(?:also\s+)?(?:executive[ -]produced|executive[ -]produces)\s+{W}`);
const PRODUCER_OF = pattern(String.raw`{P}[^«]{0,30}?\b(?:produced|co-produced|produces)\s+{W}|{W},?\s+which\s+{P}\s+(?:also\s+)?(?:produced|co-produced)`);
const WROTE_SCREENPLAY = pattern(String.raw`{P}\s+(?:also\s+)?(?:wrote|co-wrote|penned|writes)\s+the\s+(?:screenplay|script)\s+(?:for|of)\s+{W}|(?:screenplay|script)\s+(?:by|from)\s+{P}`);

// music -------------------------------------------------------------------------------------
const COWROTE_WITH = pattern(String.raw`{P}\s+(?:also\s+|is\s+|was\s+|will\s+be\s+)*(?:co-wrote|co-writes|co-written|co-writing|wrote|writes|writing|co-penned|penned)\s+(?:the\s+|all\s+the\s+|every\s+)?{W}\s+(?:with|alongside)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}{P+}`);
const WRITE_PERFORM_SONGS = pattern(String.raw`{P}(?:(?!«P\d)[^.]){0,160}?\b(?:write|wrote|co-write|writing)\s+and\s+(?:perform|performed|performing|sing|sang|record)\s+(?:the\s+|original\s+|new\s+|all\s+the\s+)*songs\s+(?:for|in)\s+{W}`);
const WROTE_SONGS_FOR = pattern(String.raw`{P}\s+(?:also\s+)?(?:co-wrote|wrote|writes|penned)\s+(?:several|many|some|all|the|four|five|two|three|six|[\p{Ll}]+)?\s*(?:original\s+)?songs\s+(?:for|on)\s+{W}`);
const WRITE_AND_PERFORM = pattern(String.raw`{P}[^«]{0,40}?\b(?:write|wrote|co-wrote|writing)\s+and\s+(?:perform|performed|performing|sing|sang|record|recorded)\s+{W}${AP}s\s+(?:[\p{Ll}-]+\s+)?soundtrack`);
const SONG_BY = pattern(String.raw`{W}\s+by\s+{P}`);
const P_RELEASES_SONG = pattern(String.raw`{P}\s+(?:releases|released|releasing|sings|sang|performs|performed|records|recorded|drops|dropped|unveils|unveiled)\s+(?:(?:his|her|their|the|a)\s+)?(?:[\p{Ll}-]+\s+){0,2}(?:song|single|track|ballad|album)?,?\s*{W}`);
const P_POSS_SONG = pattern(String.raw`{P}${AP}s\s+(?:[\p{Ll}-]+\s+){0,2}(?:single|song|album|track|hit|record|debut),?\s+{W}`);
const W_SONGSTRESS = pattern(String.raw`{W}\s*{P}`);
/** "the song was written for the soundtrack by Okafor with Theo Marchetti and Kenji Ward": songwriters of a song. */
const SONG_WRITTEN_BY = pattern(String.raw`{W}\s+(?:was|is|were|has\s+been|had\s+been)\s+(?:co-)?written\s+(?:for\s+(?:the\s+)?(?:«W\d+»|[\p{Ll}-]+)\s+)?by\s+{P+}(?:\s+(?:with|alongside)\s+{P+})?`);
/** "Rapper Eminem ..., after his song, Like Toy Soldiers, stormed ...": the sentence's subject sings it. */
const HIS_SONG = pattern(String.raw`{P}[^«.]{0,80}?\b(?:his|her|their)\s+(?:new\s+|latest\s+|debut\s+|hit\s+|current\s+)?(?:song|single|track|album|record),?\s+{W}`);
/** "Like Toy Soldiers, from Eminem's Encore album": a track of a performer's album. */
const FROM_P_ALBUM = pattern(String.raw`{W},?\s+(?:taken\s+)?(?:from|off)\s+{P}['’]s\s+(?:[\p{L}-]+\s+){0,3}(?:album|LP|EP|record)`);
const ME_PERFORMING = /\bme\s+(?:performing|singing)\s+«W(\d+)»/gu;

const isMusic = (m?: Mention) => !!m && (m.subtype === 'song' || m.subtype === 'album' || m.subtype === 'soundtrack');

function emitRel(ctx: ClaimContext, v: SentenceView, predicate: string, subject: Mention | ClaimArg | undefined, object: Mention | ClaimArg | undefined, m: RegExpExecArray, confidence: number, qualifiers: Record<string, string | number> = {}): void {
  if (!subject || !object) return;
  const s = 'id' in subject ? ctx.arg(subject) : subject;
  const o = 'id' in object ? ctx.arg(object) : object;
  const tplStart = m.index;
  const tplEnd = m.index + m[0].length;
  ctx.emit(v, { predicate, subject: s, object: o, qualifiers, confidence, tplStart, tplEnd });
}

const soundtrackOf = (film: Mention): ClaimArg => ({ name: `${film.canonical} (soundtrack)`, type: 'work', subtype: 'soundtrack' });

/** Cast members (with character). */
export const castPatterns: PatternModule = (ctx) => {
  const char = (v: SentenceView, i: string) => ctx.slot(v, i).mention;
  const person = (v: SentenceView, i: string) => ctx.slot(v, i).mention;
  for (const re of [P_AS_C, P_PAREN_C]) {
    eachMatch(ctx, re, (v, m, idx) => {
      const p = person(v, m[1]);
      const c = char(v, m[2]);
      if (p?.type !== 'person' || c?.type !== 'character') return;
      emitRel(ctx, v, 'cast_member', workFor(ctx, v, idx, m.index), p, m, 0.85, { character: c.canonical });
    }, CAST_CUE);
  }
  eachMatch(ctx, PLAYS_C_IN_W, (v, m) => {
    const p = person(v, m[1]);
    const c = char(v, m[2]);
    const w = ctx.slot(v, m[3]).mention;
    if (c?.type !== 'character') return;
    emitRel(ctx, v, 'cast_member', w, p, m, 0.85, { character: c.canonical });
  });
  eachMatch(ctx, PLAYS_C, (v, m, idx) => {
    const c = char(v, m[2]);
    if (c?.type !== 'character') return;
    // "The actor who will voice Wilbur has yet to be revealed": nobody is named
    const p = person(v, m[1]);
    if (p?.detector.startsWith('coref-descriptor') && /^«P\d+»\s+who\b/.test(m[0])) return;
    if (/\b(?:yet to be|not yet been|still to be)\s+(?:revealed|announced|named|cast|confirmed|decided)\b/.test(v.tpl)) return;
    emitRel(ctx, v, 'cast_member', workFor(ctx, v, idx, m.index), person(v, m[1]), m, 0.8, { character: c.canonical });
  });
  eachMatch(ctx, PLAYS_KIN, (v, m, idx) => {
    // the relative is a character slot, or a plain capitalised name the mention layer left alone
    const c = m[2] ? char(v, m[2]) : undefined;
    if (person(v, m[1])?.type !== 'person' || (m[2] && c?.type !== 'character')) return;
    const name = m[4];
    if (name === (c?.canonical ?? m[3]) || /^(?:The|A|An|In|On|At|Who|Which|And|But)$/.test(name.split(/\s+/)[0])) return;
    emitRel(ctx, v, 'cast_member', workFor(ctx, v, idx, m.index), person(v, m[1]), m, 0.75, { character: name });
  });
  eachMatch(ctx, WAS_IN_W, (v, m) => {
    const w = ctx.slot(v, m[2]).mention;
    if (!w || !FILMISH.has(w.subtype ?? '')) return;
    emitRel(ctx, v, 'cast_member', w, person(v, m[1]), m, 0.7);
  });
  eachMatch(ctx, ROLE_OF_C, (v, m, idx) => {
    const c = char(v, m[2]);
    if (c?.type !== 'character') return;
    // "the role of Tom in the Broadway revival of The Glass Menagerie": the work named after the role
    const named = m[3] ? ctx.slot(v, m[3]).mention : undefined;
    emitRel(ctx, v, 'cast_member', named ?? workFor(ctx, v, idx), person(v, m[1]), m, 0.8, { character: c.canonical });
  });
  eachMatch(ctx, VOICE_OF, (v, m, idx) => {
    const voiced = ctx.slot(v, m[2]).mention;
    // a voiced thing typed as a film or series is the work itself ("the voice of Shrek 2"), not a role
    if (!voiced || voiced.type === 'organization' || voiced.type === 'place' || (voiced.type === 'work' && FILMISH.has(voiced.subtype ?? ''))) return;
    const w = workFor(ctx, v, idx, m.index);
    if (!w) return;
    emitRel(ctx, v, 'cast_member', w, person(v, m[1]), m, 0.7, { character: voiced.canonical });
  });
  for (const re of [W_STAR_P, W_STAR_NAME]) {
    eachMatch(ctx, re, (v, m) => {
      const w = ctx.slot(v, m[1]).mention;
      const p = person(v, m[2]);
      if (!w || !FILMISH.has(w.subtype ?? '')) return;
      if (re === W_STAR_P && p?.detector !== 'coref-title-descriptor') return;
      if (re === W_STAR_P && p && /^(?:singer|songstress|rapper|frontman|hitmaker)$/.test(p.text)) return;
      emitRel(ctx, v, 'cast_member', w, p, m, 0.75);
    });
  }
  eachMatch(ctx, STARRED_IN_W, (v, m) => {
    const w = ctx.slot(v, m[2]).mention;
    if (!w || !FILMISH.has(w.subtype ?? '')) return;
    emitRel(ctx, v, 'cast_member', w, person(v, m[1]), m, 0.8);
  });
  eachMatch(ctx, ROLE_IN_W, (v, m) => {
    const w = ctx.slot(v, m[3]).mention;
    const p = personBefore(v, m.index);
    if (!w || !FILMISH.has(w.subtype ?? '') || !p?.mention) return;
    const c = m[1] ? char(v, m[1]) : undefined;
    emitRel(ctx, v, 'cast_member', w, p.mention, { ...m, index: p.tplStart, 0: v.tpl.slice(p.tplStart, m.index + m[0].length) } as RegExpExecArray, 0.75, c ? { character: c.canonical } : {});
  });
  eachMatch(ctx, ALONGSIDE, (v, m, idx) => {
    const w = workFor(ctx, v, idx, m.index);
    const subj = subjectPerson(v, m.index);
    const ids = listSlots(m[1]);
    if (!subj?.mention) return;
    const span = { ...m, index: subj.tplStart, 0: v.tpl.slice(subj.tplStart, m.index + m[0].length) } as RegExpExecArray;
    emitRel(ctx, v, 'cast_member', w, subj.mention, span, 0.75);
    for (const i of ids) emitRel(ctx, v, 'cast_member', w, v.slots[i].mention, span, 0.75);
  }, /\b(?:star|stars|starred|starring|cast|co-stars?|role)\b/);
  eachMatch(ctx, SET_TO_STAR, (v, m, idx) => {
    const w = m[2] ? ctx.slot(v, m[2]).mention : workFor(ctx, v, idx, m.index);
    emitRel(ctx, v, 'cast_member', w, person(v, m[1]), m, 0.75);
  });
  eachMatch(ctx, WAS_CAST, (v, m, idx) => {
    const c = m[1] ? char(v, m[1]) : undefined;
    const subj = subjectPerson(v, m.index);
    if (!subj?.mention) return;
    const span = { ...m, index: subj.tplStart, 0: v.tpl.slice(subj.tplStart, m.index + m[0].length) } as RegExpExecArray;
    emitRel(ctx, v, 'cast_member', workFor(ctx, v, idx, m.index), subj.mention, span, 0.75, c?.type === 'character' ? { character: c.canonical } : {});
  });
  for (const re of [PROMOTE_W, LEAD_ROLE]) {
    eachMatch(ctx, re, (v, m) => {
      const w = ctx.slot(v, m[m.length - 1] ?? m[1]).mention;
      // "to promote her latest movie" belongs to the sentence's subject; "his lead role in" to the nearest name
      const subj = re === LEAD_ROLE ? personBefore(v, m.index) : subjectPerson(v, m.index);
      if (!w || !FILMISH.has(w.subtype ?? '') || !subj?.mention) return;
      const span = { ...m, index: subj.tplStart, 0: v.tpl.slice(subj.tplStart, m.index + m[0].length) } as RegExpExecArray;
      emitRel(ctx, v, 'cast_member', w, subj.mention, span, 0.7);
    });
  }
  eachMatch(ctx, TIME_IN_W, (v, m) => {
    const w = ctx.slot(v, m[1]).mention;
    const subj = subjectPerson(v, m.index);
    if (!w || !FILMISH.has(w.subtype ?? '') || !subj?.mention) return;
    const span = { ...m, index: subj.tplStart, 0: v.tpl.slice(subj.tplStart, m.index + m[0].length) } as RegExpExecArray;
    emitRel(ctx, v, 'cast_member', w, subj.mention, span, 0.7);
  }, /\b(?:actress|actor|star|familiar|role|played|starred)\b/);
  eachMatch(ctx, W_WITH_P, (v, m) => {
    const w = ctx.slot(v, m[1]).mention;
    if (!w || !FILMISH.has(w.subtype ?? '')) return;
    // only where the sentence is about a role in that work ("his role in Cinderella with Camilla Cabello")
    if (!/\b(?:role|starred|starring|stars|cast|played|appeared)\b[^.]{0,60}$/.test(v.tpl.slice(Math.max(0, m.index - 70), m.index))) return;
    for (const i of listSlots(m[2])) emitRel(ctx, v, 'cast_member', w, v.slots[i].mention, m, 0.7);
  });
  eachMatch(ctx, KNOWN_FOR_W, (v, m) => {
    const w = ctx.slot(v, m[m.length - 1]).mention;
    const p = person(v, m[1]);
    // "known for directing X" or "for writing X" is not a role
    if (!w || !FILMISH.has(w.subtype ?? '') || /\b(?:direct|writ|produc|creat)/.test(m[0])) return;
    emitRel(ctx, v, 'cast_member', w, p, m, 0.65);
  });
  eachMatch(ctx, C_PLAYED_BY, (v, m, idx) => {
    const c = char(v, m[1]);
    emitRel(ctx, v, 'cast_member', workFor(ctx, v, idx, m.index), person(v, m[2]), m, 0.8, c ? { character: c.canonical } : {});
  });
  eachMatch(ctx, STARS_P, (v, m) => {
    const w = ctx.slot(v, m[1]).mention;
    if (!w || !FILMISH.has(w.subtype ?? '')) return;
    for (const i of listSlots(m[2])) {
      const after = v.tpl.slice(v.slots[i].tplEnd, v.slots[i].tplEnd + 6);
      if (/^\s+as\s/.test(after) || /^\s*\(/.test(after)) continue; // handled with the character
      emitRel(ctx, v, 'cast_member', w, v.slots[i].mention, m, 0.8);
    }
  });
};

/** Directors, cinematographers, producers, screenwriters. */
export const crewPatterns: PatternModule = (ctx) => {
  eachMatch(ctx, DIRECTED_BY, (v, m, idx) => {
    // the sentence's first work is the thing directed ("the music video for “X” was directed by")
    const works = v.slots.filter((s) => s.kind === 'W' && s.tplEnd <= m.index && s.mention?.detector !== 'title-credit');
    const w = works.length > 0 ? works[0].mention : workFor(ctx, v, idx, m.index);
    const start = works.length > 0 ? works[0].tplStart : m.index;
    emitRel(ctx, v, 'director', w, ctx.slot(v, m[1]).mention, { ...m, index: start, 0: v.tpl.slice(start, m.index + m[0].length) } as RegExpExecArray, 0.85);
  });
  eachMatch(ctx, BEHIND_CAMERA, (v, m, idx) => {
    // the film the sentence is about: its first film or series, else the recent one
    const works = v.slots.filter((s) => s.kind === 'W' && s.tplEnd <= m.index && s.mention && (FILMISH.has(s.mention.subtype ?? '') || /\b(?:film|movie)\b/.test(v.tpl)));
    const w = works[0]?.mention ?? workFor(ctx, v, idx, m.index);
    if (!w) return;
    const film: ClaimArg = FILMISH.has(w.subtype ?? '') ? ctx.arg(w) : { name: w.canonical, type: 'work', subtype: 'film' };
    emitRel(ctx, v, 'director', film, ctx.slot(v, m[1]).mention, m, 0.7);
  });
  eachMatch(ctx, WILL_DIRECT, (v, m, idx) => {
    // "Brennan will direct Dry Creek": a capitalised name the mention finder did not type as a
    // work follows, so the thing directed is that title, not the article's topic.
    if (!m[1] && /^\s+(?:the\s+)?(?:\p{Lu}|«[PLOCEA])/u.test(v.tpl.slice(m.index + m[0].length))) return;
    const w = m[1] ? ctx.slot(v, m[1]).mention : workFor(ctx, v, idx, m.index);
    if (!w || !FILMISH.has(w.subtype ?? '')) return;
    const subj = subjectPerson(v, m.index);
    if (!subj?.mention) return;
    const span = { ...m, index: subj.tplStart, 0: v.tpl.slice(subj.tplStart, m.index + m[0].length) } as RegExpExecArray;
    emitRel(ctx, v, 'director', w, subj.mention, span, 0.75);
  });
  eachMatch(ctx, SCREENPLAY_CO, (v, m, idx) => {
    const w = workFor(ctx, v, idx, m.index);
    emitRel(ctx, v, 'screenwriter', w, ctx.slot(v, m[1]).mention, m, 0.75);
    if (m[2]) for (const i of listSlots(m[2])) emitRel(ctx, v, 'screenwriter', w, v.slots[i].mention, m, 0.75);
  });
  eachMatch(ctx, P_DIRECTED_W, (v, m) => emitRel(ctx, v, 'director', ctx.slot(v, m[2]).mention, ctx.slot(v, m[1]).mention, m, 0.85));
  eachMatch(ctx, BEST_DIRECTOR_FOR, (v, m) => {
    const w = ctx.slot(v, m[2] ?? m[4]).mention;
    if (w && w.subtype && !FILMISH.has(w.subtype)) return;
    emitRel(ctx, v, 'director', w, ctx.slot(v, m[1] ?? m[3]).mention, m, 0.75);
  });
  eachMatch(ctx, W_DIRECTOR_P, (v, m) => emitRel(ctx, v, 'director', ctx.slot(v, m[1]).mention, ctx.slot(v, m[2]).mention, m, 0.85));
  eachMatch(ctx, DIRECTOR_OF_W, (v, m) => emitRel(ctx, v, 'director', ctx.slot(v, m[1]).mention, ctx.slot(v, m[2]).mention, m, 0.85));
  // "Marisol Vance, whose last feature was Small Hours, will direct": a director's earlier film
  eachMatch(ctx, WHOSE_LAST, (v, m) => {
    if (!/\bdirect/.test(v.tpl)) return;
    emitRel(ctx, v, 'director', ctx.slot(v, m[2]).mention, ctx.slot(v, m[1]).mention, m, 0.65);
  });
  eachMatch(ctx, ROLE_DIRECTOR, (v, m, idx) => {
    // "Director Oliver Stone's historical epic Alexander": the possessed title, or nothing
    const poss = /^['’]s\s+(?:[\p{L}-]+\s+){0,4}?«W(\d+)»/u.exec(v.tpl.slice(m.index + m[0].length));
    if (/^['’]s\b/.test(v.tpl.slice(m.index + m[0].length)) && !poss) return;
    const w = poss ? ctx.slot(v, poss[1]).mention : workFor(ctx, v, idx);
    if (!w || w.subtype !== 'film') return;
    emitRel(ctx, v, 'director', w, ctx.slot(v, m[1]).mention, m, 0.55);
  });
  eachMatch(ctx, CREDITS_INCLUDE, (v, m) => {
    const p = v.slots.find((s) => s.kind === 'P' && s.tplEnd <= m.index);
    if (!p?.mention) return;
    const pred = /\bdirect/.test(v.tpl) ? 'director' : /\b(?:star|actor|actress|role)/.test(v.tpl) ? 'cast_member' : undefined;
    if (!pred) return;
    for (const i of listSlots(m[1])) emitRel(ctx, v, pred, v.slots[i].mention, p.mention, { ...m, index: p.tplStart, 0: v.tpl.slice(p.tplStart, m.index + m[0].length) } as RegExpExecArray, 0.6);
  });
  for (const re of [SHOT_BY, DOP]) {
    eachMatch(ctx, re, (v, m, idx) => {
      const works = v.slots.filter((s) => s.kind === 'W' && s.tplEnd <= m.index);
      const w = works.length > 0 ? works[0].mention : workFor(ctx, v, idx, m.index);
      emitRel(ctx, v, 'director_of_photography', w, ctx.slot(v, m[1]).mention, m, 0.8);
    });
  }
  eachMatch(ctx, EXEC_PRODUCER, (v, m, idx) => emitRel(ctx, v, 'executive_producer', workFor(ctx, v, idx, m.index), ctx.slot(v, m[1]).mention, m, 0.75));
  eachMatch(ctx, EXEC_PRODUCED, (v, m) => emitRel(ctx, v, 'executive_producer', ctx.slot(v, m[2]).mention, ctx.slot(v, m[1]).mention, m, 0.8));
  eachMatch(ctx, PRODUCER_OF, (v, m) => {
    const [p, w] = m[1] ? [m[1], m[2]] : [m[4], m[3]];
    const work = ctx.slot(v, w).mention;
    if (!work || !FILMISH.has(work.subtype ?? '')) return;
    emitRel(ctx, v, 'producer', work, ctx.slot(v, p).mention, m, 0.7);
  });
  eachMatch(ctx, WROTE_SCREENPLAY, (v, m, idx) => {
    if (m[1]) emitRel(ctx, v, 'screenwriter', ctx.slot(v, m[2]).mention, ctx.slot(v, m[1]).mention, m, 0.8);
    else emitRel(ctx, v, 'screenwriter', workFor(ctx, v, idx, m.index), ctx.slot(v, m[3]).mention, m, 0.7);
  });
};

/** Songwriters and performers of songs, albums and soundtracks. */
export const musicPatterns: PatternModule = (ctx) => {
  eachMatch(ctx, COWROTE_WITH, (v, m) => {
    const w = ctx.slot(v, m[2]).mention;
    if (!w || !(isMusic(w) || /song|soundtrack|music/.test(w.canonical))) return;
    emitRel(ctx, v, 'songwriter', w, ctx.slot(v, m[1]).mention, m, 0.85);
    for (const i of listSlots(m[3])) emitRel(ctx, v, 'songwriter', w, v.slots[i].mention, m, 0.85);
  });
  eachMatch(ctx, WROTE_SONGS_FOR, (v, m) => {
    const w = ctx.slot(v, m[2]).mention;
    if (!w) return;
    const target: ClaimArg | Mention = FILMISH.has(w.subtype ?? '') ? soundtrackOf(w) : w;
    emitRel(ctx, v, 'songwriter', target, ctx.slot(v, m[1]).mention, m, 0.75);
  });
  eachMatch(ctx, WRITE_AND_PERFORM, (v, m) => {
    const w = ctx.slot(v, m[2]).mention;
    if (!w || !FILMISH.has(w.subtype ?? '')) return;
    const st = soundtrackOf(w);
    emitRel(ctx, v, 'songwriter', st, ctx.slot(v, m[1]).mention, m, 0.75);
    emitRel(ctx, v, 'performer', st, ctx.slot(v, m[1]).mention, m, 0.75);
  });
  eachMatch(ctx, WRITE_PERFORM_SONGS, (v, m) => {
    const w = ctx.slot(v, m[2]).mention;
    if (!w || !FILMISH.has(w.subtype ?? '')) return;
    const st = soundtrackOf(w);
    emitRel(ctx, v, 'songwriter', st, ctx.slot(v, m[1]).mention, m, 0.7);
    emitRel(ctx, v, 'performer', st, ctx.slot(v, m[1]).mention, m, 0.7);
  });
  eachMatch(ctx, SONG_BY, (v, m) => {
    const w = ctx.slot(v, m[1]).mention;
    if (w?.subtype !== 'song' && w?.subtype !== 'album') return;
    emitRel(ctx, v, 'performer', w, ctx.slot(v, m[2]).mention, m, 0.85);
  });
  for (const re of [P_RELEASES_SONG, P_POSS_SONG]) {
    eachMatch(ctx, re, (v, m) => {
      const w = ctx.slot(v, m[2]).mention;
      if (w?.subtype !== 'song' && w?.subtype !== 'album') return;
      emitRel(ctx, v, 'performer', w, ctx.slot(v, m[1]).mention, m, 0.8);
    });
  }
  eachMatch(ctx, SONG_WRITTEN_BY, (v, m, idx) => {
    const w = ctx.slot(v, m[1]).mention;
    if (w?.subtype !== 'song' && w?.subtype !== 'album') return;
    // "The song was written by ...": "the song" must be the one named just before, not an older topic
    if (w.detector.startsWith('coref')) {
      const named = [v, ctx.views[idx - 1]].filter(Boolean).some((x) => x.slots.some((s) => s.mention && s.mention.canonical === w.canonical && !s.mention.detector.startsWith('coref')));
      if (!named) return;
    }
    for (const i of [...listSlots(m[2]), ...(m[3] ? listSlots(m[3]) : [])]) emitRel(ctx, v, 'songwriter', w, v.slots[i].mention, m, 0.8);
  });
  eachMatch(ctx, HIS_SONG, (v, m) => {
    const w = ctx.slot(v, m[2]).mention;
    // "his" must go back to the sentence's subject: the name that opens it ("Rapper Eminem has ...")
    if (!isMusic(w) || !/^(?:[\p{Lu}][\p{L}&-]*\s+){0,2}$/u.test(v.tpl.slice(0, m.index))) return;
    if (/;|\s(?:while|but|whereas)\s/.test(m[0])) return;
    // the evidence starts at the possessive, so "has denied Elvis his ..." does not negate the song
    const at = m.index + m[0].search(/\b(?:his|her|their)\s+(?:new\s+|latest\s+|debut\s+|hit\s+|current\s+)?(?:song|single|track|album|record)/);
    emitRel(ctx, v, 'performer', w, ctx.slot(v, m[1]).mention, { ...m, index: at, 0: v.tpl.slice(at, m.index + m[0].length) } as RegExpExecArray, 0.7);
  });
  eachMatch(ctx, FROM_P_ALBUM, (v, m) => {
    const w = ctx.slot(v, m[1]).mention;
    if (!isMusic(w)) return;
    emitRel(ctx, v, 'performer', w, ctx.slot(v, m[2]).mention, m, 0.7);
  });
  eachMatch(ctx, W_SONGSTRESS, (v, m) => {
    const w = ctx.slot(v, m[1]).mention;
    const p = ctx.slot(v, m[2]).mention;
    if (p?.detector !== 'coref-title-descriptor' || (w?.subtype !== 'song' && w?.subtype !== 'album')) return;
    emitRel(ctx, v, 'performer', w, p, m, 0.75);
  });
  // a speaker "performing" a song in their own words
  ctx.doc.get('quotes').forEach((q) => {
    if (!q.speaker) return;
    const speaker = ctx.mentions.find((mm) => mm.id === q.speaker);
    const idx = ctx.views.findIndex((v) => q.start >= v.sentence.start && q.start < v.sentence.end);
    for (let k = idx; k >= 0 && k < ctx.views.length && ctx.views[k].sentence.start < q.end; k++) {
      const v = ctx.views[k];
      ME_PERFORMING.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = ME_PERFORMING.exec(v.tpl)) !== null) {
        const w = ctx.slot(v, m[1]).mention;
        if (w?.subtype === 'song' && speaker) emitRel(ctx, v, 'performer', w, speaker, m, 0.7);
      }
    }
  });
};
