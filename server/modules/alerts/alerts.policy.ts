import {
  CANCEL_WINDOW_DEFAULT_SECONDS, DEFAULT_STRATEGY, directiveOf, HAZARD_LABELS, SRP, STRATEGY_LABELS,
  type ShelterHazard, type ShelterStrategy, type SrpAction,
} from '../../../common/alerts.js';
import { canAtSchool, type Actor } from '../../auth/access.js';
import { AppError } from '../../lib/errors.js';
import type { AlertRow } from './alerts.repository.js';
import type { Alert, EscalateBody } from './alerts.schemas.js';

/** The action-specific fields of an alert, checked and completed. */
export interface ActionFields {
  action: SrpAction;
  location: string | null;
  hazard: ShelterHazard | null;
  strategy: ShelterStrategy | null;
  details: string | null;
}

/**
 * Evacuate needs a location; Shelter needs a hazard (the strategy defaults to the hazard's). A field that
 * does not belong to the action is refused rather than silently dropped: it would mislead the reader.
 */
export function requireActionFields(input: EscalateBody): ActionFields {
  const { action } = input;
  if (action === 'evacuate' && !input.location) {
    throw new AppError('validation_failed', 'location: Evacuate needs the location to go to', { field: 'location' });
  }
  if (action !== 'evacuate' && input.location) {
    throw new AppError('validation_failed', 'location: only Evacuate takes a location', { field: 'location' });
  }
  if (action === 'shelter' && !input.hazard) {
    throw new AppError('validation_failed', 'hazard: Shelter needs the hazard', { field: 'hazard' });
  }
  if (action !== 'shelter' && (input.hazard || input.strategy)) {
    const field = input.hazard ? 'hazard' : 'strategy';
    throw new AppError('validation_failed', `${field}: only Shelter takes a hazard and a strategy`, { field });
  }
  return {
    action,
    location: input.location ?? null,
    hazard: input.hazard ?? null,
    strategy: action === 'shelter' ? (input.strategy ?? DEFAULT_STRATEGY[input.hazard!]) : null,
    details: input.details ?? null,
  };
}

/** The cancel window of a district in milliseconds. */
export function cancelWindowMs(seconds: number | undefined): number {
  return (seconds ?? CANCEL_WINDOW_DEFAULT_SECONDS) * 1000;
}

/** True when the actor may manage the alert at every one of its schools (All Clear, cancel for others). */
export function managesAll(actor: Actor, schoolIds: string[]): boolean {
  return schoolIds.every((id) => canAtSchool(actor, 'alert.manage', id));
}

/** The alert as the API shows it. */
export function toAlert(row: AlertRow): Alert {
  const hazard = row.hazard as ShelterHazard | null;
  const strategy = row.strategy as ShelterStrategy | null;
  return {
    id: row.id, action: row.action, term: SRP[row.action].term,
    directive: directiveOf({ action: row.action, location: row.location, hazard, strategy }),
    location: row.location, hazard, strategy, details: row.details, drill: row.drill, status: row.status,
    schools: row.schools, raisedBy: { id: row.raisedById, name: row.raisedByName },
    raisedAt: row.raisedAt.toISOString(), announceAt: row.announceAt.toISOString(),
    announcedAt: row.announcedAt?.toISOString() ?? null, cancelledAt: row.cancelledAt?.toISOString() ?? null,
    clearedAt: row.clearedAt?.toISOString() ?? null,
    clearedBy: row.clearedById ? { id: row.clearedById, name: row.clearedByName ?? '' } : null,
  };
}

/** "DRILL LOCKDOWN" or "LOCKDOWN": the heading used in mail, PDF and timeline lines. */
export function headingOf(alert: Pick<Alert, 'drill' | 'term'>): string {
  return alert.drill ? `DRILL ${alert.term}` : alert.term;
}

/** The e-mail sent as the second delivery path. */
export function alertMail(alert: Alert, publicUrl: string): { subject: string; text: string } {
  const where = alert.schools.map((s) => s.name).join(', ');
  const drill = alert.drill ? 'THIS IS A DRILL.\n\n' : '';
  const shelter = alert.hazard ? `\nHazard: ${HAZARD_LABELS[alert.hazard]}. Strategy: ${STRATEGY_LABELS[alert.strategy ?? 'other']}.` : '';
  return {
    subject: `${headingOf(alert)} at ${where}: ${alert.directive}`,
    text: `${drill}${alert.term}: ${alert.directive}${shelter}\n${alert.details ? `\n${alert.details}\n` : ''}\n`
      + `Schools: ${where}\nRaised by ${alert.raisedBy.name} at ${alert.raisedAt}\n\n`
      + `Staff: ${SRP[alert.action].staff}\nCheck in at ${publicUrl}/alerts/${alert.id}\n`,
  };
}
