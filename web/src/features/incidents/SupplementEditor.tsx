import { useRef, useState } from 'react';
import type { IncidentDetail, Supplement } from '@common/incidents.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { draftKey } from '../../lib/draft-store.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { SaveStatus } from './form/SaveStatus.tsx';
import { RestoreDraftBanner } from './RestoreDraftBanner.tsx';
import { useAutosave } from './useAutosave.ts';
import { useDraftRecovery } from './useDraftRecovery.ts';
import { withReason } from './readReason.tsx';

/** The version of a supplement in an answer that is either the supplement or the whole incident. */
function versionIn(answer: Supplement | IncidentDetail, sid: string): number {
  if ('supplements' in answer) return answer.supplements.find((s) => s.id === sid)?.version ?? answer.version;
  return answer.version;
}

/** Writes a supplement narrative with autosave, then submits it for review. */
export function SupplementEditor({
  incidentId,
  supplement,
  onSubmitted,
}: {
  incidentId: string;
  supplement: Supplement;
  onSubmitted: () => void;
}) {
  const path = `/incidents/${incidentId}/supplements/${supplement.id}`;
  const { user } = useSession();
  const [narrative, setNarrative] = useState(supplement.narrative ?? '');
  const recovery = useDraftRecovery<string>({
    key: draftKey('supplement', supplement.id, user?.id),
    legacyKey: `srodesk.supplement-draft.${supplement.id}`,
    server: supplement.narrative ?? '',
  });
  // Autosaves of one visit make one version of the supplement in the history.
  const [editSession] = useState(() => crypto.randomUUID());
  const textRef = useRef<HTMLDivElement>(null);
  const autosave = useAutosave<string>({
    value: narrative,
    version: supplement.version,
    storageKey: recovery.storageKey,
    save: async (value, version) =>
      versionIn(
        await api.patch<Supplement | IncidentDetail>(path, { version, narrative: value, editSession }),
        supplement.id,
      ),
    loadCurrent: async () => {
      const incident = await api.get<IncidentDetail>(withReason(`/incidents/${incidentId}`, incidentId));
      const current = incident.supplements.find((s) => s.id === supplement.id);
      return { value: current?.narrative ?? '', version: current?.version ?? supplement.version };
    },
  });
  const submit = useAction(async () => {
    const version = await autosave.flush();
    if (version === null) throw new Error('The supplement could not be saved; see above.');
    await api.post(`${path}/submit`, { version });
    onSubmitted();
  });
  const conflict = autosave.conflict;
  // The offer's buttons go away with it: the focus moves to the text instead of falling to the page.
  const settle = (restore: boolean) => {
    const offered = restore ? recovery.restore() : (recovery.discard(), null);
    if (offered) setNarrative(offered.value);
    textRef.current?.querySelector('textarea')?.focus();
  };
  return (
    <div className="form" ref={textRef}>
      {recovery.offer && (
        <RestoreDraftBanner
          offer={recovery.offer}
          serverVersion={supplement.version}
          what={`supplement ${supplement.number}`}
          onRestore={() => settle(true)}
          onDiscard={() => settle(false)}
        />
      )}
      <TextAreaField
        label={`Narrative of supplement ${supplement.number}`}
        name="narrative"
        rows={8}
        value={narrative}
        onChange={setNarrative}
        error={fieldError(autosave.error ?? submit.error, 'narrative')}
      />
      {conflict && (
        <div className="banner banner-warning" role="alert" id={`conflict-${supplement.id}`} tabIndex={-1}>
          <div>
            <p className="banner-title">Someone else saved this supplement</p>
            <p className="banner-text">Saved text: {conflict.theirs.slice(0, 500) || '(empty)'}</p>
            <FormActions>
              <Button size="small" variant="primary" onClick={() => void autosave.keepMine()}>
                Keep mine
              </Button>
              <Button size="small" onClick={() => autosave.takeTheirs(setNarrative)}>
                Take theirs
              </Button>
            </FormActions>
          </div>
        </div>
      )}
      <ErrorBanner error={submit.error} />
      <FormActions>
        <Button
          variant="primary"
          busy={submit.busy}
          disabled={autosave.status === 'conflict'}
          onClick={() => void submit.run()}
        >
          Submit supplement {supplement.number}
        </Button>
        <SaveStatus
          autosave={autosave}
          onResolve={() => document.getElementById(`conflict-${supplement.id}`)?.focus()}
          onRetry={() => void autosave.flush()}
        />
      </FormActions>
    </div>
  );
}
