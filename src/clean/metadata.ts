/**
 * @module Article metadata from a parsed page, in order of trust: JSON-LD (`NewsArticle` and kin),
 * OpenGraph/meta tags, `<time>` elements, bylines, and dates in the URL. Records where the date
 * came from (`jsonld`, `meta`, `time`, `url`) because relative dates in the text are anchored to it.
 */
import { dateFromUrl, normalizeDate } from '../read/dates.js';

export interface PageMeta {
  title: string | null;
  date: string | null;
  dateSource: string | null;
  author: string | null;
  source: string | null;
  url: string | null;
  language: string | null;
}

/** JSON-LD `@type`s that describe an article. */
const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|Report|TechArticle|ScholarlyArticle|LiveBlogPosting|Review|WebPage|VideoObject)$/;
/** Among those, the ones that are really articles (WebPage and VideoObject are weaker fallbacks). */
const STRONG_TYPES = /Article|BlogPosting|Report/;
/** A meta value longer than this is not a name or a title. */
const MAX_META_CHARS = 300;

const clip = (s: unknown): string | null => {
  if (typeof s !== 'string') return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t && t.length <= MAX_META_CHARS ? t : null;
};

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return clip(v);
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : null;
  }
  if (v && typeof v === 'object') return clip((v as Record<string, unknown>).name);
  return null;
}

function typesOf(o: Record<string, unknown>): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** All JSON-LD objects on the page, flattened (`@graph`, arrays). */
function jsonLdObjects(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const push = (v: unknown, depth: number): void => {
    if (depth > 6 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) push(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    out.push(o);
    if (o['@graph']) push(o['@graph'], depth + 1);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const raw = (s.textContent ?? '').trim();
    if (!raw || raw.length > 2_000_000) continue;
    try {
      push(JSON.parse(raw.replace(/^<!--|-->$/g, '')), 0);
    } catch {
      // Malformed JSON-LD is common; other sources still give metadata.
    }
  }
  return out;
}

/** All `<meta>` values by property/name/itemprop (first occurrence wins), read in one pass. */
type MetaIndex = Map<string, string>;

function indexMeta(doc: Document): MetaIndex {
  const idx: MetaIndex = new Map();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = el.getAttribute('content');
    if (content === null) continue;
    for (const a of ['property', 'name', 'itemprop', 'http-equiv']) {
      const k = el.getAttribute(a);
      if (k && !idx.has(k.toLowerCase())) idx.set(k.toLowerCase(), content);
    }
  }
  return idx;
}

function metaContent(idx: MetaIndex, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = clip(idx.get(k.toLowerCase()));
    if (v) return v;
  }
  return null;
}

/** Strip a trailing " - Site" / " | Site" from a `<title>`. */
function trimSiteSuffix(title: string, site: string | null): string {
  const parts = title.split(/\s+[|\-–—•·:]\s+/);
  if (parts.length < 2) return title;
  if (site && parts[parts.length - 1].toLowerCase().includes(site.toLowerCase().slice(0, 8))) return parts.slice(0, -1).join(' - ');
  const last = parts[parts.length - 1];
  return last.split(/\s+/).length <= 4 ? title.slice(0, title.lastIndexOf(last)).replace(/\s+[|\-–—•·:]\s+$/, '').trim() : title;
}

/** BCP 47 casing: `en_gb` / `EN-gb` → `en-GB`; first of a list; null when not a language tag. */
export function canonicalLanguage(tag: string): string | null {
  const first = tag.replace(/_/g, '-').split(/[,;\s]/)[0];
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(first)) return null;
  return first
    .split('-')
    .map((p, i) => (i === 0 ? p.toLowerCase() : p.length === 2 ? p.toUpperCase() : p.length === 4 ? p[0].toUpperCase() + p.slice(1).toLowerCase() : p.toLowerCase()))
    .join('-');
}

/** Extract metadata from a page (before Readability, which mutates the document). */
export function extractPageMeta(doc: Document, hintUrl?: string | null): PageMeta {
  const idx = indexMeta(doc);
  const m: PageMeta = { title: null, date: null, dateSource: null, author: null, source: null, url: null, language: null };
  const lds = jsonLdObjects(doc).filter((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)));
  lds.sort((a, b) => Number(typesOf(b).some((t) => STRONG_TYPES.test(t))) - Number(typesOf(a).some((t) => STRONG_TYPES.test(t))));
  for (const o of lds) {
    m.title ??= clip(o.headline) ?? clip(o.name);
    if (!m.date) {
      const d = normalizeDate(o.datePublished) ?? normalizeDate(o.dateCreated) ?? normalizeDate(o.uploadDate);
      if (d) {
        m.date = d;
        m.dateSource = 'jsonld';
      }
    }
    m.author ??= nameOf(o.author) ?? nameOf(o.creator);
    m.source ??= nameOf(o.publisher);
    const mep = o.mainEntityOfPage;
    m.url ??= clip(o.url) ?? (typeof mep === 'string' ? clip(mep) : mep && typeof mep === 'object' ? clip((mep as Record<string, unknown>)['@id']) : null);
    m.language ??= clip(o.inLanguage);
  }
  m.title ??= metaContent(idx, ['og:title', 'twitter:title', 'sailthru.title', 'dc.title', 'DC.title', 'headline']);
  if (!m.date) {
    const d = normalizeDate(
      metaContent(idx, ['article:published_time', 'og:article:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'published_time', 'date', 'dc.date', 'DC.date', 'DC.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'article.published', 'cXenseParse:recs:publishtime', 'og:pubdate']),
    );
    if (d) {
      m.date = d;
      m.dateSource = 'meta';
    }
  }
  m.author ??= metaContent(idx, ['author', 'article:author', 'sailthru.author', 'parsely-author', 'dc.creator', 'byl']);
  if (m.author && /^https?:\/\//.test(m.author)) m.author = null;
  m.source ??= metaContent(idx, ['og:site_name', 'application-name', 'publisher', 'twitter:site']);
  m.url ??= clip(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? metaContent(idx, ['og:url', 'twitter:url']);
  if (!m.date) {
    const t = doc.querySelector('[itemprop="datePublished"]') ?? doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]') ?? doc.querySelector('time');
    const d = normalizeDate(t?.getAttribute('datetime') ?? t?.getAttribute('content') ?? t?.textContent);
    if (d) {
      m.date = d;
      m.dateSource = 'time';
    }
  }
  if (!m.author) {
    const b = doc.querySelector('[rel="author"]') ?? doc.querySelector('[itemprop="author"]') ?? doc.querySelector('[class*="byline"]');
    const t = clip(b?.getAttribute('content') ?? b?.textContent);
    if (t && t.split(/\s+/).length <= 12) m.author = t.replace(/^by\s+/i, '');
  }
  if (!m.date) {
    const d = dateFromUrl(m.url ?? hintUrl ?? null);
    if (d) {
      m.date = d;
      m.dateSource = 'url';
    }
  }
  if (!m.title) {
    const t = clip(doc.querySelector('title')?.textContent);
    const h1 = clip(doc.querySelector('h1')?.textContent);
    m.title = t ? trimSiteSuffix(t, m.source) : h1;
  }
  m.language =
    clip(m.language) ?? clip(doc.documentElement?.getAttribute('lang')) ?? metaContent(idx, ['og:locale', 'language', 'content-language', 'dc.language']);
  if (m.language) m.language = canonicalLanguage(m.language);
  return m;
}
