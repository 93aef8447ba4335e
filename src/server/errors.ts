/**
 * @module HTTP error boundary: every error leaves the server as JSON `{ error: { code, message } }`
 * with the right status, and never with a stack trace or a file-system path.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isMarqueeError } from '../errors.js';

/** Machine-readable codes of HTTP errors (MarqueeError codes pass through as `E###`). */
export type ApiErrorCode =
  | 'bad_request'
  | 'not_found'
  | 'forbidden'
  | 'payload_too_large'
  | 'uri_too_long'
  | 'unsupported_media_type'
  | 'method_not_allowed'
  | 'unprocessable'
  | 'internal';

/** The body of every error response. */
export interface ApiErrorBody {
  error: { code: string; message: string };
}

/** An error a route throws on purpose; the boundary turns it into its JSON response. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode | string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Replace anything that looks like an absolute file-system path with `<path>`, so a message from
 * a lower layer (a reader, the store) cannot disclose where the database or inputs live.
 */
export function scrubPaths(message: string): string {
  return message
    .replace(/(?:\b[A-Za-z]:\\|\\\\)[^\s'"`:,;)]+/g, '<path>')
    .replace(FS_PATH, '$1<path>');
}

/**
 * Absolute POSIX paths under the usual file-system roots, or anything through node_modules.
 * URL paths of our own API (`/api/openapi.json`) are not file-system paths and stay.
 */
const FS_PATH =
  /(^|[\s'"`(=:])(?:\/(?:home|tmp|work|usr|var|etc|root|Users|opt|mnt|srv|private|data|proc|run|media|Volumes|nix|snap|app|workspace|build|dev|sys|lib|bin)(?:\/[^\s'"`:,;)]*)?|[^\s'"`:,;)]*node_modules\/[^\s'"`:,;)]*)/g;

/** MarqueeError code ranges → HTTP status: input problems are the client's, the rest are ours. */
function statusOfMarqueeCode(code: string): ContentfulStatusCode {
  if (/^E1\d\d$/.test(code)) return 422; // document / input: the article could not be used
  if (/^E4\d\d$/.test(code)) return 400; // query
  return 500;
}

/** Build the JSON error response. */
export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string): Response {
  const body: ApiErrorBody = { error: { code, message: scrubPaths(message).slice(0, 500) } };
  return c.json(body, status);
}

/**
 * The single `onError` of the app. Known errors keep their message (scrubbed of paths); anything
 * unexpected becomes a generic 500 and is logged on the server side only.
 */
export function handleError(err: unknown, c: Context, log: (e: unknown) => void = defaultLog): Response {
  if (err instanceof ApiError) return errorResponse(c, err.status, err.code, err.message);
  if (isMarqueeError(err)) {
    const status = statusOfMarqueeCode(err.code);
    if (status === 500) {
      log(err);
      return errorResponse(c, 500, 'internal', 'Internal error: the request could not be completed.');
    }
    // MarqueeError's message starts with its code; the code already has its own field.
    return errorResponse(c, status, err.code, err.message.replace(/^E\d{3}\s+/, ''));
  }
  // Hono's HTTPException (thrown by its own helpers, e.g. malformed JSON in parseBody).
  if (err && typeof err === 'object' && 'getResponse' in err && 'status' in err) {
    const status = Number((err as { status: number }).status);
    if (status >= 400 && status < 500) return errorResponse(c, status as ContentfulStatusCode, 'bad_request', 'Malformed request.');
  }
  log(err);
  return errorResponse(c, 500, 'internal', 'Internal error: the request could not be completed.');
}

function defaultLog(e: unknown): void {
  // Server-side only; the client gets the generic message.
  console.error('[marquee serve] unexpected error:', e);
}
