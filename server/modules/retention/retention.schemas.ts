// The retention contract lives in common/retention.ts (shared with the web page); this file re-exports it for the
// routes, with the path parameters.
import { z } from 'zod';
import { RECORD_TYPES } from '../../../common/retention.js';

export * from '../../../common/retention.js';
export { idParams } from '../../../common/incidents.js';
export const typeParams = z.strictObject({ recordType: z.enum(RECORD_TYPES) });
