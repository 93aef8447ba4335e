/**
 * @module Timeline view: an entity's dated events (announced → cast → wrapped → premiered →
 * sequel talks) drawn as a vertical timeline, each event with its quote and source.
 */
import { api } from '../api.js';
import { evidenceCard, modalityBadge } from '../components.js';
import { h } from '../dom.js';
import { formatDate } from '../format.js';
import { entityHeader } from './entity-header.js';

/** @param {{ id: string, signal: AbortSignal }} ctx */
export async function renderTimeline(ctx) {
  const [page, events] = await Promise.all([api.entity(ctx.id, ctx.signal), api.timeline(ctx.id, ctx.signal)]);
  const years = new Set();
  const items = [];
  for (const ev of events) {
    const year = String(ev.date ?? '').slice(0, 4);
    if (year && !years.has(year)) {
      years.add(year);
      items.push(h('li', { class: 'tl-year', 'aria-hidden': 'true' }, h('span', null, year)));
    }
    items.push(eventItem(ev));
  }
  const node = h(
    'article',
    { class: 'timeline-view' },
    entityHeader(page, 'timeline'),
    events.length
      ? h('ol', { class: 'timeline', 'aria-label': `Timeline of ${page.entity.name}` }, items)
      : h('p', { class: 'panel muted' }, 'No dated events about this entity yet.'),
  );
  return { node, title: `${page.entity.name} — timeline` };
}

function eventItem(ev) {
  const claim = ev.claim ?? {};
  const evidence = (claim.evidence ?? [])[0];
  const kind = String(ev.kind ?? '').replace(/_/g, ' ');
  return h(
    'li',
    { class: `tl-event k-${String(ev.kind ?? 'other').replace(/[^a-z]+/gi, '-').toLowerCase()}${ev.modality && ev.modality !== 'asserted' ? ' is-uncertain' : ''}` },
    h('span', { class: 'tl-dot', 'aria-hidden': 'true' }),
    h(
      'div',
      { class: 'tl-card' },
      h(
        'div',
        { class: 'tl-head' },
        h('time', { class: 'tl-date', datetime: /^\d{4}(-\d{2}){0,2}$/.test(ev.date) ? ev.date : null }, formatDate(ev.date)),
        kind ? h('span', { class: 'tl-kind' }, kind) : null,
        modalityBadge(ev.modality),
      ),
      h('p', { class: 'tl-label' }, ev.label),
      evidence ? evidenceCard(evidence, { compact: true }) : null,
    ),
  );
}
