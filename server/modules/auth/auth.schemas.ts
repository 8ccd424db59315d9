import { z } from 'zod';
import { ROLES } from '../../../common/roles.js';

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));
/** New passwords: long enough to resist guessing, short enough to hash quickly. */
export const newPasswordSchema = z.string().min(12, 'must be at least 12 characters').max(200);
export const totpCodeSchema = z.string().regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app');

export const signInBody = z.strictObject({ email: emailSchema, password: z.string().min(1).max(200) });
export const mfaCodeBody = z.strictObject({ code: totpCodeSchema });
export const changePasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: newPasswordSchema });
export const disableMfaBody = z.strictObject({ password: z.string().min(1).max(200) });

export const grantSchema = z.object({ role: z.enum(ROLES), schoolId: z.uuid().nullable() });

export const sessionStateSchema = z.enum(['anonymous', 'mfa_pending', 'mfa_enrolment_required', 'signed_in']);

/** What the web app knows about the signed-in user. */
export const sessionBody = z.object({
  state: sessionStateSchema,
  user: z.object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    title: z.string().nullable(),
    mfaEnabled: z.boolean(),
    mustChangePassword: z.boolean(),
    organizationId: z.uuid().nullable().describe('The outside organization the account works for; its grants then carry only the outsider permissions'),
  }).nullable(),
  district: z.object({ id: z.uuid(), name: z.string(), isDemo: z.boolean(), timeZone: z.string().describe('IANA zone: every day shown is a day there'),
    lawEnforcementAgency: z.string().nullable().describe('The agency whose law-enforcement records these are: named on every such record (views, PDFs, exports)'),
  }).nullable(),
  grants: z.array(grantSchema),
  permissions: z.array(z.string()),
  schools: z.array(z.object({ id: z.uuid(), name: z.string(), level: z.string() })),
});
export type SessionBody = z.infer<typeof sessionBody>;

export const mfaSetupBody = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() });
