import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { UsernameHint } from './UsernameHint.tsx';

const MIN_LENGTH = 12;

// Checked here first so the user hears about it at once, in the same way as a server answer.
const invalid = (field: string, message: string) =>
  new ApiError(400, { code: 'validation_failed', message, field });

/** Changes the user's own password; checks length and the repeat before asking the server. */
export function ChangePasswordForm({
  onChanged,
  submitLabel = 'Change password',
}: {
  onChanged?: () => void | Promise<unknown>;
  submitLabel?: string;
}) {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const change = useAction(async () => {
    await api.post('/auth/password', { currentPassword, newPassword });
    setCurrent('');
    setNew('');
    setRepeat('');
    await onChanged?.();
    return 'Your password has been changed.';
  });

  const submit = () => {
    if (newPassword.length < MIN_LENGTH) {
      setLocalError(invalid('newPassword', `The new password must have at least ${MIN_LENGTH} characters.`));
      return;
    }
    if (newPassword !== repeat) {
      setLocalError(invalid('repeatPassword', 'The two new passwords are not the same.'));
      return;
    }
    setLocalError(null);
    void change.run();
  };
  const error = localError ?? change.error;
  const errorFor = (field: string) => fieldError(error, field);

  return (
    <Form onSubmit={submit} error={error} success={change.success} aria-label="Change password">
      <UsernameHint />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        value={currentPassword}
        onChange={setCurrent}
        error={errorFor('currentPassword')}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${MIN_LENGTH} characters. A few unrelated words make a strong, memorable password.`}
        value={newPassword}
        onChange={setNew}
        error={errorFor('newPassword')}
      />
      <TextField
        label="Type the new one again"
        name="repeatPassword"
        type="password"
        autoComplete="new-password"
        required
        value={repeat}
        onChange={setRepeat}
        error={errorFor('repeatPassword')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={change.busy}>
          {submitLabel}
        </Button>
      </FormActions>
    </Form>
  );
}
