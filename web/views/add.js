/**
 * @module "Add article" view (only linked when the server runs with --allow-ingest): paste an
 * article or pick a file, send it to POST /api/documents, and see the claims it produced.
 */
import { ApiError } from '../api.js';
import { claimObject, entityChip, modalityBadge } from '../components.js';
import { clear, h, route } from '../dom.js';
import { visibleQualifiers } from '../format.js';

/** @param {{ signal: AbortSignal }} _ctx */
export async function renderAdd(_ctx) {
  const result = h('section', { class: 'add-result', 'aria-live': 'polite' });
  const field = (label, input, hint) => h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), input, hint ? h('span', { class: 'field-hint' }, hint) : null);
  const title = h('input', { class: 'input', name: 'title', type: 'text', autocomplete: 'off' });
  const url = h('input', { class: 'input', name: 'url', type: 'url', placeholder: 'https://…', autocomplete: 'off' });
  const date = h('input', { class: 'input', name: 'date', type: 'text', placeholder: '2022-07-29', autocomplete: 'off' });
  const source = h('input', { class: 'input', name: 'source', type: 'text', placeholder: 'Variety', autocomplete: 'off' });
  const text = h('textarea', { class: 'input textarea', name: 'text', rows: '12', placeholder: 'Paste the article text here…' });
  const file = h('input', { class: 'input', name: 'file', type: 'file', 'aria-describedby': 'file-hint' });
  file.setAttribute('accept', '.txt,.md,.html,.htm,.json');
  const submit = h('button', { class: 'search-button', type: 'submit' }, 'Add article');
  const form = h(
    'form',
    { class: 'card add-form' },
    h('div', { class: 'field-row' }, field('Title', title), field('Outlet', source)),
    h('div', { class: 'field-row' }, field('Original URL', url), field('Published', date, 'Any date form; ISO is safest')),
    field('Article text', text),
    h('p', { class: 'muted or' }, 'or'),
    field('Upload a file', file, '.txt, .md, .html, .htm or one article as .json; up to 2 MB'),
    h('div', { class: 'form-actions' }, submit),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clear(result);
    submit.setAttribute('disabled', '');
    result.appendChild(h('p', { class: 'muted' }, 'Reading the article…'));
    try {
      const body = await post(form);
      clear(result);
      result.appendChild(outcome(body));
    } catch (err) {
      clear(result);
      result.appendChild(h('div', { class: 'panel error-panel', role: 'alert' }, h('strong', null, 'Not added. '), err && err.message ? err.message : String(err)));
    } finally {
      submit.removeAttribute('disabled');
    }
  });
  const node = h(
    'article',
    { class: 'add-view' },
    h('p', { class: 'eyebrow' }, 'Add to the knowledge base'),
    h('h1', { class: 'question' }, 'Add an article'),
    h('p', { class: 'muted' }, 'Marquee reads it, extracts who plays whom, credits, songs and dates, and cites every claim to its sentence.'),
    form,
    result,
  );
  return { node, title: 'Add an article' };
}

/** Send the form as a file upload (when a file is chosen) or as JSON. */
async function post(form) {
  const data = new FormData(form);
  const file = data.get('file');
  let res;
  if (file instanceof File && file.size > 0) {
    for (const k of ['text']) data.delete(k);
    for (const [k, v] of [...data.entries()]) if (v === '') data.delete(k);
    res = await fetch('/api/documents', { method: 'POST', body: data });
  } else {
    const article = {};
    for (const k of ['title', 'url', 'date', 'source', 'text']) {
      const v = String(data.get(k) ?? '').trim();
      if (v) article[k] = v;
    }
    res = await fetch('/api/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(article) });
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? 'http', body?.error?.message ?? res.statusText);
  return body;
}

function outcome(r) {
  const claims = r.claims ?? [];
  const status = { added: 'Added', unchanged: 'Already in the knowledge base', duplicate: 'A near-duplicate of an article already here' }[r.status] ?? r.status;
  return h(
    'section',
    { class: 'card' },
    h('h2', { class: 'card-title' }, status, h('span', { class: 'count' }, `${claims.length} claims`)),
    r.documentId ? h('p', null, h('a', { href: route(['doc', r.documentId]) }, 'Open the article with its highlights →')) : null,
    claims.length
      ? h(
          'ol',
          { class: 'claim-list' },
          claims.map((c) =>
            h(
              'li',
              { class: 'claim-item' },
              h(
                'div',
                { class: 'claim-line' },
                entityChip(c.subject),
                h('span', { class: 'claim-pred' }, String(c.predicate).replace(/_/g, ' ')),
                claimObject(c),
                visibleQualifiers(c.qualifiers).map(([k, v]) => h('span', { class: 'qualifier' }, h('span', { class: 'q-key' }, k), ' ', v)),
                modalityBadge(c.modality),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'No claims were found in this article.'),
  );
}
