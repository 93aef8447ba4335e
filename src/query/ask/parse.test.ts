/**
 * @module Table-driven tests of the question parser: question → intent, predicates, entity texts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanSlot, normalizeQuestion, parseQuestion } from './parse.js';

interface Case {
  q: string;
  intent: string;
  predicate?: string;
  direction?: 'out' | 'in';
  focus?: string;
  hint?: string;
  anaphoric?: boolean;
  partner?: string;
  character?: string;
  role?: string;
}

const CASES: Case[] = [
  { q: 'Who plays Cassie in Purple Hearts?', intent: 'cast-character', predicate: 'cast_member', focus: 'Purple Hearts', character: 'Cassie' },
  { q: 'Who played Luke in Netflix’s “Purple Hearts”?', intent: 'cast-character', focus: 'Purple Hearts', character: 'Luke' },
  { q: 'Which actress plays Cassie?', intent: 'cast-character', character: 'Cassie' },
  { q: "Who's in Purple Hearts?", intent: 'relation', predicate: 'cast_member', direction: 'out', focus: 'Purple Hearts' },
  { q: 'Who starred in the film Purple Hearts?', intent: 'relation', predicate: 'cast_member', focus: 'Purple Hearts', hint: 'film' },
  { q: 'Who starred?', intent: 'relation', predicate: 'cast_member' },
  { q: 'Who directed it?', intent: 'relation', predicate: 'director', focus: 'it', anaphoric: true },
  { q: 'Who directed the movie?', intent: 'relation', predicate: 'director', anaphoric: true, hint: 'film' },
  { q: 'Who directed Purple Hearts?', intent: 'relation', predicate: 'director', focus: 'Purple Hearts' },
  { q: 'Who is the director of Purple Hearts?', intent: 'relation', predicate: 'director', focus: 'Purple Hearts' },
  { q: 'When did Purple Hearts come out?', intent: 'date', predicate: 'publication_date', focus: 'Purple Hearts' },
  { q: 'When did Purple Hearts premiere on Netflix?', intent: 'date', predicate: 'publication_date', focus: 'Purple Hearts' },
  { q: 'What is the release date of Purple Hearts?', intent: 'date', predicate: 'publication_date', focus: 'Purple Hearts' },
  { q: 'Where was the Come Back Home video shot?', intent: 'relation', predicate: 'filming_location', focus: 'Come Back Home', hint: 'music_video' },
  { q: 'Who wrote the novel Purple Hearts?', intent: 'relation', predicate: 'author', focus: 'Purple Hearts', hint: 'novel' },
  { q: 'What is Purple Hearts based on?', intent: 'relation', predicate: 'based_on', focus: 'Purple Hearts' },
  { q: 'Who sang Come Back Home?', intent: 'relation', predicate: 'performer', focus: 'Come Back Home', hint: 'song' },
  { q: "Who co-wrote the Purple Hearts soundtrack?", intent: 'relation', predicate: 'songwriter', focus: 'Purple Hearts', hint: 'soundtrack' },
  { q: 'Who did Sofia Carson co-write the songs with?', intent: 'retrieval' },
  { q: 'Who co-wrote the songs?', intent: 'relation', predicate: 'songwriter', focus: 'the soundtrack', hint: 'soundtrack', anaphoric: true },
  { q: 'Who wrote the songs in Purple Hearts?', intent: 'relation', predicate: 'songwriter', focus: 'Purple Hearts', hint: 'soundtrack' },
  { q: 'Who co-wrote the original songs for the film?', intent: 'relation', predicate: 'songwriter', focus: 'the film', anaphoric: true },
  { q: 'Who wrote the songs with Sofia Carson?', intent: 'relation', predicate: 'songwriter', focus: 'the soundtrack', partner: 'Sofia Carson' },
  { q: 'What songs are in Purple Hearts?', intent: 'relation', predicate: 'featured_in', direction: 'in', focus: 'Purple Hearts' },
  { q: 'What else has Nicholas Galitzine been in?', intent: 'relation', predicate: 'cast_member', direction: 'in', focus: 'Nicholas Galitzine' },
  { q: 'How many hours did it get?', intent: 'metric', predicate: 'hours_viewed', focus: 'it', anaphoric: true },
  { q: 'How many hours did Purple Hearts get in its first week?', intent: 'metric', predicate: 'hours_viewed', focus: 'Purple Hearts' },
  { q: 'How long was it in the Top 10?', intent: 'metric', predicate: 'chart_run', anaphoric: true, partner: 'Top 10' },
  { q: 'Is there a sequel?', intent: 'status', predicate: 'sequel' },
  { q: 'Is there going to be a sequel to Purple Hearts?', intent: 'status', predicate: 'sequel', focus: 'Purple Hearts' },
  { q: 'Will there be a Purple Hearts 2?', intent: 'status', predicate: 'sequel', focus: 'Purple Hearts' },
  { q: 'When did filming wrap?', intent: 'date', predicate: 'filming_wrapped' },
  { q: 'When did filming on Purple Hearts wrap?', intent: 'date', predicate: 'filming_wrapped', focus: 'Purple Hearts' },
  { q: 'When did Purple Hearts finish filming?', intent: 'date', predicate: 'filming_wrapped', focus: 'Purple Hearts' },
  { q: 'What did Sofia Carson say about Come Back Home?', intent: 'quote', predicate: 'said', focus: 'Sofia Carson', partner: 'Come Back Home' },
  { q: 'What did Elizabeth Allen Rosenbaum say?', intent: 'quote', predicate: 'said', focus: 'Elizabeth Allen Rosenbaum' },
  { q: 'Does Cassie actually sing in Purple Hearts?', intent: 'yes-no-sing', focus: 'Cassie', partner: 'Purple Hearts' },
  { q: 'Is it actually Carson singing in Purple Hearts?', intent: 'yes-no-sing', focus: 'Carson', partner: 'Purple Hearts' },
  { q: 'Was Sofia Carson a producer?', intent: 'yes-no-role', predicate: 'producer', direction: 'in', partner: 'Sofia Carson', role: 'producer' },
  { q: 'Was Sofia Carson an executive producer of Purple Hearts?', intent: 'yes-no-role', predicate: 'executive_producer', partner: 'Sofia Carson', focus: 'Purple Hearts', role: 'executive producer' },
  { q: 'Did Sofia Carson direct Purple Hearts?', intent: 'yes-no-role', predicate: 'director', partner: 'Sofia Carson', focus: 'Purple Hearts' },
  { q: 'Was Purple Hearts directed by Elizabeth Allen Rosenbaum?', intent: 'yes-no-role', predicate: 'director', partner: 'Elizabeth Allen Rosenbaum', focus: 'Purple Hearts' },
  { q: 'Is Nicholas Galitzine in Purple Hearts?', intent: 'yes-no-role', predicate: 'cast_member', partner: 'Nicholas Galitzine', focus: 'Purple Hearts' },
  { q: 'Is Purple Hearts based on a book?', intent: 'yes-no-based-on', focus: 'Purple Hearts', partner: 'a book' },
  { q: "When did Netflix's Purple Hearts come out?", intent: 'date', focus: "Netflix's Purple Hearts" },
  { q: 'What role does Nicholas Galitzine play in Purple Hearts?', intent: 'character-of', partner: 'Nicholas Galitzine', focus: 'Purple Hearts' },
  { q: 'What awards did Jamie Foxx win?', intent: 'awards-of', predicate: 'award_received', direction: 'out', focus: 'Jamie Foxx' },
  { q: 'Who won the best actor Oscar?', intent: 'award-winner', predicate: 'award_received', direction: 'in' },
  { q: 'Who won best director at the Golden Globes?', intent: 'award-winner', predicate: 'award_received', direction: 'in', focus: 'Golden Globes' },
  { q: 'Did Jamie Foxx win an Oscar?', intent: 'yes-no-award', predicate: 'award_received', direction: 'in', partner: 'Jamie Foxx', focus: 'Oscar' },
  { q: 'Was Imelda Staunton nominated for best actress?', intent: 'yes-no-award', predicate: 'nominated_for', direction: 'in', partner: 'Imelda Staunton' },
  { q: 'Has Desperate Housewives been renewed?', intent: 'status', predicate: 'renewed', focus: 'Desperate Housewives' },
  { q: 'How much did Ocean’s Twelve make?', intent: 'metric', predicate: 'box_office', focus: "Ocean's Twelve" },
  { q: 'What is the meaning of life?', intent: 'retrieval' },
  { q: 'Who is Mike Leigh?', intent: 'relation', predicate: 'cast_member', direction: 'in', focus: 'Mike Leigh' },
  { q: 'Why did the critics dislike it?', intent: 'retrieval' },
];

describe('parseQuestion', () => {
  for (const c of CASES) {
    it(c.q, () => {
      const p = parseQuestion(c.q);
      assert.equal(p.intent, c.intent, `intent (pattern ${p.patternId})`);
      if (c.predicate) assert.equal(p.lookups[0]?.predicate, c.predicate, `predicate (pattern ${p.patternId})`);
      if (c.direction) assert.equal(p.lookups[0]?.direction, c.direction);
      if (c.focus) assert.equal(p.focus?.text, c.focus, 'focus text');
      if (c.hint) assert.equal(p.focus?.hint, c.hint, 'focus hint');
      if (c.anaphoric) assert.equal(p.focus?.anaphoric, true, 'anaphoric');
      if (c.partner) assert.equal(p.partner?.text, c.partner, 'partner text');
      if (c.character) assert.equal(p.character, c.character, 'character');
      if (c.role) assert.equal(p.role?.noun, c.role, 'role');
    });
  }
});

describe('cleanSlot variants', () => {
  it('keeps the owner in the text and offers the title alone as a variant', () => {
    const s = cleanSlot("Netflix's Purple Hearts");
    assert.equal(s.text, "Netflix's Purple Hearts");
    assert.deepEqual(s.variants, ['Purple Hearts']);
  });
});

describe('normalizeQuestion', () => {
  it('straightens quotes and drops trailing punctuation and politeness', () => {
    assert.equal(normalizeQuestion('  So, who’s in “Purple Hearts”?? '), 'who\'s in "Purple Hearts"');
    assert.equal(normalizeQuestion('Can you tell me who directed it, please?'), 'who directed it,');
  });
});

describe('cleanSlot', () => {
  const SLOTS: [string, string, string | undefined][] = [
    ["Netflix's \"Purple Hearts\"", 'Purple Hearts', undefined],
    ['the novel Purple Hearts', 'Purple Hearts', 'novel'],
    ['the Come Back Home music video', 'Come Back Home', 'music_video'],
    ['her single Come Back Home', 'Come Back Home', 'song'],
    ['Sofia Carson’s', 'Sofia Carson', undefined],
    ['“Come Back Home” video', 'Come Back Home', 'music_video'],
    ['The Aviator', 'The Aviator', undefined],
  ];
  for (const [raw, text, hint] of SLOTS) {
    it(`${raw} → ${text}`, () => {
      const s = cleanSlot(raw.replace(/’/g, "'").replace(/[“”]/g, '"'));
      assert.equal(s.text, text);
      assert.equal(s.hint, hint);
    });
  }
});
