/**
 * @module Differential property test: random documents written to the memory store (the
 * reference) and to SQLite must read back the same — claims in the same order with the same
 * evidence, entities with the same counts, the same alias lookups — also after random merges.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { EntityType } from '../model/types.js';
import { buildWrite } from './contract.js';
import { openMemoryStore } from './memory/index.js';
import { openSqliteStore } from './sqlite/index.js';
import type { Store } from './store.js';

const NAMES = ['Sofia Carson', 'Nicholas Galitzine', 'Purple Hearts', 'Netflix', 'Carson', 'Come Back Home', 'Tess Wakefield', 'Cassie'];
const TYPES: EntityType[] = ['person', 'person', 'work', 'organization', 'person', 'work', 'person', 'character'];
const PREDICATES = ['cast_member', 'director', 'performer', 'featured_in', 'said', 'publication_date'];
const DATES = [null, '2021-10-15', '2022-07-29', '2024-12-24'];

const docArb = fc.record({
  names: fc.array(fc.integer({ min: 0, max: NAMES.length - 1 }), { minLength: 1, maxLength: 6 }),
  claims: fc.array(
    fc.record({ p: fc.integer({ min: 0, max: PREDICATES.length - 1 }), s: fc.nat(), o: fc.option(fc.nat(), { nil: null }) }),
    { maxLength: 5 },
  ),
  date: fc.integer({ min: 0, max: DATES.length - 1 }),
  salt: fc.string({ maxLength: 8 }),
});

const entityIdOf = (i: number) => `ent_${i}`;

type DocInput = typeof docArb extends fc.Arbitrary<infer T> ? T : never;

function writeAll(store: Store, docs: DocInput[]): void {
  docs.forEach((d, n) => {
    const text = `Story ${n} ${d.salt}. ` + d.names.map((i) => `${NAMES[i]} appears here.`).join(' ');
    const present = [...new Set(d.names)];
    const w = buildWrite({
      text,
      date: DATES[d.date],
      newEntities: present.map((i) => ({ id: entityIdOf(i), name: NAMES[i], type: TYPES[i], subtype: null })),
      mentions: d.names.map((i) => [NAMES[i], entityIdOf(i)] as [string, string]),
      claims: d.claims.map((c) => {
        const s = present[c.s % present.length];
        return {
          predicate: PREDICATES[c.p],
          subject: entityIdOf(s),
          object: c.o === null ? { value: `v${c.o}`, datatype: 'string' as const } : entityIdOf(present[c.o % present.length]),
          quote: `${NAMES[s]} appears`,
        };
      }),
    });
    store.putDocument(w);
  });
}

function snapshot(store: Store) {
  const ids = NAMES.map((_, i) => entityIdOf(i));
  return {
    counts: store.counts(),
    claims: store.claims({}),
    entities: ids.map((id) => store.getEntity(id)),
    byEntity: ids.map((id) => store.claims({ entityId: id }).map((c) => c.id)),
    byPredicate: PREDICATES.map((p) => store.countClaims({ predicate: p })),
    aliases: ids.map((id) => store.entityAliases(id)),
    lookups: ['sofia carson', 'carson', 'purple hearts', 'netflix'].map((k) => store.findEntitiesByAlias(k).map((e) => e.id)),
    tokens: ['carson', 'hearts'].map((k) => store.findEntitiesByToken(k).map((e) => e.id)),
    typeahead: ['c', 'pur', 'n'].map((k) => store.searchEntities(k, 5).map((e) => e.id)),
    docs: ids.map((id) => store.entityDocuments(id).map((d) => d.id)),
  };
}

describe('memory and SQLite stores agree', () => {
  it('on random documents and merges', () => {
    fc.assert(
      fc.property(
        fc.array(docArb, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: NAMES.length - 1 }), fc.integer({ min: 0, max: NAMES.length - 1 })), { maxLength: 2 }),
        (docs, merges) => {
          const mem = openMemoryStore();
          const sql = openSqliteStore(':memory:');
          try {
            writeAll(mem, docs);
            writeAll(sql, docs);
            assert.deepEqual(snapshot(sql), snapshot(mem));
            for (const [a, b] of merges) {
              const [into, from] = [entityIdOf(a), entityIdOf(b)];
              if (mem.getEntity(into) === null || mem.getEntity(from) === null) continue;
              mem.mergeEntities(into, from);
              sql.mergeEntities(into, from);
            }
            assert.deepEqual(snapshot(sql), snapshot(mem));
          } finally {
            mem.close();
            sql.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
