/**
 * @module HTML parsing (linkedom) with guards, a block-aware DOM → text serialiser, and a linear
 * tag-stripping extractor for inputs too large or too deeply nested for a DOM.
 */
import { parseHTML } from 'linkedom';
import { BLOCK_TAGS, SKIP_TAGS } from './selectors.js';

/** Above this many bytes of HTML we do not build a DOM: real article pages are far smaller. */
export const MAX_DOM_HTML_CHARS = 8 * 1024 * 1024;
/** Above this nesting depth we do not build a DOM: recursive walkers (ours, Readability's) would overflow. */
export const MAX_DOM_DEPTH = 400;

/** Elements that never have children, for the depth scan. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Elements the parser closes implicitly (a new `<p>` ends the open one): they never nest deeply. */
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp']);

/** Maximum element nesting depth of `html`, by a linear scan (stops counting above `limit`). */
export function nestingDepth(html: string, limit = MAX_DOM_DEPTH + 1): number {
  let depth = 0;
  let max = 0;
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(\/?)>/g;
  let m: RegExpExecArray | null;
  let lower: string | null = null;
  while ((m = re.exec(html))) {
    const tag = m[2].toLowerCase();
    if (IMPLIED_END.has(tag)) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!m[3] && !VOID.has(tag)) {
      if (tag === 'script' || tag === 'style') {
        lower ??= html.toLowerCase();
        const end = lower.indexOf(`</${tag}`, re.lastIndex);
        re.lastIndex = end < 0 ? html.length : end;
        depth++;
        continue;
      }
      depth++;
      if (depth > max) {
        max = depth;
        if (max >= limit) return max;
      }
    }
  }
  return max;
}

/** Why a page cannot go through the DOM path, or null when it can. */
export function domRefusal(html: string): string | null {
  if (html.length > MAX_DOM_HTML_CHARS) return `html-too-large:${html.length}`;
  const d = nestingDepth(html);
  if (d > MAX_DOM_DEPTH) return `nesting-too-deep:>${MAX_DOM_DEPTH}`;
  return null;
}

/** Parse HTML into a linkedom document (wrapped so fragments get a body). */
export function parseDocument(html: string): Document {
  const src = /<html[\s>]/i.test(html.slice(0, 5000)) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(src);
  return document as unknown as Document;
}

/** One text block of an article. */
export interface Block {
  tag: string;
  text: string;
}

const collapse = (s: string): string => s.replace(/[ \t\n\r\f\v\u00a0]+/g, ' ');

/**
 * Serialise an element to blocks: headings, paragraphs, list items, quotes and preformatted
 * text each become their own block; inline content is joined with whitespace collapsed.
 * `skip` lets the caller prune elements (returns true to drop one with its subtree).
 */
export function toBlocks(root: Element, skip?: (el: Element) => boolean): Block[] {
  const blocks: Block[] = [];
  let buf = '';
  let bufTag = 'p';
  const flush = () => {
    const t = buf.replace(/ *\n */g, '\n').replace(/ {2,}/g, ' ').trim();
    if (t) blocks.push({ tag: bufTag, text: t });
    buf = '';
    bufTag = 'p';
  };
  const visit = (node: Node, blockTag: string, pre: boolean): void => {
    if (node.nodeType === 3) {
      const v = (node as Text).data ?? '';
      buf += pre ? v : collapse(v);
      if (buf.trim()) bufTag = blockTag;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (SKIP_TAGS.has(tag)) return;
    if (skip && skip(el)) return;
    if (tag === 'br') {
      buf += '\n';
      return;
    }
    if (tag === 'td' || tag === 'th') buf += ' ';
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    // Text sitting directly in a generic container (div, section...) is tagged 'div': the
    // extractors treat short unpunctuated 'div' blocks as captions or labels, not prose.
    const bt = block ? (/^(h[1-6]|li|blockquote|pre|p|dt|dd|figcaption|caption|td|th)$/.test(tag) ? tag : 'div') : blockTag;
    for (let c = el.firstChild; c; c = c.nextSibling) visit(c, bt, pre || tag === 'pre');
    if (block) flush();
    if (tag === 'td' || tag === 'th') buf += ' ';
  };
  visit(root, 'p', false);
  flush();
  return blocks;
}

/** Join blocks into text: a blank line between blocks, one newline between consecutive list items. */
export function blocksToText(blocks: readonly Block[]): string {
  let out = '';
  for (let i = 0; i < blocks.length; i++) {
    if (i > 0) out += blocks[i].tag === 'li' && blocks[i - 1].tag === 'li' ? '\n' : '\n\n';
    out += blocks[i].text;
  }
  return out;
}

const ENT: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”' };

/**
 * Linear tag stripper for huge or pathologically nested HTML: drops script/style/head content,
 * turns block tags into paragraph breaks and decodes common entities. No recursion, no DOM.
 */
export function stripTagsLinear(html: string): string {
  const out: string[] = [];
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[^>]*>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  const lower = html.length < 64 * 1024 * 1024 ? html.toLowerCase() : null;
  while ((m = re.exec(html))) {
    out.push(html.slice(last, m.index));
    last = re.lastIndex;
    const tag = (m[2] ?? '').toLowerCase();
    if (!m[1] && (tag === 'script' || tag === 'style' || tag === 'head' || tag === 'noscript' || tag === 'template' || tag === 'svg')) {
      const end = (lower ?? html.toLowerCase()).indexOf(`</${tag}`, last);
      if (end >= 0) {
        const close = html.indexOf('>', end);
        last = close < 0 ? html.length : close + 1;
      } else last = html.length;
      re.lastIndex = last;
      continue;
    }
    if (tag && BLOCK_TAGS.has(tag)) out.push('\n\n');
    else if (tag === 'td' || tag === 'th') out.push(' ');
  }
  out.push(html.slice(last));
  return out
    .join('')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : all;
      }
      return ENT[e.toLowerCase()] ?? all;
    })
    .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
    .replace(/ *\n[ \n]*/g, (s) => (s.split('\n').length > 2 ? '\n\n' : '\n'))
    .trim();
}
