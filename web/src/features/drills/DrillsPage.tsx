import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Drill, SchoolCompliance } from '@common/preparedness.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { withQuery } from '../../lib/api.ts';
import { formatDay, todayIso } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import {
  DRILL_TYPE_LABELS,
  schoolYearLabel,
  schoolYearOf,
  schoolYearOptions,
} from '../preparedness/labels.ts';
import { ComplianceOverviewGrid } from './ComplianceOverviewGrid.tsx';
import { ComplianceSection } from './ComplianceSection.tsx';
import { DrillForm, FORM_LABELS, type DrillFormMode } from './DrillForm.tsx';
import { DrillList } from './DrillList.tsx';
import { DrillReminders } from './DrillReminders.tsx';
import { ReportLinks } from './ReportLinks.tsx';

/** One school's year: compliance of every rule and the drills, with schedule / record / edit. */
function SchoolDrills({
  schoolId,
  schoolYear,
  asOf,
}: {
  schoolId: string;
  schoolYear: number;
  asOf?: string;
}) {
  const { can } = useSession();
  const canRecord = can('drill.record');
  const compliance = useApiData<SchoolCompliance>(`/compliance/schools/${schoolId}`, { schoolYear, asOf });
  const drills = useApiData<{ items: Drill[] }>('/drills', { schoolId, schoolYear, limit: 1000 });
  const [mode, setMode] = useState<DrillFormMode | null>(null);
  const [editing, setEditing] = useState<Drill | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const open = (m: DrillFormMode, drill: Drill | null = null) => {
    setMessage(null);
    setEditing(drill);
    setMode(m);
  };
  const done = (d: Drill) => {
    const what = `${DRILL_TYPE_LABELS[d.type]} drill on ${formatDay(d.date)}`;
    setMessage(
      d.status === 'completed'
        ? `The ${what} is recorded.`
        : d.status === 'cancelled'
          ? `The ${what} is cancelled.`
          : `The ${what} is scheduled.`,
    );
    setMode(null);
    setEditing(null);
    compliance.reload();
    drills.reload();
  };

  return (
    <>
      <div className="row-between drill-toolbar">
        {canRecord ? (
          <div className="row">
            <Button variant="primary" onClick={() => open('record')}>
              Record a drill
            </Button>
            <Button onClick={() => open('schedule')}>Schedule a drill</Button>
          </div>
        ) : (
          <span />
        )}
        <ReportLinks schoolYear={schoolYear} schoolId={schoolId} asOf={asOf} />
      </div>
      <Notice message={message} />
      <div className="page-sections">
        <LoadState resource={compliance} label="Loading compliance…">
          {(c) => <ComplianceSection compliance={c} drills={drills.data?.items ?? []} />}
        </LoadState>
        <LoadState resource={drills} label="Loading drills…">
          {({ items }) => (
            <DrillList
              drills={items}
              canRecord={canRecord}
              onEdit={(d) => open(d.status === 'scheduled' ? 'conduct' : 'edit', d)}
              onSchedule={() => open('schedule')}
              busy={drills.loading}
            />
          )}
        </LoadState>
      </div>
      <Dialog
        open={mode !== null}
        title={mode ? FORM_LABELS[mode] : 'Drill'}
        onClose={() => setMode(null)}
        wide
      >
        {mode && (
          <DrillForm
            mode={mode}
            schoolId={schoolId}
            drill={editing ?? undefined}
            onDone={done}
            onCancel={() => setMode(null)}
          />
        )}
      </Dialog>
    </>
  );
}

/**
 * Drills and their compliance: one school's year (rules met, on track, at risk or missed, and the drills
 * counted), or with "All schools" the district overview grid.
 */
export function DrillsPage() {
  const { can, schools } = useSession();
  const [filters, setFilters] = useUrlFilters(['schoolId', 'year', 'asOf'] as const);
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const today = todayIso();
  const currentYear = schoolYearOf(today);
  // A past day judges the year it falls in, unless a year is chosen.
  const asOf = filters.asOf && filters.asOf <= today ? filters.asOf : undefined;
  const schoolYear = Number(filters.year) || (asOf ? schoolYearOf(asOf) : currentYear);
  const schoolOptions = useSchoolOptions();
  const many = schools.length > 1;

  return (
    <Page
      title="Drills"
      description={`Drills held and planned, and whether each school meets its drill rules in ${schoolYearLabel(schoolYear)}.`}
      actions={
        <><DownloadCsv path="/drills" query={{ schoolId, schoolYear, limit: 1000 }} permission="drill.read" />
          <Link className="btn btn-secondary" to="/drills/rules">
            {can('drill.rules.manage') ? 'Edit drill rules' : 'Drill rules'}
          </Link>
          {can('drill.rules.manage') && (
            <Link
              className="btn btn-secondary"
              to={withQuery('/drills/calendar', { schoolId, year: schoolYear })}
            >
              School calendar
            </Link>
          )}
        </>
      }
    >
      <div role="search" className="filters" aria-label="Choose school and year">
        <SelectField
          label="School"
          value={many ? selectValue : schoolId}
          onChange={(v) => setFilters({ schoolId: v })}
          options={many ? withAllSchools(schoolOptions) : schoolOptions}
          hint={many ? 'All schools shows the district overview' : undefined}
        />
        <SelectField
          label="School year"
          value={String(schoolYear)}
          onChange={(v) => setFilters({ year: v === String(currentYear) ? '' : v })}
          options={schoolYearOptions(currentYear)}
        />
        <TextField
          label="Compliance as of"
          name="asOf"
          type="date"
          max={today}
          value={asOf ?? ''}
          onChange={(v) => setFilters({ asOf: v === today ? '' : v })}
          hint="Empty: today. A past day shows where each school stood at its end."
        />
      </div>
      {asOf && (
        <div className="banner banner-info" role="status">
          <p className="banner-text">
            Compliance as of {formatDay(asOf)}: drills held or recorded after that day do not count, and
            windows open then show as they stood.{' '}
            <Button size="small" onClick={() => setFilters({ asOf: '' })}>
              Show today
            </Button>
          </p>
        </div>
      )}
      <DrillReminders schoolId={schoolId} />
      {schoolId ? (
        <SchoolDrills
          key={`${schoolId} ${schoolYear} ${asOf ?? ''}`}
          schoolId={schoolId}
          schoolYear={schoolYear}
          asOf={asOf}
        />
      ) : schools.length === 0 ? (
        <p className="muted">You are not assigned to a school yet.</p>
      ) : (
        <ComplianceOverviewGrid
          schoolYear={schoolYear}
          asOf={asOf}
          onOpenSchool={(id) => setFilters({ schoolId: id })}
        />
      )}
    </Page>
  );
}
