import {
  REPORT_KIND_LABELS,
  WEEKDAY_LABELS,
  type ReportCadence,
  type ReportFormat,
  type ReportKind,
  type Subscription,
} from '@common/reports.ts';
import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

/** What the page shows now, subscribed as is: its school and level filters, or the SRO of an activity report. */
export interface SubscribeTarget {
  report: ReportKind;
  schoolIds?: string[];
  level?: string | null;
  officerId?: string | null;
}

const DAYS_OF_MONTH = Array.from({ length: 28 }, (_, k) => ({ value: String(k + 1), label: String(k + 1) }));

/**
 * "Subscribe": a small form to receive the report of this page by e-mail, weekly or monthly at a time of the
 * district, as a PDF or CSV attachment. The server checks the report's permission at this scope now and at
 * every send. Listed, paused and deleted under "My report subscriptions" on the profile page.
 */
export function SubscribeButton({ target }: { target: SubscribeTarget }) {
  const [open, setOpen] = useState(false);
  const monthlyOnly = target.report === 'activity';
  const [cadence, setCadence] = useState<ReportCadence>(monthlyOnly ? 'monthly' : 'weekly');
  const [dayOfWeek, setDayOfWeek] = useState('1');
  const [dayOfMonth, setDayOfMonth] = useState('1');
  const [time, setTime] = useState('07:00');
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const save = useAction(async () => {
    const created = await api.post<Subscription>('/report-subscriptions', {
      report: target.report,
      schoolIds: target.schoolIds ?? [],
      level: target.level ?? null,
      officerId: target.officerId ?? null,
      cadence,
      ...(cadence === 'weekly' ? { dayOfWeek: Number(dayOfWeek) } : { dayOfMonth: Number(dayOfMonth) }),
      time,
      format,
    });
    return `Subscribed. The first e-mail comes ${new Date(created.nextDueAt).toLocaleString()}.`;
  });
  const close = () => {
    setOpen(false);
    save.reset();
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>Subscribe</Button>
      <Dialog open={open} title={`Subscribe: ${REPORT_KIND_LABELS[target.report]}`} onClose={close}>
        <Form
          onSubmit={() => void save.run()}
          error={save.error}
          success={save.success}
          aria-label="Subscribe to this report"
        >
          <p className="muted small">
            The report with this page's filters comes by e-mail as an attachment. Weekly: the 7 days before;
            monthly: the month before. Times are the district's.
          </p>
          <SelectField
            label="How often"
            name="cadence"
            value={cadence}
            onChange={(v) => setCadence(v as ReportCadence)}
            options={
              monthlyOnly
                ? [{ value: 'monthly', label: 'Monthly' }]
                : [
                    { value: 'weekly', label: 'Weekly' },
                    { value: 'monthly', label: 'Monthly' },
                  ]
            }
            error={fieldError(save.error, 'cadence')}
          />
          {cadence === 'weekly' ? (
            <SelectField
              label="Day of the week"
              name="dayOfWeek"
              value={dayOfWeek}
              onChange={setDayOfWeek}
              options={WEEKDAY_LABELS.map((l, k) => ({ value: String(k), label: l }))}
              error={fieldError(save.error, 'dayOfWeek')}
            />
          ) : (
            <SelectField
              label="Day of the month"
              name="dayOfMonth"
              value={dayOfMonth}
              onChange={setDayOfMonth}
              options={DAYS_OF_MONTH}
              error={fieldError(save.error, 'dayOfMonth')}
            />
          )}
          <TextField
            label="Time"
            name="time"
            type="time"
            value={time}
            onChange={setTime}
            required
            error={fieldError(save.error, 'time')}
          />
          <SelectField
            label="File"
            name="format"
            value={format}
            onChange={(v) => setFormat(v as ReportFormat)}
            options={[
              { value: 'pdf', label: 'PDF' },
              { value: 'csv', label: 'CSV' },
            ]}
          />
          <FormActions>
            {save.success ? (
              <Button onClick={close}>Close</Button>
            ) : (
              <Button type="submit" variant="primary" busy={save.busy}>
                Subscribe
              </Button>
            )}
          </FormActions>
        </Form>
      </Dialog>
    </>
  );
}
