import { Spinner } from '../components/Spinner.tsx';

/** What shows while a page's code downloads (pages load on first use: see pages.ts). */
export function PageLoading() {
  return (
    <div className="page-loading" aria-busy="true">
      <Spinner label="Loading the page…" />
    </div>
  );
}
