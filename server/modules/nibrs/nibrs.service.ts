import { randomUUID } from 'node:crypto';
import type { NibrsPreview } from '../../../common/incidents.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requirePermission, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { nibrsIssues } from '../incidents/nibrs.edits.js';
import { localDay } from '../incidents/nibrs.report.js';
import { sealedIncidentNumber } from '../sealing/sealing.service.js';
import * as repo from './nibrs.repository.js';
import { checkSubmission } from './nibrs.structure.js';
import { deleteXml, incidentXml, reportOfRow, submissionXml } from './nibrs.xml.js';

/** The instant a local wall-clock time occurs in a zone (DST-safe: the offset is read at the instant itself). */
export function zonedInstant(year: number, month: number, day: number, zone: string): Date {
  const guess = Date.UTC(year, month - 1, day);
  const offsetAt = (t: number) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(t)).map((p) => [p.type, p.value]));
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - t;
  };
  const first = guess - offsetAt(guess);
  return new Date(guess - offsetAt(first));
}

/** Builds the month: what goes into the file (I/R/D) and every incident failing an edit, with each reason. */
async function buildMonth(db: Db, ctx: ServiceContext, month: string) {
  const timezone = await repo.findTimezone(db, ctx.actor.districtId);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = zonedInstant(y, m, 1, timezone).toISOString();
  const to = zonedInstant(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1, timezone).toISOString();
  const scope = scopeOf(ctx.actor, 'nibrs.submit');
  const [rows, deletes, ori] = [await repo.findMonth(db, ctx.actor.districtId, scope, from, to), await repo.findDeletes(db, ctx.actor.districtId, scope), await repo.findOri(db, ctx.actor.districtId)];
  const items: NibrsPreview['items'] = [];
  const reports: string[] = [];
  const sent: { incidentId: string; action: string; version: number }[] = [];
  for (const row of rows) {
    const report = reportOfRow(row, timezone);
    const issues = nibrsIssues(report).map(({ when: _when, ...issue }) => issue);
    const action = issues.length ? null : row.last_action === 'I' || row.last_action === 'R' ? 'R' : 'I';
    items.push({ incidentId: row.id, number: row.number, occurredAt: new Date(row.occurred_at).toISOString(), action, issues });
    if (action && ori) {
      reports.push(incidentXml(row, report, action, month, ori, timezone));
      sent.push({ incidentId: row.id, action, version: row.version });
    }
  }
  for (const d of deletes) {
    // A sealed record keeps only a shell here; the state repository knows it by the number in its sealed package,
    // which goes into the delete and nowhere else (the preview says only that it is sealed).
    const number = d.sealed ? await sealedIncidentNumber(ctx, db, d.id) : d.number;
    items.push({ incidentId: d.id, number: d.sealed ? 'Sealed record' : d.number, occurredAt: new Date(d.occurred_at).toISOString(), action: 'D', issues: [] });
    if (ori && number !== null) {
      reports.push(deleteXml(number, month, ori));
      sent.push({ incidentId: d.id, action: 'D', version: d.version });
    }
  }
  const count = (a: string | null) => items.filter((i) => i.action === a).length;
  const counts = { add: count('I'), replace: count('R'), delete: count('D'), failed: count(null) };
  return { preview: { month, ori, counts, items }, reports, sent, ori };
}

/** The pre-submission report of a month (audited: it names incidents). */
export async function previewMonth(ctx: ServiceContext, requested: string | undefined): Promise<NibrsPreview> {
  requirePermission(ctx.actor, 'nibrs.submit');
  return ctx.db.transaction(async (tx) => {
    const month = requested ?? localDay(ctx.clock.now(), await repo.findTimezone(tx, ctx.actor.districtId)).slice(0, 7);
    const { preview } = await buildMonth(tx, ctx, month);
    await writeAudit(tx, whoOf(ctx), { type: 'nibrs.previewed', subjectType: 'district', subjectId: ctx.actor.districtId, detail: { month, counts: preview.counts } });
    return preview;
  });
}

/** Generates the month's XML file, records what it carried (so later files replace or delete) and audits it. */
export async function exportMonth(ctx: ServiceContext, month: string): Promise<{ xml: string; fileName: string }> {
  requirePermission(ctx.actor, 'nibrs.submit');
  return ctx.db.transaction(async (tx) => {
    const { preview, reports, sent, ori } = await buildMonth(tx, ctx, month);
    if (!ori) throw new AppError('conflict', 'Set the agency ORI on the district page before generating a NIBRS file', { field: 'nibrsOri' });
    const messageId = randomUUID();
    const xml = submissionXml(reports, ori, messageId, ctx.clock.now());
    const problems = checkSubmission(xml);
    // A file the schema subset refuses is a bug here, never the user's: nothing is recorded and the request fails.
    if (problems.length) throw new Error(`NIBRS file failed its structure check: ${problems.slice(0, 5).join('; ')}`);
    const exportId = await repo.insertExport(tx, {
      districtId: ctx.actor.districtId, month, ori, counts: preview.counts, createdById: ctx.actor.userId, createdAt: ctx.clock.now(),
    }, sent);
    await writeAudit(tx, whoOf(ctx), {
      type: 'nibrs.exported', subjectType: 'district', subjectId: ctx.actor.districtId, detail: { month, exportId, messageId, counts: preview.counts },
    });
    return { xml, fileName: `nibrs-${ori}-${month}.xml` };
  });
}

/** Files generated so far for the district. */
export async function listExports(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'nibrs.submit');
  const items = await repo.findExports(ctx.db, ctx.actor.districtId);
  return { items: items.map((x) => ({ ...x, createdAt: x.createdAt.toISOString() })) };
}
