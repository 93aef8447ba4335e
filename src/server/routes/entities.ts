/**
 * @module Entity routes: typeahead, entity page, timeline and neighbourhood graph
 * (the bodies of `marquee entity --json` and `marquee timeline --json`).
 */
import { z } from 'zod';
import type { EngineApi } from '../../engine/types.js';
import type { ApiRouter } from '../api-router.js';
import { ApiError } from '../errors.js';
import { EntitiesQuery, EntityPageSchema, EntityRefSchema, GraphQuery, GraphSchema, IdParam, TimelineEventSchema } from '../schemas.js';
import { BAD_REQUEST, NOT_FOUND } from './common.js';

const notFound = (id: string): ApiError => new ApiError(404, 'not_found', `No entity with id "${id.slice(0, 80)}".`);

export function registerEntityRoutes(api: ApiRouter, engine: EngineApi): void {
  api.route(
    {
      method: 'get',
      path: '/api/entities',
      operationId: 'entities',
      tag: 'entities',
      summary: 'Typeahead over entity names and aliases',
      query: EntitiesQuery,
      responses: { 200: { description: 'Matching entities, best first', schema: z.array(EntityRefSchema) }, 400: BAD_REQUEST },
    },
    (c, { query }) => c.json(engine.entities(query.q, query.limit)),
  );

  api.route(
    {
      method: 'get',
      path: '/api/entities/:id',
      operationId: 'entityPage',
      tag: 'entities',
      summary: 'Entity page: type, aliases, facts by predicate, quotes, documents',
      params: IdParam,
      responses: { 200: { description: 'The entity page', schema: EntityPageSchema }, 400: BAD_REQUEST, 404: NOT_FOUND },
    },
    (c, { params }) => {
      const page = engine.entityPage(params.id);
      if (!page) throw notFound(params.id);
      return c.json(page);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/api/entities/:id/timeline',
      operationId: 'timeline',
      tag: 'entities',
      summary: "The entity's dated events in time order",
      params: IdParam,
      responses: { 200: { description: 'Events, oldest first', schema: z.array(TimelineEventSchema) }, 400: BAD_REQUEST, 404: NOT_FOUND },
    },
    (c, { params }) => {
      const events = engine.timeline(params.id);
      if (!events) throw notFound(params.id);
      return c.json(events);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/api/entities/:id/graph',
      operationId: 'graph',
      tag: 'entities',
      summary: "The entity's neighbourhood: typed, labelled edges",
      params: IdParam,
      query: GraphQuery,
      responses: { 200: { description: 'Nodes and edges', schema: GraphSchema }, 400: BAD_REQUEST, 404: NOT_FOUND },
    },
    (c, { params, query }) => {
      const graph = engine.graph(params.id, query.depth);
      if (!graph) throw notFound(params.id);
      return c.json(graph);
    },
  );
}
