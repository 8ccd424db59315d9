import { LABELS, type IncidentDetail } from '@common/incidents.ts';
import { Section } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';

/** The facts of a report: where and when, offenses, persons with the actions about each, and the narrative. */
export function IncidentDetails({ incident }: { incident: IncidentDetail }) {
  const general = incident.actions.filter((a) => a.personId === null);
  return (
    <>
      <Section title="Report" id="report">
        <dl className="details">
          <div>
            <dt>When</dt>
            <dd>{formatDateTime(incident.occurredAt)}</dd>
          </div>
          <div>
            <dt>School</dt>
            <dd>{incident.schoolName}</dd>
          </div>
          <div>
            <dt>Where</dt>
            <dd>
              {incident.onCampus ? (incident.areaName ?? 'On campus') : 'Off campus'}
              {incident.locationText ? ` · ${incident.locationText}` : ''}
            </dd>
          </div>
          <div>
            <dt>NIBRS location</dt>
            <dd>
              {incident.locationCode} {incident.locationName}
            </dd>
          </div>
          <div>
            <dt>Officer</dt>
            <dd>{incident.authorName}</dd>
          </div>
          <div>
            <dt>Approved</dt>
            <dd>
              {incident.approvedAt
                ? `${formatDateTime(incident.approvedAt)} by ${incident.approvedByName ?? ''}`
                : 'Not yet'}
            </dd>
          </div>
        </dl>
        {incident.summary && <p>{incident.summary}</p>}
      </Section>
      <Section title="Offenses" id="offenses">
        {incident.offenses.length === 0 ? (
          <p className="muted">No offense recorded.</p>
        ) : (
          <ul className="plain-list">
            {incident.offenses.map((o) => (
              <li key={o.id}>
                {/* The label already begins with the NIBRS code ("13B Simple Assault"): show the code once, set apart. */}
                {o.kind === 'nibrs' && o.code && o.label.startsWith(`${o.code} `) ? (
                  <>
                    <span className="mono">{o.code}</span> {o.label.slice(o.code.length + 1)}
                  </>
                ) : (
                  o.label
                )}
                {o.attempted ? ' (attempted)' : ''}
                {o.weaponForce.length > 0 && (
                  <span className="muted small"> · weapon/force {o.weaponForce.join(', ')}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Persons and actions" id="persons">
        {incident.persons.length === 0 && general.length === 0 ? (
          <p className="muted">No person recorded.</p>
        ) : (
          <ul className="list-rows">
            {incident.persons.map((p) => {
              const actions = incident.actions.filter((a) => a.personId === p.id);
              return (
                <li key={p.id}>
                  <span>
                    <strong>
                      {p.firstName} {p.lastName}
                    </strong>{' '}
                    <span className="muted small">
                      {LABELS.personKind[p.kind]} · {LABELS.personRole[p.role]}
                      {p.grade !== null ? ` · grade ${p.grade}` : ''}
                      {p.juvenile ? ' · juvenile' : ''}
                    </span>
                    {p.description && (
                      <>
                        <br />
                        <span className="small">{p.description}</span>
                      </>
                    )}
                  </span>
                  <span className="small">
                    {actions.length === 0
                      ? 'No action'
                      : actions
                          .map(
                            (a) => `${LABELS.action[a.kind]}${a.implied ? ' (implied by the arrest)' : ''}`,
                          )
                          .join(', ')}
                  </span>
                </li>
              );
            })}
            {general.map((a) => (
              <li key={a.id}>
                <span>{LABELS.action[a.kind]}</span>
                <span className="muted small">{a.note}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Narrative" id="narrative">
        {incident.narrative === null ? (
          <p className="muted">Investigative narratives are not shown to your role.</p>
        ) : incident.narrative ? (
          <p className="narrative-text">{incident.narrative}</p>
        ) : (
          <p className="muted">No narrative written yet.</p>
        )}
      </Section>
    </>
  );
}
