import type { Permission } from '@common/permissions.ts';
import { withQuery } from '../lib/api.ts';
import { useSession } from '../lib/session.tsx';

type Query = Parameters<typeof withQuery>[1];

/**
 * "Download CSV" of a list: the same API list the page shows, with the page's current filters, answered as a
 * CSV file by the server (server/modules/exports). A plain link, so the browser streams the file to disk.
 * Hidden when the user may not read the list (`permission`).
 */
export function DownloadCsv({
  path,
  query,
  permission,
  label = 'Download CSV',
}: {
  path: string;
  query?: Query;
  permission?: Permission;
  label?: string;
}) {
  const { can } = useSession();
  if (permission && !can(permission)) return null;
  return (
    <a className="btn btn-secondary" href={withQuery(`/api${path}`, { ...query, format: 'csv' })} download>
      {label}
    </a>
  );
}
