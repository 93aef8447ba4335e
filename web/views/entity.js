/**
 * @module Entity page: facts grouped by predicate (cast with characters, credits, songs, based
 * on, release, metrics), quotes by and about the entity, and the articles that mention it.
 * Every fact links to its evidence: the article view scrolled to the supporting span.
 */
import { api } from '../api.js';
import { documentLink, entityChip, evidenceCard, evidenceRoute, modalityBadge } from '../components.js';
import { h, route } from '../dom.js';
import { FACT_SECTIONS, formatDate, formatLiteral, isEntityRef, shortTitle, sourceLine, visibleQualifiers } from '../format.js';
import { conflictsCard } from './conflicts.js';
import { entityHeader } from './entity-header.js';

/** Quotes shown before "Show all". */
const QUOTES_SHOWN = 4;

/** @param {{ id: string, signal: AbortSignal }} ctx */
export async function renderEntity(ctx) {
  const page = await api.entity(ctx.id, ctx.signal);
  const e = page.entity;
  const sections = factSections(page);
  const quotesBy = (page.quotes ?? []).filter((c) => c.subject?.id === e.id);
  const quotesAbout = (page.quotes ?? []).filter((c) => c.subject?.id !== e.id);

  const node = h(
    'article',
    { class: 'entity-view' },
    entityHeader(page, 'overview'),
    h(
      'div',
      { class: 'entity-grid' },
      h(
        'div',
        { class: 'entity-main' },
        conflictsCard(page.conflicts),
        sections.length ? sections : h('p', { class: 'panel muted' }, 'No facts about this entity have been extracted yet.'),
        quotesSection(`Quotes by ${e.name}`, quotesBy, 'quotes-by'),
        quotesSection(`Quotes about ${e.name}`, quotesAbout, 'quotes-about'),
      ),
      h(
        'aside',
        { class: 'entity-side', 'aria-labelledby': 'docs-title' },
        h('h2', { id: 'docs-title', class: 'section-title' }, 'Mentioned in', h('span', { class: 'count' }, String((page.documents ?? []).length))),
        h('ul', { class: 'doc-list' }, (page.documents ?? []).map((d) => h('li', null, documentLink(d)))),
      ),
    ),
  );
  return { node, title: e.name };
}

/** Fact groups placed into the display sections of FACT_SECTIONS, in that order. */
function factSections(page) {
  const groups = page.facts ?? [];
  const used = new Set();
  const out = [];
  for (const section of FACT_SECTIONS) {
    const mine = groups.filter((g) => section.predicates.includes(g.predicate));
    mine.forEach((g) => used.add(g));
    if (mine.length) out.push(factSection(section.title, mine, page.entity.id));
  }
  const rest = groups.filter((g) => !used.has(g));
  if (rest.length) out.push(factSection('More facts', rest, page.entity.id));
  return out;
}

function factSection(title, groups, entityId) {
  const slug = title.toLowerCase().replace(/[^a-z]+/g, '-');
  return h(
    'section',
    { class: 'card fact-section', 'aria-labelledby': `fs-${slug}` },
    h('h2', { id: `fs-${slug}`, class: 'card-title' }, title),
    groups.map((g) =>
      h(
        'div',
        { class: 'fact-group' },
        h('h3', { class: 'fact-label' }, h('a', { href: route(['facts'], { predicate: g.predicate, entity: entityId }), title: `All “${g.predicate.replace(/_/g, ' ')}” facts about this entity` }, capitalize(g.label))),
        h('ul', { class: 'fact-list' }, mergeClaims(g, entityId).map((f) => factRow(f))),
      ),
    ),
  );
}

/**
 * Claims about the same other side (the same person, work or value) from several articles, or
 * with and without the character named, become one row listing every character and every
 * source. A row is marked speculative/reported/denied only when none of its claims is asserted.
 */
function mergeClaims(group, entityId) {
  const rows = new Map();
  for (const c of group.claims ?? []) {
    const other = group.direction === 'out' ? c.object : c.subject;
    const key = isEntityRef(other) ? `e:${other.id}` : `l:${other?.value}`;
    let row = rows.get(key);
    if (!row) {
      row = { other, quals: new Map(), modalities: new Map(), evidence: [], seen: new Set(), confidence: 0, self: entityId };
      rows.set(key, row);
    }
    for (const [k, v] of visibleQualifiers(c.qualifiers)) {
      if (!row.quals.has(k)) row.quals.set(k, []);
      if (!row.quals.get(k).includes(v)) row.quals.get(k).push(v);
    }
    row.modalities.set(c.modality, (row.modalities.get(c.modality) ?? 0) + 1);
    row.confidence = Math.max(row.confidence, c.confidence ?? 0);
    for (const ev of c.evidence ?? []) {
      const k = `${ev.document?.id}:${ev.start}:${ev.end}`;
      if (!row.seen.has(k)) (row.seen.add(k), row.evidence.push(ev));
    }
  }
  return [...rows.values()]
    .map((r) => ({
      ...r,
      modality: r.modalities.has('asserted') ? 'asserted' : [...r.modalities.entries()].sort((a, b) => b[1] - a[1])[0]?.[0],
      quals: [...r.quals.entries()].map(([k, vs]) => [k, vs.join(', ')]),
    }))
    .sort((a, b) => (a.modality === 'asserted' ? 0 : 1) - (b.modality === 'asserted' ? 0 : 1) || b.evidence.length - a.evidence.length || b.confidence - a.confidence);
}

/** Label of a source pill: the outlet (or a short title when there is none) and the date. */
function pillLabel(doc) {
  return [doc.source || shortTitle(doc.title, 24), formatDate(doc.date)].filter(Boolean).join(' · ') || 'source';
}

function factRow(f) {
  const value = isEntityRef(f.other) ? entityChip(f.other) : h('span', { class: 'literal' }, formatLiteral(f.other ?? { value: '?', datatype: 'string' }));
  const quals = f.quals.map(([k, v]) => (k === 'character' || k === 'role' ? h('span', { class: 'as' }, 'as ', h('strong', null, v)) : h('span', { class: 'qualifier' }, h('span', { class: 'q-key' }, k), ' ', v)));
  const evidence = f.evidence;
  // One pill per article (its first span); every quote is in the expandable list.
  const byDoc = new Map();
  for (const ev of evidence) if (!byDoc.has(ev.document?.id)) byDoc.set(ev.document?.id, ev);
  const pills = [...byDoc.values()];
  return h(
    'li',
    { class: 'fact' },
    h('div', { class: 'fact-main' }, value, quals, modalityBadge(f.modality)),
    evidence.length
      ? h(
          'div',
          { class: 'fact-sources' },
          pills.slice(0, 3).map((ev) => h('a', { class: 'source-pill', href: evidenceRoute(ev), title: `“${ev.quote}” — ${ev.document?.title ?? ''}` }, pillLabel(ev.document ?? {}))),
          pills.length > 3 ? h('span', { class: 'muted', title: `${pills.length} articles` }, `+${pills.length - 3}`) : null,
          h('details', { class: 'fact-quotes' }, h('summary', null, evidence.length === 1 ? 'Quote' : `${evidence.length} quotes`), evidence.map((ev) => evidenceCard(ev, { compact: true }))),
        )
      : null,
  );
}

function quotesSection(title, quotes, id) {
  if (!quotes.length) return null;
  const list = h('ul', { class: 'quote-list' }, quotes.map((c, i) => quoteCard(c, i >= QUOTES_SHOWN)));
  const more =
    quotes.length > QUOTES_SHOWN
      ? h(
          'button',
          {
            class: 'button-link',
            type: 'button',
            'aria-expanded': 'false',
            on: {
              click: (ev) => {
                list.querySelectorAll('.is-collapsed').forEach((li) => li.classList.remove('is-collapsed'));
                /** @type {HTMLElement} */ (ev.currentTarget).remove();
              },
            },
          },
          `Show all ${quotes.length} quotes`,
        )
      : null;
  return h('section', { class: 'quotes', 'aria-labelledby': id }, h('h2', { id, class: 'section-title' }, title, h('span', { class: 'count' }, String(quotes.length))), list, more);
}

function quoteCard(c, collapsed) {
  const ev = (c.evidence ?? [])[0];
  const text = isEntityRef(c.object) ? c.object.name : c.object?.value ?? ev?.quote ?? '';
  const outlet = typeof c.qualifiers?.outlet === 'string' ? c.qualifiers.outlet : null;
  const date = typeof c.qualifiers?.date === 'string' ? formatDate(c.qualifiers.date) : null;
  return h(
    'li',
    { class: `quote-card${collapsed ? ' is-collapsed' : ''}` },
    h('blockquote', { class: 'quote-text' }, `“${text}”`),
    h(
      'p',
      { class: 'quote-attr' },
      c.subject ? entityChip(c.subject) : h('span', { class: 'muted' }, 'Unattributed'),
      outlet || date ? h('span', { class: 'muted' }, [outlet ? `to ${outlet}` : null, date].filter(Boolean).join(', ')) : null,
      modalityBadge(c.modality),
    ),
    ev ? h('p', { class: 'quote-source' }, h('a', { href: evidenceRoute(ev) }, ev.document?.title || 'article'), sourceLine(ev.document ?? {}) ? h('span', { class: 'muted' }, ` · ${sourceLine(ev.document)}`) : null) : null,
  );
}

function capitalize(s) {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
