import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { Document } from '../../doc/document.js';
import type { Mention } from '../../model/types.js';
import { Pipeline } from '../../pipeline/pipeline.js';
import { nlpWinkStage } from '../../nlp/stage.js';
import { type Candidate, PRIORITY, settle } from './candidates.js';
import { mentionsStage } from './index.js';

const pipeline = new Pipeline([nlpWinkStage, mentionsStage]);

function mentionsOf(text: string): readonly Mention[] {
  return pipeline.run(new Document(text, { title: '', source: null, url: null, date: null })).get('mentions');
}

/** "type" or "type/subtype" of the name mention whose text is exactly `surface`, or undefined. */
function typeOf(ms: readonly Mention[], surface: string): string | undefined {
  const m = ms.find((x) => x.text === surface && !x.detector.startsWith('coref'));
  if (!m) return undefined;
  return m.subtype && m.type === 'work' ? `work/${m.subtype}` : m.type;
}

/**
 * Each row: a sentence, then the mentions it must contain (surface → "type" or "type/subtype"),
 * and surfaces that must not be a mention of their own (a cut title's tail, a mistyped role).
 */
interface Row {
  text: string;
  want: Record<string, string>;
  not?: string[];
}

const ROWS: Row[] = [
  { text: 'Sofia Carson stars as Cassie in the film Purple Hearts.', want: { 'Sofia Carson': 'person', Cassie: 'character', 'Purple Hearts': 'work/film' } },
];

describe('mention detection', () => {
  for (const row of ROWS) {
    it(row.text, () => {
      const ms = mentionsOf(row.text);
      const seen = ms.filter((m) => !m.detector.startsWith('coref')).map((m) => `${m.text}:${m.type}${m.subtype ? '/' + m.subtype : ''}`);
      for (const [surface, type] of Object.entries(row.want)) {
        const got = typeOf(ms, surface);
        assert.ok(got === type || (type === 'work' && got?.startsWith('work')), `${surface}: want ${type}, got ${got ?? 'nothing'} (${seen.join(', ')})`);
      }
      for (const surface of row.not ?? []) assert.equal(typeOf(ms, surface), undefined, `${surface} should not be a mention (${seen.join(', ')})`);
    });
  }
});

describe('settle', () => {
  const cand = (start: number, end: number, priority: number, canonical = `${start}-${end}`): Candidate => ({ start, end, type: 'person', canonical, detector: 't', confidence: 1, priority, ref: 'name' });

  it('keeps the higher priority, then the longer, then the earlier span, in text order', () => {
    const kept = settle([cand(10, 20, PRIORITY.name), cand(12, 30, PRIORITY.name), cand(0, 5, PRIORITY.reference), cand(3, 8, PRIORITY.gazetteer), cand(25, 28, PRIORITY.quotedTitle)]);
    assert.deepEqual(kept.map((c) => c.canonical), ['3-8', '10-20', '25-28']);
  });

  it('breaks a full tie by input order and drops empty spans', () => {
    const kept = settle([cand(0, 4, 50, 'first'), cand(0, 4, 50, 'second'), cand(6, 6, 99, 'empty')]);
    assert.deepEqual(kept.map((c) => c.canonical), ['first']);
  });
});
