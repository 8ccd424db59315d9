import type { Assessment } from '../../../common/assessments.js';
import { requireSchool } from '../../auth/access.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, notFound } from '../../lib/errors.js';
import * as repo from './assessments.repository.js';

// Reaching an assessment: the record-level check shared by the assessment and finding services.

export type Permission = 'assessment.read' | 'assessment.manage';

/** The API shape of an assessment row. */
export function toAssessment(row: repo.AssessmentRow): Assessment {
  const x = row.a;
  return {
    id: x.id, school: { id: x.schoolId, name: row.schoolName }, title: x.title, status: x.status, startedOn: x.startedOn,
    completedOn: x.completedOn, notes: x.notes, lead: { id: x.leadId, name: row.leadName }, itemCount: Number(row.itemCount),
    ratedCount: Number(row.ratedCount), openFindings: Number(row.openFindings),
    ratingCounts: { in_place: Number(row.inPlace), partial: Number(row.partial), absent: Number(row.absent), not_applicable: Number(row.notApplicable) },
    updatedAt: x.updatedAt.toISOString(),
  };
}

/** An assessment the actor holds `permission` for at its school; otherwise not found. */
export async function accessibleAssessment(ctx: ServiceContext, id: string, permission: Permission) {
  const row = await repo.findAssessment(ctx.db, ctx.actor.districtId, id);
  if (!row) throw notFound('Assessment');
  requireSchool(ctx.actor, permission, row.a.schoolId, 'Assessment');
  return row;
}

/** Throws 409 unless the assessment is still in progress. */
export function inProgress(row: repo.AssessmentRow) {
  if (row.a.status !== 'in_progress') throw new AppError('conflict', 'The assessment is completed and can no longer change', { field: 'status' });
}
