/**
 * @module Facts view: every claim of one predicate (optionally about one entity), a page at a
 * time through GET /api/facts?predicate=&entity=&limit=&offset=, each with its source.
 */
import { api } from '../api.js';
import { claimObject, entityChip, evidenceRoute, modalityBadge } from '../components.js';
import { h, route } from '../dom.js';
import { FACT_SECTIONS, shortTitle, sourceLine, visibleQualifiers } from '../format.js';

/** Claims per page. */
const PAGE = 50;

/** @param {{ predicate: string, entity: string, offset: number, signal: AbortSignal }} ctx */
export async function renderFacts(ctx) {
  const predicate = /^[a-z][a-z0-9_]{0,63}$/.test(ctx.predicate) ? ctx.predicate : 'cast_member';
  const [claims, entity] = await Promise.all([
    api.facts({ predicate, entity: ctx.entity || undefined, limit: PAGE, offset: ctx.offset }, ctx.signal),
    ctx.entity ? api.entity(ctx.entity, ctx.signal).catch(() => null) : Promise.resolve(null),
  ]);
  const here = (over) => route(['facts'], { predicate, entity: ctx.entity, offset: 0, ...over });
  const select = h(
    'select',
    { class: 'input', 'aria-label': 'Predicate' },
    FACT_SECTIONS.flatMap((s) => s.predicates).map((p) => {
      const o = h('option', { value: p }, p.replace(/_/g, ' '));
      if (p === predicate) o.setAttribute('selected', '');
      return o;
    }),
  );
  select.addEventListener('change', () => (location.hash = here({ predicate: /** @type {HTMLSelectElement} */ (select).value, offset: 0 })));
  const prev = ctx.offset > 0 ? h('a', { class: 'segment', href: here({ offset: Math.max(0, ctx.offset - PAGE) }) }, '← Previous') : null;
  const next = claims.length === PAGE ? h('a', { class: 'segment', href: here({ offset: ctx.offset + PAGE }) }, 'Next →') : null;
  const node = h(
    'article',
    { class: 'facts-view' },
    h('p', { class: 'eyebrow' }, 'Facts'),
    h('h1', { class: 'question' }, predicate.replace(/_/g, ' '), entity ? [' · ', entityChip(entity.entity)] : null),
    h(
      'div',
      { class: 'facts-toolbar' },
      h('label', { class: 'field facts-select' }, h('span', { class: 'field-label' }, 'Predicate'), select),
      h('span', { class: 'muted' }, claims.length ? `${ctx.offset + 1}–${ctx.offset + claims.length}` : 'none'),
      prev || next ? h('nav', { class: 'segmented', 'aria-label': 'Pages' }, prev, next) : null,
    ),
    claims.length
      ? h(
          'ol',
          { class: 'card facts-list' },
          claims.map((c) => {
            const ev = (c.evidence ?? [])[0];
            return h(
              'li',
              { class: 'facts-row' },
              h(
                'div',
                { class: 'claim-line' },
                entityChip(c.subject),
                h('span', { class: 'claim-pred' }, String(c.predicate).replace(/_/g, ' ')),
                claimObject(c),
                visibleQualifiers(c.qualifiers).map(([k, v]) => (k === 'character' ? h('span', { class: 'as' }, 'as ', h('strong', null, v)) : h('span', { class: 'qualifier' }, h('span', { class: 'q-key' }, k), ' ', v))),
                modalityBadge(c.modality),
              ),
              ev ? h('a', { class: 'source-pill', href: evidenceRoute(ev), title: `“${ev.quote}”` }, sourceLine(ev.document) || shortTitle(ev.document?.title, 30)) : null,
            );
          }),
        )
      : h('p', { class: 'panel muted' }, 'No facts of this kind yet.'),
  );
  return { node, title: `Facts: ${predicate}` };
}
