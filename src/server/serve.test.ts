/**
 * @module startServer over real HTTP on 127.0.0.1 (ephemeral port): serves the API and the UI,
 * refuses foreign Host headers (DNS rebinding), reports a busy port, and closes cleanly.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../engine/engine.js';
import type { EngineApi } from '../engine/types.js';
import { startServer, type RunningServer } from './serve.js';

/** GET with an explicit Host header (fetch does not allow setting it). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startServer', () => {
  let dir: string;
  let engine: EngineApi;
  let server: RunningServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marquee-serve-'));
    engine = createEngine({ db: join(dir, 'kb.db') });
    server = await startServer({ engine, port: 0 });
  });
  after(async () => {
    await server?.close();
    engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 by default and serves the API and the UI', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${server.url}/api/health`);
    assert.equal(health.status, 200);
    assert.equal((await health.json()).ok, true);
    const index = await fetch(`${server.url}/`);
    assert.equal(index.status, 200);
    assert.match(await index.text(), /<title>Marquee<\/title>/);
  });

  it('accepts localhost Host headers and refuses others (DNS rebinding)', async () => {
    assert.equal((await getWithHost(`${server.url}/api/health`, `localhost:${server.port}`)).status, 200);
    const evil = await getWithHost(`${server.url}/api/health`, `evil.example:${server.port}`);
    assert.equal(evil.status, 403);
    assert.equal(JSON.parse(evil.body).error.code, 'forbidden');
  });

  it('rejects when the port is taken', async () => {
    await assert.rejects(startServer({ engine, port: server.port }), /EADDRINUSE/);
  });

  it('closes', async () => {
    const s = await startServer({ engine, port: 0 });
    await s.close();
    await assert.rejects(fetch(`${s.url}/api/health`));
  });
});
