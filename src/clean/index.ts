/**
 * @module Cleaning: raw article → frozen clean text + metadata + trace. HTML goes through a cascade
 * in trafilatura's spirit (Readability over linkedom first, our own extractors as fallback and
 * corrector, the linear tag stripper as the baseline that always answers); then plain text and
 * extracted text alike get line-level boilerplate removal and whitespace normalisation.
 */
import type { ArticleMeta } from '../doc/document.js';
import { MarqueeError } from '../errors.js';
import { firstSentence } from '../read/text.js';
import type { RawArticle } from '../read/types.js';
import { removeBoilerplateLines } from './boilerplate.js';
import { domRefusal, parseDocument, stripTagsLinear } from './dom.js';
import { extractContainer, extractReadability, type Candidate } from './extractors.js';
import { guessLanguage } from './language.js';
import { extractPageMeta, type PageMeta } from './metadata.js';
import type { CleanOptions, CleanResult, TraceEntry } from './types.js';

export type { CleanOptions, CleanResult, TraceEntry } from './types.js';

/** Below this many characters Readability most likely missed the article (design §2.4). */
export const MIN_EXTRACTED_CHARS = 250;
/**
 * Our container extractor replaces Readability's answer when it is this many times longer:
 * Readability sometimes settles on one section of a long article.
 */
export const FALLBACK_ACCEPT_RATIO = 2;

/**
 * Corrector for precision: when our container's text is almost wholly inside Readability's
 * (this share of its words) but clearly shorter, Readability most likely swept in a neighbouring
 * block (a press-release footer, a teaser box) that the container's scope leaves out.
 */
export const SUBSET_MIN_CONTAINMENT = 0.98;
/**
 * ...and the container holds between these shares of Readability's length: below the lower bound
 * the container probably missed part of the article, above the upper one the gain is noise.
 */
export const SUBSET_MIN_RATIO = 0.6;
export const SUBSET_MAX_RATIO = 0.85;

const wordsOf = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Share of `inner`'s words that also occur in `outer`. */
function containment(inner: string, outer: string): number {
  const iw = wordsOf(inner);
  if (iw.length === 0) return 0;
  const ow = new Set(wordsOf(outer));
  return iw.filter((w) => ow.has(w)).length / iw.length;
}

/** A block at least this long is prose, so Readability's first such block is the article's lead. */
export const LEAD_MIN_CHARS = 60;

/** True when the candidate keeps Readability's lead paragraph (the subset must not drop the opening). */
function keepsLead(c: Candidate, rd: Candidate): boolean {
  const lead = rd.blocks.find((b) => b.text.length >= LEAD_MIN_CHARS);
  return !lead || c.text.includes(lead.text);
}

/** Clean one raw article. Throws MarqueeError E102 when no text is left. */
export function cleanArticle(raw: RawArticle, opts: CleanOptions = {}): CleanResult {
  const trace: TraceEntry[] = [];
  const t = (event: string, data: Record<string, unknown>) => trace.push({ stage: 'clean', event, data });
  let body: string;
  let page: PageMeta | null = null;
  let fromHtml = false;
  if (raw.html !== undefined && raw.html !== null && raw.html.trim() !== '' && !(raw.text && raw.text.trim())) {
    fromHtml = true;
    const r = extractHtml(raw.html, raw.url ?? null, t, !!opts.explain);
    body = r.text;
    page = r.meta;
  } else {
    body = raw.text ?? '';
    t('input', { kind: 'text', chars: body.length });
  }
  const given = givenTitle(raw, page);
  const { text, dropped } = removeBoilerplateLines(body, given, { cutTail: fromHtml });
  const title = given ?? firstSentence(text);
  if (dropped.length) {
    const counts: Record<string, number> = {};
    for (const d of dropped) counts[d.rule] = (counts[d.rule] ?? 0) + 1;
    t('boilerplate-lines', opts.explain ? { counts, lines: dropped } : { counts });
  }
  if (!text.trim()) {
    throw new MarqueeError('E102', `${raw.path}: no article text is left after cleaning (empty article).`, { path: raw.path });
  }
  const meta: ArticleMeta = {
    title,
    source: raw.source ?? page?.source ?? null,
    url: raw.url ?? page?.url ?? null,
    date: raw.date ?? page?.date ?? null,
    dateSource: raw.date ? (raw.dateSource ?? 'field') : (page?.dateSource ?? null),
    author: raw.author ?? page?.author ?? null,
    language: raw.language ?? page?.language ?? guessLanguage(text),
    path: raw.path,
  };
  t('meta', { title: meta.title, date: meta.date, dateSource: meta.dateSource });
  return { text, meta, trace };
}

/** The title given by the input or the page's metadata (null when it must be derived from the text). */
function givenTitle(raw: RawArticle, page: PageMeta | null): string | null {
  const t = raw.title ?? page?.title ?? null;
  return t && t.trim() ? t.replace(/\s+/g, ' ').trim() : null;
}

type Tracer = (event: string, data: Record<string, unknown>) => void;

/** HTML → text by the cascade; also the page's metadata. */
export function extractHtml(html: string, url: string | null, t: Tracer, explain = false): { text: string; meta: PageMeta | null } {
  const refusal = domRefusal(html);
  if (refusal) {
    t('chose', { extractor: 'linear', reason: refusal });
    return { text: stripTagsLinear(html), meta: null };
  }
  let meta: PageMeta | null = null;
  let candidates: Candidate[] = [];
  try {
    const doc = parseDocument(html);
    meta = extractPageMeta(doc, url);
    // Our extractor only reads the DOM, so it runs first; Readability then rewrites the same tree.
    const ours = extractContainer(doc);
    const rd = extractReadability(doc);
    candidates = [rd, ours].filter((c): c is Candidate => !!c);
  } catch (e) {
    t('dom-failed', { error: String((e as Error)?.message ?? e).slice(0, 200) });
  }
  const rd = candidates.find((c) => c.extractor === 'readability');
  const ours = candidates.find((c) => c.extractor === 'container');
  const lengths = candidates.map((c) => ({ extractor: c.extractor, length: c.text.length }));
  let chosen: Candidate | null = null;
  let rule = '';
  if (rd && rd.text.length >= MIN_EXTRACTED_CHARS) {
    const ratio = ours ? ours.text.length / rd.text.length : 0;
    if (ours && ratio >= FALLBACK_ACCEPT_RATIO) {
      chosen = ours;
      rule = `container ≥ FALLBACK_ACCEPT_RATIO (${FALLBACK_ACCEPT_RATIO}) × readability`;
    } else if (ours && ratio >= SUBSET_MIN_RATIO && ratio <= SUBSET_MAX_RATIO && containment(ours.text, rd.text) >= SUBSET_MIN_CONTAINMENT && keepsLead(ours, rd)) {
      chosen = ours;
      rule = `container is a ${SUBSET_MIN_RATIO}–${SUBSET_MAX_RATIO} subset of readability (containment ≥ ${SUBSET_MIN_CONTAINMENT})`;
    } else {
      chosen = rd;
      rule = `readability ≥ MIN_EXTRACTED_CHARS (${MIN_EXTRACTED_CHARS})`;
    }
  } else {
    // A short page or a fragment (feed item, JSONL html): the longest non-empty candidate.
    const best = [rd, ours].filter((c): c is Candidate => !!c && c.text.trim() !== '').sort((a, b) => b.text.length - a.text.length)[0];
    if (best) {
      chosen = best;
      rule = `no candidate ≥ MIN_EXTRACTED_CHARS (${MIN_EXTRACTED_CHARS}): longest`;
    }
  }
  if (chosen) {
    t('chose', { extractor: chosen.extractor, length: chosen.text.length, rule, candidates: lengths, ...(explain ? { notes: chosen.notes } : {}) });
    return { text: chosen.text, meta };
  }
  const text = stripTagsLinear(html);
  t('chose', { extractor: 'linear', length: text.length, rule: 'no DOM candidate has text', candidates: lengths });
  return { text, meta };
}
