/**
 * @module Human-readable terminal output for CLI results (the --json flag prints the raw objects).
 */
import { isEntityRef, type Claim, type Evidence } from '../model/types.js';
import { predicateInfo } from '../model/predicates.js';
import type { AskResult, EntityPage, IngestSummary } from '../engine/types.js';

const useColor = (): boolean => !!process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, s: string) => (useColor() ? `\x1b[${code}m${s}\x1b[0m` : s);
export const bold = (s: string) => paint('1', s);
export const dim = (s: string) => paint('2', s);
const cyan = (s: string) => paint('36', s);

/** Strip terminal control characters from untrusted article text before printing it. */
export function safe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ');
}

export function formatSource(e: Evidence): string {
  const d = e.document;
  const parts = [d.title ? `“${safe(d.title)}”` : d.id, d.source ? safe(d.source) : null, d.date].filter(Boolean);
  return parts.join(', ');
}

export function formatEvidence(e: Evidence, indent = '    '): string {
  const quote = safe(e.quote.length > 300 ? e.quote.slice(0, 297) + '…' : e.quote);
  return `${indent}${cyan('“' + quote + '”')}\n${indent}${dim('— ' + formatSource(e) + ` [${e.start}–${e.end}]`)}`;
}

export function formatAsk(r: AskResult): string {
  const lines: string[] = [];
  if (r.answer === null) {
    lines.push(`${bold('No answer.')} ${r.reason ?? ''} ${dim(`(${r.noAnswer ?? 'no-answer'})`)}`.trim());
  } else {
    lines.push(bold(safe(r.answer)));
  }
  for (const a of r.answers) {
    if (r.answers.length > 1) lines.push(`  • ${safe(a.value)} ${dim(`(confidence ${a.confidence.toFixed(2)}${a.support === 'retrieval' ? ', from search' : ''})`)}`);
    for (const e of a.evidence.slice(0, 3)) lines.push(formatEvidence(e));
  }
  if (r.plan) lines.push(dim('plan: ' + JSON.stringify(r.plan, null, 2)));
  return lines.join('\n');
}

export function formatClaimLine(c: Claim, focusId?: string): string {
  const obj = isEntityRef(c.object) ? c.object.name : c.object.value;
  const q = Object.entries(c.qualifiers)
    .filter(([k]) => k !== 'text')
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  const subj = focusId && c.subject.id === focusId ? '' : `${c.subject.name} → `;
  const mod = c.modality === 'asserted' ? '' : ` [${c.modality}]`;
  return `${safe(subj)}${safe(obj)}${q ? dim(` (${safe(q)})`) : ''}${mod}`;
}

export function formatEntityPage(p: EntityPage): string {
  const lines: string[] = [];
  const e = p.entity;
  lines.push(`${bold(safe(e.name))} ${dim(`${e.type}${e.subtype ? '/' + e.subtype : ''} · ${e.id} · ${e.mentionCount} mentions in ${e.documentCount} articles`)}`);
  if (p.aliases.length) lines.push(`  also: ${p.aliases.map(safe).join(', ')}`);
  for (const g of p.facts) {
    lines.push(`\n  ${bold(g.label)}${g.direction === 'in' ? dim(' (as object)') : ''}`);
    // One row per counterpart: characters and sources folded together ("Sofia Carson as Cassie · 4 articles").
    const rows = new Map<string, { text: string; roles: Set<string>; docs: Set<string>; modality: string; first: Claim }>();
    for (const c of g.claims) {
      const text = g.direction === 'out' ? literalOrName(c) : c.subject.name;
      let row = rows.get(text);
      if (!row) rows.set(text, (row = { text, roles: new Set(), docs: new Set(), modality: c.modality, first: c }));
      if (c.qualifiers.character) row.roles.add(String(c.qualifiers.character));
      for (const e of c.evidence) row.docs.add(e.document.id);
      if (c.modality === 'asserted') row.modality = 'asserted';
    }
    for (const r of rows.values()) {
      const roles = r.roles.size ? ` as ${[...r.roles].join(' / ')}` : '';
      const mod = r.modality === 'asserted' ? '' : dim(` [${r.modality}]`);
      const src = r.docs.size > 1 ? `${r.docs.size} articles` : formatSource(r.first.evidence[0]);
      lines.push(`    ${safe(r.text)}${safe(roles)}${mod}  ${dim('— ' + src)}`);
    }
  }
  if (p.quotes.length) {
    lines.push(`\n  ${bold('quotes')}`);
    for (const c of p.quotes.slice(0, 10)) {
      const v = isEntityRef(c.object) ? c.object.name : c.object.value;
      lines.push(`    “${safe(v.length > 160 ? v.slice(0, 157) + '…' : v)}” ${dim('— ' + [c.qualifiers.outlet, formatSource(c.evidence[0])].filter(Boolean).join(' · '))}`);
    }
  }
  if (p.documents.length) {
    lines.push(`\n  ${bold('articles')}`);
    for (const d of p.documents.slice(0, 10)) lines.push(`    ${safe(d.title)} ${dim([d.source, d.date].filter(Boolean).join(', '))}`);
  }
  return lines.join('\n');
}

export function formatIngest(s: IngestSummary): string {
  const d = s.documents;
  const lines = [
    `${bold('Ingested')} ${d.added} new, ${d.unchanged} unchanged, ${d.failed} failed${d.duplicates ? `, ${d.duplicates} near-duplicates` : ''} — ${s.claims} claims, ${s.entities} entities added${s.seconds !== undefined ? ` in ${s.seconds}s` : ''}.`,
  ];
  for (const e of s.errors) lines.push(`  ${paint('31', 'error')} ${safe(e.path)}: ${safe(e.message)}`);
  return lines.join('\n');
}

/** The object as a reader says it: an entity's name, or a literal's original wording when kept. */
export function literalOrName(c: Claim): string {
  if (isEntityRef(c.object)) return c.object.name;
  return typeof c.qualifiers.text === 'string' ? c.qualifiers.text : c.object.value;
}

export function predicateLabel(name: string): string {
  return predicateInfo(name)?.label ?? name;
}
