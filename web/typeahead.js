/**
 * @module The search/ask box with entity typeahead (WAI-ARIA combobox pattern): typing suggests
 * entities by name or alias; ArrowDown/ArrowUp move through them, Enter opens the highlighted
 * entity or, with none highlighted, asks the text as a question; Escape closes the list.
 */
import { api } from './api.js';
import { clear, h } from './dom.js';
import { typeClass, typeLabel } from './format.js';

let counter = 0;

/**
 * Build a search form.
 *
 * @param {{
 *   value?: string,
 *   large?: boolean,
 *   placeholder?: string,
 *   onAsk: (q: string) => void,
 *   onEntity: (e: {id: string}) => void,
 * }} opts
 * @returns {HTMLFormElement}
 */
export function searchBox(opts) {
  const n = ++counter;
  const listId = `typeahead-list-${n}`;
  const input = h('input', {
    id: `q-${n}`,
    class: 'search-input',
    type: 'search',
    name: 'q',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-label': 'Ask a question or find a person, film or song',
    placeholder: opts.placeholder ?? 'Ask a question, or find a person, film or song…',
  });
  input.value = opts.value ?? '';
  input.maxLength = 500;
  const list = h('ul', { id: listId, class: 'typeahead', role: 'listbox', 'aria-label': 'Suggestions', hidden: true });
  const button = h('button', { class: 'search-button', type: 'submit' }, 'Ask');
  const form = h(
    'form',
    { class: `search${opts.large ? ' search-lg' : ''}`, role: 'search', autocomplete: 'off' },
    h('span', { class: 'search-icon', 'aria-hidden': 'true' }, '⌕'),
    input,
    button,
    list,
  );

  /** @type {any[]} */
  let items = [];
  let active = -1;
  let timer = 0;
  /** @type {AbortController | null} */
  let inflight = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', j === i ? 'true' : 'false'));
    if (i >= 0 && list.children[i]) {
      input.setAttribute('aria-activedescendant', list.children[i].id);
      list.children[i].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const pick = (i) => {
    const e = items[i];
    close();
    if (e) opts.onEntity(e);
  };
  const render = () => {
    clear(list);
    items.forEach((e, i) => {
      const li = h(
        'li',
        { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', class: 'typeahead-item' },
        h('span', { class: `dot ${typeClass(e.type)}`, 'aria-hidden': 'true' }),
        h('span', { class: 'typeahead-name' }, e.name),
        h('span', { class: 'typeahead-type' }, typeLabel(e)),
      );
      // mousedown, not click: the input keeps focus and the list does not close first.
      li.addEventListener('mousedown', (ev) => {
        ev.preventDefault();
        pick(i);
      });
      list.appendChild(li);
    });
    const open = items.length > 0 && document.activeElement === input;
    list.hidden = !open;
    input.setAttribute('aria-expanded', open ? 'true' : 'false');
    active = -1;
  };
  const suggest = async () => {
    const q = input.value.trim();
    if (q.length < 2 || q.length > 200) {
      items = [];
      render();
      return;
    }
    inflight?.abort();
    inflight = new AbortController();
    try {
      items = (await api.entities(q, 8, inflight.signal)) ?? [];
    } catch {
      items = [];
    }
    render();
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 120);
  });
  input.addEventListener('keydown', (ev) => {
    const open = !list.hidden && items.length > 0;
    if (ev.key === 'ArrowDown') {
      ev.preventDefault();
      if (!open) {
        if (items.length > 0) {
          list.hidden = false;
          input.setAttribute('aria-expanded', 'true');
          setActive(0);
        } else suggest();
      } else setActive((active + 1) % items.length);
    } else if (ev.key === 'ArrowUp') {
      if (!open) return;
      ev.preventDefault();
      setActive(active <= 0 ? items.length - 1 : active - 1);
    } else if (ev.key === 'Enter') {
      if (open && active >= 0) {
        ev.preventDefault();
        pick(active);
      }
    } else if (ev.key === 'Escape') {
      if (open) {
        ev.preventDefault();
        close();
      }
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = input.value.trim();
    close();
    if (!q) return;
    // A name typed in full (not a question) opens that entity's page.
    const exact = !/\?\s*$/.test(q) && items.find((e) => e.name.toLowerCase() === q.toLowerCase());
    if (exact) opts.onEntity(exact);
    else opts.onAsk(q);
  });
  return /** @type {HTMLFormElement} */ (form);
}
