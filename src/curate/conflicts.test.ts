import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateFacts, type FactDocument } from './facts.js';
import { conflictsInFacts, datesAgree, findConflicts, formatConflicts, markContested } from './conflicts.js';
import { makeClaim as claim } from './make-claim.js';
import type { Claim, EntityRef } from '../model/types.js';
import type { ClaimFilter } from '../store/store.js';

const film: EntityRef = { id: 'ent_film', name: 'Purple Hearts', type: 'work', subtype: 'film' };
const liz: EntityRef = { id: 'ent_liz', name: 'Elizabeth Allen Rosenbaum', type: 'person', subtype: null };
const other: EntityRef = { id: 'ent_other', name: 'Someone Else', type: 'person', subtype: null };
const date = (value: string) => ({ value, datatype: 'date' as const });
const status = (value: string) => ({ value, datatype: 'string' as const });
const lookup = (id: string): FactDocument | null => ({ id, date: null, duplicateOf: null });

describe('datesAgree', () => {
  const cases: [string, string, boolean][] = [
    ['2022', '2022-07-29', true],
    ['2022-07', '2022-07-29', true],
    ['2022-07-29', '2022-07-29', true],
    ['2022-07-29', '2022-08-05', false],
    ['2021', '2022-07-29', false],
    ['2022-7', '2022-07', true],
  ];
  for (const [a, b, want] of cases) it(`${a} vs ${b} → ${want}`, () => assert.equal(datesAgree(a, b), want));
});

describe('conflictsInFacts', () => {
  it('does not flag dates of different precision that agree', () => {
    const facts = aggregateFacts([
      claim('d1', '2022-07-01', 'publication_date', film, date('2022')),
      claim('d2', '2022-07-30', 'publication_date', film, date('2022-07-29')),
      claim('d3', '2022-07-30', 'publication_date', film, date('2022-07')),
    ], lookup);
    assert.deepEqual(conflictsInFacts(facts), []);
  });

  it('lists both premiere dates with their evidence, oldest first', () => {
    const facts = aggregateFacts([
      claim('d3', '2024-12-01', 'publication_date', film, date('2022-08-05')),
      claim('d1', '2022-07-30', 'publication_date', film, date('2022-07-29')),
      claim('d2', '2022-08-01', 'publication_date', film, date('2022-07-29')),
      claim('d4', '2022-01-01', 'publication_date', film, date('2022')),
    ], lookup);
    const cs = conflictsInFacts(facts);
    assert.equal(cs.length, 1);
    const c = cs[0];
    assert.equal(c.kind, 'single-valued');
    assert.deepEqual(c.sides.map((s) => s.value), ['2022-07-29', '2022-08-05']);
    assert.equal(c.sides[0].sources, 2);
    assert.equal(c.sides[1].evidence[0].document.id, 'd3');
    assert.equal(c.compatible?.length, 1, 'the bare year agrees with both sides');
    const marked = markContested(facts, cs);
    assert.equal(marked.filter((f) => f.status === 'contested').length, 2);
    assert.match(formatConflicts(cs), /Purple Hearts — released/);
  });

  it('flags two directors of one film', () => {
    const cs = conflictsInFacts(aggregateFacts([
      claim('d1', '2022-07-30', 'director', film, liz),
      claim('d2', '2022-08-01', 'director', film, other),
      claim('d3', '2022-08-01', 'cast_member', film, other),
    ], lookup));
    assert.equal(cs.length, 1);
    assert.deepEqual(cs[0].sides.map((s) => s.value), [liz.name, other.name]);
  });

  it('keeps an earlier status as history and marks the latest as current', () => {
    const cs = conflictsInFacts(aggregateFacts([
      claim('d2', '2025-03-10', 'sequel', film, status('confirmed')),
      claim('d1', '2024-12-24', 'sequel', film, status('in talks'), { modality: 'reported', qualifiers: { date: '2024-12' } }),
    ], lookup));
    assert.equal(cs.length, 1);
    const c = cs[0];
    assert.equal(c.kind, 'status');
    assert.deepEqual(c.sides.map((s) => [s.value, s.current, s.modality]), [['in talks', false, 'reported'], ['confirmed', true, 'asserted']]);
    assert.equal(c.current, 'confirmed');
  });

  it('reports a statement asserted by one source and denied by another', () => {
    const cs = conflictsInFacts(aggregateFacts([
      claim('d1', '2022-07-30', 'cast_member', film, other),
      claim('d2', '2022-08-30', 'cast_member', film, other, { modality: 'negated' }),
    ], lookup));
    assert.equal(cs.length, 1);
    assert.equal(cs[0].kind, 'negation');
    assert.deepEqual(cs[0].sides.map((s) => s.modality), ['asserted', 'negated']);
  });
});

describe('findConflicts over a store', () => {
  it('reads single-valued predicates and negations, a page at a time', () => {
    const all: Claim[] = [
      claim('d1', '2022-07-30', 'publication_date', film, date('2022-07-29')),
      claim('d2', '2022-08-30', 'publication_date', film, date('2022-08-05')),
      claim('d1', '2022-07-30', 'cast_member', film, other),
      claim('d2', '2022-08-30', 'cast_member', film, other, { modality: 'negated' }),
    ];
    const store = {
      claims(f: ClaimFilter): Claim[] {
        const preds = f.predicate === undefined ? null : ([] as string[]).concat(f.predicate);
        const list = all.filter((c) => (!preds || preds.includes(c.predicate)) && (!f.subjectId || c.subject.id === f.subjectId));
        return list.slice(f.offset ?? 0, (f.offset ?? 0) + (f.limit ?? 100));
      },
      getDocument: () => null,
    };
    const cs = findConflicts(store);
    assert.deepEqual(cs.map((c) => c.kind).sort(), ['negation', 'single-valued']);
    assert.equal(findConflicts(store, { entityId: 'ent_nobody' }).length, 0);
  });
});

describe('entityFacts', () => {
  it('aggregates an entity page and marks contested facts', async () => {
    const { openMemoryStore } = await import('../store/memory/index.js');
    const { buildTestKb, KB_ENTITIES } = await import('./make-kb.js');
    const { entityFacts } = await import('./conflicts.js');
    const store = openMemoryStore();
    buildTestKb(store);
    const { facts, conflicts } = entityFacts(store, KB_ENTITIES.film.id);
    assert.deepEqual(conflicts.map((c) => c.predicate).sort(), ['publication_date', 'sequel']);
    const july = facts.find((f) => f.predicate === 'publication_date' && !('id' in f.object) && f.object.value === '2022-07-29')!;
    assert.equal(july.status, 'contested');
    assert.equal(july.sources, 1, 'the reprint counts once');
    assert.equal(july.support.evidence.length, 2);
    assert.equal(facts.find((f) => f.predicate === 'director')?.status, 'supported');
  });
});

describe('status on one date', () => {
  it('prefers the asserted, later-stage status when an article recalls earlier talks', () => {
    const cs = conflictsInFacts(aggregateFacts([
      claim('d1', '2024-12-24', 'sequel', film, status('in talks'), { modality: 'reported', qualifiers: { date: '2024-12-24' } }),
      claim('d2', '2025-03-14', 'sequel', film, status('in talks'), { modality: 'reported', qualifiers: { date: '2025-03-14' } }),
      claim('d2', '2025-03-14', 'sequel', film, status('confirmed'), { qualifiers: { date: '2025-03-14' } }),
    ], lookup));
    assert.equal(cs[0].current, 'confirmed');
    assert.deepEqual(cs[0].sides.map((s) => [s.value, s.firstSeen, s.lastSeen]), [['in talks', '2024-12-24', '2025-03-14'], ['confirmed', '2025-03-14', '2025-03-14']]);
  });
});
