/**
 * @module Answer view: the short answer, then each answer with its supporting quotes (article
 * title, outlet, date; the quoted span highlighted inside its sentence). When the articles do
 * not say, the reason is shown, with the articles that match the words of the question.
 */
import { api } from '../api.js';
import { entityChip, evidenceCard, modalityBadge, sectionTitle } from '../components.js';
import { h } from '../dom.js';
import { visibleQualifiers } from '../format.js';

/** Quotes shown per answer when there are several answers. */
const QUOTES_PER_ANSWER = 3;

const VERDICT = { yes: 'Yes', no: 'No', 'no-evidence': 'No evidence either way' };

/**
 * @param {{ q: string, explain: boolean, signal: AbortSignal }} ctx
 */
export async function renderAnswer(ctx) {
  const q = ctx.q.trim();
  if (!q) return { node: h('p', { class: 'panel' }, 'Type a question in the box above.'), title: 'Ask' };
  const [result, hits] = await Promise.all([api.ask(q, true, ctx.signal), api.search(q, 5, ctx.signal).catch(() => [])]);
  const answers = Array.isArray(result.answers) ? result.answers : [];
  const hasAnswer = result.answer !== null && result.answer !== undefined && answers.length > 0;
  // No answer: offer the entities the words name, so a search for a name still leads somewhere.
  const related = hasAnswer ? [] : await api.entities(q.replace(/[?!.]+$/, '').slice(0, 200), 6, ctx.signal).catch(() => []);

  const node = h(
    'article',
    { class: 'answer-view' },
    h('p', { class: 'eyebrow' }, /\?\s*$/.test(q) ? 'Question' : 'Search'),
    h('h1', { class: 'question' }, result.question || q),
    hasAnswer ? answerCard(result, answers) : noAnswerCard(result),
    related.length ? h('p', { class: 'did-you-mean' }, h('span', { class: 'muted' }, 'Pages you may want: '), related.map((e) => entityChip(e))) : null,
    hasAnswer ? supportSection(answers) : null,
    planDetails(result.plan),
    hits.length > 0 ? hitsSection(hits, hasAnswer) : null,
  );
  return { node, title: q };
}

function answerCard(result, answers) {
  const verdict = result.verdict ? VERDICT[result.verdict] : null;
  const single = answers.length === 1 ? answers[0] : null;
  return h(
    'section',
    { class: 'answer-card', 'aria-labelledby': 'answer-label' },
    h('p', { id: 'answer-label', class: 'answer-label' }, 'Answer'),
    verdict ? h('p', { class: `verdict v-${result.verdict}` }, verdict) : null,
    h('p', { class: 'answer-text', 'data-testid': 'answer' }, single && single.entity ? entityChip(single.entity, { large: true }) : result.answer),
    single ? qualifierLine(single) : null,
    answers.length > 1
      ? h(
          'ul',
          { class: 'answer-items', 'aria-label': 'All answers' },
          answers.map((a) => h('li', null, a.entity ? entityChip(a.entity) : h('span', { class: 'literal' }, a.value), qualifierLine(a))),
        )
      : null,
  );
}

/** "as Cassie · from typed facts · 92%" */
function qualifierLine(a) {
  const parts = visibleQualifiers(a.qualifiers).map(([k, v]) =>
    k === 'character' || k === 'role' ? h('span', { class: 'as' }, 'as ', h('strong', null, v)) : h('span', { class: 'qualifier' }, h('span', { class: 'q-key' }, k), ' ', v),
  );
  const support = a.support === 'retrieval' ? 'best matching sentence' : a.support === 'facts' ? 'from extracted facts' : null;
  const confidence = typeof a.confidence === 'number' ? `${Math.round(a.confidence * 100)}% confidence` : null;
  const meta = [support, confidence].filter(Boolean).join(' · ');
  const badge = modalityBadge(a.qualifiers?.modality);
  if (parts.length === 0 && !meta && !badge) return null;
  return h('p', { class: 'answer-meta' }, parts, badge, meta ? h('span', { class: 'muted' }, meta) : null);
}

function supportSection(answers) {
  const seen = new Set();
  const blocks = [];
  let total = 0;
  for (const a of answers) {
    const cards = [];
    for (const ev of a.evidence ?? []) {
      const key = `${ev.document?.id}:${ev.start}:${ev.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      cards.push(evidenceCard(ev));
    }
    total += cards.length;
    if (cards.length === 0) continue;
    // Several answers with many sources each: the best few show, the rest fold away.
    const shown = answers.length > 1 ? QUOTES_PER_ANSWER : cards.length;
    const rest = cards.splice(shown);
    if (rest.length) cards.push(h('details', { class: 'more-quotes' }, h('summary', null, `${rest.length} more ${rest.length === 1 ? 'quote' : 'quotes'}`), rest));
    const heading =
      answers.length > 1
        ? h('h3', { class: 'support-heading' }, a.entity ? entityChip(a.entity) : h('span', { class: 'literal' }, a.value), modalityBadge(a.qualifiers?.modality))
        : null;
    blocks.push(h('div', { class: 'support-block' }, heading, cards));
  }
  if (total === 0) return null;
  return h('section', { class: 'support', 'aria-labelledby': 'support-title' }, sectionTitle(total === 1 ? 'Supporting quote' : 'Supporting quotes', total, 'support-title'), blocks);
}

function noAnswerCard(result) {
  const reason =
    result.reason ||
    {
      'unknown-entity': 'None of the articles mention who or what the question is about.',
      'no-supporting-claims': 'The articles mention it, but none of them says this.',
      'ambiguous-entity': 'The question could be about more than one entity.',
      'not-understood': 'Marquee did not understand the question; try rephrasing it.',
    }[result.noAnswer] ||
    'The articles do not say.';
  return h(
    'section',
    { class: 'answer-card no-answer', role: 'status' },
    h('p', { class: 'answer-label' }, 'No answer'),
    h('p', { class: 'answer-text answer-none' }, 'The articles don’t say.'),
    h('p', { class: 'answer-meta' }, reason),
  );
}

function planDetails(plan) {
  if (!plan) return null;
  const rows = [];
  rows.push(['Intent', plan.intent]);
  if (plan.predicate) rows.push(['Predicate', Array.isArray(plan.predicate) ? plan.predicate.join(', ') : plan.predicate]);
  for (const e of plan.entities ?? []) {
    rows.push([`“${e.text}”`, (e.resolved ?? []).length ? null : 'not found', (e.resolved ?? []).map((r) => entityChip(r))]);
  }
  for (const [k, v] of Object.entries(plan.constraints ?? {})) rows.push([k, String(v)]);
  for (const n of plan.notes ?? []) rows.push(['Note', String(n)]);
  return h(
    'details',
    { class: 'plan' },
    h('summary', null, 'How this was answered'),
    h('dl', { class: 'plan-list' }, rows.map(([k, v, chips]) => [h('dt', null, k), h('dd', null, v ?? '', chips ?? null)])),
  );
}

function hitsSection(hits, secondary) {
  return h(
    'section',
    { class: `hits${secondary ? ' hits-secondary' : ''}`, 'aria-labelledby': 'hits-title' },
    h('h2', { id: 'hits-title', class: 'section-title' }, secondary ? 'Related articles' : 'Articles that match your words'),
    h(
      'ul',
      { class: 'hit-list' },
      hits.map((hit) => h('li', null, evidenceCard({ ...hit.snippet, document: hit.snippet?.document ?? hit.document }, { compact: true, markWhole: false }))),
    ),
  );
}
