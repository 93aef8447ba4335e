/**
 * @module Production timeline events with dates: announced, cast_announced, filming_started,
 * filming_wrapped, renewed, cancelled, and sequel status ('in talks', 'confirmed', 'rumoured',
 * 'denied') dated by the article. A sentence without its own date falls back to the article's
 * date only for present-perfect news ("has finished production"), at month precision.
 */
import type { DateMention } from '../../model/types.js';
import { type ClaimContext, type PatternModule, type SentenceView, modalityOf } from './context.js';
import { dateLiteral, stringLiteral, workFor } from './helpers.js';

interface EventRule {
  predicate: string;
  re: RegExp;
  /** Use the article's month when the sentence has no date and speaks of the recent past. */
  articleFallback?: boolean;
}

const RULES: EventRule[] = [
  { predicate: 'announced', re: /\b(?:was|were|been|first|officially)\s+(?:first\s+)?announced\b|\bannounced\s+(?:in|on)\b/u },
  { predicate: 'cast_announced', re: /\b(?:was|were|has been|have been|had been)\s+cast\b|\bjoined\s+the\s+cast\b/u },
  { predicate: 'filming_started', re: /\b(?:began|begun|started|starts|begins|kicked off|commenced|got underway|is underway)\s+(?:filming|shooting|production|principal photography)\b|\b(?:filming|shooting|production|principal photography)\s+(?:began|started|begins|starts|kicked off|commenced|got underway|is underway|will begin|will start|is due to begin|is set to begin)\b/iu },
  { predicate: 'filming_wrapped', re: /\bthat['’]s\s+a\s+wrap\s+on\b|\b(?:wrapped|finished|completed)\s+(?:filming|shooting|production)\b|\b(?:filming|shooting|production)\s+(?:has\s+)?(?:wrapped|finished|ended)\b|\bwrapped\s+on\b/u, articleFallback: true },
  { predicate: 'renewed', re: /\b(?:has been|was|been|is|were|have been)\s+(?:officially\s+)?renewed\b/u, articleFallback: true },
  { predicate: 'cancelled', re: /\b(?:has been|was|been|is|were|have been)\s+(?:officially\s+)?(?:cancelled|canceled|axed)\b/u, articleFallback: true },
];

/** The date slot of a sentence nearest to offset `at` in the template. */
function nearestDate(v: SentenceView, at: number): DateMention | undefined {
  let best: { d: DateMention; dist: number } | undefined;
  for (const s of v.slots) {
    if (!s.date || s.date.precision === 'decade' || /\bago\b/i.test(s.date.text)) continue;
    // "the September 2021 Cinderella": that date belongs to the title, not to the event
    if (/^\s*«W\d+»/.test(v.tpl.slice(s.tplEnd, s.tplEnd + 8))) continue;
    const dist = Math.abs(s.tplStart - at);
    if (!best || dist < best.dist) best = { d: s.date, dist };
  }
  return best?.d;
}

function articleMonth(ctx: ClaimContext): string | undefined {
  const d = ctx.doc.meta.date;
  return d && /^\d{4}-\d{2}/.test(d) ? d.slice(0, 7) : undefined;
}

/** Dated production events. */
export const eventPatterns: PatternModule = (ctx) => {
  ctx.views.forEach((v, idx) => {
    for (const rule of RULES) {
      const m = rule.re.exec(v.tpl);
      if (!m) continue;
      const d = nearestDate(v, m.index);
      let value = d?.value;
      const q: Record<string, string> = {};
      if (!value && rule.articleFallback && /\b(?:has|have)\s+(?:finished|wrapped|completed|been)\b|that['’]s a wrap/.test(v.tpl)) {
        value = articleMonth(ctx);
        if (value) q.dateSource = 'article';
      }
      if (!value) continue;
      // the work: named in the sentence after the cue ("a wrap on Purple Hearts"), else the sentence's work
      // ("Shooting begins in September, after Stone finishes work on X": X sits in a time clause, not the subject)
      const after = v.slots.find((s) => s.kind === 'W' && s.tplStart >= m.index && s.mention?.detector !== 'title-credit' && !/\b(?:after|before|once|until|while|when|since)\b/.test(v.tpl.slice(m.index + m[0].length, s.tplStart)));
      const before = v.slots.filter((s) => s.kind === 'W' && s.tplEnd <= m.index && s.mention?.detector !== 'title-credit');
      // a work only named inside a time clause is not the subject either: the sentence before says which
      const subordinate = !after && !before.length && v.slots.some((s) => s.kind === 'W' && s.tplStart >= m.index);
      const topic = (mm: { subtype?: string; detector: string }) => (mm.subtype === 'film' || mm.subtype === 'series') && mm.detector !== 'title-credit';
      const w = after?.mention ?? before[before.length - 1]?.mention ?? (subordinate ? (idx > 0 ? ctx.recentWork(idx - 1, topic, 1) : undefined) ?? ctx.mainWork : workFor(ctx, v, idx, m.index));
      if (!w) continue;
      if (rule.predicate === 'cast_announced') {
        const p = v.slots.find((s) => s.kind === 'P' && s.tplEnd <= m.index + m[0].length);
        if (p?.mention) q.person = p.mention.canonical;
      }
      const dslot = d ? v.slots.find((s) => s.date === d) : undefined;
      const points = [m.index, m.index + m[0].length, ...(dslot ? [dslot.tplStart, dslot.tplEnd] : []), ...(after ? [after.tplStart, after.tplEnd] : [])];
      ctx.emit(v, { predicate: rule.predicate, subject: ctx.arg(w), object: dateLiteral(value), qualifiers: q, confidence: 0.75, tplStart: Math.min(...points), tplEnd: Math.max(...points) });
    }
  });
  sequelPatterns(ctx);
};

const SEQUEL = /\b(?:sequel|second film|follow-up|part two|another film|third film|second movie|new instalment|new installment)\b/i;
/** "a sequel, Paper Lanterns: High Water": the title right after the word is the sequel itself. */
const SEQUEL_TITLE = /\bsequel,?\s+(?:called\s+|titled\s+)?«W(\d+)»/;
const STATUS: [RegExp, string][] = [
  [/\b(?:denied|no plans|not happening|ruled out|won['’]t be a sequel)\b/i, 'denied'],
  [/\b(?:confirmed|greenlit|green-lit|officially (?:announced|ordered)|is officially happening|will get a sequel|has ordered|is coming back)\b/i, 'confirmed'],
  [/\b(?:talks|in the works|in development|conversations|discussions|considering|being discussed|underway)\b/i, 'in talks'],
  [/\brumou?r(?:s|ed)?\b/i, 'rumoured'],
];

/** Sequel status as of the article's date. */
function sequelPatterns(ctx: ClaimContext): void {
  ctx.views.forEach((v, idx) => {
    if (!SEQUEL.test(v.tpl)) return;
    const hit = STATUS.find(([re]) => re.test(v.tpl));
    if (!hit) return;
    const named = SEQUEL_TITLE.exec(v.tpl);
    let sequelWork = named ? v.slots[Number(named[1])].mention : undefined;
    let sequelTitle = sequelWork?.canonical;
    // "a sequel, Paper Lanterns: High Water": the part before the colon is the original
    const subtitle = named ? /^:\s*«W(\d+)»/.exec(v.tpl.slice(v.slots[Number(named[1])].tplEnd)) : null;
    if (named && subtitle) {
      sequelTitle = `${sequelWork?.canonical}: ${v.slots[Number(subtitle[1])].mention?.canonical}`;
      sequelWork = v.slots[Number(subtitle[1])].mention;
    }
    const others = v.slots.filter((s) => s.mention?.type === 'work' && s.mention !== sequelWork && s.mention.canonical !== sequelWork?.canonical && s.mention.detector !== 'title-credit' && (s.mention.subtype === 'film' || s.mention.subtype === 'series'));
    const w = others[0]?.mention ?? (sequelWork ? ctx.recentWork(idx - 1, (m) => m.subtype === 'film' || m.subtype === 'series', 2) ?? ctx.mainWork : workFor(ctx, v, idx));
    if (!w || w.canonical === sequelWork?.canonical) return;
    const status = hit[1];
    let modality = modalityOf(v.text, v.text);
    if (modality === 'negated' && status === 'denied') modality = 'asserted';
    if (modality === 'asserted' && /\b(?:said|says|told|according to|mentioned)\b/.test(v.text)) modality = 'reported';
    if (modality === 'speculative' && status === 'in talks' && /\b(?:said|says|told)\b/.test(v.text) && !/\b(?:might|may|could)\b/.test(v.text)) modality = 'reported';
    const q: Record<string, string> = {};
    if (ctx.doc.meta.date) q.date = ctx.doc.meta.date;
    if (sequelTitle) q.title = sequelTitle;
    ctx.emit(v, { predicate: 'sequel', subject: ctx.arg(w), object: stringLiteral(status), qualifiers: q, modality, confidence: 0.7 });
  });
}
