import type { ServiceContext } from '../../lib/context.js';
import { dayIn } from '../../lib/district-time.js';
import { AppError } from '../../lib/errors.js';
import type { CourtOrder } from './sealing.service.js';

const invalid = (field: string, message: string) => new AppError('validation_failed', `${field}: ${message}`, { field });

/** Checks a court order (date not in the future, a real PDF when given) and returns it ready to store. */
export async function courtOrderOf(ctx: ServiceContext, body: { orderNumber: string; orderDate: string }, document: string | null): Promise<CourtOrder> {
  const date = new Date(`${body.orderDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== body.orderDate) throw invalid('orderDate', 'not a calendar day');
  if (body.orderDate > dayIn(ctx.actor.timeZone, ctx.clock.now())) throw invalid('orderDate', 'cannot be in the future');
  if (document === null) return { orderNumber: body.orderNumber, orderDate: body.orderDate };
  const bytes = Buffer.from(document, 'base64');
  if (bytes.length > 5 * 1024 * 1024) throw invalid('document', 'at most 5 MB');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw invalid('document', 'must be the signed order as a PDF');
  return { orderNumber: body.orderNumber, orderDate: body.orderDate, document: bytes };
}
