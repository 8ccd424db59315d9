import { z } from 'zod';
import { ROLES } from '../../../common/roles.js';
import { emailSchema, grantSchema } from '../auth/auth.schemas.js';
import { anyText, text } from '../../../common/text.js';

export const MAX_PAGE_SIZE = 200;

export const idParams = z.strictObject({ id: z.uuid() });
export const grantParams = z.strictObject({ id: z.uuid(), grantId: z.uuid() });

const optionalText = (max: number) => text(max).nullable().optional();

/** A grant as given in a request: unknown fields are refused like everywhere else. */
export const grantBody = z.strictObject(grantSchema.shape);

export const createUserBody = z.strictObject({
  email: emailSchema,
  name: text(120).min(2),
  title: optionalText(120),
  phone: optionalText(30),
  badgeNumber: optionalText(30),
  grants: z.array(grantBody).min(1, 'give the user at least one role').max(50),
});

export const updateUserBody = z.strictObject({
  name: text(120).min(2),
  title: optionalText(120),
  phone: optionalText(30),
  badgeNumber: optionalText(30),
  active: z.boolean(),
}).partial();

/** Gives (true) or takes back (false) the per-person juvenile-records grant. */
export const juvenileAccessBody = z.strictObject({ granted: z.boolean() });

export const listUsersQuery = z.strictObject({
  q: anyText(100).optional(),
  role: z.enum(ROLES).optional(),
  schoolId: z.uuid().optional(),
  active: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});

export const userGrantSchema = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable().describe('Null for a district-wide grant'),
});

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  badgeNumber: z.string().nullable(),
  active: z.boolean(),
  mfaEnabled: z.boolean(),
  lastSignInAt: z.date().nullable(),
  juvenileAccessAt: z.date().nullable().describe('When the per-person juvenile-records grant was given; null without it (or when the reader may not grant it)'),
  canHoldJuvenileAccess: z.boolean().describe('True when the reader may give this user the juvenile-records grant (their role reads incidents)'),
  grants: z.array(userGrantSchema),
});

export const userPageSchema = z.object({ items: z.array(userSchema), total: z.number().int() });

const temporaryPassword = z.string().describe('Shown once; the user must replace it at the first sign-in');
const emailed = z.boolean().describe('True when the password was e-mailed to the user (SMTP configured)');
export const createdUserSchema = z.object({ user: userSchema, temporaryPassword, emailed });
export const passwordResetSchema = z.object({ temporaryPassword, emailed });

export type CreateUser = z.infer<typeof createUserBody>;
export type UpdateUser = z.infer<typeof updateUserBody>;
export type GrantInput = z.infer<typeof grantBody>;
export type ListUsersQuery = z.infer<typeof listUsersQuery>;
export type UserView = z.infer<typeof userSchema>;
