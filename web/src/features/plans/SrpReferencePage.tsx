import { Link } from 'react-router-dom';
import type { SrpReference } from '@common/preparedness.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { useApiData } from '../../lib/hooks.ts';

// The colours of the SRP posters, named too: the colour is never the only way to tell the actions apart.
const COLOUR_NAMES: Record<SrpReference['actions'][number]['key'], string> = {
  hold: 'purple',
  secure: 'blue',
  lockdown: 'red',
  evacuate: 'green',
  shelter: 'orange',
};

/**
 * The Standard Response Protocol quick reference for staff: one card per action with its colour, term,
 * directive and what students and staff do, the shelter strategies, reunification and the school's
 * protocol documents. Built for a phone in a hallway: large type, one column.
 */
export function SrpReferencePage() {
  const srp = useApiData<SrpReference>('/srp');
  return (
    <Page
      title="Standard Response Protocol"
      breadcrumbs={[{ label: 'Safety plans', to: '/plans' }]}
      description="Five actions, each a term and a directive. Every action lasts until the All Clear."
    >
      <LoadState resource={srp} label="Loading the quick reference…">
        {(ref) => (
          <>
            <ol className="srp-list" aria-label="The five SRP actions">
              {ref.actions.map((action) => (
                <li key={action.key}>
                  <article className={`srp-card srp-${action.key}`} aria-labelledby={`srp-${action.key}`}>
                    <header className="srp-head">
                      <h2 id={`srp-${action.key}`} className="srp-term">
                        {action.term}
                      </h2>
                      <p className="srp-directive">{action.directive}</p>
                      <p className="srp-colour">Colour: {COLOUR_NAMES[action.key]}</p>
                    </header>
                    <dl className="srp-body">
                      <div>
                        <dt>Students</dt>
                        <dd>{action.students}</dd>
                      </div>
                      <div>
                        <dt>Staff</dt>
                        <dd>{action.staff}</dd>
                      </div>
                      {action.key === 'shelter' && (
                        <div>
                          <dt>Hazard: safety strategy</dt>
                          <dd>
                            <ul className="srp-strategies">
                              {ref.shelter.map((s) => (
                                <li key={s.hazard}>
                                  <strong>{s.hazard}:</strong> {s.strategy}
                                </li>
                              ))}
                            </ul>
                          </dd>
                        </div>
                      )}
                    </dl>
                  </article>
                </li>
              ))}
            </ol>
            <div className="page-sections">
              <section className="card srp-all-clear" aria-labelledby="srp-reunification">
                <h2 id="srp-reunification">Reunification</h2>
                <ol>
                  {ref.reunification.map((step) => (
                    <li key={step}>{step}</li>
                  ))}
                </ol>
              </section>
              <section className="card" aria-labelledby="srp-protocols">
                <h2 id="srp-protocols">Your school&rsquo;s protocols</h2>
                {ref.protocols.length === 0 ? (
                  <p className="muted">No protocol document yet.</p>
                ) : (
                  <ul className="list-rows">
                    {ref.protocols.map((p) => (
                      <li key={p.planId}>
                        <Link to={`/plans/${p.planId}`}>{p.title}</Link>
                        <span className="muted small">
                          {p.schoolName ?? 'District'} · version {p.version}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <p className="muted small">
                Standard Response Protocol of the &ldquo;I Love U Guys&rdquo; Foundation.
              </p>
            </div>
          </>
        )}
      </LoadState>
    </Page>
  );
}
