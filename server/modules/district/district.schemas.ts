import { z } from 'zod';
import { ROLES } from '../../../common/roles.js';
import { anyText, text } from '../../../common/text.js';

/**
 * True for an IANA zone name (America/Chicago, UTC) this runtime knows. Offsets such as "+01:00", which
 * newer runtimes also accept, are refused: a district keeps daylight saving time only through a named zone.
 */
export function isIanaZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const districtSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  ncesId: z.string().nullable(),
  state: z.string(),
  timezone: z.string(),
  lawEnforcementAgency: z.string().nullable(),
  nibrsOri: z.string().nullable().describe('The agency ORI NIBRS files are reported under'),
  mfaRequiredRoles: z.array(z.enum(ROLES)).describe('Roles that must use two-step sign-in'),
  isDemo: z.boolean(),
  counts: z.object({
    schools: z.number().int().describe('Open schools'),
    users: z.number().int().describe('Active user accounts'),
    students: z.number().int().describe('Enrolled (active) students'),
  }),
});

export const updateDistrictBody = z.strictObject({
  name: text(120).min(2),
  timezone: z.string().trim().refine(isIanaZone, 'must be an IANA time zone such as America/Chicago').describe('An IANA time zone such as America/Chicago'),
  lawEnforcementAgency: anyText(200).nullable().transform((v) => v || null),
  nibrsOri: z.string().trim().toUpperCase().regex(/^([A-Z]{2}[A-Z0-9]{7})?$/, 'must be a 9-character ORI: two state letters and seven letters or digits')
    .nullable().transform((v) => v || null).describe('The agency ORI, e.g. TX1234500'),
  mfaRequiredRoles: z.array(z.enum(ROLES)).max(ROLES.length)
    .refine((roles) => new Set(roles).size === roles.length, 'must not name a role twice'),
}).partial();

export type UpdateDistrict = z.infer<typeof updateDistrictBody>;
