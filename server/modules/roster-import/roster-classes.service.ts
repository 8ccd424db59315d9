import type { TeacherClass } from '../../../common/roster-import.js';
import { canAtSchool, requirePermission } from '../../auth/access.js';
import type { ServiceContext } from '../../lib/context.js';
import { viewAlert } from '../alerts/alerts.service.js';
import { classesOfTeacher } from './roster-classes.repository.js';

/**
 * The actor's own classes at the alert's schools where they receive alerts, with their students: the list the
 * check-in's "students with me" starts from. Only the actor's classes: a teacher never sees another's list here.
 */
export async function myClassesAt(ctx: ServiceContext, alertId: string): Promise<{ items: TeacherClass[] }> {
  requirePermission(ctx.actor, 'alert.receive');
  const alert = await viewAlert(ctx.db, ctx.actor, alertId);
  const schoolIds = alert.schools.filter((s) => canAtSchool(ctx.actor, 'alert.receive', s.id)).map((s) => s.id);
  const classes = await classesOfTeacher(ctx.db, ctx.actor.userId, schoolIds);
  return {
    items: classes.map((c) => ({
      sourcedId: c.sourcedId, schoolId: c.schoolId, title: c.title, classCode: c.classCode, periods: c.periods,
      students: c.students.map((s) => ({ id: s.id, name: `${s.preferredName ?? s.firstName} ${s.lastName}`, grade: s.grade })),
    })),
  };
}
