/**
 * @module Article view: the cleaned text with entity mentions (coloured by type, linked to their
 * pages) and claim spans (underlined) highlighted, the claims listed beside it, and — when the
 * route names a span — that span marked and scrolled into view.
 */
import { api } from '../api.js';
import { claimObject, entityChip, modalityBadge } from '../components.js';
import { externalLink, h, route } from '../dom.js';
import { formatDate, typeClass, visibleQualifiers } from '../format.js';

/** @param {{ id: string, start: number | null, end: number | null, signal: AbortSignal }} ctx */
export async function renderArticle(ctx) {
  const view = await api.document(ctx.id, ctx.signal);
  const doc = view.document;
  const text = String(doc.text ?? '');
  const target = ctx.start !== null && ctx.end !== null && ctx.start < ctx.end && ctx.end <= text.length ? { start: ctx.start, end: ctx.end } : null;
  const claimSpans = [];
  for (const c of view.claims ?? []) {
    for (const ev of c.evidence ?? []) if (!ev.document || ev.document.id === doc.id) claimSpans.push({ start: ev.start, end: ev.end, claim: c });
  }
  const body = h('div', { class: 'article-text', 'data-testid': 'article-text' }, annotate(text, view.mentions ?? [], claimSpans, target));
  const meta = [doc.source, formatDate(doc.date), doc.author ? `by ${doc.author}` : null].filter(Boolean).join(' · ');
  const node = h(
    'article',
    { class: 'article-view' },
    h(
      'header',
      { class: 'article-header' },
      h('p', { class: 'eyebrow' }, 'Article'),
      h('h1', { class: 'article-title' }, doc.title || 'Untitled article'),
      h('p', { class: 'article-meta' }, meta ? h('span', null, meta) : null, doc.url ? externalLink(doc.url, 'Read the original ↗') : null),
      h(
        'ul',
        { class: 'legend', 'aria-label': 'Highlights' },
        h('li', null, h('span', { class: 'legend-claim' }, 'underlined'), ' claim evidence'),
        h('li', null, h('span', { class: 'legend-mention' }, 'tinted'), ' entity mention (links to its page)'),
        target ? h('li', null, h('mark', { class: 'target' }, 'marked'), ' the quoted span') : null,
      ),
    ),
    h(
      'div',
      { class: 'article-grid' },
      body,
      h(
        'aside',
        { class: 'article-side', 'aria-labelledby': 'claims-title' },
        h('h2', { id: 'claims-title', class: 'section-title' }, 'Claims in this article', h('span', { class: 'count' }, String((view.claims ?? []).length))),
        claimList(view.claims ?? [], doc.id, target),
      ),
    ),
  );
  return {
    node,
    title: doc.title || 'Article',
    after: () => {
      const mark = node.querySelector('mark.target');
      if (mark) {
        mark.scrollIntoView({ block: 'center' });
        mark.setAttribute('tabindex', '-1');
        /** @type {HTMLElement} */ (mark).focus({ preventScroll: true });
      } else window.scrollTo(0, 0);
    },
  };
}

/** Claims shown before "Show all" (very long articles carry thousands). */
const CLAIMS_SHOWN = 150;

function claimList(claims, docId, target) {
  const list = h('ol', { class: 'claim-list' }, claims.slice(0, CLAIMS_SHOWN).map((c) => claimItem(c, docId, target)));
  if (claims.length <= CLAIMS_SHOWN) return list;
  const more = h(
    'button',
    {
      class: 'button-link',
      type: 'button',
      on: {
        click: () => {
          for (const c of claims.slice(CLAIMS_SHOWN)) list.appendChild(claimItem(c, docId, target));
          more.remove();
        },
      },
    },
    `Show all ${claims.length} claims`,
  );
  return h('div', null, list, more);
}

/** One claim of the article: "subject · predicate · object", linking to its span. */
function claimItem(c, docId, target) {
  const ev = (c.evidence ?? []).find((e) => !e.document || e.document.id === docId);
  const isTarget = ev && target && ev.start === target.start && ev.end === target.end;
  const quals = visibleQualifiers(c.qualifiers).filter(([k]) => k !== 'date');
  return h(
    'li',
    { class: `claim-item${isTarget ? ' is-target' : ''}` },
    h(
      'div',
      { class: 'claim-line' },
      entityChip(c.subject),
      h('span', { class: 'claim-pred' }, String(c.predicate).replace(/_/g, ' ')),
      c.predicate === 'said' ? h('span', { class: 'literal claim-said' }, `“${truncate(c.object?.value ?? '', 90)}”`) : claimObject(c),
      quals.map(([k, v]) => h('span', { class: 'qualifier' }, h('span', { class: 'q-key' }, k), ' ', v)),
      modalityBadge(c.modality),
    ),
    ev ? h('a', { class: 'claim-jump', href: route(['doc', docId], { start: ev.start, end: ev.end }) }, 'Show in text') : null,
  );
}

function truncate(s, n) {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

/**
 * Split the text at every mention, claim and target boundary and rebuild it as nodes: mentions
 * become links (one per mention), claim-covered pieces are underlined, the target is a <mark>.
 * Everything is text nodes: the article is never parsed as HTML.
 */
function annotate(text, mentions, claimSpans, target) {
  const valid = (s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end;
  // Mentions must not overlap: keep the earliest, then the longest.
  const ms = mentions.filter(valid).sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen = [];
  let last = -1;
  for (const m of ms) if (m.start >= last) (chosen.push(m), (last = m.end));
  const spans = claimSpans.filter(valid).sort((a, b) => a.start - b.start);

  const points = new Set([0, text.length]);
  for (const m of chosen) (points.add(m.start), points.add(m.end));
  for (const s of spans) (points.add(s.start), points.add(s.end));
  if (target) (points.add(target.start), points.add(target.end));
  const cuts = [...points].sort((a, b) => a - b);

  const frag = document.createDocumentFragment();
  let mi = 0;
  /** @type {HTMLElement | null} */
  let mentionEl = null;
  let mentionEnd = -1;
  /** @type {HTMLElement | null} */
  let markEl = null;
  // Sweep: claim spans that cover the current piece (added as they start, dropped as they end),
  // so long articles with many claims stay linear rather than pieces × claims.
  let si = 0;
  /** @type {typeof spans} */
  let active = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i];
    const b = cuts[i + 1];
    const piece = text.slice(a, b);
    while (mi < chosen.length && chosen[mi].end <= a) mi++;
    const m = mi < chosen.length && chosen[mi].start <= a && chosen[mi].end >= b ? chosen[mi] : null;
    const inTarget = target && target.start <= a && target.end >= b;
    while (si < spans.length && spans[si].start <= a) active.push(spans[si++]);
    active = active.filter((s) => s.end > a);
    const covering = active.filter((s) => s.start <= a && s.end >= b);

    const node = covering.length
      ? h('span', { class: 'claim-span', title: covering.map((s) => String(s.claim.predicate).replace(/_/g, ' ')).join(', ') }, piece)
      : document.createTextNode(piece);

    // Parent: the mention's link (one element per mention), inside the target mark when marked.
    let parent = /** @type {Node} */ (frag);
    if (inTarget) {
      if (!markEl) {
        markEl = h('mark', { class: 'target', id: 'target' });
        frag.appendChild(markEl);
      }
      parent = markEl;
    } else markEl = null;
    if (m) {
      if (!mentionEl || mentionEnd !== m.end || mentionEl.parentNode !== parent) {
        mentionEl = h('a', { class: `mention ${typeClass(m.entity?.type)}`, href: m.entity ? route(['entity', m.entity.id]) : null, title: m.entity ? `${m.entity.name} (${m.entity.type})` : null });
        mentionEnd = m.end;
        parent.appendChild(mentionEl);
      }
      parent = mentionEl;
    } else {
      mentionEl = null;
    }
    parent.appendChild(node);
  }
  return frag;
}
