/**
 * @module The OpenAPI 3.1 document of the HTTP API, generated from the route specs and the zod
 * schemas that validate requests (api-router.ts, schemas.ts) with `z.toJSONSchema`.
 */
import { z } from 'zod';
import type { RouteSpec } from './api-router.js';
import { NAMED_SCHEMAS, PARAM_JSON_SCHEMA, type SchemaMeta } from './schemas.js';

type Json = Record<string, unknown>;

const REF = (id: string): string => `#/components/schemas/${id}`;

/** Request-side conversion: the input shape (before transforms); File fields become binary strings. */
function inputSchema(schema: z.ZodType): Json {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: (ctx) => (ctx.zodSchema._zod.def.type === 'custom' ? { type: 'string', format: 'binary' } : 'any'),
    override: (ctx) => {
      const doc = PARAM_JSON_SCHEMA.get(ctx.zodSchema as unknown as z.ZodType);
      if (!doc) return;
      const description = ctx.jsonSchema.description;
      for (const k of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Json)[k];
      Object.assign(ctx.jsonSchema, doc, description ? { description } : {});
    },
  }) as Json;
  delete json.$schema;
  return json;
}

/** Split an object schema into OpenAPI parameters (`in: query` or `in: path`). */
function parameters(schema: z.ZodType | undefined, where: 'query' | 'path'): Json[] {
  if (!schema) return [];
  const json = inputSchema(schema) as { properties?: Record<string, Json>; required?: string[] };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/**
 * Build the OpenAPI document.
 *
 * @param specs - the routes registered through ApiRouter
 * @param info - title and version for the `info` object
 * @returns a plain JSON object (OpenAPI 3.1; schemas are JSON Schema 2020-12)
 */
export function buildOpenApi(specs: readonly RouteSpec[], info: { title: string; version: string }): Json {
  // Response schemas that are not named yet get a generated name, so every response is a $ref
  // into components and shared shapes (Claim, Evidence...) are defined once.
  const registry = z.registry<SchemaMeta>();
  const named = new Map<z.ZodType, string>();
  for (const s of NAMED_SCHEMAS) {
    registry.add(s.schema, s.meta);
    named.set(s.schema, s.meta.id);
  }
  for (const spec of specs) {
    for (const [status, r] of Object.entries(spec.responses)) {
      if (r.schema && !named.has(r.schema)) {
        const id = `${spec.operationId[0]!.toUpperCase()}${spec.operationId.slice(1)}Response${status === '200' ? '' : status}`;
        registry.add(r.schema, { id });
        named.set(r.schema, id);
      }
    }
  }
  const converted = z.toJSONSchema(registry, { uri: REF, unrepresentable: 'any' }) as { schemas: Record<string, Json> };
  const schemas: Record<string, Json> = {};
  for (const [id, s] of Object.entries(converted.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = s;
    schemas[id] = rest;
  }

  const paths: Record<string, Record<string, Json>> = {};
  for (const spec of specs) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    const op: Json = {
      operationId: spec.operationId,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: [spec.tag],
    };
    const params = [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')];
    if (params.length > 0) op.parameters = params;
    if (spec.body) {
      op.requestBody = {
        required: true,
        content: Object.fromEntries(
          // A Media Type Object has no description field: it goes on the schema.
          Object.entries(spec.body).map(([type, b]) => [type, { schema: { ...inputSchema(b.schema), ...(b.description ? { description: b.description } : {}) } }]),
        ),
      };
    }
    op.responses = Object.fromEntries(
      Object.entries(spec.responses).map(([status, r]) => [
        status,
        {
          description: r.description,
          ...(r.headers ? { headers: Object.fromEntries(Object.entries(r.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' } }])) } : {}),
          ...(r.schema ? { content: { [r.mediaType ?? 'application/json']: { schema: { $ref: REF(named.get(r.schema)!) } } } } : {}),
        },
      ]),
    );
    (paths[path] ??= {})[spec.method] = op;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      description: 'Marquee: a cited knowledge base of entertainment news. Every claim carries character-span evidence into the cleaned article text. Errors are JSON {error:{code,message}}.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: { schemas },
  };
}

