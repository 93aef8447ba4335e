/**
 * @module Checks a DocumentWrite before any of it is written, the same way in both stores: every
 * span inside the text, every claim with exactly one object, every referenced entity known.
 */
import { MarqueeError } from '../errors.js';
import type { DocumentWrite } from './store.js';

const span = (what: string, start: number, end: number, len: number): void => {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > len) {
    throw new MarqueeError('E302', `${what} [${start}, ${end}) is not a span of the ${len}-character text; fix the stage that produced it.`);
  }
};

/**
 * Throws MarqueeError E302 when `write` is malformed. `entityExists` answers for entities that are
 * not among `write.newEntities`.
 */
export function validateWrite(write: DocumentWrite, entityExists: (id: string) => boolean): void {
  const d = write.document;
  if (!d.id || !d.textHash) throw new MarqueeError('E302', 'A document needs an id and a text hash.');
  const len = d.text.length;
  for (const s of write.sentences) span(`Sentence ${s.index}`, s.start, s.end, len);
  const known = new Set(write.newEntities.map((e) => e.id));
  const check = (id: string, what: string): void => {
    if (!known.has(id) && !entityExists(id)) {
      throw new MarqueeError('E302', `${what} refers to unknown entity ${id}; add it to newEntities.`);
    }
  };
  for (const m of write.mentions) {
    span(`Mention '${m.text}'`, m.start, m.end, len);
    check(m.entityId, `Mention '${m.text}'`);
  }
  for (const a of write.aliases) check(a.entityId, `Alias '${a.alias}'`);
  for (const u of write.entityUpdates ?? []) check(u.id, 'Entity update');
  for (const c of write.claims) {
    span(`Claim ${c.id}`, c.start, c.end, len);
    span(`Sentence of claim ${c.id}`, c.sentenceStart, c.sentenceEnd, len);
    check(c.subjectId, `Claim ${c.id} subject`);
    if ((c.objectId === null) === (c.object === null)) {
      throw new MarqueeError('E302', `Claim ${c.id} needs exactly one object: an entity id or a literal.`);
    }
    if (c.objectId !== null) check(c.objectId, `Claim ${c.id} object`);
  }
}
