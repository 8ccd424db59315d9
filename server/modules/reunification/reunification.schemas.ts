import { z } from 'zod';
import { anyText } from '../../../common/text.js';

// The API contract lives in common/alerts.ts (shared with the web app); this file adds route-only pieces.
export {
  listReunificationsQuery, openReunificationBody, releaseBody, reunificationBoardSchema, reunificationRequestBody,
  reunificationRequestSchema, reunificationSchema, reunificationStudentSchema, runnerBody,
} from '../../../common/alerts.js';

export const idParams = z.strictObject({ id: z.uuid() });
export const requestParams = z.strictObject({ id: z.uuid(), requestId: z.uuid() });
export const studentSearchQuery = z.strictObject({
  q: anyText(100).optional().describe('Name or student number; without it, the first students by name'),
});
