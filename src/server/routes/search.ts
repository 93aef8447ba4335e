/**
 * @module GET /api/search: full-text search over the cleaned articles (the body of `marquee search --json`).
 */
import { z } from 'zod';
import type { EngineApi } from '../../engine/types.js';
import type { ApiRouter } from '../api-router.js';
import { SearchHitSchema, SearchQuery } from '../schemas.js';
import { BAD_REQUEST } from './common.js';

export function registerSearchRoutes(api: ApiRouter, engine: EngineApi): void {
  api.route(
    {
      method: 'get',
      path: '/api/search',
      operationId: 'search',
      tag: 'search',
      summary: 'Full-text search with evidence snippets',
      query: SearchQuery,
      responses: { 200: { description: 'Hits, best first', schema: z.array(SearchHitSchema) }, 400: BAD_REQUEST },
    },
    (c, { query }) => c.json(engine.search(query.q, query.limit)),
  );
}
