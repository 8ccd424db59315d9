import { useState } from 'react';
import type { DrillRule, RuleSet, RuleTemplate, StateSet } from '@common/preparedness.ts';
import { roleHas } from '@common/permissions.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { PERIOD_LABELS } from '../preparedness/labels.ts';
import { RuleCitation } from './RuleCitation.tsx';
import { RuleForm } from './RuleForm.tsx';
import { ruleSummary, windowText } from './ruleText.ts';

/** The state set picker: replaces the district-wide rules by a seeded state's (after a confirmation). */
function StateSetForm({
  ruleSet,
  templates,
  onDone,
}: {
  ruleSet: RuleSet;
  templates: RuleTemplate[];
  onDone: (set: RuleSet, message: string) => void;
}) {
  const [state, setState] = useState<string>(ruleSet.state ?? '');
  const [confirming, setConfirming] = useState(false);
  const chosen = templates.find((t) => t.state === state);
  const save = useAction(async () => {
    const set = await api.put<RuleSet>('/drill-rules/state', { state: state as StateSet });
    setConfirming(false);
    onDone(set, `The district now uses the ${set.stateName ?? state} rule set.`);
  });
  return (
    <div className="stack">
      <div className="filters">
        <SelectField
          label="State rule set"
          name="state"
          value={state}
          onChange={(v) => {
            setState(v);
            setConfirming(false);
          }}
          options={templates.map((t) => ({ value: t.state, label: t.name }))}
          placeholder="Choose a state…"
          error={fieldError(save.error, 'state')}
        />
      </div>
      {chosen && (
        <p className="small muted">
          {chosen.source}. {chosen.notes}
        </p>
      )}
      {chosen && !chosen.hasCounts && (
        <div className="banner banner-warning">
          <p className="banner-text">
            {chosen.name} ships the required drill types without counts: the counts changed recently. Check
            the current rule, then enter the minimum of each rule.
          </p>
        </div>
      )}
      <ErrorBanner error={save.error} />
      {state && state !== ruleSet.state && !confirming && (
        <div>
          <Button onClick={() => setConfirming(true)}>Use this state set</Button>
        </div>
      )}
      {confirming && (
        <div className="banner banner-warning">
          <p className="banner-text">
            The district-wide rules are replaced by the {chosen?.name ?? state} set. Rules of single schools
            stay.
          </p>
          <div className="row">
            <Button variant="primary" busy={save.busy} onClick={() => void save.run()}>
              Replace the district rules
            </Button>
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
          </div>
        </div>
      )}
    </div>
  );
}

/** The "at risk" horizon: a short rule is at risk when its window closes within this many days. */
function SettingsForm({ ruleSet, onDone }: { ruleSet: RuleSet; onDone: (set: RuleSet) => void }) {
  const [days, setDays] = useState(String(ruleSet.atRiskDays));
  const save = useAction(async () => {
    onDone(await api.patch<RuleSet>('/drill-rules/settings', { atRiskDays: Number(days) }));
    return 'Saved.';
  });
  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      success={save.success}
      aria-label="Compliance settings"
      className="narrow-form"
    >
      <TextField
        label="At risk within (days)"
        name="atRiskDays"
        type="number"
        inputMode="numeric"
        required
        hint="A rule still short this close to the end of its window shows as at risk, and reminders go out."
        value={days}
        onChange={setDays}
        error={fieldError(save.error, 'atRiskDays')}
      />
      <FormActions>
        <Button type="submit" busy={save.busy}>
          Save setting
        </Button>
      </FormActions>
    </Form>
  );
}

/**
 * The district's drill rule set: the state set it follows, the at-risk horizon, and every rule (district
 * rules and rules of single schools), which managers edit, add and remove. Everyone else reads it.
 */
export function RulesPage() {
  const { can, session, schools } = useSession();
  const canEdit = can('drill.rules.manage');
  // District-wide rules and the state set need a district grant of a role that edits rules.
  const districtWide = session.grants.some(
    (g) => g.schoolId === null && roleHas(g.role, 'drill.rules.manage'),
  );
  const ruleSet = useApiData<RuleSet>('/drill-rules');
  const templates = useApiData<{ items: RuleTemplate[] }>(canEdit ? '/drill-rules/templates' : null);
  const [editing, setEditing] = useState<DrillRule | 'new' | null>(null);
  const [removing, setRemoving] = useState<DrillRule | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const schoolName = (id: string | null) =>
    id ? (schools.find((s) => s.id === id)?.name ?? 'A school') : 'District-wide';
  const editableSchools = session.grants
    .filter((g) => g.schoolId !== null && roleHas(g.role, 'drill.rules.manage'))
    .map((g) => g.schoolId!);
  const scopeOptions = [
    ...(districtWide ? [{ value: '', label: 'District-wide' }] : []),
    ...schools
      .filter((s) => districtWide || editableSchools.includes(s.id))
      .map((s) => ({ value: s.id, label: s.name })),
  ];
  const mayChange = (r: DrillRule) =>
    canEdit && (districtWide || (r.schoolId !== null && editableSchools.includes(r.schoolId)));
  const remove = useAction(async (rule: DrillRule) => {
    await api.delete(`/drill-rules/${rule.id}`);
    setRemoving(null);
    setMessage(`The rule “${rule.title}” was removed.`);
    ruleSet.reload();
  });

  return (
    <Page
      title="Drill rules"
      breadcrumbs={[{ label: 'Drills', to: '/drills' }]}
      description="What each school must drill, how often and by when. Laws change: the district keeps this set current."
      actions={
        canEdit &&
        scopeOptions.length > 0 && (
          <Button
            variant="primary"
            onClick={() => {
              setMessage(null);
              setEditing('new');
            }}
          >
            Add a rule
          </Button>
        )
      }
    >
      <Notice message={message} />
      <LoadState resource={ruleSet} label="Loading the rule set…">
        {(set) => (
          <div className="page-sections">
            <Section
              title={set.stateName ? `${set.stateName} rule set` : 'No state rule set chosen'}
              id="state-set"
            >
              {!set.hasCounts && set.state && (
                <div className="banner banner-warning">
                  <p className="banner-text">
                    {set.notes ?? 'This state set has no counts.'} Rules without a minimum list the drills
                    held and are not judged.
                  </p>
                </div>
              )}
              {districtWide && canEdit && templates.data ? (
                <StateSetForm
                  ruleSet={set}
                  templates={templates.data.items}
                  onDone={(next, text) => {
                    ruleSet.mutate(next);
                    setMessage(text);
                  }}
                />
              ) : (
                <p className="muted">{set.notes ?? 'The district chooses the state set.'}</p>
              )}
              {districtWide && canEdit ? (
                <SettingsForm ruleSet={set} onDone={ruleSet.mutate} />
              ) : (
                <p className="small">
                  A rule still short {set.atRiskDays} days before its window closes is at risk.
                </p>
              )}
            </Section>
            <Section title="Rules" id="rules">
              {set.rules.length === 0 ? (
                <EmptyState title="No drill rule yet.">Choose a state set or add a rule.</EmptyState>
              ) : (
                <DataTable
                  caption="Drill rules"
                  rows={set.rules}
                  rowKey={(r) => r.id}
                  busy={ruleSet.loading}
                  columns={[
                    {
                      header: 'Rule',
                      render: (r) => (
                        <div>
                          <strong>{r.title}</strong>
                          <p className="small muted rule-summary">{ruleSummary(r)}</p>
                          {r.notes && <p className="small">{r.notes}</p>}
                          <RuleCitation citation={r.citation} />
                        </div>
                      ),
                    },
                    {
                      header: 'Minimum',
                      className: 'num',
                      render: (r) =>
                        r.minCount === null ? <Badge tone="warning">Not set</Badge> : r.minCount,
                    },
                    { header: 'Period', render: (r) => PERIOD_LABELS[r.period] },
                    { header: 'Window', render: (r) => windowText(r.window) },
                    { header: 'Applies to', render: (r) => schoolName(r.schoolId) },
                    ...(canEdit
                      ? [
                          {
                            header: 'Actions',
                            className: 'actions',
                            hideLabelWhenStacked: true,
                            render: (r: DrillRule) =>
                              mayChange(r) && (
                                <span className="row">
                                  <Button
                                    size="small"
                                    onClick={() => {
                                      setMessage(null);
                                      setEditing(r);
                                    }}
                                    aria-label={`Edit rule ${r.title}`}
                                  >
                                    Edit
                                  </Button>
                                  <Button
                                    size="small"
                                    variant="danger"
                                    onClick={() => setRemoving(r)}
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
            </Section>
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
          <RuleForm
            rule={editing === 'new' ? undefined : editing}
            scopeOptions={scopeOptions}
            onCancel={() => setEditing(null)}
            onDone={(r) => {
              setEditing(null);
              setMessage(`The rule “${r.title}” is saved.`);
              ruleSet.reload();
            }}
          />
        )}
      </Dialog>
      <Dialog open={removing !== null} title="Remove the rule" onClose={() => setRemoving(null)}>
        {removing && (
          <div className="stack">
            <ErrorBanner error={remove.error} />
            <p>Remove “{removing.title}”? Compliance no longer judges it; the drills stay recorded.</p>
            <FormActions>
              <Button variant="danger" busy={remove.busy} onClick={() => void remove.run(removing)}>
                Remove rule
              </Button>
              <Button onClick={() => setRemoving(null)}>Cancel</Button>
            </FormActions>
          </div>
        )}
      </Dialog>
    </Page>
  );
}
