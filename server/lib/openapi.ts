import { ERROR_STATUS } from '../../common/errors.js';
import type { RouteInfo } from '../auth/plugin.js';

/** The OpenAPI document as @fastify/swagger builds it (only the parts completed here are typed). */
interface OpenApiDocument {
  servers?: { url: string; description?: string }[];
  components?: { schemas?: Record<string, unknown>; [key: string]: unknown };
  paths?: Record<string, Record<string, OpenApiOperation>>;
  [key: string]: unknown;
}

interface OpenApiOperation {
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  security?: unknown[];
  [key: string]: unknown;
}

const ERROR_REF = { $ref: '#/components/schemas/Error' };

/** Why each documented error status happens, in the words a client developer needs. */
const ERROR_MEANING: Record<number, string> = {
  400: 'The request is invalid: `error.field` names the parameter or body field, `error.code` says why.',
  401: 'No valid session (sign in), or the session still needs its two-step code.',
  403: 'The CSRF token is missing or wrong, or the signed-in user lacks the permission.',
  404: 'No such record, or one the signed-in user may not see (a denied record reads as absent).',
  409: 'The change conflicts with the current state of the record (a duplicate, a stale version, a locked report).',
  413: 'The body is larger than this route accepts.',
  415: 'The body has a media type this route does not accept.',
  429: 'Too many requests (or a locked sign-in): wait for the `Retry-After` seconds.',
};

/** The one error body of the API (common/errors.ts), as a JSON schema. */
function errorSchema() {
  return {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', enum: Object.keys(ERROR_STATUS) },
          message: { type: 'string' },
          field: { type: 'string', description: 'The parameter or body field at fault, dotted for nested fields.' },
          retryAfterSeconds: { type: 'integer' },
          rule: { type: 'string', description: 'The rule refused (e.g. a NIBRS data-quality edit).' },
        },
      },
    },
  };
}

/**
 * The media type of a download operation (one without a JSON response schema): from its route's
 * `config.produces`, else from its path (`.pdf`, `.csv`, the iCal feed, the event stream); any other is a
 * stored file answered with the media type it was uploaded with.
 */
function downloadTypeOf(path: string, route: RouteInfo | undefined): { type: string; description: string } {
  if (route?.produces) return { type: route.produces, description: 'The document.' };
  if (path.endsWith('.pdf')) return { type: 'application/pdf', description: 'The PDF document.' };
  if (path.endsWith('.csv')) return { type: 'text/csv', description: 'UTF-8 CSV with a header row.' };
  if (path.startsWith('/api/ical/')) return { type: 'text/calendar', description: 'An RFC 5545 iCalendar feed.' };
  if (path === '/api/live') return { type: 'text/event-stream', description: 'Server-Sent Events; reconnect with Last-Event-ID.' };
  return { type: 'application/octet-stream', description: 'The stored file, answered with the media type it was uploaded with.' };
}

/** The error statuses an operation can answer, from what its route declares. */
function errorStatusesOf(path: string, method: string, operation: OpenApiOperation, route: RouteInfo | undefined): number[] {
  const statuses = new Set<number>([429]);
  const write = method !== 'get';
  if (write || (operation.parameters?.length ?? 0) > 0 || operation.requestBody) statuses.add(400);
  if (route?.access !== 'public') {
    statuses.add(401);
    if (route?.permission || write) statuses.add(403);
    if (write) statuses.add(409);
  }
  if (path.includes('{')) statuses.add(404);
  if (route?.uploadTypes) {
    statuses.add(413);
    statuses.add(415);
  }
  return [...statuses].sort();
}

// A zod record keyed by an enum becomes `propertyNames` + `required` without `properties`, which validators
// read as "required properties that are never defined". Spell the properties out: the same contract.
function spellOutEnumRecords(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) spellOutEnumRecords(item);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  const names = (schema.propertyNames as { enum?: unknown[] } | undefined)?.enum;
  if (Array.isArray(names) && Array.isArray(schema.required) && !schema.properties && schema.additionalProperties) {
    schema.properties = Object.fromEntries(names.map((name) => [String(name), schema.additionalProperties]));
  }
  for (const value of Object.values(schema)) spellOutEnumRecords(value);
}

/**
 * Completes the generated document: every operation lists its error answers with the one error schema,
 * public operations need no session, upload operations declare their raw bodies, and a server entry
 * makes the paths resolvable. Driven by the route table, so a new route is documented without edits.
 */
export function completeOpenApi(document: OpenApiDocument, routes: readonly RouteInfo[]): OpenApiDocument {
  document.servers = [{ url: '/', description: 'This SRO Desk server' }];
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, Error: errorSchema() };
  const routeOf = new Map(routes.map((r) => [`${r.method.toLowerCase()} ${r.url.replace(/:(\w+)/g, '{$1}')}`, r]));
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      const route = routeOf.get(`${method} ${path}`);
      if (route?.access === 'public') operation.security = [];
      // The need-to-know category (common/need-to-know.ts): clients and the route walk read who may see the answer.
      if (route) operation['x-data-category'] = route.category;
      if (route?.uploadTypes && !operation.requestBody) {
        operation.requestBody = {
          required: true,
          content: Object.fromEntries(route.uploadTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
        };
      }
      operation.responses ??= {};
      const ok = operation.responses['200'] as { description?: string; content?: unknown } | undefined;
      if (method === 'get' && ok && !ok.content) {
        const download = downloadTypeOf(path, route);
        operation.responses['200'] = { description: download.description, content: { [download.type]: { schema: { type: 'string', format: 'binary' } } } };
      }
      // A list that also answers as CSV (`?format=csv`) declares both media types of its 200.
      const listOk = operation.responses['200'] as { content?: Record<string, unknown> } | undefined;
      if (method === 'get' && route?.csvList && listOk?.content) {
        listOk.content['text/csv'] = { schema: { type: 'string', description: 'With `format=csv`: UTF-8 CSV with BOM, a header row, CRLF lines; the last column names the record owner.' } };
      }
      for (const status of errorStatusesOf(path, method, operation, route)) {
        operation.responses[String(status)] ??= { description: ERROR_MEANING[status], content: { 'application/json': { schema: ERROR_REF } } };
      }
    }
  }
  spellOutEnumRecords(document.paths);
  return document;
}
