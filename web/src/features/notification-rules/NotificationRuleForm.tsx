import { useState } from 'react';
import {
  NOTIFY_METHODS,
  type DEADLINE_UNITS,
  type NOTIFY_TRIGGERS,
  type NOTIFY_WHOM,
  type NotificationRule,
  type NotificationRuleBody,
} from '@common/notification-rules.ts';
import { Button } from '../../components/Button.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

export const TRIGGER_LABELS: Record<(typeof NOTIFY_TRIGGERS)[number], string> = {
  arrest: 'Arrest',
  citation: 'Citation',
  referral_law_enforcement: 'Referral to law enforcement',
};
export const WHOM_LABELS: Record<(typeof NOTIFY_WHOM)[number], string> = {
  superintendent: 'Superintendent',
  parent: 'Parent or guardian',
  agency: 'Agency',
};
const UNIT_LABELS: Record<(typeof DEADLINE_UNITS)[number], string> = {
  hours: 'Hours',
  days: 'Calendar days (to the end of the day)',
  school_days: 'School days (weekends and closed days skipped)',
};
const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

/** Adds or changes a notification rule: what starts it, for which offenses, whom to tell, by when. */
export function NotificationRuleForm({
  rule,
  onDone,
  onCancel,
}: {
  rule?: NotificationRule;
  onDone: (rule: NotificationRule) => void;
  onCancel: () => void;
}) {
  const [key, setKey] = useState(rule?.key ?? '');
  const [title, setTitle] = useState(rule?.title ?? '');
  const [trigger, setTrigger] = useState<string>(rule?.trigger ?? 'arrest');
  const [offenses, setOffenses] = useState(rule?.offenses?.join(', ') ?? '');
  const [notify, setNotify] = useState<string>(rule?.notify ?? 'superintendent');
  const [method, setMethod] = useState<string>(rule?.method ?? 'any');
  const [amount, setAmount] = useState(String(rule?.deadlineAmount ?? 24));
  const [unit, setUnit] = useState<string>(rule?.deadlineUnit ?? 'hours');
  const [beforeNext, setBeforeNext] = useState(rule?.beforeNextSchoolDay ?? false);
  const [studentsOnly, setStudentsOnly] = useState(rule?.studentsOnly ?? true);
  const [active, setActive] = useState(rule?.active ?? true);
  const save = useAction(async () => {
    const codes = offenses
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    const body = {
      key: key.trim(),
      title: title.trim(),
      trigger: trigger as NotificationRuleBody['trigger'],
      offenses: codes.length ? codes : null,
      notify: notify as NotificationRuleBody['notify'],
      method: method as NonNullable<NotificationRuleBody['method']>,
      deadlineAmount: Number(amount),
      deadlineUnit: unit as NotificationRuleBody['deadlineUnit'],
      beforeNextSchoolDay: beforeNext,
      studentsOnly,
      active,
    };
    const saved = rule?.id
      ? await api.patch<NotificationRule>(`/notification-rules/${rule.id}`, body)
      : await api.post<NotificationRule>('/notification-rules', body);
    onDone(saved);
  });
  const err = (field: string) => fieldError(save.error, field);
  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="Notification rule">
      <TextField label="Title" name="title" required value={title} onChange={setTitle} error={err('title')} />
      <TextField
        label="Key"
        name="key"
        required
        hint="Lower-case letters, digits and _ (tasks carry it)"
        value={key}
        onChange={setKey}
        error={err('key')}
      />
      <SelectField
        label="Started by"
        name="trigger"
        value={trigger}
        onChange={setTrigger}
        options={options(TRIGGER_LABELS)}
        error={err('trigger')}
      />
      <TextField
        label="Offenses"
        name="offenses"
        hint="NIBRS codes separated by commas (e.g. 35A, 520); empty: any offense"
        value={offenses}
        onChange={setOffenses}
        error={err('offenses') ?? err('offenses.0')}
      />
      <SelectField
        label="Notify"
        name="notify"
        value={notify}
        onChange={setNotify}
        options={options(WHOM_LABELS)}
        error={err('notify')}
      />
      <SelectField
        label="How"
        name="method"
        value={method}
        onChange={setMethod}
        options={NOTIFY_METHODS.map((m) => ({
          value: m,
          label: m === 'any' ? 'Any way' : m === 'oral' ? 'Orally' : 'In writing',
        }))}
      />
      <TextField
        label="Deadline"
        name="deadlineAmount"
        type="number"
        inputMode="numeric"
        required
        value={amount}
        onChange={setAmount}
        error={err('deadlineAmount')}
      />
      <SelectField
        label="Counted in"
        name="deadlineUnit"
        value={unit}
        onChange={setUnit}
        options={options(UNIT_LABELS)}
        error={err('deadlineUnit')}
      />
      <CheckboxField
        label="Or before the next school day, whichever is earlier"
        checked={beforeNext}
        onChange={setBeforeNext}
      />
      <CheckboxField
        label="Only when the person is a rostered student"
        checked={studentsOnly}
        onChange={setStudentsOnly}
      />
      <CheckboxField label="Active" checked={active} onChange={setActive} />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Save rule
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
