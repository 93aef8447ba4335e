/**
 * @module The zod schemas of the HTTP API. Request schemas validate every query string, path
 * parameter and body; response schemas describe the result types of src/engine/types.ts. Both
 * feed the OpenAPI document (openapi.ts), so the documentation is generated from the very
 * schemas that validate requests. The API tests also check real responses against the response
 * schemas, which keeps them honest with the engine's types.
 */
import { z } from 'zod';

/** Name and description of a shared schema in the OpenAPI document. */
export interface SchemaMeta {
  id: string;
  description?: string;
}

/** The named schemas of the API: they become `#/components/schemas/<id>` in the OpenAPI document. */
export const NAMED_SCHEMAS: { schema: z.ZodType; meta: SchemaMeta }[] = [];

function named<S extends z.ZodType>(id: string, schema: S, description?: string): S {
  NAMED_SCHEMAS.push({ schema, meta: description ? { id, description } : { id } });
  return schema;
}

/** Longest free-text query (`q`) accepted: questions and searches are short. */
export const MAX_QUERY_CHARS = 500;
/** Longest id or entity name accepted in a path or query parameter. */
export const MAX_ID_CHARS = 200;
/** Longest article body (text or html) accepted by POST /api/documents, in characters. */
export const MAX_ARTICLE_CHARS = 2_000_000;

// ---------------------------------------------------------------------------------------------
// Requests

const flag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true')
  .describe('1/true or 0/false');

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * How some request schemas read in the OpenAPI document when their zod input type says less
 * than they accept (an integer parameter travels as a digit string).
 */
export const PARAM_JSON_SCHEMA = new WeakMap<z.ZodType, Record<string, unknown>>();

/** Query strings carry numbers as text: digits only, so `1e3`, ` 5` or `-0` are refused. */
const intParam = (min: number, max: number, def: number) => {
  const schema = z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .optional()
    .transform((v) => (v === undefined ? def : Number(v)))
    .pipe(z.number().int().min(min).max(max))
    .describe(`integer ${min}..${max}, default ${def}`);
  PARAM_JSON_SCHEMA.set(schema, { type: 'integer', minimum: min, maximum: max, default: def });
  return schema;
};

export const AskQuery = z.strictObject({
  q: text(MAX_QUERY_CHARS).describe('The question, e.g. "Who plays Cassie in Purple Hearts?"'),
  explain: flag.describe('Include the query plan (1/true)'),
});

export const SearchQuery = z.strictObject({
  q: text(MAX_QUERY_CHARS).describe('Full-text query'),
  limit: intParam(1, 100, 20),
});

export const EntitiesQuery = z.strictObject({
  q: z.string().trim().max(MAX_ID_CHARS).default('').describe('Prefix of a name or alias (typeahead)'),
  limit: intParam(1, 50, 10),
});

export const IdParam = z.strictObject({
  id: text(MAX_ID_CHARS).describe('Entity or document id'),
});

export const GraphQuery = z.strictObject({
  depth: z
    .enum(['1', '2'])
    .default('1')
    .transform((v) => (v === '2' ? 2 : 1) as 1 | 2)
    .describe('Neighbourhood depth: 1 or 2'),
});

export const FactsQueryParams = z.strictObject({
  predicate: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be a snake_case predicate name, e.g. cast_member')
    .optional()
    .describe('Predicate name, e.g. cast_member'),
  entity: text(MAX_ID_CHARS).optional().describe('Entity name, alias or id'),
  limit: intParam(1, 500, 50),
  offset: intParam(0, 1_000_000, 0),
});

const httpUrl = z
  .string()
  .max(2048)
  .regex(/^https?:\/\//i, 'must be an http(s) URL')
  .refine((u) => {
    try {
      const p = new URL(u).protocol;
      return p === 'http:' || p === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

/** One article posted as JSON. Only data: nothing in it names a file. */
export const ArticleBody = z
  .strictObject({
    title: z.string().max(1000).optional(),
    text: z.string().max(MAX_ARTICLE_CHARS).optional(),
    html: z.string().max(MAX_ARTICLE_CHARS).optional(),
    url: httpUrl.optional(),
    date: z.string().max(64).optional().describe('Publication date (ISO or any parseable form)'),
    source: z.string().max(200).optional().describe('Outlet'),
    author: z.string().max(200).optional(),
  })
  .refine((a) => (a.text ?? '').trim() !== '' || (a.html ?? '').trim() !== '', {
    message: 'give the article body as "text" or "html"',
  })
  .describe('One article. Give its body as "text" (plain text) or "html"; the other fields are optional metadata.');

// ---------------------------------------------------------------------------------------------
// Responses (mirror src/engine/types.ts and src/model/types.ts; extra fields are allowed)

const EntityType = z.enum(['person', 'work', 'character', 'organization', 'place', 'award', 'event']);
const QualifierValue = z.union([z.string(), z.number(), z.boolean()]);

export const EntityRefSchema = named(
  'EntityRef',
  z.looseObject({ id: z.string(), name: z.string(), type: EntityType, subtype: z.string().nullable().optional() }),
);

export const LiteralSchema = named(
  'Literal',
  z.looseObject({ value: z.string(), datatype: z.enum(['date', 'quantity', 'string', 'url']) }),
);

export const EvidenceDocumentSchema = named(
  'EvidenceDocument',
  z.looseObject({
    id: z.string(),
    title: z.string(),
    source: z.string().nullable(),
    url: z.string().nullable(),
    date: z.string().nullable(),
  }),
);

export const EvidenceSchema = named(
  'Evidence',
  z.looseObject({
    document: EvidenceDocumentSchema,
    start: z.number().int(),
    end: z.number().int(),
    quote: z.string(),
    sentence: z.string(),
    sentenceStart: z.number().int().optional(),
  }),
  'quote === document text [start, end)',
);

export const ClaimSchema = named(
  'Claim',
  z.looseObject({
    id: z.string(),
    predicate: z.string(),
    wikidata: z.string().optional(),
    subject: EntityRefSchema,
    object: z.union([EntityRefSchema, LiteralSchema]),
    qualifiers: z.record(z.string(), QualifierValue),
    modality: z.enum(['asserted', 'reported', 'speculative', 'negated']),
    confidence: z.number(),
    evidence: z.array(EvidenceSchema),
  }),
);

export const AskResultSchema = named(
  'AskResult',
  z.looseObject({
    question: z.string(),
    answer: z.string().nullable(),
    answers: z.array(
      z.looseObject({
        value: z.string(),
        entity: EntityRefSchema.optional(),
        confidence: z.number(),
        evidence: z.array(EvidenceSchema),
        support: z.enum(['facts', 'retrieval']).optional(),
        predicate: z.string().optional(),
        qualifiers: z.record(z.string(), QualifierValue).optional(),
      }),
    ),
    noAnswer: z.enum(['unknown-entity', 'no-supporting-claims', 'ambiguous-entity', 'not-understood']).optional(),
    reason: z.string().optional(),
    verdict: z.enum(['yes', 'no', 'no-evidence']).optional(),
    plan: z
      .looseObject({
        intent: z.string(),
        predicate: z.union([z.string(), z.array(z.string())]).optional(),
        entities: z.array(z.looseObject({ text: z.string(), resolved: z.array(EntityRefSchema) })),
      })
      .optional(),
  }),
);

export const SearchHitSchema = named(
  'SearchHit',
  z.looseObject({ document: EvidenceDocumentSchema, score: z.number(), snippet: EvidenceSchema }),
);

export const EntityPageSchema = named(
  'EntityPage',
  z.looseObject({
    entity: EntityRefSchema.and(z.looseObject({ mentionCount: z.number().int(), documentCount: z.number().int() })),
    aliases: z.array(z.string()),
    facts: z.array(
      z.looseObject({
        predicate: z.string(),
        label: z.string(),
        direction: z.enum(['out', 'in']),
        claims: z.array(ClaimSchema),
      }),
    ),
    quotes: z.array(ClaimSchema),
    documents: z.array(EvidenceDocumentSchema),
  }),
);

export const TimelineEventSchema = named(
  'TimelineEvent',
  z.looseObject({
    date: z.string(),
    precision: z.string(),
    kind: z.string(),
    label: z.string(),
    modality: z.string(),
    claim: ClaimSchema,
  }),
);

export const GraphSchema = named(
  'Graph',
  z.looseObject({
    center: z.string(),
    nodes: z.array(EntityRefSchema.and(z.looseObject({ degree: z.number() }))),
    edges: z.array(
      z.looseObject({
        id: z.string(),
        source: z.string(),
        target: z.string(),
        predicate: z.string(),
        label: z.string(),
        claimIds: z.array(z.string()),
      }),
    ),
  }),
);

export const DocumentViewSchema = named(
  'DocumentView',
  z.looseObject({
    document: EvidenceDocumentSchema.and(
      z.looseObject({ text: z.string(), author: z.string().nullable(), language: z.string().nullable() }),
    ),
    mentions: z.array(z.looseObject({ start: z.number().int(), end: z.number().int(), text: z.string(), entity: EntityRefSchema })),
    claims: z.array(ClaimSchema),
  }),
);

export const HealthSchema = named(
  'Health',
  z.looseObject({
    ok: z.boolean(),
    version: z.string(),
    documents: z.number().int(),
    entities: z.number().int(),
    claims: z.number().int(),
  }),
);

export const IngestOneResultSchema = named(
  'IngestOneResult',
  z.looseObject({
    status: z.enum(['added', 'unchanged', 'duplicate', 'failed']),
    documentId: z.string().nullable(),
    claims: z.array(ClaimSchema),
    error: z.string().optional(),
  }),
);

export const CapabilitiesSchema = named('Capabilities', z.strictObject({ ingest: z.boolean(), edit: z.boolean() }));

export const ErrorSchema = named(
  'Error',
  z.strictObject({ error: z.strictObject({ code: z.string(), message: z.string() }) }),
);
