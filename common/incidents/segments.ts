import { z } from 'zod';

// The NIBRS segments of a report (offense details, victim, offender, arrestee, property, exceptional clearance).
// Codes are checked against the NIBRS tables by the one validator (server/modules/incidents/nibrs.edits.ts), so a
// refusal names the field and the NIBRS rule rather than a bare "invalid enum".

const code = (max: number) => z.string().trim().toUpperCase().min(1).max(max);
const day = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });

/** Offense details beyond code, attempted and weapon/force (DE 8, 8A, 9, 12). */
export const offenseNibrsFields = {
  offenderUsing: z.array(code(1)).max(3).default([]).describe('DE 8: A alcohol, C computer, D drugs, N not applicable'),
  bias: z.array(code(2)).max(5).default([]).describe('DE 8A: bias motivation; 88 none'),
  criminalActivity: z.array(code(1)).max(3).default([]).describe('DE 12: type criminal activity / gang information'),
  locationCode: code(2).nullable().optional().describe('DE 9: this offense\'s location when it differs from the incident\'s'),
};

/** A victim's relationship to one offender of the same report (DE 34, 35). */
export const relationshipInput = z.strictObject({
  offender: z.number().int().min(0).describe('Index into persons of the same body (a suspect)'),
  code: code(2).describe('DE 35 relationship code, e.g. AQ acquaintance'),
});

/**
 * NIBRS facts of a person. Students take age, sex, race and ethnicity from the roster (giving them is refused);
 * others have them entered. Victim facts apply to role victim, offender facts to role suspect.
 */
export const personNibrsInput = z.strictObject({
  victimType: code(1).nullable().optional().describe('DE 25: I individual, S society, B business, G government, L officer, ...'),
  age: z.string().trim().toUpperCase().max(5).nullable().optional()
    .describe('DE 26/37/47: years "15", a range "25-30", "00" unknown, NN/NB/BB (infants); not for students'),
  sex: code(1).nullable().optional().describe('M, F, U; not for students'),
  race: code(1).nullable().optional().describe('W, B, I, A, P, U; not for students'),
  ethnicity: code(1).nullable().optional().describe('H, N, U; not for students'),
  resident: code(1).nullable().optional().describe('DE 30: R, N, U'),
  injuries: z.array(code(1)).max(5).default([]).describe('DE 33 (victims of assault, robbery, sex offenses, ...); N none'),
  relationships: z.array(relationshipInput).max(20).default([]),
  offenses: z.array(z.number().int().min(0)).max(10).default([]).describe('DE 24: indexes of the offenses this victim is connected to'),
});

/** Arrestee segment facts of an arrest action (DE 41-52); the arrest date is the action's time. */
export const arrestInput = z.strictObject({
  type: code(1).describe('DE 43: O on-view, S summoned/cited, T taken into custody'),
  offenseCode: code(3).describe('DE 45: the UCR arrest offense code'),
  armedWith: z.array(code(3)).max(2).default(['01']).describe('DE 46: 01 unarmed, 11-17 (firearms 11-15 may end in A: automatic)'),
  multiple: code(1).default('N').describe('DE 44: C count, M multiple, N not applicable'),
  juvenileDisposition: code(1).nullable().optional().describe('DE 52: H handled within department, R referred; arrestees under 18 only'),
});

/** One drug of a seizure (DE 20-22). */
export const drugInput = z.strictObject({
  type: code(1).describe('DE 20 suspected drug type'),
  quantity: z.number().min(0).max(1e9).nullable().describe('DE 21 estimated quantity (null with unit XX)'),
  unit: code(2).describe('DE 22 GM, KG, OZ, LB, ML, LT, FO, GL, DU, NP, XX'),
});

/** One property segment line (DE 14-17, 20-22). */
export const propertyInput = z.strictObject({
  lossType: code(1).describe('DE 14: 1 none, 2 burned, 3 counterfeited, 4 destroyed, 5 recovered, 6 seized, 7 stolen, 8 unknown'),
  description: code(2).describe('DE 15 property description, e.g. 10 drugs/narcotics'),
  value: z.number().int().min(0).max(999_999_999).nullable().default(null).describe('DE 16 value in whole dollars'),
  recoveredOn: day.nullable().default(null).describe('DE 17 date recovered (loss type 5)'),
  text: z.string().trim().max(300).nullable().optional().describe('What it is, in words (not submitted)'),
  drug: drugInput.nullable().optional().describe('For description 10 (drugs/narcotics)'),
});

/** DE 4 and 5: cleared exceptionally and its date. */
export const clearanceInput = z.strictObject({
  code: code(1).describe('A death of offender, B prosecution declined, C other jurisdiction, D victim refused, E juvenile no custody, N not applicable'),
  date: day.nullable().default(null).describe('Required unless N'),
});

/** One failed NIBRS data-quality edit: the rule, the field it concerns, in words. */
export const nibrsIssueSchema = z.object({
  rule: z.string().describe('Rule id of the NIBRS edit table, e.g. weapon_not_allowed'),
  field: z.string().describe('The field of the report, e.g. offenses.0.weaponForce'),
  message: z.string(),
});

export type OffenseNibrs = { offenderUsing: string[]; bias: string[]; criminalActivity: string[]; locationCode?: string | null };
export type PersonNibrsInput = z.infer<typeof personNibrsInput>;
export type ArrestInput = z.infer<typeof arrestInput>;
export type PropertyInput = z.infer<typeof propertyInput>;
export type ClearanceInput = z.infer<typeof clearanceInput>;
export type NibrsIssue = z.infer<typeof nibrsIssueSchema>;
