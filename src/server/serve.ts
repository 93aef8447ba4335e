/**
 * @module `marquee serve`: the app on a real HTTP server (@hono/node-server). Binds to 127.0.0.1
 * unless told otherwise; on a loopback address it also refuses foreign Host headers.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { EngineApi } from '../engine/types.js';
import { createApp } from './app.js';

/** Default port of `marquee serve`. */
export const DEFAULT_PORT = 4280;
/** Default address: loopback only, so the knowledge base is not exposed to the network. */
export const DEFAULT_HOST = '127.0.0.1';

/** Time a client has to send its request headers. */
export const HEADERS_TIMEOUT_MS = 15_000;
/** Time a client has to send a whole request (a 2 MB upload on a slow link fits easily). */
export const REQUEST_TIMEOUT_MS = 60_000;

/** Options of startServer. */
export interface ServeOptions {
  engine: EngineApi;
  /** TCP port; 0 picks a free one (tests). Default 4280. */
  port?: number;
  /** Address to bind. Default 127.0.0.1. */
  host?: string;
  /** Accept POST /api/documents. Default false. */
  allowIngest?: boolean;
  /** Reserved for correction routes (issue 9). */
  allowEdit?: boolean;
  /** Where unexpected errors are logged (default console.error). */
  logError?: (e: unknown) => void;
}

/** A running server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:4280`. */
  url: string;
  port: number;
  /** Stop accepting connections and close open ones. The engine is left open. */
  close(): Promise<void>;
}

const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * Start the HTTP server.
 *
 * @returns once listening; rejects if the port cannot be bound (e.g. EADDRINUSE)
 * @example
 * const { url, close } = await startServer({ engine, port: 0 });
 */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const host = opts.host ?? DEFAULT_HOST;
  const requestedPort = opts.port ?? DEFAULT_PORT;
  // The Host check needs the real port, which is only known after listen (port 0): the list is
  // filled in once the server is up, before any request can arrive.
  const allowedHosts: string[] = [];
  const app = createApp(opts.engine, {
    allowIngest: opts.allowIngest,
    allowEdit: opts.allowEdit,
    allowedHosts: isLoopback(host) ? allowedHosts : undefined,
    logError: opts.logError,
  });
  return new Promise<RunningServer>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: requestedPort, hostname: host }, (info: AddressInfo) => {
      const port = info.port;
      allowedHosts.push(`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`);
      if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') allowedHosts.push(`${host}:${port}`);
      if (port === 80) allowedHosts.push('127.0.0.1', 'localhost', '[::1]');
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${port}`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            if ('closeAllConnections' in server) (server as { closeAllConnections(): void }).closeAllConnections();
          }),
      });
    });
    // Slow clients cannot hold connections open for long (Node's defaults are minutes).
    if ('requestTimeout' in server) {
      const http = server as import('node:http').Server;
      http.headersTimeout = HEADERS_TIMEOUT_MS;
      http.requestTimeout = REQUEST_TIMEOUT_MS;
    }
    server.once('error', reject);
  });
}
