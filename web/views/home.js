/**
 * @module Home view: the big search/ask box with typeahead, example questions, and what the
 * knowledge base holds.
 */
import { api } from '../api.js';
import { h, route } from '../dom.js';
import { searchBox } from '../typeahead.js';

/** Questions a new user can click to see what Marquee does. */
const EXAMPLES = [
  'Who plays Cassie in Purple Hearts?',
  'What songs are in Purple Hearts?',
  'When did Purple Hearts premiere?',
  'Who directed Purple Hearts?',
  'What is Purple Hearts based on?',
  'Will there be a Purple Hearts sequel?',
];

/**
 * @param {{ signal: AbortSignal, nav: { ask: (q: string) => void, entity: (e: {id: string}) => void } }} ctx
 */
export async function renderHome(ctx) {
  /** @type {any} */
  let health = null;
  try {
    health = await api.health(ctx.signal);
  } catch {
    health = null;
  }
  const box = searchBox({ large: true, onAsk: ctx.nav.ask, onEntity: ctx.nav.entity });
  const stats = health
    ? h(
        'ul',
        { class: 'stats', 'aria-label': 'In this knowledge base' },
        stat(health.documents, 'articles'),
        stat(health.entities, 'entities'),
        stat(health.claims, 'cited claims'),
      )
    : null;
  const node = h(
    'div',
    { class: 'home' },
    h(
      'section',
      { class: 'hero' },
      h('p', { class: 'eyebrow' }, 'Entertainment news, cited'),
      h('h1', { class: 'hero-title' }, 'Ask who plays whom, what the songs are, when it premiered.'),
      h('p', { class: 'hero-sub' }, 'Every answer shows the sentence it came from, highlighted in the article.'),
      box,
      h('p', { class: 'hint' }, 'Tip: press ', h('kbd', null, '/'), ' to search from anywhere; ', h('kbd', null, '↓'), ' ', h('kbd', null, '↑'), ' and ', h('kbd', null, 'Enter'), ' pick a suggestion.'),
    ),
    h(
      'section',
      { class: 'examples', 'aria-labelledby': 'examples-title' },
      h('h2', { id: 'examples-title', class: 'section-title' }, 'Try asking'),
      h('ul', { class: 'example-list' }, EXAMPLES.map((q) => h('li', null, h('a', { class: 'example', href: route(['ask'], { q }) }, q)))),
    ),
    stats,
  );
  return {
    node,
    title: '',
    after: () => {
      window.scrollTo(0, 0);
      const input = box.querySelector('input');
      if (input) input.focus();
    },
  };
}

function stat(n, label) {
  return h('li', { class: 'stat' }, h('span', { class: 'stat-n' }, Number(n ?? 0).toLocaleString('en')), h('span', { class: 'stat-label' }, label));
}
