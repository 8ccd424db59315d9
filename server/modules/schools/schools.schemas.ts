import { z } from 'zod';
import { anyText, text } from '../../../common/text.js';

export const SCHOOL_LEVELS = ['elementary', 'middle', 'high', 'k8', 'k12', 'alternative', 'other'] as const;
export const AREA_KINDS = ['building', 'floor', 'room', 'field', 'parking', 'bus_loop', 'perimeter', 'common', 'other'] as const;

export const idParams = z.strictObject({ id: z.uuid() });
export const grade = z.number().int().min(-1, 'grades run from -1 (pre-K) to 12').max(12, 'grades run from -1 (pre-K) to 12');

const schoolFields = {
  ncesId: z.string().trim().regex(/^\d{12}$/, 'must be the 12-digit NCES school id'),
  name: text(120).min(2),
  level: z.enum(SCHOOL_LEVELS),
  gradeLow: grade,
  gradeHigh: grade,
  street: text(200),
  city: text(100),
  state: z.string().trim().regex(/^[A-Z]{2}$/, 'must be a two-letter state code'),
  zip: z.string().trim().regex(/^\d{5}(-\d{4})?$/, 'must be a ZIP code'),
  phone: text(30).min(7),
  principalName: anyText(120).nullable().optional(),
};

export const createSchoolBody = z.strictObject(schoolFields).refine((s) => s.gradeLow <= s.gradeHigh, {
  message: 'gradeLow must not be above gradeHigh', path: ['gradeLow'],
});
export const updateSchoolBody = z.strictObject({ ...schoolFields, active: z.boolean() }).partial();

export const schoolSchema = z.object({
  id: z.uuid(),
  districtId: z.uuid(),
  ncesId: z.string(),
  name: z.string(),
  level: z.enum(SCHOOL_LEVELS),
  gradeLow: z.number().int(),
  gradeHigh: z.number().int(),
  street: z.string(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  phone: z.string(),
  principalName: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const listSchoolsQuery = z.strictObject({
  q: anyText(100).optional(),
  level: z.enum(SCHOOL_LEVELS).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

const schoolBrief = z.object({ id: z.uuid(), name: z.string(), level: z.enum(SCHOOL_LEVELS) });
export const feedersSchema = z.object({
  feeders: z.array(schoolBrief).describe('Schools whose students go on to this school'),
  feedsInto: z.array(schoolBrief).describe('Schools this school feeds'),
});
export const addFeederBody = z.strictObject({ feederSchoolId: z.uuid() });
export const feederParams = z.strictObject({ id: z.uuid(), feederSchoolId: z.uuid() });

export const areaSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: z.enum(AREA_KINDS),
  name: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
});
export const createAreaBody = z.strictObject({
  kind: z.enum(AREA_KINDS),
  name: text(120),
  description: anyText(500).nullable().optional(),
  parentId: z.uuid().nullable().optional(),
});
export const updateAreaBody = createAreaBody.extend({ active: z.boolean() }).partial();

export type CreateSchool = z.infer<typeof createSchoolBody>;
export type UpdateSchool = z.infer<typeof updateSchoolBody>;
export type CreateArea = z.infer<typeof createAreaBody>;
export type UpdateArea = z.infer<typeof updateAreaBody>;
