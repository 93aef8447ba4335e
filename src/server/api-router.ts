/**
 * @module A thin layer over Hono's router that registers each API route together with its zod
 * schemas: the same spec validates the request (400 on failure) and becomes the route's entry in
 * the OpenAPI document (openapi.ts). One spec, no drift between docs and behaviour.
 */
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors.js';

/** A documented response of a route. */
export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Media type of the body; JSON unless stated. */
  mediaType?: string;
  /** Response headers worth documenting (name → description). */
  headers?: Record<string, string>;
}

/** Everything known about one route. */
export interface RouteSpec<Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType> {
  method: 'get' | 'post';
  /** Hono path, e.g. `/api/entities/:id`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  query?: Q;
  params?: P;
  /** Request body schemas by media type (documentation; the handler parses the body itself). */
  body?: Record<string, { schema: z.ZodType; description?: string }>;
  responses: Record<number, ResponseSpec>;
}

/** The validated inputs handed to a route handler. */
export interface RouteInput<Q extends z.ZodType, P extends z.ZodType> {
  query: z.output<Q>;
  params: z.output<P>;
}

type Handler<Q extends z.ZodType, P extends z.ZodType> = (c: Context, input: RouteInput<Q, P>) => Response | Promise<Response>;

/** Turn zod issues into one readable sentence: `q: Too small: expected string to have >=1 characters`. */
export function describeIssues(error: z.ZodError, where: string): string {
  return error.issues
    .slice(0, 5)
    .map((i) => {
      const path = i.path.length > 0 ? i.path.join('.') : where;
      return `${path}: ${i.message}`;
    })
    .join('; ');
}

/** Validate `value` with `schema`, or throw a 400 ApiError naming the bad parameters. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ApiError(400, 'bad_request', `Invalid ${where}: ${describeIssues(r.error, where)}`);
  return r.data;
}

/** Registers routes on a Hono app and keeps their specs for the OpenAPI document. */
export class ApiRouter {
  readonly specs: RouteSpec[] = [];

  constructor(private readonly app: Hono) {}

  /** Register a route: its query and path parameters are validated before `handler` runs. */
  route<Q extends z.ZodType, P extends z.ZodType>(spec: RouteSpec<Q, P>, handler: Handler<Q, P>): this {
    this.specs.push(spec as unknown as RouteSpec);
    const run = async (c: Context): Promise<Response> => {
      const query = spec.query ? parseOr400(spec.query, c.req.query(), 'query parameters') : ({} as z.output<Q>);
      const params = spec.params ? parseOr400(spec.params, c.req.param(), 'path parameters') : ({} as z.output<P>);
      return handler(c, { query, params });
    };
    if (spec.method === 'get') this.app.get(spec.path, run);
    else this.app.post(spec.path, run);
    return this;
  }
}
