/**
 * @module Identifier helpers: every stored id is a visible prefix plus a short content hash, so the
 * same input always yields the same id (re-ingest is idempotent) and entities are never keyed by
 * name.
 */
import { createHash } from 'node:crypto';
import type { Literal } from './types.js';

/**
 * Hex characters kept from the sha256 digest: 16 hex = 64 bits, so the birthday bound for a
 * collision stays below one in a million up to ~6 million ids of one kind.
 */
const ID_HASH_HEX_CHARS = 16;

/** Unit separator between hashed parts, so ('ab','c') and ('a','bc') hash differently. */
const PART_SEPARATOR = '\u001f';

/** Short, stable hex hash of the given parts. */
export function shortHash(...parts: readonly (string | number | null | undefined)[]): string {
  const h = createHash('sha256');
  h.update(parts.map((p) => (p === null || p === undefined ? '\u0000' : String(p))).join(PART_SEPARATOR));
  return h.digest('hex').slice(0, ID_HASH_HEX_CHARS);
}

/**
 * Id of an entity minted while resolving a document: stable for the same (document, type, subtype
 * family, alias key), so resolving the same document twice mints the same id.
 */
export function entityId(docId: string, type: string, family: string | null, key: string): string {
  return `ent_${shortHash('entity', docId, type, family, key)}`;
}

/** Id of a manually created entity (corrections): hashed from a caller-chosen seed. */
export function manualEntityId(seed: string): string {
  return `ent_${shortHash('manual-entity', seed)}`;
}

/** The object part of a claim's identity: the entity id, or `datatype:value` for a literal. */
export function claimObjectKey(objectId: string | null, object: Literal | null): string {
  if (objectId !== null) return objectId;
  if (object === null) throw new Error('claimObjectKey: a claim needs an object entity or a literal');
  return `${object.datatype}:${object.value}`;
}

/** Id of a claim: hash(predicate, subject id, object id or literal, document id, evidence span). */
export function claimId(
  predicate: string,
  subjectId: string,
  objectKey: string,
  docId: string,
  start: number,
  end: number,
): string {
  return `clm_${shortHash('claim', predicate, subjectId, objectKey, docId, start, end)}`;
}
