/**
 * @module In-process tests of the HTTP API (`app.request()`, no ports) against a real engine over
 * a temporary SQLite knowledge base built from the five seed articles (../shared/corpus/seeds).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { createEngine } from '../engine/engine.js';
import type { EngineApi } from '../engine/types.js';
import { createApp } from './app.js';
import { scrubPaths } from './errors.js';
import {
  AskResultSchema,
  ClaimSchema,
  DocumentViewSchema,
  EntityPageSchema,
  EntityRefSchema,
  ErrorSchema,
  GraphSchema,
  HealthSchema,
  IngestOneResultSchema,
  SearchHitSchema,
  TimelineEventSchema,
} from './schemas.js';
import { CONTENT_SECURITY_POLICY } from './security.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SEEDS = resolve(ROOT, '../shared/corpus/seeds');
const XSS = resolve(ROOT, 'tests/fixtures/xss');

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let dir: string;
let engine: EngineApi;
let app: ReturnType<typeof createApp>;
let ingestApp: ReturnType<typeof createApp>;
const logged: unknown[] = [];

async function get(path: string, init?: RequestInit): Promise<{ res: Response; body: Json }> {
  const res = await app.request(path, init);
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('application/json') ? await res.json() : await res.text();
  return { res, body };
}

/** An error response: right status, JSON `{error:{code,message}}`, no stack or path. */
function assertError(r: { res: Response; body: Json }, status: number, code?: string | RegExp): void {
  assert.equal(r.res.status, status, JSON.stringify(r.body));
  assert.match(r.res.headers.get('content-type') ?? '', /application\/json/);
  ErrorSchema.parse(r.body);
  if (typeof code === 'string') assert.equal(r.body.error.code, code);
  else if (code) assert.match(r.body.error.code, code);
  assert.doesNotMatch(r.body.error.message, /\n\s+at |\/work\/|\/tmp\/|node_modules|\.ts:\d+/);
}

const q = (s: string): string => encodeURIComponent(s);

async function entityId(name: string): Promise<string> {
  const { body } = await get(`/api/entities?q=${q(name)}`);
  const named = (body as { id: string; name: string; subtype?: string | null }[]).filter((e) => e.name === name);
  // "Purple Hearts" names the film, its song, its soundtrack and the novel: prefer the film.
  const hit = named.find((e) => e.subtype === 'film') ?? named[0];
  assert.ok(hit, `entity "${name}" in typeahead: ${JSON.stringify(body)}`);
  return hit.id;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marquee-app-'));
  engine = createEngine({ db: join(dir, 'kb.db') });
  const summary = await engine.ingest([SEEDS]);
  assert.equal(summary.documents.added, 5, JSON.stringify(summary.errors));
  app = createApp(engine, { logError: (e) => logged.push(e) });
  ingestApp = createApp(engine, { allowIngest: true, logError: (e) => logged.push(e) });
});

after(() => {
  engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/health', () => {
  it('reports the counts of the knowledge base', async () => {
    const { res, body } = await get('/api/health');
    assert.equal(res.status, 200);
    HealthSchema.parse(body);
    assert.equal(body.ok, true);
    assert.equal(body.documents, 5);
    assert.ok(body.claims > 0 && body.entities > 0);
  });
});

describe('GET /api/capabilities', () => {
  it('says whether ingest is allowed', async () => {
    assert.deepEqual((await get('/api/capabilities')).body, { ingest: false, edit: false });
    assert.deepEqual(await (await ingestApp.request('/api/capabilities')).json(), { ingest: true, edit: false });
  });
});

describe('GET /api/ask', () => {
  it('answers who plays Cassie with Sofia Carson and evidence that is a span of the article', async () => {
    const { res, body } = await get(`/api/ask?q=${q('Who plays Cassie in Purple Hearts?')}`);
    assert.equal(res.status, 200);
    AskResultSchema.parse(body);
    assert.match(body.answer, /Sofia Carson/);
    const ev = body.answers[0].evidence;
    assert.ok(ev.length > 0);
    for (const e of ev) {
      const doc = await get(`/api/documents/${q(e.document.id)}`);
      assert.equal(doc.res.status, 200);
      assert.equal(doc.body.document.text.slice(e.start, e.end), e.quote, 'quote === text.slice(start, end)');
      assert.ok(e.sentence.includes(e.quote), 'the sentence contains the quote');
    }
  });

  it('equals the engine result (the CLI --json body)', async () => {
    const question = 'Who directed Purple Hearts?';
    const { body } = await get(`/api/ask?q=${q(question)}`);
    assert.deepEqual(body, JSON.parse(JSON.stringify(engine.ask(question, { explain: false }))));
  });

  it('includes the query plan with explain=1', async () => {
    const { body } = await get(`/api/ask?q=${q('Who directed Purple Hearts?')}&explain=1`);
    assert.ok(body.plan && typeof body.plan.intent === 'string');
  });

  it('says why when the articles do not answer', async () => {
    const { res, body } = await get(`/api/ask?q=${q('Who plays Zorblax in Quuxville Chronicles?')}`);
    assert.equal(res.status, 200);
    AskResultSchema.parse(body);
    assert.equal(body.answer, null);
    assert.ok(body.noAnswer);
  });

  it('rejects missing, empty, over-long and unknown parameters with 400', async () => {
    assertError(await get('/api/ask'), 400, 'bad_request');
    assertError(await get('/api/ask?q='), 400, 'bad_request');
    assertError(await get('/api/ask?q=%20%20'), 400, 'bad_request');
    assertError(await get(`/api/ask?q=${'a'.repeat(501)}`), 400, 'bad_request');
    assertError(await get('/api/ask?q=hi&explain=maybe'), 400, 'bad_request');
    const unknown = await get('/api/ask?q=hi&bogus=1');
    assertError(unknown, 400, 'bad_request');
    assert.match(unknown.body.error.message, /bogus/);
  });
});

describe('GET /api/search', () => {
  it('returns hits with evidence snippets', async () => {
    const { res, body } = await get(`/api/search?q=${q('Come Back Home')}&limit=3`);
    assert.equal(res.status, 200);
    z.array(SearchHitSchema).parse(body);
    assert.ok(body.length > 0 && body.length <= 3);
  });
  it('validates limit', async () => {
    assertError(await get('/api/search?q=x&limit=0'), 400);
    assertError(await get('/api/search?q=x&limit=101'), 400);
    assertError(await get('/api/search?q=x&limit=abc'), 400);
    assertError(await get('/api/search?q=x&limit=1e2'), 400);
    assertError(await get('/api/search'), 400);
  });
});

describe('GET /api/entities (typeahead)', () => {
  it('suggests entities by prefix', async () => {
    const { res, body } = await get('/api/entities?q=Sof');
    assert.equal(res.status, 200);
    z.array(EntityRefSchema).parse(body);
    assert.ok(body.some((e: { name: string }) => e.name === 'Sofia Carson'), JSON.stringify(body));
  });
  it('validates limit', async () => {
    assertError(await get('/api/entities?q=S&limit=51'), 400);
  });
});

describe('GET /api/entities/:id', () => {
  it('gives the entity page of Sofia Carson', async () => {
    const id = await entityId('Sofia Carson');
    const { res, body } = await get(`/api/entities/${q(id)}`);
    assert.equal(res.status, 200);
    EntityPageSchema.parse(body);
    assert.equal(body.entity.name, 'Sofia Carson');
    assert.equal(body.entity.type, 'person');
    assert.ok(body.facts.length > 0);
    assert.ok(body.documents.length >= 4);
    assert.deepEqual(body, JSON.parse(JSON.stringify(engine.entityPage(id))));
  });
  it('gives 404 for an unknown id, and for ids that look like paths', async () => {
    assertError(await get('/api/entities/ent_does_not_exist'), 404, 'not_found');
    assertError(await get(`/api/entities/${q('../../etc/passwd')}`), 404, 'not_found');
  });
  it('gives 400 for an over-long id', async () => {
    assertError(await get(`/api/entities/${'x'.repeat(300)}`), 400);
  });
});

describe('GET /api/entities/:id/timeline', () => {
  it('lists the film’s dated events in order', async () => {
    const id = await entityId('Purple Hearts');
    const { res, body } = await get(`/api/entities/${q(id)}/timeline`);
    assert.equal(res.status, 200);
    z.array(TimelineEventSchema).parse(body);
    assert.ok(body.length >= 2, JSON.stringify(body.map((e: { date: string }) => e.date)));
    const dates = body.map((e: { date: string }) => e.date);
    assert.deepEqual(dates, [...dates].sort());
  });
  it('gives 404 for an unknown id', async () => {
    assertError(await get('/api/entities/ent_nope/timeline'), 404, 'not_found');
  });
});

describe('GET /api/entities/:id/graph', () => {
  it('gives the neighbourhood at depth 1 and 2', async () => {
    const id = await entityId('Purple Hearts');
    const one = await get(`/api/entities/${q(id)}/graph`);
    assert.equal(one.res.status, 200);
    GraphSchema.parse(one.body);
    assert.equal(one.body.center, id);
    assert.ok(one.body.edges.length > 0);
    const ids = new Set(one.body.nodes.map((n: { id: string }) => n.id));
    for (const e of one.body.edges) assert.ok(ids.has(e.source) && ids.has(e.target), 'edges join listed nodes');
    const two = await get(`/api/entities/${q(id)}/graph?depth=2`);
    assert.equal(two.res.status, 200);
    assert.ok(two.body.nodes.length >= one.body.nodes.length);
  });
  it('validates depth and ids', async () => {
    const id = await entityId('Purple Hearts');
    assertError(await get(`/api/entities/${q(id)}/graph?depth=3`), 400);
    assertError(await get('/api/entities/ent_nope/graph'), 404);
  });
});

describe('GET /api/documents/:id', () => {
  it('gives the cleaned text with mention and claim spans that match it', async () => {
    const hits = (await get(`/api/search?q=${q('Purple Hearts')}&limit=1`)).body;
    const { res, body } = await get(`/api/documents/${q(hits[0].document.id)}`);
    assert.equal(res.status, 200);
    DocumentViewSchema.parse(body);
    const text: string = body.document.text;
    assert.ok(body.mentions.length > 0);
    for (const m of body.mentions) assert.equal(text.slice(m.start, m.end), m.text);
    for (const c of body.claims) for (const e of c.evidence) if (e.document.id === body.document.id) assert.equal(text.slice(e.start, e.end), e.quote);
  });
  it('gives 404 for an unknown id', async () => {
    assertError(await get('/api/documents/doc_nope'), 404, 'not_found');
  });
});

describe('GET /api/facts', () => {
  it('filters by predicate and pages with limit/offset and a Link header', async () => {
    const all = await get('/api/facts?predicate=cast_member&limit=500');
    assert.equal(all.res.status, 200);
    z.array(ClaimSchema).parse(all.body);
    assert.ok(all.body.length >= 2);
    assert.ok(all.body.every((c: { predicate: string }) => c.predicate === 'cast_member'));
    const p1 = await get('/api/facts?predicate=cast_member&limit=1');
    assert.equal(p1.body.length, 1);
    const link = p1.res.headers.get('link');
    assert.ok(link && /offset=1/.test(link) && /rel="next"/.test(link), String(link));
    const p2 = await get('/api/facts?predicate=cast_member&limit=1&offset=1');
    assert.equal(p2.body.length, 1);
    assert.notEqual(p2.body[0].id, p1.body[0].id);
    const last = await get(`/api/facts?predicate=cast_member&limit=500&offset=${all.body.length}`);
    assert.deepEqual(last.body, []);
    assert.equal(last.res.headers.get('link'), null);
  });
  it('filters by entity name', async () => {
    const { body } = await get(`/api/facts?entity=${q('Sofia Carson')}&limit=50`);
    assert.ok(body.length > 0);
    assert.ok(body.every((c: Json) => c.subject.name === 'Sofia Carson' || c.object.name === 'Sofia Carson'));
  });
  it('validates its parameters', async () => {
    assertError(await get('/api/facts?predicate=Cast-Member'), 400);
    assertError(await get('/api/facts?limit=501'), 400);
    assertError(await get('/api/facts?offset=-1'), 400);
  });
});

describe('POST /api/documents', () => {
  const article = {
    title: 'Marlowe Quince joins Nightjar',
    text: 'Netflix\'s "Nightjar" stars Marlowe Quince as Ada Vance. The film was directed by Odile Brennan and premiered on April 14, 2023.',
    url: 'https://example.com/nightjar',
    date: '2023-04-14',
    source: 'Example News',
  };
  const post = (a: ReturnType<typeof createApp>, body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    a.request('/api/documents', { method: 'POST', body, headers });

  it('is disabled by default (403)', async () => {
    const res = await post(app, JSON.stringify(article));
    assert.equal(res.status, 403);
    const body = await res.json();
    ErrorSchema.parse(body);
    assert.match(body.error.message, /--allow-ingest/);
  });

  it('ingests a JSON article and lists the claims it produced; the same article again is unchanged', async () => {
    const res = await post(ingestApp, JSON.stringify(article));
    assert.equal(res.status, 201);
    const body = await res.json();
    IngestOneResultSchema.parse(body);
    assert.equal(body.status, 'added');
    assert.ok(body.documentId);
    assert.ok(body.claims.length > 0, 'claims produced');
    const again = await post(ingestApp, JSON.stringify(article));
    assert.equal(again.status, 200);
    assert.notEqual((await again.json()).status, 'added');
    const doc = await get(`/api/documents/${q(body.documentId)}`);
    assert.equal(doc.res.status, 200);
  });

  it('accepts a multipart file upload', async () => {
    const form = new FormData();
    form.set('file', new File([readFileSync(join(XSS, 'xss-title.txt'))], 'xss-title.txt', { type: 'text/plain' }));
    form.set('source', 'Upload Test');
    const res = await ingestApp.request('/api/documents', { method: 'POST', body: form });
    assert.equal(res.status, 201, await res.clone().text());
    const body = await res.json();
    IngestOneResultSchema.parse(body);
    const doc = await get(`/api/documents/${q(body.documentId)}`);
    // Served as JSON data, verbatim: rendering it inert is the UI's job (browser-xss test).
    assert.match(doc.res.headers.get('content-type') ?? '', /^application\/json/);
    assert.ok(doc.body.document.text.includes("<script>window.__pwned='script'</script>"));
  });

  it('never touches the file system: an upload named like a path is only a label', async () => {
    const form = new FormData();
    form.set('file', new File(['Quill Harrow stars in the film "Lantern Bay", directed by Tamsin Vale.'], '../../../../etc/passwd.txt'));
    const res = await ingestApp.request('/api/documents', { method: 'POST', body: form });
    assert.equal(res.status, 201, await res.clone().text());
    const doc = await get(`/api/documents/${q((await res.json()).documentId)}`);
    assert.match(doc.body.document.text, /Lantern Bay/);
    assert.doesNotMatch(doc.body.document.text, /root:/);
  });

  it('refuses bad bodies with the right status', async () => {
    assertError({ res: await post(ingestApp, '{not json'), body: await (await post(ingestApp, '{not json')).json() }, 400);
    const check = async (body: BodyInit, status: number, headers?: Record<string, string>) => {
      const res = await post(ingestApp, body, headers);
      assertError({ res, body: await res.json() }, status);
    };
    await check(JSON.stringify({ title: 'no body' }), 400);
    await check(JSON.stringify({ ...article, url: 'javascript:alert(1)' }), 400);
    await check(JSON.stringify({ ...article, path: '/etc/passwd' }), 400);
    await check(JSON.stringify([article]), 400);
    await check('plain text', 415, { 'content-type': 'text/plain' });
    await check(JSON.stringify({ ...article, text: 'x'.repeat(3 * 1024 * 1024) }), 413);
    const form = new FormData();
    form.set('file', new File([new Uint8Array([0x4d, 0x5a, 0, 0, 1, 2])], 'tool.exe'));
    const exe = await ingestApp.request('/api/documents', { method: 'POST', body: form });
    assertError({ res: exe, body: await exe.json() }, 415);
    const bin = new FormData();
    bin.set('file', new File([new Uint8Array([0x41, 0, 0x42])], 'notes.txt'));
    const binRes = await ingestApp.request('/api/documents', { method: 'POST', body: bin });
    assertError({ res: binRes, body: await binRes.json() }, 422);
  });

  it('refuses cross-site browser requests (CSRF)', async () => {
    const res = await post(ingestApp, JSON.stringify(article), { 'content-type': 'application/json', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    assertError({ res, body: await res.json() }, 403, 'forbidden');
  });
});

describe('errors', () => {
  it('unknown API routes are 404 and wrong methods 405, as JSON', async () => {
    assertError(await get('/api/nope'), 404, 'not_found');
    const r = await get('/api/ask?q=hi', { method: 'DELETE' });
    assertError(r, 405, 'method_not_allowed');
    assert.match(r.res.headers.get('allow') ?? '', /GET/);
    assertError(await get('/api/documents'), 405);
  });

  it('over-long URLs get 414', async () => {
    assertError(await get(`/api/search?q=x&pad=${'y'.repeat(5000)}`), 414, 'uri_too_long');
  });

  it('unexpected failures are a generic 500: no message, stack or path leaks', async () => {
    const broken: EngineApi = Object.create(engine, {
      ask: {
        value: () => {
          throw new Error(`SQLITE_CORRUPT at ${join(dir, 'kb.db')}`);
        },
      },
    });
    const before = logged.length;
    const res = await createApp(broken, { logError: (e) => logged.push(e) }).request('/api/ask?q=hi');
    const body = await res.json();
    assertError({ res, body }, 500, 'internal');
    assert.doesNotMatch(body.error.message, /SQLITE|kb\.db/);
    assert.equal(logged.length, before + 1, 'logged on the server side');
  });

  it('scrubs file-system paths out of messages', () => {
    assert.equal(scrubPaths('cannot open /home/u/kb.db: locked'), 'cannot open <path>: locked');
    assert.equal(scrubPaths('file C:\\Users\\u\\kb.db missing'), 'file <path> missing');
    assert.equal(scrubPaths('use --allow-ingest'), 'use --allow-ingest');
    assert.equal(scrubPaths('a/b ratio 3/4'), 'a/b ratio 3/4');
    assert.equal(scrubPaths('see /api/openapi.json'), 'see /api/openapi.json');
    assert.equal(scrubPaths('at run (/work/main/src/x.ts:3:4)'), 'at run (<path>:3:4)');
  });

  it('rejects foreign Host headers when hosts are pinned (DNS rebinding)', async () => {
    const pinned = createApp(engine, { allowedHosts: ['127.0.0.1:4280'] });
    const bad = await pinned.request('http://evil.example/api/health');
    assertError({ res: bad, body: await bad.json() }, 403, 'forbidden');
    const good = await pinned.request('http://127.0.0.1:4280/api/health');
    assert.equal(good.status, 200);
  });
});

describe('security headers', () => {
  for (const path of ['/api/health', '/', '/app.js', '/api/nope', '/api/ask']) {
    it(`are set on ${path}`, async () => {
      const res = await app.request(path);
      assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
      assert.match(CONTENT_SECURITY_POLICY, /default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:/);
      assert.match(CONTENT_SECURITY_POLICY, /object-src 'none'; base-uri 'none'.*frame-ancestors 'none'/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
    });
  }
});

describe('static files', () => {
  it('serves the web UI and cytoscape locally', async () => {
    const index = await app.request('/');
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /text\/html/);
    const html = await index.text();
    assert.match(html, /<script type="module" src="\/app.js"><\/script>/);
    assert.doesNotMatch(html, /<script>|<style|\sstyle=|\son[a-z]+=/i, 'no inline scripts, styles or handlers');
    const js = await app.request('/app.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    assert.equal((await app.request('/style.css')).status, 200);
    const cy = await app.request('/vendor/cytoscape.esm.min.mjs');
    assert.equal(cy.status, 200);
    assert.match(cy.headers.get('content-type') ?? '', /javascript/);
  });
  it('never serves files outside web/', async () => {
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/%2e%2e%2fpackage.json', '/views/../../package.json', '/src/server/app.ts', '/node_modules/cytoscape/package.json', '/.git/config']) {
      const res = await app.request(p);
      assert.equal(res.status, 404, p);
    }
  });
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document with every route, and every $ref resolves', async () => {
    const { res, body } = await get('/api/openapi.json');
    assert.equal(res.status, 200);
    assert.equal(body.openapi, '3.1.0');
    const ops: [string, string][] = [
      ['/api/ask', 'get'],
      ['/api/search', 'get'],
      ['/api/entities', 'get'],
      ['/api/entities/{id}', 'get'],
      ['/api/entities/{id}/timeline', 'get'],
      ['/api/entities/{id}/graph', 'get'],
      ['/api/documents/{id}', 'get'],
      ['/api/documents', 'post'],
      ['/api/facts', 'get'],
      ['/api/health', 'get'],
      ['/api/capabilities', 'get'],
    ];
    const ids = new Set<string>();
    for (const [path, method] of ops) {
      const op = body.paths[path]?.[method];
      assert.ok(op, `${method} ${path}`);
      assert.ok(op.operationId && !ids.has(op.operationId));
      ids.add(op.operationId);
      assert.ok(op.responses['200'] || op.responses['201']);
      for (const media of Object.values(op.requestBody?.content ?? {}) as Json[]) {
        assert.deepEqual(Object.keys(media).filter((k) => !['schema', 'example', 'examples', 'encoding'].includes(k)), [], 'Media Type Object fields');
      }
      for (const p of op.parameters ?? []) {
        assert.ok(['query', 'path'].includes(p.in) && p.schema, JSON.stringify(p));
        if (p.in === 'path') assert.ok(path.includes(`{${p.name}}`) && p.required === true);
      }
    }
    const askQ = body.paths['/api/ask'].get.parameters.find((p: Json) => p.name === 'q');
    assert.equal(askQ.required, true);
    assert.equal(askQ.schema.maxLength, 500);
    const refs: string[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) k === '$ref' ? refs.push(v as string) : walk(v);
    };
    walk(body);
    assert.ok(refs.length > 10);
    for (const r of refs) {
      const m = /^#\/components\/schemas\/(\w+)$/.exec(r);
      assert.ok(m && body.components.schemas[m[1]!], `unresolved ${r}`);
    }
  });

  it('its response schemas accept the real responses (round trip through JSON Schema)', async () => {
    const { body: spec } = await get('/api/openapi.json');
    const bundle = (ref: string): z.ZodType => {
      const defs = JSON.parse(JSON.stringify(spec.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'));
      const id = ref.split('/').pop()!;
      return z.fromJSONSchema({ ...defs[id], $defs: defs });
    };
    const sofia = await entityId('Sofia Carson');
    const cases: [string, string][] = [
      [`/api/ask?q=${q('Who plays Cassie in Purple Hearts?')}`, '/api/ask'],
      [`/api/entities/${q(sofia)}`, '/api/entities/{id}'],
      [`/api/entities/${q(sofia)}/graph`, '/api/entities/{id}/graph'],
      ['/api/health', '/api/health'],
    ];
    for (const [url, path] of cases) {
      const ref = spec.paths[path].get.responses['200'].content['application/json'].schema.$ref;
      const r = bundle(ref).safeParse((await get(url)).body);
      assert.ok(r.success, `${path}: ${r.success ? '' : r.error.message}`);
    }
  });
});
