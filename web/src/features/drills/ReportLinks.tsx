import { withQuery } from '../../lib/api.ts';

/** Links to the compliance report of a school (or of every school) as PDF and CSV. */
export function ReportLinks({
  schoolYear,
  schoolId,
  asOf,
}: {
  schoolYear: number;
  schoolId?: string;
  asOf?: string;
}) {
  const query = { schoolYear, schoolId, asOf };
  const what = schoolId ? 'this school' : 'all schools';
  return (
    <span className="row">
      <a
        className="btn btn-ghost btn-small"
        href={`/api${withQuery('/compliance/report.pdf', query)}`}
        download
      >
        Report (PDF)<span className="visually-hidden">, {what}</span>
      </a>
      <a
        className="btn btn-ghost btn-small"
        href={`/api${withQuery('/compliance/report.csv', query)}`}
        download
      >
        Report (CSV)<span className="visually-hidden">, {what}</span>
      </a>
    </span>
  );
}
