/**
 * @module Work-to-work and work-to-organisation patterns: based_on (with the source as its own
 * work: "based on the 2017 novel of the same name by Tess Wakefield" gives a novel entity and its
 * author), featured_in (a song in a film), distribution and broadcaster ("Netflix's X", "the
 * Netflix hit X", "available to stream on Netflix"), record label, release dates, filming
 * locations.
 */
import type { ClaimArg, Mention } from '../../model/types.js';
import { type ClaimContext, type PatternModule, type SentenceView, listSlots, pattern } from './context.js';
import { FILMISH, dateLiteral, eachMatch, workFor } from './helpers.js';

const AP = `['’‘]`;
const SOURCE_KINDS = 'novel|book|memoir|play|comic|comic book|graphic novel|short story|musical|series|game|video game';
const SOURCE_SUBTYPE: Record<string, string> = { story: 'book', novel: 'novel', book: 'book', memoir: 'book', play: 'play', musical: 'play', comic: 'book', 'comic book': 'book', 'graphic novel': 'book', 'short story': 'book', series: 'series', game: 'game', 'video game': 'game' };

const SAME_NAME = pattern(String.raw`\b(?:based\s+on|adapted\s+from|adaptation\s+of|inspired\s+by)\s+(?:the\s+|a\s+)?(?:«D(\d+)»\s+)?(?:best-selling\s+|bestselling\s+|hit\s+|classic\s+)?(${SOURCE_KINDS})\s+of\s+the\s+same\s+name(?:\s+by\s+{P})?`);
const BASED_ON_W = pattern(String.raw`\b(?:based\s+on|adapted\s+from|adaptation\s+of|adapts|adapting)\s+(?:the\s+|a\s+)?(?:«D(\d+)»\s+)?(?:[\p{Ll}-]+\s+)?(?:(${SOURCE_KINDS})\s+)?{W}(?:\s*,?\s+by\s+{P})?`);
const BASED_ON_POSS = pattern(String.raw`\b(?:based\s+on|adapted\s+from)\s+{P}${AP}s\s+(?:«D(\d+)»\s+)?(?:[\p{Ll}-]+\s+)?(${SOURCE_KINDS}),?\s+{W}`);
const W_BY_AUTHOR = pattern(String.raw`\b(?:novel|book|memoir|novels|books)\s+{W}\s*,?\s+by\s+{P}`);
/** "Casino Royale, author Ian Fleming's first James Bond book": the author of the named book. */
const W_AUTHOR_POSS = pattern(String.raw`{W},\s+(?:author\s+|novelist\s+|writer\s+)?{P}${AP}s\s+(?:(?:[\p{L}-]+|«[CP]\d+»)\s+){0,4}?(novel|book|memoir)\b`);
/** "an adaptation of the international best-selling novel by Dan Brown": a source named by kind only. */
const NOVEL_BY = pattern(String.raw`\b(?:based\s+on|adapted\s+from|adaptation\s+of|adapting|version\s+of|in)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+)?(?:[\p{Ll}-]+\s+){0,3}(novel|book|memoir|play|story)\s+by\s+(?:author\s+|novelist\s+|writer\s+)?{P}`);
const AUTHOR_POSS = pattern(String.raw`{P}${AP}s\s+(?:«D\d+»\s+)?(?:[\p{Ll}-]+\s+)?(?:novel|book|memoir),?\s+{W}`);

const SONGS_INCLUDING = pattern(String.raw`\bsongs?,?\s+(?:including|include|includes|such as|like)\s+{W+}`);
const SONG_FROM_FILM = pattern(String.raw`{W}\s+(?:from|off)\s+(?:the\s+)?(?:{O}${AP}s\s+)?(?:[\p{Ll}-]+\s+)?(?:movie\s+|film\s+)?{W}`);
const SONG_IS_FROM_SOUNDTRACK = pattern(String.raw`{W}(?:\s+by\s+«P\d+»)?[^«]{0,20}?\b(?:is|was|comes)\s+(?:taken\s+)?from\s+{W}${AP}s\s+(?:[\p{Ll}-]+\s+)?soundtrack`);
const SONG_IN_FILM = pattern(String.raw`{W}[^«]{0,30}?\b(?:features?|featured|appears?|appeared|plays|played)\s+in\s+{W}`);

const SONG_PLAYS = pattern(String.raw`\b(?:while|as|when)\s+{W}\s+(?:plays|is playing|played)\b`);
const THE_STREAMERS = pattern(String.raw`{W},\s+the\s+(?:streamer|streaming service|broadcaster|studio|network)['’]s\s+(?:[\p{Ll}-]+\s+){0,3}(?:film|movie|drama|series|show|comedy|thriller|documentary|musical)`);
const ORG_POSS_W = pattern(String.raw`{O}${AP}s\s+(?:[\p{Ll}-]+\s+){0,3}{W}`);
const ORG_NOUN_W = pattern(String.raw`{O}\s+(?:original\s+|hit\s+|new\s+)?(?:hit|movie|film|series|show|drama|original|comedy|documentary|thriller|romance)\s*,?\s*{W}`);
const STREAM_ON = pattern(String.raw`{W}[^«]{0,40}?\b(?:available\s+to\s+stream|streaming|available|now\s+streaming|premieres?|premiered|debuts?|debuted|airs?|aired|arrives?|arrived|launch(?:es|ed)?)\s+on\s+{O}`);
const DISTRIBUTES_SONG = pattern(String.raw`{O}.{0,200}?\b(?:also\s+)?(?:distributes|distributed|releases|released)\s+{P}${AP}s\s+(song|single|track|album)`);
const LABEL = pattern(String.raw`\b(?:released|out|issued|available)\s+(?:now\s+)?(?:on|through|via|by)\s+{O}|\bsigned\s+(?:to|with)\s+{O}`);
/** A record label by kind, or by a name a label carries ("Tidewater Records"). */
const isLabel = (m?: Mention): boolean => !!m && m.type === 'organization' && (m.subtype === 'record_label' || /\b(?:Records|Recordings|Music Group)$/.test(m.canonical));

const RELEASED_ON = pattern(String.raw`\b(?:premiered|premieres|released|debuted|debuts|opened|opens|arrived|arrives|launched|launches|hits?\s+(?:cinemas|theaters|theatres|screens|Netflix)|out|came\s+out|comes\s+out|releases)\b(?:\s+at\s+(?:the\s+)?«E(\d+)»)?(?:(?!\d|\b(?:rose|fell|grew|increased|dropped|climbed|number)\b)[^«.]){0,20}?{D}`);
const DATE_W = pattern(String.raw`\bthe\s+{D}\s+{W}`);

const FILMED_AT = pattern(String.raw`\b(?:[Ss]hot|[Ff]ilmed|[Ff]ilming|[Ss]hooting)\b[^.]{0,60}?\b(?:at|in|on)\s+{L}(?:\s*,?\s*(?:in\s+)?{L})?`);

const novelArg = (name: string, kind: string): ClaimArg => ({ name, type: 'work', subtype: SOURCE_SUBTYPE[kind] ?? 'novel' });

function span(v: SentenceView, m: RegExpExecArray, from?: number): { tplStart: number; tplEnd: number } {
  return { tplStart: from === undefined ? m.index : Math.min(from, m.index), tplEnd: m.index + m[0].length };
}

function rel(ctx: ClaimContext, v: SentenceView, predicate: string, s: Mention | ClaimArg | undefined, o: Mention | ClaimArg | undefined, m: RegExpExecArray, confidence: number, qualifiers: Record<string, string | number> = {}, from?: number): void {
  if (!s || !o) return;
  ctx.emit(v, { predicate, subject: 'id' in s ? ctx.arg(s) : s, object: 'id' in o ? ctx.arg(o) : o, qualifiers, confidence, ...span(v, m, from) });
}

/** Adaptations and authors. */
export const sourcePatterns: PatternModule = (ctx) => {
  eachMatch(ctx, SAME_NAME, (v, m, idx) => {
    const w = workFor(ctx, v, idx, m.index);
    if (!w) return;
    const year = m[1] ? ctx.slot(v, m[1]).date?.value : undefined;
    const src = novelArg(w.canonical, m[2]);
    const q: Record<string, number> = year ? { year: Number(year.slice(0, 4)) } : {};
    const ws = v.slots.find((s) => s.mention === w);
    rel(ctx, v, 'based_on', w, src, m, 0.85, q, ws?.tplStart);
    if (m[3]) rel(ctx, v, 'author', src, ctx.slot(v, m[3]).mention, m, 0.85, q);
  });
  eachMatch(ctx, BASED_ON_W, (v, m, idx) => {
    const src = ctx.slot(v, m[3]).mention;
    // "the film adaptation of X": an unnamed film read back to an earlier title ("star of Amelie, will
    // play the lead in the film adaptation of X") is not that title's adaptation
    const right = /«W(\d+)»\s*$/.exec(v.tpl.slice(0, m.index));
    if (right && ctx.slot(v, right[1]).mention?.detector.startsWith('coref')) return;
    const w = workFor(ctx, v, idx, m.index);
    if (!src || !w) return;
    const kind = m[2];
    const srcArg: ClaimArg = kind ? { ...ctx.arg(src), subtype: SOURCE_SUBTYPE[kind] ?? src.subtype } : ctx.arg(src);
    // the film and its novel may share a name; they are different works when their kinds differ
    if (srcArg.name === w.canonical && srcArg.subtype === w.subtype) return;
    const year = m[1] ? ctx.slot(v, m[1]).date?.value : undefined;
    rel(ctx, v, 'based_on', w, srcArg, m, 0.8, year ? { year: Number(year.slice(0, 4)) } : {});
    if (m[4]) rel(ctx, v, 'author', srcArg, ctx.slot(v, m[4]).mention, m, 0.8);
  });
  eachMatch(ctx, BASED_ON_POSS, (v, m, idx) => {
    const src = ctx.slot(v, m[4]).mention;
    const w = workFor(ctx, v, idx, m.index);
    if (!src || !w) return;
    const srcArg: ClaimArg = { ...ctx.arg(src), subtype: SOURCE_SUBTYPE[m[3]] ?? 'novel' };
    rel(ctx, v, 'based_on', w, srcArg, m, 0.8);
    rel(ctx, v, 'author', srcArg, ctx.slot(v, m[1]).mention, m, 0.8);
  });
  eachMatch(ctx, W_AUTHOR_POSS, (v, m) => {
    const w = ctx.slot(v, m[1]).mention;
    if (!w) return;
    const src: ClaimArg = { ...ctx.arg(w), subtype: SOURCE_SUBTYPE[m[3]] ?? 'novel' };
    if (w.subtype !== src.subtype) delete (src as { mention?: string }).mention;
    rel(ctx, v, 'author', src, ctx.slot(v, m[2]).mention, m, 0.75);
  });
  eachMatch(ctx, NOVEL_BY, (v, m, idx) => {
    // the source has no title of its own in the sentence: an adaptation keeps its source's title
    const w = workFor(ctx, v, idx, m.index);
    const author = ctx.slot(v, m[2]).mention;
    if (!w || !author || author.type !== 'person' || !FILMISH.has(w.subtype ?? '')) return;
    const src = novelArg(w.canonical, m[1]);
    const ws = v.slots.find((s) => s.mention === w);
    rel(ctx, v, 'based_on', w, src, m, 0.6, {}, ws?.tplStart);
    rel(ctx, v, 'author', src, author, m, 0.6);
  });
  for (const re of [W_BY_AUTHOR, AUTHOR_POSS]) {
    eachMatch(ctx, re, (v, m) => {
      const [wi, pi] = re === W_BY_AUTHOR ? [m[1], m[2]] : [m[2], m[1]];
      const w = ctx.slot(v, wi).mention;
      if (!w) return;
      rel(ctx, v, 'author', { ...ctx.arg(w), subtype: w.subtype === 'film' ? 'novel' : w.subtype }, ctx.slot(v, pi).mention, m, 0.75);
    });
  }
};

/** Songs in films, distributors, broadcasters, labels, release dates, filming locations. */
export const releasePatterns: PatternModule = (ctx) => {
  eachMatch(ctx, SONGS_INCLUDING, (v, m, idx) => {
    const film = workFor(ctx, v, idx, m.index);
    if (!film) return;
    for (const i of listSlots(m[1])) {
      const s = v.slots[i].mention;
      if (s?.subtype === 'song') rel(ctx, v, 'featured_in', s, film, m, 0.7);
    }
  });
  eachMatch(ctx, SONG_FROM_FILM, (v, m) => {
    const song = ctx.slot(v, m[1]).mention;
    const film = ctx.slot(v, m[3]).mention;
    if (song?.subtype !== 'song' || !film || !FILMISH.has(film.subtype ?? '')) return;
    rel(ctx, v, 'featured_in', song, film, m, 0.8);
  });
  eachMatch(ctx, SONG_IS_FROM_SOUNDTRACK, (v, m) => {
    const song = ctx.slot(v, m[1]).mention;
    const film = ctx.slot(v, m[2]).mention;
    if (song?.subtype !== 'song' || !film || !FILMISH.has(film.subtype ?? '')) return;
    rel(ctx, v, 'featured_in', song, film, m, 0.8);
  });
  eachMatch(ctx, SONG_IN_FILM, (v, m) => {
    const song = ctx.slot(v, m[1]).mention;
    const film = ctx.slot(v, m[2]).mention;
    if (song?.subtype !== 'song' || !film || !FILMISH.has(film.subtype ?? '')) return;
    rel(ctx, v, 'featured_in', song, film, m, 0.75);
  });
  eachMatch(ctx, SONG_PLAYS, (v, m, idx) => {
    const song = ctx.slot(v, m[1]).mention;
    const film = workFor(ctx, v, idx, m.index);
    if (song?.subtype !== 'song' || !film || film.subtype !== 'film') return;
    rel(ctx, v, 'featured_in', song, film, m, 0.7);
  });
  const distribution = (v: SentenceView, m: RegExpExecArray, org: Mention | undefined, w: Mention | undefined, conf: number) => {
    if (!org || !w || org.type !== 'organization' || !FILMISH.has(w.subtype ?? '')) return;
    const kind = org.subtype ?? '';
    if (!/^(?:streaming_service|studio|network)$/.test(kind) || org.canonical === 'Tudum') return;
    const pred = w.subtype === 'series' || kind === 'network' ? 'original_broadcaster' : 'distributed_by';
    rel(ctx, v, pred, w, org, m, conf);
  };
  eachMatch(ctx, THE_STREAMERS, (v, m, idx) => {
    // "the streamer's new musical drama": the streamer named just before
    let org: Mention | undefined;
    for (let k = idx; k >= Math.max(0, idx - 2) && !org; k--) {
      org = ctx.views[k].slots.filter((s) => s.mention?.type === 'organization' && /^(?:streaming_service|studio|network)$/.test(s.mention.subtype ?? '')).pop()?.mention;
    }
    distribution(v, m, org, ctx.slot(v, m[1]).mention, 0.7);
  });
  eachMatch(ctx, ORG_POSS_W, (v, m) => distribution(v, m, ctx.slot(v, m[1]).mention, ctx.slot(v, m[2]).mention, 0.8));
  eachMatch(ctx, ORG_NOUN_W, (v, m) => distribution(v, m, ctx.slot(v, m[1]).mention, ctx.slot(v, m[2]).mention, 0.8));
  eachMatch(ctx, STREAM_ON, (v, m) => distribution(v, m, ctx.slot(v, m[2]).mention, ctx.slot(v, m[1]).mention, 0.8));
  eachMatch(ctx, DISTRIBUTES_SONG, (v, m, idx) => {
    const org = ctx.slot(v, m[1]).mention;
    const performer = ctx.slot(v, m[2]).mention;
    if (!org || !performer) return;
    let song: Mention | undefined;
    for (let k = idx; k >= Math.max(0, idx - 3) && !song; k--) {
      const ss = ctx.views[k].slots.filter((s) => s.mention?.type === 'work' && (s.mention.subtype === 'song' || s.mention.subtype === 'album'));
      song = ss[ss.length - 1]?.mention;
    }
    if (!song) return;
    rel(ctx, v, 'distributed_by', song, org, m, 0.7);
    if (org.subtype === 'record_label') rel(ctx, v, 'record_label', song, org, m, 0.7);
  });
  eachMatch(ctx, LABEL, (v, m, idx) => {
    const org = ctx.slot(v, m[1] ?? m[2]).mention;
    if (!isLabel(org)) return;
    const works = v.slots.filter((s) => s.kind === 'W' && s.tplEnd <= m.index && (s.mention?.subtype === 'song' || s.mention?.subtype === 'album' || s.mention?.subtype === 'soundtrack'));
    const last = works[works.length - 1];
    // "The Paper Lanterns soundtrack album, released by X": the label is the soundtrack's
    const w: Mention | ClaimArg | undefined = last && /^\s+soundtrack\b/.test(v.tpl.slice(last.tplEnd, last.tplEnd + 12)) && last.mention
      ? { name: `${last.mention.canonical} (soundtrack)`, type: 'work', subtype: 'soundtrack' }
      : last?.mention ?? v.slots.find((s) => s.kind === 'P' && s.tplEnd <= m.index)?.mention
        // "It is out now on X": the song of the sentences just before
        ?? (/^\s*(?:It|The\s+(?:song|single|track|album|record|EP))\b/.test(v.tpl) ? ctx.recentWork(idx, (mm) => mm.subtype === 'song' || mm.subtype === 'album', 2) : undefined);
    rel(ctx, v, 'record_label', w, org, m, 0.65, {}, last?.tplStart);
  });
  eachMatch(ctx, RELEASED_ON, (v, m, idx) => {
    const d = ctx.slot(v, m[2]).date;
    if (!d || d.precision === 'decade') return;
    if (/\bago\b/.test(d.text)) return;
    const works = v.slots.filter((s) => s.kind === 'W' && s.tplEnd <= m.index);
    const w = works.length > 0 ? works[works.length - 1].mention : workFor(ctx, v, idx, m.index);
    if (!w) return;
    const from = works.length > 0 ? works[works.length - 1].tplStart : undefined;
    // "premiered at the Venice Film Festival in late August": where it premiered
    const venue = m[1] ? ctx.slot(v, m[1]).mention?.canonical : undefined;
    ctx.emit(v, { predicate: 'publication_date', subject: ctx.arg(w), object: dateLiteral(d.value), qualifiers: venue ? { event: venue } : {}, confidence: 0.8, ...span(v, m, from) });
  });
  eachMatch(ctx, DATE_W, (v, m) => {
    const d = ctx.slot(v, m[1]).date;
    const w = ctx.slot(v, m[2]).mention;
    if (!d || !w || d.precision === 'year' || d.precision === 'decade' || !FILMISH.has(w.subtype ?? '')) return;
    ctx.emit(v, { predicate: 'publication_date', subject: ctx.arg(w), object: dateLiteral(d.value), qualifiers: {}, modality: 'asserted', confidence: 0.6, ...span(v, m) });
  });
  eachMatch(ctx, FILMED_AT, (v, m, idx) => {
    const place = ctx.slot(v, m[1]).mention;
    const area = m[2] ? ctx.slot(v, m[2]).mention : undefined;
    const works = v.slots.filter((s) => s.kind === 'W' && s.tplEnd <= m.index);
    const w = works.length > 0 ? works[0].mention : workFor(ctx, v, idx, m.index);
    if (!w || !place) return;
    rel(ctx, v, 'filming_location', w, place, m, 0.75, area ? { area: area.canonical } : {}, works.length > 0 ? works[0].tplStart : undefined);
  });
};
