/**
 * @module GET /api/health: liveness and the size of the knowledge base.
 */
import type { EngineApi } from '../../engine/types.js';
import type { ApiRouter } from '../api-router.js';
import { HealthSchema } from '../schemas.js';

export function registerHealthRoutes(api: ApiRouter, engine: EngineApi): void {
  api.route(
    {
      method: 'get',
      path: '/api/health',
      operationId: 'health',
      tag: 'meta',
      summary: 'Liveness and counts of documents, entities and claims',
      responses: { 200: { description: 'Health', schema: HealthSchema } },
    },
    (c) => c.json(engine.health()),
  );
}
