import { ownerLabelOf } from '../../../common/record-owners.js';
import {
  ASSESSMENT_LAYER_LABELS, ASSESSMENT_LAYERS, ASSESSMENT_RATING_LABELS, FINDING_STATUS_LABELS, type AssessmentDetail,
} from '../../../common/assessments.js';
import { createPdf } from '../../lib/pdf.js';

// The report of one campus security assessment: summary, measures by layer with ratings, findings with remediation.

/** The assessment report as PDF bytes. */
export function assessmentPdf(a: AssessmentDetail, createdAt: Date): Promise<Buffer> {
  const title = `Security assessment: ${a.school.name}`;
  const pdf = createPdf({ title, owner: ownerLabelOf('operational', null), subject: a.title, author: 'SRO Desk', createdAt });
  const status = a.status === 'completed' ? `completed ${a.completedOn}` : 'in progress';
  pdf.title(title, `${a.title} · started ${a.startedOn} · ${status}`);
  pdf.fields([
    ['Lead', a.lead.name],
    ['Measures rated', `${a.ratedCount} of ${a.itemCount}`],
    ['In place', a.ratingCounts.in_place], ['Partial', a.ratingCounts.partial], ['Absent', a.ratingCounts.absent],
    ['Not applicable', a.ratingCounts.not_applicable], ['Open findings', a.openFindings],
  ]);
  if (a.notes) pdf.paragraph(a.notes);
  for (const layer of ASSESSMENT_LAYERS) {
    const items = a.items.filter((i) => i.layer === layer);
    if (items.length === 0) continue;
    pdf.heading(ASSESSMENT_LAYER_LABELS[layer]);
    pdf.list(items.map((i) => {
      const rating = i.rating ? ASSESSMENT_RATING_LABELS[i.rating] : 'Not rated';
      const confidence = i.confidence ? `, ${i.confidence} confidence` : '';
      const photos = i.photos.length ? ` (${i.photos.length} photo${i.photos.length > 1 ? 's' : ''})` : '';
      return `${i.title}: ${rating}${confidence}${photos}${i.notes ? `. ${i.notes}` : ''}`;
    }));
  }
  pdf.heading('Findings');
  pdf.list(a.findings.map((f) => [
    `[${f.severity.toUpperCase()}] ${f.title}`,
    `status ${FINDING_STATUS_LABELS[f.status]}`,
    f.owner ? `owner ${f.owner.name}` : 'no owner',
    f.dueOn ? `due ${f.dueOn}${f.overdue ? ' (overdue)' : ''}` : null,
    f.workOrder ? `work order ${f.workOrder.number}` : null,
  ].filter(Boolean).join(' · ') + (f.description ? `. ${f.description}` : '')));
  return pdf.finish();
}
