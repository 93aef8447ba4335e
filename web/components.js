/**
 * @module Reusable pieces of the web UI: entity chips, evidence cards (the quoted span highlighted
 * inside its sentence), source lines, loading and error states.
 */
import { externalLink, h, highlighted, route } from './dom.js';
import { formatDate, formatLiteral, isEntityRef, MODALITY_LABEL, sourceLine, typeClass, typeLabel } from './format.js';

/**
 * A coloured link to an entity page.
 *
 * @param {{id: string, name: string, type: string, subtype?: string | null}} e
 * @param {{large?: boolean}} [opts]
 */
export function entityChip(e, opts = {}) {
  return h(
    'a',
    { class: `chip ${typeClass(e.type)}${opts.large ? ' chip-lg' : ''}`, href: route(['entity', e.id]), title: typeLabel(e) },
    h('span', { class: 'dot', 'aria-hidden': 'true' }),
    e.name,
  );
}

/** A small type badge ("Person", "Work · film"). */
export function typeBadge(e) {
  return h('span', { class: `badge ${typeClass(e.type)}` }, typeLabel(e));
}

/** Route of the article view scrolled to an evidence span. */
export function evidenceRoute(ev) {
  return route(['doc', ev.document.id], { start: ev.start, end: ev.end });
}

/**
 * The sentence of a piece of evidence with its quote marked. Falls back to the quote alone when
 * the sentence does not contain it (a span crossing sentences).
 */
export function quotedSentence(ev, opts = {}) {
  const sentence = typeof ev.sentence === 'string' && ev.sentence ? ev.sentence : ev.quote;
  const quote = String(ev.quote ?? '');
  let at = -1;
  if (typeof ev.sentenceStart === 'number') {
    const local = ev.start - ev.sentenceStart;
    if (sentence.slice(local, local + quote.length) === quote) at = local;
  }
  if (at < 0) at = sentence.indexOf(quote);
  if (at < 0) return highlighted(quote, 0, quote.length);
  // A snippet that is the whole sentence says nothing by being marked (search hits).
  if (opts.markWhole === false && at === 0 && quote.length === sentence.length) return document.createTextNode(sentence);
  return highlighted(sentence, at, at + quote.length);
}

/**
 * A supporting quote: its sentence with the span highlighted, then the article's title (to the
 * article view at that span), outlet and date, and the original URL when it is http(s).
 *
 * @param {any} ev Evidence
 * @param {{compact?: boolean, markWhole?: boolean}} [opts]
 */
export function evidenceCard(ev, opts = {}) {
  const doc = ev.document ?? {};
  return h(
    'figure',
    { class: `evidence${opts.compact ? ' evidence-compact' : ''}` },
    h('blockquote', { class: 'evidence-sentence' }, quotedSentence(ev, opts)),
    h(
      'figcaption',
      { class: 'evidence-source' },
      h('a', { class: 'evidence-title', href: evidenceRoute(ev) }, doc.title || 'Untitled article'),
      sourceLine(doc) ? h('span', { class: 'evidence-meta' }, sourceLine(doc)) : null,
      doc.url ? externalLink(doc.url, h('span', null, 'original', h('span', { class: 'sr-only' }, ' (opens the publisher’s page)'), ' ↗')) : null,
    ),
  );
}

/** The object of a claim: an entity chip or a formatted literal. */
export function claimObject(claim) {
  return isEntityRef(claim.object) ? entityChip(claim.object) : h('span', { class: 'literal' }, formatLiteral(claim.object));
}

/** A badge for non-asserted claims (reported, speculative, denied), or null. */
export function modalityBadge(modality) {
  const label = MODALITY_LABEL[modality];
  return label ? h('span', { class: `modality m-${modality}`, title: `This claim is ${label} in its source` }, label) : null;
}

/** "Title · Outlet · date" line linking to an article. */
export function documentLink(doc) {
  return h(
    'a',
    { class: 'doc-link', href: route(['doc', doc.id]) },
    h('span', { class: 'doc-link-title' }, doc.title || 'Untitled article'),
    h('span', { class: 'doc-link-meta' }, [doc.source, formatDate(doc.date)].filter(Boolean).join(' · ')),
  );
}

/** Placeholder while a view loads. */
export function loading(label = 'Loading…') {
  return h('div', { class: 'loading', role: 'status', 'aria-live': 'polite' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), label);
}

/** A friendly error panel for a failed request. */
export function errorPanel(err, title = 'Something went wrong') {
  const notFound = err && err.status === 404;
  return h(
    'section',
    { class: 'panel error-panel', role: 'alert' },
    h('h2', null, notFound ? 'Not found' : title),
    h('p', null, err && err.message ? err.message : String(err)),
    h('p', null, h('a', { href: '#/' }, '← Back to search')),
  );
}

/** Section heading with an optional count and id (for aria-labelledby). */
export function sectionTitle(text, count, id) {
  return h('h2', { class: 'section-title', id }, text, typeof count === 'number' ? h('span', { class: 'count' }, String(count)) : null);
}
