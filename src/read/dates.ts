/**
 * @module Publication dates as found in files, feeds and pages, normalised to ISO at the precision
 * they were written with (`2022-07-29`, `2021-10`, `2017`). The calendar date as written is kept:
 * no time-zone conversion, so "Fri, 29 Jul 2022 23:30:00 -0500" stays 2022-07-29.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Month number of an English month name or abbreviation, else undefined. */
const monthOf = (name: string): number | undefined => {
  const k = name.toLowerCase();
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  const i = full.findIndex((f) => f === k || (k.length >= 3 && f.startsWith(k.replace(/\.$/, ''))));
  return i >= 0 ? i + 1 : MONTHS[k];
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** Earliest and latest years we accept as publication dates: outside is almost surely noise. */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2100;

function ymd(y: number, m: number, d?: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12) return null;
  if (d === undefined) return `${y}-${pad(m)}`;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > dim) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Normalise a date string to ISO (day, month or year precision), or null when unparseable. */
export function normalizeDate(input: unknown): string | null {
  if (typeof input === 'number' && Number.isFinite(input)) {
    // Epoch seconds or milliseconds.
    const ms = input < 1e11 ? input * 1000 : input;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
  }
  if (typeof input !== 'string') return null;
  const s = input.trim();
  if (!s || s.length > 100) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})(?:$|T)/.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return ymd(+m[1], +m[2]);
  m = /^(\d{4})$/.exec(s);
  if (m) return +m[1] >= MIN_YEAR && +m[1] <= MAX_YEAR ? m[1] : null;
  // "Fri, 29 Jul 2022 ..." / "29 July 2022"
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s);
  if (m) {
    const mo = monthOf(m[2]);
    if (mo) return ymd(+m[3], mo, +m[1]);
  }
  // "July 29, 2022"
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (m) {
    const mo = monthOf(m[1]);
    if (mo) return ymd(+m[3], mo, +m[2]);
  }
  // "July 2022"
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{4})\b/.exec(s);
  if (m) {
    const mo = monthOf(m[1]);
    if (mo) return ymd(+m[2], mo);
  }
  const t = Date.parse(s);
  if (!Number.isNaN(t)) {
    const d = new Date(t);
    const y = d.getUTCFullYear();
    return y >= MIN_YEAR && y <= MAX_YEAR ? d.toISOString().slice(0, 10) : null;
  }
  return null;
}

/** A date in a URL path (`/2022/07/29/`, `/2022-07-29-`, `/20220729/`), or null. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url, 'http://x.invalid/').pathname;
  } catch {
    return null;
  }
  let m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/_.-]|$)/.exec(path);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/.exec(path);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /\/((?:19|20)\d{2})\/(\d{1,2})\//.exec(path);
  if (m) return ymd(+m[1], +m[2]);
  return null;
}
