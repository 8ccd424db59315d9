import { eq } from 'drizzle-orm';
import { districts } from '../../db/schema/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import type { CourtOrder } from './sealing.service.js';

const invalid = (field: string, message: string) => new AppError('validation_failed', `${field}: ${message}`, { field });

/** Today in the district's time zone (YYYY-MM-DD). */
export async function districtToday(ctx: ServiceContext): Promise<string> {
  const [d] = await ctx.db.select({ tz: districts.timezone }).from(districts).where(eq(districts.id, ctx.actor.districtId));
  return new Intl.DateTimeFormat('en-CA', { timeZone: d?.tz ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(ctx.clock.now());
}

/** Checks a court order (date not in the future, a real PDF when given) and returns it ready to store. */
export async function courtOrderOf(ctx: ServiceContext, body: { orderNumber: string; orderDate: string }, document: string | null): Promise<CourtOrder> {
  const date = new Date(`${body.orderDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== body.orderDate) throw invalid('orderDate', 'not a calendar day');
  if (body.orderDate > await districtToday(ctx)) throw invalid('orderDate', 'cannot be in the future');
  if (document === null) return { orderNumber: body.orderNumber, orderDate: body.orderDate };
  const bytes = Buffer.from(document, 'base64');
  if (bytes.length > 5 * 1024 * 1024) throw invalid('document', 'at most 5 MB');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw invalid('document', 'must be the signed order as a PDF');
  return { orderNumber: body.orderNumber, orderDate: body.orderDate, document: bytes };
}
