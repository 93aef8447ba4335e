/**
 * @module Home view: the big search/ask box with typeahead, example questions, and what the
 * knowledge base holds.
 */
import { api } from '../api.js';
import { h, route } from '../dom.js';
import { searchBox } from '../typeahead.js';

/** Used when the knowledge base is empty or has none of the facts the templates need. */
const FALLBACK_EXAMPLES = ['Who plays Cassie in Purple Hearts?', 'When did Purple Hearts premiere?', 'Who directed Purple Hearts?'];

/**
 * Question templates over the facts this knowledge base actually holds, so the examples always
 * have answers: each reads one predicate's claims and words a question from the first that fits.
 */
const isWork = (e) => e && e.type === 'work';
const TEMPLATES = [
  { predicate: 'cast_member', ask: (c) => (isWork(c.subject) && typeof c.qualifiers?.character === 'string' ? `Who plays ${c.qualifiers.character} in ${c.subject.name}?` : null) },
  { predicate: 'featured_in', ask: (c) => (isWork(c.object) && c.subject?.subtype === 'song' ? `What songs are in ${c.object.name}?` : null) },
  { predicate: 'performer', ask: (c) => (isWork(c.subject) && c.subject.subtype === 'song' ? `Who sang ${c.subject.name}?` : null) },
  { predicate: 'publication_date', ask: (c) => (isWork(c.subject) ? `When did ${c.subject.name} premiere?` : null) },
  { predicate: 'director', ask: (c) => (isWork(c.subject) ? `Who directed ${c.subject.name}?` : null) },
  { predicate: 'based_on', ask: (c) => (isWork(c.subject) ? `What is ${c.subject.name} based on?` : null) },
  { predicate: 'sequel', ask: (c) => (isWork(c.subject) ? `Will there be a ${c.subject.name} sequel?` : null) },
];

/** Example questions from the knowledge base, favouring the work with the most cast facts. */
async function exampleQuestions(signal) {
  const lists = await Promise.all(TEMPLATES.map((t) => api.facts({ predicate: t.predicate, limit: 40 }, signal).catch(() => [])));
  const count = new Map();
  for (const c of lists[0]) count.set(c.subject?.id, (count.get(c.subject?.id) ?? 0) + 1);
  const focus = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const questions = [];
  // Works that have a cast or a premiere: a sequel or source question about anything else is
  // likely an extraction slip, not a good first question.
  const films = new Set([...lists[0], ...lists[TEMPLATES.findIndex((t) => t.predicate === 'publication_date')]].map((c) => c.subject?.id));
  TEMPLATES.forEach((t, i) => {
    const claims = lists[i].filter((c) => c.modality !== 'negated' && (t.predicate !== 'sequel' || films.has(c.subject?.id)));
    const about = (c) => (t.predicate === 'featured_in' ? c.object?.id : c.subject?.id) === focus;
    const ordered = [...claims.filter(about), ...claims.filter((c) => !about(c))];
    for (const c of ordered) {
      const q = t.ask(c);
      if (q && !questions.includes(q)) {
        questions.push(q);
        break;
      }
    }
  });
  // A second cast question when there is room: who plays whom is what people ask most.
  const secondCast = lists[0].map((c) => TEMPLATES[0].ask(c)).find((q) => q && !questions.includes(q));
  if (secondCast && questions.length < 7) questions.splice(1, 0, secondCast);
  return questions.length ? questions.slice(0, 7) : FALLBACK_EXAMPLES;
}

/**
 * @param {{ signal: AbortSignal, nav: { ask: (q: string) => void, entity: (e: {id: string}) => void } }} ctx
 */
export async function renderHome(ctx) {
  /** @type {any} */
  let health = null;
  let examples = FALLBACK_EXAMPLES;
  try {
    [health, examples] = await Promise.all([api.health(ctx.signal), exampleQuestions(ctx.signal)]);
  } catch {
    health = null;
  }
  const box = searchBox({ large: true, onAsk: ctx.nav.ask, onEntity: ctx.nav.entity });
  const stats = health && health.documents > 0
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
    health && health.documents === 0 ? emptyPanel() : examplesSection(examples),
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

/** What to do when nothing has been ingested yet. */
function emptyPanel() {
  return h(
    'section',
    { class: 'panel empty-kb' },
    h('h2', null, 'The knowledge base is empty'),
    h('p', null, 'Add articles from a shell, then come back:'),
    h('pre', null, h('code', null, 'npx marquee ingest path/to/articles --db marquee.db')),
    h('p', { class: 'muted' }, 'Text, Markdown, HTML, JSON Lines, RSS/Atom and .gz files are read; every claim keeps the sentence it came from.'),
  );
}

/** Example questions as links to their answers. */
function examplesSection(examples) {
  return h(
    'section',
    { class: 'examples', 'aria-labelledby': 'examples-title' },
    h('h2', { id: 'examples-title', class: 'section-title' }, 'Try asking'),
    h('ul', { class: 'example-list' }, examples.map((q) => h('li', null, h('a', { class: 'example', href: route(['ask'], { q }) }, q)))),
  );
}
