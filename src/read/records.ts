/**
 * @module JSON records (one per JSONL line, or a `.json` object/array) → raw articles, with
 * configurable field names (`{ text: 'body', date: 'published_at' }`).
 */
import { normalizeDate } from './dates.js';
import { E_JSON, readError } from './errors.js';
import type { RawArticle } from './types.js';

/** Markup that makes a `body` field HTML rather than text. */
const LOOKS_LIKE_HTML = /<(p|div|br|span|a|h[1-6]|ul|ol|li|article|section|html|body|em|strong|b|i|figure|img|blockquote|table)\b[^>]*>/i;

const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

/** Read one record; throws MarqueeError E113 when it is not an article. */
export function recordToArticle(rec: unknown, path: string, fields: Record<string, string> = {}): RawArticle {
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
    throw readError(E_JSON, `${path}: expected a JSON object (an article), got ${Array.isArray(rec) ? 'an array' : rec === null ? 'null' : typeof rec}.`);
  }
  const r = rec as Record<string, unknown>;
  const get = (name: string): unknown => r[fields[name] ?? name];
  const art: RawArticle = { path };
  const text = str(get('text'));
  const html = str(get('html'));
  const body = str(get('body')) ?? str(get('content'));
  if (text && text.trim()) art.text = text;
  else if (html && html.trim()) art.html = html;
  else if (body && body.trim()) {
    if (LOOKS_LIKE_HTML.test(body)) art.html = body;
    else art.text = body;
  } else {
    const mapped = Object.keys(fields).length ? ` (mapping: ${JSON.stringify(fields)})` : '';
    throw readError(E_JSON, `${path}: the record has no non-empty text, html or body field${mapped}; map yours with --field text=NAME.`);
  }
  const title = str(get('title')) ?? str(get('headline'));
  if (title) art.title = title.trim();
  const url = str(get('url')) ?? str(get('link'));
  if (url) art.url = url;
  const rawDate = get('date') ?? get('published') ?? get('published_at') ?? get('datePublished') ?? get('pubDate');
  const date = normalizeDate(rawDate);
  if (date) {
    art.date = date;
    art.dateSource = 'field';
  }
  const source = str(get('source')) ?? str(get('site')) ?? str(get('outlet'));
  if (source) art.source = source;
  const author = str(get('author')) ?? str(get('byline'));
  if (author) art.author = author;
  const lang = str(get('language')) ?? str(get('lang'));
  if (lang) art.language = lang;
  return art;
}

/** A `.json` file: one article object, an array of them, or `{articles|items|data: [...]}`. */
export function jsonToRecords(value: unknown, path: string): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const k of ['articles', 'items', 'data', 'documents']) if (Array.isArray(o[k])) return o[k] as unknown[];
    return [value];
  }
  throw readError(E_JSON, `${path}: expected an article object or an array of articles, got ${value === null ? 'null' : typeof value}.`);
}
