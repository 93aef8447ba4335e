/**
 * @module GET /api/ask: a question answered with cited evidence (the body of `marquee ask --json`).
 */
import type { EngineApi } from '../../engine/types.js';
import type { ApiRouter } from '../api-router.js';
import { AskQuery, AskResultSchema } from '../schemas.js';
import { BAD_REQUEST } from './common.js';

export function registerAskRoutes(api: ApiRouter, engine: EngineApi): void {
  api.route(
    {
      method: 'get',
      path: '/api/ask',
      operationId: 'ask',
      tag: 'ask',
      summary: 'Answer a question with cited evidence',
      description: 'A question in plain English. Answers come from typed facts or retrieved sentences; each carries its evidence spans. With explain=1 the query plan is included.',
      query: AskQuery,
      responses: { 200: { description: 'The answer (answer is null with noAnswer and reason when the articles do not say)', schema: AskResultSchema }, 400: BAD_REQUEST },
    },
    (c, { query }) => c.json(engine.ask(query.q, { explain: query.explain })),
  );
}
