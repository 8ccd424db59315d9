export {
  checkRunBody, checkRunDetailSchema, checkRunPageSchema, checklistBody, checklistSchema, checklistUpdateBody, listCheckRunsQuery,
  listChecklistsQuery, listPatrolsQuery, patrolEntryBody, patrolEntryPageSchema, patrolEntrySchema, patrolEntryUpdateBody,
} from '../../../common/patrols.js';
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });
