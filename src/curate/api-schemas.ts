/**
 * @module zod schemas of the curation API (issue #9), for the server's routes:
 * `GET /api/conflicts` (body `{conflicts: Conflict[]}`), `GET /api/corrections`
 * (`{corrections: CorrectionRecord[]}`) and, with `--allow-edit`, `POST /api/corrections` whose
 * body is a CorrectionRequest (see commands.ts `runCorrection`) answered with the audit record.
 */
import { z } from 'zod';
import { ENTITY_TYPES, type EntityType } from '../model/types.js';
import type { CorrectionRequest } from './commands.js';
import { MAX_QUALIFIERS, QUALIFIER_NAME } from './corrections.js';

/** Longest entity reference, claim id or correction id accepted. */
const MAX_REF_CHARS = 200;
/** Longest reason or note accepted. */
const MAX_NOTE_CHARS = 2000;

const ref = z.string().trim().min(1).max(MAX_REF_CHARS);
const why = z.string().trim().min(1).max(MAX_NOTE_CHARS);
const entityType = z.enum(ENTITY_TYPES as unknown as [EntityType, ...EntityType[]]);

/** Body of `POST /api/corrections`. */
export const CorrectionRequestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('merge'), into: ref, from: ref, why: why.optional(), force: z.boolean().optional() }),
  z.object({ op: z.literal('split'), entity: ref, mention: ref, name: ref.optional(), why: why.optional() }),
  z.object({ op: z.literal('rename'), entity: ref, name: ref, why: why.optional() }),
  z.object({ op: z.literal('retract'), claimId: ref, why }),
  z.object({
    op: z.literal('assert'),
    subject: ref,
    predicate: ref,
    object: z.string().trim().min(1).max(MAX_NOTE_CHARS),
    note: why,
    subjectType: entityType.optional(),
    objectType: z.union([entityType, z.literal('literal')]).optional(),
    datatype: z.enum(['date', 'quantity', 'string', 'url']).optional(),
    qualifiers: z
      .record(z.string().regex(QUALIFIER_NAME, 'a qualifier name is a letter then letters, digits or _'), z.union([z.string().max(MAX_REF_CHARS), z.number(), z.boolean()]))
      .refine((q) => Object.keys(q).length <= MAX_QUALIFIERS, `at most ${MAX_QUALIFIERS} qualifiers`)
      .optional(),
    why: why.optional(),
  }),
  z.object({ op: z.literal('undo'), correctionId: ref, why: why.optional() }),
]);

/** Query of `GET /api/conflicts`: optionally one entity (name, alias or id). */
export const ConflictsQuerySchema = z.object({ entity: ref.optional() });

/** Compile-time check: a parsed body is a CorrectionRequest. */
export const toCorrectionRequest = (body: z.infer<typeof CorrectionRequestSchema>): CorrectionRequest => body;
