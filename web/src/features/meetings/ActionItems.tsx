import { useState } from 'react';
import type { ActionItem, Meeting } from '@common/meetings.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { UserPicker } from '../../components/UserPicker.tsx';
import { api } from '../../lib/api.ts';
import { formatDay } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

/** Action items with owner, due date and status; each can be marked done (or reopened). */
export function ActionItemList({
  items,
  onChanged,
  showMeeting = false,
}: {
  items: ActionItem[];
  onChanged: () => void;
  showMeeting?: boolean;
}) {
  const toggle = useAction(async (item: ActionItem) => {
    await api.patch<ActionItem>(`/action-items/${item.id}`, {
      status: item.status === 'open' ? 'done' : 'open',
    });
    onChanged();
  });
  if (items.length === 0) return <EmptyState title="No action item." />;
  return (
    <>
      <ErrorBanner error={toggle.error} />
      <ul className="action-items" aria-label="Action items">
        {items.map((item) => (
          <li key={item.id} className="entry-card" data-action-item={item.title}>
            <div className="row-between">
              <strong className={item.status === 'done' ? 'event-cancelled' : undefined}>{item.title}</strong>
              {item.status === 'done' ? (
                <Badge tone="success">Done</Badge>
              ) : item.overdue ? (
                <Badge tone="danger">Overdue</Badge>
              ) : (
                <Badge tone="info">Open</Badge>
              )}
            </div>
            <p className="small">
              Owner: {item.owner.name}
              {item.dueOn && ` · due ${formatDay(item.dueOn)}`}
              {showMeeting &&
                ` · from ${item.meetingTitle} of ${formatDay(item.meetingStartsAt.slice(0, 10))}`}
            </p>
            <div className="row">
              <Button
                size="small"
                onClick={() => void toggle.run(item)}
                disabled={toggle.busy}
                aria-label={`${item.status === 'open' ? 'Mark done' : 'Reopen'}: ${item.title}`}
              >
                {item.status === 'open' ? 'Mark done' : 'Reopen'}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Adds an action item to a meeting: what, who owns it, by when. */
export function ActionItemForm({ meeting, onDone }: { meeting: Meeting; onDone: (m: Meeting) => void }) {
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const save = useAction(async () => {
    const updated = await api.post<Meeting>(`/meetings/${meeting.id}/action-items`, {
      title: title.trim(),
      ownerId,
      dueOn: dueOn || null,
    });
    setTitle('');
    setOwnerId('');
    setDueOn('');
    onDone(updated);
    return 'Action item added.';
  });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      success={save.success}
      aria-label="Add an action item"
    >
      <div className="form-grid">
        <TextField
          label="Action item"
          name="title"
          required
          maxLength={500}
          value={title}
          onChange={setTitle}
          error={err('title')}
          className="span-all"
        />
        <UserPicker label="Owner" value={ownerId} onChange={setOwnerId} />
        <TextField
          label="Due"
          name="dueOn"
          type="date"
          value={dueOn}
          onChange={setDueOn}
          error={err('dueOn')}
        />
      </div>
      {err('ownerId') && <p className="field-error">{err('ownerId')}</p>}
      <FormActions>
        <Button type="submit" busy={save.busy} disabled={!ownerId}>
          Add action item
        </Button>
      </FormActions>
    </Form>
  );
}
