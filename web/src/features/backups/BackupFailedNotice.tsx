import { Link } from 'react-router-dom';
import { formatDateTime } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';

/** On the system administrator's home: the latest scheduled backup failed (nothing shown otherwise). */
export function BackupFailedNotice() {
  const health = useApiData<{ failed: boolean; at: string | null; error: string | null }>('/backups/health');
  if (!health.data?.failed) return null;
  return (
    <div className="banner banner-error" role="alert">
      <div>
        <p className="banner-title">The scheduled backup of {formatDateTime(health.data.at)} failed</p>
        <p className="banner-text">
          {health.data.error} <Link to="/backups">Open Backups</Link>
        </p>
      </div>
    </div>
  );
}
