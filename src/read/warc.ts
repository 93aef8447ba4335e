/**
 * @module WARC (web archive) files, `.warc` or `.warc.gz` (per-record gzip members): each HTML
 * `response` (or `resource`) record is an article with its target URI. A small streaming parser of
 * our own: records are read one at a time, so a crawl of any size is read in bounded memory.
 */
import { gunzipSync, brotliDecompressSync, inflateSync } from 'node:zlib';
import { decodeText } from './decode.js';
import { E_COMPRESSED, E_UNREADABLE } from './errors.js';
import type { ReadItem } from './types.js';

/** Records larger than this are skipped (reported): no news page is anywhere near it. */
export const MAX_WARC_RECORD_BYTES = 64 * 1024 * 1024;
/** A WARC header block longer than this means the file is not WARC (or is corrupt). */
const MAX_WARC_HEADER_BYTES = 64 * 1024;

const CRLF2 = Buffer.from('\r\n\r\n');

/** Parse "Name: value" header lines (names lowercased). */
function parseHeaders(lines: string[]): Map<string, string> {
  const h = new Map<string, string>();
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) h.set(l.slice(0, i).trim().toLowerCase(), l.slice(i + 1).trim());
  }
  return h;
}

/** Undo HTTP chunked transfer encoding (tolerant: stops at the first malformed chunk). */
function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let off = 0;
  while (off < body.length) {
    const eol = body.indexOf('\r\n', off);
    if (eol < 0) break;
    const size = parseInt(body.subarray(off, eol).toString('latin1').split(';')[0].trim(), 16);
    if (!Number.isFinite(size) || size < 0) return parts.length ? Buffer.concat(parts) : body;
    if (size === 0) break;
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    off = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

const isHtmlType = (ct: string | undefined): boolean => !!ct && /text\/html|application\/xhtml\+xml/i.test(ct);
const charsetOf = (ct: string | undefined): string | null => (ct ? (/charset\s*=\s*["']?([\w.:-]+)/i.exec(ct)?.[1] ?? null) : null);

/** The HTML payload of one record, or null when the record is not an HTML page. */
function htmlPayload(type: string, headers: Map<string, string>, block: Buffer, where: string): { html: string } | null {
  let body: Buffer;
  let ct: string | undefined;
  if (type === 'response' && /application\/http/i.test(headers.get('content-type') ?? '')) {
    const end = block.indexOf(CRLF2);
    if (end < 0) return null;
    const [status, ...lines] = block.subarray(0, end).toString('latin1').split('\r\n');
    const code = Number(/^HTTP\/\S+\s+(\d{3})/.exec(status)?.[1] ?? 0);
    if (code < 200 || code >= 300) return null;
    const http = parseHeaders(lines);
    ct = http.get('content-type');
    if (!isHtmlType(ct)) return null;
    body = block.subarray(end + 4);
    if (/chunked/i.test(http.get('transfer-encoding') ?? '')) body = dechunk(body);
    const enc = (http.get('content-encoding') ?? '').toLowerCase();
    if (enc === 'gzip' || enc === 'x-gzip') body = gunzipSync(body);
    else if (enc === 'deflate') body = inflateSync(body);
    else if (enc === 'br') body = brotliDecompressSync(body);
  } else if (type === 'resource' && isHtmlType(headers.get('content-type'))) {
    ct = headers.get('content-type');
    body = block;
  } else return null;
  return { html: decodeText(body, where, { markup: true, charset: charsetOf(ct) }) };
}

/**
 * Read WARC records from a byte stream. `path` names the file; articles get `#N` (record number).
 * Never throws: a truncated or malformed file ends with an error item.
 */
export async function* readWarc(source: AsyncIterable<Buffer>, path: string): AsyncGenerator<ReadItem> {
  const it = source[Symbol.asyncIterator]();
  let buf: Buffer = Buffer.alloc(0);
  let done = false;
  const pull = async (): Promise<boolean> => {
    if (done) return false;
    const r = await it.next();
    if (r.done) {
      done = true;
      return false;
    }
    buf = buf.length ? Buffer.concat([buf, r.value]) : r.value;
    return true;
  };
  let n = 0;
  for (;;) {
    // Skip the blank lines between records.
    let s = 0;
    while (s < buf.length && (buf[s] === 0x0d || buf[s] === 0x0a)) s++;
    buf = buf.subarray(s);
    let end = buf.indexOf(CRLF2);
    while (end < 0) {
      if (buf.length > MAX_WARC_HEADER_BYTES) {
        yield { error: { path, message: `${E_UNREADABLE} ${path}: not a WARC file (no record header found at record ${n + 1}).` } };
        return;
      }
      if (!(await pull())) {
        if (buf.toString('latin1').trim()) yield { error: { path, message: `${E_COMPRESSED} ${path}: the WARC file is truncated inside record ${n + 1}'s header.` } };
        else if (n === 0) yield { error: { path, message: `${E_UNREADABLE} ${path}: the WARC file has no records.` } };
        return;
      }
      end = buf.indexOf(CRLF2);
    }
    const [first, ...lines] = buf.subarray(0, end).toString('latin1').split('\r\n');
    if (!/^WARC\/\d/.test(first)) {
      yield { error: { path, message: `${E_UNREADABLE} ${path}: not a WARC record at record ${n + 1} (starts with ${JSON.stringify(first.slice(0, 20))}).` } };
      return;
    }
    n++;
    const headers = parseHeaders(lines);
    const len = Number(headers.get('content-length'));
    if (!Number.isInteger(len) || len < 0) {
      yield { error: { path, message: `${E_UNREADABLE} ${path}: WARC record ${n} has no valid Content-Length.` } };
      return;
    }
    buf = buf.subarray(end + 4);
    const tooBig = len > MAX_WARC_RECORD_BYTES;
    let skipped = 0;
    if (tooBig) {
      // Discard the block without holding it.
      while (skipped + buf.length < len) {
        skipped += buf.length;
        buf = Buffer.alloc(0);
        if (!(await pull())) {
          yield { error: { path, message: `${E_COMPRESSED} ${path}: the WARC file is truncated inside record ${n}.` } };
          return;
        }
      }
      buf = buf.subarray(len - skipped);
      yield { error: { path: `${path}#${n}`, message: `${E_UNREADABLE} ${path}#${n}: WARC record of ${len} bytes skipped (over ${MAX_WARC_RECORD_BYTES}).` } };
      continue;
    }
    while (buf.length < len) {
      if (!(await pull())) {
        yield { error: { path, message: `${E_COMPRESSED} ${path}: the WARC file is truncated inside record ${n}.` } };
        return;
      }
    }
    const block = Buffer.from(buf.subarray(0, len));
    buf = buf.subarray(len);
    const type = (headers.get('warc-type') ?? '').toLowerCase();
    const where = `${path}#${n}`;
    try {
      const page = htmlPayload(type, headers, block, where);
      if (page) {
        yield { article: { path: where, html: page.html, url: headers.get('warc-target-uri')?.replace(/^<|>$/g, '') ?? null } };
      }
    } catch (e) {
      yield { error: { path: where, message: (e as Error).message.startsWith('E1') ? (e as Error).message : `${E_UNREADABLE} ${where}: ${(e as Error).message}` } };
    }
  }
}
