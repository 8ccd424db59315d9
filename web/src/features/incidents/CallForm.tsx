import { useState } from 'react';
import {
  CALL_PRIORITIES,
  LABELS,
  type Call,
  type CallPriority,
  type CallSource,
  type CreateCall,
} from '@common/incidents.ts';
import { Button } from '../../components/Button.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useSchoolOptions } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { optionsOf } from './labels.ts';
import { useAreaOptions } from './useAreaOptions.ts';

/** The intake form of a call for service; resolves with the call taken. */
export function CallForm({ onDone, onCancel }: { onDone: (call: Call) => void; onCancel: () => void }) {
  const { can, selectedSchoolId, schools } = useSession();
  const schoolOptions = useSchoolOptions();
  const [schoolId, setSchoolId] = useState(selectedSchoolId ?? (schools.length === 1 ? schools[0]!.id : ''));
  const [source, setSource] = useState<CallSource>(can('call.dispatch') ? 'self_initiated' : 'staff');
  const [priority, setPriority] = useState<CallPriority>('routine');
  const [onCampus, setOnCampus] = useState(true);
  const [areaId, setAreaId] = useState('');
  const [locationText, setLocationText] = useState('');
  const [summary, setSummary] = useState('');
  const [callerName, setCallerName] = useState('');
  const [callerPhone, setCallerPhone] = useState('');
  const areas = useAreaOptions(schoolId);

  const submit = useAction(async () => {
    const body: CreateCall = {
      source,
      schoolId,
      onCampus,
      areaId: onCampus && areaId ? areaId : null,
      locationText: locationText.trim() || null,
      priority,
      summary,
      callerName: callerName.trim() || null,
      callerPhone: callerPhone.trim() || null,
    };
    onDone(await api.post<Call>('/calls', body));
  });
  const err = (f: string) => fieldError(submit.error, f);

  return (
    <Form onSubmit={() => void submit.run()} error={submit.error} aria-label="Log a new call">
      <div className="form-grid">
        <SelectField
          label="School"
          name="schoolId"
          required
          value={schoolId}
          onChange={(v) => {
            setSchoolId(v);
            setAreaId('');
          }}
          options={schoolOptions}
          placeholder="Choose a school…"
          error={err('schoolId')}
        />
        <SelectField
          label="Priority"
          name="priority"
          value={priority}
          onChange={(v) => setPriority(v as CallPriority)}
          options={CALL_PRIORITIES.map((p) => ({ value: p, label: LABELS.priority[p] }))}
          error={err('priority')}
        />
        {can('call.dispatch') && (
          <SelectField
            label="Source"
            name="source"
            value={source}
            onChange={(v) => setSource(v as CallSource)}
            options={optionsOf(LABELS.source)}
            error={err('source')}
          />
        )}
      </div>
      <CheckboxField
        label="On campus"
        hint="Clear this for a call near the school (give the place below)."
        checked={onCampus}
        onChange={setOnCampus}
      />
      <div className="form-grid">
        {onCampus && (
          <SelectField
            label="Campus area"
            name="areaId"
            value={areaId}
            onChange={setAreaId}
            options={areas.options}
            placeholder={areas.loading ? 'Loading areas…' : 'Not specified'}
            error={err('areaId')}
          />
        )}
        <TextField
          label={onCampus ? 'Location detail' : 'Location'}
          name="locationText"
          required={!onCampus}
          value={locationText}
          onChange={setLocationText}
          error={err('locationText')}
        />
      </div>
      <TextAreaField
        label="What is happening"
        name="summary"
        required
        maxLength={1000}
        value={summary}
        onChange={setSummary}
        error={err('summary')}
      />
      <div className="form-grid">
        <TextField
          label="Caller name"
          name="callerName"
          autoComplete="off"
          value={callerName}
          onChange={setCallerName}
          error={err('callerName')}
        />
        <TextField
          label="Caller phone"
          name="callerPhone"
          type="tel"
          autoComplete="off"
          value={callerPhone}
          onChange={setCallerPhone}
          error={err('callerPhone')}
        />
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={submit.busy}>
          Put in the queue
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
