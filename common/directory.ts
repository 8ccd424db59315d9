import { z } from 'zod';
import { anyText, optionalText, text } from './text.js';

// The contact directory (capability 21): agencies, vendors and community organizations with the schools they
// serve. Support referrals go to its mental-health vendors and community programs; work orders to its vendors.


export const DIRECTORY_KINDS = [
  'law_enforcement', 'fire_ems', 'juvenile_justice', 'government', 'mental_health_vendor', 'community_program',
  'maintenance_vendor', 'security_vendor', 'other',
] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];
export const DIRECTORY_KIND_LABELS: Record<DirectoryKind, string> = {
  law_enforcement: 'Law enforcement agency',
  fire_ems: 'Fire / EMS',
  juvenile_justice: 'Juvenile justice / probation',
  government: 'Government agency',
  mental_health_vendor: 'Mental-health vendor',
  community_program: 'Community program',
  maintenance_vendor: 'Maintenance vendor',
  security_vendor: 'Security systems vendor',
  other: 'Other',
};

/** Kinds a student can be referred to for support (besides a school counselor). */
export const REFERRAL_TARGET_KINDS: readonly DirectoryKind[] = ['mental_health_vendor', 'community_program', 'juvenile_justice'];
/** Kinds that can own a work order. */
export const WORK_ORDER_VENDOR_KINDS: readonly DirectoryKind[] = ['maintenance_vendor', 'security_vendor', 'other'];

const directoryFields = z.strictObject({
  name: text(200),
  kind: z.enum(DIRECTORY_KINDS),
  contactName: optionalText(200),
  phone: optionalText(40),
  email: z.email().max(254).nullable().optional(),
  website: z.url().max(500).nullable().optional(),
  address: optionalText(500),
  services: optionalText(2000).describe('What they do for the schools'),
  notes: optionalText(4000),
  schoolIds: z.array(z.uuid()).max(500).describe('Schools served; empty for the whole district'),
});
/** POST /directory. `schoolIds` empty or left out: serves the whole district. */
export const directoryBody = directoryFields.extend({ schoolIds: directoryFields.shape.schoolIds.default([]) });
export type DirectoryBody = z.infer<typeof directoryBody>;
/** PATCH /directory/:id: `schoolIds` left out keeps the schools served. */
export const directoryUpdateBody = directoryFields.partial().extend({ active: z.boolean().optional() });

export const listDirectoryQuery = z.strictObject({
  kind: z.enum(DIRECTORY_KINDS).optional(),
  schoolId: z.uuid().optional().describe('Those serving this school (district-wide ones included)'),
  q: anyText(100).optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
});

export const directoryEntrySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(DIRECTORY_KINDS),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  address: z.string().nullable(),
  services: z.string().nullable(),
  notes: z.string().nullable(),
  schools: z.array(z.object({ id: z.uuid(), name: z.string() })).describe('Empty: the whole district'),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;
