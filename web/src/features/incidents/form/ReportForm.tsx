import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { IncidentDetail, Reference } from '@common/incidents.ts';
import { Button, ButtonLink } from '../../../components/Button.tsx';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/Field.tsx';
import { Section } from '../../../components/Page.tsx';
import { ApiError, api } from '../../../lib/api.ts';
import { draftKey } from '../../../lib/draft-store.ts';
import { useAction } from '../../../lib/hooks.ts';
import { useSchoolOptions } from '../../../lib/options.ts';
import { useSession } from '../../../lib/session.tsx';
import { nowLocalInput } from '../labels.ts';
import { RestoreDraftBanner } from '../RestoreDraftBanner.tsx';
import { useAutosave } from '../useAutosave.ts';
import { contentOf, useDraftRecovery } from '../useDraftRecovery.ts';
import { useAreaOptions } from '../useAreaOptions.ts';
import { ActionsFieldset } from './ActionsFieldset.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { draftOf, firstIncomplete, type Built, type Draft } from './draft.ts';
import { OffensesFieldset } from './OffensesFieldset.tsx';
import { PersonsFieldset } from './PersonsFieldset.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { inFormTerms, reasonOf, saveReport, type SaveState } from './saveReport.ts';

interface Props {
  incident: IncidentDetail;
  reference: Reference | undefined;
}

// Row keys of rows saved in an earlier visit are new-… keys on this device but server ids on the server, and the
// student label is the picker's wording: neither is typing, so a copy differing only in them is not offered.
const NOT_TYPED = ['key', 'studentLabel'];

/** The report form of a draft or returned incident: autosaves while typing, then submits for review. */
export function ReportForm({ incident, reference }: Props) {
  const navigate = useNavigate();
  const { user } = useSession();
  const [server] = useState(() => draftOf(incident));
  const [draft, setDraft] = useState<Draft>(server);
  const recovery = useDraftRecovery<Draft>({
    key: draftKey('incident', incident.id, user?.id),
    legacyKey: `srodesk.incident-draft.${incident.id}`,
    server,
    same: (a, b) => contentOf(a, NOT_TYPED) === contentOf(b, NOT_TYPED),
  });
  const [conflictOpen, setConflictOpen] = useState(true);
  const [left, setLeft] = useState<Built['left']>([]);
  const schools = useSchoolOptions();
  const areas = useAreaOptions(draft.schoolId);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const weaponRequired = (code: string) =>
    Boolean(reference?.offenses.find((o) => o.code === code)?.weaponRequired);
  // The reference data loads after the form: saves read the latest one.
  const referenceRef = useRef(reference);
  useEffect(() => {
    referenceRef.current = reference;
  });
  const [saveState] = useState<SaveState>(() => ({
    incidentId: incident.id,
    editSession: crypto.randomUUID(),
    ids: new Map(),
    refused: new Map(),
    weaponRequired: (code) => Boolean(referenceRef.current?.offenses.find((o) => o.code === code)?.weaponRequired),
    lastBuilt: { current: null },
    onLeft: setLeft,
  }));

  const autosave = useAutosave<Draft>({
    value: draft,
    version: incident.version,
    storageKey: recovery.storageKey,
    storageExtra: () => Object.fromEntries(saveState.ids),
    save: (value, version) => saveReport(saveState, value, version),
    loadCurrent: async () => {
      const current = await api.get<IncidentDetail>(`/incidents/${incident.id}`);
      return { value: draftOf(current), version: current.version };
    },
  });
  const notSaved = new Map(left.map((l) => [l.key, l.reason]));

  const submit = useAction(async () => {
    const missing = firstIncomplete(draft, weaponRequired);
    if (missing) throw new ApiError(400, { code: 'validation_failed', ...missing });
    const version = await autosave.flush();
    if (version === null)
      throw new Error('The report could not be saved. Fix the marked fields, then submit again.');
    const built = saveState.lastBuilt.current;
    // Submitting now would send the server's copy without the parts on screen it refused.
    if (built?.left.length)
      throw new Error(`${built.left[0]!.label} is not saved (${built.left[0]!.reason}). Correct it, then submit again.`);
    await api.post(`/incidents/${incident.id}/submit`, { version }).catch((e: unknown) => {
      throw built ? inFormTerms(e, built) : e;
    });
    navigate(`/incidents/${incident.id}`, {
      state: { message: `Report ${incident.number} was submitted for review.` },
    });
  });

  const formRef = useRef<HTMLFormElement>(null);
  // The offer's buttons go away with it: the focus moves to the form instead of falling to the page.
  const settle = (restore: boolean) => {
    const offered = restore ? recovery.restore() : (recovery.discard(), null);
    if (offered) {
      const extra = offered.extra && typeof offered.extra === 'object' ? (offered.extra as Record<string, unknown>) : {};
      for (const [key, id] of Object.entries(extra)) if (typeof id === 'string') saveState.ids.set(key, id);
      setDraft(offered.value);
    }
    formRef.current?.focus();
  };
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
    return reasonOf(currentError.message);
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
      tabIndex={-1}
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
      {recovery.offer && (
        <RestoreDraftBanner
          offer={recovery.offer}
          serverVersion={incident.version}
          what="the report"
          onRestore={() => settle(true)}
          onDiscard={() => settle(false)}
        />
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
        notSaved={notSaved}
      />
      <PersonsFieldset
        schoolId={draft.schoolId}
        persons={draft.persons}
        actions={draft.actions}
        onChange={(persons, actions) => set({ persons, actions })}
        errorOf={errorOf}
        notSaved={notSaved}
      />
      <ActionsFieldset
        persons={draft.persons}
        actions={draft.actions}
        onChange={(actions) => set({ actions })}
        errorOf={errorOf}
        notSaved={notSaved}
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
