/**
 * @module Safe DOM building for the web UI. Article text, titles and URLs are untrusted, so the
 * UI never parses HTML from data: elements are created one by one, text goes in as text nodes,
 * and links accept only http(s) URLs or our own hash routes. There is no innerHTML anywhere.
 */

/** Attributes h() may set from data; event-handler attributes and `style` are never set. */
const SAFE_ATTRS = new Set([
  'id', 'class', 'role', 'title', 'type', 'name', 'value', 'placeholder', 'tabindex', 'for', 'hidden',
  'autocomplete', 'spellcheck', 'lang', 'dir', 'datetime', 'rel', 'target', 'disabled', 'checked', 'min', 'max', 'rows', 'selected',
]);

/**
 * The URL if it is an absolute http(s) URL, else null. Used for every external link: `javascript:`,
 * `data:`, `vbscript:` and relative tricks are refused.
 *
 * @param {unknown} url
 * @returns {string | null}
 */
export function safeHref(url) {
  if (typeof url !== 'string' || url.length > 2048) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Create an element. `attrs` keys: any SAFE_ATTRS name, `aria-*`, `data-*`, `href` (internal
 * `#/...` routes only; use `externalLink` for other URLs), `on` (event listeners) and `text`.
 * Children may be nodes, strings (added as text) or arrays; null/false are skipped.
 *
 * @param {string} tag
 * @param {Record<string, any> | null} [attrs]
 * @param {...any} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'on') {
        for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
      } else if (k === 'text') {
        el.textContent = String(v);
      } else if (k === 'href') {
        const s = String(v);
        if (s.startsWith('#/') || s === '#') el.setAttribute('href', s);
      } else if (SAFE_ATTRS.has(k) || k.startsWith('aria-') || k.startsWith('data-')) {
        el.setAttribute(k, v === true ? '' : String(v));
      }
    }
  }
  append(el, children);
  return el;
}

/**
 * Append children (nodes, strings as text, nested arrays) to a parent.
 *
 * @param {Node} parent
 * @param {any[]} children
 */
export function append(parent, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else if (c instanceof Node) parent.appendChild(c);
    else parent.appendChild(document.createTextNode(String(c)));
  }
}

/**
 * A link to an external article: only http(s) URLs become links; anything else is shown as plain
 * text so that a `javascript:` URL in an article's metadata can never run.
 *
 * @param {unknown} url
 * @param {string | Node} label
 * @returns {HTMLElement}
 */
export function externalLink(url, label) {
  const href = safeHref(url);
  if (!href) return h('span', { class: 'ext-link-disabled', title: 'Link not shown: not an http(s) URL' }, label);
  const a = h('a', { class: 'ext-link', rel: 'noopener noreferrer nofollow', target: '_blank' }, label);
  a.setAttribute('href', href);
  return a;
}

/**
 * The sentence with [start, end) wrapped in `<mark>`: all text, no HTML parsing.
 *
 * @param {string} text
 * @param {number} start
 * @param {number} end
 * @param {string} [markClass]
 * @returns {DocumentFragment}
 */
export function highlighted(text, start, end, markClass) {
  const frag = document.createDocumentFragment();
  const s = Math.max(0, Math.min(text.length, start));
  const e = Math.max(s, Math.min(text.length, end));
  if (s > 0) frag.appendChild(document.createTextNode(text.slice(0, s)));
  frag.appendChild(h('mark', markClass ? { class: markClass } : null, text.slice(s, e)));
  if (e < text.length) frag.appendChild(document.createTextNode(text.slice(e)));
  return frag;
}

/** Remove all children of an element. @param {Element} el */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Build an internal hash route from path segments (each encoded) and optional query. */
export function route(segments, query) {
  let r = '#/' + segments.map((s) => encodeURIComponent(String(s))).join('/');
  if (query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
    const qs = q.toString();
    if (qs) r += '?' + qs;
  }
  return r;
}
