import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Document } from '../../doc/document.js';
import { extractDocument } from '../index.js';

const triples = (text: string) =>
  extractDocument(new Document(text, { title: 'Test', source: null, url: null, date: null }))
    .get('claims')
    .map((c) => `${c.predicate}|${c.subject.name}|${'name' in c.object ? c.object.name : c.object.value}`);

describe('encyclopedic patterns', () => {
  it('reads credits of the film a definitional first sentence introduces', () => {
    const t = triples('Harbour of Glass is a 2004 American drama film directed by Anna Kowalski and starring Tom Reyes, Lisa Marsh and Paul Dunn. The film was produced by Martin Greaves.');
    assert.ok(t.includes('director|Harbour of Glass|Anna Kowalski'), t.join('\n'));
    for (const p of ['Tom Reyes', 'Lisa Marsh', 'Paul Dunn']) assert.ok(t.includes(`cast_member|Harbour of Glass|${p}`), t.join('\n'));
    assert.ok(t.includes('producer|Harbour of Glass|Martin Greaves'), t.join('\n'));
  });

  it('makes the topic the subject of later sentences and reads its label', () => {
    const t = triples('Paper Rivers is the second studio album by English rock band The Marrow Lines. It was released by Northgate Records in 2011.');
    assert.ok(t.some((x) => /^performer\|Paper Rivers\|(The )?Marrow Lines$/.test(x)), t.join('\n'));
    assert.ok(t.includes('record_label|Paper Rivers|Northgate Records'), t.join('\n'));
  });

  it('reads a song from a performer\'s album', () => {
    const t = triples('"Silver Coat" is a song by American singer Dana Whitfield, taken from her third studio album Lanterns (2015).');
    assert.ok(t.includes('performer|Silver Coat|Dana Whitfield'), t.join('\n'));
    assert.ok(t.includes('performer|Lanterns|Dana Whitfield'), t.join('\n'));
  });

  it('takes no news lead for a title', () => {
    const t = triples('Movie stars from across the globe are heading to the city for the film festival, directed by organisers.');
    assert.deepEqual(t.filter((x) => x.startsWith('director|')), []);
  });
});
