import { z } from 'zod';

// ---------------------------------------------------------------- shared pieces

export const uuid = z.uuid();
export const dateTime = z.iso.datetime({ offset: true, error: 'must be a date and time (ISO 8601)' });
export { anyText, optionalText, text } from '../text.js';
export const idParams = z.strictObject({ id: uuid });
export const supplementParams = z.strictObject({ id: uuid, sid: uuid });
export const versionParams = z.strictObject({ id: uuid, versionId: uuid });
/** Every save and review step carries the version it was based on. */
export const versionField = z.number().int().min(1).describe('The version the change is based on; a stale one answers 409');

