import { useState } from 'react';
import { LEAVE_REASONS, type PresenceNotice } from '@common/notices.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField, type Option } from '../../components/Field.tsx';
import { Form } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fromLocalInput, toLocalInput } from '../../lib/datetime.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

const backupKey = (userId: string) => `srodesk.backupContact.${userId}`;

function readBackup(userId: string): string {
  try {
    return window.localStorage.getItem(backupKey(userId)) ?? '';
  } catch {
    return '';
  }
}

function rememberBackup(userId: string, value: string) {
  try {
    window.localStorage.setItem(backupKey(userId), value);
  } catch {
    // storage blocked: the officer types the backup again next time
  }
}

const inMinutes = (minutes: number) => toLocalInput(new Date(Date.now() + minutes * 60_000));

/**
 * "Leaving the building": filled in advance (the first reason, back in an hour, the last backup contact) so one
 * tap on the big button tells every staff member of the school.
 */
export function LeaveForm({
  userId,
  schoolOptions,
  defaultSchoolId,
  onDone,
}: {
  userId: string;
  schoolOptions: Option[];
  defaultSchoolId: string;
  onDone: (notice: PresenceNotice) => void;
}) {
  const [schoolId, setSchoolId] = useState(defaultSchoolId);
  const [reason, setReason] = useState<string>(LEAVE_REASONS[0]);
  const [expected, setExpected] = useState(() => inMinutes(60));
  const [backup, setBackup] = useState(() => readBackup(userId));
  const send = useAction(async () => {
    const notice = await api.post<PresenceNotice>('/presence/leave', {
      schoolId,
      reason: reason.trim(),
      expectedReturnAt: fromLocalInput(expected),
      backupContact: backup.trim(),
    });
    rememberBackup(userId, backup.trim());
    onDone(notice);
  });
  const err = (f: string) => fieldError(send.error, f);

  return (
    <Form
      onSubmit={() => void send.run()}
      error={send.error}
      aria-label="Leaving the building"
      className="leave-form"
    >
      <Button type="submit" variant="primary" busy={send.busy} className="one-tap">
        Leaving the building
      </Button>
      {schoolOptions.length > 1 && (
        <SelectField
          label="School"
          name="schoolId"
          required
          value={schoolId}
          onChange={setSchoolId}
          options={schoolOptions}
          error={err('schoolId')}
        />
      )}
      <fieldset className="choice-grid">
        <legend className="field-label">Reason</legend>
        {LEAVE_REASONS.map((r) => (
          <label key={r} className={reason === r ? 'choice is-checked' : 'choice'}>
            <input type="radio" name="reasonPick" checked={reason === r} onChange={() => setReason(r)} />
            {r}
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        <TextField
          label="Reason (or type your own)"
          name="reason"
          required
          maxLength={200}
          value={reason}
          onChange={setReason}
          error={err('reason')}
        />
        <TextField
          label="Expected back"
          name="expectedReturnAt"
          type="datetime-local"
          required
          value={expected}
          onChange={setExpected}
          error={err('expectedReturnAt')}
        />
        <TextField
          label="Backup contact"
          name="backupContact"
          required
          maxLength={200}
          value={backup}
          onChange={setBackup}
          hint="Who staff call meanwhile, with a number"
          error={err('backupContact')}
        />
      </div>
      <div className="quick-picks" role="group" aria-label="Back in">
        {[15, 30, 60, 120].map((m) => (
          <Button key={m} size="small" onClick={() => setExpected(inMinutes(m))}>
            Back in {m < 60 ? `${m} min` : `${m / 60} h`}
          </Button>
        ))}
      </div>
    </Form>
  );
}
