/**
 * @module GET /api/capabilities: what this server allows (ingest, edits), so the web UI shows
 * the "Add article" page only when `--allow-ingest` is on.
 */
import type { ApiRouter } from '../api-router.js';
import { CapabilitiesSchema } from '../schemas.js';

/** Body of GET /api/capabilities. */
export interface Capabilities {
  ingest: boolean;
  edit: boolean;
}

export function registerCapabilityRoutes(api: ApiRouter, caps: Capabilities): void {
  api.route(
    {
      method: 'get',
      path: '/api/capabilities',
      operationId: 'capabilities',
      tag: 'meta',
      summary: 'What this server allows: ingest over HTTP (--allow-ingest) and edits (--allow-edit)',
      responses: { 200: { description: 'Capabilities', schema: CapabilitiesSchema } },
    },
    (c) => c.json(caps),
  );
}
