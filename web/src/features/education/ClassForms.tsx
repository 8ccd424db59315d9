import { useState } from 'react';
import type { DeliveryBody, EducationClassDetail, ScheduleBody } from '@common/education.ts';
import { Button } from '../../components/Button.tsx';
import { CheckboxField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { gradeLabel } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

interface FormProps {
  cls: EducationClassDetail;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Accept (optionally with the schedule at once) or set the schedule of an accepted class. */
export function ScheduleForm({ cls, onDone, onCancel, accept }: FormProps & { accept: boolean }) {
  const [date, setDate] = useState(cls.scheduledDate ?? cls.preferredDates[0] ?? '');
  const [startTime, setStartTime] = useState(cls.startTime ?? '');
  const [duration, setDuration] = useState(String(cls.durationMinutes ?? 45));
  const [room, setRoom] = useState(cls.room ?? '');
  const save = useAction(async (withSchedule: boolean) => {
    const schedule: ScheduleBody = {
      date,
      startTime,
      durationMinutes: Number(duration),
      room: room.trim() || null,
    };
    if (accept) {
      await api.post(`/education/classes/${cls.id}/accept`, { schedule: withSchedule ? schedule : null });
      onDone(withSchedule ? `${cls.number} is accepted and scheduled.` : `${cls.number} is accepted.`);
    } else {
      await api.post(`/education/classes/${cls.id}/schedule`, schedule);
      onDone(`${cls.number} is scheduled.`);
    }
  });
  const err = (f: string) => fieldError(save.error, f) ?? fieldError(save.error, `schedule.${f}`);
  return (
    <Form
      onSubmit={() => void save.run(true)}
      error={save.error}
      aria-label={accept ? 'Accept the request' : 'Schedule the class'}
    >
      <p className="muted small">Preferred: {cls.preferredDates.join(', ')}</p>
      <div className="form-grid">
        <TextField
          label="Date"
          name="date"
          type="date"
          required
          value={date}
          onChange={setDate}
          error={err('date')}
        />
        <TextField
          label="Start time"
          name="startTime"
          type="time"
          required
          value={startTime}
          onChange={setStartTime}
          error={err('startTime')}
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
          label="Room"
          name="room"
          maxLength={120}
          value={room}
          onChange={setRoom}
          error={err('room')}
        />
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          {accept ? 'Accept and schedule' : 'Save the schedule'}
        </Button>
        {accept && (
          <Button busy={save.busy} onClick={() => void save.run(false)}>
            Accept without a date
          </Button>
        )}
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}

/** Decline a request or cancel a class, with the reason the teacher reads. */
export function ReasonForm({ cls, onDone, onCancel, action }: FormProps & { action: 'decline' | 'cancel' }) {
  const [reason, setReason] = useState('');
  const save = useAction(async () => {
    await api.post(`/education/classes/${cls.id}/${action}`, { reason: reason.trim() || null });
    onDone(action === 'decline' ? `${cls.number} is declined.` : `${cls.number} is cancelled.`);
  });
  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label={action === 'decline' ? 'Decline the request' : 'Cancel the class'}
    >
      <TextAreaField
        label="Reason"
        name="reason"
        required={action === 'decline'}
        maxLength={1000}
        value={reason}
        onChange={setReason}
        hint="The teacher sees it."
        error={fieldError(save.error, 'reason')}
      />
      <FormActions>
        <Button type="submit" variant="danger" busy={save.busy}>
          {action === 'decline' ? 'Decline the request' : 'Cancel the class'}
        </Button>
        <Button onClick={onCancel}>Back</Button>
      </FormActions>
    </Form>
  );
}

/** Record that the class was taught: attendance, grade levels, the actual length, notes. */
export function DeliveryForm({ cls, onDone, onCancel }: FormProps) {
  const [attendance, setAttendance] = useState(cls.attendance?.toString() ?? String(cls.classSize));
  const [grades, setGrades] = useState<Set<number>>(
    () => new Set(cls.gradeLevels.length > 0 ? cls.gradeLevels : [cls.gradeLevel]),
  );
  const [duration, setDuration] = useState(String(cls.durationMinutes ?? ''));
  const [notes, setNotes] = useState(cls.deliveryNotes ?? '');
  const save = useAction(async () => {
    const body: DeliveryBody = {
      attendance: Number(attendance),
      gradeLevels: [...grades].sort((a, b) => a - b),
      durationMinutes: duration ? Number(duration) : undefined,
      notes: notes.trim() || null,
    };
    await api.post(`/education/classes/${cls.id}/delivery`, body);
    onDone(`Delivery of ${cls.number} is recorded.`);
  });
  const err = (f: string) => fieldError(save.error, f);
  const toggle = (g: number, on: boolean) =>
    setGrades((all) => {
      const next = new Set(all);
      if (on) next.add(g);
      else next.delete(g);
      return next;
    });
  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="Record the delivery">
      <div className="form-grid">
        <TextField
          label="Students attending"
          name="attendance"
          type="number"
          inputMode="numeric"
          min={0}
          max={cls.classSize}
          required
          value={attendance}
          onChange={setAttendance}
          hint={`Class size: ${cls.classSize}`}
          error={err('attendance')}
        />
        <TextField
          label="Actual length (minutes)"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          value={duration}
          onChange={setDuration}
          hint="Leave as scheduled unless it differed."
          error={err('durationMinutes')}
        />
      </div>
      <fieldset className="fieldset" aria-describedby={err('gradeLevels') ? 'grade-levels-error' : undefined}>
        <legend>Grade levels present</legend>
        {err('gradeLevels') && (
          <p id="grade-levels-error" className="field-error">
            {err('gradeLevels')}
          </p>
        )}
        <div className="check-grid">
          {Array.from({ length: 14 }, (_, i) => i - 1).map((g) => (
            <CheckboxField
              key={g}
              name={g === cls.gradeLevel ? 'gradeLevels' : undefined}
              label={`Grade ${gradeLabel(g)}`}
              checked={grades.has(g)}
              onChange={(on) => toggle(g, on)}
            />
          ))}
        </div>
      </fieldset>
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
          Record delivery
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
