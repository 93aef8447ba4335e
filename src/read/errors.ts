/**
 * @module Error codes of the readers (E1xx: document/input). One place so messages stay uniform.
 */
import { MarqueeError } from '../errors.js';

/** The input file is empty (or only whitespace). */
export const E_EMPTY = 'E110';
/** The input is binary (NUL bytes or a known file signature). */
export const E_BINARY = 'E111';
/** The input's bytes are not valid in its encoding. */
export const E_ENCODING = 'E112';
/** JSON that does not parse or has the wrong shape. */
export const E_JSON = 'E113';
/** The file cannot be read (missing, permissions, too large). */
export const E_UNREADABLE = 'E114';
/** The extension is not one we read. */
export const E_UNSUPPORTED = 'E115';
/** A compressed file is truncated or corrupt. */
export const E_COMPRESSED = 'E116';
/** A feed (RSS/Atom) that does not parse. */
export const E_FEED = 'E117';

/** Shorthand to build a reader error. */
export const readError = (code: string, message: string): MarqueeError => new MarqueeError(code, message);
