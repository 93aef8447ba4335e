import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Document } from '../../doc/document.js';
import { extractDocument } from '../index.js';

const claimsOf = (text: string) => extractDocument(new Document(text, { title: 'Test', source: null, url: null, date: null })).get('claims');
const triples = (text: string) => claimsOf(text).map((c) => `${c.predicate}|${c.subject.name}|${'name' in c.object ? c.object.name : c.object.value}`);

describe('document-level inference', () => {
  const album = 'Glass Harbour is the third studio album by English band The Marrow Lines, released on 4 May 2011 by Northgate Records in the United Kingdom and by Eastfield Records internationally. The album contains "Paper Boats", "Low Tide" and "Saltwater". The band later covered "Old Roads" by Jenny Vale.';

  it('gives the tracks an album article names the album\'s performer and labels, and the performer the labels', () => {
    const t = triples(album);
    for (const track of ['Paper Boats', 'Low Tide', 'Saltwater']) {
      assert.ok(t.some((x) => new RegExp(`^performer\\|${track}\\|(The )?Marrow Lines$`).test(x)), `${track}\n${t.join('\n')}`);
      assert.ok(t.includes(`record_label|${track}|Northgate Records`), `${track}\n${t.join('\n')}`);
      assert.ok(t.includes(`record_label|${track}|Eastfield Records`), `${track}\n${t.join('\n')}`);
    }
    assert.ok(t.some((x) => /^record_label\|(The )?Marrow Lines\|Northgate Records$/.test(x)), t.join('\n'));
  });

  it('leaves out songs the article credits to someone else', () => {
    const t = triples(album);
    assert.ok(!t.some((x) => x.startsWith('performer|Old Roads|') && !x.endsWith('Jenny Vale')), t.join('\n'));
    assert.ok(!t.some((x) => x.startsWith('record_label|Old Roads|')), t.join('\n'));
  });

  it('marks inferred claims and cites a span of the text', () => {
    const text = album;
    const inferred = claimsOf(text).filter((c) => c.qualifiers.via === 'document');
    assert.ok(inferred.length >= 6);
    for (const c of inferred) {
      assert.ok(c.span.start >= c.sentence.start && c.span.end <= c.sentence.end);
      assert.ok(text.slice(c.span.start, c.span.end).length > 0);
    }
  });

  it('gives a song\'s label to the album it is taken from', () => {
    const t = triples('"Silver Coat" is a song by American singer Dana Whitfield, taken from her third studio album Lanterns (2015). It was released as the album\'s second single on 3 March 2015 by Harbourlight Music.');
    assert.ok(t.includes('record_label|Silver Coat|Harbourlight Music'), t.join('\n'));
    assert.ok(t.includes('record_label|Lanterns|Harbourlight Music'), t.join('\n'));
    assert.ok(t.includes('record_label|Dana Whitfield|Harbourlight Music'), t.join('\n'));
  });

  it('infers nothing in a news article', () => {
    const t = claimsOf('The director said on Monday that filming of "Paper Boats" would start in June. Northgate Records declined to comment.');
    assert.deepEqual(t.filter((c) => c.qualifiers.via === 'document'), []);
  });

  it('reads labels in the forms album articles use', () => {
    const a = triples('Salt Lines is the fourth studio album by Lanternfish, released January 25, 2011 via 9AM (worldwide) and Eastfield Records in the US. The album contains "Paper Boats". In 2017 it was ranked number 65 in a magazine\'s "The 100 Best Folk Albums" list.');
    for (const l of ['9AM', 'Eastfield Records']) {
      assert.ok(a.includes(`record_label|Salt Lines|${l}`), a.join('\n'));
      assert.ok(a.includes(`record_label|Paper Boats|${l}`), a.join('\n'));
    }
    assert.ok(!a.some((x) => x.includes('100 Best')), a.join('\n'));
    const b = triples('Odd Harbour is the sixth studio album by the Lanterns. Released in March 1969 by Northgate Records in the UK and Eastfield Records in the US, it was the group\'s fourth album.');
    assert.ok(b.includes('record_label|Odd Harbour|Northgate Records') && b.includes('record_label|Odd Harbour|Eastfield Records'), b.join('\n'));
    const c = triples('"Low Tide" is a song recorded by American singer Dana Whitfield. It was released on August 21, 2015, through Harbourlight Music Nashville, as the album\'s lead single. She had recorded for Northgate / Eastfield Records.');
    assert.ok(c.includes('record_label|Low Tide|Harbourlight Music Nashville'), c.join('\n'));
  });

  it('gives a song\'s producer to the album it is taken from, not to other albums', () => {
    const t = triples('"Silver Coat" is a song by American singer Dana Whitfield, taken from her third studio album Lanterns (2015). It was produced by Tom Reyes. Whitfield had worked with Reyes on her previous album Harbours.');
    assert.ok(t.includes('producer|Silver Coat|Tom Reyes'), t.join('\n'));
    assert.ok(t.includes('producer|Lanterns|Tom Reyes'), t.join('\n'));
    assert.ok(!t.includes('producer|Harbours|Tom Reyes'), t.join('\n'));
  });
});
