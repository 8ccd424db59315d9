import { recordOwnerLines } from '../exports/exports.service.js';
import type { AnalyticsQuery } from '../../../common/analytics.js';
import { REPORT_KIND_LABELS, type ReportFormat, type ReportKind } from '../../../common/reports.js';
import { can, scopeOf } from '../../auth/access.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { requireOfficer } from '../activity/activity.service.js';
import { monthlyReportCsv } from '../activity/report.csv.js';
import { monthlyReportPdf } from '../activity/report.pdf.js';
import { buildReports } from '../activity/report.service.js';
import { dashboardCsv, dashboardPdf, equityCsv, equityPdf } from '../analytics/analytics.files.js';
import { getDashboard } from '../analytics/analytics.service.js';
import { crdcCsv } from '../analytics/crdc.csv.js';
import { crdcPdf } from '../analytics/crdc.pdf.js';
import { getCrdcTables, getEquity } from '../analytics/crdc.service.js';
import { REPORT_PERMISSION } from './reports.policy.js';
import { findNames } from './reports.repository.js';

/** What a subscription asks for, as far as access is concerned. */
export interface ReportRequest {
  report: ReportKind;
  schoolIds: string[];
  level: string | null;
  officerId: string | null;
}

/** A rendered report, ready to attach. */
export interface ReportFile {
  fileName: string;
  contentType: string;
  content: Buffer;
  title: string;
}

/**
 * Throws unless the actor may read the report at the subscription's scope now: 403 without the report's
 * permission anywhere, 404 (field schoolIds) for a school outside their scope, 404 for an SRO whose log they
 * do not see. Called at creation and, with the recipient's current grants, before every send.
 */
export async function requireReportAccess(ctx: ServiceContext, r: ReportRequest): Promise<{ id: string; name: string } | null> {
  const permission = REPORT_PERMISSION[r.report];
  if (!can(ctx.actor, permission)) throw new AppError('forbidden', `You do not have the permission ${permission}`);
  if (r.report === 'activity') return requireOfficer(ctx, r.officerId ?? undefined);
  const scope = scopeOf(ctx.actor, permission);
  const known = r.schoolIds.length ? (await findNames(ctx.db, ctx.actor.districtId, [], r.schoolIds)).schools : new Map<string, string>();
  for (const id of r.schoolIds) {
    if (!known.has(id) || (!scope.all && !scope.schoolIds.includes(id))) throw new AppError('not_found', 'School not found', { field: 'schoolIds' });
  }
  return null;
}

const slug = (s: string) => s.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'report';

/** Renders a report for the period with the actor's access (the services check the scope again and audit the view). */
export async function renderReport(ctx: ServiceContext, r: ReportRequest, format: ReportFormat, period: { from: string; to: string; month: string }): Promise<ReportFile> {
  const officer = await requireReportAccess(ctx, r);
  const now = ctx.clock.now();
  const query = {
    from: period.from, to: period.to, ...(r.schoolIds.length ? { schoolIds: r.schoolIds } : {}), ...(r.level ? { level: r.level } : {}),
  } as AnalyticsQuery;
  const csv = (text: string) => Buffer.from(text, 'utf8');
  const label = REPORT_KIND_LABELS[r.report];
  let content: Buffer;
  let base: string;
  if (r.report === 'dashboard') {
    const d = await getDashboard(ctx, query);
    content = format === 'pdf' ? await dashboardPdf(d, now) : csv(dashboardCsv(d));
    base = `dashboard-${period.from}-${period.to}`;
  } else if (r.report === 'equity') {
    const e = await getEquity(ctx, query);
    content = format === 'pdf' ? await equityPdf(e, now) : csv(equityCsv(e));
    base = `equity-${period.from}-${period.to}`;
  } else if (r.report === 'crdc') {
    const t = await getCrdcTables(ctx, query);
    content = format === 'pdf' ? await crdcPdf(t, now) : csv(crdcCsv(t));
    base = `crdc-${period.from}-${period.to}`;
  } else {
    const [report] = await buildReports(ctx, [officer!], period.month);
    content = format === 'pdf' ? await monthlyReportPdf(report!, now, await recordOwnerLines(ctx, 'activity_report')) : csv(monthlyReportCsv(report!));
    base = `sro-activity-${period.month}-${slug(officer!.name)}`;
  }
  const title = r.report === 'activity' ? `${label} ${period.month}: ${officer!.name}` : `${label} ${period.from} to ${period.to}`;
  return { fileName: `${base}.${format}`, contentType: format === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8', content, title };
}
