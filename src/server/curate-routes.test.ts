/**
 * Curation over HTTP: conflicts and the corrections log are readable; corrections are accepted
 * only with allowEdit, and a retraction takes the claim out of the facts the API serves.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createEngine, type Engine } from '../engine/engine.js';
import { createApp } from './app.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('curation routes', () => {
  let dir: string;
  let engine: Engine;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marquee-curate-http-'));
    engine = createEngine({ db: join(dir, 'kb.db') });
    await engine.ingest([resolve(ROOT, '../shared/corpus/seeds'), join(ROOT, 'tests/fixtures/conflict')]);
  });
  after(() => {
    engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists conflicts, overall and for one entity', async () => {
    const app = createApp(engine);
    const all = await (await app.request('/api/conflicts')).json();
    assert.ok(all.conflicts.length >= 1, 'the conflicting premiere date is found');
    const one = await (await app.request('/api/conflicts?entity=' + encodeURIComponent('Purple Hearts'))).json();
    assert.ok(one.conflicts.length >= 1);
    const none = await (await app.request('/api/conflicts?entity=NoSuchThing')).json();
    assert.deepEqual(none.conflicts, []);
  });

  it('refuses corrections unless started with allowEdit', async () => {
    const app = createApp(engine);
    const res = await app.request('/api/corrections', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ op: 'rename', entity: 'Netflix', name: 'Netflix Inc.' }) });
    assert.equal(res.status, 403);
    assert.equal((await res.json()).error.code, 'forbidden');
    const caps = await (await app.request('/api/capabilities')).json();
    assert.equal(caps.edit, false);
  });

  it('rejects a malformed correction with 400', async () => {
    const app = createApp(engine, { allowEdit: true });
    const res = await app.request('/api/corrections', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ op: 'retract' }) });
    assert.equal(res.status, 400);
  });

  it('retracts a claim: it leaves /api/facts and enters the audit log', async () => {
    const app = createApp(engine, { allowEdit: true });
    const facts = await (await app.request('/api/facts?predicate=publication_date&entity=' + encodeURIComponent('Purple Hearts'))).json();
    const wrong = facts.find((c: { object: { value?: string } }) => c.object.value === '2022-08-05');
    assert.ok(wrong, 'the conflicting date is a fact before the retraction');
    const res = await app.request('/api/corrections', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ op: 'retract', claimId: wrong.id, why: 'Netflix lists July 29' }) });
    assert.equal(res.status, 200, await res.clone().text());
    const after = await (await app.request('/api/facts?predicate=publication_date&entity=' + encodeURIComponent('Purple Hearts'))).json();
    assert.ok(!after.some((c: { id: string }) => c.id === wrong.id));
    const log = await (await app.request('/api/corrections')).json();
    assert.ok(log.corrections.length >= 1);
  });
});
