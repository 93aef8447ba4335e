/**
 * @module Property tests of resolution: for random documents (random names, types, subtypes and
 * one-word surnames), resolving and storing gives the same writes on the memory and SQLite stores,
 * never puts two types (or two work families) in one entity, and re-resolving the document just
 * stored changes nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { EntityType } from '../model/types.js';
import { openMemoryStore } from '../store/memory/index.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { makeDoc, type MentionTuple } from '../testing/make-doc.js';
import { resolveDocument } from './index.js';
import { subtypeFamily } from './normalize.js';

const NAMES = ['Sofia Carson', 'Carson', 'Johnny Carson', 'Purple Hearts', 'Netflix', 'Sofia', 'Galitzine', 'Nicholas Galitzine', 'Come Back Home'];
const TYPES: EntityType[] = ['person', 'work', 'organization', 'character'];
const SUBTYPES = [undefined, 'film', 'novel', 'song', 'series'];

const mentionArb = fc.record({
  name: fc.integer({ min: 0, max: NAMES.length - 1 }),
  type: fc.integer({ min: 0, max: TYPES.length - 1 }),
  subtype: fc.integer({ min: 0, max: SUBTYPES.length - 1 }),
});
const docArb = fc.array(mentionArb, { minLength: 1, maxLength: 6 });
type DocSpec = typeof docArb extends fc.Arbitrary<infer T> ? T : never;

function build(spec: DocSpec, n: number) {
  let text = `Article ${n}.`;
  const mentions: MentionTuple[] = [];
  for (const m of spec) {
    const name = NAMES[m.name];
    const type = TYPES[m.type];
    text += ' ';
    mentions.push([text.length, text.length + name.length, type, type === 'work' ? SUBTYPES[m.subtype] ?? null : null, name]);
    text += `${name} was here.`;
  }
  return makeDoc(text, { mentions });
}

function run(store: Store, docs: DocSpec[]) {
  return docs.map((spec, n) => {
    const w = resolveDocument(build(spec, n), store);
    store.putDocument(w);
    return w;
  });
}

describe('resolution properties', () => {
  it('same writes on both stores; one type and one work family per entity; stable on re-resolve', () => {
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 6 }), (docs) => {
        const mem = openMemoryStore();
        const sql = openSqliteStore(':memory:');
        try {
          const a = run(mem, docs);
          const b = run(sql, docs);
          assert.deepEqual(b, a);
          // Every entity holds mentions of one type, and works of one known family.
          const kinds = new Map<string, Set<string>>();
          docs.forEach((spec, n) => {
            const doc = build(spec, n);
            const byStart = new Map(a[n].mentions.map((m) => [m.start, m.entityId]));
            for (const m of doc.get('mentions')) {
              const id = byStart.get(m.start)!;
              const fam = subtypeFamily(m.type, m.subtype);
              let set = kinds.get(id);
              if (!set) kinds.set(id, (set = new Set()));
              set.add(`${m.type}${fam ? `/${fam}` : ''}`);
            }
          });
          for (const [id, set] of kinds) {
            const types = new Set([...set].map((k) => k.split('/')[0]));
            const families = new Set([...set].filter((k) => k.includes('/')));
            assert.equal(types.size, 1, `${id} mixes types: ${[...set]}`);
            assert.ok(families.size <= 1, `${id} mixes work families: ${[...set]}`);
          }
          // Re-resolving the document just stored finds what it made: nothing new, same entities.
          // (Not so for older documents: a one-word name that was unique then can be ambiguous now.)
          const last = docs.length - 1;
          const again = resolveDocument(build(docs[last], last), sql);
          assert.deepEqual(again.newEntities, []);
          assert.deepEqual(again.mentions, b[last].mentions);
          assert.equal(sql.putDocument(again), false);
        } finally {
          mem.close();
          sql.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
