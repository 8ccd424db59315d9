import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { useAction } from '../../lib/hooks.ts';

/** A long text of a meeting (agenda, minutes) shown as written, with an edit mode. */
export function TextSection({
  id,
  title,
  value,
  empty,
  maxLength,
  onSave,
}: {
  id: string;
  title: string;
  value: string | null;
  empty: string;
  maxLength: number;
  onSave: (text: string | null) => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(value ?? '');
  const save = useAction(async () => {
    await onSave(text.trim() || null);
    setEditing(false);
  });
  return (
    <Section
      title={title}
      id={id}
      actions={
        !editing && (
          <Button
            size="small"
            onClick={() => {
              setText(value ?? '');
              setEditing(true);
            }}
            aria-label={`Edit ${title.toLowerCase()}`}
          >
            Edit
          </Button>
        )
      }
    >
      {editing ? (
        <Form onSubmit={() => void save.run()} error={save.error} aria-label={title}>
          <TextAreaField label={title} rows={10} maxLength={maxLength} value={text} onChange={setText} />
          <FormActions>
            <Button type="submit" variant="primary" busy={save.busy}>
              Save {title.toLowerCase()}
            </Button>
            <Button onClick={() => setEditing(false)}>Cancel</Button>
          </FormActions>
        </Form>
      ) : value ? (
        <p className="pre-line">{value}</p>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </Section>
  );
}
