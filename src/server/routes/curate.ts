/**
 * @module Curation over HTTP (issue 9): GET /api/conflicts, GET /api/corrections, and, only when
 * the server runs with --allow-edit, POST /api/corrections (merge, split, rename, retract, assert,
 * undo), each recorded in the audit log with who/when/why.
 */
import { z } from 'zod';
import type { EngineApi } from '../../engine/types.js';
import { ConflictsQuerySchema, CorrectionRequestSchema } from '../../curate/api-schemas.js';
import { parseOr400, type ApiRouter } from '../api-router.js';
import { ApiError } from '../errors.js';
import { ErrorSchema } from '../schemas.js';
import { BAD_REQUEST } from './common.js';
import { assertSameOrigin } from './documents.js';

/** Body schemas are kept loose for responses: the curation module owns their exact shape. */
const ConflictsBody = z.object({ conflicts: z.array(z.any()) });
const CorrectionsBody = z.object({ corrections: z.array(z.any()) });

export function registerCurateRoutes(api: ApiRouter, engine: EngineApi, opts: { allowEdit: boolean }): void {
  api.route(
    {
      method: 'get',
      path: '/api/conflicts',
      operationId: 'conflicts',
      tag: 'curate',
      summary: 'Facts the sources disagree on, with both sides and their evidence',
      query: ConflictsQuerySchema,
      responses: { 200: { description: 'Conflicts', schema: ConflictsBody }, 400: BAD_REQUEST },
    },
    (c, { query }) => {
      let entityId: string | undefined;
      if (query.entity) {
        const found = engine.findEntity(query.entity);
        if (found.length === 0) return c.json({ conflicts: [] });
        entityId = found[0].id;
      }
      return c.json({ conflicts: engine.conflicts?.(entityId) ?? [] });
    },
  );

  api.route(
    {
      method: 'get',
      path: '/api/corrections',
      operationId: 'corrections',
      tag: 'curate',
      summary: 'The audit log of corrections',
      responses: { 200: { description: 'Corrections, oldest first', schema: CorrectionsBody } },
    },
    (c) => c.json({ corrections: engine.corrections?.() ?? [] }),
  );

  api.route(
    {
      method: 'post',
      path: '/api/corrections',
      operationId: 'correct',
      tag: 'curate',
      summary: 'Apply a correction (merge, split, rename, retract, assert, undo); needs --allow-edit',
      body: { 'application/json': { schema: CorrectionRequestSchema } },
      responses: {
        200: { description: 'The recorded correction', schema: z.any() },
        400: BAD_REQUEST,
        403: { description: 'Editing is disabled (start the server with --allow-edit), or a cross-site request', schema: ErrorSchema },
      },
    },
    async (c) => {
      if (!opts.allowEdit || !engine.correct) throw new ApiError(403, 'forbidden', 'Editing is disabled: start the server with --allow-edit.');
      assertSameOrigin(c);
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new ApiError(400, 'bad_request', 'The body must be a JSON correction request.');
      }
      const req = parseOr400(CorrectionRequestSchema, body, 'body');
      try {
        return c.json(engine.correct(req, 'http'));
      } catch (e) {
        throw new ApiError(400, 'bad_request', (e as Error).message);
      }
    },
  );
}
