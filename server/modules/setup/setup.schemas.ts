import { z } from 'zod';
import { STATE_SETS } from '../../../common/preparedness.js';
import { emailSchema, newPasswordSchema, totpCodeSchema } from '../auth/auth.schemas.js';
import { isIanaZone } from '../district/district.schemas.js';

/** The one-time set-up token as it travels in a request body (never in a URL the server logs). */
export const setupToken = z.string().trim().min(20).max(200).describe('The secret of the set-up link (the part after #)');

/** A new district and its first administrator: the fields of the set-up page, the CLI and the sysadmin page. */
export const districtFields = {
  districtName: z.string().trim().min(2, 'must be at least 2 characters').max(120),
  state: z.enum(STATE_SETS).describe('The state whose drill rule set the district starts with'),
  timezone: z.string().trim().refine(isIanaZone, 'must be an IANA time zone such as America/Chicago')
    .describe('An IANA time zone such as America/Chicago'),
  leaid: z.string().trim().regex(/^\d{7}$/, 'must be the 7-digit NCES district id (LEAID)').nullish()
    .or(z.literal('').transform(() => null)).describe('NCES LEAID, 7 digits (optional)'),
  adminName: z.string().trim().min(2, 'must be at least 2 characters').max(120),
  adminEmail: emailSchema,
  adminPassword: newPasswordSchema,
};
export const newDistrictBody = z.strictObject(districtFields);
export type NewDistrict = z.infer<typeof newDistrictBody>;

export const checkBody = z.strictObject({ token: setupToken });
export const authenticatorBody = z.strictObject({ token: setupToken, ...districtFields });
export const completeBody = z.strictObject({ token: setupToken, ...districtFields, code: totpCodeSchema });

export const checkAnswer = z.object({
  expiresAt: z.string().describe('When the link stops working'),
  states: z.array(z.object({ code: z.enum(STATE_SETS), name: z.string() })),
});
export const authenticatorAnswer = z.object({
  secret: z.string().describe('The TOTP secret (base32) to type into an authenticator app'),
  otpauthUrl: z.string(),
  qrSvg: z.string(),
});
export const statusAnswer = z.object({ setupRequired: z.boolean().describe('True while the deployment holds no district') });

export const deploymentDistrict = z.object({
  id: z.uuid(), name: z.string(), state: z.string(), timezone: z.string(), ncesId: z.string().nullable(),
  createdAt: z.string(), schools: z.number().int(), users: z.number().int(),
});
export const deploymentDistrictList = z.object({ items: z.array(deploymentDistrict) });
export const createdDistrict = z.object({ districtId: z.uuid(), adminUserId: z.uuid() });
