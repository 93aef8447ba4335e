/**
 * @module The extractors of the cascade: Readability (Mozilla's, over linkedom) with our pruning of
 * boilerplate blocks, a container/density extractor of our own, and the linear baseline.
 */
import { Readability } from '@mozilla/readability';
import { blocksToText, toBlocks, type Block } from './dom.js';
import { BOILERPLATE_TAGS, BOILERPLATE_TOKENS, CONTENT_SELECTORS } from './selectors.js';

export type ExtractorName = 'readability' | 'container' | 'paragraphs' | 'linear';

export interface Candidate {
  extractor: ExtractorName;
  blocks: Block[];
  text: string;
  /** Notes for the trace (what was pruned). */
  notes: Record<string, unknown>;
}

/** Class/id token matcher built from BOILERPLATE_TOKENS (whole tokens split on `-`, `_`, space). */
const TOKEN_SET = new Set(BOILERPLATE_TOKENS);

/** Tokens of an element's class and id. */
function classTokens(el: Element): string[] {
  const s = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  if (!s.trim()) return [];
  const parts = s.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (const p of parts) {
    out.push(p);
    for (const t of p.split(/[-_]+|(?<=[a-z])(?=[A-Z])/)) if (t) out.push(t);
  }
  return out;
}

/** True when an element inside an article is boilerplate (caption, share bar, related list...). */
export function isBoilerplateElement(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  if (BOILERPLATE_TAGS.has(tag)) return true;
  if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  const role = el.getAttribute('role');
  if (role && /^(navigation|complementary|banner|contentinfo|dialog|alert)$/.test(role)) return true;
  return classTokens(el).some((t) => TOKEN_SET.has(t));
}

/**
 * A boilerplate-looking element holding more than this share of the article's text is kept:
 * a wrapper whose class happens to contain "meta" or "print" is not a share bar.
 */
export const MAX_PRUNE_SHARE = 0.25;

/** A loose text block (not in a paragraph, heading or list) shorter than this may be a caption. */
export const MAX_CAPTION_CHARS = 120;

/**
 * A caption or label left loose in a container: short, not in a <p>/heading/list, and without
 * sentence-final punctuation ("Protesters have worn masks to protect their identities").
 */
export function isCaptionLike(b: Block): boolean {
  return b.tag === 'div' && b.text.length < MAX_CAPTION_CHARS && !/[.!?:;"”’)…]$/.test(b.text);
}

/** Readability, its output pruned of boilerplate blocks. Null when Readability finds nothing. */
export function extractReadability(doc: Document): Candidate | null {
  let article: { content: unknown } | null;
  try {
    const r = new Readability(doc as never, { serializer: (el: unknown) => el, keepClasses: true } as never);
    article = r.parse() as { content: unknown } | null;
  } catch {
    return null;
  }
  const root = article?.content as Element | undefined;
  if (!root || typeof root !== 'object') return null;
  const rootLen = (root.textContent ?? '').length;
  const pruned: string[] = [];
  const blocks = toBlocks(root, (el) => {
    if (isNavList(el)) {
      pruned.push(`nav-list ${el.tagName.toLowerCase()}:${(el.textContent ?? '').length}`);
      return true;
    }
    if (!isBoilerplateElement(el)) return false;
    const len = (el.textContent ?? '').length;
    if (len > MAX_PRUNE_SHARE * rootLen) return false;
    pruned.push(`${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').slice(0, 40)}#${el.getAttribute('id') ?? ''}:${len}`);
    return true;
  });
  const kept = blocks.filter((b) => {
    if (!isCaptionLike(b)) return true;
    pruned.push(`caption-like:${b.text.slice(0, 60)}`);
    return false;
  });
  return { extractor: 'readability', blocks: kept, text: blocksToText(kept), notes: { pruned } };
}

/** Link density of an element: share of its text inside links. */
function linkDensity(el: Element): number {
  const total = (el.textContent ?? '').length;
  if (total === 0) return 1;
  let inLinks = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) inLinks += (a.textContent ?? '').length;
  return inLinks / total;
}

/** A list needs at least this many links to be taken for navigation. */
export const MIN_NAV_LINKS = 4;
/** Share of a list's text inside links above which it is navigation (menus, "more stories"). */
export const NAV_LINK_DENSITY = 0.8;
/** Mean link text shorter than this: menu entries ("Home", "Local"), not cited headlines in prose. */
export const NAV_MEAN_LINK_CHARS = 30;

/** True for a link list that is navigation: many short links and almost no other text. */
export function isNavList(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  if (tag !== 'ul' && tag !== 'ol' && tag !== 'menu' && tag !== 'nav' && tag !== 'div') return false;
  const links = Array.from(el.querySelectorAll('a'));
  if (links.length < MIN_NAV_LINKS) return false;
  const total = (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  if (total === 0) return false;
  let inLinks = 0;
  for (const a of links) inLinks += (a.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return inLinks / total >= NAV_LINK_DENSITY && inLinks / links.length < NAV_MEAN_LINK_CHARS;
}

/** Link density above which a block is navigation, not prose. */
export const MAX_BLOCK_LINK_DENSITY = 0.5;

/** A content container needs at least this much text to be taken for the article body. */
export const MIN_CONTAINER_CHARS = 200;

/** Our own: the first content container by selector; else the element holding the most paragraph text. */
export function extractContainer(doc: Document): Candidate | null {
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  let root: Element | null = null;
  let via = '';
  let parts: Element[] = [];
  for (const sel of CONTENT_SELECTORS) {
    let els: Element[];
    try {
      els = Array.from(doc.querySelectorAll(sel));
    } catch {
      continue;
    }
    let best: Element | null = null;
    let bestLen = 0;
    for (const el of els) {
      const len = (el.textContent ?? '').length;
      if (len > bestLen) {
        best = el;
        bestLen = len;
      }
    }
    if (best && bestLen > MIN_CONTAINER_CHARS) {
      root = best;
      via = sel;
      // Class-named bodies are often split in several blocks (ads between them): take every
      // substantial one that is not inside another. Generic tags (article, main) hold teasers too.
      if (sel.startsWith('[')) {
        parts = els.filter((el) => (el.textContent ?? '').length > MIN_CONTAINER_CHARS && !els.some((o) => o !== el && o.contains(el)));
      }
      break;
    }
  }
  if (!root) {
    // Density: the parent with the most text in <p> children.
    const score = new Map<Element, number>();
    for (const p of Array.from(body.querySelectorAll('p'))) {
      const len = (p.textContent ?? '').trim().length;
      const parent = p.parentElement;
      if (!parent || len < 25) continue;
      score.set(parent, (score.get(parent) ?? 0) + len);
    }
    let bestScore = 0;
    for (const [el, s] of score) if (s > bestScore) [root, bestScore] = [el, s];
    via = 'paragraph-density';
  }
  if (!root) return null;
  const tops = parts.length > 1 ? parts : [root];
  const rootLen = tops.reduce((n, el) => n + (el.textContent ?? '').length, 0);
  const pruned: string[] = [];
  const skip = (el: Element): boolean => {
    if (tops.includes(el)) return false;
    const len = (el.textContent ?? '').length;
    const drop =
      isNavList(el) ||
      (isBoilerplateElement(el) && len <= MAX_PRUNE_SHARE * rootLen) ||
      (el.tagName.toLowerCase() !== 'p' && len < 400 && linkDensity(el) > MAX_BLOCK_LINK_DENSITY);
    if (drop) pruned.push(`${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').slice(0, 40)}:${len}`);
    return drop;
  };
  const blocks = tops.flatMap((el) => toBlocks(el, skip));
  return { extractor: 'container', blocks, text: blocksToText(blocks), notes: { via, parts: tops.length, pruned } };
}
