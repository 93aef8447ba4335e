/**
 * @module Response specs shared by the API routes (error bodies), so each route documents the
 * errors it can give without repeating itself.
 */
import type { ResponseSpec } from '../api-router.js';
import { ErrorSchema } from '../schemas.js';

export const BAD_REQUEST: ResponseSpec = { description: 'Invalid parameters', schema: ErrorSchema };
export const NOT_FOUND: ResponseSpec = { description: 'No entity or document with this id', schema: ErrorSchema };
