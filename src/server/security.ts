/**
 * @module Security middleware: response headers (CSP without inline scripts or styles, nosniff,
 * no referrer, no framing), a cap on URL length, and a Host check against DNS rebinding when the
 * server listens on a loopback address.
 */
import type { MiddlewareHandler } from 'hono';
import { errorResponse } from './errors.js';

/**
 * The Content-Security-Policy of every response. No inline scripts or styles anywhere: the UI's
 * code is in /app.js and its modules, its styles in /style.css, and data is rendered as text.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Longest request URL (path + query) accepted; longer ones get 414. */
export const MAX_URL_CHARS = 4096;

/** Sets the security headers on every response, errors included. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('X-Frame-Options', 'DENY');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (c.req.path.startsWith('/api/')) h.set('Cache-Control', 'no-store');
  };
}

/** Refuses over-long URLs before any routing or parsing (414 URI Too Long). */
export function urlLimit(maxChars = MAX_URL_CHARS): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url;
    const pathAndQuery = url.length - new URL(url).origin.length;
    if (pathAndQuery > maxChars) return errorResponse(c, 414, 'uri_too_long', `The request URL is longer than ${maxChars} characters.`);
    await next();
  };
}

/**
 * Only answers requests whose Host header is one of `hosts` (compared case-insensitively).
 * A page on another site that rebinds its DNS name to 127.0.0.1 sends its own name as Host, so
 * it gets 403 instead of the knowledge base.
 */
export function hostCheck(hosts: readonly string[]): MiddlewareHandler {
  // Read at request time: startServer fills the list in once the port is known.
  return async (c, next) => {
    const host = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
    if (!hosts.some((h) => h.toLowerCase() === host)) return errorResponse(c, 403, 'forbidden', 'Unexpected Host header.');
    await next();
  };
}
