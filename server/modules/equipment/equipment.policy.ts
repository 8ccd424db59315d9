import {
  EQUIPMENT_CONDITIONS, EXPIRY_FIELD_LABELS, EXPIRY_FIELDS, INSPECTION_CHECKLISTS, INSPECTION_INTERVAL_DAYS, PART_CHECKS, REQUIRED_PARTS,
  type EquipmentCondition, type EquipmentType, type ExpiryField, type ExpiryState, type InspectionBody, type InspectionState,
} from '../../../common/equipment.js';
import { AppError } from '../../lib/errors.js';
import { addDays } from '../calendars/calendars.days.js';

// Pure rules of safety equipment: schedules, states, date checks and checklist answers.

/** Days ahead in which an inspection counts as due and an expiry as near. */
export const DUE_SOON_DAYS = 30;
export const EXPIRY_WARN_DAYS = 60;

/** The next inspection of an item of `type` last inspected (or added, when never) on `from`. */
export function nextInspectionOn(type: EquipmentType, from: string): string {
  return addDays(from, INSPECTION_INTERVAL_DAYS[type]);
}

/** overdue: the day has passed; due: within 30 days. */
export function inspectionState(next: string, today: string): InspectionState {
  if (next < today) return 'overdue';
  return next <= addDays(today, DUE_SOON_DAYS) ? 'due' : 'ok';
}

type Expiries = Partial<Record<ExpiryField, string | null>>;

/** The earliest part expiry of an item, or null. */
export function nextExpiry(item: Expiries): { field: ExpiryField; on: string } | null {
  let best: { field: ExpiryField; on: string } | null = null;
  for (const field of EXPIRY_FIELDS) {
    const on = item[field];
    if (on && (!best || on < best.on)) best = { field, on };
  }
  return best;
}

/** How near the earliest expiry is. */
export function expiryState(on: string | null | undefined, today: string): ExpiryState {
  if (!on) return 'ok';
  if (on < today) return 'expired';
  if (on <= addDays(today, DUE_SOON_DAYS)) return 'within_30';
  return on <= addDays(today, EXPIRY_WARN_DAYS) ? 'within_60' : 'ok';
}

/** The first problem with the dates of an item as [field, message], or null. */
export function dateProblem(item: Expiries & { purchasedOn?: string | null }, today: string): [string, string] | null {
  if (item.purchasedOn && item.purchasedOn > today) return ['purchasedOn', 'is in the future'];
  for (const field of EXPIRY_FIELDS) {
    const on = item[field];
    if (on && item.purchasedOn && on < item.purchasedOn) return [field, 'is before the purchase date'];
  }
  return null;
}

/** Throws 400 naming the field when an expiry is before the purchase date or the purchase is in the future. */
export function requireDates(item: Expiries & { purchasedOn?: string | null }, today: string): void {
  const problem = dateProblem(item, today);
  if (problem) throw new AppError('validation_failed', `${problem[0]}: ${problem[1]}`, { field: problem[0] });
}

/** A part that keeps an item from passing: expired before `on`, or required and not on record. */
export interface PartProblem { field: ExpiryField; text: string }

/** The parts of an item that are expired on `on` (an expiry on that very day is still in date) or missing. */
export function partProblems(type: EquipmentType, item: Expiries, on: string): PartProblem[] {
  const label = (f: ExpiryField) => (f === 'expiresOn' ? 'Contents' : EXPIRY_FIELD_LABELS[f]);
  const problems: PartProblem[] = [];
  for (const field of EXPIRY_FIELDS) {
    const expires = item[field];
    if (!expires && REQUIRED_PARTS[type].includes(field)) problems.push({ field, text: `${label(field)}: missing (no expiry on record)` });
    else if (expires && expires < on) problems.push({ field, text: `${label(field)}: expired on ${expires}` });
  }
  return problems;
}

/**
 * Refuses (400 naming the part) an inspection that would pass, or that answers a part's check "passed", while
 * that part is expired on the inspection day or missing.
 */
function requirePartsInDate(type: EquipmentType, item: Expiries, on: string, results: { key: string; passed: boolean }[], passed: boolean): void {
  for (const p of partProblems(type, item, on)) {
    const key = PART_CHECKS[type]?.[p.field];
    const index = key ? results.findIndex((r) => r.key === key) : -1;
    if (passed || (index >= 0 && results[index]!.passed)) {
      throw new AppError('validation_failed', `${p.text}: an inspection cannot pass while a part is expired or missing`, {
        field: index >= 0 ? `results.${index}.passed` : p.field,
      });
    }
  }
}

const RANK: Record<EquipmentCondition, number> = Object.fromEntries(EQUIPMENT_CONDITIONS.map((c, i) => [c, i])) as Record<EquipmentCondition, number>;

/**
 * The condition an item shows: the worse of the recorded one and what its parts and last inspection say (a part
 * expired or missing: out of service; the last inspection failed: poor), with the reasons.
 */
export function derivedCondition(
  item: Expiries & { type: EquipmentType; condition: EquipmentCondition; lastInspectionPassed: boolean | null }, today: string,
): { condition: EquipmentCondition; reasons: string[] } {
  let condition = item.condition;
  const reasons: string[] = [];
  const worsen = (to: EquipmentCondition, why: string) => {
    reasons.push(why);
    if (RANK[to] > RANK[condition]) condition = to;
  };
  for (const p of partProblems(item.type, item, today)) worsen('out_of_service', p.text);
  if (item.lastInspectionPassed === false) worsen('poor', 'Last inspection failed');
  return { condition, reasons };
}

/**
 * Checks the answers of an inspection against the checklist of the item's type: every key once, none unknown,
 * and no pass while a part is expired or missing. Answers the answers in checklist order and whether all passed.
 */
export function checkResults(type: EquipmentType, input: InspectionBody, today: string, parts: Expiries = {}) {
  if (input.inspectedOn > today) throw new AppError('validation_failed', 'inspectedOn: is in the future', { field: 'inspectedOn' });
  const checklist = INSPECTION_CHECKLISTS[type];
  const seen = new Set<string>();
  input.results.forEach((r, i) => {
    if (!checklist.some((c) => c.key === r.key)) {
      throw new AppError('validation_failed', `results.${i}.key: not on the ${type} checklist`, { field: `results.${i}.key` });
    }
    if (seen.has(r.key)) throw new AppError('validation_failed', `results.${i}.key: answered twice`, { field: `results.${i}.key` });
    seen.add(r.key);
  });
  const missing = checklist.find((c) => !seen.has(c.key));
  if (missing) throw new AppError('validation_failed', `results: "${missing.label}" is not answered`, { field: 'results' });
  const results = checklist.map((c) => {
    const answer = input.results.find((r) => r.key === c.key)!;
    return { key: c.key, passed: answer.passed, note: answer.note ?? null };
  });
  const passed = results.every((r) => r.passed);
  requirePartsInDate(type, parts, input.inspectedOn, results, passed);
  return { results, passed };
}

/** The label of a checklist key of a type (the key itself when the checklist changed since). */
export function checklistLabel(type: EquipmentType, key: string): string {
  return INSPECTION_CHECKLISTS[type].find((c) => c.key === key)?.label ?? key;
}

/** The e-mail telling an owner what stands out on their equipment. */
export function noticeMail(schoolName: string, lines: string[], link: string) {
  return {
    subject: `Safety equipment needs attention at ${schoolName} (${lines.length})`,
    body: [`Safety equipment at ${schoolName} that you look after:`, '', ...lines.map((l) => `- ${l}`), '', `Open the inventory: ${link}`].join('\n'),
  };
}
