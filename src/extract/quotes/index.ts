/**
 * @module Stage `quotes.v1`: speech quotations with their speaker, outlet and date. The speaker
 * comes from the attribution next to the quote (“…,” she told Entertainment Weekly; “…,” Carson
 * continued; She added: “…”; Sofia Carson on Instagram: “…”; captioning it in part, “…”), or,
 * for a quote standing alone, from the quote just before it in the same or the previous
 * paragraph. Outlet and date come from the attribution or from the interview named in the two
 * sentences before ("In a September 2021 interview with Collider"). Requires doc.text, doc.meta,
 * doc.sentences, doc.mentions, doc.dates; assigns doc.quotes.
 */
import type { Document } from '../../doc/document.js';
import type { DateMention, Mention, Quote, Sentence } from '../../model/types.js';
import type { Stage } from '../../pipeline/stage.js';
import { workText } from '../text.js';
import { findQuotations, type Quotation } from './find.js';

const SPEECH_VERBS = 'said|says|say|told|tells|added|adds|continued|continues|explained|explains|shared|shares|wrote|writes|teased|teases|noted|notes|revealed|reveals|admitted|admits|recalled|recalls|insisted|insists|joked|jokes|laughed|commented|comments|stated|states|posted|posts|captioned|declared|announced|confirmed|confirms|added|replied|responded|remarked|gushed|told|tweeted|wrote|quipped|mused|said:';
/** After the quote: `, she told X.` / `," Carson continued.` / `," said director X.` */
const AFTER = new RegExp(String.raw`^[\s,.!?—–-]*(?:(?<who>[^,.;:“”"]{1,60}?)\s+(?<verb>${SPEECH_VERBS})\b|(?<verb2>${SPEECH_VERBS})\s+(?<who2>[^,.;:“”"]{1,60}))`, 'u');
/** Before the quote: `She added: “` / `Director X said: “` / `captioning it in part, “` / `X on Instagram: “` */
const BEFORE = new RegExp(String.raw`(?:(?<verb>${SPEECH_VERBS}|captioning it(?: in part)?|captioning|writing|saying|opens? with|describes?|explains?)|\bon\s+(?<platform>Instagram|Twitter|X|TikTok|Facebook|YouTube|Threads))\b[^“”"]{0,40}?[:,]?\s*$`, 'u');
const OUTLET_NEAR = /\b(?:told|to|via|on|in an interview with|interview with|in (?:her|his|their)|with)\s*$/u;
/** Non-speech "verbs" before a quote: lyrics and descriptions are not statements. */
const NOT_SPEECH = /^(?:opens? with|describes?|explains?)$/;

function sentenceIndex(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < sentences[mid].start) hi = mid - 1;
    else if (offset >= sentences[mid].end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(sentences.length - 1, lo));
}

const sortedByStart = new WeakMap<readonly Mention[], boolean>();

/** Mentions of `type` fully inside [start, end), in layer order. */
function mentionsIn(ms: readonly Mention[], start: number, end: number, type?: string): Mention[] {
  let sorted = sortedByStart.get(ms);
  if (sorted === undefined) {
    sorted = ms.every((m, i) => i === 0 || ms[i - 1].start <= m.start);
    sortedByStart.set(ms, sorted);
  }
  if (!sorted) return ms.filter((m) => m.start >= start && m.end <= end && (!type || m.type === type));
  // mentions in text order (the usual case): binary search for the first one starting at `start`
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Mention[] = [];
  for (let i = lo; i < ms.length && ms[i].start <= end; i++) {
    const m = ms[i];
    if (m.end <= end && (!type || m.type === type)) out.push(m);
  }
  return out;
}

interface Attributed {
  speaker?: Mention;
  outlet?: string;
  date?: string;
  /** End of the attribution text (for the claim's span). */
  attrStart: number;
  attrEnd: number;
}

/**
 * Attribute every speech quotation of the document.
 * @returns quotes in text order (unattributed ones too, without speaker).
 */
export function findQuotes(doc: Document): Quote[] {
  const text = workText(doc);
  const sentences = doc.get('sentences');
  const mentions = doc.get('mentions');
  const dates = doc.get('dates');
  // short quotations ("phrase") count only when an attribution sits right next to them
  const quotations = findQuotations(text).filter((q) => q.kind !== 'title');
  const out: Quote[] = [];
  let previous: { q: Quotation; a: Attributed; paragraphEnd: number } | null = null;
  const lastOutlet = new Map<string, string>();
  for (const q of quotations) {
    const si = sentenceIndex(sentences, q.outerStart);
    const sentence = sentences[si];
    const sj = sentenceIndex(sentences, Math.max(q.outerStart, q.outerEnd - 1));
    const sentEnd = sentences[sj]?.end ?? q.outerEnd;
    const a: Attributed = { attrStart: q.outerStart, attrEnd: q.outerEnd };
    // after the quote
    const afterText = text.slice(q.outerEnd, Math.max(q.outerEnd, sentEnd));
    const am = AFTER.exec(afterText);
    if (am?.groups) {
      const whoText = am.groups.who ?? am.groups.who2 ?? '';
      const whoStart = q.outerEnd + afterText.indexOf(whoText, am.groups.who ? 0 : am.index);
      const persons = mentionsIn(mentions, whoStart, whoStart + whoText.length).filter((m) => m.type === 'person' || (m.type === 'organization' && m.subtype !== 'outlet'));
      if (persons.length > 0) {
        // "said Aguilera's agent Meghan Prophet": after a possessive, the last name speaks
        a.speaker = /['’]s\s/.test(whoText) ? persons[persons.length - 1] : persons[0];
        a.attrEnd = q.outerEnd + am.index + am[0].length;
        const rest = text.slice(a.attrEnd, sentEnd);
        const outlets = mentionsIn(mentions, a.attrEnd, sentEnd, 'organization');
        for (const o of outlets) {
          const gap = text.slice(q.outerEnd, o.start);
          if (o.start - a.attrEnd <= 30 && OUTLET_NEAR.test(gap)) { a.outlet = o.canonical; a.attrEnd = Math.max(a.attrEnd, o.end); break; }
        }
        const d = dates.find((x) => x.start >= a.attrEnd - 1 && x.end <= sentEnd && /^[^.]*$/.test(rest.slice(0, x.start - a.attrEnd)));
        if (d) { a.date = d.value; a.attrEnd = Math.max(a.attrEnd, d.end); }
      }
    }
    // before the quote (same sentence)
    if (!a.speaker) {
      const beforeText = text.slice(sentence.start, q.outerStart);
      const bm = BEFORE.exec(beforeText);
      // a short phrase needs a colon or comma right before it ("X said: “…”"), not "explained a “…” song"
      const strictEnough = q.kind !== 'phrase' || /[:,]\s*$/.test(beforeText);
      if (bm?.groups && strictEnough && !(bm.groups.verb && NOT_SPEECH.test(bm.groups.verb))) {
        const persons = mentionsIn(mentions, sentence.start, sentence.start + bm.index, 'person');
        if (persons.length > 0) {
          // the speaker is the person nearest the speech verb ("Carson died, President Bush led the
          // tributes, saying ..."), unless a platform follows the first ("Sofia Carson on Instagram:")
          const speaker = bm.groups.platform ? persons[0] : persons[persons.length - 1];
          a.speaker = speaker;
          a.attrStart = speaker.start;
          if (bm.groups.platform) a.outlet = bm.groups.platform;
          const outlets = mentionsIn(mentions, sentence.start, q.outerStart, 'organization').filter((o) => o.subtype === 'outlet');
          if (!a.outlet && outlets.length > 0) a.outlet = outlets[outlets.length - 1].canonical;
        }
      }
    }
    if (q.kind === 'phrase' && !a.speaker) continue;
    // a quote standing alone continues the previous speaker's words (same or next paragraph)
    if (!a.speaker && previous?.a.speaker) {
      const between = text.slice(previous.q.outerEnd, q.outerStart);
      const blankLines = (between.match(/\n[^\S\n]*\n/g) ?? []).length;
      const startsSentence = q.outerStart === sentence.start;
      const prevSentence = sentenceIndex(sentences, Math.max(previous.q.outerEnd, previous.a.attrEnd) - 1);
      if (blankLines <= 1 && startsSentence && si - prevSentence <= 1) {
        a.speaker = previous.a.speaker;
        a.outlet = previous.a.outlet;
        a.date = previous.a.date;
      }
    }
    if (a.speaker) {
      // interview context in this or the two previous sentences
      const ctxStart = sentences[Math.max(0, si - 2)].start;
      const window = text.slice(ctxStart, q.outerStart);
      if (!a.outlet) {
        const orgs = mentionsIn(mentions, ctxStart, q.outerStart, 'organization').filter((o) => o.subtype === 'outlet');
        // only an interview or post of this speaker ("Stone told Empire" is not Whitlock's outlet)
        const speakerName = a.speaker.canonical;
        const viaInterview = orgs.filter((o) => {
          if (!/(?:interview with|told|on|via|post on (?:her|his|their))\s*$/.test(text.slice(Math.max(ctxStart, o.start - 30), o.start))) return false;
          const s = sentences[sentenceIndex(sentences, o.start)];
          return mentions.some((mm) => mm.type === 'person' && mm.canonical === speakerName && mm.start >= s.start && mm.end <= s.end);
        });
        const pick = viaInterview[viaInterview.length - 1];
        if (pick) a.outlet = pick.canonical;
      }
      if (!a.date) {
        const interview = /\b(?:in|during)\s+(?:a|an|her|his)?\s*([^.]{0,30}?)\s*interview\b/i.exec(window);
        const ds: DateMention[] = dates.filter((d) => d.start >= ctxStart && d.end <= q.outerStart);
        const near = ds.find((d) => interview && d.start >= ctxStart + interview.index && d.end <= ctxStart + interview.index + interview[0].length + 40);
        if (near) a.date = near.value;
      }
    }
    // the same speaker's next quote in the article continues the same interview or post
    if (a.speaker && !a.outlet) {
      const earlier = lastOutlet.get(a.speaker.canonical);
      if (earlier) a.outlet = earlier;
    }
    if (a.speaker && a.outlet) lastOutlet.set(a.speaker.canonical, a.outlet);
    // fields in a fixed order, absent rather than undefined (the layer is plain data)
    const quote: { -readonly [K in keyof Quote]: Quote[K] } = { start: q.start, end: q.end, text: doc.text.slice(q.start, q.end) };
    if (a.speaker) {
      quote.speaker = a.speaker.id;
      quote.speakerName = a.speaker.canonical;
    }
    if (a.outlet) quote.outlet = a.outlet;
    if (a.speaker) {
      const date = a.date ?? doc.meta.date ?? undefined;
      if (date !== undefined) quote.date = date;
    }
    out.push(quote);
    attributions.set(out[out.length - 1], { start: Math.min(a.attrStart, q.outerStart), end: Math.max(a.attrEnd, q.outerEnd) });
    previous = { q, a, paragraphEnd: sentEnd };
  }
  return out;
}

/** The span of a quote plus its attribution ("“…,” she told Entertainment Weekly"). */
export const attributions = new WeakMap<Quote, { start: number; end: number }>();

/** Quotes with speaker, outlet and date. */
export const quotesStage: Stage = {
  name: 'quotes.v1',
  requires: ['doc.text', 'doc.meta', 'doc.sentences', 'doc.mentions', 'doc.dates'],
  assigns: ['doc.quotes'],
  run(doc) {
    doc.set('quotes', findQuotes(doc));
  },
};
