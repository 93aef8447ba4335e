/**
 * @module GET /api/facts: claims filtered by predicate and entity, a page at a time. The body is
 * the plain Claim[] (as `marquee facts --json` prints it); paging rides in a `Link` header.
 */
import { z } from 'zod';
import type { EngineApi } from '../../engine/types.js';
import type { ApiRouter } from '../api-router.js';
import { ClaimSchema, FactsQueryParams } from '../schemas.js';
import { BAD_REQUEST } from './common.js';

export function registerFactRoutes(api: ApiRouter, engine: EngineApi): void {
  api.route(
    {
      method: 'get',
      path: '/api/facts',
      operationId: 'facts',
      tag: 'facts',
      summary: 'Claims by predicate and/or entity, paged with limit and offset',
      query: FactsQueryParams,
      responses: {
        200: {
          description: 'One page of claims',
          schema: z.array(ClaimSchema),
          headers: { Link: 'rel="next" URL of the next page, present when this page is full' },
        },
        400: BAD_REQUEST,
      },
    },
    (c, { query }) => {
      const claims = engine.facts(query);
      if (claims.length === query.limit) {
        const next = new URL(c.req.url);
        next.searchParams.set('offset', String(query.offset + query.limit));
        next.searchParams.set('limit', String(query.limit));
        c.header('Link', `<${next.pathname}${next.search}>; rel="next"`);
      }
      return c.json(claims);
    },
  );
}
