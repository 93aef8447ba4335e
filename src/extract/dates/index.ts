/**
 * @module Stage `dates.chrono.v1`: date expressions normalised at the text's own precision
 * ("July 29, 2022" → 2022-07-29, "in October 2021" → 2021-10, "in 2022" → 2022, "the 1980s" →
 * 198X decade) and relative ones ("five years ago", "out July 29", "last Friday") anchored to the
 * article's date. A relative date in an article without a date is dropped: we never guess a year.
 * Requires doc.text, doc.meta; assigns doc.dates.
 */
import * as chrono from 'chrono-node';
import type { Document } from '../../doc/document.js';
import type { DateMention, DatePrecision } from '../../model/types.js';
import type { Stage } from '../../pipeline/stage.js';
import { workText } from '../text.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Parse an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) into a Date at noon UTC, or null. */
export function parseIsoDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1), 12));
}

const YEAR = /(?<![\p{L}\p{N}$£€.,-])((?:19|20)\d\d)(s?)(?![\p{L}\p{N}%]|[.,]\d)/gu;
const CALENDAR_WORD = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|ago|yesterday|today|tomorrow|tonight|last (?:week|month|year)|next (?:week|month|year)|this (?:week|month|year))\b|\d{4}-\d{2}-\d{2}|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;
const RELATIVE_WORD = /\b(?:ago|last|next|this|yesterday|today|tomorrow|tonight)\b/i;
const AGO = /\b(years?|months?|weeks?|days?)\s+ago\b/i;
/** Lone four-digit years are dates only after these words ("in 2022", "the 2017 novel", "of 2022"). */
const YEAR_CONTEXT = /\b(?:in|of|since|from|until|by|during|for|the|early|late|mid|summer|spring|autumn|winter|fall|year|season|back|before|after|between|and|to|circa|c\.)\s*$/i;

/**
 * Words before a yearless date that point forward: "out Friday", "arrives on the streamer next
 * Friday", "premieres July 29", "will open Saturday". In news a bare weekday otherwise means the
 * recent past ("she said on Friday"), which is chrono's default reading.
 */
const FORWARD_CUE = /\b(?:out|arrives?|arriving|premieres?|premiering|opens?|opening|debuts?|debuting|hits?|lands?|launch(?:es)?|releases?|drops?|airs?|returns?|will(?:\s+\w+){0,2}|coming|due|starting|streaming)\s+(?:on\s+)?(?:the\s+streamer\s+)?(?:this\s+)?$/i;

/** chrono is quadratic in the length of what it is given: parse line by line (dates never span lines). */
interface Hit {
  index: number;
  text: string;
  start: chrono.ParsedComponents;
}

/**
 * Characters of context chrono gets on each side of a calendar word. Every date we keep contains
 * a calendar word, and chrono's longest expressions ("from Monday, July 29, 2022 at 8:00 p.m. to
 * Tuesday, July 30, 2022 at 10 p.m.") are well under this, so a window this wide around each
 * calendar word gives chrono everything a kept date can be made of, while a long paragraph with
 * one date in it is not parsed whole (chrono runs ~30 parsers over all the text it is given).
 */
export const CHRONO_CONTEXT_CHARS = 160;
const CALENDAR_WORD_ALL = new RegExp(CALENDAR_WORD.source, 'g');

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0;

/**
 * The stretches of text[start, end) chrono must see: each calendar word with
 * CHRONO_CONTEXT_CHARS on both sides, widened to whitespace (never cutting a word), overlapping
 * stretches merged. Flat [from0, to0, from1, to1, ...] in text offsets.
 */
export function chronoWindows(text: string, start: number, end: number, context = CHRONO_CONTEXT_CHARS): number[] {
  const out: number[] = [];
  const line = text.slice(start, end);
  CALENDAR_WORD_ALL.lastIndex = 0;
  for (let m = CALENDAR_WORD_ALL.exec(line); m !== null; m = CALENDAR_WORD_ALL.exec(line)) {
    let a = Math.max(start, start + m.index - context);
    while (a > start && !isSpace(text.charCodeAt(a - 1))) a--;
    let b = Math.min(end, start + m.index + m[0].length + context);
    while (b < end && !isSpace(text.charCodeAt(b))) b++;
    if (out.length > 0 && a <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], b);
    else out.push(a, b);
    if (m[0].length === 0) CALENDAR_WORD_ALL.lastIndex++;
  }
  return out;
}

function parseByLine(text: string, ref: Date | null, context = CHRONO_CONTEXT_CHARS): Hit[] {
  const out: Hit[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const windows = chronoWindows(text, start, end, context);
      for (let k = 0; k < windows.length; k += 2) {
        const from = windows[k];
        for (const r of chrono.parse(text.slice(from, windows[k + 1]), ref ? { instant: ref, timezone: 0 } : undefined)) out.push({ index: r.index + from, text: r.text, start: r.start });
      }
    }
    start = end + 1;
  }
  return out;
}

/**
 * Find and normalise the date expressions of `text`.
 * @param text - document text (offsets are preserved).
 * @param articleDate - ISO date the relative expressions are anchored to, or null.
 * @param context - characters chrono sees around each calendar word (Infinity: whole lines).
 */
export function findDates(text: string, articleDate: string | null, context = CHRONO_CONTEXT_CHARS): DateMention[] {
  const ref = parseIsoDate(articleDate);
  const out: DateMention[] = [];
  const results = parseByLine(text, ref, context);
  for (let r of results) {
    // A yearless date after a forward cue is the next such day, not the last one.
    if (ref && !r.start.isCertain('year') && !RELATIVE_WORD.test(r.text) && FORWARD_CUE.test(text.slice(Math.max(0, r.index - 40), r.index))) {
      const fwd = chrono.parse(r.text, { instant: ref, timezone: 0 }, { forwardDate: true })[0];
      if (fwd) r = { index: r.index, text: r.text, start: fwd.start };
    }
    // chrono also reads "Top 10 for six weeks" or "first few days after" as dates: keep only
    // expressions with a calendar word, an "ago", or a numeric date
    if (!CALENDAR_WORD.test(r.text)) continue;
    const s = r.start;
    const hasYear = s.isCertain('year');
    const hasMonth = s.isCertain('month');
    const hasDay = s.isCertain('day');
    const ago = AGO.exec(r.text);
    let relative = !hasYear || RELATIVE_WORD.test(r.text);
    let precision: DatePrecision;
    if (ago) {
      relative = true;
      const unit = ago[1].toLowerCase();
      precision = unit.startsWith('year') ? 'year' : unit.startsWith('month') ? 'month' : 'day';
    } else if (/\b(?:next|last|this)\s+month\b/i.test(r.text)) precision = 'month';
    else if (/\b(?:next|last|this)\s+year\b/i.test(r.text)) precision = 'year';
    else if (hasDay && hasMonth) precision = 'day';
    else if (hasMonth) precision = 'month';
    else if (hasYear) precision = 'year';
    else if (hasDay || s.isCertain('weekday')) precision = 'day';
    else continue; // a time of day alone is not a date
    if (relative && !ref) continue;
    if (!hasMonth && !hasYear && !hasDay && !ago && !s.isCertain('weekday')) continue;
    const y = s.get('year') ?? 0;
    const mo = s.get('month') ?? 1;
    const d = s.get('day') ?? 1;
    const value = precision === 'day' ? `${y}-${pad(mo)}-${pad(d)}` : precision === 'month' ? `${y}-${pad(mo)}` : String(y);
    // chrono reads "may" and "march" as months in running text; keep month names only when capitalised
    if (/^(?:may|march|sun|sat|mon|wed)\b/.test(r.text)) continue;
    out.push({ start: r.index, end: r.index + r.text.length, text: r.text, value, precision, relative });
  }
  // bare years and decades chrono leaves out
  YEAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (out.some((d) => start < d.end && end > d.start)) continue;
    const before = text.slice(Math.max(0, start - 12), start);
    if (!YEAR_CONTEXT.test(before) && !/^\s*(?:film|novel|album|season|'s|’s|,|\))/.test(text.slice(end, end + 7))) continue;
    if (m[2] === 's') out.push({ start, end, text: m[0], value: `${m[1].slice(0, 3)}X`, precision: 'decade', relative: false });
    else out.push({ start, end, text: m[0], value: m[1], precision: 'year', relative: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Dates anchored to the article's date. */
export const datesStage: Stage = {
  name: 'dates.chrono.v1',
  requires: ['doc.text', 'doc.meta'],
  assigns: ['doc.dates'],
  run(doc: Document) {
    doc.set('dates', findDates(workText(doc), doc.meta.date));
  },
};
