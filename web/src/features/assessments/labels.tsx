import { NavLink } from 'react-router-dom';
import {
  ASSESSMENT_LAYERS,
  ASSESSMENT_LAYER_LABELS,
  ASSESSMENT_RATINGS,
  ASSESSMENT_RATING_LABELS,
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  FINDING_STATUS_LABELS,
  type AssessmentRating,
  type FindingSeverity,
  type FindingStatus,
} from '@common/assessments.ts';
import { Badge } from '../../components/Badge.tsx';
import type { Option } from '../../components/Field.tsx';
import { useDistrictWide } from '../../lib/campus.ts';

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** Readable names of severities. */
export const SEVERITY_LABELS: Record<FindingSeverity, string> = {
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
  critical: 'Critical',
};
const SEVERITY_TONE: Record<FindingSeverity, Tone> = {
  low: 'neutral',
  moderate: 'info',
  high: 'warning',
  critical: 'danger',
};
const STATUS_TONE: Record<FindingStatus, Tone> = {
  open: 'warning',
  in_progress: 'info',
  remediated: 'success',
  accepted_risk: 'neutral',
};
const RATING_TONE: Record<AssessmentRating, Tone> = {
  in_place: 'success',
  partial: 'warning',
  absent: 'danger',
  not_applicable: 'neutral',
};

/** Severities, statuses, layers and ratings as select options. */
export const SEVERITY_OPTIONS: Option[] = FINDING_SEVERITIES.map((s) => ({
  value: s,
  label: SEVERITY_LABELS[s],
}));
export const FINDING_STATUS_OPTIONS: Option[] = FINDING_STATUSES.map((s) => ({
  value: s,
  label: FINDING_STATUS_LABELS[s],
}));
export const LAYER_OPTIONS: Option[] = ASSESSMENT_LAYERS.map((l) => ({
  value: l,
  label: ASSESSMENT_LAYER_LABELS[l],
}));
export const RATING_OPTIONS: Option[] = ASSESSMENT_RATINGS.map((r) => ({
  value: r,
  label: ASSESSMENT_RATING_LABELS[r],
}));
export const CONFIDENCE_OPTIONS: Option[] = [
  { value: 'low', label: 'Low' },
  { value: 'medium', label: 'Medium' },
  { value: 'high', label: 'High' },
];

/** A finding's severity as a badge. */
export function SeverityBadge({ severity }: { severity: FindingSeverity }) {
  return <Badge tone={SEVERITY_TONE[severity]}>{SEVERITY_LABELS[severity]}</Badge>;
}

/** A finding's remediation status as a badge. */
export function FindingStatusBadge({ status }: { status: FindingStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{FINDING_STATUS_LABELS[status]}</Badge>;
}

/** A rating as a badge; unrated shows muted. */
export function RatingBadge({ rating }: { rating: AssessmentRating | null }) {
  if (!rating) return <span className="muted">Not rated</span>;
  return <Badge tone={RATING_TONE[rating]}>{ASSESSMENT_RATING_LABELS[rating]}</Badge>;
}

/** The sub-navigation of security assessments. */
export function AssessmentTabs() {
  const canTemplate = useDistrictWide('assessment.manage');
  return (
    <nav className="sub-tabs" aria-label="Security assessments">
      <ul>
        <li>
          <NavLink to="/assessments" end>
            Assessments
          </NavLink>
        </li>
        <li>
          <NavLink to="/assessments/findings" end>
            Findings
          </NavLink>
        </li>
        {canTemplate && (
          <li>
            <NavLink to="/assessments/template" end>
              District template
            </NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
