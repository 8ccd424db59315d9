import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { z } from 'zod';
import { CSV_BOM, csvLine } from '../../../common/csv.js';
import { contextOf } from '../../auth/plugin.js';
import { todayOf } from '../../lib/district-time.js';
import { cellsOf, columnsOf, itemSchemaOf, jsonSchemaOf, type CsvColumn } from './exports.columns.js';
import { disseminationOf, ownerLabel, recordExport, type RecordOwner } from './exports.service.js';

// "CSV on every list", once: a list route that declares `config.csv` also answers `?format=csv` (or
// `Accept: text/csv`) by calling its own handler, so the CSV has the list's filters, permission checks and
// record-level filtering (a field the list leaves out or blanks is never in the file). Paginated lists are
// walked page by page at their largest page size and each page is written before the next is read, so memory
// stays at one page whatever the size of the list. A large list may instead declare `stream` (the same items
// in large batches from one cursor, audited once by the export): the incident list does.

/** The CSV of a list route (route `config.csv`). */
export interface CsvListOptions {
  /** The list's name: the file name stem and the `list` of the audit event. */
  list: string;
  /** Who owns the records, printed on every row. */
  owner: RecordOwner;
  /** Dotted columns (or column prefixes) never exported, e.g. a note only its author may read. */
  omit?: readonly string[];
  /**
   * The whole filtered list in large batches of list items, for lists too large to walk page by page: read in
   * one pass (a server-side cursor), checked like the list before the first byte, and audited once, by the
   * export's own `list.exported` event, instead of once per page.
   */
  stream?: (request: FastifyRequest) => Promise<AsyncIterable<readonly unknown[]>>;
  /** A list whose answer is not `{ items }`: its row schema and how to read the rows of one answer. */
  rows?: { schema: z.ZodType; of: (answer: unknown) => readonly unknown[] };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The list also answers as CSV (server/modules/exports). */
    csv?: CsvListOptions;
  }
}

/** The header of the owner column, last in every exported file. */
export const OWNER_HEADER = 'Record owner';
/** The header of the agency's dissemination rule, before the owner in every export of law-enforcement records. */
export const DISSEMINATION_HEADER = 'Dissemination rule';
const formatShape = { format: z.enum(['json', 'csv']).optional().describe('`csv` answers the whole filtered list as a CSV download (UTF-8 with BOM)') };

type Paging = { kind: 'cursor' | 'page' | 'offset' | 'none'; sizeKey?: string; max?: number };

/** How a list pages, read from its query schema: cursor, page/pageSize, limit/offset, or one bounded answer. */
function pagingOf(query: z.ZodType | undefined): Paging {
  if (!query) return { kind: 'none' };
  const properties = (jsonSchemaOf(query, 'input') as { properties?: Record<string, { maximum?: number; anyOf?: { maximum?: number }[] }> }).properties ?? {};
  const kind = 'cursor' in properties ? 'cursor' : 'page' in properties ? 'page' : 'offset' in properties ? 'offset' : 'none';
  const sizeKey = kind === 'page' ? 'pageSize' : 'limit' in properties ? 'limit' : undefined;
  const size = sizeKey ? properties[sizeKey] : undefined;
  const max = size?.maximum ?? size?.anyOf?.find((s) => s.maximum !== undefined)?.maximum;
  return { kind, sizeKey: size ? sizeKey : undefined, max };
}

const PAGING_KEYS = ['cursor', 'page', 'pageSize', 'limit', 'offset', 'format'];

/** True when the request asks for the CSV form of a list. */
function wantsCsv(request: FastifyRequest): boolean {
  const format = (request.query as { format?: string } | undefined)?.format;
  if (format) return format === 'csv';
  return (request.headers.accept ?? '').split(',')[0]!.trim().toLowerCase().startsWith('text/csv');
}

/** The rows and what to ask next of one answer, or null when it was the last page. */
function nextOf(answer: Record<string, unknown>, rows: number, seen: number, paging: Paging, query: Record<string, unknown>): boolean {
  if (paging.kind === 'cursor') {
    const next = answer.nextCursor;
    if (typeof next !== 'string' || next === query.cursor || rows === 0) return false;
    query.cursor = next;
    return true;
  }
  const total = typeof answer.total === 'number' ? answer.total : null;
  if (paging.kind === 'none' || total === null || rows === 0 || seen >= total) return false;
  if (paging.kind === 'page') query.page = Number(query.page ?? 1) + 1;
  else query.offset = seen;
  return true;
}

interface Prepared {
  original: RouteHandlerMethod;
  options: CsvListOptions;
  paging: Paging;
  columns: CsvColumn[];
}

/** Answers one CSV request: the first page before any byte (so a 403/404/400 is the list's own), then a stream. */
async function sendCsv(instance: FastifyInstance, request: FastifyRequest, reply: FastifyReply, prepared: Prepared) {
  const { original, options, paging, columns } = prepared;
  const ctx = contextOf(request);
  const query = request.query as Record<string, unknown>;
  const filters = Object.fromEntries(Object.entries(query).filter(([k, v]) => !PAGING_KEYS.includes(k) && v !== undefined));
  delete query.format;
  delete query.cursor;
  if (paging.kind === 'page') query.page = 1;
  if (paging.kind === 'offset') query.offset = 0;
  if (paging.sizeKey && paging.max) query[paging.sizeKey] = paging.max;
  const rowsOf = options.rows?.of ?? ((answer: unknown) => (Array.isArray(answer) ? answer : ((answer as { items?: unknown[] }).items ?? [])));
  const call = async () => (await original.call(instance, request, reply)) as Record<string, unknown>;
  // A streamed list is read in one pass; the others are walked page by page through their own handler.
  const stream = options.stream ? await options.stream(request) : null;
  let answer = stream ? {} : await call();
  if (reply.sent) return reply;
  const label = await ownerLabel(ctx, options.owner);
  async function* pages(): AsyncGenerator<readonly unknown[]> {
    if (stream) {
      yield* stream;
      return;
    }
    let seen = 0;
    for (;;) {
      const rows = rowsOf(answer);
      yield rows;
      seen += rows.length;
      if (!nextOf(answer, rows.length, seen, paging, query)) return;
      answer = await call();
    }
  }
  // A copy of criminal justice information says to whom it may go (CJIS), on every row like the owner.
  const trailer = options.owner === 'law_enforcement' ? [await disseminationOf(ctx), label] : [label];
  async function* lines(): AsyncGenerator<string> {
    let seen = 0;
    let complete = false;
    try {
      yield CSV_BOM + csvLine([...columns.map((c) => c.header), ...(trailer.length > 1 ? [DISSEMINATION_HEADER] : []), OWNER_HEADER]);
      for await (const rows of pages()) {
        // One chunk per page: a page is already in memory, and few large writes beat many small ones.
        yield rows.map((row) => csvLine([...cellsOf(row, columns), ...trailer])).join('');
        seen += rows.length;
      }
      complete = true;
    } finally {
      await recordExport(ctx, { list: options.list, filters, rows: seen, complete })
        .catch((error: unknown) => request.log.error({ err: error }, 'list export audit failed'));
    }
  }
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${options.list}-${todayOf(ctx)}.csv"`)
    .send(Readable.from(lines()));
}

/**
 * Lets every route with `config.csv` answer as CSV: adds `format` to its query schema (so the API description
 * lists it) and wraps its handler. Install before the modules are registered.
 */
export function installListExports(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const options = route.config?.csv;
    if (!options) return;
    route.schema ??= {};
    const query = route.schema.querystring as z.ZodObject | undefined;
    route.schema.querystring = query ? query.safeExtend(formatShape) : z.object(formatShape);
    const page = (route.schema.response as Record<number, z.ZodType> | undefined)?.[200];
    const itemSchema = options.rows?.schema ? { ...itemSchemaOf(z.array(options.rows.schema)) } : page ? itemSchemaOf(page) : null;
    if (!itemSchema) throw new Error(`${route.url}: a CSV list needs a 200 response schema`);
    const prepared: Prepared = { original: route.handler, options, paging: pagingOf(query), columns: columnsOf(itemSchema, options.omit) };
    route.handler = async function csvOrList(this: FastifyInstance, request, reply) {
      if (!wantsCsv(request)) {
        delete (request.query as Record<string, unknown>).format;
        return prepared.original.call(this, request, reply);
      }
      return sendCsv(this, request, reply, prepared);
    };
  });
}
