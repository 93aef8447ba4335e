import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { claimsToTriples, dateKey, normName, prf, scoreDocument, type GoldDoc } from './relations.js';
import type { DocClaim } from '../model/types.js';

const span = { start: 0, end: 1 };
const claim = (predicate: string, subject: string, object: string, qualifiers = {}): DocClaim => ({
  predicate,
  subject: { name: subject, type: 'work' },
  object: { name: object, type: 'person' },
  qualifiers,
  modality: 'asserted',
  confidence: 1,
  span,
  sentence: span,
  extractor: 'test.v1',
});

describe('relation scorer', () => {
  it('normalises names like the benchmark (case, punctuation, quotes)', () => {
    assert.equal(normName(' "Mess of Blues". '), 'mess of blues');
    assert.equal(normName('Sofia Carson’s'), "sofia carson's");
    // gold names are joined tokens: spacing around punctuation is not part of the name
    assert.equal(normName("I 'm Still Alive"), normName("I'm Still Alive"));
    assert.equal(normName('I Wonder ( Departure )'), normName('I Wonder (Departure)'));
    assert.equal(normName('Extreme Makeover : Home Edition'), normName('Extreme Makeover: Home Edition'));
    assert.equal(normName("They Shoot Horses , Do n't They"), normName("They Shoot Horses, Don't They"));
    assert.notEqual(normName('Power of Few'), normName('The Power of Few'));
  });

  it('reads gold date names at their precision', () => {
    assert.equal(dateKey('2005'), '2005');
    assert.equal(dateKey('July 29, 2005'), '2005-07-29');
    assert.equal(dateKey('March 2010'), '2010-03');
  });

  it('derives characters, present-in-work and character performer triples from cast claims', () => {
    const t = claimsToTriples([claim('cast_member', 'Heat', 'Al Pacino', { character: 'Vincent Hanna' })]);
    assert.deepEqual(t.map((x) => x.property).sort(), ['P1441', 'P161', 'P175', 'P674']);
    assert.ok(t.some((x) => x.property === 'P175' && x.head === 'Vincent Hanna' && x.tail === 'Al Pacino'));
  });

  it('counts tp, fp and fn per property, matching any gold name', () => {
    const gold: GoldDoc = {
      title: 't',
      text: '',
      entities: [{ names: ['Heat', 'Heat (film)'], type: 'MISC' }, { names: ['Al Pacino', 'Pacino'], type: 'PER' }, { names: ['Michael Mann'], type: 'PER' }],
      relations: [{ h: 0, t: 1, r: 'P161' }, { h: 0, t: 2, r: 'P57' }],
    };
    const counts = scoreDocument(
      gold,
      [
        { head: 'heat', property: 'P161', tail: 'Pacino' },
        { head: 'Heat', property: 'P161', tail: 'Robert De Niro' },
      ],
      new Set(['P161', 'P57']),
    );
    assert.deepEqual(counts.get('P161'), { tp: 1, fp: 1, fn: 0 });
    assert.deepEqual(counts.get('P57'), { tp: 0, fp: 0, fn: 1 });
    const s = prf({ tp: 1, fp: 1, fn: 1 });
    assert.equal(s.f1, 0.5);
  });
});
