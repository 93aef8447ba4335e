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

  it('reads the owner of a release from a possessive definition', () => {
    const t = triples("Velvet Moon is Dana Whitfield's last album. It was released by Northgate Records in 2011.");
    assert.ok(t.includes('performer|Velvet Moon|Dana Whitfield'), t.join('\n'));
  });

  it('keeps the article of a title that starts with The', () => {
    const t = triples('The Quiet Harbour is the debut studio album by the British band Lanternfish.');
    assert.ok(t.includes('performer|The Quiet Harbour|Lanternfish'), t.join('\n'));
  });

  it('reads every label of a release and names with initials', () => {
    const t = triples('Low Country is a 1970 American drama film directed by Anna Kowalski. The film stars Rip Dalton, James T. Callan, Phil Brown and Dora Vance. Salt Lines is the fourth album by Lanternfish, released on 4 June 1996 by Northgate Records in the United States and by Eastfield Records internationally.');
    for (const p of ['Rip Dalton', 'James T. Callan', 'Phil Brown', 'Dora Vance']) assert.ok(t.includes(`cast_member|Low Country|${p}`), t.join('\n'));
  });

  it('gives an episode\'s broadcaster to its series', () => {
    const t = triples('"Lantern Night" is the fourth episode of the second season of the American television drama Harbour Street. It first aired on the Northgate network on May 2, 2014.');
    assert.ok(t.some((x) => /^original_broadcaster\|Harbour Street\|(?:the )?Northgate/.test(x)), t.join('\n'));
    assert.ok(!t.some((x) => x.startsWith('original_broadcaster|Lantern Night|')), t.join('\n'));
  });

  it('reads the films of a person with several roles, unquoted titles included', () => {
    const t = triples('Dana Whitfield (born 1 October 1985) is an Indian playback singer, actor, director and screenwriter. Dana made her acting debut in Paper Kites (2008). Her directorial debut was in 2010 with Salt Harbour. She scripted and directed the film Low Tide in 2013. She wrote and directed The Quiet Orchard, an adaptation of a novel.');
    assert.ok(t.includes('cast_member|Paper Kites|Dana Whitfield'), t.join('\n'));
    assert.ok(t.includes('director|Salt Harbour|Dana Whitfield'), t.join('\n'));
    for (const p of ['director', 'screenwriter']) {
      assert.ok(t.includes(`${p}|Low Tide|Dana Whitfield`), t.join('\n'));
      assert.ok(t.includes(`${p}|The Quiet Orchard|Dana Whitfield`), t.join('\n'));
    }
  });

  it('takes no modifier for a title', () => {
    const t = triples('Tom Reyes (born 1920) was an English actor best known for his appearances in British war films of the 1950s. In 1995 he scored the AFI short Requiem.');
    assert.ok(!t.some((x) => /\|(?:British|AFI)\|/.test(x)), t.join('\n'));
  });

  it('reads roles in a cast list and the performers of a list of songs', () => {
    const t = triples('Harbour of Glass is a 1927 American silent film. The film was directed by Anna Kowalski and starred Dora Vance as Helen, Lewis Marsh as Menelaus, and Tom Reyes as Hector.');
    for (const [actor, role] of [['Dora Vance', 'Helen'], ['Lewis Marsh', 'Menelaus'], ['Tom Reyes', 'Hector']]) assert.ok(t.includes(`cast_member|Harbour of Glass|${actor}`), t.join('\n'));
    const withRole = extractDocument(new Document('Harbour of Glass is a 1927 American silent film. The film starred Lewis Marsh as Menelaus.', { title: 'T', source: null, url: null, date: null })).get('claims').find((c) => c.predicate === 'cast_member');
    assert.equal(withRole?.qualifiers.character, 'Menelaus');
    const songs = triples('Tom Reyes (1947 – 1975) was a Welsh singer and guitarist, best known as the lead vocalist of the rock band Lanternfish, whose hit songs include "Paper Boats" and "Low Tide".');
    assert.ok(songs.some((x) => /^performer\|Paper Boats\|(?:the rock band )?Lanternfish$/.test(x)), songs.join('\n'));
    assert.ok(!songs.includes('performer|Paper Boats|Tom Reyes'), songs.join('\n'));
  });

  it('reads the performers of other songs a song article names', () => {
    const t = triples('"Luz da manhã" is a song by Portuguese band Mar - de - Sal, and was the Portuguese entry to the Song Contest 2009. The song performed sixth, following Norway\'s Kari Dahl with "Cold Harbour" and preceding the Lantern Trio with "Paper Boats". It reached number two, behind "Low Tide" by The Marrow Lines.');
    assert.ok(t.includes('performer|Luz da manhã|Mar - de - Sal'), t.join('\n'));
    assert.ok(t.includes('performer|Cold Harbour|Kari Dahl'), t.join('\n'));
    assert.ok(t.some((x) => /^performer\|Low Tide\|(The )?Marrow Lines$/.test(x)), t.join('\n'));
  });

  it('reads the protagonist of the article\'s work and drops ranks from character names', () => {
    const t = triples('Salt Harbour is a crime novel by the American writer Anna Kowalski. Tom Reyes is the protagonist, an atypical detective. The novel opens with Reyes being told to lay off five officers.');
    assert.ok(t.includes('characters|Salt Harbour|Tom Reyes'), t.join('\n'));
    const u = triples('Paper Kites is a 2004 American drama film. The protagonist is Dora Vance, an escaped prisoner.');
    assert.ok(u.includes('characters|Paper Kites|Dora Vance'), u.join('\n'));
    const c = extractDocument(new Document('Harbour of Glass is a 2010 American police drama series. The series starred Lewis Marsh as Detective Nick Falco.', { title: 'T', source: null, url: null, date: null })).get('claims').find((x) => x.predicate === 'cast_member');
    assert.equal(c?.qualifiers.character, 'Nick Falco');
  });

  it('reads the acts of a record label article and the novel a film shares its name with', () => {
    const t = triples('Northgate Records is an independent record label based in Halifax, started by Dana Whitfield in 1990 in order to release her own cassette. The label has featured notable acts such as The Marrow Lines, Lanternfish and Kari Dahl.');
    for (const a of ['Dana Whitfield', 'The Marrow Lines', 'Lanternfish', 'Kari Dahl']) assert.ok(t.includes(`record_label|${a}|Northgate Records`), t.join('\n'));
    const u = triples("Salt Harbour is a 1994 American spy thriller film directed by Tom Reyes and based on Anna Kowalski's novel of the same name.");
    assert.ok(u.includes('author|Salt Harbour|Anna Kowalski'), u.join('\n'));
  });

  it('reads who voices the character an article is about', () => {
    const claims = extractDocument(new Document('Mira Vale is a main character who appears in the 2009 animated film Paper Kites. Mira is voiced by Dora Vance as an adult, while Kari Dahl voices the character as a child.', { title: 'T', source: null, url: null, date: null })).get('claims');
    const cast = claims.filter((c) => c.predicate === 'cast_member').map((c) => `${c.subject.name}|${'name' in c.object ? c.object.name : ''}|${c.qualifiers.character}`);
    assert.ok(cast.includes('Paper Kites|Dora Vance|Mira Vale'), cast.join('\n'));
    assert.ok(cast.includes('Paper Kites|Kari Dahl|Mira Vale'), cast.join('\n'));
  });

  it('reads whole titles around detector slips (a year, an ampersand, a word before an organisation)', () => {
    const t = triples('Tom Reyes (born 1966) is an American actor. He also appeared in the TV drama series Harbour & Order as Detective Nick Falco.');
    assert.ok(t.includes('cast_member|Harbour & Order|Tom Reyes'), t.join('\n'));
  });

  it('reads an actor\'s list of characters in works', () => {
    const claims = extractDocument(new Document('Dora Vance is a London - based English actress and writer. She is known for various roles including Merle Jackson in Harbour Street, Mandy Cutler in Paper Heights and nurse Sarah in Salt Lines.', { title: 'T', source: null, url: null, date: null })).get('claims');
    const cast = claims.filter((c) => c.predicate === 'cast_member').map((c) => `${c.subject.name}|${c.qualifiers.character}`);
    for (const x of ['Harbour Street|Merle Jackson', 'Paper Heights|Mandy Cutler', 'Salt Lines|Sarah']) assert.ok(cast.includes(x), cast.join('\n'));
  });

  it('reads a television film with an empty alternative title', () => {
    const t = triples('Sea Lanterns, also known as, is a 1993 Japanese anime television film directed by Tomo Aki and based on the 1990 novel of the same name by Kari Dahl. Sea Lanterns first aired on May 5, 1993 on Northgate TV.');
    assert.ok(t.includes('director|Sea Lanterns|Tomo Aki'), t.join('\n'));
    assert.ok(t.includes('author|Sea Lanterns|Kari Dahl'), t.join('\n'));
    assert.ok(t.some((x) => x.startsWith('original_broadcaster|Sea Lanterns|Northgate')), t.join('\n'));
  });

  it('reads more credit forms: a director\'s film, penned by, capitalised participles, initials', () => {
    const t = triples('Its best-known use was in Tom Reyes\'s controversial film Paper Kites, when the hero escapes.');
    assert.ok(t.includes('director|Paper Kites|Tom Reyes'), t.join('\n'));
    const u = triples('Salt Harbour is a 2014 Malayalam family drama film directed by Anna Kowalski. The movie is penned by K. Dora Vance.');
    assert.ok(u.includes('screenwriter|Salt Harbour|K. Dora Vance'), u.join('\n'));
    const w = triples('"Lantern Night" is the ninth episode of the third season of the American television series Harbour Street. Written by Kari Dahl and directed by Tom Reyes, the episode aired in 2011.');
    assert.ok(w.includes('screenwriter|Lantern Night|Kari Dahl') && w.includes('director|Lantern Night|Tom Reyes'), w.join('\n'));
  });

  it('reads authors from possessive pronouns, joint works and series', () => {
    const t = triples('The Killers is a short story by Charles Bukowski collected in his 1973 collection Salt Roads, published by a small press.');
    assert.ok(t.includes('author|Salt Roads|Charles Bukowski'), t.join('\n'));
    const u = triples('Drift theory is a concept created by philosopher Anna Kowalski and psychoanalyst Tom Reyes and first expounded in their book Paper Harbours (1972). It was continued in their follow - up work, A Thousand Lanterns.');
    for (const b of ['Paper Harbours', 'A Thousand Lanterns']) for (const a of ['Anna Kowalski', 'Tom Reyes']) assert.ok(u.includes(`author|${b}|${a}`), `${b} ${a}\n${u.join('\n')}`);
    const w = triples('Dora Vance has illustrated at least a dozen books in The Lantern Club series by Kari Dahl.');
    assert.ok(w.includes('author|The Lantern Club|Kari Dahl'), w.join('\n'));
  });

  it('reads who a series features and a network with its country', () => {
    const t = triples('Harbour Homes is a Canadian reality television series. It has aired on W Channel and HGTV Canada in Canada. The series features identical twin brothers Tom Reyes and Paul Reyes, who renovate houses.');
    assert.ok(t.includes('cast_member|Harbour Homes|Tom Reyes') && t.includes('cast_member|Harbour Homes|Paul Reyes'), t.join('\n'));
    assert.ok(t.includes('original_broadcaster|Harbour Homes|HGTV Canada'), t.join('\n'));
  });

  it('reads a character with the actor in brackets, on the episode\'s series', () => {
    const claims = extractDocument(new Document('"Lantern Night" is the fourth episode of the second season of the American television drama Harbour Street. The episode marks the first appearance of Dr. Mira Vale (Dora Vance).', { title: 'T', source: null, url: null, date: null })).get('claims');
    const cast = claims.filter((c) => c.predicate === 'cast_member').map((c) => `${c.subject.name}|${'name' in c.object ? c.object.name : ''}|${c.qualifiers.character}`);
    assert.ok(cast.includes('Harbour Street|Dora Vance|Mira Vale'), cast.join('\n'));
    const t = triples('Salt Harbour (Fighting Blade) is a 1930 Indian silent film directed by Tom Reyes.');
    assert.ok(!t.some((x) => x.startsWith('cast_member|')), t.join('\n'));
  });

  it('reads a composer\'s scores', () => {
    const t = triples('Tom Reyes (born 1960) is a French composer. Notable film scores include Salt Harbour (1989), (1990), Paper Kites (1990) and Low Tide (1993).');
    for (const w of ['Salt Harbour', 'Paper Kites', 'Low Tide']) assert.ok(t.includes(`composer|${w}|Tom Reyes`), t.join('\n'));
    const u = triples('Salt Harbour is a 2014 Malayalam family drama film directed by Anna Kowalski. The background score and soundtrack are composed by Kari Dahl.');
    assert.ok(u.includes('composer|Salt Harbour|Kari Dahl'), u.join('\n'));
  });
});
