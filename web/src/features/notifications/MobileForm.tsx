import { useState } from 'react';
import { SMS_GATEWAYS, type Mobile } from '@common/notifications.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

/** My mobile number (and carrier, for e-mail-to-SMS gateways) for text messages. */
export function MobileForm({ mobile, onSaved }: { mobile: Mobile; onSaved: (m: Mobile) => void }) {
  const [phone, setPhone] = useState(mobile.mobilePhone ?? '');
  const [gateway, setGateway] = useState(mobile.smsGateway ?? '');
  const save = useAction(async () => {
    const saved = await api.put<Mobile>('/notifications/mobile', {
      mobilePhone: phone.trim() === '' ? null : phone,
      smsGateway: phone.trim() === '' || gateway === '' ? null : gateway,
    });
    setPhone(saved.mobilePhone ?? '');
    setGateway(saved.smsGateway ?? '');
    onSaved(saved);
    return saved.mobilePhone ? 'Text messages will go to this number.' : 'No text messages will be sent to you.';
  });
  return (
    <Form onSubmit={() => void save.run()} error={save.error} success={save.success} aria-label="Mobile number for text messages">
      <TextField
        label="Mobile number for text messages"
        name="mobilePhone"
        type="tel"
        autoComplete="tel"
        hint="Alerts, life-safety tips and escalations are texted to this number; choose other kinds below. Leave it empty for none."
        value={phone}
        onChange={setPhone}
        error={fieldError(save.error, 'mobilePhone')}
      />
      <SelectField
        label="Carrier"
        name="smsGateway"
        hint="Only needed when your district sends text messages through the carriers' e-mail gateways."
        placeholder="Not needed"
        options={SMS_GATEWAYS.map((g) => ({ value: g.domain, label: `${g.label} (${g.domain})` }))}
        value={gateway}
        onChange={setGateway}
        error={fieldError(save.error, 'smsGateway')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Save mobile number
        </Button>
      </FormActions>
    </Form>
  );
}
