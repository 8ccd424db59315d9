import { useState } from 'react';
import { THREAT_CLASSIFICATIONS, type ThreatClassification } from '@common/tip-constants.ts';
import type { ThreatCase } from '@common/tips.ts';
import { Button } from '../../components/Button.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { CLASSIFICATION_HINTS, CLASSIFICATION_LABELS } from './labels.ts';

interface Props {
  threatCase: ThreatCase;
  canManage: boolean;
  onChange: (threatCase: ThreatCase) => void;
}

/** Step 1 of CSTAG: the threat evaluated from the student's own account, witnesses and context. */
function Evaluation({ threatCase, canManage, onChange }: Props) {
  const [studentAccount, setStudentAccount] = useState('');
  const [witnessAccounts, setWitnessAccounts] = useState('');
  const [context, setContext] = useState('');
  const save = useAction(async () => {
    onChange(
      await api.post<ThreatCase>(`/threat-cases/${threatCase.id}/evaluation`, {
        studentAccount,
        witnessAccounts: witnessAccounts || undefined,
        context: context || undefined,
      }),
    );
  });
  const e = threatCase.evaluation;
  if (e)
    return (
      <div className="stack">
        <h3>Step 1 · Evaluation</h3>
        <p className="muted small">
          By {e.byName}, {formatDateTime(e.at)}
        </p>
        <dl className="details">
          <div>
            <dt>Student’s account</dt>
            <dd className="narrative-text">{e.studentAccount}</dd>
          </div>
          {e.witnessAccounts && (
            <div>
              <dt>Witnesses</dt>
              <dd className="narrative-text">{e.witnessAccounts}</dd>
            </div>
          )}
          {e.context && (
            <div>
              <dt>Context and meaning</dt>
              <dd className="narrative-text">{e.context}</dd>
            </div>
          )}
        </dl>
      </div>
    );
  if (!canManage || threatCase.status !== 'open')
    return <p className="muted">Step 1 · The threat has not been evaluated yet.</p>;
  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="Evaluate the threat">
      <h3>Step 1 · Evaluate the threat</h3>
      <TextAreaField
        label="Student’s account"
        name="studentAccount"
        required
        rows={3}
        hint="What the student says they said or did, and what they meant."
        value={studentAccount}
        onChange={setStudentAccount}
        error={fieldError(save.error, 'studentAccount')}
      />
      <TextAreaField
        label="Witness accounts"
        name="witnessAccounts"
        rows={3}
        value={witnessAccounts}
        onChange={setWitnessAccounts}
        error={fieldError(save.error, 'witnessAccounts')}
      />
      <TextAreaField
        label="Context and meaning"
        name="context"
        rows={3}
        value={context}
        onChange={setContext}
        error={fieldError(save.error, 'context')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Record the evaluation
        </Button>
      </FormActions>
    </Form>
  );
}

/** Steps 2-3: resolve as transient, or classify a substantive threat as serious or very serious. */
function Classification({ threatCase, canManage, onChange }: Props) {
  const [classification, setClassification] = useState<ThreatClassification | ''>('');
  const [rationale, setRationale] = useState('');
  const [resolution, setResolution] = useState('');
  const save = useAction(async () => {
    onChange(
      await api.post<ThreatCase>(`/threat-cases/${threatCase.id}/classification`, {
        classification,
        rationale,
        resolution: classification === 'transient' ? resolution : undefined,
      }),
    );
  });
  if (threatCase.classification)
    return (
      <div className="stack">
        <h3>Steps 2–3 · Classification: {CLASSIFICATION_LABELS[threatCase.classification]}</h3>
        <p className="muted small">
          {threatCase.classifiedAt ? formatDateTime(threatCase.classifiedAt) : ''}
        </p>
        {threatCase.classificationRationale && (
          <p className="narrative-text">{threatCase.classificationRationale}</p>
        )}
        {threatCase.resolution && (
          <p>
            <strong>Resolution:</strong> {threatCase.resolution}
          </p>
        )}
      </div>
    );
  if (!canManage || threatCase.status !== 'evaluated')
    return <p className="muted">Steps 2–3 · Classified once the threat is evaluated.</p>;
  const choiceError = fieldError(save.error, 'classification');
  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="Classify the threat">
      <h3>Steps 2–3 · Resolve or classify</h3>
      <fieldset className="radio-row classification-choices">
        <legend>Classification</legend>
        {THREAT_CLASSIFICATIONS.map((c) => (
          <label key={c}>
            <input
              type="radio"
              name="classification"
              value={c}
              required
              checked={classification === c}
              onChange={() => setClassification(c)}
            />
            <span>
              <strong>{CLASSIFICATION_LABELS[c]}</strong>
              <span className="field-hint">{CLASSIFICATION_HINTS[c]}</span>
            </span>
          </label>
        ))}
        {choiceError && <p className="field-error">{choiceError}</p>}
      </fieldset>
      <TextAreaField
        label="Rationale"
        name="rationale"
        required
        rows={3}
        value={rationale}
        onChange={setRationale}
        error={fieldError(save.error, 'rationale')}
      />
      {classification === 'transient' && (
        <TextAreaField
          label="How it was resolved"
          name="resolution"
          required
          rows={2}
          hint="Apology, explanation, clarification; the case is then resolved."
          value={resolution}
          onChange={setResolution}
          error={fieldError(save.error, 'resolution')}
        />
      )}
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          {classification === 'transient' ? 'Resolve as transient' : 'Classify'}
        </Button>
      </FormActions>
    </Form>
  );
}

/** The CSTAG decision steps of a case. */
export function CstagSteps(props: Props) {
  return (
    <Section title="Decision steps (CSTAG)" id="case-steps">
      <div className="stack">
        <Evaluation {...props} />
        <Classification {...props} />
      </div>
    </Section>
  );
}
