import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '../../components/Button.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { SelectField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { levelLabel } from '../../lib/format.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import type { Feeders, School, SchoolBrief } from '../../lib/types.ts';

function SchoolList({
  schools,
  empty,
  onRemove,
  busy,
}: {
  schools: SchoolBrief[];
  empty: string;
  onRemove?: (s: SchoolBrief) => void;
  busy?: boolean;
}) {
  const mine = new Set(useSession().schools.map((x) => x.id));
  if (schools.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="list-rows">
      {schools.map((s) => (
        <li key={s.id}>
          <span>
            {/* A feeder outside the user's schools is named, not linked: its page would answer "not found". */}
            {mine.has(s.id) ? <Link to={`/schools/${s.id}`}>{s.name}</Link> : s.name}{' '}
            <span className="muted small">{levelLabel(s.level)}</span>
          </span>
          {onRemove && (
            <Button
              size="small"
              variant="ghost"
              disabled={busy}
              onClick={() => onRemove(s)}
              aria-label={`Remove feeder ${s.name}`}
            >
              Remove
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Feeder relations of a school: the schools that feed it (editable) and the schools it feeds. */
export function FeedersSection({ school }: { school: School }) {
  const { can } = useSession();
  const canManage = can('school.manage');
  const resource = useApiData<Feeders>(`/schools/${school.id}/feeders`);
  const candidates = useApiData<{ items: School[] }>(canManage ? '/schools' : null);
  const [choice, setChoice] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const add = useAction(async () => {
    setMessage(null);
    const body = await api.post<Feeders>(`/schools/${school.id}/feeders`, { feederSchoolId: choice });
    const added = candidates.data?.items.find((s) => s.id === choice);
    resource.mutate(body);
    setChoice('');
    setMessage(`${added?.name ?? 'The school'} now feeds ${school.name}.`);
  });
  const remove = useAction(async (feeder: SchoolBrief) => {
    setMessage(null);
    resource.mutate(await api.delete<Feeders>(`/schools/${school.id}/feeders/${feeder.id}`));
    setMessage(`${feeder.name} no longer feeds ${school.name}.`);
  });

  const taken = new Set([school.id, ...(resource.data?.feeders.map((f) => f.id) ?? [])]);
  const options = (candidates.data?.items ?? [])
    .filter((s) => !taken.has(s.id))
    .map((s) => ({ value: s.id, label: s.name }));

  return (
    <Section title="Feeder relations" id="feeders">
      <Notice message={message} />
      <ErrorBanner error={remove.error} />
      <LoadState resource={resource} label="Loading feeder relations…">
        {(data) => (
          <div className="two-col">
            <div>
              <h3>Feeder schools</h3>
              <p className="muted small">Students of these schools go on to {school.name}.</p>
              <SchoolList
                schools={data.feeders}
                empty="No feeder schools."
                onRemove={canManage ? (s) => void remove.run(s) : undefined}
                busy={remove.busy}
              />
              {canManage && (
                <Form onSubmit={() => void add.run()} error={add.error} className="inline-form">
                  <SelectField
                    label="Add a feeder school"
                    name="feederSchoolId"
                    required
                    value={choice}
                    onChange={setChoice}
                    options={options}
                    placeholder="Choose a school…"
                  />
                  <FormActions>
                    <Button type="submit" busy={add.busy} disabled={!choice}>
                      Add feeder
                    </Button>
                  </FormActions>
                </Form>
              )}
            </div>
            <div>
              <h3>Feeds into</h3>
              <p className="muted small">{school.name} students go on to these schools.</p>
              <SchoolList schools={data.feedsInto} empty="Feeds no other school." />
            </div>
          </div>
        )}
      </LoadState>
    </Section>
  );
}
