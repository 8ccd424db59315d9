import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { IncidentDetail, Reference } from '@common/incidents.ts';
import { Button, ButtonLink } from '../../../components/Button.tsx';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/Field.tsx';
import { Section } from '../../../components/Page.tsx';
import { ApiError, api } from '../../../lib/api.ts';
import { useAction } from '../../../lib/hooks.ts';
import { useSchoolOptions } from '../../../lib/options.ts';
import { nowLocalInput } from '../labels.ts';
import { readStoredDraft, useAutosave } from '../useAutosave.ts';
import { useAreaOptions } from '../useAreaOptions.ts';
import { ActionsFieldset } from './ActionsFieldset.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { bodyOf, draftOf, firstIncomplete, isNewKey, type Built, type Draft } from './draft.ts';
import { OffensesFieldset } from './OffensesFieldset.tsx';
import { PersonsFieldset } from './PersonsFieldset.tsx';
import { SaveStatus } from './SaveStatus.tsx';

interface Props {
  incident: IncidentDetail;
  reference: Reference | undefined;
}

/** An API error whose field names a row of the body, renamed to the row of the form. */
function inFormTerms(error: unknown, built: Built): unknown {
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

/** A save the server took except for parts it refused or the form could not send yet: never "all saved". */
export class PartlySaved extends Error {
  constructor(readonly version: number, readonly count: number) {
    super(`${count} part${count === 1 ? '' : 's'} not saved (marked below); everything else is saved`);
  }
}

/** Restores a copy left on this device when it is newer typing on the same version. */
function initialDraft(incident: IncidentDetail, storageKey: string): { draft: Draft; restored: boolean } {
  const server = draftOf(incident);
  const stored = readStoredDraft<Draft>(storageKey);
  if (
    stored &&
    stored.version === incident.version &&
    JSON.stringify(stored.value) !== JSON.stringify(server)
  )
    return { draft: stored.value, restored: true };
  return { draft: server, restored: false };
}

/** The report form of a draft or returned incident: autosaves while typing, then submits for review. */
export function ReportForm({ incident, reference }: Props) {
  const navigate = useNavigate();
  const storageKey = `srodesk.incident-draft.${incident.id}`;
  const [initial] = useState(() => initialDraft(incident, storageKey));
  const [draft, setDraft] = useState<Draft>(initial.draft);
  const [conflictOpen, setConflictOpen] = useState(true);
  const ids = useRef(new Map<string, string>());
  const lastBuilt = useRef<Built | null>(null);
  // Rows the server refused, by row key, with its reason and the row as it was: changing the row tries it again.
  const refused = useRef(new Map<string, { reason: string; json: string }>());
  const [left, setLeft] = useState<Built['left']>([]);
  const [editSession] = useState(() => crypto.randomUUID());
  const schools = useSchoolOptions();
  const areas = useAreaOptions(draft.schoolId);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const weaponRequired = (code: string) =>
    Boolean(reference?.offenses.find((o) => o.code === code)?.weaponRequired);

  const autosave = useAutosave<Draft>({
    value: draft,
    version: incident.version,
    storageKey,
    save: async (value, version) => {
      const rowJson = new Map([...value.offenses, ...value.persons, ...value.actions].map((r) => [r.key, JSON.stringify(r)]));
      for (const [key, r] of refused.current) if (rowJson.get(key) !== r.json) refused.current.delete(key);
      // A part the server refuses is left out and the rest saved again; the refused part stays on screen, marked.
      for (let attempt = 0; ; attempt++) {
        const reasons = new Map([...refused.current].map(([k, r]) => [k, r.reason]));
        const built = bodyOf(value, version, ids.current, weaponRequired, reasons, editSession);
        lastBuilt.current = built;
        try {
          const saved = await api.patch<IncidentDetail>(`/incidents/${incident.id}`, built.body);
          // New persons get ids on their first save; later saves must name them to keep them.
          const sent = built.body.persons ?? [];
          const keys = value.persons.filter((p) => !built.left.some((l) => l.key === p.key)).map((p) => p.key);
          keys.forEach((key, j) => {
            const back = saved.persons[j];
            if (isNewKey(key) && back && back.kind === sent[j]?.kind && back.role === sent[j]?.role) ids.current.set(key, back.id);
          });
          setLeft(built.left);
          if (built.left.length) throw new PartlySaved(saved.version, built.left.length);
          return saved.version;
        } catch (e) {
          const key = e instanceof ApiError && e.status === 400 ? rowKeyOf(value, built.formField(e.field ?? '')) : null;
          if (!key || attempt >= 10) throw e instanceof PartlySaved ? e : inFormTerms(e, built);
          refused.current.set(key, { reason: e instanceof ApiError ? e.message.replace(/^([\w-]+\.)*[\w-]+: /, '') : 'refused', json: rowJson.get(key) ?? '' });
        }
      }
    },
    loadCurrent: async () => {
      const current = await api.get<IncidentDetail>(`/incidents/${incident.id}`);
      return { value: draftOf(current), version: current.version };
    },
  });

  const submit = useAction(async () => {
    const missing = firstIncomplete(draft, weaponRequired);
    if (missing) throw new ApiError(400, { code: 'validation_failed', ...missing });
    const version = await autosave.flush();
    if (version === null)
      throw new Error('The report could not be saved. Fix the marked fields, then submit again.');
    const built = lastBuilt.current;
    await api.post(`/incidents/${incident.id}/submit`, { version }).catch((e: unknown) => {
      throw built ? inFormTerms(e, built) : e;
    });
    navigate(`/incidents/${incident.id}`, {
      state: { message: `Report ${incident.number} was submitted for review.` },
    });
  });

  const formRef = useRef<HTMLFormElement>(null);
  // A refused submission moves the focus to the field it names, so keyboard and screen-reader users land on it.
  useEffect(() => {
    const field = submit.error instanceof ApiError ? submit.error.field : undefined;
    const target = field ? formRef.current?.elements.namedItem(field) : null;
    if (target instanceof HTMLElement) target.focus();
  }, [submit.error]);
  const currentError =
    submit.error instanceof ApiError && submit.error.field ? submit.error : (autosave.error ?? submit.error);
  const errorOf = (field: string): string | undefined => {
    if (!(currentError instanceof ApiError) || currentError.field !== field) return undefined;
    const prefix = /^([\w-]+\.)*[\w-]+: /.exec(currentError.message)?.[0];
    return prefix ? currentError.message.slice(prefix.length) : currentError.message;
  };
  const lastReturn = [...incident.reviews]
    .reverse()
    .find((r) => r.event === 'returned' && r.supplementId === null);
  const locationOptions = (reference?.locations ?? []).map((l) => ({
    value: l.code,
    label: `${l.code} ${l.name}`,
  }));

  return (
    <form
      ref={formRef}
      className="form"
      aria-label={`Report ${incident.number}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run();
      }}
    >
      {incident.status === 'returned' && lastReturn && (
        <div className="banner banner-warning" role="note">
          <div>
            <p className="banner-title">Returned by {lastReturn.byName}</p>
            <p className="banner-text">{lastReturn.comment}</p>
          </div>
        </div>
      )}
      {initial.restored && (
        <div className="banner banner-info" role="status">
          <p className="banner-text">Unsaved changes from your last visit on this device were restored.</p>
        </div>
      )}
      <Section title="What and where" id="basics">
        <div className="form-grid">
          <SelectField
            label="School"
            name="schoolId"
            value={draft.schoolId}
            onChange={(schoolId) => set({ schoolId, areaId: '' })}
            options={
              schools.some((s) => s.value === draft.schoolId)
                ? schools
                : [...schools, { value: draft.schoolId, label: incident.schoolName }]
            }
            error={errorOf('schoolId')}
          />
          <TextField
            label="When it happened"
            name="occurredAt"
            type="datetime-local"
            required
            max={nowLocalInput()}
            value={draft.occurredAt}
            onChange={(occurredAt) => set({ occurredAt })}
            error={errorOf('occurredAt')}
          />
        </div>
        <CheckboxField
          label="On campus"
          checked={draft.onCampus}
          onChange={(onCampus) =>
            set({
              onCampus,
              locationCode: onCampus ? '53' : draft.locationCode === '53' ? '' : draft.locationCode,
            })
          }
        />
        <div className="form-grid">
          {draft.onCampus && (
            <SelectField
              label="Campus area"
              name="areaId"
              value={draft.areaId}
              onChange={(areaId) => set({ areaId })}
              options={areas.options}
              placeholder={areas.loading ? 'Loading areas…' : 'Not specified'}
              error={errorOf('areaId')}
            />
          )}
          <SelectField
            label="NIBRS location"
            name="locationCode"
            value={draft.locationCode}
            onChange={(locationCode) => set({ locationCode })}
            options={locationOptions}
            placeholder="Choose…"
            hint={draft.onCampus ? '53 is a K-12 school (52 is a college).' : undefined}
            error={errorOf('locationCode')}
          />
          <TextField
            label="Location detail"
            name="locationText"
            value={draft.locationText}
            onChange={(locationText) => set({ locationText })}
            error={errorOf('locationText')}
          />
        </div>
        <TextField
          label="Summary"
          name="summary"
          maxLength={300}
          hint="One line, no investigative detail: lists and referrals show it."
          value={draft.summary}
          onChange={(summary) => set({ summary })}
          error={errorOf('summary')}
        />
      </Section>
      {left.length > 0 && autosave.status !== 'saving' && (
        <div className="banner banner-warning" role="alert" aria-label="Parts not saved">
          <ul className="plain">
            {left.map((l) => (
              <li key={l.key}>
                <strong>{l.label}</strong>: not saved — {l.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <OffensesFieldset
        offenses={draft.offenses}
        onChange={(offenses) => set({ offenses })}
        reference={reference}
        errorOf={errorOf}
      />
      <PersonsFieldset
        schoolId={draft.schoolId}
        persons={draft.persons}
        actions={draft.actions}
        onChange={(persons, actions) => set({ persons, actions })}
        errorOf={errorOf}
      />
      <ActionsFieldset
        persons={draft.persons}
        actions={draft.actions}
        onChange={(actions) => set({ actions })}
        errorOf={errorOf}
      />
      <TextAreaField
        label="Narrative"
        name="narrative"
        rows={14}
        hint="Saved automatically as you type."
        value={draft.narrative}
        onChange={(narrative) => set({ narrative })}
        error={errorOf('narrative')}
      />
      <div className="sticky-actions">
        <ErrorBanner error={submit.error} />
        <div className="form-actions">
          <Button
            type="submit"
            variant="primary"
            busy={submit.busy}
            disabled={autosave.status === 'conflict'}
          >
            Submit for review
          </Button>
          <ButtonLink to={`/incidents/${incident.id}`}>View report</ButtonLink>
          <SaveStatus
            autosave={autosave}
            onResolve={() => setConflictOpen(true)}
            onRetry={() => void autosave.flush()}
          />
        </div>
      </div>
      <ConflictDialog
        open={autosave.conflict !== null && conflictOpen}
        mine={draft}
        theirs={autosave.conflict?.theirs ?? null}
        busy={autosave.status === 'saving'}
        onClose={() => setConflictOpen(false)}
        onKeepMine={() => void autosave.keepMine()}
        onTakeTheirs={() => autosave.takeTheirs((theirs) => setDraft(theirs))}
      />
    </form>
  );
}
