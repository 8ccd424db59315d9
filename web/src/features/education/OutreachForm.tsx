import { useState } from 'react';
import {
  OUTREACH_AUDIENCES,
  OUTREACH_AUDIENCE_LABELS,
  type Outreach,
  type OutreachAudience,
  type Topic,
} from '@common/education.ts';
import { roleHas } from '@common/permissions.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { fromLocalInput, nowLocalInput, toLocalInput } from '../incidents/labels.ts';
import { useSchoolsWhere } from './RequestForm.tsx';

/** An outreach event (new or changed): where, title, audience, topic, when, length, people reached, notes. */
export function OutreachForm({
  event,
  topics,
  onDone,
  onCancel,
}: {
  event?: Outreach;
  topics: Topic[];
  onDone: (o: Outreach) => void;
  onCancel: () => void;
}) {
  const { session, selectedSchoolId } = useSession();
  const districtWide = session.grants.some((g) => g.schoolId === null && roleHas(g.role, 'education.manage'));
  const schools = useSchoolsWhere('education.manage');
  const scopeOptions = [
    ...schools,
    ...(districtWide ? [{ value: 'community', label: 'Wider community' }] : []),
  ];
  const [schoolId, setSchoolId] = useState(
    scopeOptions.find((o) => o.value === selectedSchoolId)?.value ?? scopeOptions[0]?.value ?? '',
  );
  const [title, setTitle] = useState(event?.title ?? '');
  const [audience, setAudience] = useState<string>(event?.audience ?? 'parents');
  const [topic, setTopic] = useState(event?.topic ?? '');
  const [occurredAt, setOccurredAt] = useState(toLocalInput(event?.occurredAt) || nowLocalInput());
  const [duration, setDuration] = useState(String(event?.durationMinutes ?? 60));
  const [reached, setReached] = useState(String(event?.peopleReached ?? ''));
  const [notes, setNotes] = useState(event?.notes ?? '');
  const save = useAction(async () => {
    const body = {
      title: title.trim(),
      audience: audience as OutreachAudience,
      topic: topic || null,
      occurredAt: fromLocalInput(occurredAt) ?? occurredAt,
      durationMinutes: Number(duration),
      peopleReached: Number(reached),
      notes: notes.trim() || null,
    };
    onDone(
      event
        ? await api.patch<Outreach>(`/education/outreach/${event.id}`, body)
        : await api.post<Outreach>('/education/outreach', {
            ...body,
            schoolId: schoolId === 'community' ? null : schoolId,
          }),
    );
  });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label={event ? 'Edit outreach event' : 'New outreach event'}
    >
      <div className="form-grid">
        <TextField
          label="Title"
          name="title"
          required
          maxLength={200}
          value={title}
          onChange={setTitle}
          error={err('title')}
          className="span-all"
        />
        {!event && (
          <SelectField
            label="For"
            name="schoolId"
            required
            value={schoolId}
            onChange={setSchoolId}
            options={scopeOptions}
            error={err('schoolId')}
          />
        )}
        <SelectField
          label="Audience"
          name="audience"
          required
          value={audience}
          onChange={setAudience}
          options={OUTREACH_AUDIENCES.map((a) => ({ value: a, label: OUTREACH_AUDIENCE_LABELS[a] }))}
          error={err('audience')}
        />
        <SelectField
          label="Topic"
          name="topic"
          value={topic}
          onChange={setTopic}
          placeholder="No topic"
          options={topics
            .filter((t) => t.active || t.key === event?.topic)
            .map((t) => ({ value: t.key, label: t.name }))}
          error={err('topic')}
        />
        <TextField
          label="When"
          name="occurredAt"
          type="datetime-local"
          required
          value={occurredAt}
          onChange={setOccurredAt}
          error={err('occurredAt')}
        />
        <TextField
          label="Duration (minutes)"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          required
          value={duration}
          onChange={setDuration}
          error={err('durationMinutes')}
        />
        <TextField
          label="People reached"
          name="peopleReached"
          type="number"
          inputMode="numeric"
          min={0}
          max={100000}
          required
          value={reached}
          onChange={setReached}
          error={err('peopleReached')}
        />
      </div>
      <TextAreaField
        label="Notes"
        name="notes"
        maxLength={4000}
        value={notes}
        onChange={setNotes}
        error={err('notes')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Save event
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
