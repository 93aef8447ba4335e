/**
 * @module Bytes → text: byte-order marks (UTF-8, UTF-16 LE/BE), declared charsets of HTML/XML
 * (`<meta charset>`, `<?xml encoding?>`), strict UTF-8 otherwise; binary inputs are refused.
 */
import { E_BINARY, E_EMPTY, E_ENCODING, readError } from './errors.js';

/** How many leading bytes are examined for NUL bytes: enough to catch any binary format early. */
export const BINARY_SNIFF_BYTES = 8192;
/** How many leading bytes are searched for a charset declaration (HTML5 says 1024; pages pad). */
export const CHARSET_SNIFF_BYTES = 4096;

/** Known binary signatures (magic numbers) with a readable name for the error message. */
const MAGIC: ReadonlyArray<[string, number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['an ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['a ZIP archive (or Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip stream without a .gz extension', [0x1f, 0x8b]],
  ['a bzip2 archive', [0x42, 0x5a, 0x68]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['an xz archive', [0xfd, 0x37, 0x7a, 0x58, 0x5a]],
  ['a RIFF media file (WebP/WAV/AVI)', [0x52, 0x49, 0x46, 0x46]],
  ['a Mach-O executable', [0xcf, 0xfa, 0xed, 0xfe]],
  ['a Windows executable', [0x4d, 0x5a, 0x90, 0x00]],
  ['a SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
  ['a WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
];

const startsWith = (buf: Uint8Array, sig: readonly number[]): boolean =>
  buf.length >= sig.length && sig.every((b, i) => buf[i] === b);

/** Name of the binary format when `buf` looks binary, else null. UTF-16 with a BOM is text. */
export function binaryKind(buf: Uint8Array): string | null {
  if (hasUtf16Bom(buf)) return null;
  for (const [name, sig] of MAGIC) if (startsWith(buf, sig)) return name;
  const n = Math.min(buf.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return 'binary data (NUL bytes)';
  return null;
}

const hasUtf16Bom = (buf: Uint8Array): boolean =>
  buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff));

/** Charsets we decode as Windows-1252 (a superset of Latin-1, as browsers do). */
const LATIN1_ALIASES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'windows-1252', 'cp1252', 'us-ascii', 'ascii', 'iso-8859-15', 'latin-9']);

/** The charset an HTML/XML head declares, lowercased, or null. */
export function declaredCharset(buf: Uint8Array): string | null {
  const head = Buffer.from(buf.subarray(0, CHARSET_SNIFF_BYTES)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

/**
 * Decode a file's bytes to text. BOMs win; then (for markup) a declared charset; else strict
 * UTF-8. Throws MarqueeError for binary, empty or undecodable input; `what` names the input.
 */
export function decodeText(buf: Uint8Array, what: string, opts: { markup?: boolean; charset?: string | null } = {}): string {
  if (buf.length === 0) throw readError(E_EMPTY, `${what}: the file is empty.`);
  const kind = binaryKind(buf);
  if (kind) throw readError(E_BINARY, `${what}: this looks like ${kind}, not text; skip it or convert it to text/HTML first.`);
  let text: string;
  if (buf[0] === 0xff && buf[1] === 0xfe) text = new TextDecoder('utf-16le').decode(buf.subarray(2));
  else if (buf[0] === 0xfe && buf[1] === 0xff) text = new TextDecoder('utf-16be').decode(buf.subarray(2));
  else {
    const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
    const body = bom ? buf.subarray(3) : buf;
    const cs = bom ? null : (opts.charset?.toLowerCase() ?? (opts.markup ? declaredCharset(body) : null));
    if (cs && LATIN1_ALIASES.has(cs)) text = new TextDecoder('windows-1252').decode(body);
    else if (cs && cs !== 'utf-8' && cs !== 'utf8' && isSupportedEncoding(cs)) {
      text = new TextDecoder(cs).decode(body);
    } else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      } catch {
        const at = firstInvalidUtf8(body);
        throw readError(E_ENCODING, `${what}: invalid UTF-8 (first bad byte at offset ${at}); re-save the file as UTF-8 or declare its charset.`);
      }
    }
  }
  if (text.trim() === '') throw readError(E_EMPTY, `${what}: the file has no text (only whitespace).`);
  return text;
}

function isSupportedEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the first byte that breaks UTF-8 (for the error message). */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const dec = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = buf.length;
  // Binary search on the longest valid prefix; a cut inside a sequence counts as invalid, which only
  // moves the reported offset back to that sequence's start.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      dec.decode(buf.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
