import { useState } from 'react';
import { deadlineText, type NotificationRule, type NotificationRuleSet } from '@common/notification-rules.ts';
import { roleHas } from '@common/permissions.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { RuleCitation } from '../drills/RuleCitation.tsx';
import { IncidentTabs } from '../incidents/IncidentTabs.tsx';
import { NotificationRuleForm, TRIGGER_LABELS, WHOM_LABELS } from './NotificationRuleForm.tsx';

/**
 * Whom to notify of an arrest, citation or referral, and by when: the district's rules (or its state's defaults,
 * cited), which a district-wide manager adopts, edits, adds and removes.
 */
export function NotificationRulesPage() {
  const { session } = useSession();
  // Editing needs a district-wide grant of a role holding notification_rule.manage.
  const canEdit = session.grants.some(
    (g) => g.schoolId === null && roleHas(g.role, 'notification_rule.manage'),
  );
  const set = useApiData<NotificationRuleSet>('/notification-rules');
  const [editing, setEditing] = useState<NotificationRule | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const adopt = useAction(async () => {
    set.mutate(await api.put<NotificationRuleSet>('/notification-rules/defaults', {}));
    setMessage('The district now has its own copy of the state defaults.');
  });
  const remove = useAction(async (rule: NotificationRule) => {
    await api.delete(`/notification-rules/${rule.id}`);
    setMessage(`The rule “${rule.title}” is removed.`);
    set.reload();
  });
  return (
    <Page
      title="Notification rules"
      description="Which actions on a student require notifying the superintendent, a parent or an agency, and by when."
      actions={
        canEdit && (
          <Button variant="primary" onClick={() => setEditing('new')}>
            Add a rule
          </Button>
        )
      }
    >
      <IncidentTabs />
      <Notice message={message} />
      <ErrorBanner error={adopt.error ?? remove.error} />
      <LoadState resource={set} label="Loading notification rules…">
        {(s) => (
          <div className="stack">
            {s.source === 'state_default' && (
              <div className="banner banner-info">
                <p className="banner-text">
                  The district follows the {s.state} defaults below. {canEdit && 'Adopt them to edit them.'}{' '}
                  {canEdit && (
                    <Button size="small" busy={adopt.busy} onClick={() => void adopt.run()}>
                      Adopt the defaults
                    </Button>
                  )}
                </p>
              </div>
            )}
            {s.rules.length === 0 ? (
              <EmptyState title="No notification rule.">
                The state ships no default set: add the district's rules.
              </EmptyState>
            ) : (
              <DataTable
                caption="Notification rules"
                rows={s.rules}
                rowKey={(r) => r.key}
                columns={[
                  {
                    header: 'Rule',
                    render: (r) => (
                      <div>
                        <strong>{r.title}</strong> {!r.active && <Badge>Inactive</Badge>}
                        <RuleCitation citation={r.citation} />
                      </div>
                    ),
                  },
                  {
                    header: 'When',
                    render: (r) =>
                      `${TRIGGER_LABELS[r.trigger]}${r.studentsOnly ? ' of a student' : ''}${r.offenses ? ` for ${r.offenses.join(', ')}` : ''}`,
                  },
                  { header: 'Notify', render: (r) => WHOM_LABELS[r.notify] },
                  { header: 'Deadline', render: (r) => deadlineText(r) },
                  ...(canEdit && s.source === 'district'
                    ? [
                        {
                          header: 'Actions',
                          className: 'actions',
                          hideLabelWhenStacked: true,
                          render: (r: NotificationRule) => (
                            <span className="row">
                              <Button
                                size="small"
                                onClick={() => setEditing(r)}
                                aria-label={`Edit rule ${r.title}`}
                              >
                                Edit
                              </Button>
                              <Button
                                size="small"
                                variant="danger"
                                busy={remove.busy}
                                onClick={() => void remove.run(r)}
                                aria-label={`Remove rule ${r.title}`}
                              >
                                Remove
                              </Button>
                            </span>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </div>
        )}
      </LoadState>
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? 'Add a rule' : 'Edit rule'}
        onClose={() => setEditing(null)}
        wide
      >
        {editing && (
          <NotificationRuleForm
            rule={editing === 'new' ? undefined : editing}
            onCancel={() => setEditing(null)}
            onDone={(r) => {
              setEditing(null);
              setMessage(`The rule “${r.title}” is saved.`);
              set.reload();
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}
