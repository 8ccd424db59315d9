import { z } from 'zod';
import { grade } from '../schools/schools.schemas.js';
import { anyText, optionalText, text } from '../../../common/text.js';

export const SEXES = ['male', 'female', 'nonbinary'] as const;
export const RACE_ETHNICITIES = [
  'hispanic_latino', 'american_indian_alaska_native', 'asian', 'native_hawaiian_pacific_islander', 'black', 'white', 'two_or_more',
] as const;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export const idParams = z.strictObject({ id: z.uuid() });
export const guardianParams = z.strictObject({ id: z.uuid(), guardianId: z.uuid() });

const name = text(80);

/** CRDC demographics: written by managers, shown only with `student.demographics.read` at the school. */
const demographicFields = {
  sex: z.enum(SEXES),
  raceEthnicity: z.enum(RACE_ETHNICITIES),
  idea: z.boolean().describe('Served under IDEA (special education)'),
  section504: z.boolean().describe('Has a Section 504 plan'),
  englishLearner: z.boolean(),
};

const studentFields = {
  schoolId: z.uuid(),
  studentNumber: text(32).regex(/^[A-Za-z0-9-]+$/, 'may hold letters, digits and hyphens only'),
  firstName: name,
  middleName: optionalText(80),
  lastName: name,
  preferredName: optionalText(80),
  grade,
  dateOfBirth: z.iso.date({ error: 'must be a date as YYYY-MM-DD' }),
  ...demographicFields,
};

export const createStudentBody = z.strictObject({
  ...studentFields,
  idea: demographicFields.idea.default(false),
  section504: demographicFields.section504.default(false),
  englishLearner: demographicFields.englishLearner.default(false),
});
export const updateStudentBody = z.strictObject({ ...studentFields, active: z.boolean() }).partial();

export const listStudentsQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  q: anyText(100).optional().describe('Words matching first, last or preferred name, or the start of the student number'),
  grade: z.coerce.number().int().min(-1).max(12).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});

export const studentListItemSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  studentNumber: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  lastName: z.string(),
  preferredName: z.string().nullable(),
  grade: z.number().int().nullable().describe('Null when the roster source did not say'),
  dateOfBirth: z.string().nullable().describe('Null when the roster source did not say'),
  active: z.boolean(),
  // A roster sync may bring students without demographics.csv (optional in OneRoster): null until known.
  sex: z.enum(SEXES).nullable().optional(),
  raceEthnicity: z.enum(RACE_ETHNICITIES).nullable().optional(),
  idea: z.boolean().optional(),
  section504: z.boolean().optional(),
  englishLearner: z.boolean().optional(),
}).describe('Demographics (sex, raceEthnicity, idea, section504, englishLearner) only with student.demographics.read at the school');

export const studentPageSchema = z.object({ items: z.array(studentListItemSchema), total: z.number().int() });

export const guardianSchema = z.object({
  guardianId: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  street: z.string().nullable(),
  city: z.string().nullable(),
  zip: z.string().nullable(),
  relationship: z.string(),
  hasCustody: z.boolean(),
  mayPickUp: z.boolean().describe('May take the student at release or reunification'),
  isPrimary: z.boolean(),
  restrictions: z.string().nullable().describe('Court orders or other limits on contact or pick-up'),
});

export const studentSchema = studentListItemSchema.extend({ guardians: z.array(guardianSchema) });

const guardianContact = {
  firstName: name,
  lastName: name,
  phone: text(30).min(7).nullable().optional(),
  email: z.email().trim().max(200).nullable().optional(),
  street: optionalText(200),
  city: optionalText(100),
  zip: z.string().trim().regex(/^\d{5}(-\d{4})?$/, 'must be a ZIP code').nullable().optional(),
};

const linkFields = {
  relationship: text(60),
  hasCustody: z.boolean(),
  mayPickUp: z.boolean(),
  isPrimary: z.boolean().default(false),
  restrictions: optionalText(1000),
};

export const addGuardianBody = z.union([
  z.strictObject({ guardianId: z.uuid().describe('An existing guardian of the district (a sibling\'s parent)'), ...linkFields }),
  z.strictObject({ guardian: z.strictObject(guardianContact).describe('A new guardian'), ...linkFields }),
], { error: 'give either guardianId (an existing guardian) or guardian (a new one), with relationship, hasCustody and mayPickUp' });

export const updateGuardianBody = z.strictObject({
  ...guardianContact,
  relationship: linkFields.relationship,
  hasCustody: linkFields.hasCustody,
  mayPickUp: linkFields.mayPickUp,
  isPrimary: z.boolean(),
  restrictions: linkFields.restrictions,
}).partial();

export type CreateStudent = z.infer<typeof createStudentBody>;
export type UpdateStudent = z.infer<typeof updateStudentBody>;
export type ListStudentsQuery = z.infer<typeof listStudentsQuery>;
export type AddGuardian = z.infer<typeof addGuardianBody>;
export type UpdateGuardian = z.infer<typeof updateGuardianBody>;
export type GuardianContact = z.infer<z.ZodObject<typeof guardianContact>>;
