import { z } from 'zod';
import { IMPORTABLE_ROLES, ONEROSTER_STAFF_ROLES } from '../../../common/roster-import.js';
import { text } from '../../../common/text.js';

export {
  rosterImportJobSchema, rosterImportReportSchema, rosterSettingsSchema, teacherClassSchema,
} from '../../../common/roster-import.js';

export const idParams = z.strictObject({ id: z.uuid() });

export const uploadQuery = z.strictObject({
  fileName: text(200).default('roster.zip').describe('Shown in the list of imports'),
  confirm: z.enum(['true', 'false']).default('false').transform((v) => v === 'true')
    .describe('true accepts the numbers a previous attempt of this package stopped on (no school matched, many inactivated)'),
});

export const settingsBody = z.strictObject({
  deactivateThresholdPct: z.number({ error: 'must be a number from 0 to 100' }).min(0).max(100).optional(),
  roleMap: z.partialRecord(z.enum(ONEROSTER_STAFF_ROLES), z.enum(IMPORTABLE_ROLES).nullable()).optional()
    .describe('Only the roles given change'),
});
