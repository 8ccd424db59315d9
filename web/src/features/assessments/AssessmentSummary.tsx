import { ASSESSMENT_LAYERS, ASSESSMENT_LAYER_LABELS, type AssessmentDetail } from '@common/assessments.ts';

/** Progress and ratings of an assessment: tiles for the counts, and a bar per layer of measures in place. */
export function AssessmentSummary({ assessment }: { assessment: AssessmentDetail }) {
  const { ratingCounts: c } = assessment;
  return (
    <>
      <dl className="stat-row" aria-label="Ratings">
        <div>
          <dt>Rated</dt>
          <dd>
            {assessment.ratedCount} / {assessment.itemCount}
          </dd>
        </div>
        <div className="stat-success">
          <dt>In place</dt>
          <dd>{c.in_place}</dd>
        </div>
        <div className={c.partial > 0 ? 'stat-warning' : undefined}>
          <dt>Partial</dt>
          <dd>{c.partial}</dd>
        </div>
        <div className={c.absent > 0 ? 'stat-danger' : undefined}>
          <dt>Absent</dt>
          <dd>{c.absent}</dd>
        </div>
        <div>
          <dt>Not applicable</dt>
          <dd>{c.not_applicable}</dd>
        </div>
        <div className={assessment.openFindings > 0 ? 'stat-warning' : undefined}>
          <dt>Open findings</dt>
          <dd>{assessment.openFindings}</dd>
        </div>
      </dl>
      <h3>Measures in place by layer</h3>
      <ul className="bar-chart" aria-label="Measures in place by layer">
        {ASSESSMENT_LAYERS.map((layer) => {
          const items = assessment.items.filter((i) => i.layer === layer && i.rating !== 'not_applicable');
          if (items.length === 0) return null;
          const inPlace = items.filter((i) => i.rating === 'in_place').length;
          return (
            <li key={layer}>
              <span>{ASSESSMENT_LAYER_LABELS[layer]}</span>
              <span className="bar-track" aria-hidden="true">
                <span className="bar-fill" style={{ width: `${(inPlace / items.length) * 100}%` }} />
              </span>
              <span className="small">
                {inPlace} of {items.length}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
