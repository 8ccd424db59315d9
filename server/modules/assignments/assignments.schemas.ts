import { z } from 'zod';
import { anyText } from '../../../common/text.js';

export const ASSIGNMENT_KINDS = ['primary', 'feeder'] as const;

export const idParams = z.strictObject({ id: z.uuid() });
const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const notes = anyText(2000).nullable().optional();

export const createAssignmentBody = z.strictObject({
  userId: z.uuid(),
  schoolId: z.uuid(),
  kind: z.enum(ASSIGNMENT_KINDS),
  startsOn: day,
  endsOn: day.nullable().optional().describe('Last day of the assignment; none while it is open-ended'),
  notes,
});

export const updateAssignmentBody = z.strictObject({
  kind: z.enum(ASSIGNMENT_KINDS),
  endsOn: day.nullable().describe('Set to end the assignment; null reopens it'),
  notes,
}).partial();

export const listAssignmentsQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  userId: z.uuid().optional(),
  current: z.enum(['true', 'false']).optional().describe('true: only assignments running today; false: only past and future ones'),
});

export const assignmentSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userName: z.string(),
  userEmail: z.string(),
  badgeNumber: z.string().nullable(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  kind: z.enum(ASSIGNMENT_KINDS),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  notes: z.string().nullable(),
  current: z.boolean().describe('True when today falls between startsOn and endsOn'),
});

export type CreateAssignment = z.infer<typeof createAssignmentBody>;
export type UpdateAssignment = z.infer<typeof updateAssignmentBody>;
export type ListAssignmentsQuery = z.infer<typeof listAssignmentsQuery>;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];
