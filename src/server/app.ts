/**
 * @module The HTTP application: a JSON API under /api/* and the web UI's static files, over one
 * Engine. A thin adapter (design §2.8): each route validates its parameters with zod, calls one
 * Engine method and returns its result type unchanged, so the bodies equal the CLI's --json.
 *
 * Test it in-process with `app.request('/api/health')`; serve it with startServer (serve.ts).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { EngineApi } from '../engine/types.js';
import { ApiRouter } from './api-router.js';
import { errorResponse, handleError } from './errors.js';
import { buildOpenApi } from './openapi.js';
import { registerAskRoutes } from './routes/ask.js';
import { registerCapabilityRoutes } from './routes/capabilities.js';
import { registerDocumentRoutes } from './routes/documents.js';
import { registerEntityRoutes } from './routes/entities.js';
import { registerFactRoutes } from './routes/facts.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerSearchRoutes } from './routes/search.js';
import { registerCurateRoutes } from './routes/curate.js';
import { hostCheck, securityHeaders, urlLimit } from './security.js';
import { createStaticFiles, serveStaticFile } from './static-files.js';

/** Largest request body accepted (an uploaded or posted article), in bytes. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Options of createApp. Everything that writes is off by default. */
export interface AppOptions {
  /** Accept POST /api/documents (`marquee serve --allow-ingest`). Default false: read-only. */
  allowIngest?: boolean;
  /**
   * Accept corrections over HTTP (`--allow-edit`, issue 9): POST /api/corrections. Default false.
   */
  allowEdit?: boolean;
  /**
   * Accepted Host headers (`host:port`), against DNS rebinding. startServer sets them when it
   * listens on a loopback address; unset means any Host (in-process tests, reverse proxies).
   * Read at request time, so the caller may fill the array in after creating the app.
   */
  allowedHosts?: readonly string[];
  /** Directory of the web UI's files (default: the package's web/). */
  webRoot?: string;
  /** Where unexpected errors are logged (default console.error). Never sent to clients. */
  logError?: (e: unknown) => void;
}

/**
 * Build the Hono app over an engine.
 *
 * @param engine - the Engine facade (the app never closes it)
 * @param opts - see AppOptions; read-only by default
 * @returns the app; `app.fetch` serves requests, `app.request()` runs them in-process
 * @example
 * const app = createApp(createEngine({ db: 'kb.db' }));
 * const res = await app.request('/api/ask?q=' + encodeURIComponent('Who plays Cassie in Purple Hearts?'));
 */
export function createApp(engine: EngineApi, opts: AppOptions = {}): Hono {
  const app = new Hono();
  const api = new ApiRouter(app);

  app.use('*', securityHeaders());
  if (opts.allowedHosts) app.use('*', hostCheck(opts.allowedHosts));
  app.use('*', urlLimit());
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => errorResponse(c, 413, 'payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`),
    }),
  );

  registerAskRoutes(api, engine);
  registerSearchRoutes(api, engine);
  registerEntityRoutes(api, engine);
  registerDocumentRoutes(api, engine, { allowIngest: opts.allowIngest === true });
  registerFactRoutes(api, engine);
  registerHealthRoutes(api, engine);
  registerCurateRoutes(api, engine, { allowEdit: opts.allowEdit === true });
  registerCapabilityRoutes(api, { ingest: opts.allowIngest === true, edit: opts.allowEdit === true });

  let openapi: Record<string, unknown> | undefined;
  app.get('/api/openapi.json', (c) => {
    openapi ??= buildOpenApi(api.specs, { title: 'Marquee API', version: engine.health().version });
    return c.json(openapi);
  });

  // Known API paths with the wrong method get 405 (and the methods they do accept).
  const methodsByPath = new Map<RegExp, string[]>();
  for (const s of api.specs) {
    const re = new RegExp('^' + s.path.replace(/:\w+/g, '[^/]+') + '$');
    const key = [...methodsByPath.keys()].find((k) => k.source === re.source) ?? re;
    methodsByPath.set(key, [...(methodsByPath.get(key) ?? []), s.method.toUpperCase()]);
  }
  app.all('/api/*', (c) => {
    for (const [re, methods] of methodsByPath) {
      if (re.test(c.req.path)) {
        c.header('Allow', methods.join(', '));
        return errorResponse(c, 405, 'method_not_allowed', `Use ${methods.join(' or ')} for this path.`);
      }
    }
    return errorResponse(c, 404, 'not_found', 'No such API route; see /api/openapi.json.');
  });

  const files = createStaticFiles(opts.webRoot);
  app.on(['GET', 'HEAD'], '*', (c) => serveStaticFile(c, files) ?? errorResponse(c, 404, 'not_found', 'Not found.'));

  app.notFound((c) => errorResponse(c, 404, 'not_found', 'Not found.'));
  app.onError((err, c) => handleError(err, c, opts.logError));
  return app;
}

/** The app's type, for typed clients (`hc<AppType>`). */
export type AppType = ReturnType<typeof createApp>;
