/**
 * @module Document routes: the cleaned text of one article with its mention and claim spans, and
 * ingestion of one article over HTTP (only when the server runs with --allow-ingest).
 *
 * Ingest is data-only by construction: the JSON body or the uploaded file's bytes become a
 * RawArticle in memory, its `path` is a label (`http:json`, `upload:<name>`), and nothing from the
 * request is ever used to open, read or write a file.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import type { EngineApi } from '../../engine/types.js';
import type { RawArticle } from '../../read/types.js';
import { parseOr400, type ApiRouter } from '../api-router.js';
import { ApiError } from '../errors.js';
import { ArticleBody, DocumentViewSchema, ErrorSchema, IdParam, IngestOneResultSchema, MAX_ARTICLE_CHARS } from '../schemas.js';
import { BAD_REQUEST, NOT_FOUND } from './common.js';

/** Extensions accepted for uploaded files; anything else is refused with 415. */
const UPLOAD_KINDS: Record<string, 'text' | 'html' | 'json'> = {
  txt: 'text',
  md: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  json: 'json',
  '': 'text',
};

const UploadForm = z.object({
  file: z.instanceof(File).describe('The article: .txt, .md, .html, .htm or .json (one article object)'),
  title: z.string().max(1000).optional(),
  url: z.string().max(2048).optional(),
  date: z.string().max(64).optional(),
  source: z.string().max(200).optional(),
});

/** Keep only a harmless display name of an uploaded file: no directories, no control characters. */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 120) || 'upload';
}

async function articleFromJson(c: Context): Promise<RawArticle> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError(400, 'bad_request', 'The request body is not valid JSON.');
  }
  const a = parseOr400(ArticleBody, body, 'article');
  return { ...a, path: 'http:json' };
}

async function articleFromUpload(c: Context): Promise<RawArticle> {
  let form: Record<string, unknown>;
  try {
    form = (await c.req.parseBody()) as Record<string, unknown>;
  } catch {
    throw new ApiError(400, 'bad_request', 'The multipart body could not be parsed.');
  }
  const f = parseOr400(UploadForm, form, 'upload');
  const name = safeName(f.file.name);
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const kind = UPLOAD_KINDS[ext];
  if (!kind) throw new ApiError(415, 'unsupported_media_type', `Files of type ".${ext}" are not accepted; upload .txt, .md, .html, .htm or .json.`);
  const bytes = new Uint8Array(await f.file.arrayBuffer());
  if (bytes.includes(0)) throw new ApiError(422, 'unprocessable', `"${name}" looks binary, not an article.`);
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ApiError(422, 'unprocessable', `"${name}" is not valid UTF-8 text.`);
  }
  if (content.length > MAX_ARTICLE_CHARS) throw new ApiError(413, 'payload_too_large', 'The article is too long.');
  const meta = { title: f.title, url: f.url, date: f.date, source: f.source };
  let article: z.output<typeof ArticleBody>;
  if (kind === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch {
      throw new ApiError(400, 'bad_request', `"${name}" is not valid JSON.`);
    }
    article = parseOr400(ArticleBody, parsed, 'article');
  } else {
    article = parseOr400(ArticleBody, { ...stripUndefined(meta), [kind]: content }, 'upload');
  }
  return { ...article, path: `upload:${name}` };
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

/**
 * A cross-site page must not be able to make a user's browser ingest into their local knowledge
 * base (a multipart POST is a "simple" request with no CORS preflight). Browsers send Origin and
 * Sec-Fetch-Site; non-browser clients (curl, scripts) send neither and are allowed.
 */
export function assertSameOrigin(c: Context): void {
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw new ApiError(403, 'forbidden', 'Cross-site requests may not ingest.');
  const origin = c.req.header('origin');
  if (origin && origin !== new URL(c.req.url).origin) throw new ApiError(403, 'forbidden', 'Cross-origin requests may not ingest.');
}

export function registerDocumentRoutes(api: ApiRouter, engine: EngineApi, opts: { allowIngest: boolean }): void {
  api.route(
    {
      method: 'get',
      path: '/api/documents/:id',
      operationId: 'document',
      tag: 'documents',
      summary: 'Cleaned text of one article with the spans of its mentions and claims',
      params: IdParam,
      responses: { 200: { description: 'The document view', schema: DocumentViewSchema }, 400: BAD_REQUEST, 404: NOT_FOUND },
    },
    (c, { params }) => {
      const view = engine.document(params.id);
      if (!view) throw new ApiError(404, 'not_found', `No document with id "${params.id.slice(0, 80)}".`);
      return c.json(view);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/api/documents',
      operationId: 'ingestDocument',
      tag: 'documents',
      summary: 'Ingest one article (JSON or a file upload); only with --allow-ingest',
      description: 'The response lists the claims extracted from the article. 201 when added, 200 when the same article was already there (unchanged or a near-duplicate).',
      body: {
        'application/json': { schema: ArticleBody },
        'multipart/form-data': { schema: UploadForm, description: 'Field "file" with the article; optional title, url, date, source' },
      },
      responses: {
        201: { description: 'Added', schema: IngestOneResultSchema },
        200: { description: 'Already present (unchanged or duplicate)', schema: IngestOneResultSchema },
        400: BAD_REQUEST,
        403: { description: 'Ingest is disabled (start the server with --allow-ingest), or a cross-site request', schema: ErrorSchema },
        413: { description: 'Body larger than the limit', schema: ErrorSchema },
        415: { description: 'Not JSON or multipart, or an unsupported file type', schema: ErrorSchema },
        422: { description: 'The article could not be used (binary, not UTF-8, no text)', schema: ErrorSchema },
      },
    },
    async (c) => {
      if (!opts.allowIngest) throw new ApiError(403, 'forbidden', 'Ingest over HTTP is disabled; start the server with --allow-ingest.');
      assertSameOrigin(c);
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      let article: RawArticle;
      if (type.startsWith('application/json')) article = await articleFromJson(c);
      else if (type.startsWith('multipart/form-data')) article = await articleFromUpload(c);
      else throw new ApiError(415, 'unsupported_media_type', 'Send the article as application/json or as a multipart/form-data file upload.');
      const result = engine.ingestArticle(article);
      if (result.status === 'failed') throw new ApiError(422, 'unprocessable', result.error ?? 'The article could not be ingested.');
      return c.json(result, result.status === 'added' ? 201 : 200);
    },
  );
}
