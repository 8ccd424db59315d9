import { useState } from 'react';
import { TIP_LIMITS } from '@common/tip-constants.ts';
import type { CannedReply, Tip } from '@common/tips.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { SelectField, TextAreaField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';

/** The anonymous dialogue of a tip and the reply box with canned replies (editable before sending). */
export function TipDialogue({
  tip,
  canReply,
  onChange,
}: {
  tip: Tip;
  canReply: boolean;
  onChange: (tip: Tip) => void;
}) {
  const canned = useApiData<{ items: CannedReply[] }>(canReply ? '/tips/canned-replies' : null);
  const [cannedId, setCannedId] = useState('');
  const [body, setBody] = useState('');
  const send = useAction(async () => {
    onChange(await api.post<Tip>(`/tips/${tip.id}/messages`, { body }));
    setBody('');
    setCannedId('');
    return 'Your reply was sent. The reporter reads it with their tip code.';
  });
  const pick = (id: string) => {
    setCannedId(id);
    const reply = canned.data?.items.find((r) => r.id === id);
    if (reply) setBody(reply.text);
  };

  return (
    <Section title="Dialogue with the reporter" id="tip-dialogue">
      {tip.messages.length === 0 ? (
        <EmptyState title="No messages yet.">
          The reporter sees your replies when they check their tip.
        </EmptyState>
      ) : (
        <ol className="tip-thread" aria-label="Messages">
          {tip.messages.map((m) => (
            <li key={m.id} className={m.author === 'staff' ? 'tip-message mine' : 'tip-message theirs'}>
              <p className="tip-message-meta small">
                <strong>{m.author === 'staff' ? (m.staffName ?? 'Staff') : 'Reporter'}</strong> ·{' '}
                <time dateTime={m.at}>{formatDateTime(m.at)}</time>
              </p>
              <p className="narrative-text">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canReply && tip.status !== 'closed' && (
        <Form
          onSubmit={() => void send.run()}
          error={send.error}
          success={send.success}
          className="mt-sm"
          aria-label="Reply to the reporter"
        >
          <SelectField
            label="Canned reply"
            hint="Fills the box below; edit the text before sending if needed."
            value={cannedId}
            onChange={pick}
            options={(canned.data?.items ?? []).map((r) => ({ value: r.id, label: r.label }))}
            placeholder={canned.loading ? 'Loading…' : 'Write my own'}
          />
          <TextAreaField
            label="Reply"
            name="body"
            required
            rows={4}
            maxLength={TIP_LIMITS.messageMax}
            value={body}
            onChange={setBody}
            hint="The reporter never sees your name."
            error={fieldError(send.error, 'body')}
          />
          <FormActions>
            <Button type="submit" variant="primary" busy={send.busy}>
              Send reply
            </Button>
          </FormActions>
        </Form>
      )}
    </Section>
  );
}
