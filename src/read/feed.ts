/**
 * @module RSS 2.0 and Atom feeds: each item/entry is an article. `content:encoded` (RSS) or
 * `content` (Atom) is preferred over `description`/`summary`; `pubDate`/`published`/`updated`/
 * `dc:date` give the date. A small tolerant scanner (feeds in the wild are often not well-formed
 * XML); everything it returns is still untrusted text.
 */
import { normalizeDate } from './dates.js';
import { E_FEED, readError } from './errors.js';
import type { RawArticle } from './types.js';

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', copy: '©', reg: '®', trade: '™', eacute: 'é', egrave: 'è',
};

/** Decode XML/HTML character references (numeric and the common named ones). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : all;
    }
    return NAMED[e.toLowerCase()] ?? all;
  });
}

/** True when the decoded file looks like an RSS or Atom feed. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 4096);
  return /<rss\b|<feed\b[^>]*atom|<rdf:RDF\b|<feed\b/i.test(head);
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Inner text of the first `<tag>` in `block` (CDATA unwrapped; entities decoded unless CDATA). */
function field(block: string, tags: readonly string[]): { value: string; cdata: boolean; attrs: string } | null {
  for (const tag of tags) {
    const r = new RegExp(`<${escapeRe(tag)}(\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${escapeRe(tag)}\\s*>)`, 'i');
    const m = r.exec(block);
    if (!m) continue;
    const inner = (m[2] ?? '').trim();
    const cd = /^<!\[CDATA\[([\s\S]*?)\]\]>$/.exec(inner);
    if (cd) return { value: cd[1], cdata: true, attrs: m[1] ?? '' };
    // Mixed CDATA pieces: unwrap each.
    const unwrapped = inner.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
    return { value: unwrapped, cdata: unwrapped !== inner, attrs: m[1] ?? '' };
  }
  return null;
}

const attr = (attrs: string, name: string): string | null => {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(attrs);
  return m ? decodeEntities(m[2] ?? m[3] ?? '') : null;
};

/** Plain text of a field: entities decoded, tags stripped. */
const plain = (f: { value: string; cdata: boolean } | null): string | null => {
  if (!f) return null;
  const v = (f.cdata ? f.value : decodeEntities(f.value)).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return v ? decodeEntities(v) : null;
};

/** HTML of a content field: CDATA is HTML as is; escaped markup is unescaped once. */
const markup = (f: { value: string; cdata: boolean; attrs: string } | null): string | null => {
  if (!f) return null;
  const type = attr(f.attrs, 'type');
  const v = f.cdata || type === 'xhtml' ? f.value : decodeEntities(f.value);
  return v.trim() ? v : null;
};

/** Parse a feed into raw articles; `path` is the file, items get `#N` (1-based). */
export function parseFeed(xml: string, path: string): { articles: RawArticle[]; errors: { path: string; message: string }[] } {
  if (!looksLikeFeed(xml)) throw readError(E_FEED, `${path}: not an RSS or Atom feed (no <rss> or <feed> element).`);
  const atom = /<feed\b/i.test(xml.slice(0, 4096)) && !/<rss\b/i.test(xml.slice(0, 4096));
  const itemTag = atom ? 'entry' : 'item';
  const chanEnd = xml.search(new RegExp(`<${itemTag}[\\s>]`, 'i'));
  const channel = chanEnd >= 0 ? xml.slice(0, chanEnd) : xml;
  const source = plain(field(channel, ['title']));
  const itemRe = new RegExp(`<${itemTag}(?:\\s[^>]*)?>([\\s\\S]*?)</${itemTag}\\s*>`, 'gi');
  const articles: RawArticle[] = [];
  const errors: { path: string; message: string }[] = [];
  let n = 0;
  for (const m of xml.matchAll(itemRe)) {
    n++;
    const block = m[1];
    const p = `${path}#${n}`;
    const html = markup(field(block, atom ? ['content', 'summary'] : ['content:encoded', 'description', 'content', 'summary']));
    if (!html) {
      errors.push({ path: p, message: `E117 ${p}: the feed item has no content:encoded, description or content.` });
      continue;
    }
    const art: RawArticle = { path: p, html };
    const title = plain(field(block, ['title']));
    if (title) art.title = title;
    let link: string | null = null;
    if (atom) {
      const links = [...block.matchAll(/<link\b([^>]*)\/?>/gi)].map((x) => x[1]);
      const alt = links.find((a) => !attr(a, 'rel') || attr(a, 'rel') === 'alternate') ?? links[0];
      link = alt ? attr(alt, 'href') : null;
    } else link = plain(field(block, ['link'])) ?? plain(field(block, ['guid']));
    if (link) art.url = link;
    const date = normalizeDate(plain(field(block, atom ? ['published', 'updated', 'dc:date'] : ['pubDate', 'dc:date', 'published', 'updated'])));
    if (date) {
      art.date = date;
      art.dateSource = 'field';
    }
    const author = plain(field(block, ['dc:creator', 'author']));
    if (author) art.author = author.replace(/^\S+@\S+\s*\((.*)\)$/, '$1');
    if (source) art.source = source;
    articles.push(art);
  }
  if (n === 0) throw readError(E_FEED, `${path}: the feed has no <${itemTag}> elements.`);
  return { articles, errors };
}
