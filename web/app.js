/**
 * @module Entry point of the web UI: hash routing, the header search box, and view rendering.
 *
 * Routes:
 *   #/                         home: search/ask box, examples, knowledge-base counts
 *   #/ask?q=…                  answer with highlighted supporting quotes (+ matching articles)
 *   #/entity/<id>              entity page
 *   #/entity/<id>/timeline     vertical timeline of dated events
 *   #/entity/<id>/graph        neighbourhood graph (cytoscape)
 *   #/doc/<id>?start=&end=     article view, scrolled to a span
 *   #/facts?predicate=&entity=&offset=   claims of one predicate, paged
 *   #/add                      add an article (only linked with --allow-ingest)
 */
import { errorPanel, loading } from './components.js';
import { clear, h, route } from './dom.js';
import { searchBox } from './typeahead.js';
import { api } from './api.js';
import { renderAdd } from './views/add.js';
import { renderAnswer } from './views/answer.js';
import { renderArticle } from './views/article.js';
import { renderEntity } from './views/entity.js';
import { renderFacts } from './views/facts.js';
import { renderGraph } from './views/graph.js';
import { renderHome } from './views/home.js';
import { renderTimeline } from './views/timeline.js';

const main = /** @type {HTMLElement} */ (document.getElementById('main'));
const topSearch = /** @type {HTMLElement} */ (document.getElementById('topbar-search'));

/** Navigation helpers handed to views. */
export const nav = {
  ask: (q) => (location.hash = route(['ask'], { q })),
  entity: (e) => (location.hash = route(['entity', e.id])),
};

/** Parse the hash into path segments and query parameters. */
function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, qs] = raw.split('?', 2);
  const segments = (path ?? '')
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  return { segments, query: new URLSearchParams(qs ?? '') };
}

let current = /** @type {AbortController | null} */ (null);

/** Render the view for the current hash. Stale renders (the user moved on) are dropped. */
async function render() {
  current?.abort();
  const ctl = new AbortController();
  current = ctl;
  const { segments, query } = parseHash();
  const [head, id, sub] = segments;

  const isHome = !head;
  document.body.classList.toggle('is-home', isHome);
  clear(topSearch);
  if (!isHome) topSearch.appendChild(searchBox({ value: head === 'ask' ? query.get('q') ?? '' : '', onAsk: nav.ask, onEntity: nav.entity }));

  clear(main);
  main.appendChild(loading());
  /** @type {{ node: Node, title: string, after?: () => void }} */
  let out;
  try {
    if (isHome) out = await renderHome({ signal: ctl.signal, nav });
    else if (head === 'ask') out = await renderAnswer({ q: query.get('q') ?? '', explain: query.get('explain') === '1', signal: ctl.signal });
    else if (head === 'entity' && id && !sub) out = await renderEntity({ id, signal: ctl.signal });
    else if (head === 'entity' && id && sub === 'timeline') out = await renderTimeline({ id, signal: ctl.signal });
    else if (head === 'entity' && id && sub === 'graph') out = await renderGraph({ id, depth: query.get('depth') === '2' ? 2 : 1, signal: ctl.signal });
    else if (head === 'facts') out = await renderFacts({ predicate: query.get('predicate') ?? 'cast_member', entity: query.get('entity') ?? '', offset: numberOrNull(query.get('offset')) ?? 0, signal: ctl.signal });
    else if (head === 'add') out = await renderAdd({ signal: ctl.signal });
    else if (head === 'doc' && id) out = await renderArticle({ id, start: numberOrNull(query.get('start')), end: numberOrNull(query.get('end')), signal: ctl.signal });
    else out = { node: errorPanel({ status: 404, message: 'There is no page at this address.' }), title: 'Not found' };
  } catch (err) {
    if (ctl.signal.aborted) return;
    out = { node: errorPanel(err), title: 'Error' };
  }
  if (ctl.signal.aborted) return;
  clear(main);
  main.appendChild(out.node);
  document.title = out.title ? `${out.title} · Marquee` : 'Marquee';
  // Keyboard and screen-reader users continue from the new content: the link or box they used
  // is gone (views are rebuilt), so focus moves to <main>; a view's `after` may place it better.
  if (!isHome) main.focus({ preventScroll: true });
  if (out.after) out.after();
  else window.scrollTo(0, 0);
}

function numberOrNull(v) {
  if (v === null || !/^\d{1,9}$/.test(v)) return null;
  return Number(v);
}

// "/" focuses the search box from anywhere (unless typing in a field).
document.addEventListener('keydown', (ev) => {
  if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const t = /** @type {HTMLElement} */ (ev.target);
  if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
  const input = document.querySelector('input.search-input');
  if (input) {
    ev.preventDefault();
    /** @type {HTMLInputElement} */ (input).focus();
  }
});

// "Add article" appears only when the server accepts ingest (--allow-ingest).
api
  .capabilities()
  .then((caps) => {
    if (!caps || !caps.ingest) return;
    const bar = document.querySelector('.topbar-nav');
    if (bar) bar.prepend(h('a', { class: 'topbar-link', href: '#/add' }, 'Add article'));
  })
  .catch(() => {});

window.addEventListener('hashchange', render);
render();

