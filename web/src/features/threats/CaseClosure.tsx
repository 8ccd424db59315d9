import { useState } from 'react';
import type { ThreatCase } from '@common/tips.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

/** Monitoring of a substantive threat, then closure with a summary. */
export function CaseClosure({
  threatCase,
  canManage,
  onChange,
}: {
  threatCase: ThreatCase;
  canManage: boolean;
  onChange: (threatCase: ThreatCase) => void;
}) {
  const [summary, setSummary] = useState('');
  const monitor = useAction(async () => {
    onChange(await api.post<ThreatCase>(`/threat-cases/${threatCase.id}/monitoring`));
  });
  const close = useAction(async () => {
    onChange(await api.post<ThreatCase>(`/threat-cases/${threatCase.id}/close`, { summary }));
  });
  const { status } = threatCase;

  if (status === 'closed')
    return (
      <Section title="Closure" id="case-closure">
        <p className="muted small">Closed {formatDateTime(threatCase.closedAt)}</p>
        <p className="narrative-text">{threatCase.closingSummary}</p>
      </Section>
    );
  if (!canManage) return null;
  const substantive = status === 'serious' || status === 'very_serious';
  const closable = substantive || status === 'monitoring' || status === 'resolved_transient';
  return (
    <Section title="Monitoring and closure" id="case-closure">
      <div className="stack">
        {substantive && (
          <div className="stack">
            <p>
              Once the immediate tasks are done, keep watching the student’s situation: record each check as a
              monitoring note above.
            </p>
            <ErrorBanner error={monitor.error} />
            <div>
              <Button busy={monitor.busy} onClick={() => void monitor.run()}>
                Move to monitoring
              </Button>
            </div>
          </div>
        )}
        {status === 'monitoring' && (
          <p>The case is being monitored. Add monitoring notes and review the safety plan on its dates.</p>
        )}
        {closable ? (
          <Form onSubmit={() => void close.run()} error={close.error} aria-label="Close the case">
            <TextAreaField
              label="Closing summary"
              name="summary"
              required
              rows={3}
              hint="What was done and why the case can close."
              value={summary}
              onChange={setSummary}
              error={fieldError(close.error, 'summary')}
            />
            <FormActions>
              <Button type="submit" busy={close.busy}>
                Close the case
              </Button>
            </FormActions>
          </Form>
        ) : (
          <p className="muted">The case can close once the threat is resolved or classified.</p>
        )}
      </div>
    </Section>
  );
}
