/**
 * @module The header shared by an entity's page, timeline and graph: type, name, aliases, counts,
 * and tabs between the three views.
 */
import { typeBadge } from '../components.js';
import { h, route } from '../dom.js';
import { typeClass } from '../format.js';

/**
 * @param {any} page EntityPage
 * @param {'overview' | 'timeline' | 'graph'} active
 */
export function entityHeader(page, active) {
  const e = page.entity;
  const tabs = [
    ['overview', 'Overview', route(['entity', e.id])],
    ['timeline', 'Timeline', route(['entity', e.id, 'timeline'])],
    ['graph', 'Graph', route(['entity', e.id, 'graph'])],
  ];
  const counts = [];
  if (typeof e.mentionCount === 'number') counts.push(`${e.mentionCount.toLocaleString('en')} mention${e.mentionCount === 1 ? '' : 's'}`);
  if (typeof e.documentCount === 'number') counts.push(`${e.documentCount.toLocaleString('en')} article${e.documentCount === 1 ? '' : 's'}`);
  return h(
    'header',
    { class: `entity-header ${typeClass(e.type)}` },
    h('div', { class: 'entity-header-top' }, typeBadge(e), counts.length ? h('span', { class: 'muted' }, counts.join(' · ')) : null),
    h('h1', { class: 'entity-name' }, e.name),
    page.aliases && page.aliases.length
      ? h('p', { class: 'aliases' }, h('span', { class: 'muted' }, 'Also known as '), page.aliases.slice(0, 12).map((a, i) => [i ? ', ' : '', h('span', { class: 'alias' }, a)]))
      : null,
    h(
      'nav',
      { class: 'tabs', 'aria-label': 'Entity views' },
      tabs.map(([key, label, href]) => h('a', { class: `tab${key === active ? ' is-active' : ''}`, href, 'aria-current': key === active ? 'page' : null }, label)),
    ),
  );
}
