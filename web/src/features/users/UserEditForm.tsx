import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import type { User } from '../../lib/types.ts';

/** Edits a user's name, title, phone and badge number. */
export function UserEditForm({ user, onSaved }: { user: User; onSaved: (user: User) => void }) {
  const [v, setV] = useState({
    name: user.name,
    title: user.title ?? '',
    phone: user.phone ?? '',
    badgeNumber: user.badgeNumber ?? '',
  });
  const set = (key: keyof typeof v) => (value: string) => setV((prev) => ({ ...prev, [key]: value }));
  const save = useAction(async () => {
    const updated = await api.patch<User>(`/users/${user.id}`, {
      name: v.name.trim(),
      title: v.title.trim() || null,
      phone: v.phone.trim() || null,
      badgeNumber: v.badgeNumber.trim() || null,
    });
    onSaved(updated);
    return 'The user has been saved.';
  });
  const err = (field: string) => fieldError(save.error, field);
  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      success={save.success}
      aria-label="User details"
    >
      <div className="form-grid">
        <TextField
          label="Full name"
          name="name"
          required
          value={v.name}
          onChange={set('name')}
          error={err('name')}
        />
        <TextField label="Title" name="title" value={v.title} onChange={set('title')} error={err('title')} />
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          value={v.phone}
          onChange={set('phone')}
          error={err('phone')}
        />
        <TextField
          label="Badge number"
          name="badgeNumber"
          value={v.badgeNumber}
          onChange={set('badgeNumber')}
          error={err('badgeNumber')}
        />
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Save details
        </Button>
      </FormActions>
    </Form>
  );
}
