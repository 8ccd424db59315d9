import type { IncidentDetail } from '@common/incidents.ts';
import { ApiError, api } from '../../../lib/api.ts';
import { bodyOf, isNewKey, type Built, type Draft } from './draft.ts';

/** An API error whose field names a row of the body, renamed to the row of the form. */
export function inFormTerms(error: unknown, built: Built): unknown {
  if (!(error instanceof ApiError) || !error.field || error.code === 'network') return error;
  const field = built.formField(error.field);
  if (field === error.field) return error;
  return new ApiError(error.status, { code: error.code, message: error.message, field });
}

/** The key of the form row a field names ("offenses.2.weaponForce" → that offense's key), or null. */
function rowKeyOf(draft: Draft, field: string): string | null {
  const m = /^(offenses|persons|actions)\.(\d+)/.exec(field);
  if (!m) return null;
  return draft[m[1] as 'offenses' | 'persons' | 'actions'][Number(m[2])]?.key ?? null;
}

/** The reason of a refusal without the field path the server puts in front ("offenses.0.weaponForce: "). */
export function reasonOf(message: string): string {
  return message.replace(/^([\w-]+\.)*[\w-]+: /, '');
}

/** A save the server took except for parts it refused or the form could not send yet: never "all saved". */
export class PartlySaved extends Error {
  constructor(readonly version: number, readonly count: number) {
    super(`${count} part${count === 1 ? '' : 's'} not saved (marked below); everything else is saved`);
  }
}

/** What one report form keeps between saves. */
export interface SaveState {
  incidentId: string;
  editSession: string;
  /** Server ids of rows first saved in this visit, by form key: later saves name them to keep them. */
  ids: Map<string, string>;
  /** Rows the server refused, by row key, with its reason and the row as it was: changing the row tries it again. */
  refused: Map<string, { reason: string; json: string }>;
  weaponRequired: (code: string) => boolean;
  /** The body last sent, to name the fields of a later refusal in form terms. */
  lastBuilt: { current: Built | null };
  /** Told the rows this save left out (refused or not yet sendable), which the page marks "not saved". */
  onLeft: (left: Built['left']) => void;
}

/**
 * Saves a report draft. The server refuses a whole save when one part breaks a rule (a NIBRS edit, say), so a
 * refused row is left out and the rest sent again: the valid parts reach the server, the refused one stays on
 * screen marked, and the save resolves only when everything is in (else it throws PartlySaved with the version).
 */
export async function saveReport(s: SaveState, value: Draft, version: number): Promise<number> {
  const rows = [...value.offenses, ...value.persons, ...value.actions];
  const rowJson = new Map(rows.map((r) => [r.key, JSON.stringify(r)]));
  for (const [key, r] of s.refused) if (rowJson.get(key) !== r.json) s.refused.delete(key);
  for (let attempt = 0; ; attempt++) {
    const reasons = new Map([...s.refused].map(([k, r]) => [k, r.reason]));
    const built = bodyOf(value, version, s.ids, s.weaponRequired, reasons, s.editSession);
    s.lastBuilt.current = built;
    try {
      const saved = await api.patch<IncidentDetail>(`/incidents/${s.incidentId}`, built.body);
      // New persons get ids on their first save; later saves must name them to keep them.
      const sent = built.body.persons ?? [];
      const keys = value.persons.filter((p) => !built.left.some((l) => l.key === p.key)).map((p) => p.key);
      keys.forEach((key, j) => {
        const back = saved.persons[j];
        if (isNewKey(key) && back && back.kind === sent[j]?.kind && back.role === sent[j]?.role) s.ids.set(key, back.id);
      });
      s.onLeft(built.left);
      if (built.left.length) throw new PartlySaved(saved.version, built.left.length);
      return saved.version;
    } catch (e) {
      const key = e instanceof ApiError && e.status === 400 ? rowKeyOf(value, built.formField(e.field ?? '')) : null;
      if (!key || attempt >= 10) throw e instanceof PartlySaved ? e : inFormTerms(e, built);
      s.refused.set(key, { reason: e instanceof ApiError ? reasonOf(e.message) : 'refused', json: rowJson.get(key) ?? '' });
    }
  }
}
