import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Document } from '../doc/document.js';
import { isLiteral } from '../model/types.js';
import { seedDocument } from './eval/gold.js';
import { extractDocument } from './index.js';

/** Every claim's span lies in its sentence and the text; no argument is empty; layers agree with the text. */
function checkDocument(doc: Document, label: string): number {
  extractDocument(doc);
  const n = doc.text.length;
  for (const s of doc.get('sentences')) assert.ok(s.start >= 0 && s.start < s.end && s.end <= n, `${label}: bad sentence ${JSON.stringify(s)}`);
  for (const m of doc.get('mentions')) {
    assert.equal(m.text, doc.text.slice(m.start, m.end), `${label}: mention text differs from its span`);
    assert.ok(m.canonical.trim() !== '', `${label}: mention ${m.id} has no canonical name`);
    if (m.type === 'work') assert.ok(m.subtype, `${label}: work mention ${m.text} has no subtype`);
  }
  for (const q of doc.get('quotes')) assert.equal(q.text, doc.text.slice(q.start, q.end), `${label}: quote text differs from its span`);
  const claims = doc.get('claims');
  for (const c of claims) {
    const where = `${label}: ${c.predicate} ${c.subject.name}`;
    assert.ok(c.span.start >= 0 && c.span.end <= n && c.span.start < c.span.end, `${where}: span outside the text`);
    assert.ok(c.sentence.start <= c.span.start && c.span.end <= c.sentence.end, `${where}: span outside its sentence`);
    assert.ok(c.sentence.start >= 0 && c.sentence.end <= n, `${where}: sentence outside the text`);
    assert.ok(c.subject.name.trim() !== '', `${where}: empty subject`);
    if (isLiteral(c.object)) assert.ok(c.object.value.trim() !== '', `${where}: empty literal`);
    else assert.ok(c.object.name.trim() !== '', `${where}: empty object`);
    assert.ok(['asserted', 'reported', 'speculative', 'negated'].includes(c.modality), `${where}: modality`);
    assert.equal(c.extractor, 'claims.patterns.v1');
  }
  return claims.length;
}

/** Sample of BBC articles for the span invariants (every 8th file: ~50 articles). */
const BBC_SAMPLE_STEP = 8;

describe('claim spans', () => {
  it('lie inside their sentence and the text over the five seeds', () => {
    const dir = '../shared/corpus/seeds';
    let total = 0;
    for (const f of readdirSync(dir).sort()) total += checkDocument(seedDocument(join(dir, f)), f);
    assert.ok(total > 50, `only ${total} claims from the seeds`);
  });

  it('lie inside their sentence and the text over ~50 BBC articles', () => {
    const dir = '../shared/corpus/bbc-entertainment';
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().filter((_, i) => i % BBC_SAMPLE_STEP === 0);
    assert.ok(files.length >= 45);
    let total = 0;
    for (const f of files) total += checkDocument(new Document(readFileSync(join(dir, f), 'utf8'), { title: f, source: 'BBC', url: null, date: null }), f);
    assert.ok(total > 20, `only ${total} claims from ${files.length} BBC articles`);
  });
});
