import { SCHOOL_LEVEL_FILTERS } from '@common/analytics.ts';
import type { Permission } from '@common/permissions.ts';
import { SelectField, TextField } from '../../components/Field.tsx';
import { useSchoolsWhere } from '../../lib/campus.ts';
import { levelLabel, todayIso } from '../../lib/format.ts';
import { useUrlFilters } from '../../lib/url-state.ts';
import { schoolYearName, schoolYearOfDay, schoolYearRange } from './filters.ts';

const KEYS = ['from', 'to', 'school', 'level'] as const;

/** The filters of an analytics page, kept in the address; the default is the current school year. */
export function useAnalyticsFilters() {
  const [filters, setFilters] = useUrlFilters(KEYS);
  const current = schoolYearRange(schoolYearOfDay(todayIso()));
  const from = filters.from || current.from;
  const to = filters.to || current.to;
  const query = { from, to, schoolIds: filters.school || undefined, level: filters.level || undefined };
  return { filters: { ...filters, from, to }, setFilters, query };
}

/** School year, date range, school and level filters. */
export function AnalyticsFilters({
  permission,
  withLevel = true,
}: {
  permission: Permission;
  withLevel?: boolean;
}) {
  const { filters, setFilters } = useAnalyticsFilters();
  const schools = useSchoolsWhere(permission);
  const thisYear = schoolYearOfDay(todayIso());
  const years = Array.from({ length: 6 }, (_, k) => thisYear - k);
  const chosenYear = years.find((y) => {
    const r = schoolYearRange(y);
    return r.from === filters.from && r.to === filters.to;
  });
  return (
    <div className="filters" role="group" aria-label="Filters">
      <SelectField
        label="School year"
        value={chosenYear === undefined ? '' : String(chosenYear)}
        placeholder="Custom range"
        options={years.map((y) => ({ value: String(y), label: schoolYearName(y) }))}
        onChange={(v) => (v ? setFilters(schoolYearRange(Number(v))) : undefined)}
      />
      <TextField label="From" type="date" value={filters.from} onChange={(v) => setFilters({ from: v })} />
      <TextField label="To" type="date" value={filters.to} onChange={(v) => setFilters({ to: v })} />
      {schools.length > 1 && (
        <SelectField
          label="School"
          value={filters.school}
          placeholder="All my schools"
          options={schools}
          onChange={(v) => setFilters({ school: v })}
        />
      )}
      {withLevel && (
        <SelectField
          label="Level"
          value={filters.level}
          placeholder="All levels"
          options={SCHOOL_LEVEL_FILTERS.map((l) => ({ value: l, label: levelLabel(l) }))}
          onChange={(v) => setFilters({ level: v })}
        />
      )}
    </div>
  );
}
