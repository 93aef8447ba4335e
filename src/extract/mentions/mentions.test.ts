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
  // a capitalised "The" inside a sentence opens a title, and later bare mentions follow it
  { text: 'Actor Mark Ellis joins the London revival of The Paper Lantern. Paper Lantern opens in May.', want: { 'The Paper Lantern': 'work', 'Paper Lantern': 'work' }, not: ['Mark Ellis Paper'] },
  { text: 'She has joined the cast of the new film adaptation of The Wanderer\'s Guide To The Stars.', want: { "The Wanderer's Guide To The Stars": 'work' } },
  { text: 'Last year, The Lord of the Lakes: The Return of the Queen won eleven prizes.', want: { 'The Lord of the Lakes: The Return of the Queen': 'work' } },
  { text: 'Bookmakers have given The Night Ferry 4/9 odds of winning best film.', want: { 'The Night Ferry': 'work' } },
  { text: 'The gala was held at The Grand on Sunday night.', want: {}, not: ['The Grand on Sunday', 'The Grand'] },
  // acts and people named "The X" are not titles
  { text: 'Brooklyn indie group The Lanterns have topped the new music poll.', want: {}, not: ['The Lanterns'] },
  { text: 'Rising rapper The Gift has signed to a major label. The Gift said he was thrilled.', want: {}, not: ['The Gift'] },
  { text: 'The band were compared to The Remedy and The Opposition at their first gig.', want: {}, not: ['The Remedy'] },
  // "play" after a modal is a verb, and a possessive name is whose part it is
  { text: 'Nine-year-old Ada Quinn will play Tilly, the farmer\'s daughter.', want: { Tilly: 'character' } },
  { text: 'The thriller stars Tom Banks. Lea Marot will play Banks\' code-breaking partner.', want: { Banks: 'person' } },
  // a possessive inside a title when the whole run has title evidence, even after a given name
  { text: "A film version of the children's classic Martha's Garden is planned. Martha's Garden has sold 20 million copies.", want: { "Martha's Garden": 'work' }, not: ['Garden'] },
  { text: "The play is a new adaptation of Marlowe's Edward II.", want: {}, not: ["Marlowe's Edward II"] },
  // "the X movie": a name before a work noun, unless it is someone's or an adjective
  { text: 'She signed up to write and direct the Silver Falcon movie.', want: { 'Silver Falcon': 'work/film' } },
  { text: 'The Belgian film won at the Sundance film festival.', want: {}, not: ['Belgian', 'Sundance'] },
  { text: 'Fans will miss the voice of Eric Thom. Its voice cast includes Will Smyth.', want: { 'Eric Thom': 'person', 'Will Smyth': 'person' } },
  { text: 'Ama Lee will voice Petal, and Joe Kane a rat.', want: { Petal: 'character', 'Joe Kane': 'person' } },
  // a name run joined by "of" to more capitalised words is part of a title, not a person
  { text: 'Nominees include Nora Lind for Keeper of Silent Lanterns and Tom Vale for Eternal Frost of the Northern Wind.', want: { 'Keeper of Silent Lanterns': 'work', 'Eternal Frost of the Northern Wind': 'work', 'Nora Lind': 'person' }, not: ['Silent Lanterns', 'Northern Wind'] },
  { text: "The chart is led by Blue Lane's Harbour of Lost Songs.", want: { 'Harbour of Lost Songs': 'work' }, not: ["Blue Lane's Harbour of Lost Songs"] },
  { text: 'Chris Marten of Coldplace sang, and so did Barry Gibbs of Westward.', want: { 'Chris Marten': 'person', 'Barry Gibbs': 'person' } },
  // "A"/"An" after a lower-case word opens a title; an owner's possessive before an article is cut
  { text: 'The documentary won, while A Rather Quiet Winter took the foreign film prize.', want: { 'A Rather Quiet Winter': 'work' }, not: ['Rather Quiet Winter'] },
  { text: "The box office was led by Lemmy Snackett's A Run of Bad Luck, starring Jim Carver.", want: { 'A Run of Bad Luck': 'work' } },
  { text: 'Hosts praised Places in the Home and A Sailor\'s Story at the ceremony.', want: { "A Sailor's Story": 'work' } },
  // "<person> for <title>" in a sentence about awards
  { text: 'The director award went to Clint Eastmoor for Million Penny Girl.', want: { 'Million Penny Girl': 'work', 'Clint Eastmoor': 'person' } },
  // colon subtitles, lists after "films, including", roles "as X in Y"
  { text: 'He has starred in films, including Moorlands, Robin Marsh: Prince of Rogues and more recently Halden.', want: { Moorlands: 'work', 'Robin Marsh: Prince of Rogues': 'work', Halden: 'work' } },
  { text: 'Critics praised her role as Kate Helmer in Silver Harbour.', want: { 'Silver Harbour': 'work' } },
  { text: 'She won for her performance in the Mike Lean film.', want: { 'Mike Lean': 'person' } },
  { text: 'He played a detective in the 1970s TV drama Copper Lane.', want: {}, not: ['1970s TV'] },
  // right after a cue noun a title may open with a sentence word
  { text: "The band's latest album How To Build A Paper Moon came fourth.", want: { 'How To Build A Paper Moon': 'work/album' } },
  { text: 'The road-trip comedy Are We Home Yet? slipped to second place.', want: { 'Are We Home Yet': 'work/film' } },
  // capital initials without full stops before a surname open a personal name
  { text: 'The pig is saved in the story by EB Whitely. Fans of JK Rowan and DC Comics came.', want: { 'EB Whitely': 'person', 'JK Rowan': 'person' }, },
  // an appositive after the title names the work ("X, the sequel to ...", "X, a Belgian film")
  { text: 'Kit Harlow returns in Rulers of the Cosmos, the sequel to the 1987 film.', want: { 'Rulers of the Cosmos': 'work/film' } },
  { text: 'Meanwhile, the film took $5m. Tom Crane, the film\'s star, spoke.', want: { 'Tom Crane': 'person' }, not: ['Meanwhile'] },
  { text: 'The festival shows The Crab and the Heron, an autobiographical film.', want: {}, not: ['Heron'] },
  // a surname is not found again inside a hyphenated compound
  { text: 'Director Sam Man praised the cast. The Spider-Man films were hits.', want: { 'Sam Man': 'person' }, not: ['Man'] },
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
