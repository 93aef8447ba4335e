import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateFacts, canonicalDocument, type FactDocument } from './facts.js';
import { makeClaim as claim } from './make-claim.js';
import type { EntityRef, Literal } from '../model/types.js';

const film: EntityRef = { id: 'ent_film', name: 'Purple Hearts', type: 'work', subtype: 'film' };
const sofia: EntityRef = { id: 'ent_sofia', name: 'Sofia Carson', type: 'person', subtype: null };

const docs = (list: FactDocument[]) => {
  const m = new Map(list.map((d) => [d.id, d]));
  return (id: string) => m.get(id) ?? null;
};

describe('aggregateFacts', () => {
  const lookup = docs([
    { id: 'doc_a', date: '2022-07-20', duplicateOf: null },
    { id: 'doc_b', date: '2022-08-01', duplicateOf: null },
    { id: 'doc_b2', date: '2022-08-02', duplicateOf: 'doc_b' },
  ]);

  it('groups claims of the same statement and counts near-duplicate copies once', () => {
    const cs = [
      claim('doc_a', '2022-07-20', 'cast_member', film, sofia, { qualifiers: { character: 'Cassie' }, modality: 'reported' }),
      claim('doc_b', '2022-08-01', 'cast_member', film, sofia, { qualifiers: { character: 'cassie' } }),
      claim('doc_b2', '2022-08-02', 'cast_member', film, sofia, { qualifiers: { character: 'Cassie' } }),
    ];
    const facts = aggregateFacts(cs, lookup);
    assert.equal(facts.length, 1);
    const f = facts[0];
    assert.equal(f.sources, 2, 'doc_b2 is a copy of doc_b');
    assert.equal(f.firstSeen, '2022-07-20');
    assert.equal(f.lastSeen, '2022-08-02');
    assert.equal(f.modality, 'asserted', 'asserted outranks reported');
    assert.deepEqual(f.claimIds, cs.map((c) => c.id));
    assert.equal(f.evidence.length, 3);
    assert.deepEqual(f.qualifiers, { character: 'Cassie' });
    assert.match(f.id, /^fct_[0-9a-f]{16}$/);
    assert.equal(f.status, 'supported');
    assert.equal(f.wikidata, 'P161');
  });

  it('keeps different characters apart and context qualifiers together', () => {
    const cs = [
      claim('doc_a', '2022-07-20', 'cast_member', film, sofia, { qualifiers: { character: 'Cassie', date: '2020-11' } }),
      claim('doc_b', '2022-08-01', 'cast_member', film, sofia, { qualifiers: { character: 'Luke' } }),
      claim('doc_b', '2022-08-01', 'cast_member', film, sofia, { qualifiers: { character: 'Cassie', date: '2021-08' } }),
    ];
    const facts = aggregateFacts(cs, lookup);
    assert.equal(facts.length, 2);
    assert.deepEqual(facts[0].context.date, ['2020-11', '2021-08']);
  });

  it('takes the strongest modality and treats negated claims as opposition', () => {
    const sequel: Literal = { value: 'confirmed', datatype: 'string' };
    const cs = [
      claim('doc_a', '2022-07-20', 'sequel', film, sequel, { modality: 'speculative' }),
      claim('doc_b', '2022-08-01', 'sequel', film, { value: 'Confirmed', datatype: 'string' }, { modality: 'negated' }),
    ];
    const [f] = aggregateFacts(cs, lookup);
    assert.equal(f.modality, 'speculative');
    assert.equal(f.status, 'contested');
    assert.equal(f.sources, 1);
    assert.equal(f.opposition?.sources, 1);
    assert.equal(f.claimIds.length, 2);
    const [denied] = aggregateFacts([cs[1]], lookup);
    assert.equal(denied.status, 'denied');
    assert.equal(denied.modality, 'negated');
  });

  it('follows duplicate chains and survives cycles', () => {
    const l = docs([
      { id: 'x', date: null, duplicateOf: 'y' },
      { id: 'y', date: null, duplicateOf: 'x' },
    ]);
    assert.ok(['x', 'y'].includes(canonicalDocument('x', l)));
    assert.equal(canonicalDocument('unknown', l), 'unknown');
  });
});
