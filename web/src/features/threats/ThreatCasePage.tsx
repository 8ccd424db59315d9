import { Link, useParams } from 'react-router-dom';
import { RecordOwnerBanner } from '../../components/RecordOwnerBanner.tsx';
import type { ThreatCase } from '@common/tips.ts';
import { Badge } from '../../components/Badge.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { formatDateTime, formatDay, roleLabel } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { CaseClosure } from './CaseClosure.tsx';
import { CaseNotes } from './CaseNotes.tsx';
import { CaseTasks } from './CaseTasks.tsx';
import { CstagSteps } from './CstagSteps.tsx';
import { CASE_STATUS_LABELS, caseStatusTone } from './labels.ts';
import { SafetyPlanSection } from './SafetyPlanSection.tsx';

/** One threat assessment case: the threat, the team, the CSTAG steps, tasks, notes, safety plan, closure. */
export function ThreatCasePage() {
  const { id = '' } = useParams();
  const resource = useApiData<ThreatCase>(`/threat-cases/${id}`);
  const { can } = useSession();
  return (
    <LoadState resource={resource} label="Loading the case…">
      {(c) => <CaseView threatCase={c} canManage={can('threat.manage')} onChange={resource.mutate} />}
    </LoadState>
  );
}

function CaseView({
  threatCase: c,
  canManage,
  onChange,
}: {
  threatCase: ThreatCase;
  canManage: boolean;
  onChange: (threatCase: ThreatCase) => void;
}) {
  const { can } = useSession();
  const props = { threatCase: c, canManage, onChange };
  return (
    <Page
      title={`Case ${c.number}`}
      breadcrumbs={[{ label: 'Threat assessment', to: '/threats' }]}
      description={`${c.subjectName} · ${c.schoolName} · opened ${formatDateTime(c.openedAt)}`}
      actions={
        <a
          className="btn btn-secondary"
          href={`/api/threat-cases/${c.id}/summary.pdf`}
          target="_blank"
          rel="noreferrer"
        >
          Case summary (PDF)
        </a>
      }
    >
      <RecordOwnerBanner type="threat_case" />
      <div className="page-sections">
        <Section title="The threat" id="case-threat">
          <div className="row mb-sm">
            <Badge tone={caseStatusTone(c.status)}>{CASE_STATUS_LABELS[c.status]}</Badge>
            {c.nextReviewOn && <Badge tone="info">Next review {formatDay(c.nextReviewOn)}</Badge>}
            <span className="muted small">{c.openTasks} open tasks</span>
          </div>
          <dl className="details">
            <div>
              <dt>Student of concern</dt>
              <dd>
                {can('student.read') ? (
                  <Link to={`/students/${c.subjectStudentId}`}>{c.subjectName}</Link>
                ) : (
                  c.subjectName
                )}
              </dd>
            </div>
            <div>
              <dt>Opened from</dt>
              <dd>
                {c.tipId ? (
                  can('tip.read') ? (
                    <Link to={`/tips/${c.tipId}`}>an anonymous tip</Link>
                  ) : (
                    'an anonymous tip'
                  )
                ) : c.incidentId ? (
                  can('incident.read') ? (
                    <Link to={`/incidents/${c.incidentId}`}>an incident</Link>
                  ) : (
                    'an incident'
                  )
                ) : c.source === 'incident' ? (
                  // The incident was sealed: the link is replaced, its id is not kept.
                  'a sealed record'
                ) : (
                  'a direct report'
                )}
              </dd>
            </div>
            <div>
              <dt>Intended victims</dt>
              <dd>{c.intendedVictims ?? <span className="muted">None named</span>}</dd>
            </div>
            <div>
              <dt>Team</dt>
              <dd>
                <ul className="plain-list" aria-label="Case team">
                  {c.team.map((m) => (
                    <li key={m.userId}>
                      {m.name}
                      {m.role ? <span className="muted small"> · {roleLabel(m.role)}</span> : null}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          </dl>
          <h3>Threat as reported</h3>
          <p className="narrative-text">{c.threatAsReported}</p>
        </Section>
        <CstagSteps {...props} />
        <CaseTasks {...props} />
        <SafetyPlanSection {...props} />
        <CaseNotes {...props} defaultKind={c.status === 'monitoring' ? 'monitoring' : 'interview'} />
        <CaseClosure {...props} />
      </div>
    </Page>
  );
}
