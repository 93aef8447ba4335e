/**
 * @module MarqueeError with stable codes. E1xx document/input, E2xx pipeline, E3xx store,
 * E4xx query, E5xx server. Messages say what happened and what to do.
 */
export class MarqueeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(`${code} ${message}`);
    this.name = 'MarqueeError';
  }
}

export const isMarqueeError = (e: unknown): e is MarqueeError => e instanceof MarqueeError;
