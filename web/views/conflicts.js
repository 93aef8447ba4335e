/**
 * @module "Sources disagree" card of the entity page: facts the articles contradict each other on
 * (src/curate/conflicts.ts). Each side shows its value, how many sources state it, its dates and
 * every supporting quote (linked to the article view at the span). For a status that changed
 * (a sequel "in talks", later "confirmed") the latest side is marked current and the earlier ones
 * stay as history. All text is untrusted and goes in through h() as text nodes.
 */
import { entityChip, evidenceCard, modalityBadge } from '../components.js';
import { h } from '../dom.js';
import { formatDate, formatLiteral, isEntityRef } from '../format.js';

const KIND_NOTE = {
  'single-valued': 'Sources give different values for something that has only one.',
  status: 'The status changed over time; the latest report is current, earlier ones are kept as history.',
  negation: 'Some sources state this, others deny it.',
};

/**
 * @param {any[] | undefined} conflicts
 * @returns {HTMLElement | null}
 */
export function conflictsCard(conflicts) {
  const list = conflicts ?? [];
  if (!list.length) return null;
  return h(
    'section',
    { class: 'card conflicts', 'aria-labelledby': 'conflicts-title', 'data-count': String(list.length) },
    h(
      'h2',
      { id: 'conflicts-title', class: 'card-title' },
      h('span', { class: 'disputed-badge' }, 'Disputed'),
      'Sources disagree',
      h('span', { class: 'count' }, String(list.length)),
    ),
    list.map((c) => conflictBlock(c)),
  );
}

function conflictBlock(c) {
  const label = String(c.label ?? c.predicate ?? '').replace(/_/g, ' ');
  return h(
    'div',
    { class: `conflict conflict-${c.kind}`, 'data-predicate': c.predicate },
    h('h3', { class: 'fact-label' }, capitalize(label), c.current ? h('span', { class: 'muted conflict-now' }, ` · now: ${c.current}`) : null),
    h('p', { class: 'muted conflict-note' }, KIND_NOTE[c.kind] ?? ''),
    h('ol', { class: 'conflict-sides' }, (c.sides ?? []).map((s) => sideRow(s))),
  );
}

function sideRow(s) {
  const dates = [s.firstSeen, s.lastSeen].filter(Boolean).map(formatDate);
  const when = dates.length ? (dates[0] === dates[dates.length - 1] ? dates[0] : `${dates[0]} – ${dates[dates.length - 1]}`) : 'undated';
  const evidence = s.evidence ?? [];
  return h(
    'li',
    { class: `conflict-side${s.current ? ' is-current' : ''}` },
    h(
      'div',
      { class: 'side-head' },
      sideValue(s),
      s.current ? h('span', { class: 'current-badge', title: 'The latest status reported' }, 'Current') : null,
      modalityBadge(s.modality),
      h('span', { class: 'muted side-meta' }, `${s.sources ?? 0} source${s.sources === 1 ? '' : 's'} · ${when}`),
    ),
    evidence.length ? h('div', { class: 'side-quotes' }, evidence.map((ev) => evidenceCard(ev, { compact: true }))) : null,
  );
}

/** An entity side as a chip to its page; a literal formatted (dates as "29 Jul 2022") with the raw value in its title. */
function sideValue(s) {
  if (isEntityRef(s.object)) return h('strong', { class: 'side-value' }, entityChip(s.object));
  const shown = s.object && typeof s.object.value === 'string' ? formatLiteral(s.object) : String(s.value ?? '');
  return h('strong', { class: 'side-value', title: String(s.value ?? ''), 'data-value': String(s.value ?? '') }, shown);
}

function capitalize(s) {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
