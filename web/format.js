/**
 * @module Presentation helpers of the web UI: dates, entity types, predicate groups, literals.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An ISO date at its own precision: `2022-07-29` → "29 Jul 2022", `2021-10` → "Oct 2021",
 * `2017` → "2017". Anything else is shown as given.
 *
 * @param {string | null | undefined} value
 * @returns {string}
 */
export function formatDate(value) {
  if (!value) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(String(value));
  if (!m) return String(value);
  const [, y, mo, d] = m;
  if (d && mo) return `${Number(d)} ${MONTHS[Number(mo) - 1] ?? mo} ${y}`;
  if (mo) return `${MONTHS[Number(mo) - 1] ?? mo} ${y}`;
  return y;
}

/** Human names of entity types. */
export const TYPE_LABEL = {
  person: 'Person',
  work: 'Work',
  character: 'Character',
  organization: 'Organization',
  place: 'Place',
  award: 'Award',
  event: 'Event',
};

/** @param {{type: string, subtype?: string | null}} e */
export function typeLabel(e) {
  const base = TYPE_LABEL[e.type] ?? e.type;
  return e.subtype ? `${base} · ${String(e.subtype).replace(/_/g, ' ')}` : base;
}

/** CSS class of an entity type (colour coding). @param {string} type */
export function typeClass(type) {
  return TYPE_LABEL[type] ? `t-${type}` : 't-other';
}

/**
 * Sections of an entity page, in display order, and the predicates each gathers.
 * Facts whose predicate is not listed go to "More facts".
 */
export const FACT_SECTIONS = [
  { title: 'Cast & characters', predicates: ['cast_member', 'characters'] },
  { title: 'Credits', predicates: ['director', 'screenwriter', 'producer', 'executive_producer', 'director_of_photography', 'production_company', 'distributed_by', 'original_broadcaster'] },
  { title: 'Music', predicates: ['performer', 'songwriter', 'composer', 'lyricist', 'record_label', 'featured_in', 'part_of'] },
  { title: 'Based on', predicates: ['based_on', 'author'] },
  { title: 'Release & milestones', predicates: ['publication_date', 'announced', 'cast_announced', 'filming_started', 'filming_wrapped', 'renewed', 'cancelled', 'sequel', 'filming_location'] },
  { title: 'Awards', predicates: ['award_received', 'nominated_for'] },
  { title: 'Metrics', predicates: ['hours_viewed', 'views', 'box_office', 'chart_position', 'chart_run', 'ranking'] },
  { title: 'Personal', predicates: ['spouse', 'member_of', 'occupation'] },
];

/**
 * A literal value for display: dates at their precision, quantities with grouping.
 *
 * @param {{value: string, datatype: string}} lit
 */
export function formatLiteral(lit) {
  if (lit.datatype === 'date') return formatDate(lit.value);
  if (lit.datatype === 'quantity' && /^-?\d+(\.\d+)?$/.test(lit.value)) {
    const n = Number(lit.value);
    if (Math.abs(n) >= 1e6) return `${(n / 1e6).toLocaleString('en', { maximumFractionDigits: 2 })} million`;
    return n.toLocaleString('en');
  }
  return lit.value;
}

/** True when the object of a claim is an entity reference. */
export function isEntityRef(x) {
  return x && typeof x === 'object' && typeof x.id === 'string';
}

/**
 * Qualifiers that are bookkeeping, or repeat what the row already shows (the value's own text,
 * unit or precision; modality has its own badge).
 */
const HIDDEN_QUALIFIERS = new Set(['precision', 'dateSource', 'text', 'unit', 'mention', 'extractor', 'sentence', 'modality', 'rank', 'confidence', 'source']);

/** Qualifiers worth showing next to a fact, as [key, value] pairs; ISO dates are formatted. */
export function visibleQualifiers(q) {
  const out = [];
  for (const [k, v] of Object.entries(q ?? {})) {
    if (v === null || v === undefined || v === '' || typeof v === 'boolean') continue;
    if (k.endsWith('Id') || HIDDEN_QUALIFIERS.has(k)) continue;
    const value = typeof v === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(v) ? formatDate(v) : String(v);
    out.push([k.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(), value]);
  }
  return out;
}

/** A title shortened to `n` characters at a word boundary. */
export function shortTitle(title, n = 28) {
  const t = String(title ?? '').trim();
  if (t.length <= n) return t;
  const cut = t.slice(0, n);
  const sp = cut.lastIndexOf(' ');
  return (sp > n / 2 ? cut.slice(0, sp) : cut).replace(/[\s,.;:–—-]+$/, '') + '…';
}

/** Modalities other than a plain assertion get a badge. */
export const MODALITY_LABEL = { reported: 'reported', speculative: 'speculative', negated: 'denied' };

/** "Outlet · 29 Jul 2022" for an evidence document. */
export function sourceLine(doc) {
  return [doc.source, formatDate(doc.date)].filter(Boolean).join(' · ');
}
